"""The built site in a real browser (Debian's headless Chromium, driven by Playwright).

`audit(page, url)` loads one page and returns every problem a reader would
meet: console errors, failed requests, requests to any other host, images that
did not load or have no alt text, math left unrendered, code blocks without a
copy button, and axe-core's serious or critical accessibility violations.
"""
from __future__ import annotations

import asyncio
import contextlib
import functools
import gzip
import io
import os
import http.server
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")  # Debian's package
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@contextlib.contextmanager
def serve(folder: Path, base: str = "/"):
    """Serve a folder on 127.0.0.1 (a free port) in a thread, at the path `base`
    (as GitHub Pages serves a project site); yields the folder's URL."""
    with tempfile.TemporaryDirectory() as top:
        mount = Path(top, base.strip("/")) if base.strip("/") else None
        if mount:
            mount.parent.mkdir(parents=True, exist_ok=True)
            mount.symlink_to(folder.resolve(), target_is_directory=True)
        with _serve(Path(top) if mount else folder) as url:
            yield url + base.lstrip("/")


@contextlib.contextmanager
def _serve(folder: Path):
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Quiet, and gzip for text files as GitHub Pages does, so sizes are realistic."""

    COMPRESS = (".html", ".css", ".js", ".json", ".svg", ".xml", ".ipynb")

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if ("gzip" not in self.headers.get("Accept-Encoding", "")
                or path.suffix not in self.COMPRESS or not path.is_file()
                or not self.path.split("?")[0].split("#")[0].endswith(("/", path.suffix))):
            return super().send_head()
        body = _gzipped(str(path), path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@functools.lru_cache(maxsize=512)
def _gzipped(path: str, mtime_ns: int) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


@contextlib.asynccontextmanager
async def browser():
    from playwright.async_api import async_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: apt-get install chromium, or set "
                           "CHROMIUM_PATH to a Chromium or Chrome binary (see README)")
    async with async_playwright() as p:
        b = await p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield b
        finally:
            await b.close()


async def audit(page, url: str) -> list[str]:
    """Load url in page; every problem found, each prefixed with the URL's path."""
    host = urlsplit(url).netloc
    problems: list[str] = []
    name = urlsplit(url).path

    def on_request(request):
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != host:
            problems.append(f"{name}: request to another host: {request.url}")

    def on_response(response):
        if response.status >= 400:
            problems.append(f"{name}: HTTP {response.status} for {response.url}")

    def on_console(message):
        if message.type == "error":
            problems.append(f"{name}: console error: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda e: problems.append(f"{name}: script error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"{name}: request failed: {r.url}"))
    page.on("request", on_request)
    page.on("response", on_response)
    await page.goto(url, wait_until="load")
    await page.wait_for_load_state("networkidle")
    # Material adds copy buttons to code blocks as they scroll into view.
    await page.evaluate("""async () => {
      for (const pre of document.querySelectorAll(".md-content .highlight pre")) {
        pre.scrollIntoView();
        await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
      }
      window.scrollTo(0, 0);
    }""")
    problems += [f"{name}: {p}" for p in await page.evaluate(_IN_PAGE_CHECKS)]
    problems += [f"{name}: {p}" for p in await axe_violations(page)]
    return problems


_IN_PAGE_CHECKS = """() => {
  const problems = [];
  const lang = document.documentElement.lang;
  const cjk = /[\u3400-\u9fff]/;
  for (const img of document.querySelectorAll("img")) {
    const src = img.getAttribute("src").slice(0, 80);
    const alt = (img.getAttribute("alt") || "").trim();
    if (!img.complete || img.naturalWidth === 0) problems.push(`image did not load: ${src}`);
    if (!alt) problems.push(`image without alt text: ${src}`);
    else if ((lang === "zh") !== cjk.test(alt))
      problems.push(`image alt text not in the page's language (${lang}): ${alt}`);
  }
  for (const el of document.querySelectorAll(".arithmatex")) {
    if (!el.querySelector(".katex") || el.querySelector(".katex-error"))
      problems.push(`math not rendered: ${el.textContent.slice(0, 60)}`);
  }
  for (const el of document.querySelectorAll(".jupyter-wrapper .jp-MarkdownOutput")) {
    if (/\\$[^$]+\\$/.test(el.textContent) || el.querySelector(".katex-error"))
      problems.push(`notebook math not rendered: ${el.textContent.slice(0, 60)}`);
  }
  for (const pre of document.querySelectorAll(".md-content .highlight pre")) {
    if (!pre.querySelector('button[data-md-type="copy"]'))
      problems.push(`code block without a copy button: ${pre.textContent.slice(0, 60)}`);
  }
  return problems;
}"""


async def axe_violations(page) -> list[str]:
    await page.add_script_tag(path=str(AXE))
    return list(await page.evaluate("""async () => {
      const r = await axe.run(document, {resultTypes: ["violations"]});
      return r.violations.filter(v => ["serious", "critical"].includes(v.impact))
        .map(v => `${v.impact} accessibility violation ${v.id}: ${v.help} ` +
                  `(${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join("; ")})`);
    }"""))


async def language_links(page) -> dict[str, str]:
    """{hreflang: URL path} of the language switch on the loaded page."""
    links = await page.eval_on_selector_all(
        "a.md-select__link[hreflang]", "els => els.map(a => [a.hreflang, a.href])")
    return {lang: urlsplit(href).path for lang, href in links}


async def search(page, url: str, query: str) -> list[str]:
    """The URL paths that the site's search lists for query."""
    await page.goto(url)
    # The index loads in a worker: wait until the box says "type to start searching".
    await page.wait_for_function("""() => {
      const meta = document.querySelector(".md-search-result__meta");
      const ready = JSON.parse(document.getElementById("__config").textContent)
        .translations["search.result.placeholder"];
      return meta && meta.textContent.includes(ready);
    }""", timeout=20000)
    await page.click(".md-search__input")
    await page.fill(".md-search__input", query)
    await page.dispatch_event(".md-search__input", "keyup")
    await page.wait_for_selector(".md-search-result__item", timeout=15000)
    hrefs = await page.eval_on_selector_all(".md-search-result__item a",
                                            "els => els.map(a => a.href)")
    return [urlsplit(h).path for h in hrefs]


async def copy_first_code_block(b, url: str) -> str:
    """Click the first code block's copy button; what lands on the clipboard."""
    context = await b.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = await context.new_page()
        await page.goto(url)
        block = page.locator(".md-content .highlight").first
        await block.scroll_into_view_if_needed()
        await block.hover()
        await block.locator('button[data-md-type="copy"]').click()
        return await page.evaluate("navigator.clipboard.readText()")
    finally:
        await context.close()


async def visit_all(b, base: str, paths: list[str], tabs: int = 3) -> dict[str, dict]:
    """Audit every page, a few tabs at a time: {path: {"problems", "languages"}}."""
    queue = list(paths)
    found: dict[str, dict] = {}

    async def worker():
        context = await b.new_context()
        try:
            while queue:
                path = queue.pop(0)
                page = await context.new_page()
                try:
                    problems = await audit(page, base + path)
                    found[path] = {"problems": problems, "languages": await language_links(page)}
                except Exception as err:  # a page that cannot even load is a finding too
                    found[path] = {"problems": [f"{path}: {err}"], "languages": {}}
                finally:
                    await page.close()
        finally:
            await context.close()

    await asyncio.gather(*(worker() for _ in range(tabs)))
    return found


def site_pages(root: Path) -> list[str]:
    """Every page's path below the site root, in both languages ('' is the home page)."""
    from tests import notebooks, pages

    paths = []
    for page in pages.pages(root, "zh"):
        stem = page.with_suffix("").as_posix()
        paths.append("" if stem == "index" else stem.removesuffix("/index").removesuffix("index") + "/")
    paths += [nb.removesuffix(".ipynb") + "/" for nb in notebooks.NOTEBOOKS.values()]
    return sorted(paths) + sorted("en/" + p for p in paths)
