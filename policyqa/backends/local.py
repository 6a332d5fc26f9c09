"""The default backend: FAISS (``dense.DenseIndex``) and a scipy BM25 matrix (``bm25.BM25Index``) sharing row
numbers, chunk records in a generation's ``chunks.jsonl``, document metadata in memory.

Keys are row numbers. Filters become boolean masks over documents, computed with numpy on per-document
field arrays built once, then spread over rows; FAISS applies them with an ID selector, BM25 by zeroing
the masked rows' scores.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from ..models import Chunk
from .base import Filter, Postings, Ranked, document_fields

_EMPTY = Ranked([], np.zeros(0, dtype=np.float64))


class LocalBackend:
    """FAISS + BM25 over the rows of one index generation (plus rows added in memory since it was loaded).

    ``store`` is the generation's ``store.ChunkStore`` (None for a backend built in memory); rows keep
    pointing into it after ``delete``/``add``, so incremental builds can copy kept records as bytes.
    """

    name = "local"

    def __init__(self, documents: Sequence[dict[str, Any]], store: Any, bm25: Any, dense: Any):
        self.store = store
        self.bm25 = bm25
        self.dense = dense
        self._docs: list[dict[str, Any]] = list(documents)
        self._doc_index = {d["source"]: i for i, d in enumerate(self._docs)}
        n = len(store) if store is not None else 0
        # Row -> record: >= 0 is a row of ``store``, -1-i is ``self._added[i]``.
        self._src = np.arange(n, dtype=np.int64)
        self._doc_rows = np.asarray(store.doc_rows, dtype=np.int64) if store is not None else np.zeros(0, np.int64)
        self._added: list[Chunk] = []
        self._fields: dict[str, np.ndarray] | None = None

    @classmethod
    def build(cls, chunks: Sequence[Chunk], documents: Sequence[dict[str, Any]], tokens: Sequence[Sequence[str]],
              vectors: np.ndarray) -> "LocalBackend":
        """A backend holding exactly these chunks (``documents``: one metadata dict per chunk)."""
        from ..bm25 import BM25Index
        from ..dense import DenseIndex

        backend = cls([], None, BM25Index.build(tokens), DenseIndex.build(vectors))
        backend._append(chunks, documents)
        return backend

    def __len__(self) -> int:
        return len(self._src)

    # ------------------------------------------------------------ records
    def documents(self) -> list[dict[str, Any]]:
        return list(self._docs)

    def chunk(self, key: Any) -> Chunk:
        src = int(self._src[int(key)])
        return self.store[src] if src >= 0 else self._added[-1 - src]

    def documents_of(self, keys: Sequence[Any]) -> list[dict[str, Any]]:
        docs = self._docs
        return [docs[i] for i in self._doc_rows[np.asarray(keys, dtype=np.int64)].tolist()]

    def keys_of_documents(self, sources: Iterable[str]) -> list[int]:
        wanted = np.zeros(len(self._docs), dtype=bool)
        for s in sources:
            i = self._doc_index.get(s)
            if i is not None:
                wanted[i] = True
        return np.flatnonzero(wanted[self._doc_rows]).tolist()

    def count(self, filter: Filter | None = None) -> int:
        rows = self._row_mask(filter)
        return len(self) if rows is None else int(rows.sum())

    def matches(self, keys: Sequence[Any], filter: Filter) -> np.ndarray:
        docs = self._doc_mask(filter)
        rows = self._doc_rows[np.asarray(keys, dtype=np.int64)]
        return np.ones(len(rows), dtype=bool) if docs is None else docs[rows]

    # ------------------------------------------------------------ filters
    def _field_arrays(self) -> dict[str, np.ndarray]:
        if self._fields is None:
            fields = [document_fields(d) for d in self._docs]
            arrays = {name: np.array([f[name] for f in fields], dtype=object)
                      for name in ("source", "province", "city", "county", "level")}
            arrays["years"] = np.array([frozenset(f["years"]) for f in fields] or [], dtype=object)
            self._fields = arrays
        return self._fields

    def _doc_mask(self, filter: Filter | None) -> np.ndarray | None:
        """Documents that pass ``filter`` (None: all). Regions follow ``regions.region_contains``."""
        if filter is None or filter.is_empty:
            return None
        f = self._field_arrays()
        mask = np.ones(len(self._docs), dtype=bool)
        if filter.regions:
            inside = np.zeros(len(self._docs), dtype=bool)
            for r in filter.regions:
                if r.county:
                    inside |= (f["county"] == r.county) & (f["city"] == r.city)
                elif r.city:
                    inside |= f["city"] == r.city
                elif r.province:
                    inside |= f["province"] == r.province
            mask &= inside
        if filter.level:
            mask &= f["level"] == filter.level
        if filter.years:
            wanted = set(filter.years)
            mask &= np.fromiter((not wanted.isdisjoint(ys) for ys in f["years"]), dtype=bool, count=len(mask))
        if filter.sources:
            mask &= np.isin(f["source"], list(filter.sources))
        return mask

    def _row_mask(self, filter: Filter | None) -> np.ndarray | None:
        docs = self._doc_mask(filter)
        return None if docs is None else docs[self._doc_rows]

    # ------------------------------------------------------------ search
    def sparse_top_k(self, tokens: Sequence[str], k: int, filter: Filter | None = None,
                     expansion: Sequence[str] = (), expansion_weight: float = 0.0) -> Ranked:
        if not tokens and not expansion:
            return _EMPTY
        allowed = self._row_mask(filter)
        if allowed is not None and not allowed.any():
            return _EMPTY
        rows, scores = self.bm25.top_k(tokens, k, allowed, expansion, expansion_weight)
        return Ranked(rows.tolist(), scores)

    def dense_top_k(self, vector: np.ndarray, k: int, filter: Filter | None = None) -> Ranked:
        allowed = self._row_mask(filter)
        if allowed is not None and not allowed.any():
            return _EMPTY
        rows, scores = self.dense.search(vector, k, allowed)
        return Ranked(rows.tolist(), scores)

    def dense_scores(self, vector: np.ndarray, keys: Sequence[Any]) -> np.ndarray:
        rows = np.asarray(keys, dtype=np.int64)
        if not len(rows):
            return np.zeros(0, dtype=np.float32)
        return np.asarray(self.dense.vectors)[rows] @ np.asarray(vector, dtype=np.float32)

    # ------------------------------------------------------------ term statistics
    def idf(self, terms: Sequence[str]) -> np.ndarray:
        return self.bm25.idf(terms)

    def terms_in(self, keys: Sequence[Any], terms: Sequence[str]) -> list[frozenset[str]]:
        ids = self.bm25.term_ids(terms)
        out = []
        for key in keys:
            present = self.bm25.row_terms(int(key))
            out.append(frozenset(t for t, i in zip(terms, ids) if i >= 0 and i in present))
        return out

    def postings(self, terms: Sequence[str], filter: Filter | None = None) -> Postings:
        terms = list(dict.fromkeys(terms))
        lists = self.bm25.postings(terms)
        rows = np.unique(np.concatenate(lists)) if lists else np.zeros(0, dtype=np.int64)
        allowed = self._row_mask(filter)
        if allowed is not None:
            rows = rows[allowed[rows]]
        present = np.zeros((len(rows), len(terms)), dtype=bool)
        for j, term_rows in enumerate(lists):
            present[:, j] = np.isin(rows, term_rows, assume_unique=True)
        return Postings(terms, rows.tolist(), present)

    # ------------------------------------------------------------ updates
    def add(self, chunks: Sequence[Chunk], documents: Sequence[dict[str, Any]], tokens: Sequence[Sequence[str]],
            vectors: np.ndarray) -> list[int]:
        if not (len(chunks) == len(documents) == len(tokens) == len(vectors)):
            raise ValueError("add needs one document, token list and vector per chunk")
        start = len(self)
        self.dense.add(vectors)  # first: it refuses vectors of another dimension before anything changes
        self.bm25.add(tokens)
        self._append(chunks, documents)
        return list(range(start, len(self)))

    def _append(self, chunks: Sequence[Chunk], documents: Sequence[dict[str, Any]]) -> None:
        doc_rows = np.empty(len(chunks), dtype=np.int64)
        for i, meta in enumerate(documents):
            at = self._doc_index.get(meta["source"])
            if at is None:
                at = self._doc_index[meta["source"]] = len(self._docs)
                self._docs.append(meta)
            else:
                self._docs[at] = meta
            doc_rows[i] = at
        first = len(self._added)
        self._src = np.concatenate([self._src, -1 - np.arange(first, first + len(chunks), dtype=np.int64)])
        self._doc_rows = np.concatenate([self._doc_rows, doc_rows])
        self._added.extend(chunks)
        self._fields = None

    def delete(self, keys: Sequence[Any]) -> None:
        rows = np.asarray(keys, dtype=np.int64)
        if not len(rows):
            return
        self.bm25.remove(rows)
        self.dense.remove(rows)
        keep = np.ones(len(self), dtype=bool)
        keep[rows] = False
        touched = np.unique(self._doc_rows[rows])
        self._src = self._src[keep]
        self._doc_rows = self._doc_rows[keep]
        emptied = np.setdiff1d(touched, self._doc_rows)
        if len(emptied):  # a document whose chunks are all deleted is gone too
            kept = np.ones(len(self._docs), dtype=bool)
            kept[emptied] = False
            remap = np.cumsum(kept) - 1
            self._docs = [d for d, k in zip(self._docs, kept.tolist()) if k]
            self._doc_index = {d["source"]: i for i, d in enumerate(self._docs)}
            self._doc_rows = remap[self._doc_rows]
        self._fields = None

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
