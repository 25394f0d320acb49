"""The printed edition (README, "Publishing"): `make pdf`, which runs `pdf.py SITE_DIR OUT_DIR`,
writes OUT_DIR/<extra.pdf_name>-<lang>.pdf. Each page's article keeps its ids, prefixed, so that internal
links stay in the PDF. (mkdocs-print-site-plugin collects only the default language under
mkdocs-static-i18n.)

Chromium embeds a font with CFF outlines, such as the installed Noto Sans CJK, as Type 3
glyphs whose ToUnicode gives each glyph the lowest code point mapped to it: 用 shares its
glyph with the Kangxi radical U+2F64 and extracts as ⽤. So Chinese is set in a copy of
Noto Sans CJK SC subset to the document's characters less U+2E80-U+2FDF, with TrueType
outlines, which Chromium embeds as a CID font."""
import html
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).parent / "hooks"))  # the page model, imported as the hooks do
import pages  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
RADICALS = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement and Kangxi Radicals
CJK = {400: "Noto Sans CJK SC:style=Regular", 700: "Noto Sans CJK SC:style=Bold"}
BASE = "http://pdf.invalid/"  # the site's pages are resolved against this while joined


# What the printed page leaves out: permalinks, edit and notebook buttons, dark figures.
DROP = re.compile(r'<a class="headerlink".*?</a>|<a [^>]*class="md-content__button.*?</a>'
                  r'|<div class="notebook-links">.*?</div>|<img [^>]*#only-dark"[^>]*>| loading="lazy"', re.S)
TAG = re.compile(r"<[a-z][^>]*>")
ATTRIBUTE = re.compile(r' (id|src|href)="([^"]*)"')
CODE = re.compile(r"(<pre[^>]*>)(?:<span></span>)?(<code[^>]*>)(.*?)(</code>)", re.S)


def lines(code: re.Match) -> str:
    """A code block, each line a block of its own that no page break splits, with its indent (tags aside)."""
    return code[1] + code[2] + "".join(
        f'<span class="pdf-line" style="--indent:{len(text) - len(text.lstrip(" "))}ch">{line}</span>'
        for line in code[3].rstrip("\n").split("\n") for text in [re.sub("<[^>]*>", "", line)]) + code[4]


def printed(config) -> list[str]:
    """The pages the PDF holds, in nav order: all but the notebook page, which repeats the recipe."""
    return [uri for uri in pages.nav_pages(config) if not uri.endswith(".ipynb")]


def joined(site: Path, folder: str, uris: list[str], site_url: str):
    """The body of one language's document and its stylesheets (file URLs)."""
    anchors = {folder + pages.page_dir(p): "p-" + (pages.page_dir(p).strip("/").replace("/", "-") or "home")
               for p in uris}
    sheets, body = [], []
    for path, prefix in anchors.items():
        text, here = (site / path / "index.html").read_text("utf-8"), BASE + path
        sheets += [(site / urlsplit(urljoin(here, href)).path[1:]).as_uri()
                   for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', text)]

        def attribute(match: re.Match) -> str:
            name, value = match[1], match[2]
            url = urlsplit(urljoin(here, value))
            if name == "id":
                value = f"{prefix}--{value}"
            elif name == "src":
                value = (site / unquote(url.path[1:])).as_uri()
            elif url.netloc == urlsplit(BASE).netloc:  # a link into the site
                page = url.path[1:]
                value = (f"#{anchors[page]}" + (f"--{url.fragment}" if url.fragment else "")
                         if page in anchors else urljoin(site_url, page))
            return f' {name}="{value}"'

        article = DROP.sub("", text[text.index("<article"):text.index("</article>") + 10])
        article = TAG.sub(lambda tag: ATTRIBUTE.sub(attribute, tag[0]), article)
        article = CODE.sub(lines, article.replace("<details", "<details open"))
        body.append(f'<section class="pdf-page" id="{prefix}">{article}</section>')
    return "\n".join(body), list(dict.fromkeys(sheets))  # each sheet once, in order


def cjk_font(text: str, weight: int, out: Path) -> Path:
    """Noto Sans CJK SC (weight) subset to text's characters, less the radicals, as TrueType."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.subset import Options, Subsetter
    from fontTools.ttLib import TTFont, newTable

    found = subprocess.run(["fc-match", "-f", "%{file}\n%{index}\n%{family}", CJK[weight]],
                           capture_output=True, text=True, check=True).stdout.split("\n")
    if "Noto Sans CJK SC" not in found[2]:
        sys.exit(f"pdf.py: no {CJK[weight]} font (Debian: apt-get install fonts-noto-cjk)")
    font = TTFont(found[0], fontNumber=int(found[1]))
    subsetter = Subsetter(Options(layout_features=[], notdef_outline=True))
    subsetter.populate(unicodes={ord(c) for c in text} - set(RADICALS))
    subsetter.subset(font)
    outlines, glyphs = font.getGlyphSet(), {}
    for name in font.getGlyphOrder():
        pen = TTGlyphPen(None)
        outlines[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    del font["CFF "], font["VORG"]  # VORG: vertical origins, a table of CFF fonts only
    font["glyf"], font.sfntVersion = newTable("glyf"), "\0\1\0\0"  # FontBuilder sees TrueType
    builder = FontBuilder(font=font)
    builder.setupGlyf(glyphs)
    builder.setupMaxp()
    font["post"].formatType = 3.0  # no glyph names
    font.save(out / f"cjk-{weight}.ttf")
    return out / f"cjk-{weight}.ttf"


def build(site: Path, out: Path) -> list[Path]:
    import pikepdf
    from mkdocs.config import load_config
    from playwright.sync_api import sync_playwright

    config = load_config(str(ROOT / "mkdocs.yml"))
    documents, uris = [], printed(config)
    for lang in pages.languages(config):  # the default language at the site's root
        folder, title = "" if lang.default else f"{lang.locale}/", lang.site_name or config.site_name
        documents.append((lang.locale, title, *joined(site, folder, uris, config.site_url),
                          f"{title} · {config.site_url}{folder}"))  # the footer
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as tmp:
        text = "".join(title + body for _, title, body, *_ in documents)
        style = "".join(f'@font-face{{font-family:PDFCJK;font-weight:{weight};'
                        f'src:url("{cjk_font(text, weight, Path(tmp)).as_uri()}")}}\n'
                        for weight in CJK) + (Path(__file__).parent / "pdf.css").read_text("utf-8")
        page = playwright.chromium.launch(executable_path=CHROMIUM).new_page()  # headless, no sandbox
        for locale, title, body, sheets, footer in documents:
            links = "".join(f'<link rel="stylesheet" href="{sheet}">' for sheet in sheets)
            document = Path(tmp, f"{locale}.html")
            document.write_text(
                f'<!doctype html><html lang="{locale}"><head><meta charset="utf-8">'
                f"<title>{html.escape(title)}</title>{links}<style>{style}\n"
                f"@page{{@bottom-left{{content:{json.dumps(footer, ensure_ascii=False)}}}}}"
                '</style></head><body dir="ltr" data-md-color-scheme="default">'
                f"{body}</body></html>", "utf-8")
            page.goto(document.as_uri(), wait_until="load")
            page.evaluate("document.fonts.ready")
            written.append(out / f"{config.extra['pdf_name']}-{locale}.pdf")
            page.pdf(path=written[-1], format="A4", outline=True, tagged=True,
                     print_background=True, prefer_css_page_size=True)
            # The tags, which the outline needs, are some 40,000 small objects: packed into
            # compressed object streams, the file is a third of Chromium's 7 MB.
            with pikepdf.open(written[-1], allow_overwriting_input=True) as packed:
                packed.Root.PageMode = pikepdf.Name.UseOutlines  # open with the outline shown
                packed.save(written[-1], object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python docs/_build/pdf.py SITE_DIR OUT_DIR")
    for written in build(Path(sys.argv[1]).resolve(), Path(sys.argv[2])):
        print(written, f"{written.stat().st_size / 1e6:.1f} MB")
