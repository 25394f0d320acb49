"""Every snippet prints what its `#>` lines say; some also run truly standalone."""
from __future__ import annotations

import pytest

from tests import snippets

FILES = snippets.snippet_files()
# One per chapter runs as `python snippets/<chapter>/<name>.py` in a fresh
# interpreter; every snippet runs forked (tests/forkrun.py), which is as
# isolated but does not pay for importing torch again.
STANDALONE = snippets.standalone_choice(FILES)


@pytest.fixture(scope="session")
def runs():
    return dict(zip(FILES, snippets.run_files(FILES)))


@pytest.mark.parametrize("path", FILES, ids=snippets.rel)
def test_output_matches(path, runs):
    problems = snippets.problems(path, runs[path])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", STANDALONE, ids=snippets.rel)
def test_standalone_run_prints_the_same(path, runs, standalone_runs):
    done = standalone_runs[path]
    assert done.returncode == 0, f"{snippets.rel(path)} failed standalone:\n{done.stderr}"
    forked = "".join(text for _, text in runs[path].records)
    assert done.stdout == forked, f"{snippets.rel(path)}: standalone output differs from the forked run"
