"""Fixtures and options shared by the tests.

- `--snippets PATH ...` limits the snippet tests to those files or folders;
  `--update-outputs` rewrites their `#>` lines from a real run (make update).
- `site`: the site, built once per run with `mkdocs build --strict` into a
  temporary folder. The build starts as soon as collection knows a selected
  test needs it, ahead of every other slow command (tests/support/early.py),
  so it overlaps with the other tests; the tests that wait for it, and the
  browser tests, run last.
- `fresh_run`: a snippet run by a real `python file.py` in an empty folder,
  started early too.
- `site_url`: that site served as GitHub Pages serves it (base path, gzip).
- Playwright (pytest-playwright) drives Debian's Chromium, or CHROMIUM_PATH.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.support import audit, early, project, results
from tests.support.builds import BASE_PATH, site_build

ROOT = project.ROOT


def pytest_configure(config):
    # The runs, builds and interpreters of a test run share the cores: OpenMP threads
    # (torch's) that spin while they wait for work, their default, burn the CPU the
    # others need, doubling the time of parallel runs. Sleeping instead changes no result.
    # Set before anything imports torch; every process the tests start inherits it.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


def pytest_addoption(parser):
    group = parser.getgroup("snippets")
    group.addoption("--snippets", nargs="+", metavar="PATH", default=None,
                    help="check only these snippet files or folders")
    group.addoption("--update-outputs", action="store_true",
                    help="rewrite the `#>` lines of the selected snippets from a real run")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


SITE_BUILD = site_build(urgent=True)  # the site the browser tests wait for: it goes first


def kept_fresh_runs(config) -> results.Kept:
    """Real-interpreter runs kept from earlier test runs (tests/support/results.py):
    under the snippet's path and bytes, keyed on the code of fresh_start."""
    return results.Kept(config, "fresh", fresh_start)


def fresh_key(snippet: Path) -> tuple:
    return str(snippet), snippet.read_bytes().hex()


def fresh_start(snippet: Path):
    """`python <snippet>` in a new, empty folder (<folder>/cwd), its output into files."""
    def start(folder: Path) -> subprocess.Popen:
        (folder / "cwd").mkdir()
        with open(folder / "stdout", "wb") as out, open(folder / "stderr", "wb") as err:
            return subprocess.Popen(early.niced([sys.executable, str(snippet)]), cwd=folder / "cwd",
                                    stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                    env={**os.environ, "MPLBACKEND": "Agg"})
    return start


def pytest_collection_modifyitems(items):
    # Tests that wait for a command started early (tests/support/early.py) run after the
    # others, those that wait for the built site after them, the browser tests last:
    # meanwhile the commands run.
    def waits(item):
        names = getattr(item, "fixturenames", ())
        return ("page" in names or "site_url" in names, "site" in names,
                bool(getattr(getattr(item, "function", None), "early_commands", ())))
    items.sort(key=waits)


@pytest.hookimpl(tryfirst=True)  # before the page fences run (tests/support/fences.py)
def pytest_collection_finish(session):
    """Start the slow commands of the selected tests: they run while the tests do."""
    if session.config.option.collectonly:  # pytest --co: nothing will run
        return
    if any("site" in getattr(item, "fixturenames", ()) for item in session.items):
        early.begin(SITE_BUILD, SITE_BUILD)
    for item in session.items:
        for start in getattr(getattr(item, "function", None), "early_commands", ()):
            early.begin(start, start)
        if getattr(item, "originalname", "") == "test_runs_the_same_in_a_fresh_interpreter":
            snippet = item.callspec.params["snippet"]
            if kept_fresh_runs(session.config).get(*fresh_key(snippet)) is None:
                early.begin(("fresh", snippet), fresh_start(snippet))


@pytest.fixture(scope="session")
def fresh_run(request):
    """fresh_run(snippet) -> (returncode, stdout, stderr) of `python snippet` in an empty
    folder (as kept from an earlier test run if it passed and nothing has changed)."""
    kept = kept_fresh_runs(request.config)

    def result(snippet: Path):
        found = kept.get(*fresh_key(snippet))
        if found is None:
            done = early.result(("fresh", snippet), fresh_start(snippet), timeout=120)
            found = [done.returncode, done.text("stdout"), done.text("stderr")]
            if done.returncode == 0:
                kept.put(found, *fresh_key(snippet))
        return tuple(found)
    return result


def pytest_sessionfinish(session):
    early.end()


@pytest.fixture(scope="session")
def site() -> SimpleNamespace:
    """The built site: .dir, .output (MkDocs' log), .returncode."""
    done = early.result(SITE_BUILD)
    return SimpleNamespace(dir=done.folder / "site", output=done.text("out"),
                           returncode=done.returncode)


@pytest.fixture(scope="session")
def built(site) -> Path:
    """The site folder, once the build has written it. A build that `--strict` failed
    only for its warnings (a wrong include, a broken link: test_strict_build_passes
    names them) has written every page, and the tests that read the site still run;
    one that stopped fails each of them with the build's errors."""
    if site.returncode != 0 and not re.search(r"^Aborted with \d+ warnings in strict mode",
                                              site.output, re.M):
        errors = [line for line in site.output.splitlines()
                  if line.startswith(("ERROR", "Error", "Aborted"))]
        pytest.fail("this test needs the built site, and mkdocs build --strict stopped:\n"
                    + "\n".join(errors or site.output.splitlines()[-5:]), pytrace=False)
    return site.dir


@pytest.fixture(scope="session")
def site_url(built) -> str:
    from tests.support import server

    with server.serve(built, BASE_PATH) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args():
    if not Path(audit.CHROMIUM).exists():
        pytest.fail(f"{audit.CHROMIUM} is missing: apt-get install chromium, or set "
                    "CHROMIUM_PATH to a Chromium or Chrome binary (see README)")
    return {"executable_path": audit.CHROMIUM, "args": audit.FLAGS}
