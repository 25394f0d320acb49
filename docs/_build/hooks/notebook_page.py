"""The nav notebook page: mkdocs-jupyter's HTML restyled as a page of this site (no
JupyterLab CSS or scripts; Markdown and figures rendered as any page's; code and output in
the site's code blocks). Each fix fails the build when mkdocs-jupyter's markup has changed."""
import html as htmllib
import posixpath
import re

from bs4 import BeautifulSoup
from mkdocs.structure.pages import Page

import figures

SPLIT = "<!-- notebook-cell -->"


def render(html: str, page, config, files, notebook) -> str:
    # Without its <style> and <script> elements (most of its bytes), which the page drops.
    soup = BeautifulSoup(re.sub(r"<(style|script)\b.*?</\1>", "", html, flags=re.S | re.I), "html.parser")
    wrapper = _one(soup, "div.jupyter-wrapper")
    for tag in wrapper.find_all(attrs={"tabindex": True}):  # no keyboard stops on plain text
        del tag["tabindex"]
    cells = wrapper.select("div.jp-Cell[id]")  # a code cell's outer, second div.jp-Cell has no id
    kinds = ["code" if "jp-CodeCell" in c["class"] else "markdown" for c in cells]
    if kinds != [c.kind for c in notebook.cells]:
        raise RuntimeError(f"notebook page {page.file.src_uri}: mkdocs-jupyter shows cells "
                           f"{kinds}, the notebook has {[c.kind for c in notebook.cells]}")
    made: list[str] = []  # the HTML that takes the place of each replaced tag

    def put(tag, html: str) -> None:  # as a placeholder, filled in once the soup is text: no parse
        tag.replace_with(f"\0{len(made)}\0")
        made.append(html)

    parts = []  # (a tag, the Markdown MkDocs renders to replace it)
    drawn: dict[str, int] = {}  # figures per snippet so far
    for cell, spec in zip(cells, notebook.cells):
        del cell["id"]  # "cell-id=...": Material's copy button takes the id into a CSS selector
        if spec.kind == "markdown":
            parts.append((_one(cell, ".jp-MarkdownOutput"), spec.source))
            continue
        editor = _one(cell, "div.jp-InputArea-editor")
        if spec.folded:  # closed, as the box that holds it on the page, and titled with its file
            summary = soup.new_tag("summary", string=spec.snippet.rsplit("/", 1)[-1])
            cell.wrap(soup.new_tag("details", attrs={"class": spec.folded})).insert(0, summary)
        code = re.sub(r"^<span></span>", "", _one(editor, "div.highlight-ipynb > pre").decode_contents())
        put(editor, f'<div class="language-python highlight"><pre><span></span><code>{code}</code></pre></div>')
        for out in cell.select(".jp-OutputArea-output"):
            if out.img is not None:
                parts.append((out, figure(spec.snippet, drawn, page, config.extra["labels"])))
            elif out.pre is not None:
                text = htmllib.escape(out.pre.get_text(), quote=False)
                put(out, f'<div class="notebook-output no-copy"><pre><code>{text}</code></pre></div>')
            else:
                raise RuntimeError(f"notebook page: an output it cannot show: {str(out)[:200]}")
    for (target, _), part in zip(parts, prose([markdown for _, markdown in parts], page, config, files)):
        put(target, part)
    return re.sub(r"\0(\d+)\0", lambda m: made[int(m[1])], str(soup))


def figure(snippet: str, drawn: dict[str, int], page, labels) -> str:
    """The Markdown of the next figure a snippet draws, as figures.py names it in the site."""
    drawn[snippet] = drawn.get(snippet, 0) + 1
    found = figures.site_files(figures.ROOT / snippet, figures.draw(figures.ROOT / snippet))
    path = found[2 * drawn[snippet] - 2][0]  # light, dark, light, dark, ...
    src = posixpath.relpath(path, posixpath.dirname(page.file.src_uri))
    return f"![{labels['notebook_figure_alt']}]({src}){{ .figure }}"


def prose(parts: list[str], page, config, files) -> list[str]:
    """The parts' HTML, rendered in one pass as MkDocs renders a page's Markdown: through the
    plugins' on_page_markdown (figures, i18n, ...), then links, anchors and the toc."""
    labels = config.extra["labels"]
    intro = labels["notebook_intro"]  # what this page is for, beside the page it is made from
    first, n = re.subn(r"^# (.+)$", lambda m: f"# {m[1]}{labels['notebook_title_suffix']}\n\n{intro}",
                       parts[0], count=1, flags=re.M)
    if not n:
        raise RuntimeError(f"{page.file.src_uri}: the notebook page needs the page's # title")
    page.markdown = config.plugins.on_page_markdown(
        f"\n\n{SPLIT}\n\n".join([first, *parts[1:]]), page=page, config=config, files=files)
    Page.render(page, config, files)  # mkdocs-jupyter replaced the page's own render
    page.title = getattr(page, "_title_from_render", None) or page.title
    chunks = page.content.split(SPLIT)
    if len(chunks) != len(parts):
        raise RuntimeError("notebook page: the cell separators did not survive Markdown")
    return [c.strip() for c in chunks]


def _one(tag, selector: str):
    """The element under tag that selector selects; mkdocs-jupyter's markup changed if none."""
    if (found := tag.select_one(selector)) is None:
        raise RuntimeError(f"notebook page: expected {selector!r} in mkdocs-jupyter's HTML; "
                           "its markup changed, update docs/_build/hooks/notebook_page.py")
    return found
