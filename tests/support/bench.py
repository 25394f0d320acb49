"""Timings and sizes for `make bench`, one per line as `name: value`: a time is the median of 3 runs
(one with --quick), sizes and the fresh clone measured once; README, "Speed and size", says more."""
import argparse
import functools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

from tests.support import audit, project, server
from tests.support.project import ROOT

LIGHTHOUSE = ROOT / "tests" / "bench" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices")


def timed(cmd: list[str], runs: int) -> float:
    """Median seconds of `runs` runs of cmd."""
    run = functools.partial(subprocess.run, cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    return statistics.median(timeit.repeat(run, number=1, repeat=runs))


def report(name: str, value) -> None:
    print(f"{name}: {value:.2f}" if isinstance(value, float) else f"{name}: {value}", flush=True)


def serve_reload(runs: int) -> float:
    """Seconds from touching a page to `mkdocs serve` having rebuilt the site."""
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload",
                                "--dev-addr", "127.0.0.1:0"], cwd=ROOT, text=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def reload():
        (ROOT / "docs" / "en" / "glossary.md").touch()
        next(line for line in process.stderr if "Documentation built in" in line)

    try:
        next(line for line in process.stderr if "Serving on" in line)
        settle = functools.partial(time.sleep, 1)  # before each touch: let the watcher settle
        return statistics.median(timeit.repeat(reload, settle, number=1, repeat=runs))
    finally:
        process.terminate()
        process.wait()


def fresh_clone_test(clone: Path) -> None:
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    for link in (".venv", "tests/node_modules"):
        (clone / link).symlink_to((ROOT / link).resolve())
    start = time.perf_counter()
    done = subprocess.run([str(clone / ".venv/bin/python"), "-m", "pytest", "-q"], cwd=clone, capture_output=True)
    report("fresh_clone_test_s", time.perf_counter() - start)
    if done.returncode:
        report("fresh_clone_test_exit", done.returncode)


def pages_report(site: Path, lighthouse_too: bool) -> None:
    """Bytes of a first visit to each page (nothing cached); Lighthouse's scores."""
    from playwright.sync_api import sync_playwright

    sizes, scores = {}, {}
    with server.serve(site, project.BASE_PATH) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=audit.CHROMIUM, args=audit.FLAGS)
        for path in audit.site_pages():
            page = browser.new_context().new_page()
            page.goto(url + path, wait_until="networkidle")
            sizes[path] = page.evaluate("performance.getEntries()"
                                        ".reduce((n, e) => n + (e.transferSize || 0), 0)")
            report(f"bytes[{path or 'home'}]", sizes[path])
            page.context.close()
        report("bytes_max", max(sizes.values()))
        for path in audit.site_pages() if lighthouse_too else ():
            runs = [json.loads(subprocess.run(  # mobile profile: Lighthouse's default
                [str(LIGHTHOUSE), url + path, "--quiet", "--output=json", "--output-path=stdout",
                 "--only-categories=" + ",".join(CATEGORIES), "--chrome-flags=" + " ".join(audit.FLAGS)],
                check=True, capture_output=True, env={**os.environ, "CHROME_PATH": audit.CHROMIUM},
            ).stdout)["categories"] for _ in range(3)]
            scores[path] = [statistics.median(round(100 * (run[c]["score"] or 0)) for run in runs)
                            for c in CATEGORIES]
            report(f"lighthouse[{path or 'home'}]", " ".join(map(str, scores[path])))
    for category, values in zip(CATEGORIES, zip(*scores.values())):  # nothing without Lighthouse
        report(f"lighthouse_min_{category}", min(values))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.support.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="one run of each, no Lighthouse")
    parser.add_argument("--fresh-clone", action="store_true", help="also fresh_clone_test_s")
    args = parser.parse_args()
    runs = 1 if args.quick else 3
    unit = timed([sys.executable, "-c", "import torch, matplotlib.pyplot"], runs)
    report("import_s", unit)
    check = timed(["make", "-s", "check", "SNIPPETS=snippets/tips/accumulate.py"], runs)
    report("check_one_s", check)
    report("check_one_over_import", check / unit)
    report("page_s", timed(["make", "-s", "page", "PAGE=autograd/tips.md"], runs))
    report("serve_reload_s", serve_reload(runs))
    with tempfile.TemporaryDirectory() as tmp:
        if args.fresh_clone:
            fresh_clone_test(Path(tmp) / "clone")
        site = Path(tmp) / "site"
        subprocess.run(project.build_command(site), cwd=ROOT, env=project.build_environment(), check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        pages_report(site, lighthouse_too=not args.quick)


if __name__ == "__main__":
    main()
