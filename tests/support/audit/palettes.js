// In each palette (light "default", dark "slate"), switched as a reader does:
// - contrast: every text against its background (WCAG AA: 4.5:1, 3:1 for large text),
//   each pair of colours measured once; in code, one token of each kind per block style.
//   (axe-core's color-contrast rule checks the same, but on en/autograd/backward/, in both
//   palettes, it took 23 s against this walk's 0.9 s.)
// - palettes: each figure has a light and a dark variant; each palette shows its own only.
// The page is left in the palette it had.
() => {
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
}
