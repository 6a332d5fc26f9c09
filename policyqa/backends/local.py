"""The default backend: FAISS (``dense.DenseIndex``) and a scipy BM25 matrix (``bm25.BM25Index``) sharing row
numbers, chunk records in a generation's ``chunks.jsonl``, document metadata in memory.

Keys are row numbers. Filters become boolean masks over documents, computed with numpy on per-document
field arrays built once, then spread over rows; FAISS applies them with an ID selector, BM25 by zeroing
the masked rows' scores.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..models import Chunk
from .base import DocumentTable, Filter, Postings, Ranked, SortedWords

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
        self._table: DocumentTable | None = None
        self._first: np.ndarray | None = None
        self._sorted_words = SortedWords()

    @classmethod
    def open(cls, gen: Path, documents: Sequence[dict[str, Any]], count: int) -> "LocalBackend":
        """The backend of a generation directory holding ``count`` chunks, its files checked for structure.

        Raises IndexCorruptError naming a damaged file; other read failures propagate (the caller runs a
        full verification to name the file).
        """
        from .. import integrity, store
        from ..bm25 import BM25Index
        from ..dense import DenseIndex
        from ..errors import IndexCorruptError

        chunks = store.ChunkStore(gen, count)
        try:
            bm25 = BM25Index.load(gen / "bm25")
            dense = DenseIndex.load(gen / "dense")
            if len(bm25) != count or len(dense) != count:
                raise IndexCorruptError(
                    f"index in {gen} is inconsistent ({count} chunks, {len(bm25)} BM25 rows, {len(dense)} vectors): "
                    f"{integrity.repair_hint(gen.parent)}"
                )
            check_structure(gen, chunks, bm25, dense, len(documents))
        except BaseException:
            chunks.close()
            raise
        return cls(documents, chunks, bm25, dense)

    def save(self, gen: Path) -> None:
        """Write the BM25 and dense files into a generation being written (chunk records are written by
        ``store.write_chunks``)."""
        self.bm25.save(gen / "bm25")
        self.dense.save(gen / "dense")

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

    def document_numbers(self, keys: Sequence[Any]) -> np.ndarray:
        return self._doc_rows[np.asarray(keys, dtype=np.int64)]

    def _first_rows(self) -> np.ndarray:
        if self._first is None:
            first = np.full(len(self._docs), -1, dtype=np.int64)
            uniq, at = np.unique(self._doc_rows, return_index=True)
            first[uniq] = at
            self._first = first
        return self._first

    def first_keys(self, docs: Sequence[int]) -> list[int]:
        return self._first_rows()[np.asarray(docs, dtype=np.int64)].tolist()

    def ordinals(self, keys: Sequence[Any]) -> np.ndarray:
        # A document's chunks are consecutive rows in reading order (documents are added and removed whole).
        rows = np.asarray(keys, dtype=np.int64)
        return rows - self._first_rows()[self._doc_rows[rows]]

    def chunk_counts(self) -> np.ndarray:
        return np.bincount(self._doc_rows, minlength=len(self._docs))

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
    def _doc_mask(self, filter: Filter | None) -> np.ndarray | None:
        """Documents that pass ``filter`` (None: all)."""
        if self._table is None:
            self._table = DocumentTable(self._docs)
        return self._table.mask(filter)

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

    def words_starting(self, prefix: str, longer_by: int) -> list[str]:
        return self._sorted_words.starting(self.bm25.vocab, prefix, longer_by)

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
        self._table = None
        self._first = None

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
        self._table = None
        self._first = None

    def check(self) -> int:
        n = 0
        if self.store is not None:
            for _ in self.store:  # decodes every record: a damaged one raises IndexCorruptError
                n += 1
        return n + len(self._added)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()


def _monotone(a: np.ndarray) -> bool:
    return bool(len(a) == 0 or (a[0] == 0 and (len(a) < 2 or (np.diff(a) >= 0).all())))


def check_structure(gen: Path, chunks: Any, bm25: Any, dense: Any, n_docs: int) -> None:
    """Arrays that index other arrays are in range: a flipped byte there means IndexError or wrong rows."""
    from ..integrity import damaged

    n = len(chunks.doc_rows)
    if not _monotone(np.asarray(chunks.offsets)):
        raise damaged(gen, "chunk_offsets.npy", "is damaged (offsets out of order)")
    rows = np.asarray(chunks.doc_rows)
    if n and (rows.min() < 0 or rows.max() >= n_docs):
        raise damaged(gen, "chunk_docs.npy", f"is damaged (document numbers outside 0..{n_docs - 1})")
    vocab = len(bm25.vocab)
    for name, m, bound in (("tf", bm25.tf, vocab), ("w", bm25.weights, n)):
        indptr, indices = np.asarray(m.indptr), np.asarray(m.indices)
        if not _monotone(indptr) or (len(indptr) and indptr[-1] != len(indices)):
            raise damaged(gen, f"bm25/{name}_indptr.npy", "is damaged (row pointers out of order)")
        if len(indices) and (indices.min() < 0 or indices.max() >= bound):
            raise damaged(gen, f"bm25/{name}_indices.npy", "is damaged (indices out of range)")
        if len(m.data) != len(indices):
            raise damaged(gen, f"bm25/{name}_data.npy", "does not match its indices")
        if not np.isfinite(np.asarray(m.data)).all():
            raise damaged(gen, f"bm25/{name}_data.npy", "is damaged (values that are not numbers)")
    if not np.isfinite(np.asarray(bm25.doc_len)).all() or (np.asarray(bm25.doc_len) < 0).any():
        raise damaged(gen, "bm25/doc_len.npy", "is damaged (invalid lengths)")
    if not np.isfinite(np.asarray(dense.vectors)).all():
        raise damaged(gen, "dense/vectors.npy", "is damaged (values that are not numbers)")
