"""MkDocs hook: every chapter page with code, as an executed Jupyter notebook.

Each page of every language that includes a snippet (the home page aside)
gets a notebook in its language, offered under its title ("Download", "Open
in Colab"):

- the page's prose becomes Markdown cells, written for Jupyter (`$`/`$$`
  math, links to other pages as plain text, no attribute lists); every code
  fence becomes a code cell holding the included snippet text without its
  `#>` lines: the cell's real output stands under it. A collapsed answer
  (`??? success "Answer"`) becomes a quoted answer followed by its code
  cells; a figure the code draws is dropped from the prose (the cell draws
  it), and so are content tabs that hold only such figures.
- the code cells run with nbclient in a fresh kernel in an empty folder, as
  Jupyter or Colab would run them (no setting a reader would not have). A
  cell that raises, or a notebook that leaves a file in its folder, fails the
  build. A cell whose last expression would echo a value gets a `;`. The run
  is cached in `.cache/notebooks/` under a hash of the code, Python, every
  installed package's version and this hook's running code, shared by the
  languages (their code is the same); nothing is written into docs/. The
  tests check the outputs of this run, the ones the reader downloads.
- a nav entry `<folder>/notebook.ipynb` is the notebook of `<folder>/index.md`,
  shown as a page by mkdocs-jupyter and restyled here as a page of this site:
  its Markdown cells rendered by MkDocs like any page, its code and output in
  the site's own code blocks, the figures the page shows instead of inline
  PNGs, no JupyterLab CSS. Any other page's notebook is a download next to
  the page: `<page>/<stem>.ipynb`.
- what only repeats itself from build to build is kept in `.cache/notebooks/`
  too, under everything it is made from and the code of this file: each
  notebook file, mkdocs-jupyter's HTML of a nav notebook (nbconvert) and its
  restyled page; a changed page, snippet or hook makes them anew.

mkdocs-static-i18n rebuilds every File as a plain File (its issue #198:
notebooks then come out as raw JSON), so the notebooks are added after it,
the nav ones already wrapped for mkdocs-jupyter, with the attributes i18n
reads to point the language switch at the twin notebook.
"""
from __future__ import annotations

import ast
import functools
import hashlib
import html as htmllib
import inspect
import json
import logging
import os
import posixpath
import re
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from types import SimpleNamespace

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[3]
CACHE = ROOT / ".cache" / "notebooks"
CSS = Path(__file__).parents[1] / "notebooks.css"  # docs/_build/notebooks.css
CSS_URI = "assets/notebooks.css"
TIMEOUT_S = 300  # per cell
NOTEBOOK_BRANCH = "notebooks"  # .github/workflows/pages.yml publishes the built notebooks there
KERNEL = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
          "language_info": {"name": "python"}}
log = logging.getLogger("mkdocs.hooks.notebooks")
HOOK_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()  # in the keys of what it renders
# What turns a notebook into mkdocs-jupyter's HTML, and what restyles it.
NBCONVERT = ("mkdocs-jupyter", "nbconvert", "nbformat", "jupytext", "mistune", "pygments",
             "jupyterlab-pygments", "jinja2", "markupsafe", "traitlets", "defusedxml", "bleach",
             "tinycss2")
RESTYLE = ("beautifulsoup4", "soupsieve", "mkdocs")

# The page's Markdown, as this site writes it.
INCLUDE = re.compile(r'^\s*--8<--\s+"(?P<target>[^"]+)"\s*$')
FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
ADMONITION = re.compile(r'^(?P<marker>!!!|\?\?\?\+?)\s+(?P<kind>[\w-]+)(?:\s+"(?P<title>[^"]*)")?\s*$')
TAB = re.compile(r'^===\+?\s+"(?P<label>[^"]*)"\s*$')
IMAGE = re.compile(r'!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+"[^"]*")?\)(?:\{[^}\n]*\})?')
LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\)")
HEADING_ATTRS = re.compile(r"^(#{1,6} .*?)[ \t]*\{[ \t]*[#.][^}\n]*\}[ \t]*$", re.M)
OUTPUT_LINE = re.compile(r"^[ \t]*#>")
SECTION_MARKER = re.compile(r"#\s*--8<--\s*\[(start|end):[^\]]*\]")
FIGURE_SRC = re.compile(r"^figures/(?P<folder>[^/]+)/(?P<name>[A-Za-z_]\w*)")


# --- the page as blocks ------------------------------------------------------

@dataclass
class Fence:
    lines: list[str]  # the fence as written, first and last line included
    targets: list[str]  # the `--8<--` includes it holds


@dataclass
class Box:
    """An admonition (`!!!`, `???`) or a content tab (`===`): a head line and an indented body."""
    head: str
    kind: str  # "admonition" or "tab"
    title: str
    admonition: str  # the admonition's type (note, success, ...); "" for a tab
    lines: list[str]  # head and body as written
    children: list = field(default_factory=list)


def parse(lines: list[str]) -> list:
    """Blocks of Markdown: runs of text lines (str), Fence, Box (children parsed)."""
    blocks: list = []
    text: list[str] = []

    def flush():
        if text:
            blocks.append("\n".join(text))
            text.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if m := FENCE.match(line):
            end = i + 1
            closing = re.compile(rf"^{re.escape(m['fence'][0])}{{{len(m['fence'])},}}\s*$")
            while end < len(lines) and not closing.match(lines[end]):
                end += 1
            body = lines[i:end + 1]
            flush()
            blocks.append(Fence(body, [t["target"] for t in map(INCLUDE.match, body) if t]))
            i = end + 1
            continue
        box = ADMONITION.match(line) or TAB.match(line)
        if box:
            end = i + 1
            while end < len(lines) and (not lines[end].strip() or lines[end].startswith(("    ", "\t"))):
                end += 1
            while end > i + 1 and not lines[end - 1].strip():  # trailing blank lines stay outside
                end -= 1
            body = [re.sub(r"^(    |\t)", "", b) for b in lines[i + 1:end]]
            flush()
            if box.re is TAB:
                blocks.append(Box(line, "tab", box["label"], "", lines[i:end], parse(body)))
            else:
                title = box["title"] if box["title"] is not None else box["kind"].capitalize()
                blocks.append(Box(line, "admonition", title, box["kind"], lines[i:end], parse(body)))
            i = end
            continue
        if INCLUDE.match(line):
            raise RuntimeError(f"an include outside a fence the notebook builder reads: {line.strip()}")
        text.append(line)
        i += 1
    flush()
    return blocks


def has_code(blocks) -> bool:
    return any((isinstance(b, Fence) and b.targets) or (isinstance(b, Box) and has_code(b.children))
               for b in blocks)


# --- blocks to cells -----------------------------------------------------------

@dataclass
class Cell:
    kind: str  # "markdown" or "code"
    source: str  # what the notebook holds: Markdown for Jupyter, or Python
    page_source: str = ""  # the same prose in the site's Markdown (the rendered notebook page)
    snippet: str = ""  # code: the snippet file it shows (figures are numbered per file)


class Cells:
    """Markdown pieces gathered into cells between code cells."""

    def __init__(self):
        self.cells: list[Cell] = []
        self.notebook: list[str] = []  # pending Markdown, for the notebook
        self.page: list[str] = []  # and for the page

    def markdown(self, notebook: str, page: str):
        if notebook.strip():
            self.notebook.append(notebook.strip("\n"))
        if page.strip():
            self.page.append(page.strip("\n"))

    def code(self, source: str, snippet: str):
        self.flush()
        self.cells.append(Cell("code", source, snippet=snippet))

    def flush(self):
        page = "\n\n".join(self.page)
        if self.notebook:
            self.cells.append(Cell("markdown", "\n\n".join(self.notebook), page))
        elif page:  # prose only the page shows (figures the next cell draws): render it before
            self.cells.append(Cell("markdown", "", page))
        self.notebook, self.page = [], []


class PageConverter:
    """One page (docs/<lang>/<uri>) as notebook cells."""

    def __init__(self, config, lang: str, uri: str):
        self.config, self.lang, self.uri = config, lang, uri
        self.path = Path(config.docs_dir) / lang / uri
        self.drawn: set[str] = set()  # snippets (folder/name) whose figures a code cell draws

    def cells(self) -> list[Cell]:
        blocks = parse(self.path.read_text(encoding="utf-8").split("\n"))
        self.drawn = {re.sub(r"^snippets/|\.py$", "", t.split(":")[0])
                      for t in _targets(blocks)}
        out = Cells()
        self.emit(blocks, out)
        out.flush()
        return [c for c in out.cells if c.source or c.page_source]

    def emit(self, blocks, out: Cells):
        for block in blocks:
            if isinstance(block, str):
                out.markdown(self.for_notebook(block), block)
            elif isinstance(block, Fence) and block.targets:
                sources = [expand(self.config, t) for t in block.targets]
                out.code("\n\n".join(sources), block.targets[0].split(":")[0])
            elif isinstance(block, Fence):  # a fence that includes nothing: text as it is
                out.markdown("\n".join(block.lines), "\n".join(block.lines))
            elif not has_code(block.children):
                out.markdown(self.box_for_notebook(block, block.children), "\n".join(block.lines))
            else:  # an answer with code: its first words quoted, then its cells
                first = next(k for k, b in enumerate(block.children) if has_code([b]))
                lead, rest = block.children[:first], block.children[first:]
                page = f'!!! {block.admonition} "{block.title}"\n\n' + _indent(_raw(lead)) \
                    if block.kind == "admonition" else f"**{block.title}**\n\n" + _raw(lead)
                out.markdown(self.box_for_notebook(block, lead), page)
                self.emit(rest, out)

    def box_for_notebook(self, box: Box, children) -> str:
        body = self.for_notebook(_raw(children))
        if box.kind == "tab":
            return f"**{box.title}**\n\n{body}" if body.strip() else ""
        quoted = [f"**{box.title}**", ""] + body.split("\n") if box.title else body.split("\n")
        return "\n".join(f"> {line}".rstrip() for line in quoted)

    def for_notebook(self, text: str) -> str:
        """Site Markdown -> Jupyter Markdown."""
        text = IMAGE.sub(self._image, text)
        text = HEADING_ATTRS.sub(r"\1", text)
        text = LINK.sub(lambda m: m[0] if re.match(r"https?://", m["target"]) else m["text"], text)
        # Jupyter's Markdown reads \( as an escaped parenthesis: $ delimiters.
        text = re.sub(r"\\\[(.+?)\\\]", r"$$\1$$", text, flags=re.S)
        text = re.sub(r"\\\((.+?)\\\)", r"$\1$", text, flags=re.S)
        text = re.sub(r"[ \t]+$", "", text, flags=re.M)
        return re.sub(r"\n{3,}", "\n\n", text).strip("\n")

    def _image(self, m) -> str:
        """A figure the notebook's code draws is left to the code cell; any other
        figure exists only on the site (its file is not in the notebook): dropped too."""
        figure = self.site_path(m["src"])
        f = FIGURE_SRC.match(figure)
        if not (f and f"{f['folder']}/{f['name']}" in self.drawn):
            log.info(f"{self.lang}/{self.uri}: the notebook leaves out the figure {figure}")
        return ""

    def site_path(self, src: str) -> str:
        """A relative link of the page as a path below the docs folder (no language)."""
        path = posixpath.normpath(posixpath.join(self.lang, posixpath.dirname(self.uri),
                                                 src.split("#")[0]))
        return path.removeprefix(f"{self.lang}/")


def _targets(blocks):
    for b in blocks:
        if isinstance(b, Fence):
            yield from b.targets
        elif isinstance(b, Box):
            yield from _targets(b.children)


def _raw(blocks) -> str:
    parts = []
    for b in blocks:
        parts.append(b if isinstance(b, str) else "\n".join(b.lines))
    return "\n".join(parts)


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line.strip() else "" for line in text.split("\n"))


_preprocessors: dict = {}


def expand(config, target: str) -> str:
    """An include's text as pymdownx.snippets gives it to the page (configured as in
    mkdocs.yml), without `#>` lines and section markers."""
    key = id(config)
    if key not in _preprocessors:
        import markdown

        options = dict(config.mdx_configs.get("pymdownx.snippets", {}))
        base = Path(config.config_file_path).parent
        options["base_path"] = [str(base / p) for p in options.get("base_path", ["."])]
        md = markdown.Markdown(extensions=["pymdownx.snippets"],
                               extension_configs={"pymdownx.snippets": options})
        _preprocessors.clear()
        _preprocessors[key] = md.preprocessors["snippet"]
    lines = _preprocessors[key].run([f'--8<-- "{target}"'])
    kept = [line for line in lines if not OUTPUT_LINE.match(line) and not SECTION_MARKER.search(line)]
    return "\n".join(kept).strip("\n")


# --- running the code ----------------------------------------------------------

@functools.cache  # a version lookup reads package metadata: once per build (on_files clears it)
def versions(*names: str) -> str:
    return " ".join(f"{name} {version(name)}" for name in names)


def run_key(sources: list[str]) -> str:
    return hashlib.sha256(json.dumps([environment(), sources]).encode()).hexdigest()[:20]


@functools.cache
def environment() -> list:
    """All that decides a run's outputs besides its code: Python, the version of
    every installed package, and the code of this hook that runs it."""
    from importlib.metadata import distributions

    packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in distributions())
    return [sys.version, packages, *(inspect.getsource(f) for f in (run, execute, tidy, quiet))]


def run(sources: list[str], name: str) -> dict:
    """{"sources": [...], "outputs": [[...], ...]}: the code cells run top to bottom
    in one fresh kernel in an empty folder (from the cache when unchanged). The
    build fails if a cell raises or leaves a file in the folder; `name` says
    which notebook."""
    path = CACHE / "runs" / f"{run_key(sources)}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    sources = list(sources)
    outputs = execute(sources, name)
    echoing = [k for k, outs in enumerate(outputs)
               if any(o["output_type"] == "execute_result" for o in outs)]
    if echoing:  # Jupyter would show the value of the last expression: hide it as a reader would
        for k in echoing:
            sources[k] = quiet(sources[k])
        outputs = execute(sources, name)
    result = {"sources": sources, "outputs": outputs}
    _write(path, json.dumps(result))
    return result


def execute(sources: list[str], name: str) -> list[list[dict]]:
    """Outputs of each cell, run as Jupyter runs a notebook: in a new kernel, in an
    empty folder, with the kernel's defaults (only the history kept off the disk)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources],
                                  metadata=KERNEL)
    env = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "PYTHONPATH")}
    with tempfile.TemporaryDirectory() as empty:
        NotebookClient(nb, timeout=TIMEOUT_S, kernel_name="python3", allow_errors=False,
                       resources={"metadata": {"path": empty}},
                       extra_arguments=["--HistoryManager.hist_file=:memory:"]).execute(env=env)
        left = sorted(os.listdir(empty))
    if left:  # a reader's folder would fill with them
        raise RuntimeError(f"the notebook of {name} left files in its working folder: {left}")
    return [tidy(cell.outputs) for cell in nb.cells]


def tidy(outputs) -> list[dict]:
    """Outputs without run-dependent fields; consecutive writes to a stream joined."""
    found: list[dict] = []
    for out in outputs:
        out = json.loads(json.dumps(out))
        out.pop("execution_count", None)
        if "metadata" in out:
            out["metadata"] = {}
        if out["output_type"] == "stream" and found and found[-1].get("name") == out["name"] \
                and found[-1]["output_type"] == "stream":
            found[-1]["text"] += out["text"]
        else:
            found.append(out)
    return found


def quiet(source: str) -> str:
    """The cell with a `;` after its last expression, which Jupyter then does not echo."""
    tree = ast.parse(source)
    last = tree.body[-1]
    if not isinstance(last, ast.Expr):
        raise RuntimeError(f"a cell echoes a value, but does not end in an expression:\n{source}")
    lines = source.split("\n")
    line = lines[last.end_lineno - 1]
    col = len(line.encode()[:last.end_col_offset].decode())
    lines[last.end_lineno - 1] = line[:col] + ";" + line[col:]
    return "\n".join(lines)


# --- the notebooks of a language ----------------------------------------------

@dataclass
class Notebook:
    page_uri: str  # docs/<lang>/<page_uri>, the page it is made from
    site_path: str  # where the .ipynb lands in the site
    path: Path  # the executed notebook, in the cache
    cells: list[Cell]
    nav_uri: str | None  # the nav entry that shows it as a page, if any


def notebook_uris(nav) -> list[str]:
    """The `.ipynb` entries of the nav (mkdocs.yml is their only list)."""
    found = []
    for item in nav or []:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            if isinstance(value, list):
                found += notebook_uris(value)
            elif isinstance(value, str) and value.endswith(".ipynb"):
                found.append(value)
    return found


def source_page(notebook_uri: str) -> str:
    return f"{Path(notebook_uri).parent.as_posix()}/index.md"


def site_path(uri: str, lang: str, default: str) -> str:
    """Where a language's copy of a docs URI lands: the default language at the root."""
    return uri if lang == default else f"{lang}/{uri}"


def page_url(uri: str) -> str:
    """`autograd/graph.md` -> `autograd/graph/`, `recipe/index.md` -> `recipe/`."""
    stem = uri.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("index").removesuffix("/") + "/"


def download_path(uri: str, nav: dict[str, str]) -> str:
    """The notebook's path in a language's site tree: the nav notebook of the page,
    or `<page URL>/<stem>.ipynb`."""
    if uri in nav:
        entry = nav[uri]
        return f"{entry.removesuffix('.ipynb')}/{Path(entry).name}"
    url = page_url(uri)
    return f"{url}{Path(url.rstrip('/')).name}.ipynb"


def write_notebook(cells: list[Cell], ran: dict, name: str) -> Path:
    """The notebook file, kept in the cache under a hash of what makes it (this hook's
    code included): an unchanged page's notebook is not assembled and validated again."""
    path = CACHE / digest([HOOK_CODE, versions("nbformat"), [(c.kind, c.source) for c in cells],
                           ran, name]) / name
    if path.exists():
        return path
    import nbformat

    nb = nbformat.v4.new_notebook(metadata=KERNEL)
    code = iter(zip(ran["sources"], ran["outputs"]))
    for cell in cells:
        if cell.kind == "code":
            source, outputs = next(code)
            nb.cells.append(nbformat.v4.new_code_cell(
                source, outputs=[nbformat.from_dict(o) for o in outputs]))
        elif cell.source:
            nb.cells.append(nbformat.v4.new_markdown_cell(cell.source))
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i}"  # stable ids: the same page gives the same notebook
        cell.metadata = {}
    nbformat.validate(nb)
    _write(path, nbformat.writes(nb))
    return path


def digest(parts) -> str:
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:20]


def _write(path: Path, text: str):
    """Atomically: builds running at once (the tests') read a cache entry whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def stored(kind: str, key, make):
    """make()'s JSON value, kept in .cache/notebooks/<kind>/ under a hash of key and of
    this hook's code: key holds everything else the value depends on."""
    path = CACHE / kind / f"{digest([HOOK_CODE, key])}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    value = make()
    _write(path, json.dumps(value))
    return value


def pages_with_code(config, lang: str) -> list[str]:
    """Pages of a language (URIs below docs/<lang>/) that include a snippet, the home page aside."""
    base = Path(config.docs_dir) / lang
    return sorted(p.relative_to(base).as_posix() for p in base.rglob("*.md")
                  if p.relative_to(base).as_posix() != "index.md"
                  and any(INCLUDE.match(line) for line in p.read_text(encoding="utf-8").split("\n")))


def build(config, lang: str) -> dict[str, Notebook]:
    """{page URI: Notebook} for every page of a language with code."""
    from pymdownx.snippets import SnippetMissingError

    nav = {source_page(uri): uri for uri in notebook_uris(config.nav)}
    converted, skipped = {}, set()
    for uri in pages_with_code(config, lang):
        try:
            converted[uri] = PageConverter(config, lang, uri).cells()
        except SnippetMissingError as err:  # docs/_build/hooks/includes.py names the include
            log.warning(f"docs/{lang}/{uri}: no notebook: an include is wrong ({err})")
            skipped.add(uri)
    code = {uri: [c.source for c in cells if c.kind == "code"] for uri, cells in converted.items()}
    todo = [uri for uri in converted if not (CACHE / "runs" / f"{run_key(code[uri])}.json").exists()]
    with ThreadPoolExecutor(max_workers=max(1, min(len(todo), os.cpu_count() or 1))) as pool:
        for uri, _ in zip(todo, pool.map(lambda u: run(code[u], f"{lang}/{u}"), todo)):
            log.info(f"executed the notebook of {lang}/{uri}")
    found = {}
    for uri, cells in converted.items():
        where = download_path(uri, nav)
        path = write_notebook(cells, run(code[uri], f"{lang}/{uri}"), Path(where).name)
        found[uri] = Notebook(uri, where, path, cells, nav.get(uri))
    missing = set(nav) - set(found) - skipped
    if missing:
        raise RuntimeError(f"nav notebooks of pages without code: {sorted(missing)}")
    return found


# --- MkDocs events ---------------------------------------------------------------

_notebooks: dict[str, Notebook] = {}  # src URI of a page (zh/autograd/graph.md) -> its notebook
_notebook_pages: dict[str, Notebook] = {}  # src URI of a nav notebook page -> its notebook


def on_config(config, **kwargs):
    if CSS_URI not in config.extra_css:
        config.extra_css.append(CSS_URI)
    return config


@event_priority(-200)  # after mkdocs-static-i18n (-100) has sorted the files by language
def on_files(files, config, **kwargs):
    from mkdocs.structure.files import File
    from mkdocs_jupyter.plugin import NotebookFile

    i18n = config.plugins["i18n"]
    lang, default = i18n.current_language, i18n.default_language
    _notebooks.clear()
    _notebook_pages.clear()
    versions.cache_clear()  # `mkdocs serve` keeps this hook loaded: read the versions anew per build
    environment.cache_clear()
    files.append(File.generated(config, CSS_URI, abs_src_path=str(CSS)))
    for uri, notebook in build(config, lang).items():
        _notebooks[f"{lang}/{uri}"] = notebook
        if notebook.nav_uri is None:  # a download next to its page
            files.append(File.generated(config, site_path(notebook.site_path, lang, default),
                                        abs_src_path=str(notebook.path)))
            continue
        # A page of the site, rendered by mkdocs-jupyter (which also copies the .ipynb beside it).
        file = NotebookFile(File.generated(config, f"{lang}/{notebook.nav_uri}",
                                           abs_src_path=str(notebook.path)), **config)
        file.abs_src_path = str(notebook.path)  # a cached_property the wrapper cannot see through
        dest = site_path(file.dest_path.removeprefix(f"{lang}/"), lang, default)
        file.dest_path = dest
        file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, dest))
        file.url = dest.removesuffix("index.html") if config.use_directory_urls else dest
        # What i18n's language switch reads (plugin.reconfigure_page_context).
        file.locale = file.locale_alternate_of = lang
        twin_url = file.url.removeprefix(f"{lang}/") if lang != default else file.url
        file.alternates = {other: SimpleNamespace(url=site_path(twin_url, other, default))
                           for other in i18n.all_languages}
        files.append(file)
        _notebook_pages[file.src_uri] = notebook
    return files


@event_priority(-100)  # after mkdocs-jupyter's on_pre_page has made page.render convert the notebook
def on_pre_page(page, config, files, **kwargs):
    """mkdocs-jupyter's HTML of a nav notebook, kept in the cache: nbconvert takes most of a
    second per notebook. Its table of contents is not kept: the page's prose sets it
    (NotebookPage.prose)."""
    if page.file.src_uri not in _notebook_pages:
        return page
    convert = page.render
    options = config.plugins["mkdocs-jupyter"].config
    key = ["mkdocs-jupyter", Path(page.file.abs_src_path).read_text(encoding="utf-8"),
           sorted((name, repr(value)) for name, value in options.items()),
           versions(*NBCONVERT), jupyter_config_files()]

    def render(config, files):
        def make():
            convert(config, files)
            return {"content": page.content, "title": page.title}

        made = stored("nbconvert", key, make)
        page.content, page.title = made["content"], made["title"]

    page.render = render
    return page


def jupyter_config_files() -> list[tuple[str, str]]:
    """The Jupyter configuration nbconvert reads (mkdocs-jupyter's NbConvertApp), as
    (path, hash of its bytes): it can change nbconvert's output."""
    from jupyter_core.paths import jupyter_config_dir, jupyter_config_path

    found = []
    for folder in dict.fromkeys([jupyter_config_dir(), *jupyter_config_path()]):
        for path in sorted(Path(folder).glob("jupyter_*config*")):
            for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
                if file.is_file():
                    found.append((str(file), hashlib.sha256(file.read_bytes()).hexdigest()))
    return found


@event_priority(100)  # before other hooks read the page (math, links, ...)
def on_page_content(html: str, page, config, files, **kwargs):
    src = page.file.src_uri
    notebook = _notebook_pages.get(src) or _notebooks.get(src)
    if notebook is None:
        return html
    lang = config.plugins["i18n"].current_language
    if src in _notebook_pages:
        html = NotebookPage(page, config, files, notebook, lang).render(html)
    return _expect(_replace(html, "</h1>", "</h1>" + buttons(page, config, notebook, lang), 1),
                   "</h1> (the page's title)")


def on_page_context(context, page, config, **kwargs):
    notebook = _notebook_pages.get(page.file.src_uri)
    if notebook is not None and config.repo_url and page.edit_url:
        # Its source is the page it is made from, not the generated .ipynb.
        lang = config.plugins["i18n"].current_language
        page.edit_url = page.edit_url.replace(f"{lang}/{notebook.nav_uri}", f"{lang}/{notebook.page_uri}")
    return context


# --- the buttons under a page's title ---------------------------------------------

ICONS = {name: (Path(__import__("material").__file__).parent / "templates" / ".icons" / f"{name}.svg")
         for name in ("material/download", "simple/googlecolab")}


def icon(name: str) -> str:
    svg = ICONS[name].read_text(encoding="utf-8").strip()
    return '<span class="twemoji">' + svg.replace("<svg ", '<svg aria-hidden="true" ', 1) + "</span>"


def buttons(page, config, notebook: Notebook, lang: str) -> str:
    from mkdocs.utils import get_relative_url

    labels = config.extra["labels"]
    default = config.plugins["i18n"].default_language
    where = site_path(notebook.site_path, lang, default)
    href = get_relative_url(where, page.url or ".")
    links = [f'<a class="md-button md-button--primary" href="{href}" download>'
             f'{icon("material/download")} {labels["download_notebook"]}</a>']
    colab = colab_url(config, where)
    if colab:
        links.append(f'<a class="md-button" href="{htmllib.escape(colab)}" rel="noopener">'
                     f'{icon("simple/googlecolab")} {labels["open_in_colab"]}</a>')
    return f'\n<div class="notebook-links">{" ".join(links)}</div>'


def colab_url(config, path: str) -> str | None:
    """Colab opens notebooks from GitHub: the executed notebook as published on the
    NOTEBOOK_BRANCH of repo_url (REPO_URL, which the Pages workflow sets);
    None when there is no GitHub repository."""
    repo = (config.repo_url or "").rstrip("/")
    m = re.fullmatch(r"https://github\.com/([\w.-]+/[\w.-]+?)(?:\.git)?", repo)
    if not m:
        return None
    return f"https://colab.research.google.com/github/{m[1]}/blob/{NOTEBOOK_BRANCH}/{path}"


# --- the nav notebook as a page of this site --------------------------------------

SPLIT = "<!-- notebook-cell -->"


class NotebookPage:
    """mkdocs-jupyter's HTML of a notebook, restyled: no JupyterLab CSS or scripts;
    Markdown cells as MkDocs renders the page's prose; code and text output in the
    site's code blocks; the figures as the page shows them. Each fix expects the
    markup it changes and fails the build when mkdocs-jupyter's has changed."""

    def __init__(self, page, config, files, notebook: Notebook, lang: str):
        self.page, self.config, self.files = page, config, files
        self.notebook, self.lang = notebook, lang
        self.labels = config.extra["labels"]

    def render(self, html: str) -> str:
        """The page's HTML; the restyling is kept in the cache under everything it reads."""
        prose = self.prose()
        figures = sorted(f.src_uri for f in self.files if f.src_uri.startswith("figures/"))
        key = ["restyle", html, prose, [vars(c) for c in self.notebook.cells], self.page.url,
               self.page.file.src_uri, self.labels["notebook_figure_alt"], figures,
               versions(*RESTYLE)]
        return stored("restyled", key, lambda: self.restyle(html, prose))

    def restyle(self, html: str, prose: list[str]) -> str:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(html, "html.parser")
        wrapper = _found(soup.select_one("div.jupyter-wrapper"), "div.jupyter-wrapper")
        for tag in soup.find_all(["style", "script"]):
            tag.decompose()
        for tag in wrapper.select(".zeroclipboard-container, .clipboard-copy-txt, "
                                  ".jp-InputPrompt, .jp-OutputPrompt, .jp-Collapser"):
            tag.decompose()
        for tag in wrapper.find_all(attrs={"tabindex": True}):
            del tag["tabindex"]
        # mkdocs-jupyter wraps each code cell in a second, id-less div.jp-Cell: unwrap it.
        for outer in wrapper.select("div.jp-Cell:not([id])"):
            outer.unwrap()
        cells = wrapper.select("div.jp-Cell")
        for cell in cells:
            del cell["id"]  # "cell-id=cell-3": nothing links to it
        specs = [c for c in self.notebook.cells if c.kind == "code" or c.source]
        kinds = ["code" if "jp-CodeCell" in c["class"] else "markdown" for c in cells]
        if kinds != [c.kind for c in specs]:
            raise RuntimeError(f"notebook page {self.page.file.src_uri}: mkdocs-jupyter shows cells "
                               f"{kinds}, the notebook has {[c.kind for c in specs]}")
        prose = iter(prose)
        figures: dict[str, int] = {}
        for cell, (before, spec) in zip(cells, self.notebook_cells()):
            for _ in before:  # prose only the page shows, before this cell
                cell.insert_before(BeautifulSoup(_div(next(prose)), "html.parser"))
            if spec.kind == "markdown":
                target = _found(cell.select_one(".jp-MarkdownOutput"), ".jp-MarkdownOutput")
                target.clear()
                target.append(BeautifulSoup(next(prose), "html.parser"))
            else:
                self.code(cell, spec, figures, soup)
        for rest in prose:  # prose only the page shows, after the last cell
            cells[-1].insert_after(BeautifulSoup(_div(rest), "html.parser"))
            cells[-1] = cells[-1].find_next_sibling()
        return str(soup)

    def notebook_cells(self):
        """[(prose-only cells before it, cell)] for each cell the notebook holds."""
        pending = []
        for cell in self.notebook.cells:
            if cell.kind == "markdown" and not cell.source:
                pending.append(cell)
            else:
                yield pending, cell
                pending = []

    def prose(self) -> list[str]:
        """Every Markdown cell's page text, rendered in one pass as MkDocs renders a page
        (links, math, heading ids and the table of contents as on any page)."""
        from mkdocs.structure.pages import Page

        parts = [c.page_source for c in self.notebook.cells if c.kind == "markdown"]
        suffix = self.labels["notebook_title_suffix"]
        parts[0], n = re.subn(r"^# (.+)$", lambda m: f"# {m[1]}{suffix}", parts[0], count=1, flags=re.M)
        if not n:
            raise RuntimeError(f"{self.notebook.page_uri}: the notebook page needs the page's # title")
        # The prose is the page's Markdown: through the plugins' on_page_markdown (figures,
        # i18n, ...) and MkDocs' own rendering (links, anchors, toc), as on every page.
        self.page.markdown = self.config.plugins.on_page_markdown(
            f"\n\n{SPLIT}\n\n".join(parts), page=self.page, config=self.config, files=self.files)
        Page.render(self.page, self.config, self.files)
        self.page.title = getattr(self.page, "_title_from_render", None) or self.page.title
        chunks = self.page.content.split(SPLIT)
        if len(chunks) != len(parts):
            raise RuntimeError("notebook page: the cell separators did not survive Markdown")
        return [c.strip() for c in chunks]

    def code(self, cell, spec: Cell, figures: dict[str, int], soup):
        from bs4 import BeautifulSoup

        block = _found(cell.select_one("div.highlight-ipynb"), "div.highlight-ipynb")
        pre = _found(block.pre, "div.highlight-ipynb > pre")
        inner = "".join(str(c) for c in pre.contents)
        inner = re.sub(r"^<span></span>", "", inner)
        block.replace_with(BeautifulSoup(
            f'<div class="language-python highlight"><pre><span></span><code>{inner}</code></pre></div>',
            "html.parser"))
        for out in cell.select(".jp-OutputArea-output"):
            img = out.find("img")
            if img is not None:
                self.figure(out, img, spec, figures)
            elif out.pre is not None:
                text = out.pre.get_text()
                out.replace_with(BeautifulSoup(
                    f'<div class="notebook-output no-copy"><pre><code>{htmllib.escape(text)}'
                    "</code></pre></div>", "html.parser"))
            else:
                raise RuntimeError(f"notebook page: an output it cannot show: {str(out)[:200]}")
        for area in cell.select(".jp-Cell-outputWrapper"):
            if not area.select(".notebook-output, img"):
                area.decompose()

    def figure(self, out, img, spec: Cell, figures: dict[str, int]):
        """The k-th figure a snippet draws is the site's figures/<folder>/<name>[-k].svg:
        dropped here when the page's prose shows it, else shown from the site."""
        from mkdocs.utils import get_relative_url

        stem = spec.snippet.removeprefix("snippets/").removesuffix(".py")
        figures[stem] = figures.get(stem, 0) + 1
        candidates = [f"figures/{stem}-{figures[stem]}.svg", f"figures/{stem}.svg"]
        path = next((p for p in candidates if self.files.get_file_from_path(p)), None)
        if path is None:
            raise RuntimeError(f"notebook page: no site figure for figure {figures[stem]} of {spec.snippet}")
        shown = any(path in re.sub(r"\.\./", "", c.page_source) for c in self.notebook.cells
                    if c.kind == "markdown")
        parent = out.find_parent(class_="jp-OutputArea-child") or out
        if shown:
            parent.decompose()
            return
        img["src"] = get_relative_url(path, self.page.url)
        img["alt"] = self.labels["notebook_figure_alt"]
        img["loading"] = "lazy"
        img["class"] = "figure"


def _div(html: str) -> str:
    return f'<div class="jp-Cell jp-MarkdownCell">{html}</div>'


def _found(tag, what: str):
    if tag is None:
        raise RuntimeError(f"notebook page: expected {what!r} in mkdocs-jupyter's HTML; "
                           "its markup changed, update docs/_build/hooks/notebooks.py")
    return tag


def _replace(html: str, old: str, new: str, count: int = -1) -> tuple[str, int]:
    return html.replace(old, new, count), min(html.count(old), count if count > 0 else 1 << 30)


def _expect(result: tuple[str, int], what: str) -> str:
    """Fail the build when the markup a fix expects is gone."""
    html, n = result
    if not n:
        raise RuntimeError(f"notebook hook: expected {what!r} in the page's HTML")
    return html
