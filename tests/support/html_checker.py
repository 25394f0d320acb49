"""The Nu HTML Checker (npm package vnu-jar, run with Java) over a folder of HTML files."""
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.support import project

VNU = project.ROOT / "tests" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def check(folder: Path) -> dict[str, list[str]]:
    """{HTML file below folder: ["line:column: message", ...]} for every error vnu finds."""
    if not (java := shutil.which("java")):
        pytest.fail("the HTML checker needs Java: apt-get install default-jre-headless")
    # The stack the checker advises; the JVM's quick start (a one-shot run compiles more than it checks).
    done = subprocess.run([java, "-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(VNU),
                           "--errors-only", "--format", "json", "--stdout", "--skip-non-html", str(folder)],
                          capture_output=True, text=True, timeout=300)
    try:
        messages = json.loads(done.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"the HTML checker gave no report (exit {done.returncode}; its jar comes from "
                    f"npm ci --prefix tests):\n{done.stderr}")
    found: dict[str, list[str]] = {}
    for m in messages:
        page = Path(unquote(urlsplit(m.get("url", "")).path)).relative_to(folder).as_posix()
        where = f"{m.get('firstLine', m.get('lastLine', '?'))}:{m.get('firstColumn', m.get('lastColumn', '?'))}"
        found.setdefault(page, []).append(f"{where}: {m.get('message', m)}")
    return found
