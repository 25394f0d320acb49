"""What the pages include and how the two language trees line up.

Every check takes the repository root (the fault tests point it at a broken
copy) and returns problems as 'file:line: message' strings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt

from tests.support import project

TITLE = re.compile(r'title="(?P<title>[^"]*)"')
SNIPPET_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*\.py$")  # not .#x.py, x.py~, #x.py#


@dataclass(frozen=True)
class Include:
    page: Path
    line: int  # 1-based line of the `--8<--` in the page
    target: str  # as written: path or path:section
    fence_line: int  # line of the fence that holds it (0: none)
    fence_title: str | None

    @property
    def path(self) -> str:
        return self.target.split(":", 1)[0]

    @property
    def section(self) -> str | None:
        return self.target.split(":", 1)[1] if ":" in self.target else None


def pages(root: Path, lang: str) -> list[Path]:
    """Pages of one language, relative to docs/<lang>."""
    base = root / "docs" / lang
    return sorted(p.relative_to(base) for p in base.rglob("*.md"))


def snippet_files(root: Path) -> list[Path]:
    """Snippet sources (editor backups and lock files are not snippets)."""
    return sorted(p for p in (root / "snippets").rglob("*.py")
                  if SNIPPET_NAME.match(p.name) and "__pycache__" not in p.parts)


def _tokens(text: str):
    return MarkdownIt("commonmark").enable("table").parse(text)


def includes(page: Path) -> list[Include]:
    text = page.read_text(encoding="utf-8")
    fences = {}  # line -> (fence's first line, title)
    for token in _tokens(_dedent_blocks(text)):
        if token.type == "fence" and token.map:
            title = TITLE.search(token.info)
            for n in range(token.map[0] + 1, token.map[1] + 1):
                fences[n] = (token.map[0] + 1, title["title"] if title else None)
    found = []
    for n, line in enumerate(text.splitlines(), 1):
        m = _hook().INCLUDE.match(line)
        if m:
            fence_line, title = fences.get(n, (0, None))
            found.append(Include(page, n, m["target"], fence_line, title))
    return found


def _dedent_blocks(text: str) -> str:
    """Admonition and tab bodies (indented by 4) read as top-level Markdown,
    keeping line numbers, so that fences inside them are seen as fences."""
    return re.sub(r"^(?:    )+(?=\S|$)", "", text, flags=re.M)


def _hook():
    """The build's include checks (docs/_build/hooks/includes.py): one reader of the syntax."""
    return project.hook("includes")


def check_includes(root: Path) -> list[str]:
    """Includes name real files and sections, sit in a fence titled with the
    file, and every snippet is shown in every language."""
    problems = []
    langs = project.languages()
    shown: dict[str, set[str]] = {lang: set() for lang in langs}
    for lang in langs:
        for page in pages(root, lang):
            for inc in includes(root / "docs" / lang / page):
                where = f"docs/{lang}/{page.as_posix()}:{inc.line}"
                shown[lang].add(inc.path)
                why = _hook().missing(inc.target, base_paths(root))
                if why:
                    problems.append(f'{where}: include "{inc.target}" not found: {why}')
                if not inc.fence_line:
                    problems.append(f"{where}: include outside a code fence")
                elif inc.fence_title != inc.path:
                    problems.append(f'{where}: the fence\'s title is {inc.fence_title!r}; '
                                    f'it must name the file it includes: title="{inc.path}"')
    for snippet in snippet_files(root):
        name = snippet.relative_to(root).as_posix()
        problems += _hook().sections(snippet, name)[1]
        for lang in langs:
            if name not in shown[lang]:
                problems.append(f"{name}:1: no docs/{lang} page includes this snippet; "
                                "include it on a page of every language")
    return problems


def skeleton(page: Path) -> list[tuple[int, str]]:
    """What must be the same in both languages, in order, with line numbers:
    headings, admonitions, includes, figures, display math, tables, links."""
    text = page.read_text(encoding="utf-8")
    items: list[tuple[int, str]] = []
    lines = text.splitlines()
    for n, line in enumerate(lines, 1):
        if m := re.match(r"^\s*(!!!|\?\?\?\+?)\s+(\w+)", line):
            items.append((n, f"admonition {m[1]} {m[2]}"))
        if m := _hook().INCLUDE.match(line):
            items.append((n, f'include "{m["target"]}"'))
        if re.match(r"^\s*\\\[", line):
            items.append((n, "display math"))
        if re.match(r'^\s*=== "', line):
            items.append((n, "content tab"))
    for token in _tokens(_dedent_blocks(text)):
        n = token.map[0] + 1 if token.map else 0
        if token.type == "heading_open":
            items.append((n, f"heading {token.tag}"))
        elif token.type == "table_open":
            items.append((n, "table"))
        elif token.type == "inline":
            for child in token.children or []:
                if child.type == "image":
                    items.append((n, f"figure {child.attrs.get('src')}"))
                elif child.type == "link_open":
                    href = str(child.attrs.get("href", ""))
                    if not re.match(r"^[a-z]+:", href) and not href.startswith("#"):
                        items.append((n, f"link to {href.split('#')[0]}"))
    return sorted(items)


def check_twins(root: Path) -> list[str]:
    """Every page exists in every language, with the same skeleton."""
    problems = []
    langs = project.languages()
    by_lang = {lang: set(pages(root, lang)) for lang in langs}
    first = langs[0]
    for lang in langs:
        for other in langs:
            for page in sorted(by_lang[lang] - by_lang[other]):
                problems.append(f"docs/{lang}/{page.as_posix()}:1: page has no {other} twin "
                                f"(expected docs/{other}/{page.as_posix()})")
    for lang in langs[1:]:
        for page in sorted(by_lang[first] & by_lang[lang]):
            a = skeleton(root / "docs" / first / page)
            b = skeleton(root / "docs" / lang / page)
            for k in range(max(len(a), len(b))):
                x = a[k] if k < len(a) else (0, "(nothing more)")
                y = b[k] if k < len(b) else (0, "(nothing more)")
                if x[1] != y[1]:
                    problems.append(
                        f"docs/{first}/{page.as_posix()}:{x[0]} and docs/{lang}/{page.as_posix()}"
                        f":{y[0]} diverge: {x[1]} versus {y[1]}")
                    break
    return problems


def base_paths(root: Path) -> list[Path]:
    """pymdownx.snippets' base paths (mkdocs.yml), in the project at root."""
    return [root / Path(p).relative_to(project.ROOT) for p in project.snippet_options()["base_path"]]


def preprocessor(root: Path):
    """pymdownx.snippets configured as mkdocs.yml configures it."""
    import markdown

    options = project.snippet_options()
    options["base_path"] = [str(p) for p in base_paths(root)]
    md = markdown.Markdown(extensions=["pymdownx.snippets"],
                           extension_configs={"pymdownx.snippets": options})
    return md.preprocessors["snippet"]


def expand(root: Path, text: str) -> str:
    """`--8<--` lines resolved as MkDocs resolves them (raises when one cannot be)."""
    return "\n".join(preprocessor(root).run(text.split("\n")))
