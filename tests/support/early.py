"""Slow commands the tests wait for, started before the tests that need them.

A test that waits for a command (a site build, a pytest run on a broken copy
of the project, a snippet in a real interpreter) would leave a core idle while
it waits. Instead, conftest.py starts every such command of the selected tests
as soon as collection is done, and each test later collects its result:

    @early.command(start)          # start(folder) -> subprocess.Popen
    def test_x():
        done = early.result(start)  # waits; done.returncode, done.folder, done.text("out")

`start` gets a new temporary folder of its own (removed when the run ends),
where it keeps its output files: a pipe nobody reads while the command runs
could fill up and stall it. Parametrized tests start theirs with
`early.begin(key, start)` from a collection hook. Commands run at a lower CPU
priority (`nice`), so that the tests in the foreground, and the site build the
browser tests wait for, go first; the rest fill the cores when they idle.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Hashable

TIMEOUT_S = 900
BACKGROUND_NICE = 10


@dataclass
class Done:
    returncode: int
    folder: Path  # the command's temporary folder

    def text(self, name: str) -> str:
        path = self.folder / name
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


_started: dict[Hashable, tuple[subprocess.Popen | BaseException, Path]] = {}


def command(start: Callable[[Path], subprocess.Popen]):
    """Decorator: the test waits for start's command; conftest starts it early."""
    def mark(test):
        test.early_commands = (*getattr(test, "early_commands", ()), start)
        return test
    return mark


def popen(argv: list[str], folder: Path, cwd: Path | None = None, env: dict | None = None,
          urgent: bool = False) -> subprocess.Popen:
    """argv with its standard output and error into folder/"out" (interleaved), no
    standard input; at a lower priority unless urgent."""
    with open(folder / "out", "wb") as out:
        return subprocess.Popen(argv if urgent else niced(argv), cwd=cwd or folder, env=env,
                                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)


def niced(argv: list[str]) -> list[str]:
    """argv at a lower CPU priority (nice(1): no preexec_fn, which threads make unsafe)."""
    return ["nice", "-n", str(BACKGROUND_NICE), *argv]


def begin(key: Hashable, start: Callable[[Path], subprocess.Popen]) -> None:
    """Start the command (once per key). If start fails, the test that asks for the
    result gets its exception; the run goes on."""
    if key not in _started:
        folder = Path(tempfile.mkdtemp(prefix="early-"))
        try:
            _started[key] = (start(folder), folder)
        except BaseException as err:  # pytest.fail() raises a BaseException
            if isinstance(err, (KeyboardInterrupt, SystemExit)):
                raise
            _started[key] = (err, folder)


def result(key: Hashable, start: Callable[[Path], subprocess.Popen] | None = None,
           timeout: float = TIMEOUT_S) -> Done:
    """The finished command (started now if it was not yet)."""
    begin(key, start or key)
    process, folder = _started[key]
    if isinstance(process, BaseException):
        raise process
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        with open(folder / "out", "a", encoding="utf-8") as out:
            out.write(f"\n(killed: no result after {timeout:g} s)\n")
    return Done(process.returncode, folder)


def end() -> None:
    """Stop what still runs and remove the folders (at the end of the test run)."""
    for process, folder in _started.values():
        if isinstance(process, subprocess.Popen) and process.poll() is None:
            process.kill()
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)
    _started.clear()
