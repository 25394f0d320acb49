"""pytest plugin (pytest.ini: `-p tests.support.fences`): pytest-markdown-docs
runs every Python fence of every page as the reader sees it, and checks the
`#>` output in it.

Only pytest-markdown-docs' public hooks are used. The Markdown parser it asks
for first reads admonition and tab bodies as top-level Markdown (line numbers
kept), so that their fences (the exercises' answers) are collected too, then
rewrites each Python fence into one call, `__check_fence__("<key>")`. The page
model (docs/_build/hooks/pages.py) says what the fence holds: its includes, and
the fences before it when it says `continuation` (a reader pastes them in order).
The call expands the includes exactly as MkDocs does, runs the code in a child
process that looks like a fresh interpreter in an empty folder (runner.py) and
compares what it printed with the `#>` lines. A missing include or section fails
that fence alone. The selected fences run in one batch when collection is done.
"""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pytest

from tests.support import expected_output, pages, project, runner

CHAINS: dict[str, list] = {}  # key -> the fences the reader has pasted, this one last
RESULTS: dict[str, object] = {}  # expanded code -> runner.Run
CALL = re.compile(r'__check_fence__\("(?P<key>\w+)"\)')
BLOCK = "<code block>"  # the file name in tracebacks


def flat(text: str) -> str:
    """The page with the bodies of its admonitions and tabs dedented, line numbers kept."""
    lines = text.split("\n")

    def walk(blocks):
        for box in blocks:
            if isinstance(box, pages.model().Box):
                for n in range(box.line, box.line + len(box.lines) - 1):  # the body's lines
                    lines[n] = re.sub(r"^(    |\t)", "", lines[n])
                walk(box.children)
    walk(pages.model().blocks(text))
    return "\n".join(lines)


@pytest.hookimpl(tryfirst=True)
def pytest_markdown_docs_markdown_it():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    md.core.ruler.before("block", "flat_boxes", lambda state: setattr(state, "src", flat(state.src)))
    md.core.ruler.push("checked_fences", _rewrite_fences)
    return md


def _rewrite_fences(state) -> None:
    model = pages.model()
    chains = {fence.line: chain for fence, chain in model.programs(model.fences(model.blocks(state.src)))}
    for token in state.tokens:
        chain = chains.get(token.map[0] + 1 if token.map else 0)
        if token.type != "fence" or chain is None or not chain[-1].python or "notest" in token.info:
            continue
        token.info = token.info.replace("continuation", "")  # joined here instead
        key = hashlib.sha256(repr([f.lines for f in chain]).encode()).hexdigest()[:16]
        CHAINS[key] = chain
        token.content = f'__check_fence__("{key}")\n'


def pytest_markdown_docs_globals():
    return {"__check_fence__": check_fence}


def code(key: str) -> str:
    """The fences' code as the reader has pasted it (raises if an include cannot expand)."""
    return "".join(pages.fence_code(project.ROOT, fence) for fence in CHAINS[key])


def pytest_collection_finish(session):
    if session.config.option.collectonly:  # pytest --co: nothing will run
        return
    todo = set()
    for item in session.items:
        m = CALL.search(getattr(getattr(item, "test_definition", None), "source", ""))
        if m:
            try:
                todo.add(code(m["key"]))
            except Exception:  # reported by the fence itself
                pass
    for source, run in zip(todo, runner.run_memo([runner.Job(source, BLOCK) for source in todo])):
        RESULTS[source] = run


class FenceOutputMismatch(AssertionError):
    pass


def check_fence(key: str) -> None:
    caller = sys._getframe(1)  # pytest-markdown-docs runs the fence as code of the page's file
    page = Path(caller.f_code.co_filename)
    where = f"{_rel(page)}:{caller.f_lineno}"
    try:
        source = code(key)
    except Exception as err:
        raise FenceOutputMismatch(_include_problem(key, _rel(page), caller.f_lineno, err)) from None
    run = RESULTS.get(source) or runner.run_memo([runner.Job(source, BLOCK)])[0]
    name = f"{where} (the code block)"
    problems = [run.error.replace(BLOCK, name)] if run.error else []
    if run.stderr and not run.error:
        problems.append(f"{name}: wrote to standard error (catch and print a warning the page "
                        f"teaches):\n{run.stderr}")
    problems += expected_output.compare(source, run.chunks, name)
    if problems:
        raise FenceOutputMismatch("\n".join(problems))


def _include_problem(key: str, name: str, line: int, error: Exception) -> str:
    """Why the fence's includes do not expand: 'page:line: include "path:section" not found:
    why', at the line of the wrong include, or in the block this one continues."""
    model = pages.model()
    bases = model.base_paths(pages.config())
    chain = CHAINS[key]
    for fence in chain:
        for problem in model.wrong_includes("\n".join(fence.lines), name, bases, fence.line):
            if fence is chain[-1]:
                return problem
            return (f"{name}:{line}: this code block continues the one at line {fence.line}, "
                    f"which cannot run:\n{problem}")
    return f"{name}:{line}: {type(error).__name__}: {error}"


def _rel(path: Path) -> str:
    try:
        return path.resolve().relative_to(project.ROOT).as_posix()
    except ValueError:
        return str(path)
