"""Where the reader runs it: each code block of each built page, as the copy button copies it, is the
code of its fence that the page tests ran (tests/support/fences.py); and the repository links around them."""
import re

import pytest

from tests.support import pages, project
from tests.support.project import EXAMPLE_ENV, ROOT

PAGES = [(lang, uri.as_posix()) for lang in project.languages() for uri in pages.pages(ROOT, lang)]


@pytest.mark.parametrize("lang, uri", PAGES, ids=[f"{lang}/{uri}" for lang, uri in PAGES])
def test_every_block_is_its_fence_as_checked(built, lang, uri):
    fences = pages.model().fences(pages.model().read(ROOT / "docs" / lang / uri))
    tree = pages.built(built / project.site_url_path(lang, uri) / "index.html")
    # (title, code) of each block, the code as the copy button copies it
    copied = [(title.get_text() if (title := div.select_one(".filename")) else "",
               div.select_one("pre > code").get_text()) for div in tree.select(".md-content div.highlight")]
    problems = [] if len(copied) == len(fences) else \
        [f"docs/{lang}/{uri}: {len(fences)} fences, {len(copied)} code blocks in the built page"]
    for fence, (title, code) in zip(fences, copied):
        name = f"docs/{lang}/{uri}:{fence.line}: the code block ({title or 'untitled'}), as copied"
        if title != (fence.title or ""):  # as pymdownx wrote it when hooks/repository.py's TITLE was made
            problems.append(f"{name}: its title in <span class=filename> is not the fence's, {fence.title}")
        if not (title.endswith(".py") and fence.python):  # code typed into the page: test_pages names it
            continue
        try:
            if code.rstrip("\n") != pages.fence_code(ROOT, fence).rstrip("\n"):
                problems.append(f"{name}: is not the code of its fence that the page tests ran")
        except Exception as err:  # a wrong include: test_pages names it
            problems.append(f"{name}: its fence cannot be expanded: {err}")
    assert not problems, "\n".join(problems)


def test_repository_links(built):
    """Built for an example repository: header, edit links and snippet titles point into it."""
    repo = EXAMPLE_ENV["REPO_URL"]
    problems = []
    for lang, page in PAGES:
        path = project.site_url_path(lang, page)
        tree = pages.built(built / path / "index.html")
        header = tree.select_one("a.md-source")
        name = header and header.select_one(".md-source__repository")
        if not name or (header["href"], name.get_text(strip=True)) != (repo, EXAMPLE_ENV["REPO_NAME"]):
            problems.append(f"{path}: the header does not show {EXAMPLE_ENV['REPO_NAME']} linking to {repo}")
        if not tree.find("a", href=(edit := f"{repo}/edit/main/docs/{lang}/{page}")):
            problems.append(f"{path}: no edit link {edit}")
        for title in [span.get_text() for span in tree.select(".md-content div.highlight .filename")]:
            if not tree.find("a", href=f"{repo}/blob/main/{title}"):
                problems.append(f"{path}: the title {title} does not link to the file")
    assert not problems, "\n".join(problems)


def test_a_build_with_nothing_set_has_no_placeholder_address(bare_site):
    """Without SITE_URL and REPO_URL the site names only the local address, and no repository."""
    assert bare_site.returncode == 0, bare_site.output
    site = bare_site.folder / "site"
    problems = []
    for page in sorted(site.rglob("*.html")):
        text, name = page.read_text(encoding="utf-8"), page.relative_to(site)
        for url in re.findall(r'<link rel="canonical" href="(?!http://127\.0\.0\.1:8000/)([^"]+)"', text):
            problems.append(f"{name}: canonical address {url}")
        problems += [f"{name}: {mark} in a build that knows no repository"
                     for mark in ('class="md-source"', 'rel="edit"', '<span class="filename"><a ',
                                  "colab.research.google.com") if mark in text]
    assert not problems, "\n".join(problems)
