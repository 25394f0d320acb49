"""Facts about the site (languages, notebook pages, hooks, include settings), read once
from mkdocs.yml through MkDocs' own loader, so that mkdocs.yml stays the only place that
says them. The repository root is ROOT; the address the tests build for is in builds.py.
"""
from __future__ import annotations

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
    langs = config().plugins["i18n"].config.languages
    return [lang.locale for lang in sorted(langs, key=lambda lang: not lang.default)]


def hook(name: str):
    """A hook module of the build as MkDocs loaded it, e.g. hook("notebooks")."""
    return config().plugins[f"docs/_build/hooks/{name}.py"]


@functools.cache
def page_model():
    """The build's page model (docs/_build/hooks/pages.py), loaded from its file as MkDocs
    loads a hook, without loading the whole configuration (it imports no sibling)."""
    import importlib.util

    name = "docs/_build/hooks/pages.py"  # the name MkDocs gives it
    spec = importlib.util.spec_from_file_location(name, ROOT / name)
    module = sys.modules[name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def notebook_uris() -> list[str]:
    return hook("notebooks").notebook_uris(config().nav)


def site_url_path(lang: str, uri: str) -> str:
    """The URL path below the site root of a page: `autograd/graph.md` -> `autograd/graph/`."""
    stem = uri.removesuffix(".md").removesuffix(".ipynb")
    path = "" if stem in ("index", "") else stem.removesuffix("/index").removesuffix("index") + "/"
    return path if lang == languages()[0] else f"{lang}/{path}"
