"""BM25 statistics kept beside an engine that stores only vectors: stable term ids, document frequencies,
chunk count and total length, with policyqa's BM25 (``bm25.BM25Index``: rank-bm25's Okapi with its epsilon
floor) computed from them.

An engine's sparse vectors hold each chunk's term-frequency part of BM25,
``tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen))``; a query weights each term by its idf. Qdrant's IDF
modifier multiplies a query value by its own idf, ``ln(1 + (N − n + 0.5)/(n + 0.5))`` (Lucene's), where
policyqa's is ``ln((N − n + 0.5)/(n + 0.5))`` with negative values raised to ``epsilon ×`` the mean idf:
``query_weights`` divides one out and multiplies the other in, so the engine's score is policyqa's BM25.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np


class TermStats:
    """Vocabulary (term → id, ids never reused), document frequency per id, chunk count and total length."""

    def __init__(self, k1: float = 1.5, b: float = 0.75, epsilon: float = 0.25):
        self.k1, self.b, self.epsilon = k1, b, epsilon
        self.ids: dict[str, int] = {}
        self.df = np.zeros(0, dtype=np.int64)
        self.n = 0
        self.total_len = 0
        self._idf: np.ndarray | None = None

    # ------------------------------------------------------------ updates
    def _id(self, term: str) -> int:
        i = self.ids.get(term)
        if i is None:
            i = self.ids[term] = len(self.ids)
            if i >= len(self.df):
                self.df = np.concatenate([self.df, np.zeros(max(1024, len(self.df)), dtype=np.int64)])
        return i

    def add(self, counts: Counter[str]) -> None:
        """Account for one chunk with these term counts."""
        for term in counts:
            i = self._id(term)  # may grow self.df: index it afterwards
            self.df[i] += 1
        self.n += 1
        self.total_len += sum(counts.values())
        self._idf = None

    def remove(self, counts: dict[str, int]) -> None:
        """Forget one chunk (its term counts as added)."""
        for term in counts:
            self.df[self.ids[term]] -= 1
        self.n -= 1
        self.total_len -= sum(counts.values())
        self._idf = None

    @property
    def avg_len(self) -> float:
        return self.total_len / self.n if self.n else 0.0

    # ------------------------------------------------------------ scoring
    def _idf_all(self) -> np.ndarray:
        """policyqa's idf of every term id (rank-bm25: negative values floored to epsilon × mean)."""
        if self._idf is None:
            df = self.df[: len(self.ids)].astype(np.float64)
            present = df > 0
            idf = np.zeros(len(df))
            idf[present] = np.log(self.n - df[present] + 0.5) - np.log(df[present] + 0.5)
            if present.any():
                floor = self.epsilon * idf[present].sum() / present.sum()
                idf[present & (idf < 0)] = floor
            self._idf = idf
        return self._idf

    def idf(self, terms: Sequence[str]) -> np.ndarray:
        """Unfloored idf of each term; a term no chunk holds gets the largest idf (as ``BM25Index.idf``)."""
        df = np.array([self.df[self.ids[t]] if t in self.ids else 0 for t in terms], dtype=np.float64)
        return np.log(self.n - df + 0.5) - np.log(df + 0.5)

    def lucene_idf(self, ids: np.ndarray) -> np.ndarray:
        """Qdrant's IDF modifier for term ids: ln(1 + (N − n + 0.5)/(n + 0.5))."""
        df = self.df[ids].astype(np.float64)
        return np.log1p((self.n - df + 0.5) / (df + 0.5))

    def weights(self, counts: dict[str, int], avg_len: float) -> tuple[list[int], list[float]]:
        """A chunk's sparse vector: term ids and BM25 term-frequency weights at average length ``avg_len``."""
        length = sum(counts.values())
        norm = self.k1 * (1 - self.b + self.b * length / avg_len) if avg_len else self.k1
        ids = [self.ids[t] for t in counts]
        return ids, [float(tf * (self.k1 + 1) / (tf + norm)) for tf in counts.values()]

    def query_weights(self, weighted_terms: dict[str, float], modifier: bool = True) -> tuple[list[int], list[float]]:
        """A query's sparse vector: term ids and values such that the engine's score is policyqa's BM25
        (``modifier``: the engine multiplies each value by its Lucene idf, which is divided out here)."""
        known = [(self.ids[t], w) for t, w in weighted_terms.items() if t in self.ids and w]
        known = [(i, w) for i, w in known if self.df[i] > 0]
        if not known:
            return [], []
        ids = np.array([i for i, _ in known], dtype=np.int64)
        values = np.array([w for _, w in known]) * self._idf_all()[ids]
        if modifier:
            values = values / self.lucene_idf(ids)
        return ids.tolist(), values.tolist()

    # ------------------------------------------------------------ persistence
    def to_dict(self) -> dict[str, Any]:
        terms = sorted(self.ids, key=self.ids.__getitem__)
        return {"k1": self.k1, "b": self.b, "epsilon": self.epsilon, "n": self.n, "total_len": self.total_len,
                "terms": terms, "df": self.df[: len(terms)].tolist()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "TermStats":
        out = cls(d["k1"], d["b"], d["epsilon"])
        out.ids = {t: i for i, t in enumerate(d["terms"])}
        out.df = np.asarray(d["df"], dtype=np.int64)
        out.n, out.total_len = int(d["n"]), int(d["total_len"])
        return out


def term_counts(tokens: Iterable[str]) -> Counter[str]:
    """Term frequencies of a chunk's tokens, in first-seen order."""
    return Counter(tokens)
