"""What the pages include, read the way MkDocs and pytest-markdown-docs read them.

Each check takes the repository root, so the fault tests can point it at a
broken copy. Every problem is a message that starts with 'file:line:'.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import markdown
import yaml
from markdown_it import MarkdownIt

LANGUAGES = ("zh", "en")
# `--8<-- "path"` or `--8<-- "path:section"`, the pymdownx.snippets syntax we use
INCLUDE = re.compile(r'^(?P<indent>\s*)--8<--\s+"(?P<target>[^"]+)"\s*$')


@dataclass(frozen=True)
class Include:
    page: Path
    line: int  # 1-based line of the `--8<--` in the page
    target: str  # as written: path or path:section
    in_fence: bool  # inside a top-level code fence that pytest-markdown-docs runs

    @property
    def path(self) -> str:
        return self.target.split(":", 1)[0]


def pages(root: Path, lang: str) -> list[Path]:
    """Pages of one language, as paths relative to docs/<lang>."""
    base = root / "docs" / lang
    return sorted(p.relative_to(base) for p in base.rglob("*.md"))


def includes(page: Path) -> list[Include]:
    text = page.read_text(encoding="utf-8")
    fenced = set()
    for token in MarkdownIt("commonmark").parse(text):
        if token.type == "fence" and token.map:
            fenced.update(range(token.map[0] + 1, token.map[1] + 1))
    found = []
    for n, line in enumerate(text.splitlines(), 1):
        m = INCLUDE.match(line)
        if m:
            found.append(Include(page, n, m["target"], n in fenced and not m["indent"]))
    return found


def rel(root: Path, path: Path) -> str:
    return str(path.relative_to(root))


def check_twins(root: Path) -> list[str]:
    """Every page exists in both languages and includes the same snippets in the same order."""
    problems = []
    by_lang = {lang: set(pages(root, lang)) for lang in LANGUAGES}
    for lang in LANGUAGES:
        for other in LANGUAGES:
            for page in sorted(by_lang[lang] - by_lang[other]):
                problems.append(f"docs/{lang}/{page}:1: page has no {other} twin "
                                f"(expected docs/{other}/{page})")
    for page in sorted(by_lang["zh"] & by_lang["en"]):
        zh, en = ([i.target for i in includes(root / "docs" / lang / page)] for lang in LANGUAGES)
        if zh != en:
            problems.append(f"docs/en/{page}:1: includes {en}, but docs/zh/{page} includes {zh}; "
                            "both languages must show the same snippets in the same order")
    return problems


def check_includes(root: Path) -> list[str]:
    """Includes point at real files, sit where pytest-markdown-docs runs them, and
    every snippet is shown in both languages."""
    problems = []
    shown: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    for lang in LANGUAGES:
        for page in pages(root, lang):
            for inc in includes(root / "docs" / lang / page):
                where = f"{rel(root, inc.page)}:{inc.line}"
                if not (root / inc.path).is_file():
                    problems.append(f"{where}: includes {inc.path}, which does not exist")
                if not inc.in_fence:
                    problems.append(f"{where}: include outside a top-level ```python fence "
                                    "(inside an admonition or tab it would not be tested)")
                shown[lang].add(inc.path)
    for snippet in sorted((root / "snippets").rglob("*.py")):
        name = rel(root, snippet)
        for lang in LANGUAGES:
            if name not in shown[lang]:
                problems.append(f"{name}:1: no docs/{lang} page includes this snippet")
    return problems


@lru_cache(maxsize=None)
def snippet_preprocessor(root: Path):
    """pymdownx.snippets configured exactly as mkdocs.yml configures it."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !!python/name etc.
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    options = {}
    for ext in config.get("markdown_extensions", []):
        if isinstance(ext, dict) and "pymdownx.snippets" in ext:
            options = dict(ext["pymdownx.snippets"] or {})
    options["base_path"] = [str(root / p) for p in options.get("base_path", ["."])]
    md = markdown.Markdown(extensions=["pymdownx.snippets"],
                           extension_configs={"pymdownx.snippets": options})
    return md.preprocessors["snippet"]


def expand(root: Path, text: str) -> str:
    """Resolve `--8<--` lines as MkDocs does (raises on a missing file or section)."""
    return "\n".join(snippet_preprocessor(root).run(text.split("\n")))
