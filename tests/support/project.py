"""Facts about the site (languages, page URLs, the hooks and the page model), read once from
mkdocs.yml through MkDocs' own loader, so that mkdocs.yml stays the only place that says them;
and how the tests build the site: as the Pages workflow builds it, for an example repository."""
import functools
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
# The repository the tests build the site for, as .github/workflows/pages.yml sets them.
EXAMPLE_ENV = {"SITE_URL": "https://example-owner.github.io/autograd-docs/",
               "REPO_URL": "https://github.com/example-owner/autograd-docs",
               "REPO_NAME": "example-owner/autograd-docs"}
BASE_PATH = urlsplit(EXAMPLE_ENV["SITE_URL"]).path  # where GitHub Pages serves that site


@functools.cache
def config():
    from mkdocs.config import load_config

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


def site_url_path(lang: str, uri: str) -> str:
    """The URL path below the site root of a page: `autograd/graph.md` -> `autograd/graph/`."""
    return page_model().site_path(page_model().page_dir(uri), lang, languages()[0])


def build_command(site_dir: Path) -> list[str]:
    """The build into site_dir (not -q: it would hide the en build's warnings)."""
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
            "-f", str(ROOT / "mkdocs.yml"), "-d", str(site_dir)]


def build_environment(example: bool = True) -> dict[str, str]:
    """os.environ with EXAMPLE_ENV set (example=False: with its variables unset)."""
    environ = {key: value for key, value in os.environ.items() if key not in EXAMPLE_ENV}
    return {**environ, "NO_MKDOCS_2_WARNING": "1", **(EXAMPLE_ENV if example else {})}
