"""Check or update the `#>` output of snippets.

    python -m tests.snippets check              # every snippet
    python -m tests.snippets check snippets/backward
    python -m tests.snippets update snippets/backward/retain_graph.py

`check` runs each snippet isolated (see forkrun) and compares what it printed
with its `#>` lines; `update` rewrites those lines from the real run.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from tests import forkrun, outputs

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"


def snippet_files(paths: list[str] | None = None) -> list[Path]:
    """Snippet files below the given files or folders (all by default), sorted."""
    found: set[Path] = set()
    for p in [Path(p).resolve() for p in paths or [SNIPPETS]]:
        if p.is_dir():
            found.update(f for f in p.rglob("*.py") if "__pycache__" not in f.parts)
        elif p.is_file():
            found.add(p)
        else:
            raise SystemExit(f"{p}: no such file or folder")
    return sorted(found)


def rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def run_files(files: list[Path]) -> list[forkrun.Run]:
    forkrun.preload()
    return forkrun.run_many([forkrun.job_for_file(rel(f) if f.is_relative_to(ROOT) else str(f))
                             for f in files])


def problems(path: Path, run: forkrun.Run) -> list[str]:
    name = rel(path)
    if run.error:
        return [f"{name}: the snippet failed:\n{run.error}"]
    return outputs.compare(path.read_text(encoding="utf-8"), run.records, name)


def standalone_choice(files: list[Path] | None = None) -> list[Path]:
    """One snippet per chapter, the first by name, to run in a fresh interpreter."""
    chosen: dict[Path, Path] = {}
    for f in files or snippet_files():
        chosen.setdefault(f.parent, f)
    return sorted(chosen.values())


def start_standalone(files: list[Path] | None = None) -> dict[Path, subprocess.Popen]:
    """Start `python snippets/<chapter>/<name>.py` in fresh interpreters, as a reader runs them."""
    return {path: subprocess.Popen([sys.executable, rel(path)], cwd=ROOT, text=True,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   stdin=subprocess.DEVNULL,
                                   env={**os.environ, "MPLBACKEND": "Agg"})
            for path in (files or standalone_choice())}


def finish_standalone(started: dict[Path, subprocess.Popen],
                      timeout: float = forkrun.TIMEOUT_S) -> dict[Path, subprocess.CompletedProcess]:
    return {path: forkrun.wait_process(process, timeout) for path, process in started.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.snippets", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["check", "update"])
    parser.add_argument("paths", nargs="*", help="snippet files or folders (default: all)")
    args = parser.parse_args(argv)
    files = snippet_files(args.paths)
    failed = 0
    for path, run in zip(files, run_files(files)):
        if args.mode == "update" and not run.error:
            source = path.read_text(encoding="utf-8")
            new = outputs.rewrite(source, run.records)
            if new != source:
                path.write_text(new, encoding="utf-8")
                print(f"updated {rel(path)}")
            continue
        found = problems(path, run)
        for message in found:
            print(message, file=sys.stderr)
        failed += bool(found)
    print(f"{len(files) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # tearing down torch's modules takes longer than the checks
