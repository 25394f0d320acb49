"""Each kind of mistake fails, with a message that names the file and line.

These break a snippet, a page or a copy of the project on purpose and run the
same checks on it."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import build_site
from tests.support import expected_output, includes, links, runner

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
                        ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
    for name in ("mkdocs.yml", "pytest.ini"):
        shutil.copy(root / name, tmp_path)
    # Figures and notebooks are cached by content: share them, do not redo them.
    (root / ".cache").mkdir(exist_ok=True)
    (tmp_path / ".cache").symlink_to(root / ".cache")
    return tmp_path


def problems(source: str, timeout: float = runner.TIMEOUT_S) -> str:
    runner.preload()
    run = runner.run_one(runner.Job(source, "bad.py", timeout=timeout))
    found = [run.error] if run.error else []
    found += [f"stderr: {run.stderr}"] if run.stderr else []
    return "\n".join(found + expected_output.compare(source, run.chunks, "bad.py"))


def build(project: Path, tmp_path_factory) -> subprocess.CompletedProcess:
    process = build_site(tmp_path_factory.mktemp("site"), root=project)
    out, _ = process.communicate(timeout=600)
    return subprocess.CompletedProcess(process.args, process.returncode, out, "")


def test_the_good_snippet_passes():
    assert problems(GOOD) == ""


def test_wrong_output_line():
    found = problems(GOOD.replace("#> tensor([5.])", "#> tensor([6.])"))
    assert "bad.py:6: this statement printed something else" in found
    assert "-tensor([6.])" in found and "+tensor([5.])" in found


def test_missing_output_line():
    found = problems(GOOD.replace("#> tensor([5.])\n", ""))
    assert "bad.py:6: printed output that no `#>` block accounts for" in found


def test_snippet_that_raises():
    found = problems(GOOD + "y.backward()\n")
    assert "RuntimeError" in found and 'File "bad.py", line 8' in found


def test_snippet_that_hangs_names_the_line():
    found = problems("import time\n\ntime.sleep(30)\nprint(1)\n", timeout=1)
    assert "bad.py:3: timed out after 1 s" in found


def test_missing_include_fails_its_fence_and_the_page_check_not_the_run(project):
    page = project / "docs" / "zh" / "index.md"
    page.write_text(page.read_text().replace("snippets/home/versions.py", "snippets/home/gone.py"))
    found = includes.check_includes(project)
    assert any(p.startswith("docs/zh/index.md:") and 'include "snippets/home/gone.py" not found'
               in p for p in found), found
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly",
                           "docs/zh/index.md", "docs/zh/autograd/grad.md"],
                          cwd=project, capture_output=True, text=True, timeout=300)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert 'include "snippets/home/gone.py" not found' in out and "docs/zh/index.md:" in out, out
    assert "1 failed" in out and " passed" in out and "Interrupted" not in out, out


def test_wrong_section_name_is_found_by_the_page_check(project):
    page = project / "docs" / "en" / "recipe" / "index.md"
    text = page.read_text()
    target = next(i.target for i in includes.includes(page) if i.section)
    page.write_text(text.replace(f'"{target}"', f'"{target}x"', 1))
    found = includes.check_includes(project)
    assert any(p.startswith("docs/en/recipe/index.md:") and f'include "{target}x" not found' in p
               for p in found), found


def test_page_in_one_language_only(project):
    (project / "docs" / "en" / "index.md").unlink()
    assert any(p.startswith("docs/zh/index.md:1: page has no en twin")
               for p in includes.check_twins(project))


def test_twin_pages_that_diverge(project):
    page = project / "docs" / "en" / "autograd" / "backward.md"
    page.write_text(page.read_text().replace('--8<-- "snippets/backward/inputs.py"', ""))
    found = includes.check_twins(project)
    assert any(p.startswith("docs/zh/autograd/backward.md:") and "docs/en/autograd/backward.md:"
               in p and "diverge" in p for p in found), found


def test_snippet_no_page_includes(project):
    (project / "snippets" / "backward" / "orphan.py").write_text("print(1)\n#> 1\n")
    found = includes.check_includes(project)
    assert any(p.startswith("snippets/backward/orphan.py:1: no docs/zh page includes this snippet")
               for p in found), found


def test_missing_include_fails_the_build(project, tmp_path_factory):
    page = project / "docs" / "zh" / "index.md"
    page.write_text(page.read_text().replace("snippets/home/versions.py", "snippets/home/gone.py"))
    done = build(project, tmp_path_factory)
    assert done.returncode != 0 and "snippets/home/gone.py" in done.stdout


def test_broken_internal_link_fails_the_build(project, tmp_path_factory):
    page = project / "docs" / "en" / "index.md"
    page.write_text(page.read_text() + "\nSee [nowhere](autograd/nowhere.md) and "
                    "[a bad anchor](autograd/backward.md#no-such-heading).\n")
    done = build(project, tmp_path_factory)
    assert done.returncode != 0
    assert "en/index.md" in done.stdout and "autograd/nowhere.md" in done.stdout
    assert "no-such-heading" in done.stdout


def test_link_checker_names_broken_links_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2>')
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a>\n<a href="a/#here">ok</a>\n<a href="a/#gone">bad</a>\n'
        '<img src="missing.svg" alt="x">\n<a href="https://example.org/">external</a>')
    assert links.check_site(tmp_path) == [
        "index.html:3: a/#gone: no id 'gone' in a/index.html",
        "index.html:4: missing.svg: no such file in the site"]


def test_browser_audit_names_external_requests_and_missing_alt(page, tmp_path):
    from tests.support import audit, server

    (tmp_path / "bad").mkdir()
    (tmp_path / "ok.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>')
    (tmp_path / "bad" / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>bad</title>'
        '<script src="http://example.invalid/x.js"></script></head>'
        '<body><main><h1>bad</h1><img src="../ok.svg"></main></body></html>')
    with server.serve(tmp_path) as url:
        found = audit.audit(page, url + "bad/")
    assert "request to another host: http://example.invalid/x.js" in found["clean"]
    assert "image without alt text: ../ok.svg" in found["images"]
