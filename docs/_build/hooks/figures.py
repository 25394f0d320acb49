"""MkDocs hook: the figures that snippets draw (`plt.show()`), made at build time, kept in
the store and given to MkDocs as generated files, never written into docs/. The snippet runs
in a fresh Python (`python figures.py SNIPPET OUT`) with this file as its matplotlib backend,
whose show() saves each figure and its dark variant (transparent, lightness inverted). A page's
figure becomes the pair Material shows by palette (`#only-light`, `#only-dark`), with width and height."""
import colorsys
import io
import logging
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pages
import store

ROOT = Path(__file__).resolve().parents[3]
TIMEOUT_S = 300
log = logging.getLogger("mkdocs.hooks.figures")


def figure_snippets() -> list[Path]:
    return [p for p in pages.snippet_files(ROOT)
            if pages.SHOWS.search(p.read_text(encoding="utf-8", errors="replace"))]


def draw(snippet: Path) -> Path:
    """The folder of the snippet's figures, from the store or drawn now: 1.svg, 2.svg, ...
    (each with its dark variant beside it: 1.dark.svg, ...)."""
    def make(folder: Path):
        done = subprocess.run([sys.executable, __file__, str(snippet), str(folder)], cwd=folder,
                              capture_output=True, text=True, timeout=TIMEOUT_S,
                              stdin=subprocess.DEVNULL, env={**os.environ, "MPLBACKEND": "Agg"})
        if done.returncode != 0:
            raise RuntimeError(f"{snippet.relative_to(ROOT)}: drawing its figures failed:\n{done.stderr}")
        log.info(f"drew {snippet.relative_to(ROOT)}")

    return store.entry("figures", [snippet.read_text(encoding="utf-8"),
                                   Path(__file__).read_text(encoding="utf-8")], make)


def site_files(snippet: Path, drawn: Path) -> list[tuple[str, Path]]:
    """(URI in the site, file) of each figure in the folder `drawn` (1.svg, 2.svg, ...), then of its
    dark variant: figures/<folder>/<name>.svg and <name>.dark.svg, or <name>-1.svg, ... for several."""
    svgs = sorted((p for p in drawn.glob("*.svg") if p.stem.isdigit()), key=lambda p: int(p.stem))
    stem = f"figures/{snippet.relative_to(ROOT / 'snippets').with_suffix('').as_posix()}"
    names = [stem] if len(svgs) == 1 else [f"{stem}-{k}" for k in range(1, len(svgs) + 1)]
    return [(f"{name}{variant}.svg", svg.with_suffix(f"{variant}.svg"))
            for name, svg in zip(names, svgs) for variant in ("", ".dark")]


def on_files(files, config, **kwargs):
    from mkdocs.structure.files import File

    snippets = figure_snippets()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        drawn = list(pool.map(draw, snippets))
    for snippet, folder in zip(snippets, drawn):
        if not (found := site_files(snippet, folder)):
            raise RuntimeError(f"{snippet.relative_to(ROOT)}: calls plt.show() but showed no figure")
        for uri, svg in found:
            files.append(File.generated(config, uri, abs_src_path=str(svg)))


def svg_size(svg: Path) -> tuple[int, int]:
    """The width and height of a matplotlib SVG (in pt) as CSS pixels."""
    head = svg.read_text(encoding="utf-8")[:2000]
    if not (found := re.search(r'<svg[^>]*\swidth="([\d.]+)pt"\s+height="([\d.]+)pt"', head)):
        raise RuntimeError(f"{svg}: no width and height in pt")
    return tuple(round(float(v) * 96 / 72) for v in found.groups())


# ![alt](<any path>/figures/<folder>/<name>.svg){ attributes }
FIGURE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]*?figures/(?P<name>[^)\s]+?))\.svg\)"
                    r"(?:\{(?P<attrs>[^}]*)\})?")


def on_page_markdown(markdown: str, page, config, files, **kwargs):
    def pair(m):
        drawn = files.get_file_from_path(f"figures/{m['name']}.svg")
        if drawn is None or m["name"].endswith(".dark"):  # a dark variant comes with its figure
            line = markdown.count("\n", 0, m.start()) + 1  # a warning: `mkdocs serve` goes on
            log.warning(f"docs/{page.file.src_uri}:{line}: no snippet draws figures/{m['name']}.svg")
            return m[0]
        width, height = svg_size(Path(drawn.abs_src_path))
        attrs = " ".join(a for a in (m["attrs"] or "").split() if a != "loading=lazy")
        attrs = f"{{ {attrs} width={width} height={height} loading=lazy }}".replace("{  ", "{ ")
        return f"![{m['alt']}]({m['src']}.svg#only-light){attrs} ![{m['alt']}]({m['src']}.dark.svg#only-dark){attrs}"

    return FIGURE.sub(pair, markdown)


def show(*args, **kwargs):
    """pyplot.show() of the drawing process: each open figure saved as OUT/<k>.svg and <k>.dark.svg."""
    for num in plt.get_fignums():
        figure, light = plt.figure(num), OUT / f"{len(list(OUT.glob('*.dark.svg'))) + 1}.svg"
        figure.savefig(light, format="svg", metadata={"Date": None}, bbox_inches="tight")
        drawn = io.StringIO()
        figure.savefig(drawn, format="svg", metadata={"Date": None}, bbox_inches="tight", transparent=True)
        light.with_suffix(".dark.svg").write_text(dark_svg(drawn.getvalue()), encoding="utf-8")
    plt.close("all")


HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b")
# Lightness after inversion is kept between these: black text becomes light grey,
# white boxes become a dark grey just off Material's slate background.
DARKEST, LIGHTEST = 0.13, 0.9


def dark_colour(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    h, lightness, s = colorsys.rgb_to_hls(r, g, b)
    inverted = LIGHTEST - lightness * (LIGHTEST - DARKEST)
    # A saturated mid-tone is ink (a line, a label), readable on dark as it is: never darker.
    ink = s > 0.25 and 0.3 <= lightness <= 0.7
    lightness = max(lightness, inverted) if ink else inverted
    return "#" + "".join(f"{round(c * 255):02x}" for c in colorsys.hls_to_rgb(h, lightness, s))


def dark_svg(svg: str) -> str:
    """A matplotlib SVG (transparent background) for a dark page."""
    svg = HEX_COLOUR.sub(lambda m: dark_colour(m[0]), svg)
    # matplotlib leaves black out (SVG's default fill): make the default the light grey.
    return re.sub(r"<svg\b", f'<svg fill="{dark_colour("#000000")}"', svg, count=1)


if __name__ == "__main__":  # python figures.py SNIPPET OUT: the snippet run, this file its backend
    import runpy

    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_agg import FigureCanvasAgg as FigureCanvas  # noqa: F401 (the backend's)

    snippet, OUT = sys.argv[1], Path(sys.argv[2])
    plt.rcParams["svg.hashsalt"] = "autograd-docs"  # fixed ids in the SVGs: the same snippet, the same bytes
    plt.rcParams["svg.fonttype"] = "none"  # text as text: a fraction of the bytes of glyph paths
    # This file is the module "__main__" until the snippet runs: pyplot takes its show() now.
    plt.switch_backend("module://__main__")
    sys.argv = [snippet]
    sys.path[0] = str(OUT)  # as `python snippet.py` from an empty folder: no neighbours to import
    runpy.run_path(snippet, run_name="__main__")
