"""Every built page is valid HTML: the Nu HTML Checker (npm package vnu-jar, run
with Java) finds no error. One checker run over the whole site; one test per
page, failing with `file:line:column: message` for each error."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.support import audit

VNU = Path(__file__).parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGES = [f"{path}index.html" for path in audit.site_pages()] + ["404.html"]


def check(folder: Path) -> dict[str, list[str]]:
    """{HTML file below folder: ["line:column: message", ...]} for every error vnu finds."""
    java = shutil.which("java")
    if not java:
        pytest.fail("the HTML checker needs Java: apt-get install default-jre-headless")
    if not VNU.is_file():
        pytest.fail(f"{VNU} is missing: npm ci --prefix tests (make test does it)")
    # A stack the checker needs (its advice), and the JVM's quick-start settings: a
    # one-shot run spends more on compiling and collecting than on checking.
    done = subprocess.run([java, "-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                           "-jar", str(VNU), "--errors-only", "--format", "json", "--stdout",
                           "--skip-non-html", str(folder)], capture_output=True, text=True,
                          timeout=300)
    try:
        messages = json.loads(done.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"the HTML checker gave no report (exit {done.returncode}):\n{done.stderr}")
    errors: dict[str, list[str]] = {}
    for m in messages:
        page = Path(unquote(urlsplit(m.get("url", "")).path)).relative_to(folder).as_posix()
        where = f"{m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))}"
        errors.setdefault(page, []).append(f"{where}: {m.get('message', m)}")
    return errors


@pytest.fixture(scope="session")
def html_errors(built) -> dict[str, list[str]]:
    return check(built)


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
