"""Every chapter page with code, as the notebook a reader downloads from it.

The notebook is found the way a reader finds it: through the "download" link
under the page's title in the built site. It must hold the page's prose and,
in order, one code cell per code block of the page with the snippet's code,
and mention no file of the repository. Its outputs are those of the build's
run of it, top to bottom with nbclient in a new kernel in an empty folder (as
Jupyter or Colab runs it, kernel defaults and all; cached under a hash of its
code and of every installed package's version): each cell prints exactly what
the `#>` lines of its snippets say, draws its figures and writes nothing to
standard error. The nav's notebook
page is checked as a page of this site: no JupyterLab CSS or scripts, the
site's code blocks and figures, buttons under its title.
"""
from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.support.builds import EXAMPLE_ENV
from tests.support import early, expected_output, includes, parsed, project, runner

ROOT = project.ROOT
COLAB = "https://colab.research.google.com/github/"
REPO = urlsplit(EXAMPLE_ENV["REPO_URL"]).path.strip("/")
# Words a notebook must not say about itself: it is not "a version of" a page.
SELF_DESCRIPTIONS = re.compile(r"version of this page|notebook version|this notebook|本页的.{0,6}版本|"
                               r"笔记本版本|notebook 版本|另一个版本", re.I)


def pages_with_code(lang: str) -> list[str]:
    return [page.as_posix() for page in includes.pages(ROOT, lang)
            if page.as_posix() != "index.md" and includes.includes(ROOT / "docs" / lang / page)]


PAGES = [(lang, page) for lang in project.languages() for page in pages_with_code(lang)]
IDS = [f"{lang}/{page}" for lang, page in PAGES]


def labels(lang: str) -> dict:
    """The UI words of a language (mkdocs.yml extra.labels; the i18n plugin overrides them)."""
    config = project.config()
    for language in config.plugins["i18n"].config.languages:
        if language.locale == lang and not language.default and (language.extra or {}).get("labels"):
            return {**config.extra["labels"], **language.extra["labels"]}
    return config.extra["labels"]


def soup(path: Path):
    return parsed.page(path)


def buttons(html_path: Path):
    """(download link, Colab link or None) of the buttons right under the page's title."""
    page = soup(html_path)
    h1 = page.select_one(".md-content h1")
    assert h1 is not None, f"{html_path}: no title"
    bar = h1.find_next_sibling()
    assert bar is not None and "notebook-links" in bar.get("class", []), \
        f"{html_path}: the notebook buttons are not right under the title"
    download = bar.select_one("a[download]")
    colab = bar.select_one(f'a[href^="{COLAB}"]')
    return h1, download, colab


def downloaded(built: Path, lang: str, page: str) -> tuple[Path, dict]:
    """The notebook the page's download button gives, and its JSON."""
    html = built / project.site_url_path(lang, page) / "index.html"
    _, download, _ = buttons(html)
    assert download is not None, f"{html}: no download button"
    path = (html.parent / download["href"]).resolve()
    assert path.suffix == ".ipynb" and path.is_file(), f"{html}: the download {download['href']} is missing"
    return path, json.loads(path.read_text(encoding="utf-8"))


# --- what each code cell must hold and print, from the page's includes ----------

def fences(lang: str, page: str) -> list[list[includes.Include]]:
    """The page's includes, grouped by the fence that holds them, in order."""
    groups: dict[int, list] = {}
    for inc in includes.includes(ROOT / "docs" / lang / page):
        groups.setdefault(inc.fence_line, []).append(inc)
    return list(groups.values())


def expected(group: list[includes.Include]) -> tuple[str, bool]:
    """(the code without `#>` lines and section markers, whether it draws a figure)."""
    code = []
    for inc in group:
        text = includes.expand(ROOT, f'--8<-- "{inc.target}"')
        code.append("\n".join(line for line in text.split("\n")
                              if not expected_output.BLOCK_LINE.match(line)
                              and not re.search(r"#\s*--8<--\s*\[(start|end):", line)).strip("\n"))
    source = "\n\n".join(code)
    return source, "plt.show()" in source


@pytest.fixture(scope="session")
def script_runs(request) -> dict[str, runner.Run]:
    """{snippet: its run as `python snippet.py`}, which says which statement printed what."""
    files = sorted({inc.path for lang, page in PAGES for group in fences(lang, page) for inc in group})
    # The same jobs as test_snippets runs (source as it reads it, path from the root).
    files = [f for f in files if (ROOT / f).is_file()]  # a missing one fails test_pages
    jobs = [runner.Job((ROOT / f).read_text(encoding="utf-8-sig"), f) for f in files]
    return dict(zip(files, runner.run_memo(jobs)))


def section_lines(inc: includes.Include) -> tuple[int, int]:
    lines = (ROOT / inc.path).read_text(encoding="utf-8").split("\n")
    if inc.section is None:
        return 1, len(lines)
    marker = lambda kind: re.compile(rf"--8<--\s*\[{kind}:{re.escape(inc.section)}\]")  # noqa: E731
    start = next(n for n, line in enumerate(lines, 1) if marker("start").search(line))
    end = next(n for n, line in enumerate(lines, 1) if n > start and marker("end").search(line))
    return start, end


def printed(group: list[includes.Include], runs: dict[str, runner.Run]) -> tuple[list[str], list[str]]:
    """(the lines the page shows under the cell's code, in the order they are printed;
    problems). The snippet run as a script attributes each printed line to a statement:
    the cell prints what the statements of its sections print, which test_snippets
    checks against the `#>` lines (checked here again, for these files)."""
    text, problems = "", []
    for inc in group:
        run = runs.get(inc.path)
        if run is None:
            problems.append(f"docs/{inc.page.relative_to(ROOT / 'docs').as_posix()}:{inc.line}: "
                            f'include "{inc.target}" not found')
            continue
        if run.error or run.stderr:
            problems.append(f"{inc.path}: fails as a script:\n{run.error or run.stderr}")
            continue
        source = (ROOT / inc.path).read_text(encoding="utf-8")
        problems += expected_output.compare(source, run.chunks, inc.path)
        lo, hi = section_lines(inc)
        text += "".join(t for line, t in run.chunks if lo <= line <= hi)
    return (expected_output.split_lines(text) if text else []), problems


def stdout(outputs: list[dict]) -> str:
    return "".join(_text(o) for o in outputs if o["output_type"] == "stream" and o["name"] == "stdout")


def _text(output: dict) -> str:
    text = output.get("text", "")
    return "".join(text) if isinstance(text, list) else text


def problems_with_outputs(name: str, group, outputs: list[dict], runs) -> list[str]:
    import difflib

    want, found = printed(group, runs)
    draws = expected(group)[1]
    kinds = [o["output_type"] for o in outputs]
    for out in outputs:
        if out["output_type"] == "error":
            found.append(f"{name}: raised {out.get('ename')}: {out.get('evalue')}")
        elif out["output_type"] == "stream" and out["name"] == "stderr":
            found.append(f"{name}: wrote to standard error:\n{_text(out)}")
        elif out["output_type"] == "execute_result":
            found.append(f"{name}: Jupyter echoes a value the page does not show: "
                         f"{out['data'].get('text/plain', '')[:200]}")
    actual = expected_output.split_lines(stdout(outputs)) if stdout(outputs) else []
    if not expected_output.block_matches(want, actual):
        diff = "\n".join(difflib.unified_diff(want, actual, "the page (#> lines)", "the notebook",
                                              lineterm=""))
        found.append(f"{name}: prints something else than the page shows:\n{diff}")
    images = sum(1 for o in outputs if "image/png" in o.get("data", {}))
    if draws and not images:
        found.append(f"{name}: draws no figure (output types: {kinds})")
    if images and not draws:
        found.append(f"{name}: shows {images} figure(s) although its code calls no plt.show()")
    return found


def code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


# --- the notebooks as built -------------------------------------------------------

@pytest.mark.parametrize("lang, page_uri", PAGES, ids=IDS)
def test_page_offers_its_notebook_under_its_title(built, lang, page_uri):
    html = built / project.site_url_path(lang, page_uri) / "index.html"
    h1, download, colab = buttons(html)
    shown = {"download": download.get_text(" ", strip=True),
             "colab": colab.get_text(" ", strip=True) if colab else ""}
    words = labels(lang)
    assert shown["download"] == words["download_notebook"], shown
    path, nb = downloaded(built, lang, page_uri)
    # Colab opens the same file from the branch the Pages workflow publishes the site's notebooks to.
    assert colab is not None, f"{html}: no Open in Colab button (the build knows the repository)"
    assert shown["colab"] == words["open_in_colab"], shown
    prefix = f"{COLAB}{REPO}/blob/notebooks/"
    assert colab["href"].startswith(prefix), colab["href"]
    assert built / colab["href"].removeprefix(prefix) == path, \
        f"{html}: Colab would open {colab['href']}, not the downloaded {path.relative_to(built)}"
    title = nb["cells"][0]["source"]
    title = "".join(title) if isinstance(title, list) else title
    page_title = h1.get_text().rstrip("¶").strip()
    notebook_title = title.split("\n")[0].removeprefix("# ").strip()
    assert page_title.startswith(notebook_title), (page_title, notebook_title)
    cjk = re.compile(r"[\u3400-\u9fff]")
    prose = "".join(source(c) for c in nb["cells"] if c["cell_type"] == "markdown")
    share = len(cjk.findall(prose)) / max(1, len(prose))  # en pages name a few zh terms
    assert (share > 0.1) if lang == "zh" else (share < 0.01), \
        f"{path}: prose not in the page's language ({share:.0%} Chinese characters)"


@pytest.mark.parametrize("lang, page_uri", PAGES, ids=IDS)
def test_notebook_holds_the_page_snippets_and_their_outputs(built, script_runs, lang, page_uri):
    path, nb = downloaded(built, lang, page_uri)
    groups, cells = fences(lang, page_uri), code_cells(nb)
    assert len(cells) == len(groups), \
        f"{path}: {len(cells)} code cells for the page's {len(groups)} code blocks"
    problems = []
    for k, (group, cell) in enumerate(zip(groups, cells), 1):
        name = f"{path.name} code cell {k} ({group[0].target})"
        want, got = expected(group)[0], source(cell)
        # Only a `;` may be added, after a last expression that Jupyter would otherwise echo.
        if got.replace(";", "") != want.replace(";", "") or \
                ast.dump(ast.parse(got)) != ast.dump(ast.parse(want)):
            problems.append(f"{name}: the code is not the snippet's")
        problems += problems_with_outputs(name, group, cell.get("outputs", []), script_runs)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang, page_uri", PAGES, ids=IDS)
def test_notebook_prose_is_jupyter_markdown_about_no_repository_file(built, lang, page_uri):
    path, nb = downloaded(built, lang, page_uri)
    problems = []
    for k, cell in enumerate(nb["cells"]):
        text = source(cell)
        where = f"{path.name} cell {k}"
        for pattern, what in [(r"snippets/|docs/|tests/|\.ipynb|\.md\b|--8<--", "names a file of the repository"),
                              (r"^[ \t]*#>", "holds `#>` lines (the output stands under the cell)")]:
            if re.search(pattern, text, re.M):
                problems.append(f"{where}: {what}: {re.search(pattern, text, re.M)[0]!r}")
        if cell["cell_type"] != "markdown":
            continue
        for pattern, what in [(r"\\\(|\\\[", "math in \\( \\[ (Jupyter reads $ and $$)"),
                              (r"^\s*(!!!|\?\?\?|===)", "admonition or tab syntax Jupyter does not know"),
                              (r"\{\s*[#.][^}]*\}", "an attribute list"),
                              (r"!\[", "an image (the code cells draw the figures)"),
                              (r"\]\((?!https?://)", "a link into the site")]:
            if m := re.search(pattern, text, re.M):
                problems.append(f"{where}: {what}: {text[max(0, m.start() - 30):m.end() + 30]!r}")
        if m := SELF_DESCRIPTIONS.search(text):
            problems.append(f"{where}: describes itself: {m[0]!r}")
    assert not problems, "\n".join(problems)


# --- how the build runs them ------------------------------------------------------

def notebook_leaving_a_file(folder: Path):
    """The build's notebook runner, in a process of its own (a kernel takes seconds to
    start), on a cell that leaves a file behind."""
    code = ("from tests.support import project\n"
            "project.hook('notebooks').execute([\"open('left.txt', 'w').close()\"], 'en/x.md')")
    return early.popen([sys.executable, "-c", code], folder, cwd=ROOT)


@early.command(notebook_leaving_a_file)
def test_the_build_refuses_a_notebook_that_leaves_files_behind():
    """The outputs checked above come from the build's own run (docs/_build/hooks/
    notebooks.py): a new kernel in an empty folder, the kernel's defaults. A cell
    that raises fails it (nbclient), and so does a file left in that folder."""
    done = early.result(notebook_leaving_a_file)
    assert done.returncode != 0, done.text("out")
    assert ("RuntimeError: the notebook of en/x.md left files in its working folder: "
            "['left.txt']") in done.text("out"), done.text("out")


# --- the nav's notebook pages ----------------------------------------------------

NOTEBOOK_PAGES = [(lang, uri) for lang in project.languages() for uri in project.notebook_uris()]


@pytest.mark.parametrize("lang, uri", NOTEBOOK_PAGES, ids=[f"{lang}/{uri}" for lang, uri in NOTEBOOK_PAGES])
def test_notebook_page_is_a_page_of_this_site(built, lang, uri):
    html_path = built / project.site_url_path(lang, uri) / "index.html"
    text = html_path.read_text(encoding="utf-8")
    page = soup(html_path)
    content = page.select_one(".md-content")
    problems = []
    wrapper = content.select_one(".jupyter-wrapper")
    if wrapper is None:
        problems.append("not rendered by mkdocs-jupyter (no .jupyter-wrapper)")
    if '"cell_type"' in text:
        problems.append("raw notebook JSON (mkdocs-static-i18n issue #198)")
    if content.find(["style", "script"]):
        problems.append(f"inline <{content.find(['style', 'script']).name}> in the content "
                        "(JupyterLab CSS, MathJax or clipboard scripts)")
    if "word-break" in text:
        problems.append("word-break in the page: numbers would split")
    if "data:image" in text:
        problems.append("an inline image: figures come from the site's figure files")
    if re.search(r'<script[^>]+src="(https?:)?//', text):
        problems.append("a script from another host")
    if not content.select(".jupyter-wrapper div.language-python.highlight pre > code"):
        problems.append("no code cell in the site's code blocks")
    if not content.select(".jupyter-wrapper .notebook-output pre > code"):
        problems.append("no text output in the site's output blocks")
    if content.select(".highlight-ipynb, .jp-OutputArea-output, .anchor-link"):
        problems.append("mkdocs-jupyter markup left unstyled")
    figures = [img["src"] for img in content.select(".jupyter-wrapper img")]
    if not figures or not all(re.search(r"(^|/)figures/.+\.svg(#[\w-]+)?$", src) for src in figures):
        problems.append(f"figures not from the site's figure files: {figures}")
    if not content.select(".jupyter-wrapper .arithmatex, .jupyter-wrapper math"):
        problems.append("no math as the site renders it (arithmatex, or MathML once converted)")
    for cell in content.select(".jupyter-wrapper .jp-MarkdownCell"):
        for text_node in cell.find_all(string=re.compile(r"\$[^$\n]+\$")):
            if not text_node.find_parent("code"):
                problems.append(f"$ math left in the text: {text_node[:80]!r}")
    # Title in the page's language, buttons under it, edit link to the page it is made from.
    h1, download, colab = buttons(html_path)
    suffix = labels(lang)["notebook_title_suffix"].strip()
    if not h1.get_text().rstrip("¶").strip().endswith(suffix):
        problems.append(f"title {h1.get_text()!r} without {suffix!r}")
    if (html_path.parent / download["href"]).resolve() != html_path.parent / Path(uri).name:
        problems.append(f"the download button points at {download['href']}")
    edit = page.select_one('a[rel="edit"]') or page.select_one("a.md-content__button")
    source_page = f"docs/{lang}/{Path(uri).parent.as_posix()}/index.md"
    if edit is not None and not edit["href"].endswith(source_page):
        problems.append(f"the edit link {edit['href']} is not {source_page}")
    assert not problems, f"{html_path.relative_to(built)}:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang, uri", NOTEBOOK_PAGES, ids=[f"{lang}/{uri}" for lang, uri in NOTEBOOK_PAGES])
def test_notebook_page_shows_every_figure_its_notebook_draws(built, lang, uri):
    html_path = built / project.site_url_path(lang, uri) / "index.html"
    nb = json.loads((html_path.parent / Path(uri).name).read_text(encoding="utf-8"))
    drawn = sum(1 for c in code_cells(nb) for o in c.get("outputs", []) if "image/png" in o.get("data", {}))
    shown = {urljoin(str(html_path), img["src"]) for img in soup(html_path).select(".jupyter-wrapper img")}
    assert len(shown) >= drawn > 0, f"{html_path}: {drawn} figures drawn, {len(shown)} shown"
    for url in shown:
        assert Path(urlsplit(url).path).is_file(), f"{html_path}: missing figure {url}"


# --- the conversion itself, on a page that uses every construct --------------------

PAGE = '''# Title

Intro with \\(x^2\\), a [link](other.md#anchor) and [a site](https://pytorch.org/).

## A heading { #an-id }

Text right under it.

\\[
y = a \\cdot b
\\]

!!! note "A note"
    Noted, with \\(w\\).

=== "1"

    ![Step 1](../figures/graph/draw_graph.svg){ .figure loading=lazy }

=== "2"

    ![Step 2](../figures/graph/draw_graph.svg){ .figure }

```python title="snippets/graph/draw_graph.py"
--8<-- "snippets/graph/draw_graph.py"
```

| a | b |
| --- | --- |
| 1 | 2 |

??? success "Answer"
    The answer.

    ```python title="snippets/graph/leaves.py"
    --8<-- "snippets/graph/leaves.py"
    ```

    After the code.
'''


def test_page_markdown_becomes_jupyter_markdown_and_code_cells(tmp_path):
    from types import SimpleNamespace

    hook = project.hook("notebooks")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "page.md").write_text(PAGE, encoding="utf-8")
    config = SimpleNamespace(docs_dir=str(tmp_path), config_file_path=str(ROOT / "mkdocs.yml"),
                             mdx_configs=project.config().mdx_configs)
    cells = hook.PageConverter(config, "en", "page.md").cells()
    kinds = [(c.kind, c.snippet) for c in cells]
    assert kinds == [("markdown", ""), ("code", "snippets/graph/draw_graph.py"), ("markdown", ""),
                     ("code", "snippets/graph/leaves.py"), ("markdown", "")], kinds
    first, middle, last = cells[0].source, cells[2].source, cells[4].source
    assert first == (
        "# Title\n\n"
        "Intro with $x^2$, a link and [a site](https://pytorch.org/).\n\n"
        "## A heading\n\n"
        "Text right under it.\n\n"
        "$$\ny = a \\cdot b\n$$\n\n"
        "> **A note**\n>\n> Noted, with $w$."), first  # the tabs held only figures the code draws
    assert middle == "| a | b |\n| --- | --- |\n| 1 | 2 |\n\n> **Answer**\n>\n> The answer.", middle
    assert last == "After the code.", last
    assert cells[1].source == expected([includes.Include(Path("x"), 0, "snippets/graph/draw_graph.py",
                                                         1, "snippets/graph/draw_graph.py")])[0]
    # The rendered notebook page keeps the page's own Markdown: tabs, figures, admonitions.
    assert '=== "1"' in cells[0].page_source and "{ #an-id }" in cells[0].page_source
    assert cells[2].page_source.endswith('!!! success "Answer"\n\n    The answer.')
