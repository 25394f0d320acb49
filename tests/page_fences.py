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


def pytest_collection_finish(session):
    from pytest_markdown_docs.plugin import MarkdownInlinePythonItem

    items = session.items
    if any("built_site" in getattr(item, "fixturenames", ()) for item in items):
        _background["build"] = _start_build(session.config)
    if any(item.name.startswith("test_standalone") for item in items):
        from tests import snippets

        _background["standalone"] = snippets.start_standalone()
    fences = [item.test_definition for item in items
              if isinstance(item, MarkdownInlinePythonItem)]
    runs = forkrun.run_many([CheckedOutputRunner.job(t) for t in fences])
    CheckedOutputRunner.batch = {(str(t.source_path), t.start_line): run
                                 for t, run in zip(fences, runs)}


_background: dict = {}


def _start_build(config):
    from tests import sitebuild

    site = config._tmp_path_factory.mktemp("site")  # pytest's own tmp_path_factory
    return site, sitebuild.start(ROOT, site)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The site built once per test run: (site folder, the finished mkdocs process)."""
    from tests import sitebuild

    if "build" not in _background:
        _background["build"] = (tmp_path_factory.mktemp("site"), None)
    site, started = _background["build"]
    return site, sitebuild.finish(started) if started else sitebuild.build(ROOT, site)


@pytest.fixture(scope="session")
def standalone_runs():
    """{snippet path: finished `python snippets/...py`} for one snippet per chapter."""
    from tests import snippets

    if "standalone" not in _background:
        _background["standalone"] = snippets.start_standalone()
    return snippets.finish_standalone(_background["standalone"])
