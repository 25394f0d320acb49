// At the current (phone) width: no code name in a table breaks across lines, and the
// page does not scroll sideways (names what sticks out).
() => new Promise(requestAnimationFrame).then(() => {
  const broken = [...document.querySelectorAll(".md-typeset td code, .md-typeset th code")]
    .filter(code => code.getClientRects().length > 1)
    .map(code => `a code name in a table breaks across lines: ${code.textContent}`);
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
