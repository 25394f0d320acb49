"""Where the reader runs it: the code as the built pages hand it out, and the
repository links around it.

Every Python block of every built page, taken as the copy button copies it
(the text of the block's <code>), runs as a fresh interpreter in an empty
folder would run it, and prints what its `#>` comments say. A block whose
title names the same file as an earlier block on the page continues it: the
reader pastes them in order, so it runs after them.
"""
from __future__ import annotations

import re

import pytest

from tests.support import early, expected_output, includes, parsed, project, runner
from tests.support.builds import EXAMPLE_ENV, site_build

ROOT = project.ROOT
PAGES = [(lang, page.as_posix()) for lang in project.languages()
         for page in includes.pages(ROOT, lang)]


def programs(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """[(title, what the reader has pasted so far)]: earlier parts of the same file first."""
    pasted: dict[str, str] = {}
    found = []
    for title, code in blocks:
        pasted[title] = pasted.get(title, "") + code if title else code
        found.append((title, pasted[title]))
    return found


@pytest.fixture(scope="session")
def copied(built, request) -> dict[tuple[str, str], list[tuple[str, str, runner.Run]]]:
    """{(lang, page): [(title, program, run)]}, every distinct program run once."""
    found = {}
    for lang, page in PAGES:
        html = built / project.site_url_path(lang, page) / "index.html"
        found[(lang, page)] = programs(parsed.copied_blocks(parsed.page(html)))
    python = lambda title: title.endswith(".py")  # noqa: E731
    jobs = [runner.Job(code, "<code block>") for blocks in found.values()
            for title, code in blocks if python(title)]
    runs = iter(runner.run_memo(jobs))
    return {key: [(title, code, next(runs) if python(title) else None) for title, code in blocks]
            for key, blocks in found.items()}


@pytest.mark.parametrize("lang, page", PAGES, ids=[f"{lang}/{page}" for lang, page in PAGES])
def test_every_block_runs_as_copied(copied, lang, page):
    problems = []
    for k, (title, code, run) in enumerate(copied[(lang, page)], 1):
        name = f"docs/{lang}/{page}: code block {k} ({title or 'untitled'}), as copied"
        if not title.endswith(".py"):
            if "#>" in code:  # output typed by hand: nothing would check it
                problems.append(f"{name}: `#>` output in a block that is not a checked snippet")
            continue
        if "import " in code and re.search(r"^\s*(from|import)\s+(snippets|tests)\b", code, re.M):
            problems.append(f"{name}: imports a file of the repository")
        if run.error:
            problems.append(f"{name}: failed:\n{run.error}")
        elif run.stderr:
            problems.append(f"{name}: wrote to standard error:\n{run.stderr}")
        else:
            problems += expected_output.compare(code, run.chunks, name)
    assert not problems, "\n".join(problems)


def test_pages_have_code_blocks(copied):
    assert sum(len(blocks) for blocks in copied.values()) > 50, "no code blocks found in the pages"


def test_repository_links(built):
    """Built for an example repository: header, edit links and snippet titles point into it."""
    repo = EXAMPLE_ENV["REPO_URL"]
    problems = []
    for lang, page in PAGES:
        path = project.site_url_path(lang, page)
        html = (built / path / "index.html").read_text(encoding="utf-8")
        header = re.search(r'<a href="([^"]+)" title="[^"]*" class="md-source">\s*'
                           r'<div class="md-source__icon.*?</div>\s*<div class="md-source__repository">'
                           r'\s*([^<]*?)\s*</div>', html, re.S)
        if not header or header.groups() != (repo, EXAMPLE_ENV["REPO_NAME"]):
            problems.append(f"{path}: the header does not show {EXAMPLE_ENV['REPO_NAME']} "
                            f"linking to {repo}")
        edit = f'href="{repo}/edit/main/docs/{lang}/{page}"'
        if edit not in html:
            problems.append(f"{path}: no edit link {edit}")
        for title, _ in parsed.copied_blocks(parsed.page(built / path / "index.html")):
            link = f'<a href="{repo}/blob/main/{title}">'
            if title and link not in html:
                problems.append(f"{path}: the title {title} does not link to the file")
            if title and not (ROOT / title).is_file():
                problems.append(f"{path}: the title {title} names no file of the repository")
    assert not problems, "\n".join(problems)


BARE_BUILD = site_build(env=dict.fromkeys(EXAMPLE_ENV))  # SITE_URL, REPO_URL, ... unset


@early.command(BARE_BUILD)
def test_a_build_with_nothing_set_has_no_placeholder_address():
    """Without SITE_URL and REPO_URL the site names only the local address, and no repository."""
    done = early.result(BARE_BUILD)
    assert done.returncode == 0, done.text("out")
    site = done.folder / "site"
    problems = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        name = page.relative_to(site)
        for url in re.findall(r'<link rel="canonical" href="([^"]+)"', text):
            if not url.startswith("http://127.0.0.1:8000/"):
                problems.append(f"{name}: canonical address {url}")
        for mark in ('class="md-source"', 'rel="edit"', '<span class="filename"><a ',
                     "colab.research.google.com"):
            if mark in text:
                problems.append(f"{name}: {mark} in a build that knows no repository")
    assert not problems, "\n".join(problems)
