"""MkDocs hook: the few attributes and words of Material's markup this site changes, each
in every page and in the 404 page. Each fix expects the markup it changes as many times as
Material writes it; when Material's markup has changed the build fails, so that the fix is
revisited (the other changes are template blocks: docs/_build/overrides/)."""
import re


def _fix(html: str, where: str, config) -> str:
    search = re.search(r'<nav class="md-search__options" aria-label="([^"]*)"', html)
    fixes = [
        # HTML allows autocomplete only on text-like inputs (tests/test_html.py), not on toggles.
        (r'(type="checkbox" id="__(?:drawer|search)") autocomplete="off">', lambda m: f"{m[1]}>", 2),
        # The search dialog's accessible name (axe: aria-dialog-name): Material's word for search.
        (r'(<div class="md-search" data-md-component="search" role="dialog")>',
         lambda m: f'{m[1]} aria-label="{search[1]}">', 1 if search else 0),
        # That attribute makes Material's script ask api.github.com for the repository's stars and forks: a
        # third-party request on every page, which readers in mainland China may not be able to make.
        (r'(class="md-source") data-md-component="source"', lambda m: m[1], 2 if config.repo_url else 0),
        # Material's script fetches sitemap.xml next to each hreflang link, expecting language
        # roots, and mkdocs-static-i18n links each page's twin: requests for sitemaps that do
        # not exist. The language switch in the header reads the same list and stays.
        (r'\n\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">', lambda m: "",
         len(config.extra.get("alternate") or [])),
    ]
    for pattern, replacement, count in fixes:
        html, found = re.subn(pattern, replacement, html)
        if found != count:
            raise RuntimeError(f"{where}: expected Material's {pattern!r} {count} times, found it "
                               f"{found} times; its markup changed, update docs/_build/hooks/valid_html.py")
    return html


def on_post_page(output: str, page, config, **kwargs) -> str:
    return _fix(output, f"docs/{page.file.src_uri}", config)


def on_post_template(output: str, template_name: str, config, **kwargs) -> str:
    return _fix(output, template_name, config) if template_name.endswith(".html") else output
