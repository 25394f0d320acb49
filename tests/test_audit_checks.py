"""The browser audit's checks (tests/support/audit.py) find what they are for:
a page made with one mistake of each kind fails each check, naming the mistake."""
from tests.support import audit, server

BAD = """<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>坏页面</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<script src="http://example.invalid/x.js"></script>
<script>fetch("../search/search_index.json").catch(() => {}); new Worker("../workers/search.0.min.js")</script>
<style>[data-md-color-scheme=slate] { background: #000; color: #eee }
[data-md-color-scheme=slate] .dim { color: #333 }</style>
</head>
<body data-md-color-scheme="default"><main class="md-content"><h1>坏页面</h1>
<p>没有转换的公式 \\(x^2\\)。</p><h2>Related tools <code>no_grad</code></h2>
<p style="color: #b0b0b0; background: #ffffff">对比度太低的文字</p>
<p class="dim">暗色下看不清的文字</p>
<p><img src="../figures/a.svg" alt="只有浅色的图" width="4" height="4"></p>
<p><img src="../figures/a.svg#only-light" width="4" height="4"></p>
<div style="width: 600px">比手机屏幕宽的一块</div>
<div class="md-typeset__scrollwrap" style="overflow:auto"><table><td style="min-width:500px">表头</table></div>
<p><button></button></p>
</main><footer><button title="Search">搜</button></footer></body></html>"""
FINDS = [  # (check, the words of one of the problems it finds in BAD)
    ("clean", ["request to another host: http://example.invalid/x.js"]),
    ("clean", ["search was loaded before the reader used it", "search_index.json"]),
    ("clean", ["search was loaded before the reader used it", "workers/search.0.min.js"]),
    ("images", ["image without alt text: ../figures/a.svg#only-light"]),
    ("accessibility", ["critical accessibility violation button-name"]),
    ("math", ["TeX in the page's text", "x^2"]),
    ("contrast", ["default palette: contrast", "对比度太低"]),
    ("contrast", ["slate palette: contrast", "暗色下看不清"]),
    ("palettes", ["figure without #only-light / #only-dark: ../figures/a.svg"]),
    ("phone", ["a table scrolls sideways: 表头"]),
    ("phone", ["the page scrolls sideways at 375 px"]), ("phone", ["div reaches", "比手机屏幕宽"]),
    ("ui_language", ["not in the page's language (zh): Search"]),
    ("ui_language", ["h2# not in the page's language (zh): Related tools"]),
]


def test_each_check_names_its_mistake(page, tmp_path):
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'
    for name, text in {"bad/index.html": BAD, "figures/a.svg": svg}.items():
        (tmp_path / name).parent.mkdir()
        (tmp_path / name).write_text(text, encoding="utf-8")
    with server.serve(tmp_path) as url:
        found, _ = audit.audit(page, url + "bad/")
    missing = [(check, words) for check, words in FINDS
               if not any(all(word in problem for word in words) for problem in found[check])]
    assert not missing, f"{missing} not found in {found}"
    assert not any("暗色下看不清" in p and p.startswith("default") for p in found["contrast"])
