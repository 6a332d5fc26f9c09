"""The sparse BM25 index scores exactly like rank-bm25 and survives updates and a save/load round trip."""

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from policyqa.bm25 import BM25Index
from policyqa.tokenizer import Tokenizer

TEXTS = [
    "深化殡葬综合改革，推进节地生态安葬，建设城市公益性公墓。",
    "发展老年助餐服务，建设幸福食堂和敬老餐厅，为老年人送餐上门。",
    "健全分层分类的社会救助体系，做好最低生活保障和特困人员供养。",
    "推进养老服务体系建设，养老机构护理员持证率提高到90%。",
    "加强未成年人保护和儿童福利工作，实施明天计划。",
    "推进婚俗改革，倡导移风易俗，推进殡葬改革。",
    "民政工作要点：推进养老服务、社会救助、殡葬改革。",
]


@pytest.fixture(scope="module")
def corpus():
    return Tokenizer().tokenize_many(TEXTS)


QUERIES = [["殡葬", "改革"], ["助餐", "老年人"], ["推进"], ["推进", "推进", "养老"], ["不存在的词"], []]


def test_scores_equal_rank_bm25(corpus):
    ours = BM25Index.build(corpus)
    ref = BM25Okapi(corpus)
    # 推进 is in 4 of 7 chunks: its idf is negative and rank-bm25 floors it with epsilon * average idf.
    assert ref.idf["推进"] == pytest.approx(0.25 * sum(
        np.log(len(corpus) - sum(t in d for d in corpus) + 0.5) - np.log(sum(t in d for d in corpus) + 0.5)
        for t in ref.idf) / len(ref.idf))
    for q in QUERIES:
        assert np.allclose(ours.scores(q), ref.get_scores(q), rtol=1e-5, atol=1e-6), q


def test_top_k_and_allowed_mask(corpus):
    index = BM25Index.build(corpus)
    ref = BM25Okapi(corpus).get_scores(["殡葬", "改革"])
    rows, scores = index.top_k(["殡葬", "改革"], 2)
    assert list(rows) == list(np.argsort(-ref, kind="stable")[:2])
    allowed = np.zeros(len(corpus), dtype=bool)
    allowed[[1, 5]] = True
    rows, _ = index.top_k(["殡葬", "改革"], 5, allowed)
    assert list(rows) == [5]
    assert len(index.top_k(["不存在的词"], 5)[0]) == 0


def test_add_and_remove_equal_a_rebuild(corpus):
    index = BM25Index.build(corpus[:4])
    index.add(corpus[4:])
    full = BM25Index.build(corpus)
    for q in QUERIES:
        assert np.allclose(index.scores(q), full.scores(q), rtol=1e-6)
    index.remove([0, 3])
    rest = [c for i, c in enumerate(corpus) if i not in (0, 3)]
    ref = BM25Okapi(rest)
    for q in QUERIES:
        assert np.allclose(index.scores(q), ref.get_scores(q), rtol=1e-5, atol=1e-6)


def test_save_load_round_trip_with_chinese_vocab(corpus, tmp_path):
    index = BM25Index.build(corpus)
    index.save(tmp_path / "bm25")
    assert "殡葬" in (tmp_path / "bm25" / "vocab.index.json").read_text(encoding="utf-8")
    loaded = BM25Index.load(tmp_path / "bm25")
    assert len(loaded) == len(corpus)
    for q in QUERIES:
        assert np.allclose(loaded.scores(q), index.scores(q))
    loaded.add([["殡葬", "新词"]])  # a memory-mapped index can still be updated
    assert loaded.top_k(["新词"], 1)[0].tolist() == [len(corpus)]
