"""FAISS dense index: exact and HNSW search, filtering, updates, persistence."""

import numpy as np
import pytest

from policyqa.dense import DenseIndex, ann_recall_at_k
from policyqa.errors import IndexMismatchError


def unit(n, dim=32, seed=0):
    v = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_flat_search_is_exact():
    v = unit(200)
    index = DenseIndex.build(v)
    assert index.kind == "flat"
    rows, scores = index.search(v[17], 5)
    assert rows[0] == 17 and scores[0] == pytest.approx(1.0, abs=1e-5)
    assert list(rows) == list(np.argsort(-(v @ v[17]))[:5])


def test_hnsw_above_threshold_and_recall():
    v = unit(2000)
    index = DenseIndex.build(v, ann_threshold=1000)
    assert index.kind == "hnsw"
    assert ann_recall_at_k(index, unit(50, seed=1), k=10) >= 0.9
    rows, _ = index.search(v[5], 1)
    assert rows[0] == 5


@pytest.mark.parametrize("threshold", [10_000, 100])
def test_allowed_mask_filters(threshold):
    v = unit(300)
    index = DenseIndex.build(v, ann_threshold=threshold)
    allowed = np.zeros(300, dtype=bool)
    allowed[[3, 50, 299]] = True
    rows, _ = index.search(v[3], 10, allowed)
    assert set(rows.tolist()) == {3, 50, 299}
    assert rows[0] == 3


def test_add_remove_and_round_trip(tmp_path):
    v = unit(100)
    index = DenseIndex.build(v[:60])
    index.add(v[60:])
    index.remove([0, 1, 2])
    assert len(index) == 97
    rows, _ = index.search(v[10], 1)
    assert rows[0] == 7  # renumbered after removing three rows before it
    index.save(tmp_path / "dense")
    loaded = DenseIndex.load(tmp_path / "dense")
    assert len(loaded) == 97 and loaded.kind == "flat"
    assert loaded.search(v[10], 3)[0].tolist() == index.search(v[10], 3)[0].tolist()
    loaded.add(unit(1, seed=9))
    assert len(loaded) == 98


def test_dimension_mismatch_is_refused():
    index = DenseIndex.build(unit(10, dim=32))
    with pytest.raises(IndexMismatchError, match="another embedding model"):
        index.search(unit(1, dim=16)[0], 3)
