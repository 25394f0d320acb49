"""Build the site with MkDocs, as `make build` does, into a folder of our choice."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests import forkrun


TIMEOUT_S = 600


def start(root: Path, site_dir: Path) -> subprocess.Popen:
    # Not -q: it hides the en build's warnings from --strict.
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
         "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdin=subprocess.DEVNULL)


def finish(process: subprocess.Popen) -> subprocess.CompletedProcess:
    return forkrun.wait_process(process, TIMEOUT_S)


def build(root: Path, site_dir: Path) -> subprocess.CompletedProcess:
    return finish(start(root, site_dir))
