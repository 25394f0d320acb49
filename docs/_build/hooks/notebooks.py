"""MkDocs hook: executed Jupyter notebooks made from pages, rendered by mkdocs-jupyter.

A nav entry `<folder>/notebook.ipynb` is the notebook of the page
`<folder>/index.md`, in every language: the page's prose becomes Markdown
cells and its code fences (includes expanded exactly as MkDocs expands them,
`#>` lines dropped: the outputs are real) become code cells. The notebook runs
with nbclient in an empty folder, as Jupyter or Colab would run it, and is
cached in `.cache/notebooks/` under a hash of its content and the library
versions. Nothing is written into docs/.

mkdocs-static-i18n rebuilds every File as a plain File (its issue #198:
notebooks then come out as raw JSON), so the notebooks are added after it,
already wrapped for mkdocs-jupyter, with the attributes i18n reads to point
the language switch at the twin notebook.
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
from importlib.metadata import version
from pathlib import Path
from types import SimpleNamespace

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[3]
CACHE = ROOT / ".cache" / "notebooks"
TIMEOUT_S = 300
LINK = re.compile(r"(?<!!)\[([^\]]+)\]\([^)]+\)")  # [text](target), not images
IMAGE_LINE = re.compile(r"^!\[.*\]\(.*\)(\{[^}]*\})?\s*$", re.M)
FENCE_INFO = re.compile(r"^```\{?\.?python[^\n]*$", re.M)
log = logging.getLogger("mkdocs.hooks.notebooks")


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


def expand_includes(config, text: str) -> str:
    """`--8<--` lines resolved by pymdownx.snippets, configured as in mkdocs.yml."""
    import markdown

    md = markdown.Markdown(extensions=["pymdownx.snippets"],
                           extension_configs={"pymdownx.snippets":
                                              config.mdx_configs.get("pymdownx.snippets", {})})
    return "\n".join(md.preprocessors["snippet"].run(text.split("\n")))


def page_to_notebook(config, page_path: Path, title_suffix: str):
    import jupytext

    text = expand_includes(config, page_path.read_text(encoding="utf-8"))
    text = IMAGE_LINE.sub("", text)  # the code cells draw the figures themselves
    text = LINK.sub(r"\1", text)  # site-relative links mean nothing inside a notebook
    text = FENCE_INFO.sub("```python", text)
    # Jupyter's Markdown reads \( as an escaped parenthesis: use $ delimiters.
    text = re.sub(r"\\\((.+?)\\\)", r"$\1$", text)
    text = re.sub(r"\\\[(.+?)\\\]", r"$$\1$$", text, flags=re.S)
    text = re.sub(r"^[ \t]*#>.*\n", "", text, flags=re.M)
    nb = jupytext.reads(text, fmt="md")
    title = nb.cells[0].source.splitlines()[0]
    if title.startswith("# "):  # the notebook's page needs a title of its own in the nav
        nb.cells[0].source = nb.cells[0].source.replace(title, title + title_suffix, 1)
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                  "language": "python"},
                   "language_info": {"name": "python"}}
    for i, cell in enumerate(nb.cells):
        cell.metadata = {}
        cell.id = f"cell-{i}"  # stable ids: the same page gives the same notebook
    return nb


def cache_key(nb) -> str:
    import nbformat

    salt = f"torch {version('torch')} matplotlib {version('matplotlib')} v3"
    return hashlib.sha256((salt + nbformat.writes(nb)).encode()).hexdigest()[:20]


def execute(nb):
    """Run every cell in a fresh kernel, in an empty folder; no run-dependent metadata."""
    from nbclient import NotebookClient

    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # figures inline
    with tempfile.TemporaryDirectory() as empty:
        NotebookClient(nb, timeout=TIMEOUT_S, kernel_name="python3", allow_errors=False,
                       resources={"metadata": {"path": empty}},
                       # only what the code prints: no `Out[ ]` echo of a last expression
                       extra_arguments=["--InteractiveShell.ast_node_interactivity=none"]
                       ).execute(env=env)
    for cell in nb.cells:
        cell.metadata = {}
        if cell.cell_type == "code":
            cell.execution_count = None
            for out in cell.get("outputs", []):
                if "execution_count" in out:
                    out.execution_count = None
    return nb


def build(config, lang: str, notebook_uri: str) -> Path:
    """The executed notebook of one language (from the cache when unchanged)."""
    import nbformat

    page = Path(config.docs_dir) / lang / source_page(notebook_uri)
    nb = page_to_notebook(config, page, config.extra["labels"]["notebook_title_suffix"])
    path = CACHE / cache_key(nb) / Path(notebook_uri).name  # the name readers download
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        executed = execute(nb)
        tmp = path.with_suffix(".tmp")
        nbformat.write(executed, tmp)
        tmp.replace(path)
        log.info(f"executed {lang}/{notebook_uri}")
    return path


def site_path(uri: str, lang: str, default: str) -> str:
    """Where a language's copy of a docs URI lands: the default language at the root."""
    return uri if lang == default else f"{lang}/{uri}"


@event_priority(-200)  # after mkdocs-static-i18n (-100) has sorted the files by language
def on_files(files, config, **kwargs):
    from mkdocs.structure.files import File
    from mkdocs_jupyter.plugin import NotebookFile

    i18n = config.plugins["i18n"]
    lang, default = i18n.current_language, i18n.default_language
    for uri in notebook_uris(config.nav):
        path = build(config, lang, uri)
        file = NotebookFile(File.generated(config, f"{lang}/{uri}", abs_src_path=str(path)),
                            **config)
        file.abs_src_path = str(path)  # a cached_property the wrapper cannot see through
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
    return files


# mkdocs-jupyter's template loads MathJax from a CDN (its only option is another
# URL) and an empty require.js tag: neither may load here.
UNWANTED_SCRIPTS = re.compile(r'<script src="(|[^"]*mathjax[^"]*)">\s*</script>', re.I)
WRAPPER = '<div class="jupyter-wrapper">'
CODE_CELL = '<div class="highlight-ipynb'
NO_ALT = 'alt="No description has been provided for this image"'


def on_page_content(html: str, page, config, **kwargs):
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    labels = config.extra["labels"]
    html = _expect(UNWANTED_SCRIPTS.subn("", html), "mkdocs-jupyter's MathJax <script>")
    # Code cells scroll sideways: make them reachable by keyboard (axe: scrollable-region-focusable).
    html = _expect(_replace(html, CODE_CELL, '<div tabindex="0" class="highlight-ipynb'),
                   CODE_CELL)
    html = _expect(_replace(html, NO_ALT, f'alt="{labels["notebook_figure_alt"]}"'), NO_ALT)
    html = _fix_empty_heading_ids(html, page.toc)
    name = os.path.basename(page.file.abs_src_path)
    links = f'<a href="{name}" download>{labels["download_notebook"]} ({name})</a>'
    colab = colab_url(config, f"{page.url}{name}")
    if colab:
        links += f' · <a href="{colab}" rel="noopener">{labels["open_in_colab"]}</a>'
    bar = f'<p class="notebook-download">{links}</p>'
    return _expect(_replace(html, WRAPPER, bar + WRAPPER, count=1), WRAPPER)


def _replace(html: str, old: str, new: str, count: int = -1) -> tuple[str, int]:
    return html.replace(old, new, count), min(html.count(old), count if count > 0 else 1 << 30)


def _expect(result: tuple[str, int], what: str) -> str:
    """Fail the build when upstream markup changed and a fix no longer applies."""
    html, n = result
    if not n:
        raise RuntimeError(f"notebook page: expected {what!r} in mkdocs-jupyter's HTML; "
                           "its markup changed, update docs/_build/hooks/notebooks.py")
    return html


NOTEBOOK_BRANCH = "notebooks"  # .github/workflows/pages.yml publishes the built notebooks there


def colab_url(config, path: str) -> str | None:
    """Colab opens notebooks from GitHub: the executed notebook as published on
    the NOTEBOOK_BRANCH of the repository (GITHUB_REPOSITORY in Actions, else
    repo_url in mkdocs.yml); None when the repository is unknown."""
    repo = os.environ.get("GITHUB_REPOSITORY", "")
    if not repo and (config.repo_url or "").startswith("https://github.com/"):
        repo = config.repo_url.removeprefix("https://github.com/").strip("/")
    if not re.fullmatch(r"[\w.-]+/[\w.-]+", repo):
        return None
    return f"https://colab.research.google.com/github/{repo}/blob/{NOTEBOOK_BRANCH}/{path}"


def _fix_empty_heading_ids(html: str, toc) -> str:
    """nbconvert gives an all-Chinese heading an empty id while mkdocs-jupyter's
    table of contents links it as `#_1`, `#_2`, ...: give the headings those ids."""
    def anchors(items):
        for item in items:
            yield item.id
            yield from anchors(item.children)

    ids = set(re.findall(r'\sid="([^"]+)"', html))
    for anchor in [a for a in anchors(toc) if a not in ids]:
        html, n = re.subn(r'(<h[1-6][^>]*\sid=)""', rf'\1"{anchor}"', html, count=1)
        if not n:
            raise RuntimeError(f"notebook page: no heading with an empty id for #{anchor}")
    return html
