"""The built site as readers get it, in headless Chromium.

tests/sitecheck.py visits every page in the background (tests/browser.py says
what it looks for); these tests read its findings."""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

from tests import browser, sitecheck

PAGES = browser.site_pages(browser.ROOT)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_page_loads_clean_and_accessible(visited, path):
    problems = visited["pages"][path]["problems"]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_language_switch_lands_on_the_same_page(visited, path):
    url = visited["url"]
    lang, other = ("en", "zh") if path.startswith("en/") else ("zh", "en")
    twin = path.removeprefix("en/") if lang == "en" else "en/" + path
    targets = visited["pages"][path]["languages"]
    assert targets.get(other) == urlsplit(urljoin(url, twin)).path, targets
    assert targets.get(lang) == urlsplit(urljoin(url, path)).path, targets


@pytest.mark.parametrize("lang", sitecheck.SEARCHES)
def test_search_finds_the_computational_graph_page(visited, lang):
    url, found = visited["url"], visited["searches"][lang]
    expected = urlsplit(urljoin(url, ("" if lang == "zh" else "en/") + "autograd/graph/")).path
    assert expected in found, found


def test_copy_button_copies_the_code(visited):
    copied = visited["copied"]
    assert copied.startswith('"""The signature of torch.autograd.backward'), copied[:200]
    assert "print(without_annotations(torch.autograd.backward))" in copied
