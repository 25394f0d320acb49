"""Every page of every language in headless Chromium (pytest-playwright), as a reader gets
it from GitHub Pages: one test per page and check, each failure with the page's URL, the
console log and a screenshot. Each page is audited once (tests/support/audit.py), in one tab,
when the first of its tests asks.
"""
from __future__ import annotations

import functools
import json
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import expect

from tests.support import audit, project

SEARCHES = {"zh": "叶子节点", "en": "leaf"}  # both must find the computational-graph page


AUDITED = audit.site_pages() + ["404.html"]  # the site's one 404 page, in the default language


@pytest.fixture(scope="session")
def audited(browser, built, site_url, tmp_path_factory):
    """audited(path) -> {"found": {check: problems}, "languages": {hreflang: URL path of the
    language switch}, "evidence": console log and screenshot}: the page at path, audited once
    in one tab (as a whole on the home pages, elsewhere its own parts: see audit.py)."""
    homes = {project.site_url_path(lang, "index.md") for lang in project.languages()}
    shots = tmp_path_factory.mktemp("screenshots")
    context = browser.new_context()
    tab = context.new_page()

    @functools.cache
    def result(path: str) -> dict:
        if not (built / path if path.endswith(".html") else built / path / "index.html").is_file():
            return {"found": dict.fromkeys(audit.CHECKS, ["not in the built site"]),
                    "languages": {}, "evidence": ""}
        console = []
        found = audit.audit(tab, site_url + path, path in homes, console)
        evidence = "console:\n" + ("\n".join(console) or "(empty)")
        if any(found.values()):
            shot = shots / f"{path.strip('/').replace('/', '_') or 'home'}.png"
            tab.screenshot(path=shot, full_page=True)
            evidence = f"screenshot: {shot}\n{evidence}"
        links = tab.eval_on_selector_all("a.md-select__link[hreflang]",
                                         "els => els.map(a => [a.hreflang, a.href])")
        return {"found": found, "evidence": evidence,
                "languages": {lang: urlsplit(href).path for lang, href in links}}

    yield result
    context.close()


@pytest.mark.parametrize("check", audit.CHECKS)
@pytest.mark.parametrize("path", AUDITED, ids=lambda p: p or "home")
def test_page(audited, site_url, path, check):
    result = audited(path)
    problems = result["found"][check]
    assert not problems, f"{site_url}{path}: {check}:\n" + "\n".join(problems) + \
        "\n" + result["evidence"]


@pytest.mark.parametrize("path", AUDITED, ids=lambda p: p or "home")
def test_language_switch_lands_on_the_same_page(audited, site_url, path):
    """The switch leads to the page's twin in every language; on the 404 page, to every home."""
    langs = project.languages()
    lang = next((lang for lang in langs[1:] if path.startswith(f"{lang}/")), langs[0])
    bare = "" if path == "404.html" else path.removeprefix(f"{lang}/")
    twins = {other: urlsplit(urljoin(site_url, bare if other == langs[0] else f"{other}/{bare}")).path
             for other in langs}
    assert audited(path)["languages"] == twins


@pytest.mark.parametrize("lang", project.languages())
def test_search_finds_the_computational_graph_page(page, site_url, lang):
    assert lang in SEARCHES, f"add to SEARCHES a {lang} word of the computational-graph page"
    page.goto(site_url + project.site_url_path(lang, "index.md"))
    # The index loads when search is first used (overrides/main.html): focus the box, then
    # wait until it says "type to start searching" before typing.
    page.click(".md-search__input")
    ready = json.loads(page.text_content("#__config"))["translations"]["search.result.placeholder"]
    expect(page.locator(".md-search-result__meta")).to_contain_text(ready, timeout=20000)
    page.fill(".md-search__input", SEARCHES[lang])
    page.dispatch_event(".md-search__input", "keyup")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    found = [urlsplit(href).path for href in page.eval_on_selector_all(
        ".md-search-result__item a", "els => els.map(a => a.href)")]
    expected = urlsplit(site_url + project.site_url_path(lang, "autograd/graph.md")).path
    assert expected in found, found


def test_copy_button_copies_the_code(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + "autograd/backward/")
    block = page.locator(".md-content .highlight").first
    block.hover()  # the button shows on hover
    block.locator('button[data-md-type="copy"]').click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith('"""'), copied[:200]
    assert "torch.autograd.backward" in copied
