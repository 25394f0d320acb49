"""`mkdocs build --strict` passes; figures and links in the built site (its pages: test_html.py,
its notebooks: test_notebooks.py)."""
import re
from urllib.parse import urljoin, urlsplit

from tests.support import pages, project, runner
from tests.support.project import BASE_PATH, ROOT


def test_strict_build_passes(site):
    problems = [line for line in site.output.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert site.returncode == 0, "\n".join(problems) + "\n\nThe build's log:\n" + site.output


def test_built_files_are_not_in_docs_nor_code_in_the_site(built):
    favicon = ROOT / "docs" / project.config().theme["favicon"]  # drawn by hand
    for made in ("*.svg", "*.ipynb"):
        found = [path for path in (ROOT / "docs").rglob(made) if path != favicon]
        assert not found, f"{made} files are built: none belongs in docs/ ({found})"
    assert not (built / "_build").exists() and not list(built.rglob("*.py")), "build or test code in the site"


def test_figures_are_reproducible(built, tmp_path):
    """Every figure, drawn again by the hook's drawing code in another process (as
    `python figures.py SNIPPET OUT`, in a child forked from this one), is byte for byte
    the one the build drew: no date, no random id in the SVG; and no text in a font whose
    characters are not Unicode's (mathtext's \\prime in cmsy10, \\mathcal), which a browser lacks."""
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
        problems += [f"{run.error}\n{run.stderr}"] if run.error else []
        for name, svg in figures.site_files(snippet, tmp_path / str(k)):  # what it drew
            if b"<dc:date>" in svg.read_bytes():
                problems.append(f"{snippet.relative_to(ROOT)}: {name} holds a date")
            elif fonts := re.findall(r"font-family: '(cm\w+|STIXNonUnicode\w*)'", svg.read_text("utf-8")):
                problems.append(f"{snippet.relative_to(ROOT)}: {name} has text in {fonts[0]} (see CONTRIBUTING)")
            elif svg.read_bytes() != (built / name).read_bytes():
                problems.append(f"{snippet.relative_to(ROOT)}: drawn again, {name} differs")
    assert snippets and not problems, "\n".join(problems)


ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}  # tag: its link


def test_no_broken_link_or_anchor_in_the_built_site(built):
    """Every internal link, image, script and stylesheet resolves to a file of the built site,
    and every `#anchor` to an id in its target page."""
    problems = []
    for page in sorted(built.rglob("*.html")):
        here = BASE_PATH + page.relative_to(built).as_posix()  # the page's URL path when served
        for tag in pages.built(page).find_all(ATTRS):
            url = tag.get(ATTRS[tag.name])
            parts = urlsplit(urljoin(here, url or ""))
            # external: the browser tests make sure nothing loads from there
            if url and not (parts.scheme or parts.netloc) and (problem := pages.link_problem(built, parts)):
                problems.append(f"{page.relative_to(built)}:{tag.sourceline}: {url}: {problem}")
    assert not problems, "\n".join(problems)
