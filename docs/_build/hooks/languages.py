"""MkDocs hook: the words MkDocs itself writes, in the language being built.

mkdocs-static-i18n builds each language in turn and gives each its own
`extra.labels` (mkdocs.yml); Material translates its own theme strings. What is
left is set here, once per language build, after the i18n plugin's on_config:

- the permalink title of headings (the toc extension's `permalink_title`);
- the 404 page: one page for the whole site (GitHub Pages serves /404.html for
  every missing path), built in the default language, with a link to the others
  (docs/_build/overrides/404.html). The other languages' builds skip it, else the
  last one built would overwrite it.
"""
from __future__ import annotations

from mkdocs.plugins import event_priority


@event_priority(-150)  # after mkdocs-static-i18n (-100) has set the language's config
def on_config(config, **kwargs):
    labels = config.extra["labels"]
    i18n = config.plugins["i18n"]
    toc = config.mdx_configs.setdefault("toc", {})
    if not toc.get("permalink"):
        raise RuntimeError("mkdocs.yml: the toc extension's permalink is expected on")
    toc["permalink_title"] = labels["permalink"]
    if i18n.current_language == i18n.default_language:
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")
    return config
