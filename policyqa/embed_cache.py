"""Embedding cache keyed by (embedder id, sha256 of the embedded text): unchanged text is never re-embedded."""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

_SCHEMA = "CREATE TABLE IF NOT EXISTS vectors (model TEXT NOT NULL, digest BLOB NOT NULL, vec BLOB NOT NULL, PRIMARY KEY (model, digest))"


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class EmbeddingCache:
    """A SQLite file of float32 vectors. SQLite gives atomic, concurrent-safe writes from the standard library.

    A damaged cache file is moved aside and started afresh: a cache must never stop indexing.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._db: sqlite3.Connection | None = None

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._db = self._open()
            except sqlite3.DatabaseError as exc:
                log.warning("embedding cache %s is damaged (%s); starting a new one", self.path, exc)
                self.path.replace(self.path.with_suffix(".corrupt"))
                self._db = self._open()
        return self._db

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        db.execute(_SCHEMA)
        db.execute("SELECT count(*) FROM vectors LIMIT 1").fetchone()
        return db

    def get_many(self, embedder_id: str, texts: Sequence[str]) -> tuple[np.ndarray | None, list[int]]:
        """Cached vectors (rows of missing texts left zero, or None if none is cached) and the missing indices."""
        db = self._conn()
        found: dict[bytes, bytes] = {}
        digests = [_digest(t) for t in texts]
        unique = list(dict.fromkeys(digests))
        for i in range(0, len(unique), 500):
            part = unique[i:i + 500]
            rows = db.execute(
                f"SELECT digest, vec FROM vectors WHERE model = ? AND digest IN ({','.join('?' * len(part))})",
                [embedder_id, *part],
            ).fetchall()
            found.update(rows)
        missing = [i for i, d in enumerate(digests) if d not in found]
        if not found:
            return None, missing
        dim = len(next(iter(found.values()))) // 4
        out = np.zeros((len(texts), dim), dtype=np.float32)
        for i, d in enumerate(digests):
            if d in found:
                out[i] = np.frombuffer(found[d], dtype=np.float32)
        return out, missing

    def put_many(self, embedder_id: str, texts: Sequence[str], vectors: np.ndarray) -> None:
        """Store vectors for texts (one transaction)."""
        db = self._conn()
        vectors = np.asarray(vectors, dtype=np.float32)
        with db:
            db.executemany(
                "INSERT OR REPLACE INTO vectors (model, digest, vec) VALUES (?, ?, ?)",
                [(embedder_id, _digest(t), v.tobytes()) for t, v in zip(texts, vectors)],
            )

    def embed_passages(self, embedder: Any, texts: Sequence[str],
                       progress: Callable[[int], None] | None = None,
                       batch_size: int = 16) -> tuple[np.ndarray, int]:
        """Vectors for ``texts``, embedding only cache misses, and identical texts once; returns
        (vectors, texts not embedded now: cache hits and repeats)."""
        cached, missing = self.get_many(embedder.id, texts)
        out = cached if cached is not None else np.zeros((len(texts), embedder.dim), dtype=np.float32)
        first: dict[str, int] = {}
        unique = [i for i in missing if first.setdefault(texts[i], i) == i]
        hits = len(texts) - len(unique)
        if progress and hits:
            progress(hits)
        # Embed and store in slices so an interrupted build keeps what it already paid for.
        step = max(batch_size * 8, 1)
        for i in range(0, len(unique), step):
            idx = unique[i:i + step]
            batch = [texts[j] for j in idx]
            vecs = embedder.embed_passages(batch, batch_size=batch_size, progress=progress)
            out[idx] = vecs
            self.put_many(embedder.id, batch, vecs)
        repeats = [i for i in missing if first[texts[i]] != i]
        if repeats:
            out[repeats] = out[[first[texts[i]] for i in repeats]]
        return out, hits

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
