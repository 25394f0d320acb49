"""MkDocs hook: every `--8<--` include of every page names a file and a section that exist.

pymdownx.snippets (`check_paths: true`) stops the build at a wrong include, with a
message that names neither the page nor the line. This hook reads every page
first and warns once per wrong include, which fails `mkdocs build --strict`:

    docs/zh/recipe/index.md:20: include "snippets/recipe/train.py:dataa" not found:
    snippets/recipe/train.py has no section [start:dataa] ... [end:dataa]

The build goes on: the include's line shows that message in the page instead of
the code (the notebook hook leaves that page without a notebook), so `mkdocs serve`
keeps serving and every test that reads the built site still runs.

The tests ask the same functions (tests/support/includes.py, tests/support/fences.py).
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.includes")  # counted by --strict; printed as is

# `--8<-- "path"` or `--8<-- "path:section"`, the pymdownx.snippets syntax the pages use
INCLUDE = re.compile(r'^(?P<indent>[ \t]*)--8<--[ \t]+"(?P<target>[^"]+)"[ \t]*$', re.M)
MARKER = re.compile(r"#\s*--8<--\s*\[(?P<kind>start|end):(?P<name>[^\]]*)\]")


def sections(snippet: Path, name: str | None = None) -> tuple[set[str], list[str]]:
    """({section names}, [problems with the markers, 'name:line: ...']) of a snippet file."""
    opened: dict[str, int] = {}
    names, problems = set(), []
    name = name or snippet.as_posix()
    for n, line in enumerate(snippet.read_text(encoding="utf-8-sig").splitlines(), 1):
        for m in MARKER.finditer(line):
            section = m["name"]
            if m["kind"] == "start":
                if section in opened:
                    problems.append(f"{name}:{n}: [start:{section}] again before its "
                                    f"[end:{section}]")
                opened[section] = n
            elif section not in opened:
                problems.append(f"{name}:{n}: [end:{section}] without a [start:{section}] "
                                "before it")
            else:
                del opened[section]
                names.add(section)
    problems += [f"{name}:{n}: [start:{section}] without an [end:{section}]"
                 for section, n in opened.items()]
    return names, problems


def missing(target: str, base_paths: list[Path]) -> str | None:
    """Why the include `target` ("path" or "path:section") cannot be expanded, or None."""
    path, _, section = target.partition(":")
    file = next((base / path for base in base_paths if (base / path).is_file()), None)
    if file is None:
        return f"there is no file {path}"
    if section and section not in sections(file)[0]:
        return f"{path} has no section [start:{section}] ... [end:{section}]"
    return None


def wrong_includes(text: str, where: str, base_paths: list[Path], first_line: int = 1):
    """'where:line: include "target" not found: why' for each wrong include in text."""
    for n, line in enumerate(text.splitlines(), first_line):
        m = INCLUDE.match(line)
        if m and (why := missing(m["target"], base_paths)):
            yield f'{where}:{n}: include "{m["target"]}" not found: {why}'


def base_paths(config) -> list[Path]:
    """pymdownx.snippets' base paths, relative to mkdocs.yml's folder."""
    options = config.mdx_configs.get("pymdownx.snippets", {})
    root = Path(config.config_file_path).parent
    return [root / p for p in options.get("base_path", ["."])]


@event_priority(-150)  # after mkdocs-static-i18n (-100): the files of the language being built
def on_files(files, config, **kwargs):
    root = Path(config.config_file_path).parent
    bases = base_paths(config)
    for file in files.documentation_pages():
        if file.abs_src_path and file.src_uri.endswith(".md"):
            page = Path(file.abs_src_path)
            where = page.relative_to(root).as_posix() if page.is_relative_to(root) else str(page)
            for problem in wrong_includes(page.read_text(encoding="utf-8"), where, bases):
                log.warning(problem)
    return files


def on_page_markdown(markdown: str, page, config, **kwargs):
    bases = base_paths(config)

    def shown(m):
        why = missing(m["target"], bases)
        return f'{m["indent"]}# include "{m["target"]}" not found: {why}' if why else m[0]

    return INCLUDE.sub(shown, markdown)
