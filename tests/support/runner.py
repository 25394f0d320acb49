"""Run Python sources as `python file.py` in an empty folder would, each in a child forked (or started
by multiprocessing's fork server) from a process that imported torch once. The child gets a new
`__main__`, `sys.path` without the repository, Python's default warning filters and matplotlib's
settings as at start (this module its backend, whose show() closes the figures). Its standard output
and error are captured at the file-descriptor level, each byte attributed to the module-level line
running when it was written. A job that hangs, prints without end, crashes, or leaves a thread or a
child process behind fails, naming the last line it reached."""
import ctypes
import faulthandler
import importlib
import io
import json
import linecache
import logging
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
import traceback
import types
import warnings
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg as FigureCanvas  # noqa: F401 (show() below)

from tests.support.project import ROOT

TIMEOUT_S = 60.0
OUTPUT_LIMIT = 1 << 20  # bytes of standard output before a run is stopped
START_METHOD = os.environ.get("SNIPPETS_START_METHOD") or (
    "forkserver" if sys.platform == "darwin" else "fork")
_context = multiprocessing.get_context(START_METHOD)
# What snippets use, imported before any torch op (no thread pool exists at fork time).
# torch imports its submodules lazily, at their first use, for up to a second each.
PRELOAD = ["matplotlib.pyplot", "matplotlib.style", "torch", "torch.autograd.functional",
           "torch.autograd.gradcheck", "torch.nn", "torch.nn.functional", "torch.optim",
           "torch._dynamo",  # an optimizer's first step imports it
           "torch.fx.experimental.symbolic_shapes"]  # backward with weights


@dataclass(frozen=True)
class Job:
    source: str
    filename: str  # shown in tracebacks and messages
    timeout: float = TIMEOUT_S


@dataclass
class Run:
    chunks: list[tuple[int, str]] = field(default_factory=list)  # (line, text written)
    stderr: str = ""
    error: str | None = None  # why the run failed: traceback, signal, timeout, ...


def show(*args, **kwargs) -> None:
    """pyplot.show() in a run (this module is the runs' matplotlib backend, with Agg's
    FigureCanvas): there is no window to open, so the figures close."""
    import matplotlib.pyplot as plt

    plt.close("all")


def _preload(everything: bool) -> None:
    """Import PRELOAD where the children are forked from: here, or in the fork server (it
    starts with the first run). For a single run, only pyplot, its styles and torch: its child imports
    the rest it needs as fast as this process would."""
    names = PRELOAD if everything else PRELOAD[:3]
    if START_METHOD == "forkserver":
        _context.set_forkserver_preload([*names, __name__])
    else:
        for name in names:
            importlib.import_module(name)


_done: dict[Job, Run] = {}  # each job runs once per process: both languages' pages hold the same code


def run_many(jobs: list[Job]) -> list[Run]:
    """Run the jobs that did not run in this process yet, each in a child process, one per
    core at a time; results in job order."""
    _preload(everything=len(jobs) > 1)
    pending = [job for job in dict.fromkeys(jobs) if job not in _done]
    running: list[_Child] = []
    while pending or running:
        while pending and len(running) < (os.cpu_count() or 1):
            running.append(_Child(pending.pop(0)))
        wait([child.process.sentinel for child in running], timeout=0.1)  # one exits, or 0.1 s passes
        for child in list(running):
            if (run := child.result()) is not None:
                _done[child.job] = run
                running.remove(child)
    return [_done[job] for job in jobs]


class _Child:
    """One run in a child process, which reports through files in self.tmp and the
    shared value self.line (the line it is on)."""

    def __init__(self, job: Job):
        self.job = job
        self.tmp = Path(tempfile.mkdtemp(prefix="snippet-run-"))
        (self.tmp / "cwd").mkdir()
        (self.tmp / "stdout").touch()
        (self.tmp / "stderr").touch()
        self.line = _context.Value("q", 0, lock=False)
        self.deadline = time.monotonic() + job.timeout
        self.process = _context.Process(target=_child_main, args=(job, self.tmp, self.line))
        self.process.start()

    def result(self) -> Run | None:
        """The run, once the child has exited or has been stopped here; else None."""
        why = None
        if self.process.exitcode is None:
            if time.monotonic() > self.deadline:
                why = (f"timed out after {self.job.timeout:g} s "
                       "(a loop that never ends, or waiting for input?)")
            elif (self.tmp / "stdout").stat().st_size > OUTPUT_LIMIT:
                why = f"printed more than {OUTPUT_LIMIT} bytes; stopped"
            else:
                return None
            self.process.kill()
            self.process.join()
        out = (self.tmp / "stdout").read_bytes()
        run = Run(stderr=(self.tmp / "stderr").read_bytes().decode("utf-8", "replace"))
        try:
            marks, run.error = json.loads((self.tmp / "result.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):  # the run did not get to its end
            marks = []
        start = 0
        for line, end in marks + [[self.line.value, len(out)]]:
            if end > start:  # bytes up to `end` were written while `line` ran
                run.chunks.append((line, out[start:end].decode("utf-8", "replace")))
                start = end
        code = self.process.exitcode
        where = f"{self.job.filename}:{self.line.value}"
        if why:
            run.error = f"{where}: {why}"
        elif run.error is None and code != 0:
            how = f"killed by {signal.Signals(-code).name}" if code < 0 else f"exited with status {code}"
            run.error = f"{where}: the run {how} (the last line it reached)"
        self.process.close()
        shutil.rmtree(self.tmp, ignore_errors=True)
        return run


def _child_main(job: Job, tmp: Path, line) -> None:
    """In the child: become a fresh `python file.py` in an empty folder, run the
    job, write [marks, error] to tmp/result.json, and exit."""
    try:
        _become_fresh(job, tmp)
        (tmp / "result.json").write_text(json.dumps(_execute(job, line)), encoding="utf-8")
    except BaseException:  # a fault of this harness, not of the snippet
        traceback.print_exc()
        os._exit(70)
    os._exit(0)  # no atexit handler, no wait for threads the snippet left


def _become_fresh(job: Job, tmp: Path) -> None:
    import matplotlib.pyplot as plt

    for fd, path, mode in ((0, os.devnull, "rb"), (1, tmp / "stdout", "wb"), (2, tmp / "stderr", "wb")):
        with open(path, mode) as file:
            os.dup2(file.fileno(), fd)
    # sys.stdin: multiprocessing has opened os.devnull
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", write_through=True)
    sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8",
                                  errors="backslashreplace", write_through=True)
    faulthandler.enable(file=sys.stderr)
    os.chdir(tmp / "cwd")
    root = str(ROOT)
    sys.path[:] = [str(tmp / "cwd")] + [p for p in sys.path if p and p != root and (  # .venv stays
        not p.startswith(root + os.sep) or p.startswith(sys.prefix + os.sep))]
    sys.argv = [job.filename]
    # Warnings go to standard error (not into the test runner's record), with the
    # filters of a fresh interpreter.
    warnings.showwarning = lambda message, category, filename, lineno, file=None, line=None: (
        file or sys.stderr).write(warnings.formatwarning(message, category, filename, lineno, line))
    warnings.resetwarnings()
    warnings.filterwarnings("default", category=DeprecationWarning, module="__main__")
    for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
        warnings.simplefilter("ignore", category, append=True)
    logging.root.handlers.clear()  # pytest adds its own
    logging.root.setLevel(logging.WARNING)
    logging.disable(logging.NOTSET)
    matplotlib.rc_file_defaults()
    plt.switch_backend(f"module://{__name__}")  # FigureCanvas and show() above: no window
    plt.close("all")


def _execute(job: Job, line) -> tuple[list[list[int]], str | None]:
    """Run the job as __main__, tracing its module-level lines. Returns the marks
    [line that was running, size of standard output when it ended] and the error."""
    main = types.ModuleType("__main__")
    main.__file__ = job.filename
    sys.modules["__main__"] = main
    code = compile(job.source, job.filename, "exec")
    # tracebacks show the snippet's lines, as `python file.py` would
    linecache.cache[job.filename] = (len(job.source), None, job.source.splitlines(True), job.filename)
    fflush = ctypes.CDLL(None).fflush
    marks: list[list[int]] = []

    def note(lineno: int) -> None:
        fflush(None)  # C stdio buffers too: their bytes belong to the line before
        now = os.lseek(1, 0, os.SEEK_CUR)
        if now != (marks[-1][1] if marks else 0):
            marks.append([line.value, now])
        line.value = lineno

    def local(frame, event, arg):
        if event == "line":
            note(frame.f_lineno)
        return local

    error = None
    sys.settrace(lambda frame, event, arg: local if frame.f_code is code else None)
    try:
        exec(code, main.__dict__)
    except SystemExit as stop:
        if stop.code not in (None, 0):
            error = f"{job.filename}:{line.value}: SystemExit({stop.code!r})"
    except BaseException:
        error = traceback.format_exc()
    finally:
        sys.settrace(None)
    sys.stdout.flush()
    note(line.value)
    threads = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
    if error is None and threads:
        error = f"{job.filename}: left threads running at its end: {', '.join(threads)}"
    elif error is None and _children_running():
        error = f"{job.filename}: left child processes running at its end"
    return marks, error


def _children_running() -> bool:
    """Whether a child process of this one still runs (those that exited are reaped)."""
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:  # one that had exited, reaped
            pass
    except ChildProcessError:  # no child at all
        return False
    return True
