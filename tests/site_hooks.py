"""MkDocs hooks (mkdocs.yml `hooks:`): figures and notebooks made from snippets.

A snippet that ends in `plt.show()` draws the figure `figures/<chapter>/<name>.svg`.
The hook runs it (forked, see tests/forkrun.py), keeps the SVG in
`.cache/figures/`, keyed by a hash of the snippet and the library versions, and
hands it to MkDocs as a generated file: nothing is written into docs/, nothing
is committed, and an unchanged snippet is not run again.

Notebooks (tests/notebooks.py) are added the same way, per language, and
rendered by mkdocs-jupyter. mkdocs-static-i18n rebuilds every File as a plain
File (its issue #198: notebooks then come out as raw JSON), so they are added
after it and wrapped for mkdocs-jupyter here.
"""
from __future__ import annotations

import hashlib
import os
import re
import logging
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # MkDocs loads this file by path: make `tests` importable
from tests import forkrun, notebooks  # noqa: E402

CACHE = ROOT / ".cache" / "figures"
NOTEBOOK_CACHE = ROOT / ".cache" / "notebooks"
# mkdocs-jupyter's MathJax from a CDN, and its empty require.js tag: neither may load.
UNWANTED_SCRIPTS = re.compile(r'<script src="(|[^"]*mathjax[^"]*)">\s*</script>', re.I)
log = logging.getLogger("mkdocs.hooks.figures")


def figure_snippets() -> list[Path]:
    return sorted(p for p in (ROOT / "snippets").rglob("*.py")
                  if "plt.show()" in p.read_text(encoding="utf-8"))


def cache_key(source: str) -> str:
    salt = f"{forkrun.library_versions()} {forkrun.SVG_SALT} v1"
    return hashlib.sha256((salt + "\0" + source).encode()).hexdigest()[:20]


def render_figures() -> dict[str, Path]:
    """{'figures/<chapter>/<name>.svg': cached file}, running only what changed."""
    wanted, todo = {}, []
    for snippet in figure_snippets():
        rel = snippet.relative_to(ROOT / "snippets").with_suffix(".svg")
        cached = CACHE / f"{cache_key(snippet.read_text(encoding='utf-8'))}.svg"
        wanted[f"figures/{rel.as_posix()}"] = cached
        if not cached.exists():
            todo.append((snippet, cached))
    if todo:
        forkrun.preload()
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            jobs = []
            for i, (snippet, _) in enumerate(todo):
                out = Path(tmp) / str(i)
                out.mkdir()
                jobs.append(forkrun.job_for_file(str(snippet.relative_to(ROOT)), str(out)))
            for (snippet, cached), job, run in zip(todo, jobs, forkrun.run_many(jobs)):
                name = snippet.relative_to(ROOT)
                if run.error:
                    raise RuntimeError(f"{name}: drawing its figure failed:\n{run.error}")
                if len(run.figures) != 1:
                    raise RuntimeError(f"{name}: plt.show() must show exactly one figure, "
                                       f"it showed {len(run.figures)}")
                shutil.copy(run.figures[0], cached)
                log.info(f"drew {name}")
    return wanted


def current_language(config) -> str:
    i18n = config.plugins["i18n"]
    return i18n.current_language, i18n.default_language


def notebook_files(config) -> list[File]:
    """This language's notebooks, as pages mkdocs-jupyter renders."""
    from mkdocs_jupyter.plugin import NotebookFile

    lang, default = current_language(config)
    made = []
    for page, notebook in notebooks.NOTEBOOKS.items():
        path = notebooks.build(ROOT, lang, page, NOTEBOOK_CACHE)
        file = File.generated(config, f"{lang}/{notebook}", abs_src_path=str(path))
        page_file = NotebookFile(file, **config)
        page_file.abs_src_path = str(path)  # a cached_property the wrapper cannot see through
        dest = page_file.dest_path
        if lang == default:  # the default language lives at the site root
            dest = dest.removeprefix(f"{lang}/")
        page_file.dest_path = dest
        page_file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, dest))
        page_file.url = dest.removesuffix("index.html") if config.use_directory_urls else dest
        made.append(page_file)
    return made


@event_priority(-200)  # after mkdocs-static-i18n (-100) has sorted the files by language
def on_files(files: Files, config, **kwargs):
    for uri, path in render_figures().items():
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    for file in notebook_files(config):
        files.append(file)
    return files


ALTERNATE_LINK = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="([^"]+)">')
SEARCH_DIALOG = 'data-md-component="search" role="dialog"'


def on_post_page(output: str, page, config, **kwargs):
    lang, _ = current_language(config)
    # Material fetches `sitemap.xml` next to every <link rel="alternate"> of the
    # head, expecting language roots; i18n puts each page's twin there, so every
    # page would request sitemaps that do not exist (404s in every reader's
    # console). The language switch in the header does not need these tags.
    output = ALTERNATE_LINK.sub("", output)
    # The search dialog needs an accessible name (axe: aria-dialog-name).
    label = {"zh": "搜索", "en": "Search"}.get(lang, "Search")
    output = output.replace(SEARCH_DIALOG, f'{SEARCH_DIALOG} aria-label="{label}"', 1)
    if page.file.src_uri.endswith(".ipynb"):
        output = _notebook_page(output, page, config)
    return output


def _notebook_page(output: str, page, config) -> str:
    """Math by the vendored KaTeX (no MathJax CDN), a download link, a working
    language switch, and keyboard-scrollable code cells."""
    from mkdocs.utils import get_relative_url

    lang, default = current_language(config)
    output = UNWANTED_SCRIPTS.sub("", output)
    output = output.replace('<div class="highlight-ipynb', '<div tabindex="0" class="highlight-ipynb')
    alt = {"zh": "上方代码单元绘制的图", "en": "The figure drawn by the code cell above"}[lang]
    output = output.replace('alt="No description has been provided for this image"',
                            f'alt="{alt}"')
    output = _fix_empty_heading_ids(output)
    name = os.path.basename(page.file.abs_src_path)
    # i18n knows no alternates for generated pages: point the language switch
    # at the same notebook in the other language.
    for other in config.plugins["i18n"].all_languages:
        target = page.url.removeprefix(f"{lang}/") if lang != default else page.url
        target = target if other == default else f"{other}/{target}"
        href = get_relative_url(target, page.url)
        output = re.sub(rf'href="[^"]*"(?= hreflang="{other}")', f'href="{href}"', output)
    label = {"zh": "下载 Jupyter notebook", "en": "Download the Jupyter notebook"}[lang]
    links = f'<a href="{name}" download>{label} ({name})</a>'
    colab = colab_url(config, f"{page.url}{name}")
    if colab:
        label = {"zh": "在 Colab 中打开", "en": "Open in Colab"}[lang]
        links += f' · <a href="{colab}" rel="noopener">{label}</a>'
    bar = f'<p class="notebook-download">{links}</p>'
    return output.replace('<div class="jupyter-wrapper">', bar + '<div class="jupyter-wrapper">', 1)


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


def _fix_empty_heading_ids(html: str) -> str:
    """nbconvert gives an all-Chinese heading an empty id while mkdocs-jupyter's
    table of contents links it as `#_1`, `#_2`, ...: give the headings those ids."""
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    missing = [a for a in dict.fromkeys(re.findall(r'href="#([^"]+)"', html)) if a not in ids]
    for anchor in missing:
        html, n = re.subn(r'(<h[1-6][^>]*\sid=)""', rf'\1"{anchor}"', html, count=1)
        if not n:
            break
    return html
