"""Every built page is valid HTML in its language: the Nu HTML Checker (npm package vnu-jar, run
with Java) finds no error, each named `file:line:column: message`."""
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.support import audit, project

PAGES = [f"{path}index.html" for path in audit.site_pages()] + ["404.html"]
VNU = project.ROOT / "tests" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def check(folder: Path) -> dict[str, list[str]]:
    """{HTML file below folder: ["line:column: message", ...]} for every error vnu finds."""
    java = shutil.which("java") or pytest.fail("the HTML checker needs Java (Debian: default-jre-headless)")
    # The stack the checker advises; the JVM's quick start (a one-shot run compiles more than it checks).
    done = subprocess.run([java, "-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(VNU),
                           "--errors-only", "--format", "json", "--stdout", "--skip-non-html", str(folder)],
                          capture_output=True, text=True, timeout=300)
    try:
        messages = json.loads(done.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"the HTML checker gave no report (exit {done.returncode}; its jar comes from "
                    f"npm ci --prefix tests):\n{done.stderr}")
    found: dict[str, list[str]] = {}
    for m in messages:
        page = Path(unquote(urlsplit(m.get("url", "")).path)).relative_to(folder).as_posix()
        where = f"{m.get('firstLine', m.get('lastLine', '?'))}:{m.get('firstColumn', m.get('lastColumn', '?'))}"
        found.setdefault(page, []).append(f"{where}: {m.get('message', m)}")
    return found


@pytest.fixture(scope="session")
def html_errors(built) -> dict[str, list[str]]:
    return check(built)


@pytest.mark.parametrize("page", PAGES)
def test_page_is_valid_html_in_its_language(html_errors, built, page):
    lang = project.page_model().path_language(page, project.languages(), project.languages()[0])
    assert f'<html lang="{lang}"' in (built / page).read_text(encoding="utf-8"), f"{page}: not marked {lang}"
    assert not (problems := html_errors.get(page, [])), "\n".join(f"{page}:{p}" for p in problems)


def test_every_html_file_of_the_site_is_checked(built, html_errors):
    pages = sorted(p.relative_to(built).as_posix() for p in built.rglob("*.html"))
    assert pages == sorted(PAGES), "pages the HTML test does not list: " + ", ".join(set(pages) - set(PAGES))


def test_html_checker_names_the_page_line_and_error(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>a</title></head>\n<body><p><div></p></body></html>')
    found = check(tmp_path)
    assert list(found) == ["a/index.html"] and found["a/index.html"][0].startswith("2:"), found
    assert "No “p” element in scope" in found["a/index.html"][0], found
