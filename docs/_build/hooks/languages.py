"""MkDocs hook for what differs by language, as mkdocs-static-i18n builds each in turn: the
headings' permalink title (`extra.labels`); one 404 page, in the default language (GitHub Pages
serves /404.html for every missing path; the last language built would overwrite it); a search
index per language, where i18n writes one for all. Material's templates and mkdocs-jupyter's
notebook pages are made once, into the store: `mkdocs serve` builds both languages on every reload."""
import json
from pathlib import Path

import jinja2
from mkdocs.plugins import event_priority

import pages
import store

INDEX = "search/search_index.json"  # Material's; overrides/main.html has each page load its language's


@event_priority(-150)  # after mkdocs-static-i18n (-100) has set the language's config
def on_config(config, **kwargs):
    i18n = config.plugins["i18n"]
    config.mdx_configs["toc"]["permalink_title"] = config.extra["labels"]["permalink"]
    config.extra["search_index"] = pages.site_path(INDEX, i18n.current_language, i18n.default_language)
    templates = config.theme.static_templates  # the 404 page: the default language's only
    (templates.add if i18n.current_language == i18n.default_language else templates.discard)("404.html")
    # mkdocs-jupyter's cache, a folder per language: each build evicts what it did not use.
    cache = store.entry("mkdocs-jupyter", [i18n.current_language], lambda folder: None)
    config.plugins["mkdocs-jupyter"].config.update(cache=True, cache_dir=str(cache))


def on_env(env, config, files, **kwargs):
    # Jinja's bytecode cache keeps the compiled templates from build to build (its key: their source).
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(store.entry("jinja", [], lambda folder: None)))


@event_priority(-110)  # after mkdocs-static-i18n (-100) has written the index of every language
def on_post_build(config, **kwargs):
    i18n, site = config.plugins["i18n"], Path(config.site_dir)
    if i18n.building:  # the build of another language, within the first one's: not done yet
        return
    index = json.loads((site / INDEX).read_text(encoding="utf-8"))
    for lang in i18n.build_languages:
        docs = [doc for doc in index["docs"]
                if lang == pages.path_language(doc["location"], i18n.build_languages, i18n.default_language)]
        path = site / pages.site_path(INDEX, lang, i18n.default_language)
        path.parent.mkdir(exist_ok=True)  # written as Material writes it
        path.write_text(json.dumps({**index, "docs": docs}, separators=(",", ":")), encoding="utf-8")
