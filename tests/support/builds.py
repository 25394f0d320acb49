"""How the tests build the site: as the Pages workflow builds it for an example
repository, with `mkdocs build --strict`."""
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from tests.support import project

# The repository the tests build the site for, as .github/workflows/pages.yml sets them.
EXAMPLE_ENV = {"SITE_URL": "https://example-owner.github.io/autograd-docs/",
               "REPO_URL": "https://github.com/example-owner/autograd-docs",
               "REPO_NAME": "example-owner/autograd-docs"}
BASE_PATH = urlsplit(EXAMPLE_ENV["SITE_URL"]).path  # where GitHub Pages serves that site


def command(site_dir: Path) -> list[str]:
    """The build into site_dir (not -q: it would hide the en build's warnings)."""
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
            "-f", str(project.ROOT / "mkdocs.yml"), "-d", str(site_dir)]


def environment(example: bool = True) -> dict[str, str]:
    """os.environ with EXAMPLE_ENV set (example=False: with its variables unset)."""
    environ = {key: value for key, value in os.environ.items() if key not in EXAMPLE_ENV}
    return {**environ, "NO_MKDOCS_2_WARNING": "1", **(EXAMPLE_ENV if example else {})}
