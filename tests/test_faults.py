"""Each kind of mistake fails, with a message that names the file and line.

These break a snippet, a page or a copy of the project on purpose and run the
same checks on it."""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import early, expected_output, html_checker, includes, links, parsed, runner
from tests.support.builds import site_build
from tests.support.project import ROOT

GOOD = '''import torch

w = torch.tensor([1.0], requires_grad=True)
y = (2 + w) * (w + 1)
y.backward()
print(w.grad)
#> tensor([5.])
'''


def copy_project(to: Path) -> Path:
    """A copy of the project's site sources to break, at `to`."""
    for name in ("docs", "snippets", "tests"):
        shutil.copytree(ROOT / name, to / name,
                        ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
    for name in ("mkdocs.yml", "pytest.ini"):
        shutil.copy(ROOT / name, to)
    # Figures and notebooks are cached by content: share them, do not redo them.
    (ROOT / ".cache").mkdir(exist_ok=True)
    (to / ".cache").symlink_to(ROOT / ".cache")
    return to


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path)


def broken(folder: Path, *mistakes) -> Path:
    """A copy of the project in folder/project, with each mistake(copy) made in it."""
    copy = copy_project(folder / "project")
    for mistake in mistakes:
        mistake(copy)
    return copy


def replace_in(path: str, old: str, new: str):
    def mistake(copy: Path) -> None:
        text = (copy / path).read_text(encoding="utf-8")
        assert old in text, f"{path}: {old!r} not found: the fault test needs updating"
        (copy / path).write_text(text.replace(old, new), encoding="utf-8")
    return mistake


missing_include = replace_in("docs/zh/index.md", "snippets/home/versions.py", "snippets/home/gone.py")


def broken_links(copy: Path) -> None:
    page = copy / "docs" / "en" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [nowhere](autograd/nowhere.md) and "
                    "[a bad anchor](autograd/backward.md#no-such-heading).\n", encoding="utf-8")


def odd_files(copy: Path) -> None:
    folder = copy / "snippets" / "odd"
    folder.mkdir()
    (folder / "latin1.py").write_bytes("print('é')\n#> é\n".encode("latin-1"))
    (folder / "bom.py").write_bytes("\ufeffprint(1)\n#> 1\n".encode("utf-8"))
    (folder / ".#lock.py").write_text("garbage(")  # an editor's lock file
    (folder / "backup.py~").write_text("garbage(")


def problems(source: str, timeout: float = runner.TIMEOUT_S) -> str:
    runner.preload()
    run = runner.run_one(runner.Job(source, "bad.py", timeout=timeout))
    found = [run.error] if run.error else []
    found += [f"stderr: {run.stderr}"] if run.stderr else []
    return "\n".join(found + expected_output.compare(source, run.chunks, "bad.py"))


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


def test_missing_include_fails_its_fence_and_the_page_check(project):
    missing_include(project)
    found = includes.check_includes(project)
    assert any(p.startswith("docs/zh/index.md:") and 'include "snippets/home/gone.py" not found'
               in p for p in found), found


def page_with_a_missing_include(copy: Path) -> None:
    """A page whose first fence includes a file that is not there, whose third names a
    section that is not there and whose fourth continues the third (no code that runs
    needs torch: the run that checks it stays short)."""
    fence = '```{{.python{1} title="{0}"}}\n--8<-- "{0}{2}"\n```\n'
    (copy / "docs" / "zh" / "mistakes.md").write_text(
        "# 错误\n\n" + fence.format("snippets/errata/gone.py", "", "") + "\n"
        + fence.format("snippets/errata/missing_hash.py", "", "") + "\n"
        + fence.format("snippets/recipe/train.py", "", ":dataa") + "\n"
        + fence.format("snippets/recipe/train.py", " continuation", ":model"), encoding="utf-8")


def pytest_run_with_mistakes(folder: Path):
    copy = broken(folder, page_with_a_missing_include, odd_files)
    return early.popen([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-rf",
                        "docs/zh/mistakes.md", "tests/test_snippets.py", "-k", "not fresh_interpreter",
                        "--snippets", "snippets/odd"], folder, cwd=copy)


@early.command(pytest_run_with_mistakes)
def test_mistakes_fail_their_own_tests_and_the_run_goes_on():
    """One pytest run over a copy of the project with mistakes in a page and in snippet
    files: each fails its own test, named, and every other test of the run still runs."""
    done = early.result(pytest_run_with_mistakes)
    out = done.text("out")
    assert done.returncode == 1, out
    assert ('docs/zh/mistakes.md:4: include "snippets/errata/gone.py" not found: '
            "there is no file snippets/errata/gone.py") in out, out
    assert ('docs/zh/mistakes.md:12: include "snippets/recipe/train.py:dataa" not found: '
            "snippets/recipe/train.py has no section [start:dataa] ... [end:dataa]") in out, out
    assert ("docs/zh/mistakes.md:16: this code block continues the one at line 11, "
            "which cannot run") in out, out
    assert "snippets/odd/latin1.py: not UTF-8" in out, out
    # Failed: those three fences and latin1.py. Passed: the page's second fence, bom.py
    # (lock and backup files are not snippets) and the selection checks.
    assert re.search(r"\b4 failed, [3-9] passed", out) and "Interrupted" not in out, out
    assert "lock.py" not in out and "backup.py" not in out, out


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


def build_with_missing_include(folder: Path):
    return site_build(root=broken(folder, missing_include))(folder)


def build_with_broken_links(folder: Path):
    return site_build(root=broken(folder, broken_links))(folder)


@early.command(build_with_missing_include)
def test_missing_include_fails_the_build():
    """--strict fails, naming the page and line (docs/_build/hooks/includes.py); the build
    goes on and the page shows what is wrong where the code would be."""
    done = early.result(build_with_missing_include)
    out = done.text("out")
    assert done.returncode != 0, out
    home = re.sub(r"<[^>]+>", "", (done.folder / "site" / "index.html").read_text(encoding="utf-8"))
    assert '# include "snippets/home/gone.py" not found' in html.unescape(home), home
    line = next(n for n, text in enumerate((ROOT / "docs/zh/index.md").read_text().split("\n"), 1)
                if '--8<-- "snippets/home/versions.py"' in text)
    assert (f'docs/zh/index.md:{line}: include "snippets/home/gone.py" not found: '
            "there is no file snippets/home/gone.py") in out, out


@early.command(build_with_broken_links)
def test_broken_internal_link_fails_the_build():
    done = early.result(build_with_broken_links)
    out = done.text("out")
    assert done.returncode != 0, out
    assert "en/index.md" in out and "autograd/nowhere.md" in out, out
    assert "no-such-heading" in out, out


def test_link_checker_names_broken_links_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2>')
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a>\n<a href="a/#here">ok</a>\n<a href="a/#gone">bad</a>\n'
        '<img src="missing.svg" alt="x">\n<a href="https://example.org/">external</a>')
    assert links.check_site(tmp_path) == [
        "index.html:3: a/#gone: no id 'gone' in a/index.html",
        "index.html:4: missing.svg: no such file in the site"]


def html_check_of_a_bad_page(folder: Path):
    """The HTML checker (a JVM: seconds) on a page with an error on its line 2."""
    (folder / "site" / "a").mkdir(parents=True)
    (folder / "site" / "a" / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>a</title></head>\n<body><p><div></p></body></html>')
    with open(folder / "stdout", "wb") as out, open(folder / "stderr", "wb") as err:
        return subprocess.Popen(early.niced(html_checker.command(folder / "site")), stdout=out, stderr=err,
                                stdin=subprocess.DEVNULL)


@early.command(html_check_of_a_bad_page)
def test_html_checker_names_the_page_line_and_error():
    done = early.result(html_check_of_a_bad_page)
    found = html_checker.errors(done.folder / "site", done.text("stdout"), done.returncode, done.text("stderr"))
    assert list(found) == ["a/index.html"] and found["a/index.html"][0].startswith("2:"), found
    assert "No “p” element in scope" in found["a/index.html"][0], found


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


# Issue: the output check cannot be fooled. Each source below is wrong in one
# way; the check must say so, naming bad.py and the line.
FOOLS = {
    "sys.stdout.write": ("import sys\nsys.stdout.write('hidden\\n')\n", "bad.py:2: printed output"),
    "pprint": ("import pprint\npprint.pprint({'a': 1})\n", "bad.py:2: printed output"),
    "os.write (C level)": ("import os\nos.write(1, b'raw\\n')\n", "bad.py:2: printed output"),
    "logging to stdout": ("import logging, sys\nlogging.basicConfig(stream=sys.stdout)\n"
                          "logging.warning('w')\n", "bad.py:3: printed output"),
    "a child process": ("import subprocess\nsubprocess.run(['echo', 'hi'])\n",
                        "bad.py:2: printed output"),
    "a function call": ("def f():\n    print('in f')\n\n\nf()\n", "bad.py:5: printed output"),
    "end=''": ("print('a', end='')\n#> a\n", "bad.py:1: its output does not end with a newline"),
    "a bare expression": ("x = 5\nx\n#> 5\n", "a script does not echo expressions: print it"),
    "`...` for a whole line": ("print(1)\n#> ...\n", "bad.py:2: `...` alone cannot stand"),
    "0.6937 for 0.6931": ("print(0.6931)\n#> 0.6937\n", "bad.py:1: this statement printed something else"),
    "5.0009 for 5": ("print(5)\n#> 5.0009\n", "bad.py:1: this statement printed something else"),
    "1000.4 for 1000": ("print(1000)\n#> 1000.4\n", "bad.py:1: this statement printed something else"),
    "tensor(3.) for tensor(3)": ("import torch\nprint(torch.tensor(3))\n#> tensor(3.)\n",
                                 "bad.py:2: this statement printed something else"),
    "1e-07 for 2e-07": ("print(2e-07)\n#> 1e-07\n", "bad.py:1: this statement printed something else"),
    "1e-05 for 0.00001": ("print(0.00001)\n#> 0.00001\n", "bad.py:1: this statement printed something else"),
    "a neighbour import": ("import train\n", "No module named 'train'"),
    "a warning on stderr": ("import warnings\nwarnings.warn('careful')\n", "stderr: "),
    "a DeprecationWarning in __main__": ("import warnings\nwarnings.warn('old', DeprecationWarning)\n",
                                         "stderr: "),
    "a thread left running": ("import threading, time\nthreading.Thread(target=time.sleep, "
                              "args=(3,)).start()\n", "left threads running"),
    "a child left running": ("import subprocess\nsubprocess.Popen(['sleep', '3'])\n",
                             "left child processes running"),
    "output without end": ("while True:\n    print('x' * 1000)\n", "printed more than 1048576 bytes"),
    "os._exit": ("import os\nprint(1)\n#> 1\nos._exit(3)\n", "bad.py:4: the run exited with status 3"),
    "a segfault": ("import ctypes\nctypes.string_at(0)\n", "bad.py:2: the run killed by SIGSEGV"),
    "sys.exit(2)": ("import sys\nsys.exit(2)\n", "bad.py:2: SystemExit(2)"),
}


@pytest.mark.parametrize("source, message", FOOLS.values(), ids=FOOLS.keys())
def test_the_output_check_is_not_fooled(source, message):
    assert message in problems(source, timeout=20)


def test_the_last_digit_may_differ_by_one_unit():
    assert problems("print(0.6931)\n#> 0.6930\n") == ""
    assert problems("print(0.6931)\n#> 0.6932\n") == ""


def test_update_refuses_output_a_comment_cannot_hold():
    with pytest.raises(expected_output.SourceError, match=r"bad.py:1: printed 'a\\rb'"):
        expected_output.rewrite("print('a\\rb')\n", [(1, "a\rb\n")], "bad.py")


def test_update_writes_the_block(tmp_path):
    assert expected_output.rewrite("x = 1\nprint(x)\n", [(2, "1\n")], "bad.py") == \
        "x = 1\nprint(x)\n#> 1\n"
    loop = "for i in range(3):\n    print(i)\n"  # one block for every pass of the loop
    assert expected_output.rewrite(loop, [(2, "0\n"), (2, "1\n"), (2, "2\n")], "bad.py") == \
        loop + "    #> 0\n    #> 1\n    #> 2\n"


def test_a_traceback_shows_the_line_that_raised():
    assert "    y.backward()" in problems(GOOD + "y.backward()\n")


def empty_folder(copy: Path) -> None:
    (copy / "snippets" / "empty").mkdir()


def check_of(path: str):
    """A start function: `make check SNIPPETS=<path>` in a copy of the project with an empty
    snippet folder."""
    def start(folder: Path):
        return early.popen([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly",
                            "tests/test_snippets.py", "-k", "not fresh_interpreter",
                            "--snippets", path], folder, cwd=broken(folder, empty_folder))
    return start


CHECK_EMPTY, CHECK_MISSING = check_of("snippets/empty"), check_of("snippets/missing")


@early.command(CHECK_EMPTY)
@early.command(CHECK_MISSING)
def test_check_of_an_empty_or_missing_path_fails():
    for check in (CHECK_EMPTY, CHECK_MISSING):
        done = early.result(check)
        assert done.returncode != 0 and "no snippet found" in done.text("out"), done.text("out")


def test_fence_title_must_name_its_file(project):
    page = project / "docs" / "en" / "index.md"
    page.write_text(page.read_text().replace('title="snippets/home/versions.py"',
                                              'title="snippets/home/other.py"'))
    assert any(p.startswith("docs/en/index.md:") and "must name the file it includes" in p
               for p in includes.check_includes(project))


def test_section_marker_without_its_partner(project):
    snippet = project / "snippets" / "home" / "versions.py"
    snippet.write_text("# --8<-- [start:part]\n" + snippet.read_text())
    assert "snippets/home/versions.py:1: [start:part] without an [end:part]" in \
        [p.removeprefix(str(project) + "/") for p in includes.check_includes(project)]


def test_english_page_that_drops_a_section(project):
    page = project / "docs" / "en" / "autograd" / "grad.md"
    text = page.read_text()
    heading = next(line for line in text.splitlines() if line.startswith("## "))
    page.write_text(text.replace(heading, heading.replace("## ", "")))
    assert any("docs/en/autograd/grad.md" in p and "diverge" in p for p in includes.check_twins(project))


def test_typed_output_outside_a_checked_block():
    html = ('<div class="md-content"><div class="highlight"><pre><code>x = 1\n#&gt; 1\n'
            '</code></pre></div></div>')
    assert parsed.copied_blocks(html) == [("", "x = 1\n#> 1\n")]  # untitled: flagged by test_reader


def test_repository_links_fail_loudly_when_the_markup_changes():
    """docs/_build/hooks/repository.py links the titles pymdownx.superfences writes; if
    their markup changes, the build stops instead of leaving them unlinked."""
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    from tests.support.project import config, hook

    page = SimpleNamespace(markdown='```{.python title="snippets/home/versions.py"}\n```\n',
                           file=SimpleNamespace(src_uri="zh/index.md"))
    renamed = '<div class="title">snippets/home/versions.py</div><pre><code></code></pre>'
    with pytest.raises(PluginError, match=r"docs/zh/index.md: 1 code blocks .* but 0 .* TITLE"):
        hook("repository").on_page_content(renamed, page=page, config=config())
