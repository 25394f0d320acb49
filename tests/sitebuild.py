"""Build the site with MkDocs, as `make build` does, into a folder of our choice."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def build(root: Path, site_dir: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",  # not -q: it hides the en build's warnings from --strict
         "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=root, capture_output=True, text=True, timeout=timeout, env=env,
        stdin=subprocess.DEVNULL)
