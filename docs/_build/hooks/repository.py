"""MkDocs hook: a code block titled with a snippet's path links to that file in the repository, on the branch
edit_uri names; without a repo_url (REPO_URL unset) titles stay plain text and pages have no edit link."""
import html
import logging
import re
from pathlib import Path

import pages

TITLE = re.compile(r'<span class="filename">(snippets/[^<]+\.py)</span>')
log = logging.getLogger("mkdocs.hooks.repository")


def on_config(config, **kwargs):
    if not config.repo_url:  # without a repository, no "edit this page" (MkDocs would warn on every page)
        config.edit_uri = ""


def on_page_content(content: str, page, config, **kwargs):
    root = Path(config.config_file_path).parent
    branch = re.fullmatch(r"edit/([^/]+)/.*", config.edit_uri or "")  # edit_uri is `edit/<branch>/docs/`
    blob = f"{config.repo_url.rstrip('/')}/blob/{branch[1]}/" if config.repo_url and branch else None

    def link(m):
        path = html.unescape(m[1])
        if not (root / path).is_file():  # a warning: --strict fails; `mkdocs serve` (not strict) goes on
            line = next((f.line for f in pages.fences(pages.blocks(page.markdown or "")) if f.title == path), "")
            log.warning(f"docs/{page.file.src_uri}:{line}: a code block is titled {path}, "
                        "which is not a file of the repository")
            return m[0]
        return m[0] if blob is None else \
            f'<span class="filename"><a href="{html.escape(blob + path)}">{m[1]}</a></span>'

    return TITLE.sub(link, content)  # titles the HTML does not show so: test_reader.py fails
