// Images, math and the theme's words of the loaded page: {images, math, ui_language}.
async () => {
  const found = {images: [], math: [], ui_language: []};
  const lang = document.documentElement.lang;
  const cjk = /[\u3400-\u9fff]/;
  // A lazy image not shown yet (below the fold, hidden tab, other palette) loads
  // when shown: fetch it to know that it would.
  for (const img of document.querySelectorAll("img")) {
    const src = img.getAttribute("src").slice(0, 80);
    const alt = (img.getAttribute("alt") || "").trim();
    const loads = img.loading === "lazy" && !img.complete ? await fetch(img.src).then(r => r.ok, () => false)
      : img.complete && img.naturalWidth > 0;
    if (!loads) found.images.push(`image did not load: ${src}`);
    if (!alt) found.images.push(`image without alt text: ${src}`);
    else if ((lang === "zh") !== cjk.test(alt))
      found.images.push(`image alt text not in the page's language (${lang}): ${alt}`);
  }

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

  // The theme's words (titles, labels and placeholders outside the prose, the permalinks' titles,
  // the footer line) and the translated ones: the page's headings (less their code), the nav's titles.
  const words = [];
  for (const el of document.querySelectorAll("[title], [aria-label], [placeholder]")) {
    if (el.closest(".md-content") && !el.matches(".headerlink")) continue;  // the page's own words
    for (const attr of ["title", "aria-label", "placeholder"])
      if (el.hasAttribute(attr)) words.push([`${el.tagName.toLowerCase()} ${attr}`, el.getAttribute(attr)]);
  }
  for (const el of document.querySelectorAll(".md-copyright")) words.push(["footer", el.textContent]);
  for (const el of document.querySelectorAll(".md-content :is(h1, h2, h3, h4, h5, h6), .md-nav--primary .md-nav__link:not(.md-nav--secondary *)"))
    words.push([el.closest("nav") ? "nav" : `${el.tagName.toLowerCase()}#${el.id}`,
                [...el.childNodes].filter(n => !n.matches?.("code, .headerlink")).map(n => n.textContent).join("")]);
  for (const [where, text] of words) {
    const bare = text.replace(/Material for MkDocs|PyTorch|Jupyter|Colab|[\w.]*torch[\w.]*|\w+\(\)/g, "");
    if (lang === "zh" ? /[A-Za-z]{3,}/.test(bare) && !cjk.test(bare) : cjk.test(text))
      found.ui_language.push(`${where} not in the page's language (${lang}): ${text.trim().replace(/\s+/g, " ")}`);
  }
  return found;
}
