"""A page of the site as the cells of a Jupyter notebook (used by notebooks.py).

Its prose becomes Markdown cells written for Jupyter (`$`/`$$` math, links to other pages
as plain text, no attribute lists, no figures: the code cells draw them); every fence that
includes snippets becomes a code cell with their code, without `#>` lines and section
markers (the cell's real output stands under it). A collapsed answer with code becomes its
quoted first words, then its code cells; content tabs that hold only figures disappear.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pages

IMAGE = re.compile(r'!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+"[^"]*")?\)(?:\{[^}\n]*\})?')
LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\)")
HEADING_ATTRS = re.compile(r"^(#{1,6} .*?)[ \t]*\{[ \t]*[#.][^}\n]*\}[ \t]*$", re.M)


@dataclass
class Cell:
    kind: str  # "markdown" or "code"
    source: str  # what the notebook holds: Markdown for Jupyter, or Python
    snippet: str = ""  # code: the snippet file it shows (figures are numbered per file)
    line: int = 0  # code: the page line of its fence


def has_code(blocks) -> bool:
    return any(f.includes for f in pages.fences(blocks))


class PageConverter:
    """One page (docs/<lang>/<uri>) as notebook cells: Markdown gathered between code cells."""

    def __init__(self, config, lang: str, uri: str):
        self.config, self.lang, self.uri = config, lang, uri
        self.found: list[Cell] = []
        self.pending: list[str] = []  # Markdown since the last code cell

    def cells(self) -> list[Cell]:
        self.emit(pages.read(Path(self.config.docs_dir) / self.lang / self.uri))
        self.flush()
        return self.found

    def markdown(self, text: str):
        if text.strip():
            self.pending.append(text.strip("\n"))

    def flush(self):
        if self.pending:
            self.found.append(Cell("markdown", "\n\n".join(self.pending)))
        self.pending = []

    def emit(self, blocks):
        for block in blocks:
            if isinstance(block, pages.Text):
                if block.includes:
                    raise RuntimeError(f"docs/{self.lang}/{self.uri}:{block.includes[0].line}: "
                                       "an include outside a code fence")
                self.markdown(for_notebook("\n".join(block.lines)))
            elif isinstance(block, pages.Fence) and block.includes:
                code = [pages.expand(self.config, inc.target, outputs=False) for inc in block.includes]
                self.flush()
                self.found.append(Cell("code", "\n\n".join(code), snippet=block.includes[0].path,
                                       line=block.line))
            elif isinstance(block, pages.Fence):  # a fence that includes nothing: text as it is
                self.markdown("\n".join(block.lines))
            elif not has_code(block.children):
                self.markdown(box_for_notebook(block, block.children))
            else:  # an answer with code: its first words quoted, then its cells
                first = next(k for k, b in enumerate(block.children) if has_code([b]))
                self.markdown(box_for_notebook(block, block.children[:first]))
                self.emit(block.children[first:])


def box_for_notebook(box: pages.Box, children) -> str:
    body = for_notebook("\n".join("\n".join(b.lines) for b in children))
    if box.tab:
        return f"**{box.title}**\n\n{body}" if body.strip() else ""
    quoted = [f"**{box.title}**", ""] + body.split("\n") if box.title else body.split("\n")
    return "\n".join(f"> {line}".rstrip() for line in quoted)


def for_notebook(text: str) -> str:
    """Site Markdown -> Jupyter Markdown."""
    text = IMAGE.sub("", text)  # the code cells draw the figures
    text = HEADING_ATTRS.sub(r"\1", text)
    text = LINK.sub(lambda m: m[0] if re.match(r"https?://", m["target"]) else m["text"], text)
    # Jupyter's Markdown reads \( as an escaped parenthesis: $ delimiters.
    text = re.sub(r"\\\[(.+?)\\\]", r"$$\1$$", text, flags=re.S)
    text = re.sub(r"\\\((.+?)\\\)", r"$\1$", text, flags=re.S)
    text = re.sub(r"[ \t]+$", "", text, flags=re.M)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
