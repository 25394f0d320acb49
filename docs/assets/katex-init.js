// Render math with the vendored KaTeX: what pymdownx.arithmatex marks on
// ordinary pages, and the markdown cells of notebook pages (mkdocs-jupyter).
const MATH = [
  [".arithmatex", [["\\(", "\\)", false], ["\\[", "\\]", true]]],
  [".jupyter-wrapper .jp-MarkdownOutput", [["$$", "$$", true], ["$", "$", false]]],
];

document$.subscribe(({ body }) => {
  for (const [selector, pairs] of MATH) {
    const delimiters = pairs.map(([left, right, display]) => ({ left, right, display }));
    for (const el of body.querySelectorAll(selector)) {
      renderMathInElement(el, { delimiters, throwOnError: true });
    }
  }
});
