"""The `#>` convention: expected output lives in comments right after the print.

    print(w.grad)
    #> tensor([5.])

A *site* is one `print(...)` statement; its *block* is the run of `#>` lines
directly below it. A print inside a loop collects the output of every pass.
`compare` checks a run against the blocks, `rewrite` replaces the blocks with
what a real run printed.
"""
from __future__ import annotations

import ast
import difflib
import math
import re
from dataclasses import dataclass

PREFIX = "#>"
# A number as Python, torch and numpy print it: 5, -0.5, 5., 1.2e-05, 0.6931
NUMBER = re.compile(r"-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
REL_TOL = 1e-3  # floats may differ in the last printed digits across CPUs


@dataclass
class Site:
    first: int  # line of `print(` (1-based)
    last: int  # last line of the print statement
    indent: str
    expected: list[str]  # the text of its `#>` lines, prefix removed

    @property
    def block_end(self) -> int:
        """Last line of the `#>` block (== self.last when there is none)."""
        return self.last + len(self.expected)


def print_sites(source: str) -> list[Site]:
    lines = source.splitlines()
    sites = []
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Name) and node.value.func.id == "print"):
            expected = []
            for line in lines[node.end_lineno:]:
                stripped = line.strip()
                if not stripped.startswith(PREFIX):
                    break
                expected.append(stripped[len(PREFIX) + 1:] if stripped.startswith(PREFIX + " ")
                                else stripped[len(PREFIX):])
            indent = re.match(r"\s*", lines[node.lineno - 1]).group()
            sites.append(Site(node.lineno, node.end_lineno, indent, expected))
    return sorted(sites, key=lambda s: s.first)


def site_outputs(sites: list[Site], records: list[tuple[int, str]]):
    """Group what each print call wrote by the site it came from.

    Returns ({site.first: [lines]}, [line numbers no site owns])."""
    texts: dict[int, str] = {}
    strays = []
    for lineno, text in records:
        site = next((s for s in sites if s.first <= lineno <= s.last), None)
        if site is None:
            strays.append(lineno)
        else:
            texts[site.first] = texts.get(site.first, "") + text
    return {k: _lines(v) for k, v in texts.items()}, strays


def _lines(text: str) -> list[str]:
    if text.endswith("\n"):
        text = text[:-1]
    return [line.rstrip() for line in text.split("\n")]


def line_matches(expected: str, actual: str) -> bool:
    """Exact text, except `...` matches anything and floats match within REL_TOL."""
    if expected == actual:
        return True
    pattern, numbers = [], []
    pos = 0
    for m in re.finditer(r"\.\.\.|" + NUMBER.pattern, expected):
        pattern.append(re.escape(expected[pos:m.start()]))
        if m.group() == "...":
            pattern.append(".*?")
        else:
            pattern.append("(" + NUMBER.pattern + ")")
            numbers.append(m.group())
        pos = m.end()
    pattern.append(re.escape(expected[pos:]))
    found = re.fullmatch("".join(pattern), actual)
    if not found:
        return False
    for want, got in zip(numbers, found.groups()):
        if not _number_close(want, got):
            return False
    return True


def _number_close(want: str, got: str) -> bool:
    if not re.search(r"[.eE]", want):  # an integer: counts, iterations, shapes
        return want == got
    return math.isclose(float(want), float(got), rel_tol=REL_TOL, abs_tol=1e-6)


def block_matches(expected: list[str], actual: list[str]) -> bool:
    return len(expected) == len(actual) and all(map(line_matches, expected, actual))


def compare(source: str, records: list[tuple[int, str]], name: str) -> list[str]:
    """Every mismatch between the `#>` blocks and a run, as 'name:line: ...' messages."""
    sites = print_sites(source)
    outputs, strays = site_outputs(sites, records)
    problems = [f"{name}:{line}: print() that is not a statement of its own; "
                "its output cannot be placed in a `#>` block" for line in sorted(set(strays))]
    for site in sites:
        actual = outputs.get(site.first)
        if actual is None:
            if site.expected:
                problems.append(f"{name}:{site.first}: this print never ran, "
                                "but `#>` lines follow it")
            continue
        if not block_matches(site.expected, actual):
            diff = "\n".join(difflib.unified_diff(
                site.expected, actual, "expected (#> lines)", "actual (real run)", lineterm=""))
            what = "has no `#>` lines" if not site.expected else "printed something else"
            problems.append(f"{name}:{site.first}: print {what}:\n{diff}")
    return problems


def rewrite(source: str, records: list[tuple[int, str]]) -> str:
    """The source with each `#>` block replaced by what the run printed.

    Blocks that already match (say, with `...` or a float within tolerance)
    are kept as written."""
    sites = print_sites(source)
    outputs, _ = site_outputs(sites, records)
    lines = source.splitlines(keepends=True)
    for site in reversed(sites):
        actual = outputs.get(site.first, [])
        if block_matches(site.expected, actual):
            continue
        block = [f"{site.indent}{PREFIX} {line}".rstrip() + "\n" for line in actual]
        lines[site.last:site.block_end] = block
    return "".join(lines)
