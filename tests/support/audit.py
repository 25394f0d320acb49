"""What a reader meets on a page, checked in a real browser (Playwright, sync API).

`audit(page, url)` loads one page and sorts every problem by check: `clean`
(console errors, failed requests, requests to any other host), `images`
(loaded, with alt text in the page's language), `math` (rendered) and
`accessibility` (axe-core's serious and critical violations).
"""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")  # Debian's package
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync"]
AXE = ROOT / "tests" / "node_modules" / "axe-core" / "axe.min.js"
CHECKS = ("clean", "images", "math", "accessibility")


def audit(page, url: str) -> dict[str, list[str]]:
    host = urlsplit(url).netloc
    found: dict[str, list[str]] = {check: [] for check in CHECKS}
    clean = found["clean"]

    def on_request(request):
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != host:
            clean.append(f"request to another host: {request.url}")

    def on_response(response):
        if response.status >= 400:
            clean.append(f"HTTP {response.status} for {response.url}")

    page.on("console", lambda m: m.type == "error" and clean.append(f"console error: {m.text}"))
    page.on("pageerror", lambda e: clean.append(f"script error: {e}"))
    page.on("requestfailed", lambda r: clean.append(f"request failed: {r.url}"))
    page.on("request", on_request)
    page.on("response", on_response)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    for check, problems in page.evaluate(IN_PAGE_CHECKS).items():
        found[check] += problems
    found["accessibility"] += axe_violations(page)
    return found


IN_PAGE_CHECKS = r"""async () => {
  const found = {images: [], math: []};
  const lang = document.documentElement.lang;
  const cjk = /[\u3400-\u9fff]/;
  for (const img of document.querySelectorAll("img")) {
    const src = img.getAttribute("src").slice(0, 80);
    const alt = (img.getAttribute("alt") || "").trim();
    // A lazy image in a hidden tab loads when shown: fetch it to know that it would.
    const lazyOk = img.loading === "lazy" && !img.complete && (await fetch(img.src)).ok;
    if (!lazyOk && (!img.complete || img.naturalWidth === 0))
      found.images.push(`image did not load: ${src}`);
    if (!alt) found.images.push(`image without alt text: ${src}`);
    else if ((lang === "zh") !== cjk.test(alt))
      found.images.push(`image alt text not in the page's language (${lang}): ${alt}`);
  }
  for (const el of document.querySelectorAll(".arithmatex")) {
    if (!el.querySelector(".katex") || el.querySelector(".katex-error"))
      found.math.push(`math not rendered: ${el.textContent.slice(0, 60)}`);
  }
  for (const el of document.querySelectorAll(".jupyter-wrapper .jp-MarkdownOutput")) {
    if (/\$[^$]+\$/.test(el.textContent) || el.querySelector(".katex-error"))
      found.math.push(`notebook math not rendered: ${el.textContent.slice(0, 60)}`);
  }
  return found;
}"""


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    return list(page.evaluate("""async () => {
      const r = await axe.run(document, {resultTypes: ["violations"]});
      return r.violations.filter(v => ["serious", "critical"].includes(v.impact))
        .map(v => `${v.impact} accessibility violation ${v.id}: ${v.help} ` +
                  `(${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join("; ")})`);
    }"""))


def language_links(page) -> dict[str, str]:
    """{hreflang: URL path} of the language switch on the loaded page."""
    links = page.eval_on_selector_all("a.md-select__link[hreflang]",
                                      "els => els.map(a => [a.hreflang, a.href])")
    return {lang: urlsplit(href).path for lang, href in links}


def search(page, url: str, query: str) -> list[str]:
    """The URL paths that the site's search lists for query."""
    page.goto(url)
    # The index loads in a worker: wait until the box says "type to start searching".
    page.wait_for_function("""() => {
      const meta = document.querySelector(".md-search-result__meta");
      const ready = JSON.parse(document.getElementById("__config").textContent)
        .translations["search.result.placeholder"];
      return meta && meta.textContent.includes(ready);
    }""", timeout=20000)
    page.click(".md-search__input")
    page.fill(".md-search__input", query)
    page.dispatch_event(".md-search__input", "keyup")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return [urlsplit(h).path for h in page.eval_on_selector_all(
        ".md-search-result__item a", "els => els.map(a => a.href)")]


def copy_first_code_block(page, url: str) -> str:
    """Click the first code block's copy button; what lands on the clipboard."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(url)
    block = page.locator(".md-content .highlight").first
    block.scroll_into_view_if_needed()
    block.hover()
    block.locator('button[data-md-type="copy"]').click()
    return page.evaluate("navigator.clipboard.readText()")
