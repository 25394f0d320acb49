"""MkDocs hook: the figures that snippets draw, added to the site at build time.

A snippet that calls `plt.show()` draws figures. Each figure it shows becomes
`figures/<folder>/<name>.svg` (several in one run: `<name>-1.svg`,
`<name>-2.svg`, ... in the order shown). The snippet runs in a fresh Python
(`python figures.py SNIPPET OUT`, this file's second job), the SVGs are kept
in `.cache/figures/` under a hash of the snippet and the library versions,
and handed to MkDocs as generated files: nothing is written into docs/,
nothing is committed, an unchanged snippet is not run again.
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SNIPPETS = ROOT / "snippets"
CACHE = ROOT / ".cache" / "figures"
SVG_SALT = "autograd-docs"  # fixed ids inside the SVGs: the same snippet, the same bytes
TIMEOUT_S = 300
log = logging.getLogger("mkdocs.hooks.figures")


def figure_snippets() -> list[Path]:
    return sorted(p for p in SNIPPETS.rglob("*.py")
                  if "plt.show()" in p.read_text(encoding="utf-8"))


def cache_key(source: str) -> str:
    salt = f"torch {version('torch')} matplotlib {version('matplotlib')} {SVG_SALT} v2"
    return hashlib.sha256(f"{salt}\0{source}".encode()).hexdigest()[:20]


def draw(snippet: Path) -> list[Path]:
    """The snippet's figures, from the cache or drawn now: [1.svg, 2.svg, ...]."""
    folder = CACHE / cache_key(snippet.read_text(encoding="utf-8"))
    if not folder.is_dir():
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = tempfile.mkdtemp(dir=CACHE, prefix="tmp-")
        done = subprocess.run([sys.executable, __file__, str(snippet), tmp], cwd=tmp,
                              capture_output=True, text=True, timeout=TIMEOUT_S,
                              stdin=subprocess.DEVNULL, env={**os.environ, "MPLBACKEND": "Agg"})
        if done.returncode != 0:
            shutil.rmtree(tmp, ignore_errors=True)
            raise RuntimeError(f"{snippet.relative_to(ROOT)}: drawing its figures failed:\n"
                               f"{done.stderr}")
        try:
            os.replace(tmp, folder)  # atomic: a cache entry is complete or absent
        except OSError:  # another build drew it meanwhile
            shutil.rmtree(tmp, ignore_errors=True)
        log.info(f"drew {snippet.relative_to(ROOT)}")
    return sorted(folder.glob("*.svg"), key=lambda p: int(p.stem))


def site_names(snippet: Path, count: int) -> list[str]:
    stem = f"figures/{snippet.relative_to(SNIPPETS).with_suffix('').as_posix()}"
    return [f"{stem}.svg"] if count == 1 else [f"{stem}-{k}.svg" for k in range(1, count + 1)]


def on_files(files, config, **kwargs):
    from mkdocs.structure.files import File

    snippets = figure_snippets()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        drawn = list(pool.map(draw, snippets))
    for snippet, svgs in zip(snippets, drawn):
        if not svgs:
            raise RuntimeError(f"{snippet.relative_to(ROOT)}: calls plt.show() but showed no figure")
        for uri, svg in zip(site_names(snippet, len(svgs)), svgs):
            files.append(File.generated(config, uri, abs_src_path=str(svg)))
    return files


def _draw_main(snippet: str, out: str) -> None:
    """In a fresh interpreter: run the snippet, saving each figure it shows."""
    import runpy

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = SVG_SALT
    plt.rcParams["svg.fonttype"] = "none"  # text as text: a fraction of the bytes of glyph paths
    shown = []

    def show(*args, **kwargs):
        for num in plt.get_fignums():
            shown.append(Path(out, f"{len(shown) + 1}.svg"))
            plt.figure(num).savefig(shown[-1], format="svg", metadata={"Date": None},
                                    bbox_inches="tight")
        plt.close("all")

    plt.show = show
    sys.argv = [snippet]
    sys.path[0] = out  # as `python snippet.py` from an empty folder: no neighbours to import
    runpy.run_path(snippet, run_name="__main__")


if __name__ == "__main__":
    _draw_main(*sys.argv[1:])
