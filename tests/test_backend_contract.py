"""The backend contract: what every ``policyqa.backends`` engine must answer, checked against brute force.

Each test runs once per backend in ``BACKENDS`` (add an engine there and to ``make_index``): the default
FAISS + BM25 files and Qdrant (embedded). The expected
answers are computed here from the chunk records alone: BM25 by rank-bm25 on the same tokens, dense
scores by numpy inner products of the same embeddings, filters by ``Filter.matches``.
"""

import shutil
from pathlib import Path

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from policyqa.backends import Backend, Filter, Ranked
from policyqa.embedders import HashEmbedder
from policyqa.index import bm25_text, build_index, embedding_text
from policyqa.ingest import load_document
from policyqa.models import Region

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BACKENDS = ["local", "qdrant"]  # qdrant: embedded, in this process's memory (tests/test_qdrant.py for a server)
QUERIES = ["推进殡葬改革", "养老机构护理员持证率", "健全社会救助体系", "婚姻登记跨省通办", "居家适老化改造", "养老服务"]
NEW_DOC = "2026年示范县民政工作要点\n一、重点工作\n1.推进数字孪生殡葬服务平台建设。建成覆盖全县的量子养老护理网络。\n"


def make_index(backend: str, corpus: Path, directory: Path):
    """An index of ``corpus`` on the named backend, with the deterministic 64-dim hash embedder."""
    if backend == "local":
        return build_index([corpus], directory, HashEmbedder(dim=64))[0]
    if backend == "qdrant":
        return build_index([corpus], directory, HashEmbedder(dim=64), backend="qdrant", qdrant=":memory:")[0]
    raise ValueError(f"no such backend {backend}")


class Reference:
    """Brute-force answers over every chunk of an index, by key."""

    def __init__(self, index):
        b = index.backend
        self.keys = sorted(b.keys_of_documents(d["source"] for d in b.documents()))
        self.chunks = [b.chunk(k) for k in self.keys]
        self.docs = b.documents_of(self.keys)
        self.tokens = [index.tokenizer.tokenize(bm25_text(c)) for c in self.chunks]
        self.terms = [set(t) for t in self.tokens]
        texts = [embedding_text(d, c) for d, c in zip(self.docs, self.chunks)]
        self.vectors = np.asarray(index.embedder.embed_passages(texts), dtype=np.float64)
        self.bm25 = BM25Okapi(self.tokens)

    def passing(self, f):
        return np.array([f is None or f.matches(d) for d in self.docs], dtype=bool)

    def sparse(self, tokens, f=None, expansion=(), weight=0.0):
        scores = np.asarray(self.bm25.get_scores(tokens), dtype=np.float64)
        if expansion:
            scores = scores + weight * np.asarray(self.bm25.get_scores(list(expansion)))
        ok = self.passing(f) & (scores > 0)
        return {k: s for k, s, keep in zip(self.keys, scores, ok) if keep}

    def dense(self, vector, f=None):
        scores = self.vectors @ np.asarray(vector, dtype=np.float64)
        return {k: s for k, s, keep in zip(self.keys, scores, self.passing(f)) if keep}


def assert_ranking(got: Ranked, expected: dict, k: int):
    """``got`` is a best-first top-k of ``expected`` (key -> score), up to the order of tied scores."""
    assert isinstance(got, Ranked) and len(got.keys) == len(got.scores)
    best = sorted(expected.values(), reverse=True)[:k]
    assert len(got.keys) == len(best)
    assert len(set(got.keys)) == len(got.keys)
    scores = np.asarray(got.scores, dtype=np.float64)
    assert np.all(np.diff(scores) <= 1e-6)
    for key, s in zip(got.keys, scores):
        assert key in expected and s == pytest.approx(expected[key], rel=1e-4, abs=1e-5)
    assert scores == pytest.approx(np.asarray(best), rel=1e-4, abs=1e-5)


@pytest.fixture(scope="module", params=BACKENDS)
def seeded(request, tmp_path_factory):
    index = make_index(request.param, SEEDS, tmp_path_factory.mktemp(f"contract-{request.param}") / "idx")
    yield index, Reference(index)
    index.close()


@pytest.fixture(params=BACKENDS)
def small(request, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("001_c62b87d9ede609d7.txt", "004_6ec150b05c2b843b.txt"):
        shutil.copy(SEEDS / name, corpus / name)
    index = make_index(request.param, corpus, tmp_path / "idx")
    yield index, corpus
    index.close()


def _filters(docs):
    """Filters at every level the seeds have, and some that nothing passes."""
    out = [Filter(level="city"), Filter(level="county"), Filter(regions=(Region(province="北京市", level="province"),))]
    for d in docs:
        r = Region.from_dict(d.get("region"))
        out.append(Filter(regions=(Region(province=r.province, level="province"),)))
        if r.city:
            out.append(Filter(regions=(Region(province=r.province, city=r.city, level="city"),)))
        if r.county:
            out.append(Filter(regions=(r,)))
        out.append(Filter(sources=(d["source"],)))
        if d.get("date"):
            out.append(Filter(years=(int(d["date"][:4]),)))
            out.append(Filter(regions=(Region(province=r.province, level="province"),), years=(int(d["date"][:4]),)))
    out.append(Filter(years=(1999,)))
    return list(dict.fromkeys(out))


# ------------------------------------------------------------------ records
def test_is_a_backend_and_holds_every_chunk(seeded):
    index, ref = seeded
    b = index.backend
    assert isinstance(b, Backend)
    assert len(b) == len(ref.keys) == b.count() > 100
    assert {d["source"] for d in b.documents()} == {c.source for c in ref.chunks}
    for key, chunk, doc in zip(ref.keys[::17], ref.chunks[::17], ref.docs[::17]):
        assert b.chunk(key) == chunk and doc["source"] == chunk.source
        text = Path(chunk.source).read_bytes().decode("utf-8-sig")
        assert text[chunk.start:chunk.end] == chunk.text


# ------------------------------------------------------------------ search
@pytest.mark.parametrize("query", QUERIES)
def test_sparse_top_k_is_bm25(seeded, query):
    index, ref = seeded
    tokens = index.tokenizer.tokenize(query)
    assert_ranking(index.backend.sparse_top_k(tokens, 10), ref.sparse(tokens), 10)


def test_sparse_top_k_counts_repeats_and_weighs_expansion_terms(seeded):
    index, ref = seeded
    tokens = ["殡葬", "殡葬", "改革"]
    assert_ranking(index.backend.sparse_top_k(tokens, 10), ref.sparse(tokens), 10)
    expansion = ["护理员", "持证率"]
    got = index.backend.sparse_top_k(tokens, 15, expansion=expansion, expansion_weight=0.3)
    assert_ranking(got, ref.sparse(tokens, expansion=expansion, weight=0.3), 15)
    assert index.backend.sparse_top_k([], 10).keys == []
    assert index.backend.sparse_top_k(["从未出现的词语"], 10).keys == []


@pytest.mark.parametrize("query", QUERIES)
def test_dense_top_k_is_exact_inner_product(seeded, query):
    index, ref = seeded
    vector = index.embedder.embed_queries([query])[0]
    assert_ranking(index.backend.dense_top_k(vector, 10), ref.dense(vector), 10)


def test_dense_scores_of_given_chunks(seeded):
    index, ref = seeded
    vector = index.embedder.embed_queries(["养老服务"])[0]
    keys = ref.keys[::13]
    expected = ref.vectors[::13] @ vector
    assert np.asarray(index.backend.dense_scores(vector, keys)) == pytest.approx(expected, abs=1e-5)
    assert len(index.backend.dense_scores(vector, [])) == 0


# ------------------------------------------------------------------ filters
def test_filters_at_every_level(seeded):
    index, ref = seeded
    b = index.backend
    tokens = index.tokenizer.tokenize("养老服务")
    vector = index.embedder.embed_queries(["养老服务"])[0]
    filters = _filters(b.documents())
    assert len(filters) > 15
    for f in filters:
        passing = ref.passing(f)
        assert b.count(f) == int(passing.sum()), f
        assert b.matches(ref.keys, f).tolist() == passing.tolist(), f
        assert_ranking(b.sparse_top_k(tokens, 20, f), ref.sparse(tokens, f), 20)
        assert_ranking(b.dense_top_k(vector, 20, f), ref.dense(vector, f), 20)
    assert b.count(Filter(level="county")) > 0  # 武义县 is in the seeds...
    province = Filter(regions=(Region(province="浙江省", level="province"),))
    assert b.count(province) > b.count(Filter(regions=(Region(province="浙江省", city="金华市", level="city"),))) \
        > b.count(Filter(regions=(Region(province="浙江省", city="金华市", county="武义县", level="county"),))) > 0


def test_filter_semantics():
    zhejiang = Region(province="浙江省", level="province")
    jinhua = Region(province="浙江省", city="金华市", level="city")
    wuyi = Region(province="浙江省", city="金华市", county="武义县", level="county")
    xiamen = Region(province="福建省", city="厦门市", level="city")
    doc = {"source": "a.txt", "title": "武义县2025年民政工作要点", "date": "2024-12-30", "region": wuyi.to_dict()}
    assert Filter().is_empty and Filter().matches(doc)
    for f in (Filter(regions=(zhejiang,)), Filter(regions=(jinhua,)), Filter(regions=(xiamen, wuyi)),
              Filter(level="county"), Filter(years=(2025,)), Filter(years=(2024,)), Filter(sources=("a.txt",))):
        assert f.matches(doc), f
    for f in (Filter(regions=(xiamen,)), Filter(level="city"), Filter(years=(2023,)), Filter(sources=("b.txt",))):
        assert not f.matches(doc), f
    assert Filter(regions=(zhejiang,)) & Filter(regions=(jinhua,)) == Filter(regions=(jinhua,))
    assert Filter(regions=(jinhua,)) & Filter(regions=(xiamen,)) is None
    assert Filter(years=(2024, 2025)) & Filter(years=(2025,), level="city") == Filter(level="city", years=(2025,))
    assert Filter(level="city") & Filter(level="county") is None
    assert Filter(sources=("a",)) & None == Filter(sources=("a",))


# ------------------------------------------------------------------ term statistics
def test_idf_is_unfloored_bm25_idf(seeded):
    index, ref = seeded
    n = len(ref.keys)
    terms = ["殡葬", "养老", "工作", "从未出现的词语"]
    df = np.array([sum(t in s for s in ref.terms) for t in terms], dtype=np.float64)
    assert np.asarray(index.backend.idf(terms)) == pytest.approx(np.log(n - df + 0.5) - np.log(df + 0.5))
    assert len(index.backend.idf([])) == 0


def test_terms_in_given_chunks(seeded):
    index, ref = seeded
    terms = ["殡葬", "改革", "养老", "从未出现的词语"]
    got = index.backend.terms_in(ref.keys, terms)
    assert got == [frozenset(t for t in terms if t in s) for s in ref.terms]


def test_postings_name_every_chunk_with_the_terms(seeded):
    index, ref = seeded
    terms = ["殡葬", "火化", "从未出现的词语"]
    for f in (None, Filter(regions=(Region(province="浙江省", level="province"),)), Filter(level="county")):
        p = index.backend.postings(terms, f)
        passing = ref.passing(f)
        expected = {k: [t for t in terms if t in s] for k, s, ok in zip(ref.keys, ref.terms, passing)
                    if ok and any(t in s for t in terms)}
        assert p.terms == terms and len(p) == len(expected) > 0
        assert list(p.keys) == sorted(p.keys)
        assert dict(iter(p)) == expected
    none = index.backend.postings(["从未出现的词语", "另一个没有的词"])
    assert len(none) == 0 and none.present.shape == (0, 2)



def test_words_starting_a_prefix(seeded):
    index, ref = seeded
    vocab = {t for s in ref.terms for t in s}
    for prefix in ("养老", "服务", "殡葬", "从未出现"):
        for longer_by in (1, 2):
            expected = sorted(w for w in vocab if w.startswith(prefix) and len(prefix) < len(w) <= len(prefix) + longer_by)
            assert index.backend.words_starting(prefix, longer_by) == expected
    assert any(index.backend.words_starting(p, 2) for p in ("养老", "服务"))  # the seeds have some


# ------------------------------------------------------------------ updates
def _ingredients(index, path: Path, source: str | None = None):
    doc = load_document(path, source=source)
    meta = doc.meta_dict()
    tokens = index.tokenizer.tokenize_many([bm25_text(c) for c in doc.chunks])
    vectors = index.embedder.embed_passages([embedding_text(meta, c) for c in doc.chunks])
    return doc, [meta] * len(doc.chunks), tokens, np.asarray(vectors, dtype=np.float32)


def test_add_then_delete_a_document(small, tmp_path):
    index, corpus = small
    b = index.backend
    before = len(b)
    path = tmp_path / "new_doc.txt"
    path.write_text(NEW_DOC, encoding="utf-8")
    doc, metas, tokens, vectors = _ingredients(index, path)
    keys = b.add(doc.chunks, metas, tokens, vectors)
    assert len(keys) == len(doc.chunks) > 0 and len(b) == before + len(keys)
    assert sorted(b.keys_of_documents([doc.source])) == sorted(keys)
    assert b.count(Filter(sources=(doc.source,))) == len(keys)
    assert doc.source in {d["source"] for d in b.documents()}
    assert b.chunk(keys[0]) == doc.chunks[0] and b.documents_of(keys[:1])[0]["source"] == doc.source
    # Ranked at once on global statistics, by both sides, as a fresh build of the same chunks would.
    ref = Reference(index)
    query = index.tokenizer.tokenize("量子养老护理")
    assert_ranking(b.sparse_top_k(query, 10), ref.sparse(query), 10)
    assert b.sparse_top_k(query, 1).keys[0] in keys
    assert b.dense_top_k(vectors[0], 1).keys[0] == keys[0]
    assert set(b.postings(["量子"]).keys) <= set(keys)

    b.delete(b.keys_of_documents([doc.source]))
    assert len(b) == before and b.count(Filter(sources=(doc.source,))) == 0
    assert doc.source not in {d["source"] for d in b.documents()}
    assert all("量子" not in b.chunk(k).text for k in b.sparse_top_k(query, 10).keys)
    assert len(b.postings(["量子"])) == 0
    ref = Reference(index)
    assert_ranking(b.sparse_top_k(query, 10), ref.sparse(query), 10)


def test_changed_document_replaces_its_chunks(small, tmp_path):
    index, corpus = small
    b = index.backend
    source = "corpus/001_c62b87d9ede609d7.txt"  # sources are relative to the directory given
    old_count = b.count(Filter(sources=(source,)))
    assert old_count > 0
    path = corpus.parent / source
    path.write_text(path.read_text(encoding="utf-8") + "\n三、补充\n全面推行量子养老护理试点。\n", encoding="utf-8")
    doc, metas, tokens, vectors = _ingredients(index, path, source)
    b.delete(b.keys_of_documents([source]))
    assert b.count(Filter(sources=(source,))) == 0
    keys = b.add(doc.chunks, metas, tokens, vectors)
    assert b.count(Filter(sources=(source,))) == len(keys) >= old_count
    hit = b.sparse_top_k(index.tokenizer.tokenize("量子养老护理"), 1).keys[0]
    assert "量子养老" in b.chunk(hit).text and b.documents_of([hit])[0]["source"] == source
    assert [d["source"] for d in b.documents()].count(source) == 1


def test_deleting_some_chunks_keeps_the_document(small):
    index, corpus = small
    b = index.backend
    source = "corpus/004_6ec150b05c2b843b.txt"
    keys = b.keys_of_documents([source])
    assert len(keys) > 1
    gone = b.chunk(keys[0])
    b.delete(keys[:1])
    assert b.count(Filter(sources=(source,))) == len(keys) - 1
    assert source in {d["source"] for d in b.documents()}
    remaining = b.keys_of_documents([source])
    assert gone not in [b.chunk(k) for k in remaining]
    number = [d["source"] for d in b.documents()].index(source)
    assert b.first_keys([number]) == remaining[:1]  # the first chunk left, in reading order
    assert all(d["source"] == source for d in b.documents_of(remaining))
