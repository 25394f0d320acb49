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
  4.5:1, 3:1 for large text), each pair of colours measured once;
- `phone`: at 375 px wide the page does not scroll sideways (wide formulas,
  tables and code scroll inside their own box);
- `palettes`: each figure has a light and a dark variant, and each palette shows
  only its own;
- `ui_language`: the theme's words (titles, labels, footer) in the page's language.

`audit_in_tab(page, url, ...)` audits page after page in one tab (a new tab per
page costs more than the checks) and photographs a page with a problem.
"""
from __future__ import annotations

import contextlib
import functools
import os
from pathlib import Path
from urllib.parse import urlsplit

from tests.support.project import ROOT

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")  # Debian's package
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync"]
AXE = ROOT / "tests" / "node_modules" / "axe-core" / "axe.min.js"
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

    def axe(self) -> list[str]:
        """axe-core's serious and critical violations (test_browser.py's tab has axe
        from an init script; elsewhere it is added here)."""
        if not self.page.evaluate("() => typeof axe !== 'undefined'"):
            self.page.add_script_tag(path=str(AXE))
        self.page.evaluate("""whole => {
          // the page's own parts: its content, its table of contents, its footer links
          const own = [".md-content", ".md-sidebar--secondary", ".md-footer__inner"]
            .filter(selector => document.querySelector(selector)).map(selector => [selector]);
          // Only serious and critical violations are reported: run only the rules that can
          // find one (a rule's impact is the highest of its checks'), of those axe runs by default.
          const order = ["minor", "moderate", "serious", "critical"];
          const checks = axe._audit.data.checks;
          const worst = rule => [...rule.any, ...rule.all, ...rule.none]
            .map(check => (checks[check.id || check] || {}).impact || rule.impact)
            .reduce((a, b) => order.indexOf(b) > order.indexOf(a) ? b : a, rule.impact || "minor");
          const rules = axe._audit.rules
            .filter(rule => rule.enabled !== false && !rule.tags.includes("experimental"))
            .filter(rule => order.indexOf(worst(rule)) >= order.indexOf("serious"))
            .filter(rule => whole || rule.id !== "color-contrast").map(rule => rule.id);
          window.__axe = axe.run(whole || !own.length ? document : {include: own},
            {resultTypes: ["violations"], runOnly: {type: "rule", values: rules}});
        }""", self.whole)
        return self.page.evaluate(AXE_VIOLATIONS)

    def finish(self) -> dict[str, list[str]]:
        page = self.page
        page.evaluate("() => document.fonts.ready.then(() => new Promise(requestAnimationFrame))")
        for check, problems in page.evaluate(IN_PAGE_CHECKS).items():
            self.found[check] += problems
        self.found["accessibility"] += self.axe()
        for check, problems in page.evaluate(IN_BOTH_PALETTES).items():
            self.found[check] += problems
        self.found["phone"] += phone_overflow(page)  # last: it leaves the page 375 px wide
        return self.found


def site_pages() -> list[str]:
    """Every page's URL path below the site root, in every language."""
    from tests.support import includes, project

    paths = []
    for lang in project.languages():
        paths += [project.site_url_path(lang, p.as_posix()) for p in includes.pages(project.ROOT, lang)]
        paths += [project.site_url_path(lang, uri) for uri in project.notebook_uris()]
    return sorted(paths)


def page_inputs(site: Path, path: str) -> list[str]:
    """Digests of what the audit of the page at `path` reads from the built site: its
    HTML and every file a page may load, that is all files but the other pages, the
    search index (it loads only when search is used) and the sitemap."""
    import hashlib

    return [hashlib.sha256(page_file(site, path).read_bytes()).hexdigest(), _assets_digest(site)]


def page_file(site: Path, path: str) -> Path:
    """The HTML file served for a URL path below the site root ("" is the home page)."""
    return site / path if path.endswith(".html") else site / path / "index.html"


@functools.cache
def _assets_digest(site: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    for file in sorted(f for f in site.rglob("*") if f.is_file()):
        name = file.relative_to(site).as_posix()
        if file.suffix == ".html" or name.startswith(("search/", "sitemap.xml")):
            continue
        digest.update(name.encode() + b"\0" + hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


@functools.cache
def browser_version() -> str:
    import subprocess

    return subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()


@functools.cache
def system_fonts() -> str:
    """A digest of the fonts Chromium may lay pages out with (their files and fontconfig's
    settings): other fonts, other line widths and overflow."""
    import hashlib

    digest = hashlib.sha256()
    for top in ("/etc/fonts", "/usr/share/fonts", "/usr/local/share/fonts",
                Path.home() / ".fonts", Path.home() / ".local" / "share" / "fonts"):
        for folder, _, names in sorted(os.walk(top)):
            for name in sorted(names):
                path = os.path.join(folder, name)
                with contextlib.suppress(OSError):
                    digest.update(f"{path} {os.path.getsize(path)}\n".encode())
    return digest.hexdigest()


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


IN_PAGE_CHECKS = r"""async () => {
  const found = {images: [], math: [], ui_language: []};
  const lang = document.documentElement.lang;
  const cjk = /[\u3400-\u9fff]/;
  // A lazy image not shown yet (below the fold, hidden tab, other palette) loads
  // when shown: fetch it to know that it would.
  const images = [...document.querySelectorAll("img")];
  const fetchable = await Promise.all(images.map(img =>
    img.loading === "lazy" && !img.complete ? fetch(img.src).then(r => r.ok, () => false) : false));
  images.forEach((img, i) => {
    const src = img.getAttribute("src").slice(0, 80);
    const alt = (img.getAttribute("alt") || "").trim();
    if (!fetchable[i] && (!img.complete || img.naturalWidth === 0))
      found.images.push(`image did not load: ${src}`);
    if (!alt) found.images.push(`image without alt text: ${src}`);
    else if ((lang === "zh") !== cjk.test(alt))
      found.images.push(`image alt text not in the page's language (${lang}): ${alt}`);
  });

  // Math: MathML converted at build time; no TeX left in the text a reader sees.
  const MATHML = "http://www.w3.org/1998/Math/MathML";
  for (const m of document.querySelectorAll("math")) {
    if (m.namespaceURI !== MATHML) found.math.push(`<math> not parsed as MathML: ${m.textContent.slice(0, 60)}`);
    if (m.querySelector("merror")) found.math.push(`math error: ${m.textContent.slice(0, 60)}`);
  }
  const tex = /\\\(|\\\)|\\\[|\\\]|\$\$|\$[^$\s][^$]*[\\_^{}][^$]*\$/;
  const walker = document.createTreeWalker(document.querySelector(".md-content") || document.body,
                                           NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest("pre, code, script, style, math, .highlight")) continue;
    const hit = node.textContent.match(tex);
    if (hit) found.math.push(`TeX in the page's text: ...${node.textContent.slice(Math.max(0, hit.index - 20), hit.index + 40)}...`);
  }

  // The theme's words: titles, labels and placeholders outside the prose, the
  // permalinks' titles and the footer line.
  const words = [];
  for (const el of document.querySelectorAll("[title], [aria-label], [placeholder]")) {
    if (el.closest(".md-content") && !el.matches(".headerlink")) continue;  // the page's own words
    for (const attr of ["title", "aria-label", "placeholder"])
      if (el.hasAttribute(attr)) words.push([`${el.tagName.toLowerCase()} ${attr}`, el.getAttribute(attr)]);
  }
  for (const el of document.querySelectorAll(".md-copyright")) words.push(["footer", el.textContent]);
  for (const [where, text] of words) {
    const bare = text.replace(/Material for MkDocs|PyTorch|Jupyter|Colab|[\w.]*torch[\w.]*|\w+\(\)/g, "");
    if (lang === "zh" ? /[A-Za-z]{3,}/.test(bare) && !cjk.test(bare) : cjk.test(text))
      found.ui_language.push(`${where} not in the page's language (${lang}): ${text.trim().replace(/\s+/g, " ")}`);
  }
  return found;
}"""

AXE_VIOLATIONS = """async () => (await window.__axe).violations
  .filter(v => ["serious", "critical"].includes(v.impact))
  .map(v => `${v.impact} accessibility violation ${v.id}: ${v.help} ` +
            `(${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join("; ")})`)"""


IN_BOTH_PALETTES = r"""() => {
  const found = {contrast: [], palettes: []};
  // Figures: each as a light and a dark image; each palette shows its own only.
  const figures = [...document.querySelectorAll('.md-content img[src*="figures/"]')];
  const light = figures.filter(img => img.getAttribute("src").endsWith("#only-light"));
  const dark = figures.filter(img => img.getAttribute("src").endsWith("#only-dark"));
  for (const img of figures)
    if (!light.includes(img) && !dark.includes(img))
      found.palettes.push(`figure without #only-light / #only-dark: ${img.getAttribute("src")}`);
  for (const img of light) {
    const twin = img.getAttribute("src").replace(/\.svg#only-light$/, ".dark.svg#only-dark");
    if (!dark.some(d => d.getAttribute("src") === twin))
      found.palettes.push(`figure without a dark variant: ${img.getAttribute("src")}`);
  }
  const figuresShown = (name) => {
    const [shown, hidden] = name === "slate" ? [dark, light] : [light, dark];
    for (const img of shown) if (getComputedStyle(img).display === "none")
      found.palettes.push(`${name}: its figure is hidden: ${img.getAttribute("src")}`);
    for (const img of hidden) if (getComputedStyle(img).display !== "none")
      found.palettes.push(`${name}: the other palette's figure is shown: ${img.getAttribute("src")}`);
  };

  const parse = (c) => {
    const m = c.match(/^rgba?\(([^)]+)\)$/);
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    return [0, 1, 2].map(i => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / (a || 1)).concat([a]);
  };
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map(v => (v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  let backgrounds, opacities;  // per element, per palette
  const background = (el) => {  // the colour behind el (its own layer included); null over an image
    if (!el) return [255, 255, 255, 1];
    if (!backgrounds.has(el)) {
      const style = getComputedStyle(el), c = parse(style.backgroundColor);
      let bg;
      if (style.backgroundImage !== "none" || !c) bg = null;
      else if (c[3] >= 1) bg = c;
      else { const below = background(el.parentElement); bg = below && (c[3] > 0 ? over(c, below) : below); }
      backgrounds.set(el, bg);
    }
    return backgrounds.get(el);
  };
  const opacity = (el) => {
    if (!el) return 1;
    if (!opacities.has(el)) opacities.set(el, parseFloat(getComputedStyle(el).opacity) * opacity(el.parentElement));
    return opacities.get(el);
  };
  // Elements with text of their own; in code, one token of each kind per block style.
  const kinds = new Set();
  const texts = [...document.body.querySelectorAll("*")].filter(el => {
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) return false;
    if (el.closest("script, style, noscript, [aria-hidden=true]")) return false;
    const code = el.parentElement && el.parentElement.closest("pre, .highlight");
    if (!code) return true;
    const kind = `${el.tagName} ${el.className} ${code.className}`;
    return !kinds.has(kind) && kinds.add(kind);
  });
  // Switch palettes as the reader does (Material's own radio inputs), or by hand.
  const setScheme = (name) => {
    const input = document.querySelector(`input[name="__palette"][data-md-color-scheme="${name}"]`);
    if (input) input.click(); else document.body.setAttribute("data-md-color-scheme", name);
  };
  const seen = new Set();
  const scheme = document.body.getAttribute("data-md-color-scheme");
  for (const name of ["default", "slate"]) {
    setScheme(name);
    figuresShown(name);
    backgrounds = new Map(), opacities = new Map();
    for (const el of texts) {
      const box = el.getBoundingClientRect(), style = getComputedStyle(el);
      if (box.width <= 1 || box.height <= 1 || style.visibility !== "visible") continue;
      let fg = parse(style.color);
      const bg = background(el), alpha = opacity(el);
      if (!fg || !bg || alpha === 0) continue;
      fg = over([fg[0], fg[1], fg[2], fg[3] * alpha], bg);
      const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
      const needed = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
      const key = `${name} ${fg} ${bg} ${needed}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const r = ratio(fg, bg);
      if (r < needed) {
        const tag = el.tagName.toLowerCase() + (typeof el.className === "string" && el.className
          ? "." + el.className.trim().split(/\s+/).join(".") : "");
        found.contrast.push(`${name} palette: contrast ${r.toFixed(2)}:1 (needs ${needed}:1) for ${tag} ` +
                   `rgb(${fg.slice(0, 3).map(Math.round)}) on rgb(${bg.slice(0, 3).map(Math.round)}): ` +
                   el.textContent.trim().slice(0, 40));
      }
    }
  }
  if (scheme) setScheme(scheme);
  return found;
}"""


def phone_overflow(page) -> list[str]:
    """At 375 px wide: the page must not scroll sideways. Names what sticks out.
    The page stays that wide."""
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 800})
    return page.evaluate("""() => new Promise(requestAnimationFrame).then(() => {
          const root = document.documentElement, width = root.clientWidth;
          if (root.scrollWidth <= width) return [];
          const sticking = [];
          for (const el of document.body.querySelectorAll("*")) {
            const box = el.getBoundingClientRect();
            if (box.right <= width + 1 || box.width === 0) continue;
            // inside a box that scrolls or clips on its own: fine
            let p = el.parentElement, boxed = false;
            for (; p && p !== document.body; p = p.parentElement) {
              const o = getComputedStyle(p).overflowX;
              if (o !== "visible") { boxed = true; break; }
            }
            if (!boxed) sticking.push(el);
          }
          const outer = sticking.filter(el => !sticking.includes(el.parentElement));
          const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
            (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : "");
          return [`the page scrolls sideways at ${width} px: ${root.scrollWidth} px wide`]
            .concat(outer.slice(0, 5).map(el => `  ${name(el)} reaches ${Math.round(el.getBoundingClientRect().right)} px: ` +
                                                 el.textContent.trim().slice(0, 60)));
        })""")


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
    page.wait_for_function("""() => {
      const meta = document.querySelector(".md-search-result__meta");
      const ready = JSON.parse(document.getElementById("__config").textContent)
        .translations["search.result.placeholder"];
      return meta && meta.textContent.includes(ready);
    }""", timeout=20000)
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
