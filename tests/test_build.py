"""`mkdocs build --strict` passes; figures and links in the built site (its pages: test_html.py,
its notebooks: test_notebooks.py)."""
from tests.support import links, project, runner
from tests.support.project import ROOT
from tests.support.builds import BASE_PATH


def test_strict_build_passes(site):
    problems = [line for line in site.output.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert site.returncode == 0, "\n".join(problems) + "\n\nThe build's log:\n" + site.output


def test_built_files_are_not_in_docs_nor_code_in_the_site(built):
    """(The figures and notebooks in the site: test_figures_are_reproducible, test_notebooks.py.)"""
    favicon = ROOT / "docs" / project.config().theme["favicon"]  # drawn by hand
    for made in ("*.svg", "*.ipynb"):
        found = [path for path in (ROOT / "docs").rglob(made) if path != favicon]
        assert not found, f"{made} files are built: none belongs in docs/ ({found})"
    assert not (built / "_build").exists() and not list(built.rglob("*.py")), "build or test code in the site"


def test_figures_are_reproducible(built, tmp_path):
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
                               f"drawing {snippet.relative_to(ROOT)}"))
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
                problems.append(f"{snippet.relative_to(ROOT)}: {name} holds a date")
            elif svg.read_bytes() != (built / name).read_bytes():
                problems.append(f"{snippet.relative_to(ROOT)}: drawn again, {name} differs")
    assert snippets and not problems, "\n".join(problems)


def test_no_broken_link_or_anchor_in_the_built_site(built):
    problems = links.check_site(built, BASE_PATH)
    assert not problems, "\n".join(problems)
