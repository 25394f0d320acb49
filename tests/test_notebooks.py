"""Every chapter page's notebook, found through the page's download button (README, "What
`make test` checks"), and the nav's notebook page, checked as a page of this site."""
import ast
import difflib
import re
from importlib.metadata import version
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import nbformat
import pytest
from IPython.core.displayhook import DisplayHook

from tests.support import expected_output, pages, project, runner
from tests.support.project import EXAMPLE_ENV, ROOT

COLAB = "https://colab.research.google.com/github/"
REPO = urlsplit(EXAMPLE_ENV["REPO_URL"]).path.strip("/")
PAGES = [(lang, page) for lang in project.languages()
         for page in project.hook("notebooks").pages_with_code(pages.config(), lang)]
IDS = [f"{lang}/{page}" for lang, page in PAGES]
# What no cell may hold: (pattern, what it is, the kinds of cell read).
ANY, PROSE = ("code", "markdown", "raw"), ("markdown",)
NOT_IN_CELLS = [
    (r"(?<![\w-])(?<!\w/)(snippets|docs|tests)/|\.ipynb|\.md\b|--8<--", "names a file of the repository", ANY),
    (pages.model().OUTPUT.pattern, "holds `#>` lines (the output stands under the cell)", ANY),
    (r"\\\(|\\\[", "math in \\( \\[ (Jupyter reads $ and $$)", PROSE),
    (pages.model().BOX.pattern.replace("^", r"^\s*", 1), "admonition or tab syntax Jupyter lacks", PROSE),
    (r"\{\s*[#.][^}]*\}", "attribute-list syntax Jupyter lacks", PROSE),
    (r"^>[ \t]*$(?!\n>[ \t]*\S)", "a quote that ends empty (a box that holds only code?)", PROSE),
    (r"\]\((?!https?://)", "a link or an image into the site", PROSE),
    (r"(?i)version of this page|notebook version|this notebook|本页的.{0,6}版本|笔记本版本|notebook 版本|"
     r"另一个版本", "describes itself", PROSE),  # a notebook is not "a version of" a page
]


def labels(lang: str) -> dict:
    """The UI words of a language (mkdocs.yml extra.labels; the i18n plugin overrides them)."""
    config = project.config()
    language = next(x for x in config.plugins["i18n"].config.languages if x.locale == lang)
    return {**config.extra["labels"], **(language.extra or {}).get("labels", {})}


def downloaded(site, lang: str, page: str) -> SimpleNamespace:
    """The page's .html, its title .h1 and the buttons right under it (.download, .colab or None),
    and the notebook the download button gives (.path, read by nbformat: .nb). The build's
    warnings about it (a cell that raised, say) explain a missing button."""
    html = site.folder / "site" / project.site_url_path(lang, page) / "index.html"
    says = "".join(f"\n{line}" for line in site.output.splitlines()
                   if f"docs/{lang}/{page}:" in line and "notebook" in line)
    h1 = pages.built(html).select_one(".md-content h1")
    assert h1 is not None, f"{html}: no title"
    bar = h1.find_next_sibling()
    assert bar is not None and "notebook-links" in bar.get("class", []), \
        f"{html}: the notebook buttons are not right under the title{says}"
    download = bar.select_one(f'a[download$=".{lang}.ipynb"]')  # zh and en downloads: two names
    assert download is not None, f"{html}: no download button that saves *.{lang}.ipynb"
    path = (html.parent / download["href"]).resolve()
    assert path.suffix == ".ipynb" and path.is_file(), f"{html}: the download {download['href']} is missing"
    return SimpleNamespace(html=html, h1=h1, download=download, colab=bar.select_one(f'a[href^="{COLAB}"]'),
                           path=path, nb=nbformat.read(path, as_version=4))


# --- what each code cell must hold and print, from the page's includes ----------

def fences(lang: str, page: str) -> list:
    """The page's fences that include snippets, in order (docs/_build/hooks/pages.py)."""
    return [f for f in pages.model().fences(pages.model().read(ROOT / "docs" / lang / page)) if f.includes]


@pytest.fixture(scope="session")
def script_runs() -> dict[str, runner.Run]:
    """{snippet: its run as `python snippet.py`}, which says which statement printed what: the
    same runs as test_snippets.py checks against the `#>` lines (source as it reads it)."""
    files = sorted({inc.path for lang, page in PAGES for fence in fences(lang, page)
                    for inc in fence.includes if (ROOT / inc.path).is_file()})  # else no notebook
    jobs = [runner.Job((ROOT / f).read_text(encoding="utf-8-sig"), f) for f in files]
    return dict(zip(files, runner.run_many(jobs)))


def cell_problems(name: str, fence, cell, runs: dict[str, runner.Run], folded: bool) -> list[str]:
    """A code cell holds its fence's code (only a `;` may be added, after a last expression that
    Jupyter would otherwise echo), prints in print order what its fence's sections print in each
    snippet's run, draws its figures, writes nothing else, and is folded where its box is closed."""
    found, text = [], ""
    code = "\n\n".join(pages.model().expand(pages.config(), inc.target, outputs=False)
                       for inc in fence.includes)
    for inc in fence.includes:  # the lines of the included section, or of the whole file
        lo, hi = pages.model().sections(ROOT / inc.path)[0][inc.section] if inc.section else (1, float("inf"))
        text += "".join(t for line, t in runs[inc.path].chunks if lo <= line <= hi)
    want = expected_output.split_lines(text)
    got, outputs = cell["source"], cell.get("outputs", [])
    if got.replace(";", "") != code.replace(";", "") or ast.dump(ast.parse(got)) != ast.dump(ast.parse(code)):
        found.append(f"{name}: the code is not the snippet's")
    elif got != code and not DisplayHook.semicolon_at_end_of_expression(got):  # IPython's own rule
        found.append(f"{name}: the `;` added to it does not stop Jupyter echoing its last value")
    for out in outputs:
        if out["output_type"] == "error":
            found.append(f"{name}: raised {out.get('ename')}: {out.get('evalue')}")
        elif out["output_type"] == "stream" and out["name"] == "stderr":
            found.append(f"{name}: wrote to standard error:\n{out['text']}")
        elif out["output_type"] == "execute_result":
            found.append(f"{name}: Jupyter echoes a value the page does not show: "
                         f"{out['data'].get('text/plain', '')[:200]}")
    stdout = "".join(o["text"] for o in outputs if o["output_type"] == "stream" and o["name"] == "stdout")
    actual = expected_output.split_lines(stdout)
    if not expected_output.block_matches(want, actual):
        diff = "\n".join(difflib.unified_diff(want, actual, "the page (#> lines)", "the notebook",
                                              lineterm=""))
        found.append(f"{name}: prints something else than the page shows:\n{diff}")
    images = sum(1 for o in outputs if "image/png" in o.get("data", {}))
    if bool(pages.model().SHOWS.search(code)) != (images > 0):  # figures where, and only where, the code shows them
        found.append(f"{name}: {images} figure(s) shown, and plt.show() {'not ' * bool(images)}in its code")
    want = {"source_hidden": True, "outputs_hidden": not images} if folded else {}  # figures stay in view
    if cell.metadata.get("jupyter", {}) != want:
        found.append(f"{name}: folded as {cell.metadata.get('jupyter', {})}, unlike its box on the page")
    return found


# --- the notebooks as built -------------------------------------------------------

@pytest.mark.parametrize("lang, page_uri", PAGES, ids=IDS)
def test_page_offers_its_notebook_under_its_title(built, site, lang, page_uri):
    got, words = downloaded(site, lang, page_uri), labels(lang)
    assert got.download.get_text(" ", strip=True) == words["download_notebook"]
    # Colab opens the same file from the branch the Pages workflow publishes the site's notebooks to.
    assert got.colab is not None, f"{got.html}: no Open in Colab button (the build knows the repository)"
    assert got.colab.get_text(" ", strip=True) == words["open_in_colab"]
    assert built / got.colab["href"].removeprefix(f"{COLAB}{REPO}/blob/notebooks/") == got.path, \
        f"{got.html}: Colab would open {got.colab['href']}, not the downloaded {got.path.relative_to(built)}"
    page_title = got.h1.get_text().rstrip("¶").strip()
    notebook_title = got.nb["cells"][0]["source"].split("\n")[0].removeprefix("# ").strip()
    assert page_title.startswith(notebook_title), (page_title, notebook_title)
    prose = "".join(c["source"] for c in got.nb["cells"] if c["cell_type"] == "markdown")
    share = len(re.findall(r"[\u3400-\u9fff]", prose)) / max(1, len(prose))  # en pages name a few zh terms
    assert (share > 0.1) if lang == "zh" else (share < 0.01), \
        f"{got.path}: prose not in the page's language ({share:.0%} Chinese characters)"
    alts = {img["alt"] for img in pages.built(got.html).select(".md-content img")}  # the page's figures
    assert not (lost := [a for a in alts if f"*{a}*" not in prose]), f"{got.path}: alt text not a caption: {lost}"


@pytest.mark.parametrize("lang, page_uri", PAGES, ids=IDS)
def test_notebook_holds_the_page_snippets_and_their_outputs(built, site, script_runs, lang, page_uri):
    got = downloaded(site, lang, page_uri)
    groups, cells = fences(lang, page_uri), [c for c in got.nb.cells if c.cell_type == "code"]
    assert len(cells) == len(groups), \
        f"{got.path}: {len(cells)} code cells for the page's {len(groups)} code blocks"
    problems, model = [], pages.model()
    folded = [f for box in model.read(ROOT / "docs" / lang / page_uri) if getattr(box, "marker", "") == "???"
              for f in model.fences(box.children)]  # the fences of boxes the page shows closed
    for k, (fence, cell) in enumerate(zip(groups, cells), 1):
        name = f"{got.path.name} code cell {k} ({fence.includes[0].target})"
        problems += cell_problems(name, fence, cell, script_runs, fence in folded)
        if cell.execution_count != k:  # Jupyter would show [ ]: a cell that did not run
            problems.append(f"{name}: execution count {cell.execution_count}, not {k}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang, page_uri", PAGES, ids=IDS)
def test_notebook_prose_is_jupyter_markdown_about_no_repository_file(built, site, lang, page_uri):
    got = downloaded(site, lang, page_uri)
    problems = []
    for k, cell in enumerate(got.nb["cells"]):
        for pattern, what, kinds in NOT_IN_CELLS:
            if cell["cell_type"] in kinds and (m := re.search(pattern, cell["source"], re.M)):
                around = cell["source"][max(0, m.start() - 30):m.end() + 30]
                problems.append(f"{got.path.name} cell {k}: {what}: {around!r}")
    links = [url for cell in got.nb.cells if cell.cell_type == "markdown"
             for url in re.findall(r"\]\((\S+?)\)", cell.source) if url.startswith(EXAMPLE_ENV["SITE_URL"])]
    own = EXAMPLE_ENV["SITE_URL"] + project.site_url_path(lang, page_uri)  # first, under the title
    if links[:1] != [own] or f"torch {version('torch')}" not in got.nb.cells[0].source:
        problems.append(f"{got.path.name}: under its title, no link to {own} and torch's version")
    if not links[1:] and re.search(r"\]\([\w./-]+\.md", (ROOT / "docs" / lang / page_uri).read_text("utf-8")):
        problems.append(f"{got.path.name}: the page's links into the site are not links in the notebook")
    problems += [f"{got.path.name}: {url}: {why}" for url in links
                 if (why := pages.link_problem(built, urlsplit(url)))]
    assert not problems, "\n".join(problems)


def test_the_build_refuses_a_notebook_that_leaves_files_behind():
    hook = project.hook("notebooks")
    with pytest.raises(hook.NotebookError, match=r"left files in its working folder: \['left.txt'\]"):
        hook.execute(["open('left.txt', 'w').close()"])


# --- the nav's notebook pages ----------------------------------------------------

NOTEBOOK_PAGES = [(lang, uri) for lang in project.languages()
                  for uri in pages.model().nav_pages(project.config()) if uri.endswith(".ipynb")]
# (CSS selector in the page's content, whether it must match, the problem if it does not hold)
SELECTED = [
    (".jupyter-wrapper", True, "not rendered by mkdocs-jupyter (no .jupyter-wrapper)"),
    ("style, script", False, "inline <style> or <script> in the content (JupyterLab CSS, MathJax, clipboard)"),
    (".jupyter-wrapper div.language-python.highlight pre > code", True,
     "no code cell in the site's code blocks"),
    (".jupyter-wrapper .notebook-output pre > code", True, "no text output in the site's output blocks"),
    (".highlight-ipynb, .jp-OutputArea-output, .anchor-link", False, "mkdocs-jupyter markup left unstyled"),
    (".jupyter-wrapper .arithmatex, .jupyter-wrapper math", True,
     "no math as the site renders it (arithmatex, or MathML once converted)"),
]
NOT_IN_HTML = [  # (pattern, the problem if the page's HTML holds it)
    ('"cell_type"', "raw notebook JSON (mkdocs-static-i18n issue #198)"),
    ("word-break", "word-break in the page: numbers would split"),
    ("data:image", "an inline image: figures come from the site's figure files"),
]  # (a script from another host, a missing figure: test_browser.py, the link checker)


@pytest.mark.parametrize("lang, uri", NOTEBOOK_PAGES, ids=[f"{lang}/{uri}" for lang, uri in NOTEBOOK_PAGES])
def test_notebook_page_is_a_page_of_this_site(built, site, lang, uri):
    got = downloaded(site, lang, uri)
    text, page = got.html.read_text(encoding="utf-8"), pages.built(got.html)
    content = page.select_one(".md-content")
    problems = [what for selector, wanted, what in SELECTED if bool(content.select(selector)) != wanted]
    problems += [what for pattern, what in NOT_IN_HTML if re.search(pattern, text)]
    problems += [f"$ math left in the text: {node[:80]!r}"
                 for cell in content.select(".jupyter-wrapper .jp-MarkdownCell")
                 for node in cell.find_all(string=re.compile(r"\$[^$\n]+\$")) if not node.find_parent("code")]
    # The figures its notebook draws (its cells: test_notebook_holds_...), from the site's figure files.
    drawn = sum(1 for c in got.nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {}))
    figures = [img["src"] for img in content.select(".jupyter-wrapper img")]
    if not figures or not all(re.search(r"(^|/)figures/.+\.svg(#[\w-]+)?$", src) for src in figures):
        problems.append(f"figures not from the site's figure files: {figures}")
    if not (shown := len(content.select('.jupyter-wrapper img[src$="#only-light"]'))) == drawn > 0:
        problems.append(f"{drawn} figures drawn, {shown} shown")
    folded = sum(1 for c in got.nb.cells if c.metadata.get("jupyter", {}).get("source_hidden"))
    if len(content.select(".jupyter-wrapper details > .jp-CodeCell")) != folded:
        problems.append(f"the notebook's {folded} folded code cells are not each in a closed box")
    # Title in the page's language, buttons under it, edit link to the page it is made from.
    suffix = labels(lang)["notebook_title_suffix"].strip()
    if not got.h1.get_text().rstrip("¶").strip().endswith(suffix):
        problems.append(f"title {got.h1.get_text()!r} without {suffix!r}")
    if got.path != got.html.parent / Path(uri).name:
        problems.append(f"the download button points at {got.download['href']}")
    edit = page.select_one('a[rel="edit"]')
    source_page = f"docs/{lang}/{Path(uri).parent.as_posix()}/index.md"
    if edit is None or not edit["href"].endswith(source_page):
        problems.append(f"the edit link {edit and edit['href']} is not {source_page}")
    index = built / project.site_url_path(lang, "index.md") / "search/search_index.json"  # none if --strict stopped
    if (site.returncode == 0 or index.exists()) and f'"location":"{got.html.parent.relative_to(built)}/' in \
            index.read_text("utf-8"):
        problems.append("in the search index: the search finds its text on the page it is made from")
    assert not problems, f"{got.html.relative_to(built)}:\n" + "\n".join(problems)
