"""What `make check SNIPPETS=...` and `make page PAGE=...` name, resolved before anything runs (a name
that matches nothing stops it, saying the closest name), and the snippets also run in a real interpreter."""
import ast
from pathlib import Path

import pytest

from tests.support import pages, project

ROOT = project.ROOT
UPDATED: list[str] = []  # what `make update` wrote, one line per snippet


def rel(path: Path) -> str:
    """The path as messages name it: relative to the project, if it is in it."""
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def snippets(paths: list[str] | None) -> list[Path]:
    """The snippet files the paths (files or folders) name, or all; UsageError for a path that names none."""
    every = pages.model().snippet_files(ROOT)
    found: set[Path] = set()
    for given in paths or []:
        path = Path(given).resolve()
        named = [f for f in every if f.is_relative_to(path)]
        if not named:
            known = sorted({rel(f) for f in every} | {rel(f.parent) for f in every})
            raise pytest.UsageError(f"no snippet {given}{pages.model().closest(given, known)}")
        found.update(named)
    return sorted(found) if paths else every


def page(given: str) -> list[Path]:
    """A page in every language, named as `autograd/tips.md` or by its path in any
    language (`docs/en/autograd/tips.md`); UsageError for a name that matches no page."""
    langs = project.languages()
    uri = given.strip("/").removeprefix("docs/")
    uri = uri.split("/", 1)[-1] if uri.split("/")[0] in langs else uri
    files = [ROOT / "docs" / lang / uri for lang in langs]
    if not all(f.is_file() for f in files):
        known = sorted({p.as_posix() for lang in langs for p in pages.pages(ROOT, lang)})
        raise pytest.UsageError(f"no page {given}{pages.model().closest(uri, known)}; "
                                f"pages are: {', '.join(known)}")
    return files


# What a forked child imitates or inherits from its parent, and how a snippet shows it uses it.
TRAITS = {"figures": "plt.show(", "optimizer": ".step()", "warnings": "catch_warnings(",
          "randomness": "manual_seed("}


def traits(path: Path) -> set[str]:
    """The modules a snippet imports and the TRAITS it uses (none if it does not parse:
    test_output_matches says why)."""
    try:
        tree = ast.parse(source := path.read_text(encoding="utf-8-sig"))
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
    known = {f: traits(f) for f in files}
    left = set().union(*known.values())
    chosen: list[Path] = []
    while left:
        best = max(files, key=lambda f: len(known[f] & left))
        chosen.append(best)
        left -= known[best]
    return sorted(chosen) or files[:1]
