"""Math is converted to MathML when the site is built (docs/_build/hooks/mathml.py);
a formula that does not convert fails the build, naming the page and the formula."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from tests.support import project


@pytest.fixture(scope="module")
def mathml():
    return project.hook("mathml")


def page(src_uri: str):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


def convert(mathml, html: str, src_uri: str = "zh/autograd/graph.md") -> str:
    return mathml.on_page_content(html, page=page(src_uri), config=None, files=None)


def test_inline_and_display_math_become_mathml(mathml):
    html = convert(mathml, '<p>For <span class="arithmatex">\\(y = x^2 &lt; 1\\)</span>:</p>\n'
                           '<div class="arithmatex">\\[\\frac{\\partial y}{\\partial x} = 2x\\]</div>')
    assert "\\(" not in html and "\\[" not in html and "arithmatex" not in html
    assert "<math><mrow><mi>y</mi><mo>=</mo></mrow></math>" in html  # broken after the relation
    assert "<mo>&lt;</mo>" in html
    assert '<div class="math-display" tabindex="0"><math display="block">' in html
    assert "<mfrac>" in html


def test_a_formula_that_does_not_convert_fails_naming_page_and_formula(mathml):
    with pytest.raises(PluginError) as failed:
        convert(mathml, '<p><span class="arithmatex">\\(\\frac{1}{\\)</span></p>')
    assert "docs/zh/autograd/graph.md" in str(failed.value)
    assert "\\frac{1}{" in str(failed.value)


def test_an_unknown_command_fails(mathml):
    with pytest.raises(PluginError, match=r"docs/en/index.md: .*unknown command \\nosuch"):
        convert(mathml, '<div class="arithmatex">\\[\\nosuch{x}\\]</div>', "en/index.md")


def test_tex_the_hook_did_not_convert_fails(mathml):
    with pytest.raises(PluginError, match="TeX left unconverted"):
        convert(mathml, "<p>\\(x\\) written as is</p>")
    # in code it is code
    assert convert(mathml, "<pre><code>\\(x\\)</code></pre>") == "<pre><code>\\(x\\)</code></pre>"


def test_notebook_pages_convert_dollar_math_outside_code(mathml):
    html = convert(mathml, "<p>a $x_1$ b</p><pre>$y_2$</pre><p>$$z$$</p>", "zh/recipe/notebook.ipynb")
    assert "<msub><mi>x</mi><mn>1</mn></msub>" in html and "<pre>$y_2$</pre>" in html
    assert '<math display="block">' in html
