"""The printed edition (`make pdf`, docs/_build/pdf.py), read back with pypdf and held
against the built site: outline, code, figures, fonts, text, pages and size."""
from __future__ import annotations

import functools
import importlib.util
import io
import re
import subprocess
import sys

import pytest

from tests.support import parsed, project

_spec = importlib.util.spec_from_file_location("pdf", project.DOCS / "_build" / "pdf.py")
pdf = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pdf)

RADICALS = re.compile("[\u2e80-\u2fdf]")  # what a CFF CJK font printed by Chromium extracts as
HAN = re.compile("[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")
MAX_BYTES = 10_000_000


def squeeze(text: str) -> str:
    """Text without whitespace: a wrapped code line extracts with a line break in it."""
    return re.sub(r"\s+", "", text)


def site_contents(site, lang: str) -> dict:
    """What the PDF of lang must hold, from the built site: [(level, h1 or h2 text)], the
    lines of every code block, the alt text of every (light) figure."""
    config, folder = project.config(), "" if lang == project.languages()[0] else lang + "/"
    headings, code, figures = [], [], []
    for uri in pdf.nav_pages(config):
        article = parsed.page(site / folder / pdf.page_dir(uri) / "index.html").select_one(
            ".md-content article")
        headings += [(int(h.name[1]) - 1, h.get_text().removesuffix("¶").strip())
                     for h in article.select("h1, h2")]
        code += [line for div in article.select("div.highlight")
                 for line in div.select_one("pre > code").get_text().splitlines() if line.strip()]
        figures += [img["alt"] for img in article.select('img[src$="#only-light"]')]
    return {"headings": headings, "code": code, "figures": figures}


@functools.cache
def read(data: bytes) -> dict:
    """A PDF's outline [(level, title)], text per page, [(font, text)] as drawn, figures' alt
    texts (tagged PDF), link annotations, and fonts."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    outline, pages, drawn, figures, links, fonts = [], [], [], [], [], {}

    def walk_outline(items, level=0):
        for item in items:
            walk_outline(item, level + 1) if isinstance(item, list) else \
                outline.append((level, item.title))

    def walk_tags(node):
        node = node.get_object()
        for kid in node if isinstance(node, list) else [node] if hasattr(node, "get") else []:
            kid = kid.get_object()
            if hasattr(kid, "get") and kid.get("/S") == "/Figure":
                figures.append(str(kid.get("/Alt", "")))
            if hasattr(kid, "get") and "/K" in kid:
                walk_tags(kid["/K"])

    def walk_fonts(resources):
        for font in (resources.get("/Font") or {}).values():
            fonts[font.idnum] = font.get_object()
        for xobject in (resources.get("/XObject") or {}).values():
            if "/Resources" in xobject.get_object():
                walk_fonts(xobject.get_object()["/Resources"])

    walk_outline(reader.outline)
    if "/StructTreeRoot" in reader.trailer["/Root"]:
        walk_tags(reader.trailer["/Root"]["/StructTreeRoot"]["/K"])
    for page in reader.pages:
        pages.append(page.extract_text(visitor_text=lambda text, cm, tm, font, size: drawn.append(
            (str(font.get("/BaseFont", font.get("/Subtype"))) if font else "", text))))
        walk_fonts(page.get("/Resources") or {})
        links += [link.get_object() for link in page.get("/Annots") or []]
    return {"outline": outline, "pages": pages, "drawn": drawn, "figures": figures,
            "links": links, "fonts": list(fonts.values())}


def check_outline(outline: list, headings: list) -> list[str]:
    """The outline's first two levels are the pages' titles and `##` headings, in nav order."""
    found = [(level, squeeze(title)) for level, title in outline if level < 2]
    wanted = [(level, squeeze(title)) for level, title in headings]
    if found == wanted:
        return []
    missing = [f"{'##' if level else '#'} {title}" for level, title in headings
               if (level, squeeze(title)) not in found]
    return [f"outline differs from the nav's pages and ## headings; missing: {missing}"]


def check_lines(pages: list[str], lines: list[str]) -> list[str]:
    """Every code line whole in the text (a line cut at the margin or split across two pages,
    with the footer between its parts, is not)."""
    text = squeeze("\n".join(pages))
    return [f"code line not whole in the PDF: {line.strip()!r}" for line in lines
            if squeeze(line) not in text]


def check_fonts(fonts: list, drawn: list, lang: str) -> list[str]:
    """Every font embedded with its font program (no Type 3); Chinese set in a CJK font."""
    problems = []
    for font in fonts:
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font \
            else font
        descriptor = descendant.get("/FontDescriptor")
        if not descriptor or not any(key in descriptor.get_object() for key in FONT_FILES):
            problems.append(f"font not embedded: {font.get('/BaseFont', font['/Subtype'])}")
    if lang == "zh":
        problems += sorted({f"Chinese set in {font or 'no font'}: {text.strip()[:20]!r}"
                            for font, text in drawn if HAN.search(text) and "CJK" not in font})
    return problems


def check_pages(pages: list[str], title: str) -> list[str]:
    """No blank page: each has text besides its footer (the title and its number)."""
    return [f"page {number} is blank" for number, text in enumerate(pages, 1)
            if not squeeze(text).replace(squeeze(title), "", 1).replace(str(number), "", 1)]


@pytest.fixture(scope="session")
def pdfs(built, tmp_path_factory) -> dict:
    """{lang: the PDF's bytes}, printed by `python docs/_build/pdf.py` from the built site."""
    out = tmp_path_factory.mktemp("pdf")
    run = subprocess.run([sys.executable, str(project.DOCS / "_build" / "pdf.py"), str(built),
                          str(out)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    return {lang: (out / f"{pdf.NAME}-{lang}.pdf").read_bytes() for lang in project.languages()}


@pytest.mark.parametrize("lang", project.languages())
def test_pdf_holds_every_page_heading_code_line_and_figure(pdfs, built, lang):
    got, site = read(pdfs[lang]), site_contents(built, lang)
    problems = check_outline(got["outline"], site["headings"]) + \
        check_lines(got["pages"], site["code"])
    if got["figures"] != site["figures"]:
        problems.append(f"figures (tagged, by alt text) {got['figures']} != {site['figures']}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", project.languages())
def test_pdf_fonts_text_pages_links_and_size(pdfs, lang):
    got = read(pdfs[lang])
    title = next(t for locale, _, t in pdf.languages(project.config()) if locale == lang)
    problems = check_fonts(got["fonts"], got["drawn"], lang) + check_pages(got["pages"], title)
    text = "".join(got["pages"]) + "".join(title for _, title in got["outline"])
    problems += [f"CJK radical U+{ord(c):04X} {c} in the text" for c in set(RADICALS.findall(text))]
    uris = [str(link["/A"].get("/URI")) for link in got["links"] if "/A" in link]
    problems += [f"link out of the PDF to a local file: {uri}" for uri in uris
                 if uri.startswith(("file:", pdf.BASE))]
    if not any("/Dest" in link for link in got["links"]):
        problems.append("no link inside the PDF")
    if len(pdfs[lang]) >= MAX_BYTES:
        problems.append(f"{len(pdfs[lang]) / 1e6:.1f} MB, over {MAX_BYTES / 1e6:.0f} MB")
    assert not problems, "\n".join(problems)


# Faults: the checks above fail on a page left out and on a code line cut at the margin.

def test_a_page_missing_from_the_pdf_fails(pdfs, built):
    got, site = read(pdfs["en"]), site_contents(built, "en")
    tops = [n for n, (level, _) in enumerate(got["outline"]) if level == 0]
    outline = got["outline"][:tops[2]] + got["outline"][tops[3]:]  # the third page left out
    assert check_outline(got["outline"], site["headings"]) == []
    assert check_outline(outline, site["headings"])


def test_a_code_line_cut_at_the_margin_fails(page):
    line = "print(torch.autograd.grad(outputs, inputs, grad_outputs=None, retain_graph=None, " \
           "create_graph=False, only_inputs=True, allow_unused=None, is_grads_batched=False))"
    for css, fails in (("white-space: pre; overflow: hidden", True), ("white-space: pre-wrap", False)):
        page.set_content(f'<pre style="{css}"><code>{line}</code></pre>')
        assert bool(check_lines(read(page.pdf(format="A4"))["pages"], [line])) is fails, css
