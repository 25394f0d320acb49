"""MkDocs hook: each formula pymdownx.arithmatex (generic) leaves as TeX becomes MathML at
build time, with latex2mathml (pure Python: `mkdocs serve` needs no Node; browsers render
MathML natively, no math JavaScript or fonts). A formula that does not convert is a warning
(README); TeX left in a page's text after the conversion (upstream markup changed) stops the build."""
import html
import logging
import re
import unicodedata
import xml.etree.ElementTree as ET

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.mathml")  # counted by --strict

ARITHMATEX = re.compile(r'<span class="arithmatex">\\\((?P<inline>.*?)\\\)</span>'
                        r'|<div class="arithmatex">\s*\\\[(?P<display>.*?)\\\]\s*</div>', re.S)
# An inline formula and the punctuation after it, which Chromium would let start a line.
MATH_PUNCT = re.compile(r"(<math>(?:(?!</?math>).)*</math>)([,.;:!?)，。；：、）！？])", re.S)
# A page's text: without the elements that hold code, not prose, and without tags.
NOT_PROSE = re.compile(r"<(pre|code|script|style|textarea|math)\b.*?</\1>|<!--.*?-->|<[^>]+>", re.S | re.I)
LEFTOVER = re.compile(r"\\\(.+?\\\)|\\\[.+?\\\]", re.S)
FUNCTION = r"<mi>(?:ln|log|exp|sin|cos|tan|tanh)</mi>"  # \ln, \sin, ... as latex2mathml writes them
# latex2mathml's MathML made as TeX sets it: (pattern, replacement), in order.
FIXES = [
    (r' xmlns="http://www\.w3\.org/1998/Math/MathML"| display="inline"', ""),
    # Characters rather than entities (but the three HTML needs escaped).
    (r"&#x([0-9A-Fa-f]+);", lambda m: html.escape(chr(int(m[1], 16)), quote=False)),
    # A lone operator symbol (\iff, \to, ...) is an operator: the spacing of one.
    (r"<mi>([^<])</mi>", lambda m: f"<mo>{m[1]}</mo>" if unicodedata.category(m[1]) == "Sm" else m[0]),
    # y \ln p: a thin space between a function name and its argument, or a variable, d or `)` before it.
    (rf"({FUNCTION})(?=<(?:mi|mn|msub|msup|mfrac)>)", r'\1<mspace width="0.1667em"></mspace>'),
    (rf"(?:(?<=</m[in]>)|(?<=</mtext>)|(?<=\)</mo>))({FUNCTION})", r'<mspace width="0.1667em"></mspace>\1'),
    # `/`, `.`, ∂ and ∇ are ordinary symbols in TeX (dy/dx, w.grad, ∂y): no operator spacing.
    (r"<mo>([/.∂∇])</mo>", r'<mo lspace="0" rspace="0">\1</mo>'),
    # \bigl( ... \bigr): a fence, no operator spacing (latex2mathml gives it none of a form).
    (r'(<mo stretchy="true" fence="true") minsize', r'\1 lspace="0" rspace="0" minsize'),
    # \sigma': U+2032 is a raised prime already; as a superscript it would sit twice as high.
    (r"<msup>(<mi>[^<]+</mi>)<mi>(′+)</mi></msup>", r'\1<mo lspace="0" rspace="0">\2</mo>'),
    # HTML has no self-closing <mspace/>: it would hold what follows.
    (r"(<mspace [^>]*?) />", r"\1></mspace>"),
]


class MathError(ValueError):
    pass


def to_mathml(tex: str, display: bool) -> str:
    """MathML for one formula (TeX as written in the page), an inline one breakable;
    MathError if it does not convert."""
    from latex2mathml.converter import convert

    source = re.sub(r"\\mathrm\{([A-Za-z])\}", r"\\text{\1}", tex.strip())
    try:
        mathml = convert(source, display="block" if display else "inline")
    except Exception as err:  # latex2mathml raises many kinds of errors
        raise MathError(f"{tex.strip()}  ({type(err).__name__} {err})".replace(" )", ")")) from None
    text = re.sub(r"<[^>]+>", "", mathml)
    if "\\" in text:
        unknown = sorted(c for c in set(re.findall(r"\\[A-Za-z]+", tex)) if c in text) or ["\\"]
        raise MathError(f"{tex.strip()}  (unknown command {', '.join(unknown)})")
    if re.search(r"<mi>&</mi>|linebreak=", mathml):  # as text, and a break browsers ignore
        raise MathError(f"{tex.strip()}  (& or \\\\ outside a matrix or cases: one formula per line)")
    for pattern, replacement in FIXES:
        mathml = re.sub(pattern, replacement, mathml)
    return mathml if display else breakable(mathml)

# Relations and binary operators after which TeX may break an inline formula at the end of a line.
RELATIONS, BINARY = set("=<>≤≥≠≈≡∼∝→←↔⇒⇐⟺⟹∈∉⊂⊆"), set("+−±×·")


def breakable(mathml: str) -> str:
    """An inline formula as several <math> elements, split after each relation and binary
    operator (after an operand, not a sign) of its top level: a browser does not break a
    line inside one <math>, and a long formula would otherwise stick out of a phone's screen."""
    root = ET.fromstring(mathml)
    row = root[0] if len(root) == 1 and root[0].tag == "mrow" else root
    pieces = [[]]
    for child in list(row):
        prev = pieces[-1][-1] if pieces[-1] else child  # nothing before: an operator first is a sign
        pieces[-1].append(child)
        op = (child.text or "").strip() if child.tag == "mo" else ""
        if op in RELATIONS or op in BINARY and prev.tag not in ("mo", "mspace", "mtext"):  # after an operand
            pieces.append([])
    pieces = [piece for piece in pieces if piece]
    if len(pieces) < 2:
        return mathml
    maths = [ET.Element("math") for _ in pieces]
    for math, children in zip(maths, pieces):
        ET.SubElement(math, "mrow").extend(children)
    return "".join(ET.tostring(math, encoding="unicode", short_empty_elements=False) for math in maths)


@event_priority(-50)  # after the other hooks have changed the page's HTML
def on_page_content(content: str, page, config, files, **kwargs):
    source = (page.markdown or "").split("\n")

    def replace(m):
        display = m["display"] is not None
        tex = html.unescape(m["display"] if display else m["inline"])
        try:
            made = to_mathml(tex, display)
        except MathError as err:  # a warning fails --strict; the site is still written
            first = tex.strip().split("\n")[0]
            line = next((n for n, text in enumerate(source, 1) if first and first in text), 0)
            log.warning(f"docs/{page.file.src_uri}:{line}: a formula does not convert to MathML: {err}")
            tag = "div" if display else "span"
            return f'<{tag} class="math-error" role="alert">{html.escape(tex)}</{tag}>'
        return f'<div class="math-display" tabindex="0">{made}</div>' if display else made

    content = MATH_PUNCT.sub(r'<span class="nowrap">\1\2</span>', ARITHMATEX.sub(replace, content))
    if left := LEFTOVER.findall(html.unescape(NOT_PROSE.sub(" ", content))):  # raw TeX in the text
        raise PluginError(f"docs/{page.file.src_uri}: TeX left unconverted (is pymdownx.arithmatex "
                          f"still generic?): {left[0][:80]}")
    return content
