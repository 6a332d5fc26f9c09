"""Qdrant as the engine, beyond the contract suite (tests/test_backend_contract.py runs on both backends):
whole builds and updates through ``build_index``, answers equal to the default backend's, refusal of a
collection built otherwise, repair, and a real server when ``QDRANT_URL`` is set."""

import os
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

from policyqa.answer import ask
from policyqa.embedders import HashEmbedder
from policyqa.errors import IndexCorruptError, IndexMismatchError, PolicyQAError
from policyqa.fusion import rrf
from policyqa.index import PolicyIndex, build_index, open_index
from policyqa.retrieval import search

pytest.importorskip("qdrant_client")
from policyqa.backends.qdrant import QdrantBackend, connect, point_id  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
QUESTIONS = ["哪些城市推进殡葬改革", "浙江省哪些县推进养老服务", "哪些地方开展居家适老化改造", "舟山养老机构护理员持证率提高到了多少",
             "厦门怎样健全社会救助体系", "给老年人送饭的服务", "2023年哪些城市推进婚姻登记跨省通办"]
SERVER = os.environ.get("QDRANT_URL")


def answers(index, questions=QUESTIONS):
    out = []
    for q in questions:
        d = ask(q, index=index).to_dict()
        d.pop("notices")  # they name the index directory
        for c in d["citations"]:  # Qdrant stores cosine vectors normalised again: the 6th decimal may differ
            c["score"] = round(c["score"], 4)
        out.append(d)
    return out


def rankings(index, queries, mode, k=10):
    return [[(h.chunk.id, round(h.score, 4)) for h in search(index, q, k=k, mode=mode)] for q in queries]


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("qdrant")
    local, _ = build_index([SEEDS], tmp / "local", HashEmbedder(dim=64))
    remote, _ = build_index([SEEDS], tmp / "qdrant", HashEmbedder(dim=64), backend="qdrant", qdrant=":memory:")
    yield local, remote
    local.close()
    remote.close()


def test_point_ids_are_uuid5_of_source_and_chunk_id():
    assert point_id("a/x.txt", "c1") == point_id("a/x.txt", "c1")
    assert point_id("a/x.txt", "c1") != point_id("b/x.txt", "c1")  # identical files give identical chunk ids
    import uuid

    assert uuid.UUID(point_id("a/x.txt", "c1")).version == 5


def test_search_and_ask_answer_as_the_default_backend(both):
    local, remote = both
    assert remote.manifest["backend"]["name"] == "qdrant" and isinstance(remote.backend, QdrantBackend)
    for mode in ("bm25", "dense", "hybrid"):
        assert rankings(remote, QUESTIONS, mode) == rankings(local, QUESTIONS, mode), mode
    assert answers(remote) == answers(local)


def test_server_side_rrf_is_policyqa_rrf_with_equal_weights(both):
    local, remote = both
    for q in QUESTIONS:
        tokens = remote.tokenizer.tokenize(q)
        vector = remote.embed_query(q)
        dense = remote.backend.dense_top_k(vector, 50)
        sparse = remote.backend.sparse_top_k(tokens, 50)
        expected = rrf({"dense": dense.keys, "bm25": sparse.keys}, k=60)
        got = remote.backend.hybrid_rrf(tokens, vector, 10, 50, {"bm25": 1.0, "dense": 1.0}, rrf_k=60)
        best = sorted(expected.values(), reverse=True)[:10]
        assert np.asarray(got.scores) == pytest.approx(best, rel=1e-6)
        assert all(expected[k] == pytest.approx(s, rel=1e-6) for k, s in zip(got.keys, got.scores))


@pytest.mark.slow
def test_updates_through_build_index_match_the_default_backend(tmp_path):
    corpus = tmp_path / "c"
    shutil.copytree(SEEDS, corpus)
    built = {}
    for name in ("local", "qdrant"):
        built[name] = build_index([corpus], tmp_path / name, HashEmbedder(dim=64), backend=name,
                                  qdrant=str(tmp_path / "store"))[0]
    (corpus / "new.txt").write_text("2026年示范县民政工作要点\n一、重点工作\n1.建成覆盖全县的量子养老护理网络。\n",
                                    encoding="utf-8")
    changed = corpus / "000_bd77b3cad4441a08.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n三、补充\n全面推行数字孪生殡葬服务。\n", encoding="utf-8")
    next(corpus.glob("003_*")).unlink()
    for name in ("local", "qdrant"):
        built[name].close()
        built[name], summary = build_index([corpus], tmp_path / name)  # the backend it was built with
        assert (summary.added, summary.changed, summary.removed) == (1, 1, 1)
    local, remote = built["local"], built["qdrant"]
    assert remote.manifest["backend"]["name"] == "qdrant" and len(remote) == len(local)
    queries = ["量子养老护理", "数字孪生殡葬", "推进殡葬改革", "婚姻登记跨省通办"]
    # Sparse vectors kept at the average length they were written with move scores by at most ~b·1%.
    for mode in ("bm25", "dense", "hybrid"):
        got, expected = rankings(remote, queries, mode), rankings(local, queries, mode)
        assert [[c for c, _ in r] for r in got] == [[c for c, _ in r] for r in expected], mode
        for g, e in zip(got, expected):
            assert [s for _, s in g] == pytest.approx([s for _, s in e], rel=0.01)
    assert search(remote, "量子养老护理", mode="bm25")[0].chunk.source.endswith("new.txt")
    assert not any("003_" in d["source"] for d in remote.doc_list)
    assert answers(remote, QUESTIONS[:3]) == answers(local, QUESTIONS[:3])
    local.close()
    remote.close()


def test_a_collection_built_otherwise_is_refused(tmp_path):
    index, _ = build_index([SEEDS], tmp_path / "idx", HashEmbedder(dim=64), backend="qdrant", qdrant=":memory:")
    with pytest.raises(IndexMismatchError):
        PolicyIndex.load(tmp_path / "idx", HashEmbedder(dim=32))
    b = index.backend
    with pytest.raises(IndexMismatchError, match="dimensions"):
        b.add([b.chunk(b.first_keys([0])[0])], [index.doc_list[0]], [["养老"]], np.zeros((1, 32), dtype=np.float32))
    checks = b.client.get_collection(b.collection).config.metadata["checks"]
    b.client.update_collection(b.collection, metadata={"checks": {**checks, "embedder": "another-model"}})
    index.close()
    with pytest.raises(IndexMismatchError, match="another-model"):
        PolicyIndex.load(tmp_path / "idx")
    # A plain update rebuilds it in a new collection and drops the one it replaces.
    again, summary = build_index([SEEDS], tmp_path / "idx")
    assert summary.rebuilt_reason and again.backend.collection != b.collection
    assert not connect(":memory:").collection_exists(b.collection)
    again.close()


def test_an_interrupted_update_is_found_and_repaired(tmp_path):
    index, _ = build_index([SEEDS], tmp_path / "idx", HashEmbedder(dim=64), backend="qdrant", qdrant=":memory:")
    b = index.backend
    b.delete(b.keys_of_documents([index.doc_list[0]["source"]]))  # the collection moved, the index did not
    index.close()
    with pytest.raises(IndexCorruptError, match="interrupted"):
        PolicyIndex.load(tmp_path / "idx")
    repaired, summary = build_index([SEEDS], tmp_path / "idx")
    assert summary.repaired and repaired.backend.check() == len(repaired) == int(repaired.manifest["chunk_count"])
    repaired.close()


def test_open_index_builds_in_qdrant_and_unknown_backends_are_refused(tmp_path):
    index = open_index(tmp_path / "idx", [SEEDS], HashEmbedder(dim=64), backend="qdrant", url=":memory:")
    assert index.backend.name == "qdrant" and len(index) > 100
    index.close()
    with pytest.raises(PolicyQAError, match="unknown backend"):
        build_index([SEEDS], tmp_path / "other", HashEmbedder(dim=64), backend="elastic")
    os.environ.pop("POLICYQA_QDRANT_URL", None)
    with pytest.raises(PolicyQAError, match="POLICYQA_QDRANT_URL"):
        build_index([SEEDS], tmp_path / "other", HashEmbedder(dim=64), backend="qdrant")


@pytest.mark.slow
def test_cli_index_search_ask_and_check_on_an_embedded_store(tmp_path):
    import subprocess

    store, idx = tmp_path / "store", tmp_path / "idx"
    cli = [sys.executable, "-m", "policyqa"]
    run = subprocess.run(cli + ["index", str(SEEDS), "--index", str(idx), "--backend", "qdrant", "--qdrant", str(store),
                                "--model", "hash:64"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    out = subprocess.run(cli + ["search", "舟山养老机构护理员持证率", "--index", str(idx), "--json"], capture_output=True, text=True)
    assert out.returncode == 0 and "001_c62b87d9ede609d7.txt" in out.stdout
    out = subprocess.run(cli + ["ask", "哪些城市推进殡葬改革", "--index", str(idx)], capture_output=True, text=True)
    assert out.returncode == 0 and "厦门市" in out.stdout
    out = subprocess.run(cli + ["check", "--index", str(idx)], capture_output=True, text=True)
    assert out.returncode == 0 and "intact" in out.stdout


@pytest.mark.slow
def test_which_places_with_the_real_model_as_the_default_backend(real_index, tmp_path):
    shutil.copytree(real_index.directory / "cache", tmp_path / "idx" / "cache")  # the embeddings are cached
    remote, summary = build_index([SEEDS], tmp_path / "idx", real_index.embedder, backend="qdrant", qdrant=":memory:")
    assert summary.embedded_chunks == 0
    assert answers(remote) == answers(real_index)
    remote.close()


@pytest.mark.slow
def test_stard_chunks_rank_as_the_default_backend(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
    import stard_data

    if not stard_data.available():
        pytest.skip(f"STARD is not at {stard_data.DATA} (set POLICYQA_STARD)")
    articles = stard_data.load_articles()
    queries = [q["query"] for q in stard_data.load_queries()[:40]]
    stard_data.write_corpus(stard_data.subset(articles, [], 3000), tmp_path / "corpus")
    local, _ = build_index([tmp_path / "corpus"], tmp_path / "local", HashEmbedder(dim=64))
    shutil.copytree(tmp_path / "local" / "cache", tmp_path / "qdrant" / "cache")
    remote, _ = build_index([tmp_path / "corpus"], tmp_path / "qdrant", HashEmbedder(dim=64), backend="qdrant",
                            qdrant=":memory:")
    assert len(remote) == len(local) > 2000
    def name(index, key):
        c = index.chunk(key)
        return c.source, c.id

    exact = 0
    for q in queries:
        tokens = local.tokenizer.tokenize(q)
        a, b = remote.backend.sparse_top_k(tokens, 10), local.backend.sparse_top_k(tokens, 10)
        # The same top-10 BM25 ranking, up to the order of equal scores (some laws repeat articles word for word).
        assert np.asarray(a.scores) == pytest.approx(np.asarray(b.scores), rel=1e-5), q
        scores = dict(zip((name(local, k) for k in local.backend.sparse_top_k(tokens, 100).keys),
                          local.backend.sparse_top_k(tokens, 100).scores))
        assert all(scores[name(remote, k)] == pytest.approx(s, rel=1e-5) for k, s in zip(a.keys, a.scores)), q
        exact += [name(remote, k) for k in a.keys] == [name(local, k) for k in b.keys]
        vector = local.embed_query(q)
        a, b = remote.backend.dense_top_k(vector, 10), local.backend.dense_top_k(vector, 10)
        assert {name(remote, k) for k in a.keys} == {name(local, k) for k in b.keys}, q
    assert exact >= len(queries) - 3  # identical lists but for ties
    local.close()
    remote.close()


@pytest.mark.skipif(not SERVER, reason="no Qdrant server: set QDRANT_URL=http://host:6333 to run these against one")
def test_a_real_server_answers_as_the_default_backend(both, tmp_path):
    local, _ = both
    remote, _ = build_index([SEEDS], tmp_path / "idx", HashEmbedder(dim=64), backend="qdrant", qdrant=SERVER)
    try:
        for mode in ("bm25", "dense", "hybrid"):
            assert rankings(remote, QUESTIONS, mode) == rankings(local, QUESTIONS, mode), mode
        assert answers(remote) == answers(local)
    finally:
        connect(SERVER).delete_collection(remote.backend.collection)
        remote.close()
