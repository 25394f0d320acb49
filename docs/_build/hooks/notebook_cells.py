"""A page as the cells of a Jupyter notebook (used by notebooks.py): prose as Markdown for
Jupyter, each fence that includes snippets as a code cell without `#>` lines and section
markers (the cell's real output stands under it); see CONTRIBUTING, "Every page with code"."""
import re
from dataclasses import dataclass
from importlib.metadata import version

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
    folded: str = ""  # code in a box the page shows closed (`???`): that box's kind (`success`, ...)


def cells(config, blocks, link) -> list[Cell]:
    """A page's blocks as notebook cells: its Markdown gathered between code cells, each
    link's target as link(target) gives it; under the title, its page and torch's version."""
    found: list[Cell] = []
    for part in parts(config, blocks, link):
        if isinstance(part, Cell):
            found.append(part)
        elif part.strip() and found and found[-1].kind == "markdown":
            found[-1].source += "\n\n" + part.strip("\n")
        elif part.strip():
            found.append(Cell("markdown", part.strip("\n")))
    source = config.extra["labels"]["notebook_source"].format(url=link(""), torch=version("torch"))
    found[0].source = found[0].source.replace("\n", f"\n\n*{source}*\n", 1)  # under the title
    return found


def parts(config, blocks, link, folded=""):
    """The blocks' Markdown for Jupyter (str) and code cells (Cell), in page order."""
    for block in blocks:
        if isinstance(block, pages.Text):
            yield for_notebook("\n".join(block.lines), link)
        elif isinstance(block, pages.Fence) and block.includes:
            yield f"`{block.title.rsplit('/', 1)[-1]}`" if block.title else ""  # the prose may name it
            code = [pages.expand(config, inc.target, outputs=False) for inc in block.includes]
            yield Cell("code", "\n\n".join(code), block.includes[0].path, block.line, folded)
        elif isinstance(block, pages.Fence):  # a fence that includes nothing: text as it is
            yield "\n".join(block.lines)
        else:  # a box: its words before any code (quoted, or folded if collapsed), then its cells
            first = next((k for k, b in enumerate(block.children) if pages.includes([b])), len(block.children))
            yield box_for_notebook(block, block.children[:first], link)
            inner = folded or (block.kind or "note" if block.marker == "???" else "")  # code folded too
            yield from parts(config, block.children[first:], link, inner)


def box_for_notebook(box: pages.Box, children, link) -> str:
    body = for_notebook("\n".join("\n".join(b.lines) for b in children), link)
    if box.marker.startswith("===") or not body.strip():  # a tab's title runs into its body; code alone: title
        return f"**{box.title}** {body}".strip() if box.title else body
    if box.marker == "???":  # closed in Jupyter too (and on the nav notebook page, by md_in_html)
        return f'<details class="{box.kind}" markdown="1">\n<summary>{box.title}</summary>\n\n{body}\n\n</details>'
    quoted = [f"**{box.title}**", ""] + body.split("\n") if box.title else body.split("\n")
    return "\n".join(f"> {line}".rstrip() for line in quoted)


def for_notebook(text: str, link) -> str:
    """Site Markdown -> Jupyter Markdown."""
    text = IMAGE.sub(lambda m: f"*{m['alt']}*", text)  # a code cell draws it; its alt text, a caption
    text = HEADING_ATTRS.sub(r"\1", text)
    text = LINK.sub(lambda m: f"[{m['text']}]({link(m['target'])})", text)
    # Jupyter's Markdown reads \( as an escaped parenthesis: $ delimiters.
    text = re.sub(r"\\\[(.+?)\\\]", r"$$\1$$", text, flags=re.S)
    text = re.sub(r"\\\((.+?)\\\)", r"$\1$", text, flags=re.S)
    text = re.sub(r"[ \t]+$", "", text, flags=re.M)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
