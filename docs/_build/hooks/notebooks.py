"""MkDocs hook: every page with code (the home page aside) as an executed notebook in its
language (cells: notebook_cells.py), offered under its title and beside it as
`<page URL>/<stem>.ipynb`; a nav entry `<folder>/notebook.ipynb` shows the notebook of
`<folder>/index.md` as a page (notebook_page.py). The notebooks are added after
mkdocs-static-i18n rebuilds the files (its issue #198: they would come out as raw JSON)."""
import ast
import html as htmllib
import json
import logging
import os
import posixpath
import re
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import material
import nbformat
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from mkdocs_jupyter.plugin import NotebookFile
from nbclient import NotebookClient

import notebook_cells
import notebook_page
import pages
import store

TIMEOUT_S = 300  # per cell
NOTEBOOK_BRANCH = "notebooks"  # .github/workflows/pages.yml publishes the built notebooks there
KERNEL = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
          "language_info": {"name": "python"}}
CODE = Path(__file__).read_text(encoding="utf-8")  # in the store's keys
log = logging.getLogger("mkdocs.hooks.notebooks")


# --- running the code ----------------------------------------------------------

class NotebookError(Exception):
    """A run that fails: `cell` is the index of the code cell that raised, or None."""

    def __init__(self, message: str, cell: int | None = None):
        super().__init__(message)
        self.cell = cell


def run(sources: list[str]) -> dict:
    """{"sources": [...], "outputs": [[...], ...]}: the code cells run top to bottom in
    one new kernel in an empty folder (from the store when unchanged)."""
    def make(folder: Path):
        outputs = execute(sources)
        # A cell that echoes its last value gets a `;`, as a reader would write it, and loses
        # that output: the same run without the echo (one left: test_notebooks.py fails).
        code = [quiet(s) if any(o["output_type"] == "execute_result" for o in outs) else s
                for s, outs in zip(sources, outputs)]
        outputs = [[o for o in outs if c == s or o["output_type"] != "execute_result"]
                   for s, c, outs in zip(sources, code, outputs)]
        (folder / "run.json").write_text(json.dumps({"sources": code, "outputs": outputs}), encoding="utf-8")

    return json.loads((store.entry("notebook-runs", [sources, CODE], make) / "run.json").read_text("utf-8"))


def execute(sources: list[str]) -> list[list[dict]]:
    """Outputs of each cell, run as Jupyter runs a notebook: in a new kernel, in an empty folder, with the
    kernel's defaults (but the history kept off the disk, and its log quiet: its TCP notice on every start
    is about loopback ports). NotebookError for a cell that raises or for a file left in the folder."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources], metadata=KERNEL)
    env = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "PYTHONPATH")}
    with tempfile.TemporaryDirectory() as empty:
        NotebookClient(nb, timeout=TIMEOUT_S, allow_errors=True, resources={"metadata": {"path": empty}},
                       extra_arguments=["--HistoryManager.hist_file=:memory:", "--log-level=ERROR"],
                       ).execute(env=env)
        left = sorted(os.listdir(empty))
    outputs = [tidy(cell.outputs) for cell in nb.cells]
    for k, outs in enumerate(outputs):
        if error := next((out for out in outs if out["output_type"] == "error"), None):
            raise NotebookError(f"{error['ename']}: {error['evalue']}", k)
    if left:  # a reader's folder would fill with them
        raise NotebookError(f"the notebook left files in its working folder: {left}")
    return outputs


def tidy(outputs) -> list[dict]:
    """Outputs without run-dependent metadata; consecutive writes to a stream joined."""
    found: list[dict] = []
    for out in outputs:
        if "metadata" in out:
            out["metadata"] = {}
        if out["output_type"] == "stream" and found and found[-1].get("name") == out["name"]:  # streams only
            found[-1]["text"] += out["text"]
        else:
            found.append(out)
    return found


def quiet(source: str) -> str:
    """The cell with a `;` after its last expression, which Jupyter then does not echo."""
    last = ast.parse(source).body[-1]  # Jupyter echoes only a last expression
    lines = source.split("\n")
    line = lines[last.end_lineno - 1]
    col = len(line.encode()[:last.end_col_offset].decode())
    lines[last.end_lineno - 1] = line[:col] + ";" + line[col:]
    return "\n".join(lines)


# --- the notebooks of a language ----------------------------------------------

def write_notebook(cells: list, ran: dict, name: str) -> Path:
    """The notebook file, kept in the store."""
    def make(folder: Path):
        nb = nbformat.v4.new_notebook(metadata=KERNEL)
        code = enumerate(zip(ran["sources"], ran["outputs"]), 1)  # counted as the kernel ran them
        for cell in cells:
            cell_id = f"cell-{len(nb.cells)}"  # stable ids: the same page gives the same notebook
            if cell.kind == "code":
                count, (source, outputs) = next(code)
                # Folded as in its closed box on the page; figures stay in view, and captions follow them.
                figures = any("image/png" in o.get("data", {}) for o in outputs)
                folded = {"jupyter": {"source_hidden": True, "outputs_hidden": not figures}} if cell.folded else {}
                nb.cells.append(nbformat.v4.new_code_cell(source, id=cell_id, execution_count=count, metadata=folded,
                                                          outputs=[nbformat.from_dict(o) for o in outputs]))
            else:
                nb.cells.append(nbformat.v4.new_markdown_cell(cell.source, id=cell_id))
        nbformat.validate(nb)
        (folder / name).write_text(nbformat.writes(nb), encoding="utf-8")

    return store.entry("notebooks", [[(c.kind, c.source, c.folded) for c in cells], ran, name, CODE], make) / name


def pages_with_code(config, lang: str) -> list[str]:
    """Pages of a language (URIs below docs/<lang>/) that include a snippet, the home page aside."""
    base = Path(config.docs_dir) / lang
    return sorted(p.relative_to(base).as_posix() for p in base.rglob("*.md")
                  if p != base / "index.md" and pages.includes(pages.read(p)))


def site_link(config, lang: str, uri: str):
    """link(target) in docs/<lang>/<uri>'s notebook: a page of the site as its address there."""
    def link(target: str) -> str:
        path, _, anchor = target.partition("#")
        if re.match(r"https?://", target):
            return target
        page = posixpath.normpath(posixpath.join(posixpath.dirname(uri), path)) if path else uri
        where = pages.site_path(pages.page_dir(page), lang, config.plugins["i18n"].default_language)
        return config.site_url + where + (anchor and f"#{anchor}")
    return link


def page_run(where: str, cells: list) -> dict | None:
    """run() of a page's code cells; None, with a warning naming the page and line, if it fails."""
    code = [c for c in cells if c.kind == "code"]
    try:
        return run([c.source for c in code])
    except NotebookError as err:
        cell = code[err.cell] if err.cell is not None else None
        origin = f'the notebook cell from "{cell.snippet}" raised' if cell else "the notebook:"
        log.warning(f"{where}:{cell.line if cell else 1}: {origin} {err}")  # --strict fails
        return None


# --- MkDocs events ---------------------------------------------------------------

# src URI of a page (zh/autograd/graph.md) or of a nav notebook page (recipe/notebook.ipynb,
# en/recipe/notebook.ipynb: where the language's site puts it) -> its notebook: its .cells and
# .site_path, where the .ipynb lands in the site, the language's folder included
_notebooks: dict[str, SimpleNamespace] = {}


@event_priority(-200)  # after mkdocs-static-i18n (-100) has sorted the files by language
def on_files(files, config, **kwargs):
    i18n = config.plugins["i18n"]
    lang, default = i18n.current_language, i18n.default_language
    nav = {f"{Path(uri).parent.as_posix()}/index.md": uri
           for uri in pages.nav_pages(config) if uri.endswith(".ipynb")}
    bases = pages.base_paths(config)
    converted = {}
    for uri in pages_with_code(config, lang):
        found = pages.read(Path(config.docs_dir) / lang / uri)
        # No notebook for a wrong include (pages.py warns) or one outside a fence (test_pages names it).
        if not any(fence is None or pages.missing(inc.target, bases) for inc, fence in pages.includes(found)):
            converted[uri] = notebook_cells.cells(config, found, site_link(config, lang, uri))
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        runs = list(pool.map(lambda uri: page_run(f"docs/{lang}/{uri}", converted[uri]), converted))
    _notebooks.clear()
    for (uri, cells), ran in zip(converted.items(), runs):
        if ran is None:  # the page gets no notebook
            continue
        folder = pages.page_dir(nav.get(uri, uri))
        name = f"{Path(folder).name}.ipynb"
        path = write_notebook(cells, ran, name)
        notebook = SimpleNamespace(site_path=pages.site_path(folder + name, lang, default), cells=cells,
                                   download=f"{Path(pages.page_dir(uri)).name}.{lang}.ipynb")  # recipe.zh.ipynb
        _notebooks[f"{lang}/{uri}"] = notebook
        if uri in nav:
            file = nav_file(config, nav[uri], path, f"{lang}/{uri}")
            _notebooks[file.src_uri] = notebook
        else:  # a download next to its page
            file = File.generated(config, notebook.site_path, abs_src_path=str(path))
        files.append(file)


def nav_file(config, uri: str, path: Path, page: str):
    """The nav notebook `uri` (the file `path`, made from docs/<page>) as a page of the site, rendered
    by mkdocs-jupyter (which also copies the .ipynb beside it), where mkdocs-static-i18n expects it."""
    i18n = config.plugins["i18n"]
    lang, default = i18n.current_language, i18n.default_language
    file = NotebookFile(File.generated(config, pages.site_path(uri, lang, default),
                                       abs_src_path=str(path)), **config)
    file.abs_src_path = str(path)  # a cached_property the wrapper cannot see through
    file.edit_uri = page  # the page it is made from, not the generated .ipynb
    # What i18n's language switch reads (plugin.reconfigure_page_context).
    file.locale = file.locale_alternate_of = lang
    twin_url = file.url.removeprefix(f"{lang}/")
    file.alternates = {other: SimpleNamespace(url=pages.site_path(twin_url, other, default))
                       for other in i18n.all_languages}
    return file


@event_priority(100)  # before other hooks read the page (math, links, ...)
def on_page_content(html: str, page, config, files, **kwargs):
    src = page.file.src_uri
    if (notebook := _notebooks.get(src)) is None:
        return html
    if src.endswith(".ipynb"):  # a nav notebook page
        html = notebook_page.render(html, page, config, files, notebook)
        page.meta["search"] = {"exclude": True}  # Material's: its text is its page's, found there
    if "</h1>" not in html:
        raise RuntimeError(f"docs/{src}: the notebook buttons go under the page's title, and it has no </h1>")
    return html.replace("</h1>", "</h1>" + buttons(page, config, notebook), 1)


# --- the buttons under a page's title ---------------------------------------------

def icon(name: str) -> str:
    svg = (Path(material.__file__).parent / "templates" / ".icons" / f"{name}.svg").read_text("utf-8").strip()
    return '<span class="twemoji">' + svg.replace("<svg ", '<svg aria-hidden="true" ', 1) + "</span>"


def buttons(page, config, notebook: SimpleNamespace) -> str:
    """Download; and Open in Colab where repo_url (REPO_URL, which the Pages workflow sets) is on
    GitHub: Colab opens notebooks from there, the executed ones published on NOTEBOOK_BRANCH."""
    labels = config.extra["labels"]
    where = notebook.site_path
    links = [f'<a class="md-button md-button--primary" href="{get_relative_url(where, page.url or ".")}" '
             f'download="{notebook.download}">{icon("material/download")} {labels["download_notebook"]}</a>']
    if github := re.fullmatch(r"https://github\.com/([\w.-]+/[\w.-]+?)(?:\.git)?",
                              (config.repo_url or "").rstrip("/")):
        colab = f"https://colab.research.google.com/github/{github[1]}/blob/{NOTEBOOK_BRANCH}/{where}"
        links.append(f'<a class="md-button" href="{htmllib.escape(colab)}" rel="noopener">'
                     f'{icon("simple/googlecolab")} {labels["open_in_colab"]}</a>')
    return f'\n<div class="notebook-links">{" ".join(links)}</div>'
