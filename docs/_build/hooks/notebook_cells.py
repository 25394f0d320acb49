"""A page of the site as the cells of a Jupyter notebook (used by notebooks.py).

The page is read by the page model (pages.py). Its prose becomes Markdown cells
written for Jupyter (`$`/`$$` math, links to other pages as plain text, no
attribute lists); every fence that includes snippets becomes a code cell holding
their code without `#>` lines and section markers (the cell's real output stands
under it). A collapsed answer (`??? success "Answer"`) becomes a quoted answer
followed by its code cells; a figure is left to the code cell that draws it, and
content tabs that hold only such figures disappear. Each Markdown cell also keeps
its prose as the site writes it (`page_source`), for the nav notebook page.
"""
from __future__ import annotations

import logging
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import pages

log = logging.getLogger("mkdocs.hooks.notebooks")

IMAGE = re.compile(r'!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+"[^"]*")?\)(?:\{[^}\n]*\})?')
LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\)")
HEADING_ATTRS = re.compile(r"^(#{1,6} .*?)[ \t]*\{[ \t]*[#.][^}\n]*\}[ \t]*$", re.M)
FIGURE_SRC = re.compile(r"^figures/(?P<folder>[^/]+)/(?P<name>[A-Za-z_]\w*)")


@dataclass
class Cell:
    kind: str  # "markdown" or "code"
    source: str  # what the notebook holds: Markdown for Jupyter, or Python
    page_source: str = ""  # the same prose in the site's Markdown (the rendered notebook page)
    snippet: str = ""  # code: the snippet file it shows (figures are numbered per file)
    line: int = 0  # code: the page line of its fence


class Cells:
    """Markdown pieces gathered into cells between code cells."""

    def __init__(self):
        self.cells: list[Cell] = []
        self.notebook: list[str] = []  # pending Markdown, for the notebook
        self.page: list[str] = []  # and for the page

    def markdown(self, notebook: str, page: str):
        if notebook.strip():
            self.notebook.append(notebook.strip("\n"))
        if page.strip():
            self.page.append(page.strip("\n"))

    def code(self, source: str, snippet: str, line: int):
        self.flush()
        self.cells.append(Cell("code", source, snippet=snippet, line=line))

    def flush(self):
        page = "\n\n".join(self.page)
        if self.notebook or page:  # prose only the page shows (figures the next cell draws) too
            self.cells.append(Cell("markdown", "\n\n".join(self.notebook), page))
        self.notebook, self.page = [], []


def has_code(blocks) -> bool:
    return any(f.includes for f in pages.fences(blocks))


def _raw(blocks) -> str:
    return "\n".join("\n".join(b.lines) for b in blocks)


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line.strip() else "" for line in text.split("\n"))


class PageConverter:
    """One page (docs/<lang>/<uri>) as notebook cells."""

    def __init__(self, config, lang: str, uri: str):
        self.config, self.lang, self.uri = config, lang, uri
        self.path = Path(config.docs_dir) / lang / uri
        self.drawn: set[str] = set()  # snippets (folder/name) whose figures a code cell draws

    def cells(self) -> list[Cell]:
        blocks = pages.read(self.path)
        self.drawn = {re.sub(r"^snippets/|\.py$", "", inc.path) for inc, _ in pages.includes(blocks)}
        out = Cells()
        self.emit(blocks, out)
        out.flush()
        return out.cells

    def emit(self, blocks, out: Cells):
        for block in blocks:
            if isinstance(block, pages.Text):
                if block.includes:
                    raise RuntimeError(f"docs/{self.lang}/{self.uri}:{block.includes[0].line}: "
                                       "an include outside a code fence")
                text = "\n".join(block.lines)
                out.markdown(self.for_notebook(text), text)
            elif isinstance(block, pages.Fence) and block.includes:
                code = [pages.expand(self.config, inc.target, outputs=False) for inc in block.includes]
                out.code("\n\n".join(code), block.includes[0].path, block.line)
            elif isinstance(block, pages.Fence):  # a fence that includes nothing: text as it is
                out.markdown("\n".join(block.lines), "\n".join(block.lines))
            elif not has_code(block.children):
                out.markdown(self.box_for_notebook(block, block.children), "\n".join(block.lines))
            else:  # an answer with code: its first words quoted, then its cells
                first = next(k for k, b in enumerate(block.children) if has_code([b]))
                lead, rest = block.children[:first], block.children[first:]
                page = f"**{block.title}**\n\n" + _raw(lead) if block.tab else \
                    f'!!! {block.kind} "{block.title}"\n\n' + _indent(_raw(lead))
                out.markdown(self.box_for_notebook(block, lead), page)
                self.emit(rest, out)

    def box_for_notebook(self, box: pages.Box, children) -> str:
        body = self.for_notebook(_raw(children))
        if box.tab:
            return f"**{box.title}**\n\n{body}" if body.strip() else ""
        quoted = [f"**{box.title}**", ""] + body.split("\n") if box.title else body.split("\n")
        return "\n".join(f"> {line}".rstrip() for line in quoted)

    def for_notebook(self, text: str) -> str:
        """Site Markdown -> Jupyter Markdown."""
        text = IMAGE.sub(self._image, text)
        text = HEADING_ATTRS.sub(r"\1", text)
        text = LINK.sub(lambda m: m[0] if re.match(r"https?://", m["target"]) else m["text"], text)
        # Jupyter's Markdown reads \( as an escaped parenthesis: $ delimiters.
        text = re.sub(r"\\\[(.+?)\\\]", r"$$\1$$", text, flags=re.S)
        text = re.sub(r"\\\((.+?)\\\)", r"$\1$", text, flags=re.S)
        text = re.sub(r"[ \t]+$", "", text, flags=re.M)
        return re.sub(r"\n{3,}", "\n\n", text).strip("\n")

    def _image(self, m) -> str:
        """A figure the notebook's code draws is left to the code cell; any other
        figure exists only on the site (its file is not in the notebook): dropped too."""
        figure = self.site_path(m["src"])
        f = FIGURE_SRC.match(figure)
        if not (f and f"{f['folder']}/{f['name']}" in self.drawn):
            log.info(f"{self.lang}/{self.uri}: the notebook leaves out the figure {figure}")
        return ""

    def site_path(self, src: str) -> str:
        """A relative link of the page as a path below the docs folder (no language)."""
        path = posixpath.normpath(posixpath.join(self.lang, posixpath.dirname(self.uri),
                                                 src.split("#")[0]))
        return path.removeprefix(f"{self.lang}/")
