"""The built site's HTML files, each parsed once per test run (several tests read the
same pages); the trees are shared: read them, never change them."""
import functools
from pathlib import Path

from bs4 import BeautifulSoup


@functools.cache
def page(path: Path) -> BeautifulSoup:
    """The BeautifulSoup tree of an HTML file."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def copied_blocks(tree: BeautifulSoup) -> list[tuple[str, str]]:
    """[(title, code)] of a page's code blocks, the code as the copy button copies it."""
    blocks = []
    for div in tree.select(".md-content div.highlight"):
        title = div.select_one(".filename")
        code = div.select_one("pre > code")
        blocks.append((title.get_text() if title else "", code.get_text()))
    return blocks
