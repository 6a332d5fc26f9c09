"""Places and years in a query are preferences (retrieval.search); region/year/source arguments are filters."""

from pathlib import Path

import pytest

from policyqa.backends import document_fields
from policyqa.embedders import HashEmbedder
from policyqa.errors import QueryError
from policyqa.index import SearchConfig, build_index
from policyqa.question import analyze_question
from policyqa.regions import resolve_place
from policyqa.retrieval import Steering, search, steering

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def idx(tmp_path_factory):
    index, _ = build_index([SEEDS], tmp_path_factory.mktemp("retrieval") / "idx", HashEmbedder(dim=64))
    yield index
    index.close()


def names(hits):
    return [Path(h.chunk.source).name[:3] for h in hits]


def test_steering_reads_places_and_years_unless_filters_are_given(idx):
    how = steering(idx, "厦门2023年民政工作要点是什么时候印发的")
    assert [p.name for p in how.places] == ["厦门市"] and how.years == [2023] and how.scope is None
    assert steering(idx, "厦门2023年民政工作要点", region="金华", year=2025) == Steering()
    info = analyze_question("舟山2025年养老服务")  # an analysis the caller already has is used as it is
    assert steering(idx, "舟山2025年养老服务", info=info) == Steering(info.places, [2025])


def test_scope_restricts_a_which_places_question(idx):
    how = steering(idx, "浙江省哪些城市推进养老服务")
    assert how.scope is not None and how.scope.name == "浙江省" and not how.places
    hits = search(idx, "浙江省哪些城市推进养老服务", k=20)
    assert hits and all(h.region.province == "浙江省" for h in hits)
    assert any(h.region.province != "浙江省" for h in idx.search("浙江省哪些城市推进养老服务", k=20))
    # a scope the index has no documents from does not restrict
    assert steering(idx, "西藏自治区哪些城市推进养老服务").scope is None


def test_preferred_place_joins_the_candidates_and_leads(idx):
    idx.config = SearchConfig(candidates_factor=1, min_candidates=1, place_boost=10.0)
    try:
        # 舟山's passages are not among the 3 candidates either side gives a plain search (k=3)...
        b = idx.backend
        vector = idx.embedder.embed_queries(["养老服务"])[0]
        candidates = b.sparse_top_k(idx.tokenizer.tokenize("养老服务"), 3).keys + b.dense_top_k(vector, 3).keys
        assert "001" not in {Path(d["source"]).name[:3] for d in b.documents_of(candidates)}
        # ...but the best of them join the candidates when 舟山 is preferred, and lead after the boost.
        hits = idx.search("养老服务", k=3, mode="hybrid", prefer_places=[resolve_place("舟山")])
        assert names(hits)[0] == "001"
        assert set(names(hits)) - {"001"}  # others are not excluded
    finally:
        idx.config = SearchConfig()


def test_preferred_year_is_boosted_not_required(idx):
    plain = {h.chunk.id: h.score for h in idx.search("养老服务", k=20, mode="bm25")}
    boosted = idx.search("养老服务", k=20, mode="bm25", prefer_years=[2023])
    of_2023 = [2023 in document_fields(idx.documents[h.chunk.source])["years"] for h in boosted]
    assert any(of_2023) and not all(of_2023)
    for h, boost in zip(boosted, of_2023):
        if h.chunk.id in plain:
            assert h.score == pytest.approx(plain[h.chunk.id] * (1 + idx.config.year_boost if boost else 1.0))


def test_explicit_region_filters_even_when_another_place_is_preferred(idx):
    hits = search(idx, "厦门养老服务", k=10, mode="hybrid", region="金华")
    assert hits and set(names(hits)) <= {"000", "004"}
    with pytest.raises(QueryError, match="unknown place"):
        idx.search("养老服务", region="不存在的地方")
    assert idx.search("养老服务", source="no-such-file.txt") == []


def test_steer_off_is_the_plain_search(idx):
    query = "舟山养老机构护理员持证率"
    assert [h.chunk.id for h in search(idx, query, k=10, steer=False)] == \
        [h.chunk.id for h in idx.search(query, k=10)]
