"""The persistent hybrid index: round trips, refusals, damage, locking, incremental updates."""

import json
import shutil
from pathlib import Path

import pytest

from policyqa import store
from policyqa.embedders import HashEmbedder
from policyqa.errors import (IndexCorruptError, IndexLockedError, IndexMismatchError, IndexMissingError,
                             QueryError)
from policyqa.index import PolicyIndex, build_index

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture()
def corpus(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    for f in sorted(SEEDS.glob("*.txt")):
        shutil.copy(f, d / f.name)
    return d


@pytest.fixture()
def built(corpus, tmp_path):
    idx, summary = build_index([corpus], tmp_path / "idx", HashEmbedder(dim=64))
    return idx, summary


def _file_text(idx, source):
    raw = Path(idx.documents[source]["path"]).read_bytes()
    return raw.decode("utf-8-sig")


def test_round_trip_with_chinese_text(built, tmp_path):
    idx, summary = built
    assert summary.documents == 5 and summary.chunks == len(idx) > 50
    again = PolicyIndex.load(tmp_path / "idx", HashEmbedder(dim=64))
    assert len(again) == len(idx)
    hits = again.search("殡葬改革", k=5, mode="bm25")
    assert hits and all("殡葬" in h.chunk.text or "殡葬" in "".join(h.chunk.headings) for h in hits[:3])
    for h in hits:
        assert _file_text(again, h.chunk.source)[h.chunk.start:h.chunk.end] == h.chunk.text
        d = h.to_dict()
        assert json.loads(json.dumps(d, ensure_ascii=False))["text"] == h.chunk.text
    manifest = json.loads((again.generation / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["embedder"]["id"] == HashEmbedder(dim=64).id
    assert manifest["chunk_count"] == len(idx) and len(manifest["documents"]) == 5
    assert "殡葬" in (again.generation / "chunks.jsonl").read_text(encoding="utf-8")  # not \u-escaped


def test_hybrid_and_dense_modes_return_ranked_hits(built):
    idx, _ = built
    for mode in ("hybrid", "dense", "bm25"):
        hits = idx.search("养老服务", k=7, mode=mode)
        assert len(hits) == 7
        assert [h.rank for h in hits] == list(range(1, 8))
        assert all(a.score >= b.score for a, b in zip(hits, hits[1:]))
        assert len({h.chunk.id for h in hits}) == 7


def test_model_mismatch_is_refused(built, tmp_path):
    with pytest.raises(IndexMismatchError, match="built with embedder"):
        PolicyIndex.load(tmp_path / "idx", HashEmbedder(dim=32))


def test_format_version_mismatch_says_how_to_rebuild(built, tmp_path):
    gen = store.current_generation(tmp_path / "idx")
    m = json.loads((gen / "manifest.json").read_text(encoding="utf-8"))
    m["format_version"] = 0
    (gen / "manifest.json").write_text(json.dumps(m), encoding="utf-8")
    with pytest.raises(IndexMismatchError, match="--rebuild"):
        PolicyIndex.load(tmp_path / "idx")


def test_missing_index(tmp_path):
    with pytest.raises(IndexMissingError, match="policyqa index"):
        PolicyIndex.load(tmp_path / "nothing")


@pytest.mark.parametrize("damage", ["manifest", "chunks", "bm25", "dense", "generation"])
def test_corrupt_or_missing_files(built, tmp_path, damage):
    gen = store.current_generation(tmp_path / "idx")
    if damage == "manifest":
        (gen / "manifest.json").write_text("{not json", encoding="utf-8")
    elif damage == "chunks":
        with open(gen / "chunks.jsonl", "r+b") as f:
            f.truncate(100)
    elif damage == "bm25":
        for p in (gen / "bm25").iterdir():
            p.unlink()
    elif damage == "dense":
        for p in (gen / "dense").iterdir():
            p.write_bytes(b"garbage")
    else:
        shutil.rmtree(gen)
    with pytest.raises(IndexCorruptError, match="policyqa index"):
        PolicyIndex.load(tmp_path / "idx", HashEmbedder(dim=64))


def test_corrupt_index_is_rebuilt_by_index_command(built, corpus, tmp_path):
    gen = store.current_generation(tmp_path / "idx")
    (gen / "manifest.json").write_text("{", encoding="utf-8")
    idx, summary = build_index([corpus], tmp_path / "idx", HashEmbedder(dim=64))
    assert summary.repaired and "manifest.json is corrupt" in summary.repaired and not summary.rebuilt_reason
    assert len(idx) > 50


def test_concurrent_writer_is_refused(corpus, tmp_path):
    with store.WriteLock(tmp_path / "idx"):
        with pytest.raises(IndexLockedError, match="being written by another process"):
            build_index([corpus], tmp_path / "idx", HashEmbedder(dim=64))
    build_index([corpus], tmp_path / "idx", HashEmbedder(dim=64))  # free again afterwards


def test_failed_build_leaves_the_live_index_untouched(built, corpus, tmp_path, monkeypatch):
    idx, _ = built
    before = store.current_generation(tmp_path / "idx")
    (corpus / "new.txt").write_text("一、新增内容\n推进殡葬改革试点工作。", encoding="utf-8")
    from policyqa import dense as dense_mod

    def boom(self, directory):
        raise OSError("disk full")

    monkeypatch.setattr(dense_mod.DenseIndex, "save", boom)
    with pytest.raises(OSError):
        build_index([corpus], tmp_path / "idx", HashEmbedder(dim=64))
    assert store.current_generation(tmp_path / "idx") == before
    assert [p.name for p in (tmp_path / "idx").glob("gen-*")] == [before.name]
    assert len(PolicyIndex.load(tmp_path / "idx")) == len(idx)


def test_incremental_add_change_remove(built, corpus, tmp_path):
    idx, first = built
    assert first.embedded_chunks == first.chunks
    _, again = build_index([corpus], tmp_path / "idx", HashEmbedder(dim=64))
    assert again.embedded_chunks == 0 and again.unchanged == 5
    assert again.reused_embeddings == again.chunks

    (corpus / "new_doc.txt").write_text(
        "2026年示范县民政工作要点\n一、重点工作\n1.推进数字孪生殡葬服务平台建设。建成覆盖全县的服务网络。\n",
        encoding="utf-8")
    changed = corpus / "001_c62b87d9ede609d7.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n三、补充\n全面推行量子养老护理试点。\n", encoding="utf-8")
    (corpus / "003_53f08407270a8081.txt").unlink()
    idx2, s = build_index([corpus], tmp_path / "idx", HashEmbedder(dim=64))
    assert (s.added, s.changed, s.removed, s.unchanged) == (1, 1, 1, 3)
    reused_chunks = sum(1 for c in idx2.chunks if Path(c.source).name in
                        {"000_bd77b3cad4441a08.txt", "002_d694fe737bb68630.txt", "004_6ec150b05c2b843b.txt"})
    assert s.embedded_chunks <= s.chunks - reused_chunks
    sources = {Path(c.source).name for c in idx2.chunks}
    assert "003_53f08407270a8081.txt" not in sources and "new_doc.txt" in sources
    assert any("数字孪生殡葬" in h.chunk.text for h in idx2.search("数字孪生殡葬服务平台", k=3, mode="bm25"))
    assert any("量子养老" in h.chunk.text for h in idx2.search("量子养老护理", k=3, mode="bm25"))
    for c in idx2.chunks:
        assert _file_text(idx2, c.source)[c.start:c.end] == c.text
    # BM25 after the update scores like a fresh build of the same corpus.
    fresh, _ = build_index([corpus], tmp_path / "fresh", HashEmbedder(dim=64))
    q = "养老机构护理员"
    a = sorted((h.chunk.id, round(h.score, 4)) for h in idx2.search(q, k=10, mode="bm25"))
    b = sorted((h.chunk.id, round(h.score, 4)) for h in fresh.search(q, k=10, mode="bm25"))
    assert a == b


def test_traditional_characters_query(built):
    idx, _ = built
    simp = [h.chunk.id for h in idx.search("推进殡葬改革", k=5, mode="bm25")]
    trad = [h.chunk.id for h in idx.search("推進殯葬改革", k=5, mode="bm25")]
    assert simp and trad == simp


def test_filters_by_place_year_and_source(built):
    idx, _ = built
    jinhua = idx.search("养老服务", k=20, mode="bm25", region="金华")
    assert jinhua and {Path(h.chunk.source).name[:3] for h in jinhua} <= {"000", "004"}
    assert "004" in {Path(h.chunk.source).name[:3] for h in jinhua}
    only = idx.search("养老服务", k=5, mode="bm25", source="002_d694fe737bb68630.txt")
    assert only and all(h.chunk.source.endswith("002_d694fe737bb68630.txt") for h in only)
    y2023 = idx.search("养老服务", k=5, mode="bm25", year=2023)
    assert y2023 and all(h.date.startswith("2023") for h in y2023)


def test_place_in_query_is_a_preference_not_a_wall(built):
    from policyqa.retrieval import search

    idx, _ = built
    query = "舟山养老机构护理员持证率"
    plain = [Path(h.chunk.source).name[:3] for h in idx.search(query, k=10, mode="hybrid")]
    steered = [Path(h.chunk.source).name[:3] for h in search(idx, query, k=10, mode="hybrid")]
    assert plain[0] != "001" and steered[0] == "001"  # 舟山's document first...
    assert set(steered) - {"001"}  # ...and the other places' passages are still ranked
    assert [Path(h.chunk.source).name[:3] for h in search(idx, query, k=10, steer=False)] == plain


def test_empty_query_is_refused(built):
    idx, _ = built
    with pytest.raises(QueryError, match="empty"):
        idx.search("   ")


def test_unchanged_files_are_not_parsed_again(built, corpus, tmp_path, monkeypatch):
    from policyqa import ingest

    calls = []
    real = ingest.load_document
    monkeypatch.setattr(ingest, "load_document", lambda *a, **kw: calls.append(a[0]) or real(*a, **kw))
    (corpus / "002_d694fe737bb68630.txt").write_text("一、新要点\n1.推进助餐服务。\n", encoding="utf-8")
    _, s = build_index([corpus], tmp_path / "idx", HashEmbedder(dim=64))
    assert [Path(p).name for p in calls] == ["002_d694fe737bb68630.txt"]
    assert (s.changed, s.unchanged) == (1, 4)


def test_user_dictionary_is_kept_with_the_index(corpus, tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("暖巢 2000 n\n", encoding="utf-8")
    doc = corpus / "extra.txt"
    doc.write_text("某市民政工作要点\n一、重点工作\n1.推进暖巢计划。全年完成试点十个。\n", encoding="utf-8")
    emb = HashEmbedder(dim=64)
    idx, _ = build_index([corpus], tmp_path / "idx", emb)
    assert "暖巢" not in idx.tokenizer.tokenize("暖巢计划")
    idx, summary = build_index([corpus], tmp_path / "idx", emb, user_dict=words)
    assert summary.rebuilt_reason and summary.embedded_chunks == 0  # retokenized, nothing re-embedded
    assert idx.tokenizer.tokenize("暖巢计划") == ["暖巢", "计划"]
    # A later update without --user-dict keeps it, and so does loading in another process.
    doc.write_text(doc.read_text(encoding="utf-8") + "2.深化暖巢改革。\n", encoding="utf-8")
    idx, summary = build_index([corpus], tmp_path / "idx", emb)
    assert summary.changed == 1 and not summary.rebuilt_reason
    again = PolicyIndex.load(tmp_path / "idx", emb)
    assert again.tokenizer.tokenize("暖巢计划") == ["暖巢", "计划"]
    assert again.search("暖巢", k=1, mode="bm25")[0].chunk.source.endswith("extra.txt")
    # Even a rebuild from scratch keeps the user's terms.
    idx, _ = build_index([corpus], tmp_path / "idx", emb, rebuild=True)
    assert idx.tokenizer.tokenize("暖巢计划") == ["暖巢", "计划"]


def test_unreadable_user_dictionary_is_a_clear_error(corpus, tmp_path):
    with pytest.raises(Exception, match="cannot read user dictionary"):
        build_index([corpus], tmp_path / "idx", HashEmbedder(dim=64), user_dict=tmp_path / "missing.txt")


def test_an_index_chunked_by_an_older_policyqa_is_chunked_again(corpus, tmp_path, monkeypatch):
    # After an upgrade that cuts documents differently, the old chunks would miss text the new rules index:
    # the answer says so, and a plain update chunks every document again, re-embedding only changed texts.
    from policyqa import index as index_module
    from policyqa.answer import ask

    emb = HashEmbedder(dim=64)
    idx, _ = build_index([corpus], tmp_path / "idx", emb)
    assert idx.chunker_is_current
    assert not any("切分" in n for n in ask("养老服务", index=idx).notices)
    monkeypatch.setattr(index_module, "CHUNKER_VERSION", index_module.CHUNKER_VERSION + 1)  # a newer policyqa
    assert not idx.chunker_is_current
    assert any("切分" in n and "policyqa index" in n for n in ask("养老服务", index=idx).notices)
    idx, summary = build_index([corpus], tmp_path / "idx", emb)
    assert summary.rebuilt_reason and "chunking" in summary.rebuilt_reason
    assert summary.embedded_chunks == 0 and summary.chunks == len(idx)  # same texts: vectors from the cache
    assert idx.chunker_is_current and PolicyIndex.load(tmp_path / "idx", emb).chunker_is_current
