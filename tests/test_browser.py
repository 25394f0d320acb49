"""Every page of every language in headless Chromium (pytest-playwright), as a
reader gets it from GitHub Pages: one test per page and check, each failure
with the page's URL, a screenshot and the console log."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.support import audit, includes, project

SEARCHES = {"zh": "叶子节点", "en": "leaf"}  # both must find the computational-graph page


def site_pages() -> list[str]:
    """Every page's URL path below the site root, in every language."""
    paths = []
    for lang in project.languages():
        paths += [project.site_url_path(lang, p.as_posix()) for p in includes.pages(project.ROOT, lang)]
        paths += [project.site_url_path(lang, uri) for uri in project.notebook_uris()]
    return sorted(paths)


PAGES = site_pages()
_audits: dict[str, dict] = {}


def audited(page, site_url: str, path: str, tmp_path_factory) -> dict:
    """The page loaded once for all its checks: findings, language links, evidence."""
    if path not in _audits:
        console: list[str] = []
        page.on("console", lambda m: console.append(f"[{m.type}] {m.text}"))
        found = audit.audit(page, site_url + path)
        shot = tmp_path_factory.mktemp("screenshots") / f"{path.strip('/').replace('/', '_') or 'home'}.png"
        page.screenshot(path=shot, full_page=True)
        _audits[path] = {"found": found, "languages": audit.language_links(page),
                         "evidence": f"screenshot: {shot}\nconsole:\n" + "\n".join(console)}
    return _audits[path]


@pytest.mark.parametrize("check", audit.CHECKS)
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_page(page, site_url, path, check, tmp_path_factory):
    result = audited(page, site_url, path, tmp_path_factory)
    problems = result["found"][check]
    assert not problems, f"{site_url}{path}: {check}:\n" + "\n".join(problems) + \
        "\n" + result["evidence"]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_language_switch_lands_on_the_same_page(page, site_url, path, tmp_path_factory):
    langs = project.languages()
    lang = next((lang for lang in langs[1:] if path.startswith(f"{lang}/")), langs[0])
    bare = path.removeprefix(f"{lang}/") if lang != langs[0] else path
    targets = audited(page, site_url, path, tmp_path_factory)["languages"]
    for other in langs:
        twin = bare if other == langs[0] else f"{other}/{bare}"
        assert targets.get(other) == urlsplit(urljoin(site_url, twin)).path, (path, targets)


@pytest.mark.parametrize("lang", SEARCHES)
def test_search_finds_the_computational_graph_page(page, site_url, lang):
    start = project.site_url_path(lang, "index.md")
    found = audit.search(page, site_url + start, SEARCHES[lang])
    expected = urlsplit(site_url + project.site_url_path(lang, "autograd/graph.md")).path
    assert expected in found, found


def test_copy_button_copies_the_code(page, site_url):
    copied = audit.copy_first_code_block(page, site_url + "autograd/backward/")
    assert copied.startswith('"""'), copied[:200]
    assert "torch.autograd.backward" in copied
