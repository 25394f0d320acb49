"""`mkdocs build --strict` passes; figures, notebooks and links in the built site."""
from __future__ import annotations

import json
import re

from tests.support import includes, links, project


def test_strict_build_passes(site):
    assert site.returncode == 0, site.output


def test_every_page_is_built_in_every_language(root, built):
    for lang in project.languages():
        for page in includes.pages(root, lang):
            html = built / project.site_url_path(lang, page.as_posix()) / "index.html"
            assert html.is_file(), f"docs/{lang}/{page}: no {html.relative_to(built)} in the site"
            assert f'<html lang="{lang}"' in html.read_text(encoding="utf-8"), html


def test_figures_land_in_the_site_not_in_docs(root, built):
    figures = project.hook("figures")
    for snippet in figures.figure_snippets():
        stem = snippet.relative_to(root / "snippets").with_suffix("").as_posix()
        assert list((built / "figures").glob(f"{stem}*.svg")), \
            f"{snippet.relative_to(root)}: its figures are missing from the built site"
    assert not list((root / "docs").rglob("*.svg")), "generated figures must not be in docs/"


def test_figures_are_reproducible(root, tmp_path):
    import subprocess
    import sys

    figures = project.hook("figures")
    snippet = figures.figure_snippets()[0]
    drawn = []
    for n in (1, 2):
        (tmp_path / str(n)).mkdir()
        subprocess.run([sys.executable, figures.__file__, str(snippet), str(tmp_path / str(n))],
                       check=True, cwd=tmp_path / str(n), capture_output=True)
        drawn.append((tmp_path / str(n) / "1.svg").read_bytes())
    assert drawn[0] == drawn[1], f"{snippet.relative_to(root)}: two renders of its figure differ"
    assert b"<dc:date>" not in drawn[0]


def test_notebooks_are_rendered_executed_and_downloadable(built):
    for lang in project.languages():
        for uri in project.notebook_uris():
            page = built / project.site_url_path(lang, uri) / "index.html"
            html = page.read_text(encoding="utf-8")
            where = page.relative_to(built)
            assert "jupyter-wrapper" in html, f"{where}: not rendered by mkdocs-jupyter"
            assert '"cell_type"' not in html, f"{where}: raw notebook JSON (i18n issue #198)"
            assert not re.search(r'<script[^>]+src="(https?:)?//', html), f"{where}: CDN script"
            assert re.findall(r'<img[^>]*src="[^"]*figures/[^"]+\.svg(#[\w-]+)?"', html), \
                f"{where}: the figures drawn by its cells are missing"
            download = page.parent / "notebook.ipynb"
            nb = json.loads(download.read_text(encoding="utf-8"))
            outputs = [o for c in nb["cells"] for o in c.get("outputs", [])]
            assert outputs, f"{download.relative_to(built)}: not executed"
            assert not [o for o in outputs if o.get("output_type") == "error"]


def test_notebooks_are_built_not_committed(root, built):
    assert list(built.rglob("*.ipynb")), "no notebook in the built site"
    assert not list((root / "docs").rglob("*.ipynb")), "notebooks are built: none belongs in docs/"


def test_no_broken_link_or_anchor_in_the_built_site(built):
    from tests.conftest import EXAMPLE_ENV
    from urllib.parse import urlsplit

    problems = links.check_site(built, urlsplit(EXAMPLE_ENV["SITE_URL"]).path)
    assert not problems, "\n".join(problems)


def test_no_build_code_or_test_code_in_the_site(built):
    assert not (built / "_build").exists() and not list(built.rglob("*.py"))
