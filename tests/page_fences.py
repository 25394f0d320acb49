"""A pytest plugin (pytest.ini: -p tests.page_fences): pytest-markdown-docs, taught to run a page's code as the reader sees it.

- Fences are expanded with pymdownx.snippets before they run, so the code that
  runs is the included file, not the `--8<--` line.
- Every fence runs in a forked child (tests/forkrun.py) and its prints are
  compared with the `#>` lines inside it (tests/outputs.py).

Speed: once the tests are selected, the slow work that does not depend on
this process starts in the background (the site build, standalone snippet
runs), and every selected fence runs in one batch over all cores; the tests
then only read the results.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytest_markdown_docs._runners import _Runner, register_runner

from tests import forkrun, outputs, pages

ROOT = Path(__file__).resolve().parent.parent
forkrun.preload()  # before any torch op in this process: children fork from it


@pytest.hookimpl(tryfirst=True)
def pytest_markdown_docs_markdown_it():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")

    def expand_includes(state):
        for token in state.tokens:
            if token.type == "fence" and "--8<--" in token.content:
                token.content = pages.expand(ROOT, token.content)

    md.core.ruler.push("expand_snippet_includes", expand_includes)
    return md


class FenceOutputMismatch(AssertionError):
    pass


@register_runner(default=True)
class CheckedOutputRunner(_Runner):
    """Run a fence isolated, then hold its prints against its `#>` lines."""

    batch: dict[tuple[str, int], forkrun.Run] = {}  # filled by pytest_collection_finish

    @staticmethod
    def job(test) -> forkrun.Job:
        path = Path(test.source_path)
        # Included snippets import their neighbours (`from train import ...`),
        # as they do when run from their own folder.
        folders = tuple(str(ROOT / Path(inc.path).parent) for inc in pages.includes(path)
                        if inc.line > test.start_line)[:1]
        return forkrun.Job(test.source, str(path), path=folders)

    def runtest(self, test, args, **_):
        path = Path(test.source_path)
        name = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
        run = self.batch.pop((str(path), test.start_line), None) or \
            forkrun.run_one(self.job(test))
        if run.error:
            raise FenceOutputMismatch(f"{name}:{test.start_line}: the code block failed:\n"
                                      f"{run.error}")
        found = outputs.compare(test.source, run.records, name)
        if found:
            # Lines count from the top of the page, the included code expanded:
            # name the fence and the line within it instead.
            found = [re.sub(rf"^{re.escape(name)}:(\d+):",
                            lambda m: f"{name}:{test.start_line}: in the code block, its line "
                                      f"{int(m[1]) - test.start_line}:", msg) for msg in found]
            raise FenceOutputMismatch("\n".join(found))

    def repr_failure(self, test, excinfo, style=None):
        return str(excinfo.value)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def pytest_collection_modifyitems(items):
    # Tests that wait for the background build and browser visit run last, so
    # that everything else runs meanwhile.
    waits = lambda item: ("visited" in getattr(item, "fixturenames", ()),  # noqa: E731
                          "built_site" in getattr(item, "fixturenames", ()))
    items.sort(key=waits)


def pytest_collection_finish(session):
    from pytest_markdown_docs.plugin import MarkdownInlinePythonItem

    items = session.items
    if any({"built_site", "visited"} & set(getattr(item, "fixturenames", ())) for item in items):
        _background["sitecheck"] = _start_sitecheck(session.config)
    if any(item.name.startswith("test_standalone") for item in items):
        from tests import snippets

        _background["standalone"] = snippets.start_standalone()
    fences = [item.test_definition for item in items
              if isinstance(item, MarkdownInlinePythonItem)]
    runs = forkrun.run_many([CheckedOutputRunner.job(t) for t in fences])
    CheckedOutputRunner.batch = {(str(t.source_path), t.start_line): run
                                 for t, run in zip(fences, runs)}


_background: dict = {}


def _start_sitecheck(config):
    """`python -m tests.sitecheck`: the build, then the browser visit, in the background."""
    import subprocess
    import sys

    from tests.test_build import site_base_url

    factory = config._tmp_path_factory  # pytest's own tmp_path_factory
    site, results = factory.mktemp("site"), factory.mktemp("sitecheck")
    process = subprocess.Popen([sys.executable, "-m", "tests.sitecheck", str(site),
                                site_base_url(ROOT), str(results)], cwd=ROOT,
                               stdin=subprocess.DEVNULL)
    return site, results, process


def _sitecheck_result(name: str, timeout: float = 900) -> dict:
    """Wait for RESULTS/name.json from the background sitecheck."""
    import json
    import time

    site, results, process = _background["sitecheck"]
    deadline = time.monotonic() + timeout
    while not (results / name).exists():
        if process.poll() is not None and not (results / name).exists():
            return {"error": f"tests.sitecheck exited ({process.returncode}) without {name}"}
        if time.monotonic() > deadline:
            process.kill()
            return {"error": f"tests.sitecheck: no {name} after {timeout:g} s"}
        time.sleep(0.1)
    return json.loads((results / name).read_text(encoding="utf-8"))


def pytest_sessionfinish(session):
    if "sitecheck" in _background:
        _background["sitecheck"][2].kill()


@pytest.fixture(scope="session")
def built_site(request):
    """The site built once per test run: (site folder, the finished mkdocs process)."""
    import subprocess

    if "sitecheck" not in _background:
        _background["sitecheck"] = _start_sitecheck(request.config)
    result = _sitecheck_result("build.json")
    done = subprocess.CompletedProcess("mkdocs build", result.get("returncode", 1),
                                       result.get("stdout", ""),
                                       result.get("stderr", result.get("error", "")))
    return _background["sitecheck"][0], done


@pytest.fixture(scope="session")
def visited(built_site):
    """What the browser found on the built site (tests/sitecheck.py)."""
    result = _sitecheck_result("browser.json")
    if "error" in result:
        pytest.fail(f"the browser visit failed:\n{result['error']}")
    return result


@pytest.fixture(scope="session")
def standalone_runs():
    """{snippet path: finished `python snippets/...py`} for one snippet per chapter."""
    from tests import snippets

    if "standalone" not in _background:
        _background["standalone"] = snippets.start_standalone()
    return snippets.finish_standalone(_background["standalone"])
