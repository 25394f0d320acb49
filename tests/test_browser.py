"""Every page of every language in headless Chromium (pytest-playwright), as a
reader gets it from GitHub Pages: one test per page and check, each failure
with the page's URL, the console log and a screenshot.

Each page is loaded and checked once (tests/support/audit.py), by two
browsers at a time, each loading its pages one after another in one tab; the
test items only read the findings. Screenshots are taken only of pages with a problem.
"""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

from tests.support import audit, project

SEARCHES = {"zh": "叶子节点", "en": "leaf"}  # both must find the computational-graph page
WORKERS = 2  # browsers auditing pages at once (this machine has 2 cores)


PAGES = audit.site_pages()
AUDITED = PAGES + ["404.html"]  # the site's one 404 page, in the default language


@pytest.fixture(scope="session")
def audits(site_url, tmp_path_factory) -> dict[str, dict]:
    """{path: {"found": {check: problems}, "languages": ..., "evidence": ...}} for every page."""
    homes = {site_url + project.site_url_path(lang, "index.md") for lang in project.languages()}
    found = audit.audit_all([site_url + path for path in AUDITED],
                            tmp_path_factory.mktemp("screenshots"), whole=homes, workers=WORKERS)
    return {path: found[site_url + path] for path in AUDITED}


@pytest.mark.parametrize("check", audit.CHECKS)
@pytest.mark.parametrize("path", AUDITED, ids=lambda p: p or "home")
def test_page(audits, site_url, path, check):
    result = audits[path]
    problems = result["found"][check]
    assert not problems, f"{site_url}{path}: {check}:\n" + "\n".join(problems) + \
        "\n" + result["evidence"]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_language_switch_lands_on_the_same_page(audits, site_url, path):
    langs = project.languages()
    lang = next((lang for lang in langs[1:] if path.startswith(f"{lang}/")), langs[0])
    bare = path.removeprefix(f"{lang}/") if lang != langs[0] else path
    targets = audits[path]["languages"]
    for other in langs:
        twin = bare if other == langs[0] else f"{other}/{bare}"
        assert targets.get(other) == urlsplit(urljoin(site_url, twin)).path, (path, targets)


def test_the_404_page_leads_to_every_language_home(audits, site_url):
    homes = {lang: urlsplit(urljoin(site_url, project.site_url_path(lang, "index.md"))).path
             for lang in project.languages()}
    assert audits["404.html"]["languages"] == homes


@pytest.mark.parametrize("lang", SEARCHES)
def test_search_finds_the_computational_graph_page(page, site_url, lang):
    start = project.site_url_path(lang, "index.md")
    found = audit.search(page, site_url + start, SEARCHES[lang])
    expected = urlsplit(site_url + project.site_url_path(lang, "autograd/graph.md")).path
    assert expected in found, found


def test_search_index_loads_only_when_search_is_used(page, site_url):
    assert not audit.search_index_requested(page, site_url + "autograd/graph/"), \
        "a page requested search/search_index.json before the reader used search"


def test_copy_button_copies_the_code(page, site_url):
    copied = audit.copy_first_code_block(page, site_url + "autograd/backward/")
    assert copied.startswith('"""'), copied[:200]
    assert "torch.autograd.backward" in copied
