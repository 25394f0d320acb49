"""`python -m tests.support.faults OUT`: a copy of the project (OUT/project) with one mistake
of each kind a contributor makes, and the tests that read pages, snippets and the site run on
it, reporting to standard output (tests/test_faults.py reads what each said, and the site they
built: OUT/site/site, MkDocs' log in OUT/site/out)."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.project import ROOT

# A page outside docs/ (the build does not see it) whose first fence includes a file that
# is not there, whose third names a section that is not there and whose fourth continues
# the third. No code of it that runs needs torch.
FENCE = '```{{.python{1} title="{0}"}}\n--8<-- "{0}{2}"\n```\n'
MISTAKES_PAGE = "# 错误\n\n" + "\n".join(FENCE.format(*fence) for fence in [
    ("snippets/errata/gone.py", "", ""), ("snippets/errata/missing_hash.py", "", ""),
    ("snippets/recipe/train.py", "", ":dataa"), ("snippets/recipe/train.py", " continuation", ":model")])
WHERE_AM_I = '```python title="snippets/tips/where_am_i.py"\n--8<-- "snippets/tips/where_am_i.py"\n```\n'
TYPED = "```text\nx = 1\n#> 1\n```\n"  # output typed by hand, which nothing would check
MISTAKES = {  # a file of the copy: its text made from the one it has
    "mistakes.md": lambda text: MISTAKES_PAGE,
    "docs/zh/index.md": lambda text: text.replace('--8<-- "snippets/home/versions.py"',
                                                  '--8<-- "snippets/home/gone.py"'),
    "docs/en/index.md": lambda text: text + "\nSee [nowhere](autograd/nowhere.md) and "
                                            "[a bad anchor](autograd/backward.md#no-such-heading).\n"
                                            "\n![a missing image](images/nowhere.png)\n",
    "docs/en/autograd/backward.md": lambda text: text + "\n\\[\n\\frac{1}{\\left(\n\\]\n\n![x](../figures/nowhere.svg)\n",
    "snippets/tips/where_am_i.py": lambda text: "from pathlib import Path\n\nprint(Path(__file__).name)\n"
                                                "#> where_am_i.py\n",
    "docs/en/autograd/tips.md": lambda text: text + "\n" + WHERE_AM_I + "\n" + TYPED,
    "snippets/odd/bom.py": lambda text: "\ufeffprint(1)\n#> 1\n",
    "snippets/odd/backup.py~": lambda text: "garbage(",
}


def change(path: Path, how) -> None:
    """Write how(its text) into path ("" if there is none); how returning None deletes it."""
    text = how(path.read_text(encoding="utf-8") if path.exists() else "")
    if text is None:
        path.unlink()
    else:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")


def copy_project(copy: Path) -> Path:
    for name in ("docs", "snippets", "tests"):  # the tests run on a copy need no Node tools
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
    for name in ("mkdocs.yml", "pytest.ini"):
        shutil.copy(ROOT / name, copy)
    return copy


def main(out: Path) -> int:
    copy = copy_project(out / "project")
    (ROOT / ".cache").mkdir(exist_ok=True)
    (copy / ".cache").symlink_to(ROOT / ".cache")  # the store is keyed by content: share it
    for name, how in MISTAKES.items():
        change(copy / name, how)
    (copy / "snippets" / "odd" / "latin1.py").write_bytes("print('é')\n#> é\n".encode("latin-1"))
    (copy / "snippets" / "odd" / ".#lock.py").symlink_to("user@host.1234")  # an editor's lock: dangling
    env = {**os.environ, "TESTS_BACKGROUND_DIR": str(out), "PYTHONPATH": str(copy)}
    tests = ["tests/test_pages.py", "tests/test_build.py", "tests/test_notebooks.py", "tests/test_reader.py",
             "tests/test_snippets.py"]  # no mistake can fail test_mathml.py or the figure check
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "-rfE", "mistakes.md", *tests, "--snippets", "snippets/odd",
                           "-k", "not fresh and not nothing_set",
                           "--deselect", "tests/test_build.py::test_figures_are_reproducible"],
                          cwd=copy, env=env, stdin=subprocess.DEVNULL).returncode


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
