"""MkDocs hook and the page model (README, "How it fits together"): `blocks(text)` reads a
page into text, fences and boxes; INCLUDE, MARKER and OUTPUT (a `#>` line) are defined here
once, as are where a page lands in the site and the languages. As a hook, it makes a wrong
include a warning naming page and line, shown where the code would be (pymdownx.snippets'
`check_paths` would stop the build, naming neither), so `mkdocs serve` and the tests go on."""
import difflib
import functools
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.pages")  # counted by --strict; printed as is

# As pymdownx.snippets reads them: either quote, nothing after it; a section name as its RE_SNIPPET_SECTION.
INCLUDE = re.compile(r'^(?P<indent>[ \t]*)--8<--[ \t]+(?P<q>["\'])(?P<target>(?:(?!(?P=q)).)+)(?P=q)\r?$', re.M)
MARKER = re.compile(r"#\s*--8<--\s*\[[ \t]*(?P<kind>start|end)[ \t]*:[ \t]*(?P<name>[A-Za-z][-_0-9A-Za-z]*)[ \t]*\]")
OUTPUT = re.compile(r"^(?P<indent>[ \t]*)#>(?: (?P<text>.*)|(?P<empty>))$")
SHOWS = re.compile(r"^[ \t]*plt\.show\(", re.M)  # a snippet that draws figures (not a comment naming it)
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
TITLE = re.compile(r'\btitle=(?P<q>["\'])(?P<title>.*?)(?P=q)')
BOX = re.compile(r'^(?P<marker>!!!|\?\?\?\+?|===!?\+?)[ \t]+(?:(?P<kind>[\w-]+)[ \t]*)?'
                 r'(?:"(?P<title>[^"]*)")?[ \t]*$')


# --- the page as blocks --------------------------------------------------------

@dataclass
class Include:
    line: int  # 1-based line of the page
    target: str  # as written: "path" or "path:section"

    def __post_init__(self):
        self.path, _, self.section = self.target.partition(":")  # section "" for the whole file


def _includes(first: int, lines: list[str]) -> list[Include]:
    return [Include(n, m["target"]) for n, line in enumerate(lines, first) if (m := INCLUDE.match(line))]


@dataclass
class Text:
    line: int
    lines: list[str]

    @property
    def includes(self) -> list[Include]:  # outside any fence: a mistake the tests name
        return _includes(self.line, self.lines)


@dataclass
class Fence:
    line: int  # the opening line
    lines: list[str]  # as written, opening and closing lines included
    info: str  # what follows the backticks: `python title="..."`, `{.python continuation ...}`

    def __post_init__(self):
        self.includes = _includes(self.line, self.lines)
        self.title = m["title"] if (m := TITLE.search(self.info)) else None
        self.python = re.match(r"\{?\s*\.?py(thon3?)?\b", self.info.strip()) is not None  # as pytest-markdown-docs
        self.continuation = "continuation" in self.info.split("title=")[0]


@dataclass
class Box:
    """An admonition (`!!! note "Title"`, `??? success "Answer"`) or a content tab (`=== "1"`)."""
    line: int
    marker: str  # an admonition's `!!!`, `???` (shown closed) or `???+`; a content tab's `===`, ...
    kind: str  # an admonition's type (`note`, `success`), else ""
    title: str
    lines: list[str]  # head and body as written
    children: list


def blocks(text: str, first: int = 1) -> list:
    """The blocks of a page's Markdown (lines numbered from `first`)."""
    lines = text.split("\n")
    found: list = []
    i = 0
    while i < len(lines):
        n, line = first + i, lines[i]
        if m := FENCE.match(line):
            end = i + 1
            closing = re.compile(rf"^[ \t]*{re.escape(m['fence'][0])}{{{len(m['fence'])},}}[ \t]*$")
            while end < len(lines) and not closing.match(lines[end]):
                end += 1
            found.append(Fence(n, lines[i:end + 1], m["info"].strip()))
            i = end + 1
        elif m := BOX.match(line):
            end = i + 1
            while end < len(lines) and (not lines[end].strip() or lines[end].startswith(("    ", "\t"))):
                end += 1
            while end > i + 1 and not lines[end - 1].strip():  # trailing blank lines stay outside
                end -= 1
            body = "\n".join(re.sub(r"^(    |\t)", "", b) for b in lines[i + 1:end])
            title = m["title"] if m["title"] is not None else (m["kind"] or "").capitalize()
            found.append(Box(n, m["marker"], m["kind"] or "", title, lines[i:end], blocks(body, n + 1)))
            i = end
        else:
            if not found or not isinstance(found[-1], Text):
                found.append(Text(n, []))
            found[-1].lines.append(line)
            i += 1
    return found


def leaves(found: list):
    """Every text and fence of the blocks, in page order (inside boxes too)."""
    for block in found:
        yield from leaves(block.children) if isinstance(block, Box) else [block]


def fences(found: list) -> list[Fence]:
    return [block for block in leaves(found) if isinstance(block, Fence)]


def includes(found: list) -> list[tuple[Include, Fence | None]]:
    """(include, the fence holding it or None) for every include, in page order."""
    return [(inc, block if isinstance(block, Fence) else None)
            for block in leaves(found) for inc in block.includes]


def read(page: Path) -> list:
    return blocks(page.read_text(encoding="utf-8"))


# --- includes and sections --------------------------------------------------------

def sections(snippet: Path, name: str | None = None) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """({section name: its start and end marker's lines}, [problems with the markers,
    'name:line: ...']) of a snippet file."""
    opened: dict[str, int] = {}
    found, problems = {}, []
    name = name or snippet.as_posix()
    for n, line in enumerate(snippet.read_text(encoding="utf-8-sig", errors="replace").splitlines(), 1):
        for m in MARKER.finditer(line):
            section = m["name"]
            if m["kind"] == "start":
                if section in opened:
                    problems.append(f"{name}:{n}: [start:{section}] again before its [end:{section}]")
                opened[section] = n
            elif section not in opened:
                problems.append(f"{name}:{n}: [end:{section}] without a [start:{section}] before it")
            else:
                found[section] = opened.pop(section), n
    problems += [f"{name}:{n}: [start:{section}] without an [end:{section}]" for section, n in opened.items()]
    return found, problems


def snippet_files(root: Path) -> list[Path]:
    """Snippet sources: every .py file under snippets/ but dot files (an editor's lock, .#x.py)."""
    return sorted(p for p in (root / "snippets").rglob("*.py") if not p.name.startswith("."))


def missing(target: str, bases: list[Path]) -> str | None:
    """Why the include `target` cannot be expanded (with the closest names there are), or None."""
    path, _, section = target.partition(":")
    if (file := next((base / path for base in bases if (base / path).is_file()), None)) is None:
        known = [p.relative_to(base).as_posix() for base in bases for p in base.glob("snippets/**/*.py")]
        return f"there is no file {path}" + closest(path, known)
    if section and section not in (names := sections(file)[0]):
        return f"{path} has no section [start:{section}] ... [end:{section}]" + closest(section, names)
    return None


def closest(name: str, known) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


def base_paths(config) -> list[Path]:
    """pymdownx.snippets' base paths, relative to mkdocs.yml's folder."""
    options = config.mdx_configs.get("pymdownx.snippets", {})
    return [Path(config.config_file_path).parent / p for p in options.get("base_path", ["."])]


def wrong_includes(text: str, where: str, bases: list[Path], first: int = 1):
    """'where:line: include "target" not found: why' for each wrong include in text."""
    for n, line in enumerate(text.split("\n"), first):
        if (m := INCLUDE.match(line)) and (why := missing(m["target"], bases)):
            yield f'{where}:{n}: include "{m["target"]}" not found: {why}'
        elif not m and re.match(r"[ \t]*-+8<-+", line):  # pymdownx.snippets leaves it as it is
            yield f'{where}:{n}: not an include: --8<-- "<file>" alone on its line, nothing after it'


def expand(config, target: str, outputs: bool = True) -> str:
    """An include's text as pymdownx.snippets gives it to the page; without `#>`
    lines and section markers if not outputs (what a notebook cell holds)."""
    options = {**config.mdx_configs.get("pymdownx.snippets", {}),
               "base_path": [str(p) for p in base_paths(config)]}
    lines = _snippets(json.dumps(options, sort_keys=True)).run([f'--8<-- "{target}"'])
    if not outputs:
        lines = [line for line in lines if not OUTPUT.match(line) and not MARKER.search(line)]
    return "\n".join(lines).strip("\n")


@functools.lru_cache(maxsize=1)
def _snippets(options: str):
    """pymdownx.snippets' preprocessor, configured with options (JSON)."""
    import markdown

    md = markdown.Markdown(extensions=["pymdownx.snippets"],
                           extension_configs={"pymdownx.snippets": json.loads(options)})
    return md.preprocessors["snippet"]


# --- where pages land ------------------------------------------------------------------

def languages(config) -> list:
    """mkdocs-static-i18n's languages (`.locale`, `.default`, `.site_name`), the default one first."""
    return sorted(config.plugins["i18n"].config.languages, key=lambda lang: not lang.default)


def nav_pages(config) -> list[str]:
    """The nav's pages, in order: ["index.md", "autograd/graph.md", ..., "recipe/notebook.ipynb"]."""
    def walk(items):
        for item in items or []:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            yield from walk(value) if isinstance(value, list) else [value]
    return [page for page in walk(config["nav"]) if "://" not in page]


def page_dir(uri: str) -> str:
    """autograd/graph.md -> autograd/graph/, recipe/index.md -> recipe/, index.md -> ''."""
    stem = re.sub(r"(^|/)index$", "", uri.rsplit(".", 1)[0])
    return stem + "/" if stem else ""


def site_path(path: str, lang: str, default: str) -> str:
    """Where a language's copy of a path lands in the site: the default language at the root."""
    return path if lang == default else f"{lang}/{path}"


def path_language(path: str, langs: list[str], default: str) -> str:  # its first folder's, else the default
    return next((lang for lang in langs if lang != default and path.startswith(f"{lang}/")), default)


# --- MkDocs events -------------------------------------------------------------------

def on_page_markdown(markdown: str, page, config, **kwargs):
    bases = base_paths(config)
    # The file's own lines (MkDocs gives `markdown` without any front matter).
    for problem in wrong_includes(page.file.content_string, f"docs/{page.file.src_uri}", bases):
        log.warning(problem)

    def shown(m):
        why = missing(m["target"], bases)
        return f'{m["indent"]}# include "{m["target"]}" not found: {why}' if why else m[0]

    return INCLUDE.sub(shown, markdown)
