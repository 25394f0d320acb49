"""Results of slow, deterministic runs, kept between test runs in pytest's cache.

A result is kept under a digest of everything it depends on: its own inputs (a
snippet's bytes, a page's HTML and the site's assets), the code that computes
it, and `environment()` (Python, every installed package, the machine, the
variables that steer torch). An unchanged input is not computed again; a changed
one is computed as before, by the same code. This is what the build's caches do
for figures and notebooks (docs/_build/hooks/), applied to the tests' runs.

Only results without a problem are kept: a failing run is run again each time,
with a fresh traceback or screenshot. The test itself always runs: it compares
the kept output with the `#>` lines, or reads the kept findings, as it would a
new one.

The cache is pytest's own (`.pytest_cache/v/results/`): a fresh clone (CI) keeps
nothing and runs everything; `pytest --cache-clear`, `make clean` or
`-p no:cacheprovider` do too.
"""
from __future__ import annotations

import functools
import hashlib
import inspect
import json
import os
import platform
import sys
from pathlib import Path

# Variables that change what torch or matplotlib compute or print (not MPLBACKEND:
# every run uses Agg, and runner.preload() sets it in this process).
STEERING = ("OMP_", "MKL_", "KMP_", "TORCH", "PYTORCH", "MATPLOTLIB", "MPLCONFIGDIR", "PYTHON",
            "LC_", "LANG")


@functools.cache
def environment() -> tuple:
    """All that decides a run's outcome besides its inputs and the code that runs it."""
    from importlib.metadata import distributions

    cpu = ""
    try:  # the instruction set decides which kernels torch runs (and their rounding)
        info = Path("/proc/cpuinfo").read_text()
        cpu = next((line for line in info.splitlines() if line.startswith("flags")), "")
        cpu += next((line for line in info.splitlines() if line.startswith("model name")), "")
    except OSError:
        cpu = platform.processor()
    packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in distributions())
    steering = sorted((k, v) for k, v in os.environ.items() if k.startswith(STEERING))
    return (sys.version, sys.executable, platform.platform(), cpu, tuple(packages), tuple(steering))


def source_of(*things) -> list[str]:
    """For a key: the digest of each file (a Path), the code of each function or module,
    and each string as it is (a version, say)."""
    return [hashlib.sha256(t.read_bytes()).hexdigest() if isinstance(t, Path)
            else t if isinstance(t, str) else inspect.getsource(t) for t in things]


def digest(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, default=repr, sort_keys=True).encode()).hexdigest()


class Kept:
    """Results of one kind, in the cache of pytest's `config`, under keys that include
    `code` (files, functions, strings: see source_of) and environment(). Without a config, or with pytest's cache plugin off
    (-p no:cacheprovider), nothing is kept."""

    def __init__(self, config, kind: str, *code):
        self.cache, self.kind = getattr(config, "cache", None), kind
        self.code = digest(source_of(*code))

    def key(self, *inputs) -> str:
        return f"results/{self.kind}/{digest(self.code, environment(), inputs)[:32]}"

    def get(self, *inputs):
        return None if self.cache is None else self.cache.get(self.key(*inputs), None)

    def put(self, value, *inputs) -> None:
        if self.cache is not None:
            self.cache.set(self.key(*inputs), value)
