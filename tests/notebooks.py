"""Jupyter notebooks made from pages, so that their code is the snippets' code.

A page listed in NOTEBOOKS becomes `<page folder>/notebook.ipynb` in each
language: its prose becomes markdown cells, its code fences (includes
expanded, `#>` lines dropped: the outputs are real) become code cells. The
notebook is executed with nbclient and cached under .cache/notebooks, keyed by
its content and the library versions, so an unchanged page is not run again.
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import jupytext
import nbformat

from tests import pages

NOTEBOOKS = {"recipe/index.md": "recipe/notebook.ipynb"}  # page -> notebook, per language
TIMEOUT_S = 300
LINK = re.compile(r"(?<!!)\[([^\]]+)\]\([^)]+\)")  # [text](target), not images
IMAGE_LINE = re.compile(r"^!\[.*\]\(.*\)(\{[^}]*\})?\s*$", re.M)
FENCE_INFO = re.compile(r"^```\{?\.?python[^\n]*$", re.M)


def page_to_notebook(root: Path, lang: str, page: str) -> nbformat.NotebookNode:
    text = pages.expand(root, (root / "docs" / lang / page).read_text(encoding="utf-8"))
    text = IMAGE_LINE.sub("", text)  # the code cells draw the figures themselves
    text = LINK.sub(r"\1", text)  # site-relative links mean nothing inside a notebook
    text = FENCE_INFO.sub("```python", text)
    # Jupyter's markdown reads \( as an escaped parenthesis: use $ delimiters.
    text = re.sub(r"\\\((.+?)\\\)", r"$\1$", text)
    text = re.sub(r"\\\[(.+?)\\\]", r"$$\1$$", text, flags=re.S)
    text = re.sub(r"^[ \t]*#>.*\n", "", text, flags=re.M)
    nb = jupytext.reads(text, fmt="md")
    title = nb.cells[0].source.splitlines()[0]
    if title.startswith("# "):  # the notebook's page needs a title of its own in the nav
        nb.cells[0].source = nb.cells[0].source.replace(title, title + " (Jupyter notebook)", 1)
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                  "language": "python"},
                   "language_info": {"name": "python"}}
    for i, cell in enumerate(nb.cells):
        cell.metadata = {}
        cell.id = f"cell-{i}"  # stable ids: the same page gives the same notebook
    return nb


def cache_key(nb: nbformat.NotebookNode) -> str:
    from tests.forkrun import library_versions

    salt = f"{library_versions()} v2"
    return hashlib.sha256((salt + nbformat.writes(nb)).encode()).hexdigest()[:20]


def execute(nb: nbformat.NotebookNode, cwd: Path) -> nbformat.NotebookNode:
    from nbclient import NotebookClient

    # The kernel draws figures inline, whatever backend the caller chose.
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    NotebookClient(nb, timeout=TIMEOUT_S, kernel_name="python3", allow_errors=False,
                   resources={"metadata": {"path": str(cwd)}},
                   # only what the code prints: no `Out[ ]` echo of a last expression
                   extra_arguments=["--InteractiveShell.ast_node_interactivity=none"]
                   ).execute(env=env)
    for cell in nb.cells:  # no run-dependent metadata in the result
        cell.metadata = {}
        if cell.cell_type == "code":
            cell.execution_count = None
            for out in cell.get("outputs", []):
                out.pop("execution_count", None)
                if "execution_count" in out:
                    out.execution_count = None
    return nb


def build(root: Path, lang: str, page: str, cache: Path) -> Path:
    """The executed notebook for one page in one language (from cache when unchanged)."""
    nb = page_to_notebook(root, lang, page)
    path = cache / cache_key(nb) / Path(NOTEBOOKS[page]).name  # the name readers download
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # The snippets import each other (`from train import ...`) from their folder.
        folders = {Path(i.path).parent for i in pages.includes(root / "docs" / lang / page)}
        cwd = root / sorted(folders)[0] if folders else root
        executed = execute(nb, cwd)
        tmp = path.with_suffix(".tmp")
        nbformat.write(executed, tmp)
        tmp.replace(path)
    return path
