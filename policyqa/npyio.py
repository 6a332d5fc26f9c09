"""Reading ``.npy`` files safely from several threads at once.

numpy parses a ``.npy`` header with ``ast.literal_eval``, and CPython 3.11 builds ASTs with one counter shared
by all threads: two threads loading arrays at the same moment can fail with ``SystemError: AST constructor
recursion depth mismatch`` (python/cpython#106905). A web server reloading a generation while it answers, or
readers in several threads, open indexes concurrently, so every array policyqa reads goes through one lock
(the header only: the data is memory-mapped or read after the parse, and a load takes well under a millisecond).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np

_LOCK = threading.Lock()


def load_npy(path: str | Path, mmap_mode: str | None = None) -> Any:
    """``np.load(path, mmap_mode=…)``, one thread at a time."""
    with _LOCK:
        return np.load(path, mmap_mode=mmap_mode)
