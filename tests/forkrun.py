"""Run Python sources in isolated child processes, recording every print().

Starting Python and importing torch costs seconds; forking a parent that has
already imported them costs milliseconds. Each child is still a process of its
own: globals, RNG state, matplotlib figures and rcParams changed by one
snippet never reach another. `preload()` must run before any torch op in the
parent, so that no thread pool exists at fork time.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field

TIMEOUT_S = 60.0
SVG_SALT = "autograd-docs"  # fixed ids in SVG output: reproducible figures


@dataclass
class Job:
    source: str
    filename: str  # used in tracebacks, and to attribute print() calls
    figure_dir: str | None = None  # where plt.show() saves figures, if anywhere
    timeout: float = TIMEOUT_S
    path: tuple[str, ...] = ()  # more folders for sys.path (a snippet's own is always there)


@dataclass
class Run:
    records: list[tuple[int, str]] = field(default_factory=list)  # (line, text) per print
    stdout: str = ""
    stderr: str = ""
    error: str | None = None  # traceback, or why the child died
    figures: list[str] = field(default_factory=list)


def preload() -> None:
    """Import what snippets use, once, in the parent."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot  # noqa: F401
    import torch  # noqa: F401
    # torch imports these lazily, at the first use, for up to a second each:
    # pay that once here, not in every child.
    import torch.autograd.functional  # noqa: F401
    import torch.autograd.gradcheck  # noqa: F401
    import torch.nn  # noqa: F401
    import torch.nn.functional  # noqa: F401
    import torch.optim  # noqa: F401
    import torch._dynamo  # noqa: F401  (an optimizer's first step imports it)
    import torch.fx.experimental.symbolic_shapes  # noqa: F401  (backward with weights)


def wait_process(process: subprocess.Popen, timeout: float) -> subprocess.CompletedProcess:
    """Wait for a started subprocess; kill it after timeout, saying so in its stderr."""
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        err += f"\ntimed out after {timeout:g} s"
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def library_versions() -> str:
    """torch and matplotlib versions, read without importing them (for cache keys)."""
    from importlib.metadata import version

    return f"torch {version('torch')} matplotlib {version('matplotlib')}"


def job_for_file(path: str, figure_dir: str | None = None, timeout: float = TIMEOUT_S) -> Job:
    with open(path, encoding="utf-8") as f:
        return Job(f.read(), path, figure_dir, timeout)


def run_many(jobs: list[Job], workers: int | None = None) -> list[Run]:
    """Run jobs in forked children, `workers` at a time, results in job order."""
    workers = workers or os.cpu_count() or 1
    results: list[Run | None] = [None] * len(jobs)
    pending = list(enumerate(jobs))
    running: dict[int, tuple[int, str, float]] = {}  # pid -> (index, result path, deadline)
    while pending or running:
        while pending and len(running) < workers:
            index, job = pending.pop(0)
            fd, result_path = tempfile.mkstemp(prefix="snippet-", suffix=".json")
            os.close(fd)
            pid = _fork(job, result_path)
            running[pid] = (index, result_path, time.monotonic() + job.timeout)
        for pid, (index, result_path, deadline) in list(running.items()):
            done, status = os.waitpid(pid, os.WNOHANG)
            if not done and time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                results[index] = Run(error=f"timed out after {jobs[index].timeout:g} s "
                                     "(a loop that never ends, or waiting for input?)")
            elif done:
                results[index] = _read_result(result_path, status)
            else:
                continue
            os.unlink(result_path)
            del running[pid]
        if running:
            time.sleep(0.005)
    return results  # type: ignore[return-value]


def run_one(job: Job) -> Run:
    return run_many([job], workers=1)[0]


def _read_result(path: str, status: int) -> Run:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return Run(error=f"the child process died without a result (wait status {status})")
    data["records"] = [tuple(r) for r in data["records"]]
    return Run(**data)


def _fork(job: Job, result_path: str) -> int:
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        run = _execute(job)
        with open(result_path, "w", encoding="utf-8") as f:
            json.dump(run.__dict__, f)
        code = 0
    finally:
        os._exit(code)


def _execute(job: Job) -> Run:
    """In the child: run the source as `python file.py` would, recording prints."""
    import builtins
    import io

    # C-level output (torch warnings) must not leak into the parent's terminal.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    sys.stdin = io.StringIO()
    out, err = io.StringIO(), io.StringIO()
    sys.stdout, sys.stderr = out, err
    run = Run()
    real_print = builtins.print

    def recording_print(*args, sep=" ", end="\n", file=None, flush=False):
        if (file if file is not None else sys.stdout) is not out:  # redirected: not ours
            return real_print(*args, sep=sep, end=end, file=file, flush=flush)
        text = (" " if sep is None else sep).join(map(str, args)) + ("\n" if end is None else end)
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename != job.filename:
            frame = frame.f_back
        run.records.append((frame.f_lineno if frame else 0, text))
        out.write(text)

    builtins.print = recording_print
    _patch_matplotlib(job, run)
    sys.argv = [job.filename]
    for folder in reversed((os.path.dirname(os.path.abspath(job.filename)), *job.path)):
        sys.path.insert(0, folder)
    namespace = {"__name__": "__main__", "__file__": job.filename, "__builtins__": builtins}
    try:
        exec(compile(job.source, job.filename, "exec"), namespace)
    except BaseException:  # SystemExit included: a snippet must run to its end
        run.error = traceback.format_exc()
    run.stdout, run.stderr = out.getvalue(), err.getvalue()
    return run


def _patch_matplotlib(job: Job, run: Run) -> None:
    """plt.show() saves every open figure (when asked) instead of opening a window."""
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = SVG_SALT

    def show(*args, **kwargs):
        for num in plt.get_fignums():
            if job.figure_dir:
                path = os.path.join(job.figure_dir, f"{len(run.figures) + 1}.svg")
                plt.figure(num).savefig(path, format="svg", metadata={"Date": None},
                                        bbox_inches="tight")
                run.figures.append(path)
        plt.close("all")

    plt.show = show
