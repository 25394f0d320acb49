"""A link checker over the built site: every internal link, image, script and
stylesheet resolves to a file, and every `#anchor` to an id in its target page."""
import functools
from pathlib import Path
from urllib.parse import SplitResult, unquote, urljoin, urlsplit

from tests.support import pages

ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}


@functools.cache
def ids(page: Path) -> set[str]:
    """The ids (and `<a name>`s) an anchor may point at in an HTML file."""
    tree = pages.built(page)
    return {tag[key] for key in ("id", "name") for tag in tree.find_all(attrs={key: True})}


def check_site(site: Path, base_url: str) -> list[str]:
    """Problems as 'page.html:line: message'."""
    problems = []
    for page in sorted(site.rglob("*.html")):
        here = base_url + page.relative_to(site).as_posix()  # the page's URL path when served
        for tag in pages.built(page).find_all(ATTRS):
            url = tag.get(ATTRS[tag.name])
            parts = urlsplit(urljoin(here, url or ""))
            # external: the browser tests make sure nothing loads from there
            if url and not parts.scheme and not parts.netloc:
                if problem := _problem(site, parts, base_url):
                    problems.append(f"{page.relative_to(site)}:{tag.sourceline}: {url}: {problem}")
    return problems


def _problem(site: Path, parts: SplitResult, base_url: str) -> str | None:
    if not parts.path.startswith(base_url):
        return f"points outside the site (its base URL is {base_url})"
    target = site / unquote(parts.path.removeprefix(base_url))
    target = target / "index.html" if target.is_dir() else target
    if not target.is_file():
        return "no such file in the site"
    if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids(target):
        return f"no id '{parts.fragment}' in {target.relative_to(site)}"
    return None
