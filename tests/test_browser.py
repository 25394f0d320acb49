"""Every page in headless Chromium, as GitHub Pages serves it: one test per page and check, each
failure with the URL, console log and a screenshot; a page is audited once, when first asked."""
import functools
import json
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import expect

from tests.support import audit, project

SEARCHES = {"zh": "叶子节点", "en": "leaf"}  # both must find the computational-graph page
AUDITED = audit.site_pages() + ["404.html"]  # the site's one 404 page, in the default language


@pytest.fixture(scope="session")
def audited(browser, site_url, tmp_path_factory):
    """audited(path) -> ({check: problems}, evidence: console log and screenshot)."""
    langs = project.languages()
    homes = {project.site_url_path(lang, "index.md") for lang in langs}
    shots = tmp_path_factory.mktemp("screenshots")
    tab = browser.new_page()  # in a context of its own, closed with it

    @functools.cache
    def result(path: str) -> tuple[dict, str]:
        found, console = audit.audit(tab, site_url + path, path in homes)
        lang = project.page_model().path_language(path, langs, langs[0])
        bare = "" if path == "404.html" else path.removeprefix(f"{lang}/")
        twins = {other: urlsplit(urljoin(site_url, bare if other == langs[0] else f"{other}/{bare}")).path
                 for other in langs}
        switch = {lang: urlsplit(href).path for lang, href in tab.locator("a.md-select__link[hreflang]")
                  .evaluate_all("links => links.map(a => [a.hreflang, a.href])")}
        found["language_switch"] = [] if switch == twins else [
            f"the language switch leads to {switch}, not {twins}"]
        evidence = "console:\n" + ("\n".join(console) or "(empty)")
        if any(found.values()):
            shot = shots / f"{path.strip('/').replace('/', '_') or 'home'}.png"
            tab.screenshot(path=shot, full_page=True)
            evidence = f"screenshot: {shot}\n{evidence}"
        return found, evidence

    yield result
    tab.close()


# Besides audit.CHECKS: the language switch leads to the page's twin in every language
# (on the 404 page, to every home).
@pytest.mark.parametrize("check", audit.CHECKS + ("language_switch",))
@pytest.mark.parametrize("path", AUDITED, ids=lambda p: p or "home")
def test_page(audited, site_url, path, check):
    found, evidence = audited(path)
    assert not found[check], f"{site_url}{path}: {check}:\n" + "\n".join(found[check]) + "\n" + evidence


@pytest.mark.parametrize("lang", project.languages())
def test_search_finds_the_computational_graph_page_in_its_language(page, site, site_url, lang):
    assert lang in SEARCHES, f"add to SEARCHES a {lang} word of the computational-graph page"
    assert site.returncode == 0, "the build stopped at a warning (test_build names it): no search index per language"
    page.goto(site_url + project.site_url_path(lang, "index.md"))
    # The index loads when search is first used (overrides/main.html): focus the box, then
    # wait until it says "type to start searching" before typing.
    box = page.locator(".md-search__input")
    box.click()
    ready = json.loads(page.text_content("#__config"))["translations"]["search.result.placeholder"]
    expect(page.locator(".md-search-result__meta")).to_contain_text(ready, timeout=20000)
    box.fill(SEARCHES[lang])
    box.dispatch_event("keyup")
    graph = site_url + project.site_url_path(lang, "autograd/graph.md")
    expect(page.locator(f'.md-search-result__item a[href^="{graph}"]').first).to_be_attached(timeout=15000)
    # A result's language: the one whose home starts its URL, the longest such home first.
    homes = sorted(((site_url + project.site_url_path(other, "index.md"), other)
                    for other in project.languages()), reverse=True)
    found = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    foreign = [url for url in found if next(other for home, other in homes if url.startswith(home)) != lang]
    assert not foreign, f"searching the {lang} site lists pages of another language: {foreign[:3]}"


@pytest.mark.parametrize("path", ["autograd/backward/", "recipe/notebook/"])
def test_copy_button_copies_the_code(page, site_url, path):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + path)
    block = page.locator(".md-content .highlight").first
    block.locator('button[data-md-type="copy"]').click()
    copied = page.evaluate("navigator.clipboard.readText()")
    # the code as shown, less its last newline: what test_reader takes a copy to be (pre > code)
    assert copied == block.locator("pre > code").text_content().rstrip("\n") and "import torch" in copied
