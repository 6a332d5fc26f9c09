"""Ingestion faults: a read error never deletes, metadata is validated field by field, unsupported files are
named, sources are relative to the corpus root, metadata.jsonl is read once per directory."""

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policyqa import sidecars
from policyqa.cli import app
from policyqa.embedders import HashEmbedder
from policyqa.errors import IngestError
from policyqa.index import PolicyIndex, build_index
from policyqa.ingest import ingest_paths, load_document

runner = CliRunner()
DOC = "{place}民政局关于{n}号工作的通知\n一、工作内容\n1.推进{word}项目。全年完成{n}个。\n"
WORDS = ["暖巢计划", "银龄行动", "幸福食堂", "颐养工程", "安心驿站"]
EMB = HashEmbedder(dim=16)


def _corpus(root: Path, n: int = 3, meta: bool = True) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    lines = []
    for i in range(n):
        (root / f"doc{i}.txt").write_text(DOC.format(place="舟山市", n=i, word=WORDS[i % 5]), encoding="utf-8")
        lines.append(json.dumps({"source": f"doc{i}.txt", "title": f"标题{i}", "region": "金华市"}, ensure_ascii=False))
    if meta:
        (root / "metadata.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def _titles(directory: Path) -> dict[str, str]:
    idx = PolicyIndex.load(directory)
    try:
        return {Path(d["source"]).name: d["title"] for d in idx.doc_list}
    finally:
        idx.close()


# ------------------------------------------------------------------ a read error never deletes
def test_bad_metadata_line_on_update_removes_nothing(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    directory = tmp_path / "idx"
    build_index([corpus], directory, EMB)
    lines = (corpus / "metadata.jsonl").read_text(encoding="utf-8").splitlines()
    lines[1] = '{"source": "doc1.txt", "title": 123, '  # not even JSON: still names its document
    (corpus / "metadata.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = runner.invoke(app, ["index", str(corpus), "--index", str(directory)])
    assert r.exit_code == 3, r.output
    failed = [ln for ln in r.output.splitlines() if ln.startswith("failed")]
    assert len(failed) == 1 and "metadata.jsonl line 2" in failed[0] and "indexed version is kept" in failed[0]
    assert "0 removed, 2 unchanged; 1 failed (1 documents kept" in r.output
    assert _titles(directory) == {"doc0.txt": "标题0", "doc1.txt": "标题1", "doc2.txt": "标题2"}
    # Fixed: the document is read again with its new metadata.
    lines[1] = json.dumps({"source": "doc1.txt", "title": "新标题"}, ensure_ascii=False)
    (corpus / "metadata.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, s = build_index([corpus], directory, EMB)
    assert (s.changed, s.unchanged, s.removed) == (1, 2, 0) and _titles(directory)["doc1.txt"] == "新标题"


def test_unreadable_file_keeps_its_indexed_version(tmp_path):
    corpus = _corpus(tmp_path / "corpus", meta=False)
    directory = tmp_path / "idx"
    build_index([corpus], directory, EMB)
    (corpus / "doc0.txt").write_bytes(bytes(range(256)) * 8)  # no longer text
    (corpus / "doc2.txt").unlink()  # really gone: removed
    idx, s = build_index([corpus], directory, EMB)
    assert (s.removed, s.kept_after_error, s.unchanged) == (1, 1, 1)
    assert [(f.kind, f.kept) for f in s.skipped] == [("error", True)]
    assert sorted(Path(d["source"]).name for d in idx.doc_list) == ["doc0.txt", "doc1.txt"]
    assert idx.search("暖巢计划", k=1, mode="bm25")[0].chunk.source.endswith("doc0.txt")


def test_a_missing_corpus_path_keeps_its_documents(tmp_path):
    a = _corpus(tmp_path / "a", 2, meta=False)
    b = _corpus(tmp_path / "b", 2, meta=False)
    directory = tmp_path / "idx"
    build_index([a, b], directory, EMB)
    b.rename(tmp_path / "b-unmounted")
    r = runner.invoke(app, ["index", str(a), str(b), "--index", str(directory)])
    assert r.exit_code == 3 and "no such file or directory" in r.output and "0 removed" in r.output
    idx = PolicyIndex.load(directory)
    assert sorted(d["source"] for d in idx.doc_list) == ["a/doc0.txt", "a/doc1.txt", "b/doc0.txt", "b/doc1.txt"]
    idx.close()


# ------------------------------------------------------------------ validation
@pytest.mark.parametrize("record, match", [
    ({"title": 123}, "field 'title' must be text, not a number"),
    ({"title": ["a", "b"]}, "field 'title' must be text, not a list"),
    ({"issuer": {"name": "x"}}, "field 'issuer' must be text, not an object"),
    ({"date": "2024-13-45"}, "field 'date' '2024-13-45' is not a valid date"),
    ({"date": 20240506}, "field 'date' must be a date written as text"),
    ({"region": "不存在的地方"}, "field 'region' '不存在的地方' is not a known place"),
    ({"region": 5}, "field 'region' must be a place name or an object"),
    ({"region": {"city": 330700}}, "field 'region.city' must be text"),
    ({"issuer_level": "village"}, "field 'issuer_level' must be one of"),
])
def test_sidecar_fields_are_validated(tmp_path, record, match):
    p = tmp_path / "plan.txt"
    p.write_text(DOC.format(place="舟山市", n=1, word=WORDS[1]), encoding="utf-8")
    (tmp_path / "plan.txt.meta.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(IngestError, match=match) as err:
        load_document(p)
    assert "plan.txt.meta.json" in str(err.value)
    r = runner.invoke(app, ["inspect", str(p)])
    assert r.exit_code == 1 and "Traceback" not in r.output and "plan.txt.meta.json" in r.output


def test_sidecar_that_is_not_an_object(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_text(DOC.format(place="舟山市", n=1, word=WORDS[1]), encoding="utf-8")
    (tmp_path / "plan.meta.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(IngestError, match="plan.meta.json: must be a JSON object"):
        load_document(p)


def test_metadata_lines_affect_only_their_document(tmp_path):
    corpus = _corpus(tmp_path / "corpus", 4, meta=False)
    (corpus / "metadata.jsonl").write_text("\n".join([
        '["doc0.txt", {"title": "x"}]',  # an array: names no document, reported on its own
        json.dumps({"source": "doc1.txt", "issuer": ["a"]}),
        json.dumps({"source": "doc2.txt", "title": "好标题", "date": "2023年3月2日", "region": "武义"},
                   ensure_ascii=False),
        json.dumps({"title": "无来源"}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    report = ingest_paths([corpus])
    by_name = {Path(d.source).name: d for d in report.documents}
    assert sorted(by_name) == ["doc0.txt", "doc2.txt", "doc3.txt"]
    assert by_name["doc2.txt"].title == "好标题" and by_name["doc2.txt"].date == "2023-03-02"
    assert by_name["doc2.txt"].region.county == "武义县"
    reasons = sorted(s.reason for s in report.skipped)
    assert len(reasons) == 3
    assert any("line 1: must be a JSON object" in r and "not a list" in r for r in reasons)
    assert any("line 2: field 'issuer' must be text, not a list" in r for r in reasons)
    assert any("line 4: each line needs a \"source\"" in r for r in reasons)
    r = runner.invoke(app, ["index", str(corpus), "--index", str(tmp_path / "idx"), "--model", "hash:16"])
    assert r.exit_code == 3 and "Traceback" not in r.output
    assert sum(ln.startswith("failed") for ln in r.output.splitlines()) == 3


def test_metadata_jsonl_is_read_once_per_directory_and_marks_nothing_changed(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path / "corpus", 40)
    calls = []
    real = sidecars.CorpusMetadata.read
    monkeypatch.setattr(sidecars.CorpusMetadata, "read", classmethod(lambda cls, d: calls.append(d) or real(d)))
    build_index([corpus], tmp_path / "idx", EMB)
    assert len(calls) == 1
    from policyqa import ingest

    parsed = []
    real_load = ingest.load_document
    monkeypatch.setattr(ingest, "load_document", lambda *a, **kw: parsed.append(a[0]) or real_load(*a, **kw))
    _, s = build_index([corpus], tmp_path / "idx", EMB)
    assert (s.unchanged, s.changed, s.added) == (40, 0, 0) and parsed == []
    # Changing one line re-reads only that document.
    lines = (corpus / "metadata.jsonl").read_text(encoding="utf-8").splitlines()
    lines[7] = json.dumps({"source": "doc7.txt", "title": "改了"}, ensure_ascii=False)
    (corpus / "metadata.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, s = build_index([corpus], tmp_path / "idx", EMB)
    assert (s.unchanged, s.changed) == (39, 1) and [Path(p).name for p in parsed] == ["doc7.txt"]


# ------------------------------------------------------------------ unsupported files, sources
def test_unsupported_files_are_counted_and_named(tmp_path):
    corpus = _corpus(tmp_path / "corpus", 2, meta=False)
    (corpus / "slides.pptx").write_bytes(b"PK\x03\x04")
    (corpus / "data.xyz").write_text("x", encoding="utf-8")
    r = runner.invoke(app, ["index", str(corpus), "--index", str(tmp_path / "idx"), "--model", "hash:16"])
    assert r.exit_code == 0, r.output
    named = [ln for ln in r.output.splitlines() if ln.startswith("not indexed")]
    assert len(named) == 2 and any("slides.pptx" in ln for ln in named) and any("data.xyz" in ln for ln in named)
    assert "2 unsupported files not indexed" in r.output
    r = runner.invoke(app, ["index", str(corpus), "--index", str(tmp_path / "idx"), "--json"])
    kinds = [(Path(s["path"]).name, s["kind"]) for s in json.loads(r.stdout)["skipped"]]
    assert sorted(kinds) == [("data.xyz", "unsupported"), ("slides.pptx", "unsupported")]


def test_sources_are_relative_to_the_corpus_root_and_work_from_anywhere(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path / "work" / "corpus", 2, meta=False)
    directory = tmp_path / "idx"
    monkeypatch.chdir(tmp_path / "work")
    build_index(["corpus"], directory, EMB)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    idx, s = build_index([str(corpus.resolve())], directory, EMB)  # the same corpus, given absolutely
    assert (s.unchanged, s.changed, s.added, s.removed) == (2, 0, 0, 0)
    assert sorted(d["source"] for d in idx.doc_list) == ["corpus/doc0.txt", "corpus/doc1.txt"]
    hit = idx.search("银龄行动", k=1, mode="bm25")[0]
    assert hit.chunk.source == "corpus/doc1.txt"
    text = idx.document_text(hit.chunk.source)  # read from the stored absolute path
    assert text[hit.chunk.start:hit.chunk.end] == hit.chunk.text
    # A plain update (no paths) uses the corpus the index was built from.
    idx.close()
    (corpus / "doc2.txt").write_text(DOC.format(place="舟山市", n=2, word=WORDS[2]), encoding="utf-8")
    r = runner.invoke(app, ["index", "--index", str(directory)])
    assert r.exit_code == 0 and "1 added" in r.output and "2 unchanged" in r.output


def test_a_moved_corpus_changes_nothing_but_the_paths(tmp_path):
    corpus = _corpus(tmp_path / "old" / "corpus", 2, meta=False)
    directory = tmp_path / "idx"
    build_index([corpus], directory, EMB)
    moved = tmp_path / "new" / "corpus"
    moved.parent.mkdir()
    os.rename(corpus, moved)
    idx, s = build_index([moved], directory, EMB)
    assert (s.unchanged, s.changed, s.removed, s.embedded_chunks) == (2, 0, 0, 0)
    assert all(d["path"].startswith(str(moved)) for d in idx.doc_list)
    assert idx.document_text("corpus/doc0.txt").startswith("舟山市")


# ------------------------------------------------------------------ evaluation labels
def _labelled(tmp_path: Path, source: str, contains: str) -> Path:
    q = tmp_path / "q.jsonl"
    q.write_text(json.dumps({"id": "q1", "query": "暖巢计划", "type": "fact",
                             "relevant": [{"source": source, "contains": contains, "grade": 2}]},
                            ensure_ascii=False) + "\n", encoding="utf-8")
    return q


def test_eval_works_from_any_directory_and_unreadable_labels_are_errors(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path / "corpus", 3, meta=False)
    directory = tmp_path / "idx"
    build_index([corpus], directory, EMB)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    good = _labelled(tmp_path, "doc0.txt", "推进暖巢计划项目")
    r = runner.invoke(app, ["eval", str(good), "--index", str(directory), "--modes", "bm25", "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["modes"]["bm25"]["recall@10"] == 1.0
    for source, contains, match in [("missing.txt", "推进", "not in index"),
                                    ("doc0.txt", "不在文件里的话", "is not in corpus/doc0.txt")]:
        r = runner.invoke(app, ["eval", str(_labelled(tmp_path, source, contains)), "--index", str(directory)])
        assert r.exit_code == 1 and match in r.output and "Traceback" not in r.output, r.output
    (corpus / "doc0.txt").unlink()  # indexed, but its file is gone: an error, not a score of 0
    r = runner.invoke(app, ["eval", str(good), "--index", str(directory), "--modes", "bm25"])
    assert r.exit_code == 1 and "cannot read corpus/doc0.txt" in r.output, r.output


# ------------------------------------------------------------------ bounds
def test_identical_texts_are_embedded_once(tmp_path, counting_embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # A file that repeats one block 60 times, plus a copy of it: many chunks, few distinct texts.
    block = "一、重点工作\n1.推进暖巢计划。全年完成试点十个。\n2.深化殡葬改革。\n"
    (corpus / "a.txt").write_text("某市民政工作要点\n" + block * 60, encoding="utf-8")
    (corpus / "b.txt").write_text("某市民政工作要点\n" + block * 60, encoding="utf-8")
    emb = counting_embedder(16)
    idx, s = build_index([corpus], tmp_path / "idx", emb)
    subjects = idx.subject_table().subjects  # the titles' subjects, embedded once too (subject_search)
    assert len(subjects) == 1 and emb.texts.count(subjects[0]) == 1
    chunk_texts = [t for t in emb.texts if t not in subjects]
    assert len(chunk_texts) == len(set(chunk_texts)) == s.embedded_chunks < s.chunks / 10
    assert s.embedded_chunks + s.reused_embeddings == s.chunks
    assert len(idx) == s.chunks and idx.search("暖巢计划", k=3, mode="dense")


def test_an_interrupted_build_changes_nothing_and_keeps_what_it_embedded(tmp_path):
    from policyqa import store

    class Interrupted(HashEmbedder):
        def __init__(self, after):
            super().__init__(dim=16)
            self.after, self.seen = after, 0

        def embed_passages(self, texts, batch_size=16, progress=None):
            self.seen += len(texts)
            if self.seen > self.after:
                raise KeyboardInterrupt
            return super().embed_passages(texts, batch_size, progress)

    corpus = _corpus(tmp_path / "corpus", 2, meta=False)
    directory = tmp_path / "idx"
    build_index([corpus], directory, EMB)
    live = store.current_generation(directory)
    for i in range(2, 300):  # enough new chunks for several cache slices
        (corpus / f"doc{i}.txt").write_text(DOC.format(place="舟山市", n=i, word=f"第{i}项计划"), encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        build_index([corpus], directory, Interrupted(after=200))
    assert store.current_generation(directory) == live and len(_titles(directory)) == 2
    assert [g.name for g in directory.glob("gen-*")] == [live.name]  # the half-written one is gone
    _, s = build_index([corpus], directory, EMB)
    assert s.added == 298 and 0 < s.embedded_chunks < s.chunks - 128  # the slices embedded before are reused


def test_an_index_cut_with_another_dictionary_says_so_in_the_answer(tmp_path):
    # After an upgrade that changes the bundled dictionary, questions would be cut differently from the indexed
    # text: the answer says so and how to re-tokenize (no re-embedding).
    from policyqa.answer import ask
    from policyqa.tokenizer import Tokenizer

    idx, _ = build_index([_corpus(tmp_path / "c")], tmp_path / "idx", HashEmbedder(64))
    assert idx.tokenizer_is_current
    assert not any("分词词典" in n for n in ask("养老服务", index=idx).notices)
    idx._tokenizer = Tokenizer(user_words="新出现的词 100\n".encode())  # as a newer policyqa's dictionary
    assert not idx.tokenizer_is_current
    assert any("分词词典" in n and "policyqa index" in n for n in ask("养老服务", index=idx).notices)
