"""Every snippet prints exactly its `#>` lines, run as a reader runs it (runner.py).

    pytest tests/test_snippets.py [--snippets PATH ...] [--update-outputs]   # make check, make update

A few snippets also run in a real interpreter, to prove the two agree: a sample that
together imports every module the snippets import and uses each thing the forked child
imitates or inherits (targets.fresh_sample).
"""
import difflib
import os
from pathlib import Path

import pytest

from tests.support import expected_output, runner, targets
from tests.support.project import ROOT


def pytest_generate_tests(metafunc):
    if "snippet" in metafunc.fixturenames:
        files = targets.selected(metafunc.config)
        if "fresh_run" in metafunc.fixturenames:  # the sample conftest runs in a real interpreter
            files = targets.fresh_sample(files)
        metafunc.parametrize("snippet", files, ids=rel)


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def read_source(path: Path) -> str | runner.Run:
    """The file's text (a BOM is fine, as for Python), or a failed Run saying why not."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        return runner.Run(error=f"{rel(path)}: not UTF-8 ({err.reason} at byte {err.start}); "
                                "save it as UTF-8")


@pytest.fixture(scope="session")
def runs(request) -> dict[Path, runner.Run]:
    files = targets.selected(request.config)
    sources = {f: read_source(f) for f in files}
    readable = [f for f in files if isinstance(sources[f], str)]
    # run_memo: the notebook tests ask for the same runs; each snippet runs once.
    done = dict(zip(readable, runner.run_memo([runner.Job(sources[f], rel(f)) for f in readable])))
    return {f: done.get(f) or sources[f] for f in files}


def update(snippet: Path, source: str, run: runner.Run) -> None:
    """Rewrite the snippet's `#>` blocks from the run, atomically, and say what changed."""
    try:
        new = expected_output.rewrite(source, run.chunks, rel(snippet))
    except expected_output.SourceError as err:
        pytest.fail(str(err))
    said = "already up to date"
    if new != source:
        bom = "\ufeff" if snippet.read_bytes().startswith(b"\xef\xbb\xbf") else ""
        tmp = snippet.with_name(f".{snippet.name}.tmp")
        tmp.write_text(bom + new, encoding="utf-8")
        os.replace(tmp, snippet)  # atomic: the file is old or new, never half-written
        old, now = ([tuple(site.expected) for site in expected_output.parse(text, rel(snippet))[1]]
                    for text in (source, new))
        steps = difflib.SequenceMatcher(a=old, b=now, autojunk=False).get_opcodes()
        added = sum(j2 - j1 for op, _, _, j1, j2 in steps if op == "insert")
        changed = sum(j2 - j1 for op, _, _, j1, j2 in steps if op == "replace")
        said = f"wrote {added} new and {changed} changed `#>` blocks"
    targets.UPDATED.append(f"{rel(snippet)}: {said}")  # conftest prints them at the end


def test_output_matches(snippet, runs, request):
    run, name = runs[snippet], rel(snippet)
    if run.error:
        pytest.fail(f"{name}: the snippet failed:\n{run.error}\n{run.stderr}".rstrip())
    source = read_source(snippet)
    problems = []
    if request.config.getoption("--update-outputs"):
        update(snippet, source, run)  # the new blocks are the run's output
    else:
        problems = expected_output.compare(source, run.chunks, name)
    if run.stderr:
        problems.append(f"{name}: wrote to standard error (a warning the page teaches must be "
                        f"caught and printed):\n{run.stderr}")
    assert not problems, "\n".join(problems)


def test_runs_the_same_in_a_fresh_interpreter(snippet, runs, fresh_run):
    """`python snippets/<folder>/<name>.py` from an empty folder prints what the forked run printed."""
    done = fresh_run(snippet)
    assert done.returncode == 0, f"{rel(snippet)} failed in a fresh interpreter:\n{done.output}"
    assert done.output == runs[snippet].stdout, \
        f"{rel(snippet)}: a fresh interpreter printed something else than the forked run"
