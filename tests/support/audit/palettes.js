// In each palette (light "default", dark "slate"), switched as a reader does:
// - contrast: every text against its background (WCAG AA: 4.5:1, 3:1 for large text), each pair of colours
//   measured once; in code, one token of each kind per block style. (axe-core's color-contrast rule checks
//   the same, but on en/autograd/backward/, in both palettes, it took 23 s against this walk's 0.9 s.)
// - palettes: each figure has a light and a dark variant; each palette shows its own only.
// The page is left in the palette it had.
() => {
  const found = {contrast: [], palettes: []};
  const src = (img) => img.getAttribute("src");
  const figures = [...document.querySelectorAll('.md-content img[src*="figures/"]')];
  const light = figures.filter(img => src(img).endsWith("#only-light"));
  const dark = figures.filter(img => src(img).endsWith("#only-dark"));
  for (const img of figures.filter(img => !light.includes(img) && !dark.includes(img)))
    found.palettes.push(`figure without #only-light / #only-dark: ${src(img)}`);
  for (const img of light)
    if (!dark.some(d => src(d) === src(img).replace(/\.svg#only-light$/, ".dark.svg#only-dark")))
      found.palettes.push(`figure without a dark variant: ${src(img)}`);

  // Colours as axe-core reads, blends and compares them (audit.py loads it first).
  const {Color, flattenColors, getContrast} = axe.commons.color;
  const parse = (css) => new Color().parseString(css);
  const rgb = (c) => `rgb(${[c.red, c.green, c.blue].map(Math.round)})`;
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
  // Each palette measures its own colours, once per element.
  const memo = (f) => {
    const known = new Map();
    return (el) => known.has(el) ? known.get(el) : known.set(el, f(el)).get(el);
  };
  const seen = new Set();
  const scheme = document.body.getAttribute("data-md-color-scheme");
  for (const name of ["default", "slate"]) {
    setScheme(name);
    const [mine, theirs] = name === "slate" ? [dark, light] : [light, dark];
    for (const img of mine) if (getComputedStyle(img).display === "none")
      found.palettes.push(`${name}: its figure is hidden: ${src(img)}`);
    for (const img of theirs) if (getComputedStyle(img).display !== "none")
      found.palettes.push(`${name}: the other palette's figure is shown: ${src(img)}`);
    const opacity = memo(el => el ? parseFloat(getComputedStyle(el).opacity) * opacity(el.parentElement) : 1);
    const background = memo(el => {  // the colour behind el (its own layer included); null over an image
      if (!el) return new Color(255, 255, 255, 1);
      const style = getComputedStyle(el), own = parse(style.backgroundColor);
      if (style.backgroundImage.includes("url(")) return null;  // a gradient (scroll shadows) lets its colour through
      if (own.alpha >= 1) return own;
      const below = background(el.parentElement);
      return below && (own.alpha > 0 ? flattenColors(own, below) : below);
    });
    for (const el of texts) {
      const box = el.getBoundingClientRect(), style = getComputedStyle(el);
      if (box.width <= 1 || box.height <= 1 || style.visibility !== "visible") continue;
      const bg = background(el), alpha = opacity(el), fg = parse(style.color);
      if (!bg || alpha === 0) continue;
      fg.alpha *= alpha;
      const shown = flattenColors(fg, bg);
      const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
      const needed = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
      const key = `${name} ${rgb(shown)} ${rgb(bg)} ${needed}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const r = getContrast(bg, shown);
      if (r < needed) {
        const tag = el.tagName.toLowerCase() + (typeof el.className === "string" && el.className
          ? "." + el.className.trim().split(/\s+/).join(".") : "");
        found.contrast.push(`${name} palette: contrast ${r.toFixed(2)}:1 (needs ${needed}:1) for ${tag} ` +
                            `${rgb(shown)} on ${rgb(bg)}: ${el.textContent.trim().slice(0, 40)}`);
      }
    }
  }
  if (scheme) setScheme(scheme);
  return found;
}
