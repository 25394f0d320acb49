"""Facts about the site (languages, notebook pages, hooks, include settings), read once
from mkdocs.yml through MkDocs' own loader, so that mkdocs.yml stays the only place that
says them. The repository root is ROOT; the address the tests build for is in builds.py.
"""
import functools
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@functools.cache
def config():
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return load_config(str(ROOT / "mkdocs.yml"))


def languages() -> list[str]:
    """Locales, the default one first."""
    return [lang.locale for lang in page_model().languages(config())]


def hook(name: str):
    """A hook module of the build as MkDocs loaded it, e.g. hook("notebooks")."""
    return config().plugins[f"docs/_build/hooks/{name}.py"]


@functools.cache
def page_model():
    """The build's page model (docs/_build/hooks/pages.py), imported as the hooks and pdf.py
    import it, without loading the whole configuration."""
    sys.path.insert(0, str(ROOT / "docs" / "_build" / "hooks"))
    import pages

    return pages


def notebook_uris() -> list[str]:
    """The nav's notebook pages (`recipe/notebook.ipynb`)."""
    return [uri for uri in page_model().nav_pages(config()) if uri.endswith(".ipynb")]


def site_url_path(lang: str, uri: str) -> str:
    """The URL path below the site root of a page: `autograd/graph.md` -> `autograd/graph/`."""
    return page_model().site_path(page_model().page_dir(uri), lang, languages()[0])
