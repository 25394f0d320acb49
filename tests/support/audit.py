"""What a reader meets on a page, checked in a real browser (Playwright, sync API).

`audit(page, url)` loads one page and sorts every problem by check:

- `clean`: console errors, failed requests, requests to any other host;
- `images`: loaded (a lazy one: fetchable), with alt text in the page's language;
- `math`: MathML in the page, no TeX left in its text;
- `accessibility`: axe-core's serious and critical violations. It runs on the
  whole page where `whole` is set (test_browser.py: the home pages), elsewhere on
  the page's own parts (content, table of contents, footer links: the theme
  around them is the same on every page), and leaves its
  colour-contrast rule, the slowest by far, to those whole pages and to `contrast`;
- `contrast`: every text against its background, in both palettes (WCAG AA:
  4.5:1, 3:1 for large text), each pair of colours measured once (25 times faster
  than axe-core's rule on the pages with the most code);
- `phone`: at 375 px wide the page does not scroll sideways (wide formulas,
  tables and code scroll inside their own box);
- `palettes`: each figure has a light and a dark variant, and each palette shows
  only its own;
- `ui_language`: the theme's words (titles, labels, footer) in the page's language.

`audit_in_tab(page, url, ...)` audits page after page in one tab (a new tab per
page costs more than the checks) and photographs a page with a problem. What runs
in the page is in tests/support/audit/*.js.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path
from urllib.parse import urlsplit

from tests.support.project import ROOT

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")  # Debian's package
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync"]
AXE = ROOT / "tests" / "node_modules" / "axe-core" / "axe.min.js"
SCRIPTS = Path(__file__).with_suffix("")  # tests/support/audit/*.js: what runs in the page
CHECKS = ("clean", "images", "math", "accessibility", "contrast", "phone", "palettes",
          "ui_language")
PHONE_WIDTH = 375
DESKTOP = {"width": 1280, "height": 720}  # Playwright's default viewport


class Audit:
    """One page, loaded (its requests and console watched), then checked by finish()."""

    def __init__(self, page, url: str, whole: bool = True):
        self.page, self.url, self.whole = page, url, whole
        self.found: dict[str, list[str]] = {check: [] for check in CHECKS}
        self.console: list[str] = []
        host = urlsplit(url).netloc
        clean = self.found["clean"]

        def on_request(request):
            parts = urlsplit(request.url)
            if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != host:
                clean.append(f"request to another host: {request.url}")

        def on_console(message):
            self.console.append(f"[{message.type}] {message.text}")
            if message.type == "error":
                clean.append(f"console error: {message.text}")

        self.listeners = {
            "console": on_console,
            "pageerror": lambda e: clean.append(f"script error: {e}"),
            "requestfailed": lambda r: clean.append(f"request failed: {r.url}"),
            "request": on_request,
            "response": lambda r: r.status >= 400 and clean.append(f"HTTP {r.status} for {r.url}"),
        }
        for event, listener in self.listeners.items():
            page.on(event, listener)
        page.goto(url, wait_until="load")

    def detach(self) -> None:
        """Stop watching the page (before it loads the next one)."""
        for event, listener in self.listeners.items():
            self.page.remove_listener(event, listener)

    def finish(self) -> dict[str, list[str]]:
        page = self.page
        page.evaluate("() => document.fonts.ready.then(() => new Promise(requestAnimationFrame))")
        if not page.evaluate("() => typeof axe !== 'undefined'"):  # test_browser.py's tab has it
            page.add_script_tag(path=str(AXE))
        for check, problems in page.evaluate(script("page")).items():
            self.found[check] += problems
        self.found["accessibility"] += page.evaluate(script("axe"), self.whole)
        for check, problems in page.evaluate(script("palettes")).items():
            self.found[check] += problems
        page.set_viewport_size({"width": PHONE_WIDTH, "height": 800})  # last: it stays so
        self.found["phone"] += page.evaluate(script("phone"))
        return self.found


@functools.cache
def script(name: str) -> str:
    """The function in tests/support/audit/<name>.js, for page.evaluate."""
    return (SCRIPTS / f"{name}.js").read_text(encoding="utf-8")


def site_pages() -> list[str]:
    """Every page's URL path below the site root, in every language."""
    from tests.support import pages, project

    paths = []
    for lang in project.languages():
        paths += [project.site_url_path(lang, p.as_posix())
                  for p in pages.pages(project.ROOT, lang)]
        paths += [project.site_url_path(lang, uri) for uri in project.notebook_uris()]
    return sorted(paths)


def page_file(site: Path, path: str) -> Path:
    """The HTML file served for a URL path below the site root ("" is the home page)."""
    return site / path if path.endswith(".html") else site / path / "index.html"


def audit(page, url: str) -> dict[str, list[str]]:
    return Audit(page, url).finish()


def audit_in_tab(page, url: str, whole: bool, shots: Path) -> dict:
    """{"found": {check: problems}, "languages": {lang: path}, "evidence": text} of the page
    at url, loaded in `page`, a tab that may have audited other pages (axe-core loaded
    by the context's init script, see AXE); a screenshot in `shots` if a check failed."""
    page.set_viewport_size(DESKTOP)  # the phone check of the page before left it 375 px wide
    one = Audit(page, url, whole=whole)
    try:
        found = one.finish()
        evidence = "console:\n" + ("\n".join(one.console) or "(empty)")
        if any(found.values()):
            name = urlsplit(url).path.strip("/").replace("/", "_") or "home"
            evidence = f"screenshot: {screenshot(page, shots / f'{name}.png')}\n{evidence}"
        return {"found": found, "languages": language_links(page), "evidence": evidence}
    finally:
        one.detach()


def screenshot(page, path: Path) -> Path:
    page.screenshot(path=path, full_page=True)
    return path


def language_links(page) -> dict[str, str]:
    """{hreflang: URL path} of the language switch on the loaded page."""
    links = page.eval_on_selector_all("a.md-select__link[hreflang]",
                                      "els => els.map(a => [a.hreflang, a.href])")
    return {lang: urlsplit(href).path for lang, href in links}


def search(page, url: str, query: str) -> list[str]:
    """The URL paths that the site's search lists for query."""
    page.goto(url)
    # The index loads when search is first used (overrides/main.html): focus the box,
    # then wait until it says "type to start searching".
    page.click(".md-search__input")
    page.wait_for_function(script("search_ready"), timeout=20000)
    page.fill(".md-search__input", query)
    page.dispatch_event(".md-search__input", "keyup")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return [urlsplit(h).path for h in page.eval_on_selector_all(
        ".md-search-result__item a", "els => els.map(a => a.href)")]


def search_index_requested(page, url: str) -> bool:
    """Whether loading url (and nothing more) requests the search index."""
    requested = []
    page.on("request", lambda r: "search_index" in r.url and requested.append(r.url))
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)
    return bool(requested)


def copy_first_code_block(page, url: str) -> str:
    """Click the first code block's copy button; what lands on the clipboard."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(url)
    block = page.locator(".md-content .highlight").first
    block.scroll_into_view_if_needed()
    block.hover()
    block.locator('button[data-md-type="copy"]').click()
    return page.evaluate("navigator.clipboard.readText()")
