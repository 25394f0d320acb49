"""`mkdocs build --strict` passes, and every page exists in both languages."""
from tests import pages


def test_strict_build_passes(built_site):
    site, done = built_site
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_page_is_built_in_both_languages(root, built_site):
    site, _ = built_site
    for page in pages.pages(root, "zh"):
        stem = page.with_suffix("")
        folder = stem.parent if stem.name == "index" else stem
        for prefix in ("", "en/"):
            html = site / prefix / folder / "index.html"
            assert html.is_file(), f"docs/zh/{page}: no {html.relative_to(site)} in the built site"
        zh_lang = (site / folder / "index.html").read_text(encoding="utf-8")
        en_lang = (site / "en" / folder / "index.html").read_text(encoding="utf-8")
        assert '<html lang="zh"' in zh_lang and '<html lang="en"' in en_lang, page


def test_figures_land_in_the_site_not_in_docs(root, built_site):
    from tests import site_hooks

    site, _ = built_site
    for snippet in site_hooks.figure_snippets():
        rel = snippet.relative_to(root / "snippets").with_suffix(".svg")
        assert (site / "figures" / rel).is_file(), f"{rel}: figure missing from the built site"
    assert not list((root / "docs").rglob("*.svg")), "generated figures must not be in docs/"


def test_figures_are_reproducible(root, tmp_path):
    from tests import forkrun, site_hooks

    snippet = str(site_hooks.figure_snippets()[0].relative_to(root))
    drawn = []
    for n in (1, 2):
        (tmp_path / str(n)).mkdir()
        run = forkrun.run_one(forkrun.job_for_file(snippet, str(tmp_path / str(n))))
        assert run.error is None, run.error
        drawn.append(open(run.figures[0], "rb").read())
    assert drawn[0] == drawn[1], f"{snippet}: two renders of its figure differ"
    assert b"<dc:date>" not in drawn[0]


def test_notebooks_are_rendered_executed_and_downloadable(root, built_site):
    import json
    import re

    from tests import notebooks

    site, _ = built_site
    for prefix in ("", "en/"):
        for notebook in notebooks.NOTEBOOKS.values():
            page = site / prefix / notebook.removesuffix(".ipynb") / "index.html"
            html = page.read_text(encoding="utf-8")
            where = page.relative_to(site)
            assert "jupyter-wrapper" in html, f"{where}: not rendered by mkdocs-jupyter"
            assert '"cell_type"' not in html, f"{where}: raw notebook JSON (i18n issue #198)"
            assert not re.search(r'<script[^>]+src="(https?:)?//', html), f"{where}: CDN script"
            figures = re.findall(r'<img[^>]*src="data:image/png', html)
            assert len(figures) >= 2, f"{where}: the figures drawn by its cells are missing"
            download = page.parent / "notebook.ipynb"
            nb = json.loads(download.read_text(encoding="utf-8"))
            printed = "".join("".join(o.get("text", "")) for c in nb["cells"]
                              for o in c.get("outputs", []))
            assert "accuracy 0.990" in printed, f"{download.relative_to(site)}: not executed"


def site_base_url(root) -> str:
    from urllib.parse import urlsplit

    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    url = next(line.split(":", 1)[1].strip() for line in text.splitlines()
               if line.startswith("site_url:"))
    return urlsplit(url).path or "/"


def test_no_broken_link_or_anchor_in_the_built_site(root, built_site):
    from tests import links

    site, _ = built_site
    problems = links.check_site(site, site_base_url(root))
    assert not problems, "\n".join(problems)


def test_open_in_colab_points_at_the_published_notebook(monkeypatch):
    from types import SimpleNamespace

    from tests import site_hooks

    config = SimpleNamespace(repo_url="https://github.com/owner/repo/")
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    assert site_hooks.colab_url(config, "en/recipe/notebook/notebook.ipynb") == (
        "https://colab.research.google.com/github/owner/repo/blob/notebooks/"
        "en/recipe/notebook/notebook.ipynb")
    monkeypatch.setenv("GITHUB_REPOSITORY", "other/site")  # what the pages workflow sees
    assert "/github/other/site/blob/notebooks/" in site_hooks.colab_url(config, "x.ipynb")
    monkeypatch.delenv("GITHUB_REPOSITORY")
    assert site_hooks.colab_url(SimpleNamespace(repo_url=None), "x.ipynb") is None
