"""The built site as readers get it, in headless Chromium (see tests/browser.py)."""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

from tests import browser

PAGES = browser.site_pages(browser.ROOT)


@pytest.fixture(scope="module")
def site_url(root, built_site):
    from tests.test_build import site_base_url

    site, done = built_site
    assert done.returncode == 0, "the site did not build"
    with browser.serve(site, site_base_url(root)) as url:  # where GitHub Pages serves it
        yield url


@pytest.fixture(scope="module")
def chromium():
    with browser.browser() as b:
        yield b


@pytest.fixture(scope="module")
def tab(chromium):
    context = chromium.new_context()
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_page_loads_clean_and_accessible(site_url, tab, path):
    problems = browser.audit(tab, site_url + path)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_language_switch_lands_on_the_same_page(site_url, tab, path):
    tab.goto(site_url + path)
    lang = "en" if path.startswith("en/") else "zh"
    twin = path.removeprefix("en/") if lang == "en" else "en/" + path
    links = tab.eval_on_selector_all("a.md-select__link[hreflang]",
                                     "els => els.map(a => [a.hreflang, a.href])")
    targets = {hreflang: urlsplit(href).path for hreflang, href in links}
    other = "zh" if lang == "en" else "en"
    assert targets.get(other) == urlsplit(urljoin(site_url, twin)).path, targets
    assert targets.get(lang) == urlsplit(urljoin(site_url, path)).path, targets


@pytest.mark.parametrize("lang, query", [("zh", "叶子节点"), ("en", "leaf")])
def test_search_finds_the_computational_graph_page(site_url, tab, lang, query):
    tab.goto(site_url + ("" if lang == "zh" else "en/"))
    # The index loads in a worker: wait until the box says "type to start searching".
    tab.wait_for_function("""() => {
      const meta = document.querySelector(".md-search-result__meta");
      const ready = JSON.parse(document.getElementById("__config").textContent)
        .translations["search.result.placeholder"];
      return meta && meta.textContent.includes(ready);
    }""", timeout=20000)
    tab.click(".md-search__input")
    tab.fill(".md-search__input", query)
    tab.dispatch_event(".md-search__input", "keyup")
    tab.wait_for_selector(".md-search-result__item", timeout=15000)
    hrefs = tab.eval_on_selector_all(".md-search-result__item a", "els => els.map(a => a.href)")
    expected = urlsplit(urljoin(site_url, ("" if lang == "zh" else "en/") + "autograd/graph/")).path
    assert any(urlsplit(h).path == expected for h in hrefs), hrefs


def test_copy_button_copies_the_code(site_url, chromium):
    context = chromium.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "autograd/backward/")
    block = page.locator(".md-content .highlight").first
    block.scroll_into_view_if_needed()
    block.hover()
    block.locator('button[data-md-type="copy"]').click()
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert copied.startswith('"""The signature of torch.autograd.backward')
    assert "print(without_annotations(torch.autograd.backward))" in copied
