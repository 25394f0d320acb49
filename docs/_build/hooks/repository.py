"""MkDocs hook: each code block titled with a snippet's path links to that file
in the repository (repo_url, on the branch that edit_uri names), and the edit links go away
when there is no repository.

pymdownx.superfences writes a fence's title as `<span class="filename">…</span>`;
a title that names a file of snippets/ becomes a link. Without a repo_url
(a local build with REPO_URL unset) titles stay plain text.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
TITLE = re.compile(r'<span class="filename">(snippets/[^<]+\.py)</span>')


def blob_url(config, path: str) -> str | None:
    """`<repo_url>/blob/<branch>/<path>`, the branch taken from edit_uri (`edit/<branch>/docs/`)."""
    repo = (config.repo_url or "").rstrip("/")
    m = re.fullmatch(r"edit/([^/]+)/.*", config.edit_uri or "")
    return f"{repo}/blob/{m[1]}/{path}" if repo and m else None


def on_config(config, **kwargs):
    # Without a repository, no "edit this page" (MkDocs would warn on every page).
    if not config.repo_url:
        config.edit_uri = ""
    return config


def on_page_content(content: str, page, config, **kwargs):
    def link(m):
        path = html.unescape(m[1])
        if not (ROOT / path).is_file():
            raise RuntimeError(f"{page.file.src_uri}: a code block is titled {path}, "
                               "which is not a file of the repository")
        url = blob_url(config, path)
        return m[0] if url is None else \
            f'<span class="filename"><a href="{html.escape(url)}">{m[1]}</a></span>'

    return TITLE.sub(link, content)
