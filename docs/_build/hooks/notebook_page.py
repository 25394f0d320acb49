"""The nav notebook page (mkdocs-jupyter's HTML of a notebook) restyled as a page of
this site (used by notebooks.py): no JupyterLab CSS or scripts; its Markdown cells
as MkDocs renders the page's prose; code and text output in the site's own code
blocks; the figures the page shows, not inline PNGs. Each fix expects the markup it
changes and fails the build when mkdocs-jupyter's markup has changed.
"""
from __future__ import annotations

import html as htmllib
import re

SPLIT = "<!-- notebook-cell -->"


class NotebookPage:
    """mkdocs-jupyter's HTML of a notebook, restyled: no JupyterLab CSS or scripts;
    Markdown cells as MkDocs renders the page's prose; code and text output in the
    site's code blocks; the figures as the page shows them. Each fix expects the
    markup it changes and fails the build when mkdocs-jupyter's has changed."""

    def __init__(self, page, config, files, notebook, lang: str):
        self.page, self.config, self.files = page, config, files
        self.notebook, self.lang = notebook, lang
        self.labels = config.extra["labels"]

    def render(self, html: str) -> str:
        return self.restyle(html, self.prose())

    def restyle(self, html: str, prose: list[str]) -> str:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(html, "html.parser")
        wrapper = _found(soup.select_one("div.jupyter-wrapper"), "div.jupyter-wrapper")
        for tag in soup.find_all(["style", "script"]):
            tag.decompose()
        for tag in wrapper.select(".zeroclipboard-container, .clipboard-copy-txt, "
                                  ".jp-InputPrompt, .jp-OutputPrompt, .jp-Collapser"):
            tag.decompose()
        for tag in wrapper.find_all(attrs={"tabindex": True}):
            del tag["tabindex"]
        # mkdocs-jupyter wraps each code cell in a second, id-less div.jp-Cell: unwrap it.
        for outer in wrapper.select("div.jp-Cell:not([id])"):
            outer.unwrap()
        cells = wrapper.select("div.jp-Cell")
        for cell in cells:
            del cell["id"]  # "cell-id=cell-3": nothing links to it
        specs = [c for c in self.notebook.cells if c.kind == "code" or c.source]
        kinds = ["code" if "jp-CodeCell" in c["class"] else "markdown" for c in cells]
        if kinds != [c.kind for c in specs]:
            raise RuntimeError(f"notebook page {self.page.file.src_uri}: mkdocs-jupyter shows cells "
                               f"{kinds}, the notebook has {[c.kind for c in specs]}")
        prose = iter(prose)
        figures: dict[str, int] = {}
        for cell, (before, spec) in zip(cells, self.notebook_cells()):
            for _ in before:  # prose only the page shows, before this cell
                cell.insert_before(BeautifulSoup(_div(next(prose)), "html.parser"))
            if spec.kind == "markdown":
                target = _found(cell.select_one(".jp-MarkdownOutput"), ".jp-MarkdownOutput")
                target.clear()
                target.append(BeautifulSoup(next(prose), "html.parser"))
            else:
                self.code(cell, spec, figures, soup)
        for rest in prose:  # prose only the page shows, after the last cell
            cells[-1].insert_after(BeautifulSoup(_div(rest), "html.parser"))
            cells[-1] = cells[-1].find_next_sibling()
        return str(soup)

    def notebook_cells(self):
        """[(prose-only cells before it, cell)] for each cell the notebook holds."""
        pending = []
        for cell in self.notebook.cells:
            if cell.kind == "markdown" and not cell.source:
                pending.append(cell)
            else:
                yield pending, cell
                pending = []

    def prose(self) -> list[str]:
        """Every Markdown cell's page text, rendered in one pass as MkDocs renders a page
        (links, math, heading ids and the table of contents as on any page)."""
        from mkdocs.structure.pages import Page

        parts = [c.page_source for c in self.notebook.cells if c.kind == "markdown"]
        suffix = self.labels["notebook_title_suffix"]
        intro = self.labels["notebook_intro"]  # what this page is for, beside the page it is made from
        parts[0], n = re.subn(r"^# (.+)$", lambda m: f"# {m[1]}{suffix}\n\n{intro}", parts[0], count=1,
                              flags=re.M)
        if not n:
            raise RuntimeError(f"{self.notebook.page_uri}: the notebook page needs the page's # title")
        # The prose is the page's Markdown: through the plugins' on_page_markdown (figures,
        # i18n, ...) and MkDocs' own rendering (links, anchors, toc), as on every page.
        self.page.markdown = self.config.plugins.on_page_markdown(
            f"\n\n{SPLIT}\n\n".join(parts), page=self.page, config=self.config, files=self.files)
        Page.render(self.page, self.config, self.files)
        self.page.title = getattr(self.page, "_title_from_render", None) or self.page.title
        chunks = self.page.content.split(SPLIT)
        if len(chunks) != len(parts):
            raise RuntimeError("notebook page: the cell separators did not survive Markdown")
        return [c.strip() for c in chunks]

    def code(self, cell, spec, figures: dict[str, int], soup):
        from bs4 import BeautifulSoup

        block = _found(cell.select_one("div.highlight-ipynb"), "div.highlight-ipynb")
        pre = _found(block.pre, "div.highlight-ipynb > pre")
        inner = "".join(str(c) for c in pre.contents)
        inner = re.sub(r"^<span></span>", "", inner)
        block.replace_with(BeautifulSoup(
            f'<div class="language-python highlight"><pre><span></span><code>{inner}</code></pre></div>',
            "html.parser"))
        for out in cell.select(".jp-OutputArea-output"):
            img = out.find("img")
            if img is not None:
                self.figure(out, img, spec, figures)
            elif out.pre is not None:
                text = out.pre.get_text()
                out.replace_with(BeautifulSoup(
                    f'<div class="notebook-output no-copy"><pre><code>{htmllib.escape(text)}'
                    "</code></pre></div>", "html.parser"))
            else:
                raise RuntimeError(f"notebook page: an output it cannot show: {str(out)[:200]}")
        for area in cell.select(".jp-Cell-outputWrapper"):
            if not area.select(".notebook-output, img"):
                area.decompose()

    def figure(self, out, img, spec, figures: dict[str, int]):
        """The k-th figure a snippet draws is the site's figures/<folder>/<name>[-k].svg:
        dropped here when the page's prose shows it, else shown from the site."""
        from mkdocs.utils import get_relative_url

        stem = spec.snippet.removeprefix("snippets/").removesuffix(".py")
        figures[stem] = figures.get(stem, 0) + 1
        candidates = [f"figures/{stem}-{figures[stem]}.svg", f"figures/{stem}.svg"]
        path = next((p for p in candidates if self.files.get_file_from_path(p)), None)
        if path is None:
            raise RuntimeError(f"notebook page: no site figure for figure {figures[stem]} of {spec.snippet}")
        shown = any(path in re.sub(r"\.\./", "", c.page_source) for c in self.notebook.cells
                    if c.kind == "markdown")
        parent = out.find_parent(class_="jp-OutputArea-child") or out
        if shown:
            parent.decompose()
            return
        img["src"] = get_relative_url(path, self.page.url)
        img["alt"] = self.labels["notebook_figure_alt"]
        img["loading"] = "lazy"
        img["class"] = "figure"


def _div(html: str) -> str:
    return f'<div class="jp-Cell jp-MarkdownCell">{html}</div>'


def _found(tag, what: str):
    if tag is None:
        raise RuntimeError(f"notebook page: expected {what!r} in mkdocs-jupyter's HTML; "
                           "its markup changed, update docs/_build/hooks/notebook_page.py")
    return tag


