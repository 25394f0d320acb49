"""Fixtures and options shared by the tests.

- `--snippets PATH ...` limits the snippet tests to those files or folders;
  `--update-outputs` rewrites their `#>` lines from a real run (make update).
- `site`: the site, built once per run with `mkdocs build --strict` into a
  temporary folder. The build starts in the background as soon as collection
  knows a selected test needs it, so it overlaps with the other tests; the
  tests that wait for it, and the browser tests, run last.
- `site_url`: that site served as GitHub Pages serves it (base path, gzip).
- Playwright (pytest-playwright) drives Debian's Chromium, or CHROMIUM_PATH.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.support import audit, project

ROOT = project.ROOT
BUILD_TIMEOUT_S = 900
# The tests build the site as the Pages workflow would for this example repository.
EXAMPLE_ENV = {"SITE_URL": "https://example-owner.github.io/autograd-docs/",
               "REPO_URL": "https://github.com/example-owner/autograd-docs",
               "REPO_NAME": "example-owner/autograd-docs"}


def pytest_addoption(parser):
    group = parser.getgroup("snippets")
    group.addoption("--snippets", nargs="+", metavar="PATH", default=None,
                    help="check only these snippet files or folders")
    group.addoption("--update-outputs", action="store_true",
                    help="rewrite the `#>` lines of the selected snippets from a real run")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def build_site(site_dir: Path, root: Path = ROOT, env: dict | None = None) -> subprocess.Popen:
    """`mkdocs build --strict` (not -q: it would hide the en build's warnings).
    `env` sets variables for the build; a value of None unsets one."""
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for key, value in (EXAMPLE_ENV if env is None else env).items():
        if value is None:
            environ.pop(key, None)
        else:
            environ[key] = value
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
         "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        stdin=subprocess.DEVNULL, env=environ)


_build: dict = {}


def _start_build():
    if not _build:
        folder = Path(tempfile.mkdtemp(prefix="autograd-docs-site-"))
        _build.update(folder=folder, process=build_site(folder / "site"))
    return _build


def pytest_collection_modifyitems(items):
    # Tests that wait for the built site run last, the browser tests at the very end.
    def waits(item):
        names = getattr(item, "fixturenames", ())
        return ("page" in names or "site_url" in names, "site" in names)
    items.sort(key=waits)


def pytest_collection_finish(session):
    if any("site" in getattr(item, "fixturenames", ()) for item in session.items):
        _start_build()
    for item in session.items:  # fresh interpreters start now, and run meanwhile
        if getattr(item, "originalname", "") == "test_runs_the_same_in_a_fresh_interpreter":
            _start_fresh(item.callspec.params["snippet"])


_fresh: dict[Path, tuple[subprocess.Popen, Path]] = {}


def _start_fresh(snippet: Path) -> None:
    """`python <snippet>` in a new, empty folder, its output into files there."""
    if snippet in _fresh:
        return
    folder = Path(tempfile.mkdtemp(prefix="fresh-run-"))
    with open(folder / "out", "wb") as out, open(folder / "err", "wb") as err:
        process = subprocess.Popen([sys.executable, str(snippet)], cwd=folder, stdout=out,
                                   stderr=err, stdin=subprocess.DEVNULL,
                                   env={**os.environ, "MPLBACKEND": "Agg"})
    _fresh[snippet] = (process, folder)


@pytest.fixture(scope="session")
def fresh_run():
    """fresh_run(snippet) -> (returncode, stdout, stderr) of `python snippet` in an empty folder."""
    def result(snippet: Path, timeout: float = 120):
        _start_fresh(snippet)
        process, folder = _fresh[snippet]
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        return (process.returncode, (folder / "out").read_text(encoding="utf-8", errors="replace"),
                (folder / "err").read_text(encoding="utf-8", errors="replace"))
    return result


def pytest_sessionfinish(session):
    for process, folder in _fresh.values():
        process.kill()
        process.wait()
        shutil.rmtree(folder, ignore_errors=True)
    if _build:
        _build["process"].kill()
        _build["process"].wait()
        shutil.rmtree(_build["folder"], ignore_errors=True)


@pytest.fixture(scope="session")
def site() -> SimpleNamespace:
    """The built site: .dir, .output (MkDocs' log), .returncode."""
    build = _start_build()
    try:
        output, _ = build["process"].communicate(timeout=BUILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        build["process"].kill()
        output = f"mkdocs build: no result after {BUILD_TIMEOUT_S} s"
    return SimpleNamespace(dir=build["folder"] / "site", output=output,
                           returncode=build["process"].returncode)


@pytest.fixture(scope="session")
def built(site) -> Path:
    """The site folder, once the build has passed."""
    if site.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{site.output}")
    return site.dir


@pytest.fixture(scope="session")
def site_url(built) -> str:
    from urllib.parse import urlsplit

    from tests.support import server

    with server.serve(built, urlsplit(EXAMPLE_ENV["SITE_URL"]).path) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args():
    if not Path(audit.CHROMIUM).exists():
        pytest.fail(f"{audit.CHROMIUM} is missing: apt-get install chromium, or set "
                    "CHROMIUM_PATH to a Chromium or Chrome binary (see README)")
    return {"executable_path": audit.CHROMIUM, "args": audit.FLAGS}
