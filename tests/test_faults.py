"""Each kind of mistake fails, with a message that names the file and line.

These break a copy of the project on purpose and run the same checks on it."""
from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from pytest_markdown_docs.definitions import FenceTestDefinition

from tests import forkrun, page_fences, pages, sitebuild, snippets

GOOD = '''import torch

w = torch.tensor([1.0], requires_grad=True)
y = (2 + w) * (w + 1)
y.backward()
print(w.grad)
#> tensor([5.])
'''


@pytest.fixture
def project(root, tmp_path) -> Path:
    """A copy of the project's site sources to break."""
    for name in ("docs", "snippets", "tests"):
        shutil.copytree(root / name, tmp_path / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(root / "mkdocs.yml", tmp_path)
    # Figures and notebooks are cached by content: share them, do not redo them.
    (root / ".cache").mkdir(exist_ok=True)
    (tmp_path / ".cache").symlink_to(root / ".cache")
    return tmp_path


def snippet_problems(tmp_path, source, timeout=forkrun.TIMEOUT_S):
    path = tmp_path / "bad.py"
    path.write_text(source)
    run = forkrun.run_one(forkrun.Job(source, str(path), timeout=timeout))
    return "\n".join(snippets.problems(path, run))


def test_the_good_snippet_passes(tmp_path):
    assert snippet_problems(tmp_path, GOOD) == ""


def test_wrong_output_line(tmp_path):
    found = snippet_problems(tmp_path, GOOD.replace("#> tensor([5.])", "#> tensor([6.])"))
    assert "bad.py:6: print printed something else" in found
    assert "-tensor([6.])" in found and "+tensor([5.])" in found


def test_missing_output_line(tmp_path):
    found = snippet_problems(tmp_path, GOOD.replace("#> tensor([5.])\n", ""))
    assert "bad.py:6: print has no `#>` lines" in found


def test_snippet_that_raises(tmp_path):
    found = snippet_problems(tmp_path, GOOD + "y.backward()\n")
    assert "bad.py: the snippet failed" in found and "RuntimeError" in found
    assert 'bad.py", line 8' in found


def test_snippet_that_hangs(tmp_path):
    found = snippet_problems(tmp_path, "while True:\n    pass\n", timeout=1)
    assert "bad.py: the snippet failed" in found and "timed out after 1 s" in found


def test_wrong_output_in_a_page_fence(tmp_path):
    page = tmp_path / "page.md"
    source = "\n" * 3 + GOOD.replace("#> tensor([5.])", "#> tensor([6.])")
    page.write_text("```python\n" + source + "```\n")
    test = FenceTestDefinition(source, (), 3, page, None)
    with pytest.raises(AssertionError, match=r"page.md:3: in the code block, its line 6"):
        page_fences.CheckedOutputRunner().runtest(test, {})


def test_page_in_one_language_only(project):
    (project / "docs" / "en" / "index.md").unlink()
    assert any(p.startswith("docs/zh/index.md:1: page has no en twin")
               for p in pages.check_twins(project))


def test_twin_includes_differ(project):
    page = project / "docs" / "en" / "autograd" / "backward.md"
    text = page.read_text().replace('--8<-- "snippets/backward/inputs.py"', "")
    page.write_text(text)
    assert any(p.startswith("docs/en/autograd/backward.md:1: includes")
               for p in pages.check_twins(project))


def test_snippet_no_page_includes(project):
    (project / "snippets" / "backward" / "orphan.py").write_text("print(1)\n#> 1\n")
    found = pages.check_includes(project)
    assert "snippets/backward/orphan.py:1: no docs/zh page includes this snippet" in found


def test_include_hidden_in_an_admonition(project):
    page = project / "docs" / "zh" / "index.md"
    page.write_text(page.read_text() + '\n!!! note\n    ```python\n    --8<-- "snippets/home/versions.py"\n    ```\n')
    assert any("docs/zh/index.md:" in p and "outside a top-level" in p
               for p in pages.check_includes(project))


def test_missing_include_fails_checks_and_build(project, tmp_path_factory):
    page = project / "docs" / "zh" / "index.md"
    page.write_text(page.read_text().replace("snippets/home/versions.py", "snippets/home/gone.py"))
    assert any(p.startswith("docs/zh/index.md:") and "snippets/home/gone.py" in p
               for p in pages.check_includes(project))
    done = sitebuild.build(project, tmp_path_factory.mktemp("site"))
    assert done.returncode != 0
    assert "snippets/home/gone.py" in done.stdout + done.stderr


def test_broken_internal_link_fails_the_build(project, tmp_path_factory):
    page = project / "docs" / "en" / "index.md"
    page.write_text(page.read_text() + "\nSee [nowhere](autograd/nowhere.md) and "
                    "[a bad anchor](autograd/backward.md#no-such-heading).\n")
    done = sitebuild.build(project, tmp_path_factory.mktemp("site"))
    out = done.stdout + done.stderr
    assert done.returncode != 0
    assert "en/index.md" in out and "autograd/nowhere.md" in out and "no-such-heading" in out


def test_link_checker_names_broken_links_and_anchors(tmp_path):
    from tests import links

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2>')
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a>\n<a href="a/#here">ok</a>\n<a href="a/#gone">bad</a>\n'
        '<img src="missing.svg" alt="x">\n<a href="https://example.org/">external</a>')
    found = links.check_site(tmp_path)
    assert found == ["index.html:3: a/#gone: no id 'gone' in a/index.html",
                     "index.html:4: missing.svg: no such file in the site"]


def test_browser_audit_names_external_requests_and_missing_alt(tmp_path):
    from tests import browser

    (tmp_path / "bad").mkdir()
    (tmp_path / "ok.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>')
    (tmp_path / "bad" / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>bad</title>'
        '<script src="http://example.invalid/x.js"></script></head>'
        '<body><main><h1>bad</h1><img src="../ok.svg"></main></body></html>')
    async def audit(url):
        async with browser.browser() as b:
            return await browser.audit(await b.new_page(), url + "bad/")

    with browser.serve(tmp_path) as url:
        found = "\n".join(asyncio.run(audit(url)))
    assert "/bad/: request to another host: http://example.invalid/x.js" in found
    assert "/bad/: image without alt text: ../ok.svg" in found
