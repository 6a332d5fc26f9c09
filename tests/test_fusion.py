import numpy as np
import pytest

from policyqa.fusion import minmax, rrf, top, weighted


def test_rrf_worked_by_hand():
    fused = rrf({"bm25": [7, 3, 5], "dense": [3, 9]}, k=60)
    assert fused[3] == pytest.approx(1 / (60 + 2) + 1 / (60 + 1))
    assert fused[7] == pytest.approx(1 / 61)
    assert fused[9] == pytest.approx(1 / 62)
    assert fused[5] == pytest.approx(1 / 63)
    assert [row for row, _ in top(fused, 2)] == [3, 7]


def test_rrf_weights():
    fused = rrf({"bm25": [1], "dense": [2]}, k=10, weights={"bm25": 2.0, "dense": 1.0})
    assert fused[1] == pytest.approx(2 / 11)
    assert fused[2] == pytest.approx(1 / 11)


def test_minmax_and_weighted_by_hand():
    assert minmax(np.array([2.0, 4.0, 3.0])).tolist() == [0.0, 1.0, 0.5]
    assert minmax(np.array([5.0, 5.0])).tolist() == [1.0, 1.0]
    fused = weighted({"bm25": ([1, 2], [10.0, 0.0]), "dense": ([2, 3], [0.9, 0.5])},
                     {"bm25": 0.3, "dense": 0.7})
    assert fused[1] == pytest.approx(0.3)
    assert fused[2] == pytest.approx(0.7)
    assert fused[3] == pytest.approx(0.0)


def test_top_breaks_ties_by_row():
    assert top({5: 1.0, 2: 1.0, 9: 0.5}, 3) == [(2, 1.0), (5, 1.0), (9, 0.5)]
