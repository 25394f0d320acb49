"""The pages: what they include (read by the build's page model, docs/_build/hooks/pages.py)
and how the two language trees line up. Each check takes the repository root (the fault
tests give it a broken copy) and returns problems as 'file:line: message' strings."""
import functools
import itertools
import re
import sys
import unicodedata
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import SplitResult, unquote

from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from tests.support import project

model = project.page_model  # the build's page model (docs/_build/hooks/pages.py)
READER_MODULES = set(sys.stdlib_module_names) | {"torch", "matplotlib", "mpl_toolkits", "numpy"}  # with matplotlib
# Lines of a page's skeleton that Markdown does not parse, stripped: pattern -> name (Match.expand)
LINE_MARKS = [(model().BOX, r"box \g<marker> \g<kind>"), (re.compile(r"\\\[|\$\$"), "display math"),
              (model().INCLUDE, r'include "\g<target>"'),
              (re.compile(r"#+ .*\{:?[^}]*?#(?P<id>[\w-]+)"), r"heading #\g<id>")]
# Chinese punctuation (，。：（《「【 ...) with no Chinese character beside it: in an English sentence
FULL_WIDTH = re.compile(r"(?<![\u3400-\u9fff])[\u3001\u3002\u300a-\u3011\uff01-\uff1f](?![\u3400-\u9fff])")
# Material's admonition types (aliases aside): it styles any other word as a note, titled with the word
BOX_KINDS = "note abstract info tip success question warning failure danger bug example quote"


def pages(root: Path, lang: str) -> list[Path]:
    """Pages of one language, relative to docs/<lang>."""
    base = root / "docs" / lang
    return sorted(p.relative_to(base) for p in base.rglob("*.md"))


def config(root: Path = project.ROOT):
    """What the page model needs of mkdocs.yml, for the project at root."""
    return SimpleNamespace(mdx_configs=project.config().mdx_configs,
                           config_file_path=str(root / "mkdocs.yml"), docs_dir=str(root / "docs"))


def check_includes(root: Path) -> list[str]:
    """Every code block is includes only, which name real files and sections, in a fence titled
    with the file; every snippet, and its figures, shown in every language; no line too wide."""
    problems, langs = [], project.languages()
    shown: dict[str, set[str]] = {lang: set() for lang in langs}
    texts = dict.fromkeys(langs, "")  # every page of a language: where its figures are shown
    bases = model().base_paths(config(root))
    for lang in langs:
        for page in pages(root, lang):
            path, name = root / "docs" / lang / page, f"docs/{lang}/{page.as_posix()}"
            problems += model().wrong_includes(text := path.read_text(encoding="utf-8"), name, bases)
            texts[lang] += text
            for n, box in enumerate((model().BOX.match(s.strip()) for s in text.splitlines()), 1):
                if box and box["marker"][0] in "!?" and (box["kind"] or "note").lower() not in BOX_KINDS.split():
                    problems.append(f"{name}:{n}: admonition type {box['kind']!r}; use one of {BOX_KINDS}")
            problems += [f"{name}:{f.line}: code typed into the page; put it in a snippet and include it"
                         for f in model().fences(model().read(path))
                         if any(s.strip() and not model().INCLUDE.match(s) for s in f.lines[1:-1])]
            for inc, fence in model().includes(model().read(path)):
                shown[lang].add(inc.path)
                if fence is None:
                    problems.append(f"{name}:{inc.line}: include outside a code fence")
                elif not fence.python:  # pytest-markdown-docs would not run it
                    problems.append(f"{name}:{fence.line}: a fence of includes is ```python, not ```{fence.info}")
                elif fence.title != inc.path and not model().missing(inc.target, bases):
                    problems.append(f'{name}:{inc.line}: the fence\'s title is {fence.title!r}; '
                                    f'it must name the file it includes: title="{inc.path}"')
    for snippet in model().snippet_files(root):
        name = snippet.relative_to(root).as_posix()
        problems += model().sections(snippet, name)[1]
        text = snippet.read_text(encoding="utf-8", errors="replace")
        for n, line in enumerate(text.splitlines(), 1):  # a wide character (汉字) takes two columns
            if (width := sum(1 + (unicodedata.east_asian_width(c) in "WF") for c in line)) > 80:
                problems.append(f"{name}:{n}: {width} columns; a code block shows 80 (CONTRIBUTING)")
            if re.search(r"(^|\s)#(?!>)(?![^\"']*[\"'])[^\n]*[\u3000-\u9fff\uff00-\uffef]", line):
                problems.append(f"{name}:{n}: a comment in Chinese; both languages show it: English or math")
            if (m := re.match(r"[ \t]*(?:from[ \t]+(\w+)\S*[ \t]+import\b|import[ \t]+(\w+))", line)) and \
                    (m[1] or m[2]) not in READER_MODULES:  # a statement, not a docstring's "from scratch"
                problems.append(f"{name}:{n}: imports {m[1] or m[2]}; a reader installs only torch and matplotlib")
        problems += [f"{name}:1: no docs/{lang} page includes this snippet; "
                     "include it on a page of every language" for lang in langs if name not in shown[lang]]
        stem = "figures/" + name.removeprefix("snippets/").removesuffix(".py")  # hooks/figures.py names them so
        unshown = [lang for lang in langs if not re.search(rf"{stem}(-\d+)?\.svg", texts[lang])]
        problems += [f"{name}:1: no docs/{lang} page shows its figure ({stem}.svg, or {stem}-1.svg, ...)"
                     for lang in unshown if model().SHOWS.search(text)]
    return problems


def flat(text: str) -> str:
    """The page with the bodies of admonitions and tabs (indented by 4 spaces or a tab, as hooks/pages.py
    reads them) dedented, so that Markdown reads them as top-level blocks; line numbers kept."""
    return re.sub(r"^(?:    |\t)+(?=\S|$)", "", text, flags=re.M)


def skeleton(page: Path) -> list[tuple[int, str]]:
    """What must be the same in both languages, in order, with line numbers:
    headings and their ids, admonitions, tabs, includes (and how deep), figures, display math, tables,
    links (and their anchors)."""
    text = page.read_text(encoding="utf-8")
    items: list[tuple[int, str]] = []
    for n, line in enumerate(text.expandtabs(4).splitlines(), 1):  # indented: in a box (an answer, ...)
        indent = f", indented {len(line) - len(line.lstrip())}" if line[:1].isspace() else ""
        items += [(n, m.expand(name) + indent) for pattern, name in LINE_MARKS if (m := pattern.match(line.strip()))]
    for token in MarkdownIt("commonmark").enable("table").parse(flat(text)):
        n = token.map[0] + 1 if token.map else 0
        if token.type == "heading_open":
            items.append((n, f"heading {token.tag}"))
        elif token.type == "table_open":  # its shape: the delimiter row holds no text, so no escaped |
            rows = flat(text).splitlines()[token.map[0]:token.map[1]]
            items.append((n, f"table of {len(rows)} lines, {rows[1].strip().strip('|').count('|') + 1} columns"))
        elif token.type == "inline":  # its display formulas, whole; figures, links, code with digits
            items += [(n, "formula " + " ".join(tex.split()))
                      for tex in re.findall(r"\\\[(.*?)\\\]", token.content, re.S)]
            items += [(n, f"figure {src} {sorted(attrs.strip('{} ').split())}") for src, attrs in  # and its classes
                      re.findall(r"!\[[^\]]*\]\(([^)\s]+)[^)]*\)(\{[^}]*\})?", token.content)]
            for child in token.children or []:
                href = str(child.attrs.get("href", ""))
                if child.type == "link_open" and not re.match(r"^[a-z]+:", href):
                    items.append((n, f"link to {href}"))
                elif child.type == "code_inline" and re.search(r"\d", child.content):  # a version, a value
                    items.append((n, f"code {child.content}"))
    return sorted(items)


def check_twins(root: Path) -> list[str]:
    """Every page exists in every language, with the same skeleton as in the first."""
    problems = []
    first, *others = project.languages()
    for lang in others:
        mine, theirs = set(pages(root, first)), set(pages(root, lang))
        for page in sorted(mine ^ theirs):
            has, lacks = (first, lang) if page in mine else (lang, first)
            problems.append(f"docs/{has}/{page.as_posix()}:1: page has no {lacks} twin (docs/{lacks}/{page})")
        for page in sorted(mine & theirs):
            for n, line in enumerate((root / "docs" / lang / page).read_text("utf-8").splitlines(), 1):
                prose = re.sub(r"`[^`]*`", lambda m: " " * len(m[0]), line)  # code quotes as it is: not counted
                if len(re.findall(r"[\u3400-\u9fff]", prose)) > len(re.findall(r"[A-Za-z]+", prose)):
                    problems.append(f"docs/{lang}/{page.as_posix()}:{n}: in Chinese; translate it")
                elif m := FULL_WIDTH.search(prose):
                    problems.append(f"docs/{lang}/{page.as_posix()}:{n}:{m.start() + 1}: Chinese {m[0]} in English")
            a, b = (skeleton(root / "docs" / x / page) for x in (first, lang))
            for x, y in itertools.zip_longest(a, b, fillvalue=(0, "(nothing more)")):
                if x[1] != y[1]:
                    problems.append(f"docs/{first}/{page.as_posix()}:{x[0]} and docs/{lang}/"
                                    f"{page.as_posix()}:{y[0]} diverge: {x[1]} versus {y[1]}")
                    break
    return problems


def fence_code(root: Path, fence) -> str:
    """A fence's code as the reader sees it: its lines, each include expanded."""
    body = "\n".join(fence.lines[1:-1])
    return model().INCLUDE.sub(lambda m: model().expand(config(root), m["target"]), body) + "\n"


@functools.cache
def built(path: Path) -> BeautifulSoup:
    """A built HTML file's BeautifulSoup tree, parsed once per run and shared: read it, never change it."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@functools.cache
def ids(page: Path) -> set[str]:
    """The ids (and `<a name>`s) an anchor may point at in an HTML file."""
    return {tag[key] for key in ("id", "name") for tag in built(page).find_all(attrs={key: True})}


def link_problem(site: Path, parts: SplitResult) -> str | None:
    if not parts.path.startswith(project.BASE_PATH):
        return f"points outside the site (its base URL is {project.BASE_PATH})"
    target = site / unquote(parts.path.removeprefix(project.BASE_PATH))
    target = target / "index.html" if target.is_dir() else target
    if not target.is_file():
        return "no such file in the site"
    if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids(target):
        return f"no id '{parts.fragment}' in {target.relative_to(site)}"
    return None
