"""Every built page is valid HTML: the Nu HTML Checker (npm package vnu-jar, run
with Java) finds no error. One checker run over the whole site; one test per
page, failing with `file:line:column: message` for each error. A page found valid
is not checked again until its bytes change."""
from __future__ import annotations

import os
import shutil

import pytest

from tests.support import audit, html_checker, results

PAGES = [f"{path}index.html" for path in audit.site_pages()] + ["404.html"]


@pytest.fixture(scope="session")
def html_errors(built, request) -> dict[str, list[str]]:
    """A page found valid is kept (tests/support/results.py) under its bytes, the
    checker's and Java's: only changed pages, and pages with errors, are checked again."""
    kept = results.Kept(request.config, "html", html_checker.VNU,
                        os.path.realpath(shutil.which("java") or ""))
    pages = sorted(built.rglob("*.html"))
    inputs = {page: (page.relative_to(built).as_posix(), page.read_bytes().hex()) for page in pages}
    todo = [page for page in pages if kept.get(*inputs[page]) is None]
    found = html_checker.check(built, todo) if todo else {}
    for page in todo:
        if not found.get(inputs[page][0]):
            kept.put([], *inputs[page])
    return found


@pytest.mark.parametrize("page", PAGES)
def test_page_is_valid_html(html_errors, built, page):
    assert (built / page).is_file(), f"{page}: not in the site"
    problems = html_errors.get(page, [])
    assert not problems, "\n".join(f"{page}:{p}" for p in problems[:30]) + \
        (f"\n... and {len(problems) - 30} more" if len(problems) > 30 else "")


def test_every_html_file_of_the_site_is_checked(built, html_errors):
    pages = sorted(p.relative_to(built).as_posix() for p in built.rglob("*.html"))
    assert pages == sorted(PAGES), "pages the HTML test does not list: " + \
        ", ".join(set(pages) - set(PAGES))
    assert set(html_errors) <= set(PAGES), sorted(set(html_errors) - set(PAGES))
