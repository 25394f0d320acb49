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
