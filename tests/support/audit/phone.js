// At the current (phone) width: no table scrolls sideways (its last column would show as a
// strip), and neither does the page (names what sticks out).
() => new Promise(requestAnimationFrame).then(() => {
  const broken = [...document.querySelectorAll(".md-content :is(.md-typeset__scrollwrap, table)")]
    .filter(box => box.scrollWidth > box.clientWidth + 1)  // Material's wrapper scrolls; a bare table may
    .map(box => `a table scrolls sideways: ${box.textContent.replace(/\s+/g, " ").trim().slice(0, 40)}`);
  const root = document.documentElement, width = root.clientWidth;
  if (root.scrollWidth <= width) return broken;
  const boxed = el => {  // inside a box that scrolls or clips on its own: fine
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
      if (getComputedStyle(p).overflowX !== "visible") return true;
    return false;
  };
  const sticking = [...document.body.querySelectorAll("*")].filter(el => {
    const box = el.getBoundingClientRect();
    return box.right > width + 1 && box.width > 0 && !boxed(el);
  });
  const outer = sticking.filter(el => !sticking.includes(el.parentElement));
  const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
  return broken.concat([`the page scrolls sideways at ${width} px: ${root.scrollWidth} px wide`])
    .concat(outer.slice(0, 5).map(el => `  ${name(el)} reaches ${Math.round(el.getBoundingClientRect().right)} px: ` +
                                         el.textContent.trim().slice(0, 60)));
})
