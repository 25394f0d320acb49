"""MkDocs hook: what the build computes the same way every time, kept in `.cache/`.

Each of these is a pure function of its input and of the code that computes it;
each is kept under a key holding both (the versions of the packages, this file),
so an unchanged input is not computed again and a changed one is computed as
before, by the same code:

- the search index entries of a page (`.cache/search/`): Material's search plugin
  parses every page's whole HTML and cuts its Chinese with jieba; the entries are
  kept under the page's HTML, URL, title, metadata and table of contents;
- jieba's cuts of a Chinese text (`.cache/jieba/`), for a page that did change:
  jieba's dictionary takes most of a second to load, and a changed page often
  holds the same Chinese (an edited code block);
- Pygments' highlighting of a code block (`.cache/pygments/`): both languages show
  the same snippets;
- Jinja's compiled templates (`.cache/jinja/`, Jinja's own bytecode cache, which
  checks each template's source).

Each replaces one function of another package (Material's SearchIndex.
add_entry_from_context, jieba.cut, the `highlight` that pymdownx.highlight calls)
and fails the build when that function is gone, so that this file is revisited.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib.metadata import version
from pathlib import Path

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[3]
CACHE = ROOT / ".cache"
CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()  # this file, in every key


def _digest(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, default=repr, sort_keys=True).encode()).hexdigest()[:20]


def _file_digest(path) -> str | None:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest() if path and os.path.isfile(path) else None


def _versions(*names: str) -> list[str]:
    return [f"{name} {version(name)}" for name in names]


def _write(path: Path, text: str):
    """Atomically: builds running at once (the tests') read a file whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _unexpected(what: str):
    raise RuntimeError(f"{what}: the package changed; update docs/_build/hooks/cache.py")


class Memo:
    """{key: value} in one JSON file, read at the first lookup and written after a build
    that computed something new, with the entries this process looked up (no others:
    what an edited page no longer shows does not pile up)."""

    def __init__(self, path: Path):
        self.path = path
        self.known: dict | None = None
        self.used: dict = {}
        self.changed = False

    def get(self, key: str, make):
        if key in self.used:
            return self.used[key]
        if self.known is None:
            try:
                self.known = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.known = {}
        if key in self.known:
            value = self.known[key]
        else:
            value = make()
            self.changed = True
        self.used[key] = value
        return value

    def save(self):
        if self.changed:
            _write(self.path, json.dumps(self.used, ensure_ascii=False))
            self.changed = False


# One per process: `mkdocs serve` loads a hook once and keeps it for every rebuild.
_memos: dict[Path, Memo] = {}


def _memo(folder: str, *key) -> Memo:
    path = CACHE / folder / f"{_digest(CODE, *key)}.json"
    return _memos.setdefault(path, Memo(path))


# --- the search index ------------------------------------------------------------

def _cache_jieba(search) -> str | None:
    """jieba.cut through a Memo; the key of jieba's results (None without jieba)."""
    try:
        import jieba
    except ImportError:  # Material then indexes without segmenting
        return None
    if not callable(getattr(jieba, "cut", None)):
        _unexpected("jieba.cut")
    cut = getattr(jieba, "uncached_cut", jieba.cut)
    jieba.uncached_cut = cut
    dictionary = jieba.dt.dictionary or os.path.join(os.path.dirname(jieba.__file__),
                                                      jieba.DEFAULT_DICT_NAME)
    key = [jieba.__version__, _file_digest(dictionary), _file_digest(search.config.jieba_dict),
           _file_digest(search.config.jieba_dict_user)]
    memo = _memo("jieba", key)

    def cached_cut(sentence, cut_all=False, HMM=True, use_paddle=False):
        text = sentence.decode("utf-8") if isinstance(sentence, bytes) else sentence
        return iter(memo.get(f"{cut_all:d}{HMM:d}{use_paddle:d}{text}",
                             lambda: list(cut(sentence, cut_all, HMM, use_paddle))))

    jieba.cut = cached_cut
    return _digest(key)


def _toc(items) -> list:
    return [[i.title, i.id, i.level, i.url, _toc(i.children)] for i in items]


def _cache_search_entries(search, jieba_key: str | None):
    """Material's index of a page: every entry it adds for the page, kept under all it reads."""
    index = getattr(search, "search_index", None)
    add = getattr(index, "add_entry_from_context", None)
    if add is None or not isinstance(getattr(index, "entries", None), list):
        _unexpected("Material's search plugin (search_index.add_entry_from_context, .entries)")
    tools = _digest(CODE, _versions("mkdocs-material", "backrefs"), sys.version, jieba_key,
                    dict(search.config))

    def add_entry_from_context(page):
        key = _digest(tools, page.content, page.url, str(page.title), page.meta, _toc(page.toc))
        path = CACHE / "search" / f"{key}.json"
        try:
            index.entries.extend(json.loads(path.read_text(encoding="utf-8")))
            return
        except FileNotFoundError:
            pass
        before = len(index.entries)
        add(page)
        _write(path, json.dumps(index.entries[before:]))

    index.add_entry_from_context = add_entry_from_context


# --- highlighting ------------------------------------------------------------------

def _cache_pygments():
    """`highlight(src, lexer, formatter)` as pymdownx.highlight calls it, through a Memo.
    The lexer and formatter are wholly described by their class and options; only
    Pygments' own lexers and pymdownx's formatters are kept (their versions are in the key)."""
    import pymdownx.highlight as module

    if not callable(getattr(module, "highlight", None)):
        _unexpected("pymdownx.highlight.highlight")
    highlight = getattr(module, "uncached_highlight", module.highlight)
    module.uncached_highlight = highlight
    memo = _memo("pygments", _versions("pygments", "pymdown-extensions"))

    def cached_highlight(src, lexer, formatter):
        kinds = [f"{type(o).__module__}.{type(o).__qualname__}" for o in (lexer, formatter)]
        if not (kinds[0].startswith("pygments.lexers.") and kinds[1].startswith("pymdownx.")):
            return highlight(src, lexer, formatter)
        key = _digest(src, kinds, lexer.options, formatter.options, vars(formatter).get("pymdownx_inline"))
        return memo.get(key, lambda: highlight(src, lexer, formatter))

    module.highlight = cached_highlight


# --- Jinja ---------------------------------------------------------------------------

def _jinja_cache(env):
    from jinja2 import FileSystemBytecodeCache

    # Jinja checks each template's source; what else shapes the compiled code is here.
    key = _digest(_versions("jinja2", "mkdocs", "mkdocs-material", "mkdocs-static-i18n"),
                  sys.version, sorted(env.extensions), getattr(env, "newstyle_gettext", None),
                  env.autoescape, env.optimized)
    folder = CACHE / "jinja" / key
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


# --- MkDocs events ---------------------------------------------------------------------

@event_priority(-150)  # after the search plugin's on_config (its index, its jieba dictionaries)
def on_config(config, **kwargs):
    search = config.plugins.get("material/search")
    if search is not None and search.config.enabled:
        _cache_search_entries(search, _cache_jieba(search))
    _cache_pygments()
    return config


@event_priority(-200)  # after mkdocs-static-i18n has added its Jinja extension
def on_env(env, config, files, **kwargs):
    env.bytecode_cache = _jinja_cache(env)
    return env


def on_post_build(config, **kwargs):
    for memo in _memos.values():
        memo.save()
