"""Timings and sizes, printed one per line as `name: value` (medians of --runs).

    python -m tests.support.bench            # everything (make bench)
    python -m tests.support.bench --quick    # skip the full test run and Lighthouse

import_s              a cold `python -c "import torch, matplotlib.pyplot"`: the unit
snippets_check_s      `make check`: every snippet's output checked (pytest tests/test_snippets.py),
                      warm: the runs kept from an earlier test run (tests/support/results.py)
snippets_over_import  their ratio (goal: at most 1.5)
snippets_check_uncached_s, snippets_uncached_over_import
                      the same with nothing kept (-p no:cacheprovider): every snippet runs,
                      as on a fresh clone or after an upgrade
make_test_s           the whole test run, warm: the build's caches and the kept results
                      full, nothing changed (goal: under 40 s)
make_test_uncached_s  the whole test run with nothing kept (-p no:cacheprovider; the build's
                      caches full): every snippet, page and figure checked again
mkdocs_build_cold_s   both languages, the build's caches emptied (figures, notebooks, MathML,
                      and what docs/_build/hooks/cache.py keeps)
mkdocs_build_warm_s   both languages, caches full (goal: under 3 s)
serve_reload_s        `mkdocs serve`: from saving a page to the rebuilt site (goal: under 2 s)
bytes[<page>]         bytes transferred on a first load, gzip as on GitHub Pages; the search
                      index loads when search is first used, so it does not count
bytes_max             the heaviest page (goal: under 150 KB)
lighthouse[<page>]    Lighthouse on every page of both languages, mobile profile:
                      performance accessibility best-practices (goals: >= 95, 100, 100)
lighthouse_min_*      the lowest score of each category over all pages
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.support import builds
from tests.support.project import ROOT

NODE_MODULES = ROOT / "tests" / "node_modules"  # lighthouse is pinned in tests/package.json
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices")


# As the Makefile runs pytest (see PYTEST there).
PYTEST_ENV = {**os.environ, "GLIBC_TUNABLES": "glibc.malloc.hugetlb=1"}


def timed(cmd: list[str], runs: int, before=None, warm_up: bool = False, **kwargs) -> float:
    """Median seconds of `runs` runs of cmd (after one untimed run if warm_up: it
    fills the caches)."""
    times = []
    if warm_up:
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, **kwargs)
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, **kwargs)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(name: str, value) -> None:
    print(f"{name}: {value:.2f}" if isinstance(value, float) else f"{name}: {value}", flush=True)


def serve_reload(runs: int) -> float:
    """Seconds from touching a page to `mkdocs serve` having rebuilt the site."""
    import queue
    import socket
    import threading

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload",
                                "--dev-addr", f"127.0.0.1:{port}"], cwd=ROOT, text=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stderr],
                     daemon=True).start()

    def wait_for(text: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while text not in lines.get(timeout=max(0.1, deadline - time.monotonic())):
            pass

    page = ROOT / "docs" / "en" / "glossary.md"
    times = []
    try:
        wait_for("Serving on")
        for _ in range(runs):
            time.sleep(1)  # let the watcher settle
            start = time.perf_counter()
            page.touch()
            wait_for("Documentation built in")
            times.append(time.perf_counter() - start)
    finally:
        process.terminate()
        process.wait()
    return statistics.median(times)


def page_bytes(site: Path, base: str) -> dict[str, int]:
    """Bytes transferred per page on a first load (empty cache), gzip on."""
    from playwright.sync_api import sync_playwright

    from tests.support import audit, server

    sizes = {}
    with server.serve(site, base) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=audit.CHROMIUM, args=audit.FLAGS)
        for path in audit.site_pages():
            context = browser.new_context()  # a first visit: nothing cached
            page = context.new_page()
            page.goto(url + path, wait_until="load")
            page.wait_for_load_state("networkidle")
            sizes[path or "home"] = page.evaluate("""() => performance
              .getEntriesByType("navigation").concat(performance.getEntriesByType("resource"))
              .reduce((n, e) => n + (e.transferSize || 0), 0)""")
            context.close()
        browser.close()
    return sizes


def lighthouse(site: Path, base: str) -> dict[str, dict[str, int]]:
    """{page: {category: score}} for every page, Lighthouse's default (mobile) profile."""
    from tests.support import audit, server

    binary = NODE_MODULES / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "ci", "--prefix", str(ROOT / "tests"), "--silent", "--no-audit",
                        "--no-fund"], check=True)
    scores = {}
    with server.serve(site, base) as url, tempfile.TemporaryDirectory() as tmp:
        for path in audit.site_pages():
            out = Path(tmp) / "report.json"
            subprocess.run([str(binary), url + path, "--quiet", "--output=json",
                            f"--output-path={out}",
                            "--only-categories=" + ",".join(LIGHTHOUSE_CATEGORIES),
                            "--chrome-flags=" + " ".join(audit.FLAGS)],
                           check=True, env={**os.environ, "CHROME_PATH": audit.CHROMIUM})
            result = json.loads(out.read_text())
            scores[path or "home"] = {c: round(100 * (result["categories"][c]["score"] or 0))
                                      for c in LIGHTHOUSE_CATEGORIES}
            report(f"lighthouse[{path or 'home'}]",
                   " ".join(str(scores[path or "home"][c]) for c in LIGHTHOUSE_CATEGORIES))
    return scores


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.support.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true",
                        help="skip make_test_s and Lighthouse")
    parser.add_argument("--pages", action="store_true",
                        help="only the built site's page weights and Lighthouse scores")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from tests.support.builds import BASE_PATH, EXAMPLE_ENV

    os.environ.update(EXAMPLE_ENV)  # build as for GitHub Pages, served under its base path
    base = BASE_PATH
    if args.pages:
        with tempfile.TemporaryDirectory() as tmp:
            site = str(Path(tmp) / "site")
            subprocess.run(builds.command(Path(site)), cwd=ROOT, check=True,
                           stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            return pages_report(Path(site), base, lighthouse_too=not args.quick)

    unit = timed([sys.executable, "-c", "import torch, matplotlib.pyplot"], args.runs)
    report("import_s", unit)
    pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly"]
    uncached = ["-p", "no:cacheprovider"]
    check = pytest + ["tests/test_snippets.py", "-k", "test_output_matches"]
    warm = timed(check, args.runs, env=PYTEST_ENV, warm_up=True)
    report("snippets_check_s", warm)
    report("snippets_over_import", warm / unit)
    cold = timed(check + uncached, args.runs, env=PYTEST_ENV)
    report("snippets_check_uncached_s", cold)
    report("snippets_uncached_over_import", cold / unit)
    if not args.quick:
        report("make_test_s", timed(pytest, args.runs, env=PYTEST_ENV, warm_up=True))
        report("make_test_uncached_s", timed(pytest + uncached, 1, env=PYTEST_ENV))
    with tempfile.TemporaryDirectory() as tmp:
        site = str(Path(tmp) / "site")

        def empty_caches():  # the build's (figures, notebooks, MathML, docs/_build/hooks/cache.py)
            for name in ("figures", "notebooks", "mathml", "search", "jieba", "pygments", "jinja"):
                shutil.rmtree(ROOT / ".cache" / name, True)

        report("mkdocs_build_cold_s", timed(builds.command(Path(site)), args.runs, before=empty_caches))
        report("mkdocs_build_warm_s", timed(builds.command(Path(site)), args.runs))
        report("serve_reload_s", serve_reload(args.runs))
        pages_report(Path(site), base, lighthouse_too=not args.quick)
    return 0


def pages_report(site: Path, base: str, lighthouse_too: bool) -> int:
    sizes = page_bytes(site, base)
    for page, size in sizes.items():
        report(f"bytes[{page}]", size)
    report("bytes_max", max(sizes.values()))
    if lighthouse_too:
        scores = lighthouse(site, base)
        for category in LIGHTHOUSE_CATEGORIES:
            report(f"lighthouse_min_{category}", min(s[category] for s in scores.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
