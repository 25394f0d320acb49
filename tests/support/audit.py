"""What a reader meets on a page, in a real browser (Playwright, sync API): `audit(page, url)`
gives its problems by check (CHECKS), found by what tests/support/audit/*.js run in the page."""
import os
from urllib.parse import urlsplit

from tests.support import pages, project

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")  # Debian's package
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync"]
AXE = project.ROOT / "tests" / "node_modules" / "axe-core" / "axe.min.js"
CHECKS = ("clean", "images", "math", "accessibility", "contrast", "phone", "palettes", "ui_language")
# The functions in tests/support/audit/*.js, for page.evaluate, by name.
SCRIPTS = {js.stem: js.read_text(encoding="utf-8") for js in (project.ROOT / "tests/support/audit").glob("*.js")}


def audit(page, url: str, whole: bool = True) -> tuple[dict[str, list[str]], list[str]]:
    """({check: problems}, console log) of the page at url, loaded in `page`, a tab that may
    have audited other pages (a new tab per page costs more than the checks)."""
    found: dict[str, list[str]] = {check: [] for check in CHECKS}
    clean, host, console = found["clean"], urlsplit(url).netloc, []

    def on_request(request):
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != host:
            clean.append(f"request to another host: {request.url}")
        if parts.path.endswith("/search/search_index.json") or "/workers/search." in parts.path:  # held until used
            clean.append(f"search was loaded before the reader used it: {request.url}")

    def on_console(message):
        console.append(f"[{message.type}] {message.text}")
        if message.type == "error":
            clean.append(f"console error: {message.text}")

    listeners = {"console": on_console, "request": on_request,
                 "pageerror": lambda e: clean.append(f"script error: {e}"),
                 "requestfailed": lambda r: clean.append(f"request failed: {r.url}"),
                 "response": lambda r: r.status >= 400 and clean.append(f"HTTP {r.status} for {r.url}")}
    for event, listener in listeners.items():
        page.on(event, listener)
    try:
        # Playwright's default size: the phone check of the page before left the tab narrow
        page.set_viewport_size({"width": 1280, "height": 720})
        page.goto(url, wait_until="load")
        page.evaluate("() => document.fonts.ready.then(() => new Promise(requestAnimationFrame))")
        page.add_script_tag(path=str(AXE))
        found.update(page.evaluate(SCRIPTS["page"]))  # images, math, ui_language
        found["accessibility"] = page.evaluate(SCRIPTS["axe"], whole)
        found.update(page.evaluate(SCRIPTS["palettes"]))  # contrast, palettes
        page.set_viewport_size({"width": 375, "height": 800})
        found["phone"] = page.evaluate(SCRIPTS["phone"])
    finally:  # stop watching the tab before it loads the next page
        for event, listener in listeners.items():
            page.remove_listener(event, listener)
    return found, console


def site_pages() -> list[str]:
    """Every page's URL path below the site root, in every language (the nav lists every page)."""
    return sorted(project.site_url_path(lang, uri) for lang in project.languages()
                  for uri in pages.model().nav_pages(project.config()))
