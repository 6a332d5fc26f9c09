"""The evaluator: metrics worked out by hand, label matching across chunk boundaries, query-file checks."""

import json
import math
from collections import Counter
from pathlib import Path

import pytest

from policyqa.errors import PolicyQAError
from policyqa.evaluation import (Label, LabelledQuery, LabelMatcher, label_run, load_queries, qrels_of,
                                 score_runs)
from policyqa.models import Chunk

ROOT = Path(__file__).resolve().parent.parent


def test_metrics_worked_out_by_hand():
    qrels = {"q1": {"a": 2, "b": 1}, "q2": {"c": 1}}
    run = {"q1": {"x": 3.0, "a": 2.0, "b": 1.0}, "q2": {"c": 5.0, "y": 1.0}}
    m = score_runs(qrels, run, k=10)
    # q1: relevant at ranks 2 and 3 (gains 2, 1); ideal order a, b.
    dcg = 2 / math.log2(3) + 1 / math.log2(4)
    idcg = 2 / math.log2(2) + 1 / math.log2(3)
    assert m["ndcg@10"] == pytest.approx((dcg / idcg + 1.0) / 2)
    assert m["mrr@10"] == pytest.approx((1 / 2 + 1) / 2)
    assert m["recall@10"] == pytest.approx(1.0)
    assert m["hit@1"] == pytest.approx(0.5)


def test_label_matching_survives_chunk_boundaries(tmp_path):
    f = tmp_path / "doc.txt"
    text = "前言。" + "一二三四五六七八九十" + "后记。"
    f.write_text(text, encoding="utf-8")
    label = Label("doc.txt", "一二三四五六七八九十", 2)
    start = text.index("一")

    def chunk(s, e):
        return Chunk("id", str(f), [], "body", text[s:e], s, e)

    m = LabelMatcher()
    assert m.matches(chunk(start, start + 10), label)
    assert m.matches(chunk(start + 3, len(text)), label)       # 7 of 10 characters: enough
    assert not m.matches(chunk(start + 5, len(text)), label)   # 5 of 10: not enough
    assert not m.matches(Chunk("id", str(tmp_path / "other.txt"), [], "body", "x", 0, 1), label)


def test_label_run_ranks_labels_by_first_matching_hit(tmp_path):
    f = tmp_path / "doc.txt"
    text = "甲乙丙丁。戊己庚辛。"
    f.write_text(text, encoding="utf-8")
    q = LabelledQuery("q", "问题", "fact", [Label("doc.txt", "戊己庚辛", 2), Label("doc.txt", "甲乙丙丁", 1)])

    class H:
        def __init__(self, s, e):
            self.chunk = Chunk(f"c{s}", str(f), [], "body", text[s:e], s, e)

    run = label_run([H(5, 10), H(0, 5), H(0, 10)], q, LabelMatcher(), k=10)
    assert run["L0"] == 10 and run["L1"] == 9 and qrels_of(q) == {"L0": 2, "L1": 1}


@pytest.mark.parametrize("line,match", [("{bad json", "not valid JSON"), ('{"id": "x"}', "each query needs a non-empty"),
                                        ('{"id": "x", "query": "问"}', "no relevant passages")])
def test_query_file_errors_name_the_line(tmp_path, line, match):
    p = tmp_path / "q.jsonl"
    p.write_text('{"id": "ok", "query": "问", "no_answer": true}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(PolicyQAError, match=f"line 2: {match}"):
        load_queries(p)


def test_labelled_set_is_exact_and_covers_every_type():
    queries = load_queries(ROOT / "eval" / "queries.jsonl")
    assert len(queries) >= 80
    types = Counter(q.type for q in queries)
    for t in ("aggregation", "fact", "paraphrase", "section", "programme", "english", "traditional", "no_answer"):
        assert types[t] >= 5, t
    for q in queries:
        for label in q.relevant:
            text = (ROOT / "seeds" / label.source).read_bytes().decode("utf-8-sig")
            assert label.contains in text, (q.id, label.contains)
        if q.type == "aggregation":
            assert q.places
        assert q.no_answer == (q.type == "no_answer")


def test_evaluate_on_a_small_index(tmp_path):
    from policyqa.embedders import HashEmbedder
    from policyqa.evaluation import evaluate, save_runs
    from policyqa.index import build_index

    idx, _ = build_index([ROOT / "seeds"], tmp_path / "idx", HashEmbedder(64))
    queries = [q for q in load_queries(ROOT / "eval" / "queries.jsonl") if q.type in ("fact", "programme")][:6]
    report = evaluate(idx, queries, modes=("bm25", "hybrid"), with_ask=False)
    d = report.to_dict()
    assert d["n_queries"] == 6 and set(d["modes"]) == {"bm25", "hybrid"}
    assert set(d["modes"]["bm25"]) >= {"ndcg@10", "recall@10", "mrr@10", "hit@1", "by_type"}
    assert d["modes"]["bm25"]["recall@10"] > 0.5  # exact-word questions: BM25 finds them
    assert "bm25" in report.table()
    paths = save_runs(report, tmp_path / "runs")
    assert (tmp_path / "runs" / "run.bm25.trec").read_text().strip()
    assert len(paths) == 3
