"""Fusing ranked lists from the sparse and dense retrievers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

FUSION_METHODS = ("rrf", "weighted")


def rrf(rankings: Mapping[str, Sequence[int]], k: int = 60,
        weights: Mapping[str, float] | None = None) -> dict[int, float]:
    """Reciprocal rank fusion: ``sum_s w_s / (k + rank_s(d))`` with ranks starting at 1."""
    fused: dict[int, float] = {}
    for name, rows in rankings.items():
        w = 1.0 if weights is None else weights.get(name, 1.0)
        for rank, row in enumerate(rows, start=1):
            fused[int(row)] = fused.get(int(row), 0.0) + w / (k + rank)
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


def weighted(results: Mapping[str, tuple[Sequence[int], Sequence[float]]],
             weights: Mapping[str, float]) -> dict[int, float]:
    """Convex combination of min-max normalised scores; a row missing from a list scores 0 there."""
    fused: dict[int, float] = {}
    for name, (rows, scores) in results.items():
        w = weights.get(name, 0.0)
        for row, s in zip(rows, minmax(np.asarray(scores))):
            fused[int(row)] = fused.get(int(row), 0.0) + w * float(s)
    return fused


def top(fused: Mapping[int, float], k: int) -> list[tuple[int, float]]:
    """The k best (row, score) pairs, ties broken by row for determinism."""
    return sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:k]
