"""The store of what the build derives (README), its entries written atomically, as builds
may run at once. (MkDocs puts a hook's folder on sys.path: hooks `import store`.)"""
import contextlib
import functools
import hashlib
import json
import os
import sys
import tempfile
from importlib.metadata import distributions
from pathlib import Path

CACHE = Path(__file__).resolve().parents[3] / ".cache"


@functools.cache  # read once per process: restart `mkdocs serve` after installing packages
def versions() -> tuple:
    """Python and every installed package, name and version."""
    return sys.version, tuple(sorted(f"{d.metadata['Name']}=={d.version}" for d in distributions()))


def entry(kind: str, parts, make) -> Path:
    """The folder .cache/<kind>/<hash of parts (input, the maker's code) and versions()>,
    filled by make(folder) if it is not there yet."""
    key = hashlib.sha256(json.dumps([versions(), parts], default=repr).encode()).hexdigest()
    folder = CACHE / kind / key[:24]
    if not folder.exists():
        folder.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=folder.parent, prefix=".tmp-") as tmp:
            make(Path(tmp))
            with contextlib.suppress(OSError):  # another build made it meanwhile
                os.replace(tmp, folder)  # atomic: complete or absent
    return folder
