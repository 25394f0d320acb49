// axe-core's serious and critical violations: on the whole page if `whole`, else on the
// page's own parts (its content, its table of contents, its footer links: the theme around
// them is the same on every page) and without its color-contrast rule, the slowest by far
// (palettes.js measures contrast on every page, in both palettes).
async whole => {
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
  const result = await axe.run(whole || !own.length ? document : {include: own},
    {resultTypes: ["violations"], runOnly: {type: "rule", values: rules}});
  return result.violations
    .filter(v => ["serious", "critical"].includes(v.impact))
    .map(v => `${v.impact} accessibility violation ${v.id}: ${v.help} ` +
              `(${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join("; ")})`);
}
