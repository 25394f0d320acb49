// axe-core's serious and critical violations: on the whole page if `whole`, else on the
// page's own parts (its content, its table of contents, its footer links: the theme around
// them is the same on every page) and without its color-contrast rule, the slowest by far
// (palettes.js measures contrast on every page, in both palettes).
async whole => {
  const own = [".md-content", ".md-sidebar--secondary", ".md-footer__inner"]
    .filter(selector => document.querySelector(selector)).map(selector => [selector]);
  const result = await axe.run(whole || !own.length ? document : {include: own},
    {resultTypes: ["violations"], rules: whole ? {} : {"color-contrast": {enabled: false}}});
  return result.violations
    .filter(v => ["serious", "critical"].includes(v.impact))
    .map(v => `${v.impact} accessibility violation ${v.id}: ${v.help} ` +
              `(${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join("; ")})`);
}
