"""Build the site, then visit it in the browser, in a process of its own.

    python -m tests.sitecheck SITE_DIR BASE_URL RESULTS_DIR

The test run starts this in the background as soon as it knows the build or
browser tests are selected, so that both overlap with the other tests.
It writes RESULTS_DIR/build.json when the build is done, then
RESULTS_DIR/browser.json when every page has been visited. Keeping the
browser out of the test process also keeps its threads away from the forks
that run snippets.
"""
from __future__ import annotations

import asyncio
import json
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEARCHES = {"zh": "叶子节点", "en": "leaf"}
COPY_PAGE = "autograd/backward/"


def _write(path: Path, data) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


async def visit(url: str) -> dict:
    from tests import browser

    async with browser.browser() as b:
        pages = await browser.visit_all(b, url, browser.site_pages(ROOT))
        page = await b.new_page()
        searches = {}
        for lang, query in SEARCHES.items():
            try:
                searches[lang] = await browser.search(page, url + ("" if lang == "zh" else "en/"),
                                                      query)
            except Exception as err:
                searches[lang] = [f"search failed: {err}"]
        try:
            copied = await browser.copy_first_code_block(b, url + COPY_PAGE)
        except Exception as err:
            copied = f"copy failed: {err}"
    return {"url": url, "pages": pages, "searches": searches, "copied": copied}


def main(site: str, base: str, results: str) -> int:
    from tests import browser, sitebuild

    out = Path(results)
    start = time.perf_counter()
    done = sitebuild.build(ROOT, Path(site))
    _write(out / "build.json", {"returncode": done.returncode, "stdout": done.stdout,
                                "stderr": done.stderr, "seconds": time.perf_counter() - start})
    if done.returncode != 0:
        _write(out / "browser.json", {"error": "the site did not build"})
        return 1
    try:
        with browser.serve(Path(site), base) as url:
            _write(out / "browser.json", asyncio.run(visit(url)))
    except Exception:
        _write(out / "browser.json", {"error": traceback.format_exc()})
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
