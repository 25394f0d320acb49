"""MkDocs hooks (mkdocs.yml `hooks:`): figures drawn by snippets, at build time.

A snippet that ends in `plt.show()` draws the figure `figures/<chapter>/<name>.svg`.
The hook runs it (forked, see tests/forkrun.py), keeps the SVG in
`.cache/figures/`, keyed by a hash of the snippet and the library versions, and
hands it to MkDocs as a generated file: nothing is written into docs/, nothing
is committed, and an unchanged snippet is not run again.
"""
from __future__ import annotations

import hashlib
import logging
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # MkDocs loads this file by path: make `tests` importable
from tests import forkrun  # noqa: E402

CACHE = ROOT / ".cache" / "figures"
log = logging.getLogger("mkdocs.hooks.figures")


def figure_snippets() -> list[Path]:
    return sorted(p for p in (ROOT / "snippets").rglob("*.py")
                  if "plt.show()" in p.read_text(encoding="utf-8"))


def cache_key(source: str) -> str:
    import matplotlib
    import torch

    salt = f"{torch.__version__} {matplotlib.__version__} {forkrun.SVG_SALT} v1"
    return hashlib.sha256((salt + "\0" + source).encode()).hexdigest()[:20]


def render_figures() -> dict[str, Path]:
    """{'figures/<chapter>/<name>.svg': cached file}, running only what changed."""
    forkrun.preload()
    wanted, todo = {}, []
    for snippet in figure_snippets():
        rel = snippet.relative_to(ROOT / "snippets").with_suffix(".svg")
        cached = CACHE / f"{cache_key(snippet.read_text(encoding='utf-8'))}.svg"
        wanted[f"figures/{rel.as_posix()}"] = cached
        if not cached.exists():
            todo.append((snippet, cached))
    if todo:
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            jobs = []
            for i, (snippet, _) in enumerate(todo):
                out = Path(tmp) / str(i)
                out.mkdir()
                jobs.append(forkrun.job_for_file(str(snippet.relative_to(ROOT)), str(out)))
            for (snippet, cached), job, run in zip(todo, jobs, forkrun.run_many(jobs)):
                name = snippet.relative_to(ROOT)
                if run.error:
                    raise RuntimeError(f"{name}: drawing its figure failed:\n{run.error}")
                if len(run.figures) != 1:
                    raise RuntimeError(f"{name}: plt.show() must show exactly one figure, "
                                       f"it showed {len(run.figures)}")
                shutil.copy(run.figures[0], cached)
                log.info(f"drew {name}")
    return wanted


@event_priority(-200)  # after mkdocs-static-i18n (-100) has sorted the files by language
def on_files(files: Files, config, **kwargs):
    for uri, path in render_figures().items():
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files
