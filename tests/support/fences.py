"""pytest plugin (pytest.ini: `-p tests.support.fences`): pytest-markdown-docs
runs every Python fence of every page as the reader sees it, and checks the
`#>` output in it.

Only pytest-markdown-docs' public hooks are used. The Markdown parser it asks
for rewrites each Python fence into one call, `__check_fence__("<key>")`,
remembering the fence's code (with every earlier part when the fence says
`continuation`, as a reader pastes them in order). The call, given through the
globals hook, expands the includes exactly as MkDocs does, runs the code in a
child process that looks like a fresh interpreter in an empty folder
(runner.py) and compares what it printed with the `#>` lines
(expected_output.py). A missing include or section fails that fence alone.

All selected fences run in one batch over all cores as soon as collection is
done (identical code, as in the two languages, runs once); torch is imported
only when some fence is selected.
"""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pytest

from tests.support import expected_output, includes, project, runner

FENCES: dict[str, str] = {}  # key -> code of the fence, earlier parts included
PARTS: dict[str, list[tuple[int, str]]] = {}  # key -> [(page line of its first code line, code)]
RESULTS: dict[str, object] = {}  # expanded code -> runner.Run or an error message
PYTHON_FENCE = re.compile(r"^\{?\s*\.?python\b")
CALL = re.compile(r'__check_fence__\("(?P<key>\w+)"\)')
BLOCK = "<code block>"  # the file name in tracebacks; also shared with the copied-block test


@pytest.hookimpl(tryfirst=True)
def pytest_markdown_docs_markdown_it():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    md.core.ruler.push("checked_fences", _rewrite_fences)
    return md


def _rewrite_fences(state) -> None:
    parts: list[tuple[int, str]] = []
    for token in state.tokens:
        if token.type != "fence" or not PYTHON_FENCE.match(token.info) or "notest" in token.info:
            continue
        if "continuation" in token.info:
            token.info = token.info.replace("continuation", "")  # joined here instead
        else:
            parts = []
        parts.append((token.map[0] + 2 if token.map else 0, token.content))
        key = hashlib.sha256(repr(parts).encode()).hexdigest()[:16]
        FENCES[key] = "".join(code for _, code in parts)
        PARTS[key] = list(parts)
        token.content = f'__check_fence__("{key}")\n'


def pytest_markdown_docs_globals():
    return {"__check_fence__": check_fence}


def expand(code: str) -> str:
    return includes.expand(project.ROOT, code)


def pytest_collection_finish(session):
    if session.config.option.collectonly:  # pytest --co: nothing will run
        return
    keys = [m["key"] for item in session.items
            if (m := CALL.search(getattr(getattr(item, "test_definition", None), "source", "")))]
    todo: dict[str, str] = {}
    for key in keys:
        try:
            code = expand(FENCES[key])
        except Exception as err:  # reported by the fence itself
            RESULTS[key] = f"{type(err).__name__}: {err}"
            continue
        todo.setdefault(code, key)
    if todo:
        for code, run in zip(todo, runner.run_memo([runner.Job(code, BLOCK) for code in todo])):
            RESULTS[code] = run


class FenceOutputMismatch(AssertionError):
    pass


def check_fence(key: str) -> None:
    caller = sys._getframe(1)
    page = Path(caller.f_code.co_filename)
    where = f"{_rel(page)}:{caller.f_lineno}"
    if isinstance(RESULTS.get(key), str):
        raise FenceOutputMismatch(_include_problem(key, page, caller.f_lineno, RESULTS[key]))
    try:
        code = expand(FENCES[key])
    except Exception as err:
        raise FenceOutputMismatch(_include_problem(key, page, caller.f_lineno, str(err))) from None
    if code not in RESULTS:
        RESULTS[code] = runner.run_memo([runner.Job(code, BLOCK)])[0]
    run = RESULTS[code]
    name = f"{where} (the code block)"
    problems = [run.error.replace(BLOCK, name)] if run.error else []
    if run.stderr and not run.error:
        problems.append(f"{name}: wrote to standard error (catch and print a warning the page "
                        f"teaches):\n{run.stderr}")
    problems += expected_output.compare(code, run.chunks, name)
    if problems:
        raise FenceOutputMismatch("\n".join(problems))


def _include_problem(key: str, page: Path, line: int, error: str) -> str:
    """Why the fence's includes do not expand: 'page:line: include "path:section" not found:
    why', at the line of the wrong include (docs/_build/hooks/includes.py), or in the block
    this one continues."""
    name = _rel(page)
    check = project.hook("includes").wrong_includes
    bases = includes.base_paths(project.ROOT)
    parts = PARTS[key]
    for k, (first, code) in enumerate(parts):
        for problem in check(code, name, bases, first):
            if k == len(parts) - 1:
                return problem
            return (f"{name}:{line}: this code block continues the one at line {first - 1}, "
                    f"which cannot run:\n{problem}")
    return f"{name}:{line}: {error}"


def _rel(path: Path) -> str:
    try:
        return path.resolve().relative_to(project.ROOT).as_posix()
    except ValueError:
        return str(path)
