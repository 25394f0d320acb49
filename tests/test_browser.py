"""Every page of every language in headless Chromium (pytest-playwright), as a
reader gets it from GitHub Pages: one test per page and check, each failure
with the page's URL, the console log and a screenshot.

Each page is loaded and checked once (tests/support/audit.py), by two
browsers at a time, each loading its pages one after another in one tab; the
test items only read the findings. Screenshots are taken only of pages with a problem.
A page found clean is not audited again until its bytes, or what audits it, change
(the `audits` fixture).
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.support import audit, project, results, server

SEARCHES = {"zh": "叶子节点", "en": "leaf"}  # both must find the computational-graph page
WORKERS = 2  # browsers auditing pages at once (this machine has 2 cores)


PAGES = audit.site_pages()
AUDITED = PAGES + ["404.html"]  # the site's one 404 page, in the default language


@pytest.fixture(scope="session")
def audits(built, site_url, tmp_path_factory, request) -> dict[str, dict]:
    """{path: {"found": {check: problems}, "languages": ..., "evidence": ...}} for every page.

    A page found clean is kept (tests/support/results.py) under the digests of its
    HTML and of the files it may load, and the code, axe-core, Chromium and fonts that
    audited it: only a page whose bytes changed, or that had a problem, is audited again."""
    homes = {project.site_url_path(lang, "index.md") for lang in project.languages()}
    kept = results.Kept(request.config, "audit", Path(audit.__file__), Path(server.__file__),
                        audit.AXE, audit.browser_version(), audit.system_fonts())
    inputs = {path: (path, path in homes, audit.page_inputs(built, path)) for path in AUDITED}
    found = {path: kept.get(*inputs[path]) for path in AUDITED}
    todo = [path for path in AUDITED if found[path] is None]
    if todo:
        new = audit.audit_all([site_url + path for path in todo],
                              tmp_path_factory.mktemp("screenshots"),
                              whole={site_url + home for home in homes}, workers=WORKERS)
        for path in todo:
            found[path] = new[site_url + path]
            if not any(found[path]["found"].values()):
                kept.put(found[path], *inputs[path])
    return found


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
