"""Options (`pytest --help`, section snippets: what make check, update and page pass), fixtures, and the slow
commands the tests wait for, a fixed list (BACKGROUND): each one a selected test asks for (by its fixture)
starts when collection is done and runs while the other tests do; the tests that wait for them run last."""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.support import audit, project, server, targets
from tests.support.project import ROOT


def pytest_addoption(parser):
    group = parser.getgroup("snippets")
    group.addoption("--snippets", nargs="+", metavar="PATH", help="check only these snippet files or folders")
    group.addoption("--update-outputs", action="store_true",
                    help="rewrite the `#>` lines of the selected snippets from a real run")
    group.addoption("--page", metavar="PAGE",
                    help="also run this page (autograd/tips.md, or its path in docs/<lang>/) in every language")


def pytest_configure(config):
    # Snippet runs, builds and kernels share the cores: torch's OpenMP threads that spin
    # while they wait (their default) take the CPU the others need. Sleeping changes no result.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    config.snippets = targets.snippets(config.getoption("--snippets"))  # UsageError if one names none
    if config.getoption("--page"):
        config.args += [str(p) for p in targets.page(config.getoption("--page"))]


# The slow commands: name -> (its folder, a fresh_run's snippet) -> (argv, environment, working
# folder). Builds run in the project: pymdownx.snippets reads from there.
BACKGROUND = {
    "site": lambda out, _: (project.build_command(out / "site"), project.build_environment(), ROOT),
    "bare_site": lambda out, _: (project.build_command(out / "site"),
                                  project.build_environment(example=False), ROOT),
    "fault_run": lambda out, _: ([sys.executable, "-m", "tests.support.faults", str(out)],
                                 {**os.environ, "PYTHONPATH": str(ROOT)}, out),
    # It prints the site build's site, which always starts first when pdf_run is wanted.
    "pdf_run": lambda out, _: ([sys.executable, str(ROOT / "docs/_build/pdf.py"),
                                str(_started["site"][1] / "site"), str(out)],
                               project.build_environment(), ROOT),
    # `python <snippet>` in an empty folder, no window (on macOS or with a display, Agg's show() warns)
    "fresh_run": lambda out, snippet: ([sys.executable, snippet], {**os.environ, "MPLBACKEND": "Agg",
                                       "PYTHONWARNINGS": "ignore:FigureCanvasAgg is non-interactive"}, out / "cwd"),
}
# Started with the site build, but each waits until the build has exited: the builds find the
# store warm, and pdf_run prints that site.
AFTER_SITE = {"bare_site", "fault_run", "pdf_run"}
KEPT = os.environ.get("TESTS_BACKGROUND_DIR")  # set by the fault run, which reads the site built there
_started: dict[str, tuple[subprocess.Popen, Path]] = {}


def pytest_collection_modifyitems(items):
    # Tests that wait for a slow command run after the others, then the browser tests, and
    # last the fault run's test: its command runs longest, and no other test waits behind it.
    def waits(item):
        names = set(getattr(item, "fixturenames", ()))
        return "fault_run" in names, "site_url" in names, bool(names & {"built", *BACKGROUND})
    items.sort(key=waits)


@pytest.hookimpl(tryfirst=True)  # before the page fences run (tests/support/fences.py)
def pytest_collection_finish(session):
    if session.config.option.collectonly:  # pytest --co: nothing will run
        return
    wanted = set()
    for item in session.items:
        names = set(getattr(item, "fixturenames", ()))
        wanted |= names & {"site", *AFTER_SITE} | ({"site"} if "pdf_run" in names else set())
        if "fresh_run" in names:
            wanted.add(f"fresh_run {item.callspec.params['snippet']}")
    site_done, site_running = os.pipe()  # its write end only the site build keeps: end of file once it exits
    if "site" in wanted:
        start("site", pass_fds=[site_running])
    os.close(site_running)
    for name in sorted(wanted - {"site"}):
        start(name, wait_on=site_done if name in AFTER_SITE else None)
    os.close(site_done)


def start(name: str, wait_on: int | None = None, pass_fds=()) -> None:
    """Start a BACKGROUND command in a new folder (in KEPT, if set); with wait_on, it runs
    once it has read that to its end."""
    folder = Path(KEPT) / name if KEPT else Path(tempfile.mkdtemp(prefix="background-"))
    (folder / "cwd").mkdir(parents=True)
    kind, _, snippet = name.partition(" ")
    argv, env, cwd = BACKGROUND[kind](folder, snippet)
    if wait_on is not None:
        argv = ["sh", "-c", 'cat >/dev/null; exec "$@" </dev/null', "sh", *argv]
    with open(folder / "out", "wb") as out:
        _started[name] = (subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                           stdin=subprocess.DEVNULL if wait_on is None else wait_on,
                                           pass_fds=pass_fds, start_new_session=True), folder)


def pytest_terminal_summary(terminalreporter):
    for line in targets.UPDATED:  # make update: what it wrote
        terminalreporter.write_line(line)


def pytest_sessionfinish(session):
    for process, folder in _started.values():
        if process.poll() is None:  # still running: stop its group, the fault run's pytest too
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        if not KEPT:
            shutil.rmtree(folder, ignore_errors=True)


def finished(name: str) -> SimpleNamespace:
    """The command's .returncode, .output (standard output and error) and .folder."""
    process, folder = _started[name]
    try:
        process.wait(timeout=900)  # s: a build, or the fault run, that hangs
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    output = (folder / "out").read_text(encoding="utf-8", errors="replace")
    return SimpleNamespace(returncode=process.returncode, output=output, folder=folder)


def background(request) -> SimpleNamespace:
    """The BACKGROUND command named as the fixture, once it has exited (see finished()):
    `site` and `bare_site`, the site built in .folder / "site" (for an example repository,
    and for none); `pdf_run`, the PDFs in .folder; `fault_run`, tests/support/faults.py."""
    return finished(request.fixturename)


site, bare_site, fault_run, pdf_run = (pytest.fixture(background, scope="session", name=name)
                                       for name in ("site", "bare_site", "fault_run", "pdf_run"))


@pytest.fixture(scope="session")
def built(site) -> Path:
    """The site folder, once the build has written it. A build that `--strict` failed
    only for its warnings has written every page, and the tests that read the site still
    run; one that stopped fails each of them with the build's errors."""
    if site.returncode and not re.search(r"^Aborted with \d+ warnings in strict mode", site.output, re.M):
        errors = [line for line in site.output.splitlines() if line.startswith(("ERROR", "Error", "Aborted"))]
        pytest.fail("this test needs the built site, and mkdocs build --strict stopped:\n"
                    + "\n".join(errors or site.output.splitlines()[-5:]), pytrace=False)
    return site.folder / "site"


@pytest.fixture(scope="session")
def fresh_run():
    """fresh_run(snippet) -> the run of `python snippet` in an empty folder."""
    return lambda snippet: finished(f"fresh_run {snippet}")


@pytest.fixture(scope="session")
def site_url(built) -> str:
    with server.serve(built, project.BASE_PATH) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args():
    if not Path(audit.CHROMIUM).exists():
        pytest.fail(f"{audit.CHROMIUM} is missing: apt-get install chromium, or set "
                    "CHROMIUM_PATH to a Chromium or Chrome binary (see README)")
    return {"executable_path": audit.CHROMIUM, "args": audit.FLAGS}
