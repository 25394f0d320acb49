"""Every built page is valid HTML: the Nu HTML Checker (npm package vnu-jar, run
with Java) finds no error. One checker run over the whole site; one test per
page, failing with `file:line:column: message` for each error. A page found valid
is not checked again until its bytes change."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.support import audit, results

VNU = Path(__file__).parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGES = [f"{path}index.html" for path in audit.site_pages()] + ["404.html"]


def command(folder: Path, files: list[Path] | None = None) -> list[str]:
    """vnu's command line: the HTML files below folder, or just `files` of it."""
    java = shutil.which("java")
    if not java:
        pytest.fail("the HTML checker needs Java: apt-get install default-jre-headless")
    if not VNU.is_file():
        pytest.fail(f"{VNU} is missing: npm ci --prefix tests (make test does it)")
    # A stack the checker needs (its advice), and the JVM's quick-start settings: a
    # one-shot run spends more on compiling and collecting than on checking.
    return [java, "-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(VNU),
            "--errors-only", "--format", "json", "--stdout", "--skip-non-html",
            *map(str, files if files is not None else [folder])]


def errors(folder: Path, stdout: str, returncode: int, stderr: str) -> dict[str, list[str]]:
    """{HTML file below folder: ["line:column: message", ...]} from vnu's report."""
    try:
        messages = json.loads(stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"the HTML checker gave no report (exit {returncode}):\n{stderr}")
    found: dict[str, list[str]] = {}
    for m in messages:
        page = Path(unquote(urlsplit(m.get("url", "")).path)).relative_to(folder).as_posix()
        where = f"{m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))}"
        found.setdefault(page, []).append(f"{where}: {m.get('message', m)}")
    return found


def check(folder: Path, files: list[Path] | None = None) -> dict[str, list[str]]:
    """{HTML file below folder: ["line:column: message", ...]} for every error vnu finds."""
    done = subprocess.run(command(folder, files), capture_output=True, text=True, timeout=300)
    return errors(folder, done.stdout, done.returncode, done.stderr)


@pytest.fixture(scope="session")
def html_errors(built, request) -> dict[str, list[str]]:
    """A page found valid is kept (tests/support/results.py) under its bytes, the
    checker's and Java's: only changed pages, and pages with errors, are checked again."""
    kept = results.Kept(request.config, "html", VNU, os.path.realpath(shutil.which("java") or ""))
    pages = sorted(built.rglob("*.html"))
    inputs = {page: (page.relative_to(built).as_posix(), page.read_bytes().hex()) for page in pages}
    todo = [page for page in pages if kept.get(*inputs[page]) is None]
    found = check(built, todo) if todo else {}
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
