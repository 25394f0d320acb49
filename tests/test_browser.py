"""The built site as readers get it, in headless Chromium (see tests/browser.py).

One fixture visits every page (a few tabs at a time); the tests read its findings."""
from __future__ import annotations

import asyncio
from urllib.parse import urljoin, urlsplit

import pytest

from tests import browser

PAGES = browser.site_pages(browser.ROOT)
SEARCHES = {"zh": "叶子节点", "en": "leaf"}


@pytest.fixture(scope="module")
def visited(root, built_site):
    from tests.test_build import site_base_url

    site, done = built_site
    assert done.returncode == 0, "the site did not build"

    async def visit(url):
        async with browser.browser() as b:
            pages = await browser.visit_all(b, url, PAGES)
            page = await b.new_page()
            searches = {lang: await browser.search(page, url + ("" if lang == "zh" else "en/"), q)
                        for lang, q in SEARCHES.items()}
            copied = await browser.copy_first_code_block(b, url + "autograd/backward/")
            return url, pages, searches, copied

    with browser.serve(site, site_base_url(root)) as url:  # where GitHub Pages serves it
        return asyncio.run(visit(url))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_page_loads_clean_and_accessible(visited, path):
    problems = visited[1][path]["problems"]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_language_switch_lands_on_the_same_page(visited, path):
    url, pages = visited[0], visited[1]
    lang, other = ("en", "zh") if path.startswith("en/") else ("zh", "en")
    twin = path.removeprefix("en/") if lang == "en" else "en/" + path
    targets = pages[path]["languages"]
    assert targets.get(other) == urlsplit(urljoin(url, twin)).path, targets
    assert targets.get(lang) == urlsplit(urljoin(url, path)).path, targets


@pytest.mark.parametrize("lang", SEARCHES)
def test_search_finds_the_computational_graph_page(visited, lang):
    url, found = visited[0], visited[2][lang]
    expected = urlsplit(urljoin(url, ("" if lang == "zh" else "en/") + "autograd/graph/")).path
    assert expected in found, found


def test_copy_button_copies_the_code(visited):
    copied = visited[3]
    assert copied.startswith('"""The signature of torch.autograd.backward'), copied[:80]
    assert "print(without_annotations(torch.autograd.backward))" in copied
