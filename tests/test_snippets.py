"""Every snippet prints exactly its `#>` lines, run as a reader runs it (runner.py), and a sample of
them (targets.fresh_sample) the same in a real interpreter: `make check`, `make update` (options: conftest)."""
import os
from pathlib import Path

import pytest

from tests.support import expected_output, runner, targets
from tests.support.targets import rel


def pytest_generate_tests(metafunc):
    if "snippet" in metafunc.fixturenames:
        files = metafunc.config.snippets
        if "fresh_run" in metafunc.fixturenames:  # the sample conftest runs in a real interpreter
            files = targets.fresh_sample(files)
        metafunc.parametrize("snippet", files, ids=rel)


@pytest.fixture(scope="session")
def runs(request) -> dict[Path, tuple[str | None, runner.Run]]:
    """{snippet: (its text or None, its run)}; a file that is not UTF-8 (a BOM is fine, as
    for Python) does not run, and its run says why."""
    sources, done = {}, {}
    for path in request.config.snippets:
        try:
            sources[path] = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as err:
            done[path] = runner.Run(error=f"{rel(path)}: not UTF-8 ({err.reason} at byte {err.start}); "
                                          "save it as UTF-8")
    done.update(zip(sources, runner.run_many([runner.Job(text, rel(f)) for f, text in sources.items()])))
    return {path: (sources.get(path), run) for path, run in done.items()}


def update(snippet: Path, source: str, run: runner.Run) -> None:
    """Rewrite the snippet's `#>` blocks from the run, atomically, and say what changed."""
    try:
        text, new, changed = expected_output.rewrite(source, run.chunks, rel(snippet))
    except expected_output.SourceError as err:
        pytest.fail(str(err))
    said = "already up to date"
    if text != source:
        bom = "\ufeff" if snippet.read_bytes().startswith(b"\xef\xbb\xbf") else ""
        tmp = snippet.with_name(f".{snippet.name}.tmp")
        tmp.write_text(bom + text, encoding="utf-8")
        os.replace(tmp, snippet)  # atomic: the file is old or new, never half-written
        said = f"wrote {new} new and {changed} changed `#>` blocks"
    targets.UPDATED.append(f"{rel(snippet)}: {said}")  # conftest prints them at the end


def test_output_matches(snippet, runs, request):
    source, run = runs[snippet]
    if updating := request.config.getoption("--update-outputs") and not run.error:
        update(snippet, source, run)  # the new blocks are the run's output
    if problems := expected_output.check(None if updating else source, run, rel(snippet)):
        pytest.fail("\n".join(problems), pytrace=False)  # the messages alone, without the fixtures' values


def test_runs_the_same_in_a_fresh_interpreter(snippet, runs, fresh_run):
    """`python snippets/<folder>/<name>.py` from an empty folder prints what the forked run printed."""
    done = fresh_run(snippet)
    assert done.returncode == 0, f"{rel(snippet)} failed in a fresh interpreter:\n{done.output}"
    assert done.output == "".join(text for _, text in runs[snippet][1].chunks), \
        f"{rel(snippet)}: a fresh interpreter printed something else than the forked run"
