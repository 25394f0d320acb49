"""Run Python sources as a reader runs them, each in a child process, recording
which statement wrote which bytes of standard output.

Starting Python and importing torch costs seconds; forking a parent that has
already imported them costs milliseconds. So `preload()` imports them once and
each job runs in a forked child made to look like a fresh `python file.py`
started in an empty folder:

- the working directory is a new empty folder, and `sys.path` holds neither
  the snippet's folder nor the repository (a snippet cannot import a neighbour);
- `__main__` is a new module; the warning filters are Python's defaults (not
  the test runner's); matplotlib's state is fresh and `plt.show()` only closes
  the figures;
- standard output and error are captured at the file-descriptor level, so C
  code and `os.write` are caught too; each byte of output is attributed to the
  line of the snippet's module-level code that was running when it was written
  (a function call or a loop counts as its line in the snippet);
- a job that hangs, prints without end, crashes, or leaves a thread or a child
  process behind fails, naming the last line it reached.
"""
from __future__ import annotations

import gc
import json
import mmap
import os
import select
import shutil
import signal
import struct
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.project import ROOT

TIMEOUT_S = 60.0
OUTPUT_LIMIT = 1 << 20  # bytes of standard output before a run is stopped


@dataclass
class Job:
    source: str
    filename: str  # shown in tracebacks and messages
    timeout: float = TIMEOUT_S


@dataclass
class Run:
    chunks: list[tuple[int, str]] = field(default_factory=list)  # (line, text written)
    stderr: str = ""
    error: str | None = None  # why the run failed: traceback, signal, timeout, ...

    @property
    def stdout(self) -> str:
        return "".join(text for _, text in self.chunks)


def preload() -> None:
    """Import what snippets use, once, before any fork (and before any torch op,
    so that no thread pool exists at fork time)."""
    os.environ["MPLBACKEND"] = "Agg"
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot  # noqa: F401
    import matplotlib.style  # noqa: F401  (pyplot imports it at its first use)
    _fresh_rc.clear()
    _fresh_rc.update(matplotlib.rcParams)  # as a fresh interpreter with MPLBACKEND=Agg has them
    import torch  # noqa: F401
    # torch imports these lazily at their first use, for up to a second each.
    import torch.autograd.functional  # noqa: F401
    import torch.autograd.gradcheck  # noqa: F401
    import torch.nn  # noqa: F401
    import torch.nn.functional  # noqa: F401
    import torch.optim  # noqa: F401
    import torch._dynamo  # noqa: F401  (an optimizer's first step imports it)
    import torch.fx.experimental.symbolic_shapes  # noqa: F401  (backward with weights)
    # What is loaded now lives as long as the process: the garbage collector need not
    # walk it again, neither in each forked child (each visit would copy its pages)
    # nor at the end of the run.
    gc.freeze()


_fresh_rc: dict = {}


def clean_sys_path() -> list[str]:
    """sys.path of a fresh interpreter: without '', the repository and its folders."""
    root = str(ROOT)
    return [p for p in sys.path if p and not (p == root or p.startswith(root + os.sep))]


def run_many(jobs: list[Job], workers: int | None = None) -> list[Run]:
    """Run jobs in forked children, `workers` at a time; results in job order."""
    workers = workers or os.cpu_count() or 1
    results: list[Run | None] = [None] * len(jobs)
    pending = list(enumerate(jobs))
    running: dict[int, tuple[int, _Child]] = {}
    while pending or running:
        while pending and len(running) < workers:
            index, job = pending.pop(0)
            child = _Child(job)
            running[child.pid] = (index, child)
        for pid, (index, child) in list(running.items()):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                results[index] = child.result(status)
            elif time.monotonic() > child.deadline:
                results[index] = child.kill(f"timed out after {child.job.timeout:g} s "
                                            "(a loop that never ends, or waiting for input?)")
            elif child.output_size() > OUTPUT_LIMIT:
                results[index] = child.kill(f"printed more than {OUTPUT_LIMIT} bytes; stopped")
            else:
                continue
            del running[pid]
        if running:  # until a child exits, or a tenth of a second to check the others
            select.select([child.exited for _, child in running.values()], [], [], 0.1)
    return results  # type: ignore[return-value]


def run_one(job: Job) -> Run:
    return run_many([job], workers=1)[0]


_memo: dict[tuple[str, str], Run] = {}


def run_memo(jobs: list[Job]) -> list[Run]:
    """run_many, but a job whose source and filename already ran in this process is not
    run again (the same code shows up in both languages, and as file and page fence)."""
    todo = {(job.source, job.filename): job for job in jobs if (job.source, job.filename) not in _memo}
    if todo:
        preload()
        for key, run in zip(todo, run_many(list(todo.values()))):
            _memo[key] = run
    return [_memo[(job.source, job.filename)] for job in jobs]


class _Child:
    """One forked run, and the files and shared memory it reports through."""

    def __init__(self, job: Job):
        self.job = job
        self.tmp = Path(tempfile.mkdtemp(prefix="snippet-run-"))
        (self.tmp / "cwd").mkdir()
        self.line = mmap.mmap(-1, 8)  # shared with the child: the line it is on
        self.deadline = time.monotonic() + job.timeout
        sys.stdout.flush()
        sys.stderr.flush()
        self.pid = os.fork()
        if self.pid:
            self.exited = os.pidfd_open(self.pid)  # readable once the child has exited
        else:
            code = 70
            try:
                _child_main(job, self.tmp, self.line)
                code = 0
            except BaseException:  # a fault of this harness, not of the snippet
                import traceback
                traceback.print_exc()
            finally:
                os._exit(code)

    def last_line(self) -> int:
        return struct.unpack_from("q", self.line, 0)[0]

    def output_size(self) -> int:
        try:
            return (self.tmp / "stdout").stat().st_size
        except OSError:
            return 0

    def kill(self, why: str) -> Run:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        run = self._read()
        run.error = f"{self.job.filename}:{self.last_line()}: {why}"
        return self._done(run)

    def result(self, status: int) -> Run:
        run = self._read()
        if run.error is None and (os.WIFSIGNALED(status) or os.WEXITSTATUS(status) != 0):
            how = (f"killed by {signal.Signals(os.WTERMSIG(status)).name}"
                   if os.WIFSIGNALED(status) else f"exited with status {os.WEXITSTATUS(status)}")
            run.error = (f"{self.job.filename}:{self.last_line()}: the run {how} "
                         "(the last line it reached)")
        return self._done(run)

    def _read(self) -> Run:
        out = (self.tmp / "stdout").read_bytes() if (self.tmp / "stdout").exists() else b""
        err = (self.tmp / "stderr").read_bytes() if (self.tmp / "stderr").exists() else b""
        run = Run(stderr=err.decode("utf-8", "replace"))
        try:
            data = json.loads((self.tmp / "result.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {"marks": [], "error": None}
        marks = data["marks"] + [[self.last_line(), len(out)]]
        start = 0
        for line, end in marks:  # bytes up to `end` were written while `line` ran
            if end > start:
                run.chunks.append((line, out[start:end].decode("utf-8", "replace")))
                start = end
        run.error = data["error"]
        return run

    def _done(self, run: Run) -> Run:
        os.close(self.exited)
        self.line.close()
        shutil.rmtree(self.tmp, ignore_errors=True)
        return run


def _child_main(job: Job, tmp: Path, line: mmap.mmap) -> None:
    """In the child: become a fresh `python file.py` in an empty folder, and run."""
    import ctypes
    import faulthandler
    import io
    import threading
    import traceback
    import types
    import warnings

    out_fd = os.open(tmp / "stdout", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    err_fd = os.open(tmp / "stderr", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    null_fd = os.open(os.devnull, os.O_RDONLY)
    for fd, target in ((null_fd, 0), (out_fd, 1), (err_fd, 2)):
        os.dup2(fd, target)
    sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8",
                                  write_through=True)
    sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8",
                                  errors="backslashreplace", write_through=True)
    faulthandler.enable(file=sys.stderr)
    os.chdir(tmp / "cwd")
    sys.path[:] = [str(tmp / "cwd"), *clean_sys_path()]
    sys.argv = [job.filename]
    # Warnings print to standard error as in a fresh interpreter, not into the
    # test runner's record, and with Python's default filters.
    warnings.showwarning = warnings._showwarning_orig
    warnings._showwarnmsg_impl = lambda msg: sys.stderr.write(warnings._formatwarnmsg(msg))
    warnings.resetwarnings()
    for action, category, module in (("default", DeprecationWarning, "__main__"),
                                     ("ignore", DeprecationWarning, None),
                                     ("ignore", PendingDeprecationWarning, None),
                                     ("ignore", ImportWarning, None),
                                     ("ignore", ResourceWarning, None)):
        warnings.filterwarnings(action, category=category, module=module or "", append=True)
    import logging  # no handlers, as in a fresh interpreter (pytest adds its own)
    logging.root.handlers.clear()
    logging.root.setLevel(logging.WARNING)
    logging.disable(logging.NOTSET)
    import matplotlib
    import matplotlib.pyplot as plt
    dict.update(matplotlib.rcParams, _fresh_rc)  # as they were after preload(), unvalidated: fast
    plt.close("all")
    plt.show = lambda *args, **kwargs: plt.close("all")  # no window to open here

    main = types.ModuleType("__main__")
    main.__file__ = job.filename
    sys.modules["__main__"] = main
    code = compile(job.source, job.filename, "exec")
    import linecache  # tracebacks show the snippet's lines, as `python file.py` would
    linecache.cache[job.filename] = (len(job.source), None, job.source.splitlines(True),
                                     job.filename)
    libc = ctypes.CDLL(None)
    marks: list[list[int]] = []  # [line that was running, stdout size when it ended]
    state = {"line": 0, "size": 0}

    def note(lineno: int) -> None:
        libc.fflush(None)  # C stdio buffers too: their bytes belong to the line before
        size = os.lseek(1, 0, os.SEEK_CUR)
        if size != state["size"]:
            marks.append([state["line"], size])
            state["size"] = size
        state["line"] = lineno
        struct.pack_into("q", line, 0, lineno)

    def local(frame, event, arg):
        if event == "line":
            note(frame.f_lineno)
        return local

    def trace(frame, event, arg):
        return local if frame.f_code is code else None

    error = None
    sys.settrace(trace)
    try:
        exec(code, main.__dict__)
    except SystemExit as stop:
        if stop.code not in (None, 0):
            error = f"{job.filename}:{state['line']}: SystemExit({stop.code!r})"
    except BaseException:
        error = traceback.format_exc()
    finally:
        sys.settrace(None)
    sys.stdout.flush()
    note(state["line"])
    if error is None:
        threads = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
        children = _child_processes()
        if threads:
            error = f"{job.filename}: left threads running at its end: {', '.join(threads)}"
        elif children:
            error = f"{job.filename}: left child processes running at its end: {children}"
    (tmp / "result.json").write_text(json.dumps({"marks": marks, "error": error}),
                                     encoding="utf-8")


def _child_processes() -> list[int]:
    tasks = Path(f"/proc/{os.getpid()}/task")  # Linux: each thread's child processes
    return sorted(int(pid) for task in tasks.iterdir()
                  for pid in (task / "children").read_text().split())
