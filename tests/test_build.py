"""`mkdocs build --strict` passes; figures and links in the built site (its pages: test_html.py,
its notebooks: test_notebooks.py)."""
from __future__ import annotations

import re

from tests.support import links, project, runner
from tests.support.builds import BASE_PATH


def test_strict_build_passes(site):
    problems = [line for line in site.output.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert site.returncode == 0, "\n".join(problems) + "\n\nThe build's log:\n" + site.output


def test_built_files_are_not_in_docs_nor_code_in_the_site(root, built):
    """(The figures and notebooks in the site: test_figures_are_reproducible, test_notebooks.py.)"""
    favicon = root / "docs" / project.config().theme["favicon"]  # drawn by hand
    for made in ("*.svg", "*.ipynb"):
        found = [path for path in (root / "docs").rglob(made) if path != favicon]
        assert not found, f"{made} files are built: none belongs in docs/ ({found})"
    assert not (built / "_build").exists() and not list(built.rglob("*.py")), "build or test code in the site"


def test_figures_are_reproducible(root, built, tmp_path):
    """Every figure, drawn again by the hook's drawing code in another process (as
    `python figures.py SNIPPET OUT`, in a child forked from this one), is byte for byte
    the one the build drew: no date, no random id in the SVG."""
    figures = project.hook("figures")
    snippets = figures.figure_snippets()
    jobs = []
    for k, snippet in enumerate(snippets):
        (tmp_path / str(k)).mkdir()
        argv = [figures.__file__, str(snippet), str(tmp_path / str(k))]
        jobs.append(runner.Job(f"import runpy, sys\nsys.argv = {argv!r}\n"
                               "sys.path.insert(0, str(__import__('pathlib').Path(sys.argv[0]).parent))\n"
                               "runpy.run_path(sys.argv[0], run_name='__main__')\n",
                               f"drawing {snippet.relative_to(root)}"))
    runner.preload()
    problems = []
    for k, (snippet, run) in enumerate(zip(snippets, runner.run_many(jobs))):
        if run.error:
            problems.append(f"{run.error}\n{run.stderr}")
            continue
        light = sorted((svg for svg in (tmp_path / str(k)).glob("*.svg") if svg.stem.isdigit()),
                       key=lambda svg: int(svg.stem))  # 1.svg, 2.svg, ... in the order shown
        pairs = list(zip(light, figures.site_names(snippet, len(light))))
        pairs += [(figures.dark(svg), name.removesuffix(".svg") + ".dark.svg") for svg, name in pairs]
        for svg, name in pairs:
            if b"<dc:date>" in svg.read_bytes():
                problems.append(f"{snippet.relative_to(root)}: {name} holds a date")
            elif svg.read_bytes() != (built / name).read_bytes():
                problems.append(f"{snippet.relative_to(root)}: drawn again, {name} differs")
    assert snippets and not problems, "\n".join(problems)


def test_no_broken_link_or_anchor_in_the_built_site(built):
    problems = links.check_site(built, BASE_PATH)
    assert not problems, "\n".join(problems)


def test_copied_theme_partials_match_the_installed_material(root):
    """Each partial copied from Material into docs/_build/overrides/ names the version it
    was copied from; after an upgrade this fails until the copy is compared and updated."""
    from importlib.metadata import version

    installed = version("mkdocs-material")
    stale = []
    for partial in sorted((root / "docs" / "_build" / "overrides").rglob("*.html")):
        m = re.match(r"\{#-\s*Material's (?P<name>\S+\.html) \((?P<version>[\d.]+)\)",
                     partial.read_text(encoding="utf-8"))
        if m is None and partial.parent.name == "partials":
            stale.append(f"{partial.relative_to(root)}:1: a copy of a Material partial must "
                         "say which, and from which version: {#- Material's partials/x.html (9.8.1)")
        elif m and m["version"] != installed:
            stale.append(f"{partial.relative_to(root)}:1: copied from Material {m['version']}'s "
                         f"{m['name']}, and {installed} is installed: compare the two and update "
                         "the copy and the version in its first line")
    assert not stale, "\n".join(stale)
