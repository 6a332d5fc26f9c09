"""Fusing ranked lists from the sparse and dense retrievers."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

import numpy as np

FUSION_METHODS = ("rrf", "weighted")


def rrf(rankings: Mapping[str, Sequence[Hashable]], k: int = 60,
        weights: Mapping[str, float] | None = None) -> dict[Hashable, float]:
    """Reciprocal rank fusion: ``sum_s w_s / (k + rank_s(d))`` with ranks starting at 1; rows are backend keys."""
    fused: dict[Hashable, float] = {}
    for name, rows in rankings.items():
        w = 1.0 if weights is None else weights.get(name, 1.0)
        for rank, row in enumerate(rows, start=1):
            fused[row] = fused.get(row, 0.0) + w / (k + rank)
    return fused


def minmax(scores: np.ndarray) -> np.ndarray:
    """Scale scores to [0, 1]; a constant list maps to all ones."""
    scores = np.asarray(scores, dtype=np.float64)
    if scores.size == 0:
        return scores
    lo, hi = float(scores.min()), float(scores.max())
    if hi - lo < 1e-12:
        return np.ones_like(scores)
    return (scores - lo) / (hi - lo)


def weighted(results: Mapping[str, tuple[Sequence[Hashable], Sequence[float]]],
             weights: Mapping[str, float]) -> dict[Hashable, float]:
    """Convex combination of min-max normalised scores; a row missing from a list scores 0 there."""
    fused: dict[Hashable, float] = {}
    for name, (rows, scores) in results.items():
        w = weights.get(name, 0.0)
        for row, s in zip(rows, minmax(np.asarray(scores)).tolist()):
            fused[row] = fused.get(row, 0.0) + w * s
    return fused


def top(fused: Mapping[Hashable, float], k: int) -> list[tuple[Hashable, float]]:
    """The k best (row, score) pairs, ties broken by row for determinism."""
    return sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:k]
