"""The `#>` check (its rules: CONTRIBUTING.md, section 1).

A *block* is a run of `#>` lines; its *site* is the statement that ends on the line
just above it (when statements nest, the one indented like the block). Each byte a
run writes is attributed to the module-level line that was running (runner.py), so
to the innermost statement there, and from it to the smallest site containing it."""
import ast
import difflib
import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

from tests.support.project import page_model

# A printed float: 5., -0.5, 0.6931, 1.2e-05, 3e+10, not part of a word or a version.
FLOAT = re.compile(r"(?<![\w.])-?\d+(?:\.\d*(?:[eE][-+]?\d+)?|[eE][-+]?\d+)(?![\w.])")
UNWRITABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\r]")


@dataclass
class Site:
    first: int  # first line of the statement (1-based)
    last: int  # its last line
    expected: list[str]  # the block's text, prefix removed; none for output with no block
    bare_expression: bool  # an expression statement that is not a call: a script prints nothing
    printed: str = ""  # what the run printed there


class SourceError(ValueError):
    """The file cannot be read as a snippet (syntax, markers): 'name:line: ...'."""


def statements(tree: ast.AST) -> list[ast.stmt]:
    """Statements that run in the module's own frame (not inside def or class)."""
    found = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.stmt):
            found.append(node)
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                found += statements(node)
        elif isinstance(node, (ast.excepthandler, ast.match_case)):
            found += statements(node)
    return found


def parse(source: str, name: str) -> tuple[list[ast.stmt], list[Site]]:
    try:
        tree = ast.parse(source)
    except SyntaxError as err:
        raise SourceError(f"{name}:{err.lineno}: {err.msg}") from None
    stmts = statements(tree)
    lines = source.splitlines()
    sites = []
    numbered = ((n, page_model().OUTPUT.match(line)) for n, line in enumerate(lines, 1))
    for is_block, run in itertools.groupby(numbered, key=lambda pair: pair[1] is not None):
        if not is_block:
            continue
        run = list(run)
        start, indent = run[0][0], run[0][1]["indent"]
        block = [m["text"] or "" for _, m in run]
        ending = [s for s in stmts if s.end_lineno == start - 1]
        if not ending:
            inner = any(isinstance(s, ast.stmt) and s.end_lineno == start - 1 for s in ast.walk(tree))
            where = "inside a function or class body: put it under the call" if inner else \
                "not right below a statement"
            raise SourceError(f"{name}:{start}: a `#>` block {where}")
        site = next((s for s in ending if _indent(lines, s.lineno) == indent), ending[-1])
        sites.append(Site(site.lineno, site.end_lineno, block,
                          isinstance(site, ast.Expr) and not isinstance(site.value, ast.Call)))
    return stmts, sites


def _indent(lines: list[str], lineno: int) -> str:
    return re.match(r"[ \t]*", lines[lineno - 1]).group()


def outputs(source: str, chunks: list[tuple[int, str]], name: str) -> list[Site]:
    """The source's sites, each with what the run printed there; output that no site accounts
    for makes a new site (with no expected lines) at the statement that printed it."""
    stmts, sites = parse(source, name)
    for line, text in chunks:
        stmt = min((s for s in stmts if s.lineno <= line <= s.end_lineno),
                   key=lambda s: s.end_lineno - s.lineno, default=None)
        first, last = (stmt.lineno, stmt.end_lineno) if stmt else (line, line)
        site = min((s for s in sites if s.first <= first and last <= s.last),
                   key=lambda s: s.last - s.first, default=None)
        if site is None:
            site = Site(first, last, [], False)
            sites.append(site)
        site.printed += text
    return sites


def split_lines(text: str) -> list[str]:
    """The lines printed as text: a newline ends a line, it does not start one."""
    return text.removesuffix("\n").split("\n") if text else []


def line_matches(expected: str, actual: str) -> bool:
    if expected == actual:
        return True
    parts = re.split(f"({FLOAT.pattern})", expected)  # text, float, text, float, ..., text
    found = re.fullmatch(f"({FLOAT.pattern})".join(map(re.escape, parts[::2])), actual)
    return bool(found) and all(map(_float_close, parts[1::2], found.groups()))


def _float_close(want: str, got: str) -> bool:
    """Same printed form (point, digits after it, exponent) and at most one unit of the last digit apart."""
    (mantissa, _, exponent), (mantissa2, _, exponent2) = (n.lower().partition("e") for n in (want, got))
    digits = len(mantissa.partition(".")[2])
    if ("." in mantissa, digits, exponent) != ("." in mantissa2, len(mantissa2.partition(".")[2]), exponent2):
        return False
    if not digits:  # `5.` or `3e+10`: a whole number, printed exactly
        return want == got
    return abs(Decimal(mantissa) - Decimal(mantissa2)) <= Decimal(1).scaleb(-digits)


def block_matches(expected: list[str], actual: list[str]) -> bool:
    return len(expected) == len(actual) and all(map(line_matches, expected, actual))


def check(source: str | None, run, name: str) -> list[str]:
    """What is wrong with a run (runner.Run) of source, as 'name[:line]: ...' messages: it failed, it wrote
    to standard error, or its output differs from the `#>` blocks (not compared for a source of None)."""
    if run.error:
        return [f"{name}: the run failed:\n{run.error}\n{run.stderr}".rstrip()]
    problems = [f"{name}: wrote to standard error (a warning the page teaches must be caught and "
                f"printed):\n{run.stderr}"] if run.stderr else []
    try:
        sites = [] if source is None else outputs(source, run.chunks, name)
    except SourceError as err:
        return [str(err), *problems]
    for site in sites:
        where, actual = f"{name}:{site.first}", split_lines(site.printed)
        if not site.expected:
            problems.append(f"{where}: printed output that no `#>` block accounts for (run `make update`, "
                            "or print it where a block follows):\n" + "\n".join("+" + t for t in actual))
        elif not site.printed:
            hint = ("a script does not echo expressions: print it" if site.bare_expression
                    else "it printed nothing")
            problems.append(f"{where}: `#>` lines follow this statement, but {hint}")
        elif not site.printed.endswith("\n"):
            problems.append(f"{where}: its output does not end with a newline; a `#>` block holds "
                            "whole lines")
        elif not block_matches(site.expected, actual):
            diff = difflib.unified_diff(site.expected, actual, "expected (#> lines)", "printed (real run)",
                                        lineterm="")
            fix = f" (if the run is right: make update SNIPPETS={name})" if name.endswith(".py") else ""
            problems.append(f"{where}: this statement printed something else{fix}:\n" + "\n".join(diff))
    return problems


def rewrite(source: str, chunks: list[tuple[int, str]], name: str) -> tuple[str, int, int]:
    """The source with each `#>` block that does not match the run replaced by what it printed (a new block
    under the statement that printed, where there was none), and how many blocks are new and how many
    changed. Raises SourceError for output that a comment cannot hold."""
    lines = source.splitlines(keepends=True)
    written = []
    for site in sorted(outputs(source, chunks, name), key=lambda s: s.last, reverse=True):
        actual = split_lines(site.printed)
        for out in actual:
            if UNWRITABLE.search(out) or out != out.rstrip():
                raise SourceError(f"{name}:{site.first}: printed {out!r}, which a `#>` comment "
                                  "cannot hold (control characters or trailing spaces)")
        if not block_matches(site.expected, actual):
            indent = _indent(lines, site.first)
            block = [f"{indent}#> {out}".rstrip() + "\n" for out in actual]
            lines[site.last:site.last + len(site.expected)] = block
            written.append(site)
    new = sum(1 for site in written if not site.expected)
    return "".join(lines), new, len(written) - new
