"""A link checker over the built site: every internal link, image, script and
stylesheet resolves to a file, and every `#anchor` to an id in its target page."""
from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []  # (line, url)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key):
                self.ids.add(attrs[key])
        url = attrs.get(ATTRS.get(tag, ""))
        if url:
            self.links.append((self.getpos()[0], url))


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    return page


def _target(site: Path, page: Path, path: str, base_url: str) -> Path:
    base = page.parent.relative_to(site).as_posix()
    if path.startswith("/"):  # only 404.html uses site_url's path, as it may be served anywhere
        if not path.startswith(base_url):
            raise ValueError(f"absolute path outside the site's base URL {base_url}")
        path, base = path[len(base_url):], ""
    joined = posixpath.normpath(posixpath.join(base, unquote(path))) if path else \
        page.relative_to(site).as_posix()
    if joined.startswith(".."):
        raise ValueError("points outside the site")
    target = site / joined
    return target / "index.html" if target.is_dir() else target


def check_site(site: Path, base_url: str = "/") -> list[str]:
    """Problems as 'page.html:line: message'."""
    parsed: dict[Path, _Page] = {}

    def parse(path: Path) -> _Page:
        if path not in parsed:
            parsed[path] = _parse(path)
        return parsed[path]

    problems = []
    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site)
        for line, url in parse(page).links:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith(("mailto:", "data:", "javascript:")):
                continue  # external: the browser tests make sure nothing loads from there
            try:
                target = _target(site, page, parts.path, base_url)
            except ValueError as err:
                problems.append(f"{name}:{line}: {url}: {err}")
                continue
            if not target.is_file():
                problems.append(f"{name}:{line}: {url}: no such file in the site")
            elif parts.fragment and target.suffix == ".html" \
                    and unquote(parts.fragment) not in parse(target).ids:
                problems.append(f"{name}:{line}: {url}: no id '{parts.fragment}' "
                                f"in {target.relative_to(site)}")
    return problems
