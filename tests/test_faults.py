"""Each kind of mistake fails, with a message that names the file and line: these tests break
a snippet, a page or a copy of the project on purpose and run the same checks on it."""
import html
import re
import subprocess

import pytest

from tests.support import expected_output, faults, pages, runner, targets
from tests.support.project import ROOT

GOOD = '''import torch

w = torch.tensor([1.0], requires_grad=True)
y = (2 + w) * (w + 1)
y.backward()
print(w.grad)
#> tensor([5.])
'''


def problems(source: str, timeout: float = runner.TIMEOUT_S) -> str:
    run = runner.run_many([runner.Job(source, "bad.py", timeout=timeout)])[0]
    return "\n".join(expected_output.check(source, run, "bad.py"))


def test_snippet_that_hangs_names_the_line():
    assert "bad.py:3: timed out after 1 s" in problems("import time\n\ntime.sleep(30)\nprint(1)\n", timeout=1)


TITLE = "must name the file it includes"
# A file of the copy, how it is broken (None: deleted), the check, and its problem: how it starts and
# what else it says.
COPY_MISTAKES = {
    "a missing include": (
        "docs/zh/index.md", lambda text: text.replace("snippets/home/versions.py", "snippets/home/version.py"),
        pages.check_includes, "docs/zh/index.md:", 'include "snippets/home/version.py" not found: '
        "there is no file snippets/home/version.py (did you mean snippets/home/versions.py?)"),
    "a wrong section name": (
        "docs/en/recipe/index.md", lambda text: text.replace(':setup"', ':setupx"'),
        pages.check_includes, "docs/en/recipe/index.md:",
        'include "snippets/recipe/train.py:setupx" not found: snippets/recipe/train.py has no section'),
    "a fence title that names another file": (
        "docs/en/index.md", lambda text: text.replace('title="snippets/home/versions.py"', 'title="x.py"'),
        pages.check_includes, "docs/en/index.md:", TITLE),
    "a snippet no page includes": ("snippets/backward/orphan.py", lambda text: "print(1)\n#> 1\n",
        pages.check_includes, "snippets/backward/orphan.py:1: no docs/zh page includes this snippet"),
    "a section marker without its partner": (
        "snippets/home/versions.py", lambda text: "# --8<-- [start:part]\n" + text,
        pages.check_includes, "snippets/home/versions.py:1: [start:part] without an [end:part]"),
    "a page in one language only": ("docs/en/index.md", lambda text: None,
        pages.check_twins, "docs/zh/index.md:1: page has no en twin"),
    "an English page without an include": (
        "docs/en/autograd/backward.md", lambda text: text.replace('--8<-- "snippets/backward/inputs.py"', ""),
        pages.check_twins, "docs/zh/autograd/backward.md:", " and docs/en/autograd/backward.md:", "diverge"),
    "an English page that drops a section": (
        "docs/en/autograd/grad.md", lambda text: re.sub(r"^## ", "", text, count=1, flags=re.M),
        pages.check_twins, "docs/zh/autograd/grad.md:", " and docs/en/autograd/grad.md:", "diverge"),
    "an English answer shown open": ("docs/en/recipe/index.md", lambda text: text.replace('    --8<-- "snippets/'
        'recipe/exercise_no_grad.py"', '--8<-- "snippets/recipe/exercise_no_grad.py"'), pages.check_twins,
        "docs/zh/recipe/index.md:", 'exercise_no_grad.py", indented 4 versus include "snippets/recipe/exer'),
    "an English formula that differs": ("docs/en/autograd/backward.md", lambda text: text.replace("(4,\\ 9)",
        "(4,\\ 8)"), pages.check_twins, "docs/zh/autograd/backward.md:", "diverge: formula", "(4,\\ 8)"),
    "a torch version typed differently": ("docs/en/index.md", lambda text: text.replace("==2.13.0 --",
        "==2.1.0 --"), pages.check_twins, "docs/zh/index.md:", "docs/en/index.md:33 diverge", "torch==2.1.0"),
    "an English table without a row": ("docs/en/index.md", lambda text: re.sub(r"^\| 3\..*\n", "", text,
        flags=re.M), pages.check_twins, "docs/zh/index.md:30 and docs/en/index.md:30 diverge: table of 5 lines"),
    "an English line left in Chinese": ("docs/en/index.md", lambda text: text + "\n忘了翻译。\n",
        pages.check_twins, "docs/en/index.md:", "in Chinese; translate it"),
    "an English figure without its class": ("docs/en/logistic/sigmoid.md", lambda text: text.replace(
        "){ .figure }", ")"), pages.check_twins, "docs/zh/logistic/sigmoid.md:33", "['.figure'] versus"),
    "a Chinese comma in English": ("docs/en/index.md", lambda text: text.replace("alone and", "alone，and"),
        pages.check_twins, "docs/en/index.md:28:", ": Chinese ， in English"),
    "an English link to another section": ("docs/en/autograd/backward.md", lambda text: text.replace(
        "tips.md#accumulate", "tips.md#inplace"), pages.check_twins, "docs/zh/autograd/backward.md:", "#inplace"),
    "an include with a space after it": ("docs/en/index.md", lambda text: text.replace('versions.py"\n',
        'versions.py" \n'), pages.check_includes, "docs/en/index.md:", 'not an include: --8<-- "<file>" alone'),
    "a fence of includes not marked python": ("docs/en/index.md", lambda text: text.replace("```python t",
        "```Python t"), pages.check_includes, "docs/en/index.md:", "a fence of includes is ```python, not"),
    "an import readers lack": ("snippets/home/versions.py", lambda text: "import yaml\n" + text,
        pages.check_includes, "snippets/home/versions.py:1: imports yaml; a reader installs only"),
    "a misspelt admonition type": ("docs/zh/autograd/graph.md", lambda text: text.replace("!!! n", "!!! "),
        pages.check_includes, "docs/zh/autograd/graph.md:46: admonition type 'ote'; use one of note"),
    "a figure no page shows": ("docs/en/logistic/sigmoid.md", lambda text: re.sub(r"!.*sigmoid_plot.*", "", text),
        pages.check_includes, "snippets/logistic/sigmoid_plot.py:1: no docs/en page shows its figure"),
    "a comment in Chinese": ("snippets/home/versions.py", lambda text: text + "# 版本\n",
        pages.check_includes, "snippets/home/versions.py:", "a comment in Chinese"),
}


@pytest.mark.parametrize("file, change, check, start, says",
                         [(*m[:4], m[4:]) for m in COPY_MISTAKES.values()], ids=COPY_MISTAKES.keys())
def test_a_mistake_in_the_pages_or_snippets_is_named(tmp_path, file, change, check, start, says):
    project = faults.copy_project(tmp_path)  # a copy of the project to break
    faults.change(project / file, change)
    found = check(project)
    assert any(p.startswith(start) and all(text in p for text in says) for p in found), found
    if TITLE not in says:  # a wrong include is the include's mistake, not its fence title's
        assert not any(TITLE in p for p in found), found


def test_mistakes_fail_their_own_tests_and_the_run_goes_on(fault_run):
    """One pytest run over a copy of the project with one mistake of each kind (tests/support/
    faults.py), its site built: each fails its own tests, named, the site is still written,
    and every other test of the run still runs, with no errors."""
    out = fault_run.output
    assert fault_run.returncode == 1, out
    for message in [
            'mistakes.md:4: include "snippets/errata/gone.py" not found: there is no file snippets/errata/gone.py',
            'mistakes.md:12: include "snippets/recipe/train.py:dataa" not found: '
            "snippets/recipe/train.py has no section [start:dataa] ... [end:dataa] (did you mean data?)",
            "mistakes.md:16: this code block continues the one at line 11, which cannot run",
            "snippets/odd/latin1.py: not UTF-8",
            'the notebook cell from "snippets/tips/where_am_i.py" raised NameError: '
            "name '__file__' is not defined",
            "docs/en/autograd/backward.md:", "a formula does not convert to MathML: \\frac{1}{\\left(",
            "autograd/backward/#no-such-heading: no id 'no-such-heading' in en/autograd/backward/index.html",
            ": code typed into the page; put it in a snippet and include it"]:
        assert message in out, f"{message!r} not in:\n{out}"
    assert re.search(r"en/index\.html:\d+: autograd/nowhere\.md: no such file in the site", out), out
    assert re.search(r"en/index\.html:\d+: images/nowhere\.png: no such file in the site", out), out
    assert re.search(r"docs/en/autograd/backward\.md:\d+: no snippet draws figures/nowhere\.svg", out), out
    summary = out.strip().splitlines()[-1]
    # exactly the mistakes' own tests fail: 12, named in the run's FAILED lines, and nothing else
    assert summary.startswith("12 failed,") and " error" not in summary and "Interrupted" not in out, summary
    assert "lock.py" not in out and "backup.py" not in out, out
    # the build warned with page and line, and wrote the site with the message in the page
    line = next(n for n, text in enumerate((ROOT / "docs/zh/index.md").read_text().split("\n"), 1)
                if '--8<-- "snippets/home/versions.py"' in text)
    built = fault_run.folder / "site"  # the run's site build: its log and the site
    log = (built / "out").read_text()
    assert (f'docs/zh/index.md:{line}: include "snippets/home/gone.py" not found: '
            "there is no file snippets/home/gone.py") in log, log
    home = re.sub(r"<[^>]+>", "", (built / "site" / "index.html").read_text(encoding="utf-8"))
    assert '# include "snippets/home/gone.py" not found' in html.unescape(home)
    backward = (built / "site" / "en" / "autograd" / "backward" / "index.html").read_text()
    assert 'class="math-error"' in backward and "\\frac{1}{\\left(" in backward
    assert not (built / "site" / "en" / "autograd" / "tips" / "tips.ipynb").exists()


# Each source is wrong in one way; the check must say so, naming bad.py and the line (all the texts given).
FOOLS = {
    "a wrong output line": (GOOD.replace("#> tensor([5.])", "#> tensor([6.])"),
                            "bad.py:6: this statement printed something else",
                            "-tensor([6.])\n+tensor([5.])"),
    "a missing output line": (GOOD.replace("#> tensor([5.])\n", ""),
                              "bad.py:6: printed output that no `#>` block accounts for"),
    "an exception": (GOOD + "y.backward()\n", "RuntimeError", 'File "bad.py", line 8', "    y.backward()"),
    "sys.stdout.write": ("import sys\nsys.stdout.write('hidden\\n')\n", "bad.py:2: printed output"),
    "pprint": ("import pprint\npprint.pprint({'a': 1})\n", "bad.py:2: printed output"),
    "os.write (C level)": ("import os\nos.write(1, b'raw\\n')\n", "bad.py:2: printed output"),
    "logging to stdout": ("import logging, sys\nlogging.basicConfig(stream=sys.stdout)\n"
                          "logging.warning('w')\n", "bad.py:3: printed output"),
    "a child process": ("import subprocess\nsubprocess.run(['echo', 'hi'])\n", "bad.py:2: printed output"),
    "a function call": ("def f():\n    print('in f')\n\n\nf()\n", "bad.py:5: printed output"),
    "end=''": ("print('a', end='')\n#> a\n", "bad.py:1: its output does not end with a newline"),
    "a bare expression": ("x = 5\nx\n#> 5\n", "a script does not echo expressions: print it"),
    "`...` for a value": ("print(f'w = {5}')\n#> w = ...\n", "bad.py:1: this statement printed something else"),
    "0.6937 for 0.6931": ("print(0.6931)\n#> 0.6937\n", "bad.py:1: this statement printed something else"),
    "5.0009 for 5": ("print(5)\n#> 5.0009\n", "bad.py:1: this statement printed something else"),
    "1000.4 for 1000": ("print(1000)\n#> 1000.4\n", "bad.py:1: this statement printed something else"),
    "tensor(3.) for tensor(3)": ("import torch\nprint(torch.tensor(3))\n#> tensor(3.)\n",
                                 "bad.py:2: this statement printed something else"),
    "1e-07 for 2e-07": ("print(2e-07)\n#> 1e-07\n", "bad.py:1: this statement printed something else"),
    "1e-05 for 0.00001": ("print(0.00001)\n#> 0.00001\n", "bad.py:1: this statement printed something else"),
    "a neighbour import": ("import train\n", "No module named 'train'"),
    "a warning on stderr": ("import warnings\nwarnings.warn('careful')\n", "bad.py: wrote to standard error",
                            "UserWarning: careful"),
    "a DeprecationWarning in __main__": ("import warnings\nwarnings.warn('old', DeprecationWarning)\n",
                                         "bad.py: wrote to standard error", "DeprecationWarning: old"),
    "a thread left running": ("import threading, time\nthreading.Thread(target=time.sleep, "
                              "args=(3,)).start()\n", "left threads running"),
    "a child left running": ("import subprocess\nsubprocess.Popen(['sleep', '3'])\n",
                             "left child processes running"),
    "output without end": ("while True:\n    print('x' * 1000)\n", "printed more than 1048576 bytes"),
    "os._exit": ("import os\nprint(1)\n#> 1\nos._exit(3)\n", "bad.py:4: the run exited with status 3"),
    "a segfault": ("import ctypes\nctypes.string_at(0)\n", "bad.py:2: the run killed by SIGSEGV"),
    "sys.exit(2)": ("import sys\nsys.exit(2)\n", "bad.py:2: SystemExit(2)"),
}


@pytest.mark.parametrize("source, messages", [(s, m) for s, *m in FOOLS.values()], ids=FOOLS.keys())
def test_the_output_check_is_not_fooled(source, messages):
    found = problems(source, timeout=20)
    assert all(message in found for message in messages), found


# The last printed digit may differ by one unit; plt.show() closes the figures, as a window would.
SHOWN = "import matplotlib.pyplot as plt\n\nplt.plot([1, 2])\nplt.show()\nprint(plt.get_fignums())\n#> []\n"


@pytest.mark.parametrize("source", [GOOD, "print(0.6931)\n#> 0.6930\n", "print(0.6931)\n#> 0.6932\n", SHOWN])
def test_a_right_snippet_passes(source):
    assert problems(source) == ""


def test_update_refuses_output_a_comment_cannot_hold():
    with pytest.raises(expected_output.SourceError, match=r"bad.py:1: printed 'a\\rb'"):
        expected_output.rewrite("print('a\\rb')\n", [(1, "a\rb\n")], "bad.py")


def test_update_writes_the_block():
    assert expected_output.rewrite("x = 1\nprint(x)\n", [(2, "1\n")], "bad.py") == \
        ("x = 1\nprint(x)\n#> 1\n", 1, 0)
    loop = "for i in range(3):\n    print(i)\n"  # one block for every pass of the loop
    assert expected_output.rewrite(loop, [(2, "0\n"), (2, "1\n"), (2, "2\n")], "bad.py") == \
        (loop + "    #> 0\n    #> 1\n    #> 2\n", 1, 0)
    assert expected_output.rewrite("print(1)\n#> 2\n", [(1, "1\n")], "bad.py") == ("print(1)\n#> 1\n", 0, 1)


WRONG_NAMES = {  # what a contributor names -> what the run must say before it runs anything
    "snippets/tips/zero_grd.py":
        "no snippet snippets/tips/zero_grd.py (did you mean snippets/tips/zero_grad.py?)",
    "snippets/nowhere": "no snippet snippets/nowhere",
    "tips.md": "no page tips.md (did you mean autograd/tips.md?)",
    "autograd/tip.md": "no page autograd/tip.md (did you mean autograd/tips.md?)",
}


@pytest.mark.parametrize("given", WRONG_NAMES)
def test_a_wrong_name_stops_with_a_message(given):
    with pytest.raises(pytest.UsageError, match=re.escape(WRONG_NAMES[given])):
        targets.page(given) if given.endswith(".md") else targets.snippets([given])


@pytest.mark.parametrize("target, argument", [  # make passes the name on, and stops
    ("check", "SNIPPETS=snippets/tips/zero_grd.py"), ("update", "SNIPPETS=snippets/tips/zero_grd.py"),
    ("page", "PAGE=autograd/tip.md")])
def test_make_with_a_wrong_name_stops_and_writes_nothing(target, argument):
    before = {p: p.stat().st_mtime_ns for p in pages.model().snippet_files(ROOT)}
    done = subprocess.run(["make", "-s", "--no-print-directory", target, argument], cwd=ROOT,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    out = done.stdout + done.stderr
    assert done.returncode != 0 and WRONG_NAMES[argument.split("=")[1]] in out, out
    assert "INTERNALERROR" not in out and "passed" not in out, out
    assert before == {p: p.stat().st_mtime_ns for p in pages.model().snippet_files(ROOT)}


def test_a_page_is_named_as_a_contributor_names_it():
    both = [ROOT / "docs" / lang / "autograd" / "tips.md" for lang in ("zh", "en")]
    for given in ("autograd/tips.md", "docs/zh/autograd/tips.md", "docs/en/autograd/tips.md"):
        assert targets.page(given) == both, given
