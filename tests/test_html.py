"""Every built page is valid HTML in its language: the Nu HTML Checker (tests/support/html_checker.py)
finds no error, each named `file:line:column: message`."""
import pytest

from tests.support import audit, html_checker, project

PAGES = [f"{path}index.html" for path in audit.site_pages()] + ["404.html"]


@pytest.fixture(scope="session")
def html_errors(built) -> dict[str, list[str]]:
    return html_checker.check(built)


@pytest.mark.parametrize("page", PAGES)
def test_page_is_valid_html_in_its_language(html_errors, built, page):
    lang = project.page_model().path_language(page, project.languages(), project.languages()[0])
    assert f'<html lang="{lang}"' in (built / page).read_text(encoding="utf-8"), f"{page}: not marked {lang}"
    problems = html_errors.get(page, [])
    assert not problems, "\n".join(f"{page}:{p}" for p in problems)


def test_every_html_file_of_the_site_is_checked(built, html_errors):
    pages = sorted(p.relative_to(built).as_posix() for p in built.rglob("*.html"))
    assert pages == sorted(PAGES), "pages the HTML test does not list: " + ", ".join(set(pages) - set(PAGES))
