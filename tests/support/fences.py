"""pytest plugin (pytest.ini: `-p tests.support.fences`): pytest-markdown-docs runs every
Python fence of every page as the reader sees it (README: "What `make test` checks"). Through
its public hooks, admonition and tab bodies are read as top-level Markdown (exercise answers
are collected too), and each Python fence becomes a call, `__check_fence__(<key>)`, that runs
the code the page model says the fence holds and checks its `#>` lines, all in one batch."""
import contextlib
import re
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.support import expected_output, pages, project, runner, targets

CHAINS: list[list] = []  # [key]: the fences the reader has pasted, this one last
CALL = re.compile(r"__check_fence__\((?P<key>\d+)\)")
BLOCK = "<code block>"  # the file name in tracebacks


@pytest.hookimpl(tryfirst=True)
def pytest_markdown_docs_markdown_it():
    md = MarkdownIt("commonmark")
    md.core.ruler.before("block", "checked_fences", _rewrite_fences)
    md.core.ruler.push("checked_fences_calls", _calls)
    return md


def _rewrite_fences(state) -> None:
    """The page's Python fences as calls (by their line), then its boxes flattened. A fence with
    the `continuation` option runs after the earlier fences with its title, in order."""
    state.env["calls"] = calls = {}
    pasted: dict[str | None, list] = {}  # title -> the fences a reader has pasted so far
    for fence in pages.model().fences(pages.model().blocks(state.src)):
        pasted[fence.title] = [*pasted.get(fence.title, []), fence] if fence.continuation else [fence]
        if fence.python:
            calls[fence.line] = f"__check_fence__({len(CHAINS)})\n"
            CHAINS.append(pasted[fence.title])
    state.src = pages.flat(state.src)


def _calls(state) -> None:
    for token in state.tokens:
        if token.type == "fence" and token.map and token.map[0] + 1 in state.env["calls"]:
            token.info = re.sub(r"continuation|notest", "", token.info)  # joined here; no block is skipped
            token.content = state.env["calls"][token.map[0] + 1]


def pytest_markdown_docs_globals():
    return {"__check_fence__": check_fence}


def code(key: int) -> str:
    """The fences' code as the reader has pasted it (raises if an include cannot expand)."""
    return "".join(pages.fence_code(project.ROOT, fence) for fence in CHAINS[key])


def pytest_collection_finish(session):
    if session.config.option.collectonly:  # pytest --co: nothing will run
        return
    todo = set()
    for item in session.items:
        if m := CALL.search(getattr(getattr(item, "test_definition", None), "source", "")):
            with contextlib.suppress(Exception):  # an include that cannot expand: the fence says so
                todo.add(code(int(m["key"])))
    runner.run_many([runner.Job(source, BLOCK) for source in todo])  # check_fence finds them there


def check_fence(key: int) -> None:
    caller = sys._getframe(1)  # pytest-markdown-docs runs the fence as code of the page's file
    page = targets.rel(Path(caller.f_code.co_filename).resolve())
    where, chain, model = f"{page}:{caller.f_lineno}", CHAINS[key], pages.model()
    for fence in chain:  # a wrong include: at its line, or in a block this one continues
        for problem in model.wrong_includes("\n".join(fence.lines), page,
                                            model.base_paths(pages.config()), fence.line):
            raise AssertionError(problem if fence is chain[-1] else
                                 f"{where}: this code block continues the one at line "
                                 f"{fence.line}, which cannot run:\n{problem}")
    source = code(key)
    problems = expected_output.check(source, runner.run_many([runner.Job(source, BLOCK)])[0], BLOCK)
    if problems:  # the file name in tracebacks and messages, as the reader finds it
        raise AssertionError("\n".join(problems).replace(BLOCK, f"{where} (the code block)"))
