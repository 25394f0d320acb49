"""Every snippet prints exactly its `#>` lines, run as a reader runs it.

    pytest tests/test_snippets.py                                  # every snippet
    pytest tests/test_snippets.py --snippets snippets/backward     # some (make check SNIPPETS=...)
    pytest tests/test_snippets.py --snippets FILE --update-outputs  # rewrite (make update SNIPPETS=...)

Each run is a child forked from a parent that imported torch once, made to
look like `python snippets/<folder>/<name>.py` started in an empty folder
(tests/support/runner.py). A few snippets also run for real that way, to prove
the two agree: a small set, chosen greedily, that together imports every
module the snippets import and uses each thing the forked child imitates or
inherits (figures, an optimizer, warnings, seeded randomness). A real interpreter costs an import of
torch (seconds); a forked child, milliseconds.
"""
from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

from tests.support import expected_output, includes, project, runner

ROOT = project.ROOT


def selected(config) -> list[Path]:
    paths = config.getoption("--snippets")
    if not paths:
        return includes.snippet_files(ROOT)
    found: set[Path] = set()
    for p in (Path(p).resolve() for p in paths):
        if p.is_dir():
            found.update(f.resolve() for f in includes.snippet_files(ROOT)
                         if f.resolve().is_relative_to(p))
        elif p.is_file():
            found.add(p)
    return sorted(found)


def pytest_generate_tests(metafunc):
    if "snippet" in metafunc.fixturenames:
        files = selected(metafunc.config)
        if metafunc.function.__name__ == "test_runs_the_same_in_a_fresh_interpreter":
            files = fresh_sample(files)
        metafunc.parametrize("snippet", files, ids=rel)


# What a forked child imitates or inherits from its parent, and how a snippet shows it uses it.
TRAITS = {"figures": "plt.show(", "optimizer": ".step()", "warnings": "catch_warnings(",
          "randomness": "manual_seed("}


def traits(path: Path) -> set[str]:
    """The modules a snippet imports and the TRAITS it uses (none if it does not parse:
    test_output_matches says why)."""
    try:
        source = path.read_text(encoding="utf-8-sig")
        tree = ast.parse(source)
    except (UnicodeDecodeError, SyntaxError, ValueError):
        return set()
    found = {trait for trait, mark in TRAITS.items() if mark in source}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {f"import {alias.name}" for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(f"import {node.module}")
    return found


def fresh_sample(files: list[Path]) -> list[Path]:
    """Files whose traits together cover those of all (greedy: the file covering most of
    what is left first, path order on ties)."""
    left = set().union(*(traits(f) for f in files)) if files else set()
    chosen: list[Path] = []
    while left:
        best = max(files, key=lambda f: len(traits(f) & left))
        chosen.append(best)
        left -= traits(best)
    return sorted(chosen) or files[:1]


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
    files = selected(request.config)
    sources = {f: read_source(f) for f in files}
    readable = [f for f in files if isinstance(sources[f], str)]
    # run_memo: the notebook tests ask for the same runs; each snippet runs once.
    done = dict(zip(readable, runner.run_memo([runner.Job(sources[f], rel(f)) for f in readable])))
    return {f: done.get(f) or sources[f] for f in files}


def test_snippets_selected(request):
    paths = request.config.getoption("--snippets")
    assert selected(request.config), f"no snippet found in {paths or 'snippets/'}"


def test_output_matches(snippet, runs, request):
    run, name = runs[snippet], rel(snippet)
    if run.error:
        pytest.fail(f"{name}: the snippet failed:\n{run.error}\n{run.stderr}".rstrip())
    source = read_source(snippet)
    if request.config.getoption("--update-outputs"):
        try:
            new = expected_output.rewrite(source, run.chunks, name)
        except expected_output.SourceError as err:
            pytest.fail(str(err))
        if new != source:
            bom = "\ufeff" if snippet.read_bytes().startswith(b"\xef\xbb\xbf") else ""
            tmp = snippet.with_name(f".{snippet.name}.tmp")
            tmp.write_text(bom + new, encoding="utf-8")
            os.replace(tmp, snippet)  # atomic: the file is old or new, never half-written
        problems = []  # the new blocks are the run's output (its line numbers moved)
    else:
        problems = expected_output.compare(source, run.chunks, name)
    if run.stderr:
        problems.append(f"{name}: wrote to standard error (a warning the page teaches must be "
                        f"caught and printed):\n{run.stderr}")
    assert not problems, "\n".join(problems)


def test_runs_the_same_in_a_fresh_interpreter(snippet, runs, fresh_run):
    """`python snippets/<folder>/<name>.py` from an empty folder prints what the forked run printed."""
    returncode, stdout, stderr = fresh_run(snippet)
    assert returncode == 0, f"{rel(snippet)} failed in a fresh interpreter:\n{stderr}"
    assert stdout == runs[snippet].stdout, \
        f"{rel(snippet)}: a fresh interpreter printed something else than the forked run"


def test_the_fresh_sample_uses_all_that_the_snippets_use(request):
    files = selected(request.config)
    sample = fresh_sample(files)
    assert set().union(*map(traits, sample)) == set().union(*map(traits, files))
