"""Math is converted to MathML when the site is built (docs/_build/hooks/mathml.py); a
formula that does not convert is a warning naming the page, the line and the formula
(so `--strict` fails), and the page shows its TeX in an error box."""
import logging
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from tests.support import audit, pages, project


def convert(html: str, src_uri: str = "zh/autograd/graph.md", markdown: str = "") -> str:
    page = SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), markdown=markdown)
    return project.hook("mathml").on_page_content(html, page=page, config=None, files=None)


def test_inline_and_display_math_become_mathml():
    html = convert('<p>For <span class="arithmatex">\\(y = -x^2 + f(-1)\\)</span>, <span class="arithmatex">'
                   '\\(y \\ln p\\)</span>:</p>\n'
                   '<div class="arithmatex">\\[\\frac{\\partial y}{\\partial x} = 2x\\]</div>')
    assert "\\(" not in html and "\\[" not in html and "arithmatex" not in html
    assert "<math><mrow><mi>y</mi><mo>=</mo></mrow></math><math><mrow><mo>−</mo><msup>" in html  # not −x
    assert '<math><mrow><mi>f</mi><mo stretchy="false">(</mo><mo>−</mo><mn>1</mn>' in html  # +, not (−1
    assert '<div class="math-display" tabindex="0"><math display="block">' in html
    assert '<mfrac><mrow><mo lspace="0" rspace="0">∂</mo><mi>y</mi>' in html  # ∂y: no operator spacing
    assert '<mi>y</mi><mspace width="0.1667em"></mspace><mi>ln</mi>' in html  # y \\ln: a thin space
    assert '<span class="nowrap"><math><mrow><mi>y</mi><mspace' in html and "</math>:</span>" in html


# (a formula, what its warning also names)
@pytest.mark.parametrize("tex, why", [("\\frac{1}{\\left(", ""), ("\\nosuch{x}", "unknown command \\nosuch"),
                                     ("\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}", "& or \\\\ outside")])
def test_a_formula_that_does_not_convert_warns_naming_page_line_and_formula(caplog, tex, why):
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.mathml"):
        html = convert(f'<div class="arithmatex">\\[{tex}\\]</div>', "en/autograd/backward.md",
                       f"# Title\n\nSome text\n\n\\[\n{tex}\n\\]\n")
    assert [r.getMessage().split("  (")[0] for r in caplog.records] == [
        f"docs/en/autograd/backward.md:6: a formula does not convert to MathML: {tex}"]
    assert why in caplog.text
    assert f'<div class="math-error" role="alert">{tex.replace("&", "&amp;")}</div>' in html


def test_tex_the_hook_did_not_convert_fails():
    with pytest.raises(PluginError, match="TeX left unconverted"):
        convert("<p>\\(x\\) written as is</p>")
    assert convert("<pre><code>\\(x\\)</code></pre>") == "<pre><code>\\(x\\)</code></pre>"  # in code it is code


# Brackets that stretch: around a matrix, \left( ... \right) and \bigl( ... \bigr).
STRETCHED = "mo:has(+ mtable), mtable + mo, mo[stretchy='true']"


def test_brackets_stretch_in_the_sites_own_math_font(built, site_url, page):
    """Each stretched bracket is taller than a plain one and drawn in the font site.css
    gives it: a browser without a math font of its own would draw them all alike."""
    paths = [path for path in audit.site_pages()
             if pages.built(built / path / "index.html").select(STRETCHED)]
    assert paths, "no page with a stretched bracket: this test checks nothing"
    problems = []
    for path in paths:
        page.goto(site_url + path)
        page.evaluate("document.fonts.ready")
        plain = page.locator("mo[stretchy='false']")
        assert plain.count(), f"{path}: no plain bracket to compare the stretched ones with"
        plain = plain.first.bounding_box()["height"]
        cdp = page.context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        for node in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": STRETCHED})["nodeIds"]:
            fonts = {f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]}
            box = cdp.send("DOM.getBoxModel", {"nodeId": node})["model"]
            if box["height"] < 1.15 * plain or fonts != {"Autograd Docs Math Delimiters"}:
                problems.append(f"{path}: a bracket {box['height']} px high (plain: {plain}) in {fonts}")
        cdp.detach()
    assert not problems, "\n".join(problems)
