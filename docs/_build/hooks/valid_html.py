"""MkDocs hook: pages that the Nu HTML Checker finds valid (tests/test_html.py).

Material's base.html (outside any block a theme override can replace) writes
its two toggle checkboxes, the navigation drawer's and the search's, with
`autocomplete="off"`, which HTML allows only on text-like inputs. The attribute
is dropped from exactly those two tags; if they are no longer there (Material
changed its markup), the build fails so that this hook is revisited.
"""
from __future__ import annotations

TOGGLES = [f'type="checkbox" id="__{name}" autocomplete="off">' for name in ("drawer", "search")]


def _fix(html: str, where: str) -> str:
    for tag in TOGGLES:
        if html.count(tag) != 1:
            raise RuntimeError(f"{where}: expected Material's toggle {tag!r} once; its markup "
                               "changed, update docs/_build/hooks/valid_html.py")
        html = html.replace(tag, tag.replace(' autocomplete="off"', ""))
    return html


def on_post_page(output: str, page, config, **kwargs) -> str:
    return _fix(output, f"docs/{page.file.src_uri}")


def on_post_template(output: str, template_name: str, config, **kwargs) -> str:
    return _fix(output, template_name) if template_name.endswith(".html") else output
