"""`python -m tests.support.faults OUT`: a copy of the project with one mistake of each
kind a contributor makes, its site built, then the tests that read pages, snippets and
the site run on it (tests/test_faults.py reads what each said).

OUT/project is the copy, OUT/site its site, OUT/build.log MkDocs' log (and OUT/returncode);
the tests' report goes to standard output.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support import builds
from tests.support.project import ROOT

# A page outside docs/ (the build does not see it) whose first fence includes a file that
# is not there, whose third names a section that is not there and whose fourth continues
# the third. No code of it that runs needs torch.
FENCE = '```{{.python{1} title="{0}"}}\n--8<-- "{0}{2}"\n```\n'
MISTAKES_PAGE = ("# 错误\n\n" + FENCE.format("snippets/errata/gone.py", "", "") + "\n"
                 + FENCE.format("snippets/errata/missing_hash.py", "", "") + "\n"
                 + FENCE.format("snippets/recipe/train.py", "", ":dataa") + "\n"
                 + FENCE.format("snippets/recipe/train.py", " continuation", ":model"))
FILE_NAME = 'from pathlib import Path\n\nprint(Path(__file__).name)\n#> where_am_i.py\n'
BAD_FORMULA = "\n\\[\n\\frac{1}{\\left(\n\\]\n"
BROKEN_LINKS = "\nSee [nowhere](autograd/nowhere.md) and [a bad anchor](autograd/backward.md#no-such-heading).\n"


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def make_mistakes(copy: Path) -> None:
    (copy / "mistakes.md").write_text(MISTAKES_PAGE, encoding="utf-8")
    home = copy / "docs" / "zh" / "index.md"
    home.write_text(home.read_text(encoding="utf-8").replace('--8<-- "snippets/home/versions.py"',
                                                             '--8<-- "snippets/home/gone.py"'), encoding="utf-8")
    append(copy / "docs" / "en" / "index.md", BROKEN_LINKS)
    append(copy / "docs" / "en" / "autograd" / "backward.md", BAD_FORMULA)
    (copy / "snippets" / "tips" / "where_am_i.py").write_text(FILE_NAME, encoding="utf-8")
    append(copy / "docs" / "en" / "autograd" / "tips.md",
           '\n```python title="snippets/tips/where_am_i.py"\n--8<-- "snippets/tips/where_am_i.py"\n```\n')
    odd = copy / "snippets" / "odd"
    odd.mkdir()
    (odd / "latin1.py").write_bytes("print('é')\n#> é\n".encode("latin-1"))
    (odd / "bom.py").write_bytes("\ufeffprint(1)\n#> 1\n".encode("utf-8"))
    (odd / ".#lock.py").write_text("garbage(")  # an editor's lock file
    (odd / "backup.py~").write_text("garbage(")


def copy_project(to: Path) -> Path:
    for name in ("docs", "snippets", "tests"):
        shutil.copytree(ROOT / name, to / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "pytest.ini"):
        shutil.copy(ROOT / name, to)
    (ROOT / ".cache").mkdir(exist_ok=True)
    (to / ".cache").symlink_to(ROOT / ".cache")  # the store is keyed by content: share it
    return to


def main(out: Path) -> int:
    copy = copy_project(out / "project")
    make_mistakes(copy)
    with open(out / "build.log", "wb") as log:  # read by the site fixture
        done = subprocess.run(builds.command(out / "site", copy), cwd=copy, env=builds.environment(),
                              stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    (out / "returncode").write_text(str(done.returncode))
    env = {**os.environ, "TESTS_BUILT_SITE": str(out), "PYTHONPATH": str(copy)}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider",
                           "-rfE", "mistakes.md", "tests/test_pages.py", "tests/test_build.py",
                           "tests/test_notebooks.py", "tests/test_mathml.py", "tests/test_reader.py",
                           "tests/test_snippets.py", "--snippets", "snippets/odd", "-k", "not fresh and not nothing_set"],
                          cwd=copy, env=env, stdin=subprocess.DEVNULL).returncode


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
