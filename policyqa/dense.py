"""Dense vectors in FAISS: inner product on L2-normalised vectors, exact below a size threshold, HNSW above."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path

import faiss
import numpy as np

from .npyio import load_npy

log = logging.getLogger(__name__)

# Exact search over 100k x 384 vectors takes ~10 ms on two cores (eval/bench.py), inside the latency
# budget, so the approximate index only starts above that.
ANN_THRESHOLD = 200_000
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 128


class DenseIndex:
    """FAISS index plus the vectors it was built from (kept so rows can be removed and rebuilt)."""

    def __init__(self, dim: int, ann_threshold: int = ANN_THRESHOLD, vectors: np.ndarray | None = None,
                 index: faiss.Index | None = None):
        self.dim = dim
        self.ann_threshold = ann_threshold
        self.vectors = vectors if vectors is not None else np.zeros((0, dim), dtype=np.float32)
        self.index = index if index is not None else self._new_index(len(self.vectors))
        if index is None and len(self.vectors):
            self.index.add(np.ascontiguousarray(self.vectors, dtype=np.float32))

    @property
    def kind(self) -> str:
        """``flat`` (exact) or ``hnsw`` (approximate)."""
        return "hnsw" if isinstance(self.index, faiss.IndexHNSWFlat) else "flat"

    def _new_index(self, n: int) -> faiss.Index:
        if n >= self.ann_threshold:
            index = faiss.IndexHNSWFlat(self.dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
            index.hnsw.efSearch = HNSW_EF_SEARCH
            return index
        return faiss.IndexFlatIP(self.dim)

    @classmethod
    def build(cls, vectors: np.ndarray, ann_threshold: int = ANN_THRESHOLD) -> "DenseIndex":
        """Index ``vectors`` (n, dim), which must be L2-normalised float32."""
        vectors = _check(vectors, None)
        return cls(vectors.shape[1], ann_threshold, vectors)

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def add(self, vectors: np.ndarray) -> None:
        """Append rows; crossing the threshold switches to HNSW (a one-off rebuild)."""
        vectors = _check(vectors, self.dim)
        self.vectors = np.concatenate([np.asarray(self.vectors), vectors])
        if self.kind == "flat" and len(self.vectors) >= self.ann_threshold:
            self._rebuild()
        else:
            self.index.add(vectors)

    def remove(self, rows: Sequence[int]) -> None:
        """Drop rows (the rest are renumbered in order). HNSW cannot delete, so it is rebuilt."""
        keep = np.ones(len(self.vectors), dtype=bool)
        keep[np.asarray(rows, dtype=np.int64)] = False
        self.vectors = np.asarray(self.vectors)[keep]
        self._rebuild()

    def _rebuild(self) -> None:
        self.index = self._new_index(len(self.vectors))
        if len(self.vectors):
            self.index.add(np.ascontiguousarray(self.vectors, dtype=np.float32))

    def search(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Rows and inner-product scores of the ``k`` nearest rows, best first; ``allowed`` masks rows."""
        q = _check(np.asarray(query, dtype=np.float32).reshape(1, -1), self.dim)
        k = min(k, len(self))
        if k == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        params = None
        if allowed is not None:
            bitmap = np.packbits(np.asarray(allowed, dtype=np.uint8), bitorder="little")
            selector = faiss.IDSelectorBitmap(len(allowed), faiss.swig_ptr(bitmap))
            params = (faiss.SearchParametersHNSW(sel=selector, efSearch=max(HNSW_EF_SEARCH, k))
                      if self.kind == "hnsw" else faiss.SearchParameters(sel=selector))
            scores, rows = self.index.search(q, k, params=params)
            del selector, bitmap  # kept alive until the search has returned
        elif self.kind == "hnsw":
            # Per call, never on the shared index: concurrent searches (the web server) must not change
            # each other's efSearch.
            scores, rows = self.index.search(q, k, params=faiss.SearchParametersHNSW(efSearch=max(HNSW_EF_SEARCH, k)))
        else:
            scores, rows = self.index.search(q, k)
        found = rows[0] >= 0
        return rows[0][found].astype(np.int64), scores[0][found]

    def save(self, directory: Path) -> None:
        """Write ``vectors.npy`` (the truth), ``params.json`` and, for HNSW, ``index.faiss`` into ``directory``."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        np.save(directory / "vectors.npy", np.asarray(self.vectors, dtype=np.float32))
        if self.kind == "hnsw":  # a flat index is just the vectors: rebuilt at load instead of stored twice
            faiss.write_index(self.index, str(directory / "index.faiss"))
        with open(directory / "params.json", "w", encoding="utf-8") as f:
            json.dump({"dim": self.dim, "kind": self.kind, "rows": len(self), "ann_threshold": self.ann_threshold}, f)

    @classmethod
    def load(cls, directory: Path, mmap: bool = True) -> "DenseIndex":
        """Load a saved index (vectors memory-mapped unless ``mmap`` is False)."""
        directory = Path(directory)
        with open(directory / "params.json", encoding="utf-8") as f:
            params = json.load(f)
        vectors = load_npy(directory / "vectors.npy", mmap_mode="r" if mmap else None)
        if params.get("kind") == "hnsw":
            index = faiss.read_index(str(directory / "index.faiss"))
        else:
            index = faiss.IndexFlatIP(params["dim"])
            index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        if index.d != params["dim"] or index.ntotal != params["rows"] or len(vectors) != params["rows"]:
            raise ValueError("FAISS index does not match its vectors and parameters")
        return cls(params["dim"], params.get("ann_threshold", ANN_THRESHOLD), vectors, index)


def _check(vectors: np.ndarray, dim: int | None) -> np.ndarray:
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if vectors.ndim != 2 or (dim is not None and vectors.shape[1] != dim):
        from .errors import IndexMismatchError

        raise IndexMismatchError(
            f"vectors of shape {vectors.shape} do not fit an index of dimension {dim}: "
            "the index was built with another embedding model; rebuild it with `policyqa index --rebuild`"
        )
    return vectors


def ann_recall_at_k(dense: DenseIndex, queries: np.ndarray, k: int = 10) -> float:
    """Share of the exact top-k (flat search) that the index's search returns, averaged over queries."""
    exact = faiss.IndexFlatIP(dense.dim)
    exact.add(np.ascontiguousarray(dense.vectors, dtype=np.float32))
    _, truth = exact.search(np.ascontiguousarray(queries, dtype=np.float32), k)
    found = 0
    for q, t in zip(queries, truth):
        rows, _ = dense.search(q, k)
        found += len(set(rows.tolist()) & set(t.tolist()))
    return found / (len(queries) * k)
