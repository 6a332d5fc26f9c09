"""eval/places_eval.py: how a "which places" answer is scored (by hand-worked examples), and a real run."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))

import gen_places  # noqa: E402
import places_eval  # noqa: E402


def _group(province=None, city=None, county=None, toc_only=False):
    return {"region": {"province": province, "city": city, "county": county}, "label": "", "toc_only": toc_only}


def test_answer_places_takes_the_most_specific_name_and_sets_unknown_and_toc_apart():
    answer = {"groups": [_group("浙江省", "金华市", "武义县"), _group("浙江省", "宁波市"), _group("浙江省"),
                         _group(), _group("浙江省", "舟山市", toc_only=True), _group("浙江省", "宁波市")]}
    assert places_eval.answer_places(answer) == (["武义县", "宁波市", "浙江省"], 1)


def test_score_question_by_hand():
    s = places_eval.score_question(["宁波市", "杭州市", "温州市", "湖州市"], ["宁波市", "杭州市", "上海市"])
    assert (s["tp"], s["fp"], s["fn"]) == (2, 1, 2)
    assert s["precision"] == pytest.approx(2 / 3) and s["recall"] == pytest.approx(0.5)
    assert s["f1"] == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert s["missed"] == ["温州市", "湖州市"] and s["false"] == ["上海市"]
    assert places_eval.score_question(["宁波市"], [])["precision"] == 0.0


def test_aggregate_is_micro_over_places_and_summarize_splits_by_level():
    everything = ["a", "b", "c", "d"]
    rows = [{"split": "tune", "level": "city", **places_eval.score_question(everything, everything)},
            {"split": "report", "level": "city", **places_eval.score_question(["a"], ["b", "c", "d"])},
            {"split": "report", "level": "place", **places_eval.score_question(["a", "b"], ["a"])}]
    s = places_eval.summarize(rows)
    assert s["splits"]["tune"]["precision"] == 1.0
    # report: tp 1, fp 3, fn 2 → P 0.25, R 1/3
    assert s["splits"]["report"]["precision"] == pytest.approx(0.25)
    assert s["splits"]["report"]["recall"] == pytest.approx(1 / 3)
    assert s["splits"]["all"]["precision"] == pytest.approx(5 / 8)
    assert s["levels"]["report/place"]["recall"] == pytest.approx(0.5)
    assert "report/city" in s["levels"] and s["splits"]["report"]["n"] == 2


def test_nearest_documents_of_an_answer_without_places_are_scored_as_leads_by_hand():
    q = {"places": ["杭州市", "青岛市"], "evidence": ["杭州市机动车驾驶员培训管理条例"]}
    cite = lambda title, city: {"title": title, "region": {"province": None, "city": city, "county": None}}  # noqa: E731
    assert places_eval.nearest_leads({"citations": []}, q) is None
    lead = places_eval.nearest_leads({"citations": [cite("杭州市机动车驾驶员培训管理条例", "杭州市")]}, q)
    assert lead == {"documents": 1, "expected_regulation": True, "expected_place": True}
    lead = places_eval.nearest_leads({"citations": [cite("青岛市道路运输条例", "青岛市"), cite("上海市道路运输管理条例", "上海市")]}, q)
    assert lead == {"documents": 2, "expected_regulation": False, "expected_place": True}
    rows = [{"split": "report", "level": "city", "got": [], "nearest": lead, **places_eval.score_question(["a"], [])},
            {"split": "report", "level": "city", "got": [], "nearest": None, **places_eval.score_question(["a"], [])},
            {"split": "report", "level": "city", "got": ["a"], "nearest": None, **places_eval.score_question(["a"], ["a"])}]
    near = places_eval.summarize(rows)["nearest"]
    assert near == {"no_place": 2, "with_nearest": 1, "expected_regulation": 0, "expected_place": 1}
    text = places_eval.table(places_eval.summarize(rows), [], None)
    assert "no place found: 2 questions; 1 cite nearest documents" in text


@pytest.mark.slow  # real FAISS, BM25 and jieba on 12 documents: a few seconds on a busy machine
def test_a_real_run_on_a_small_generated_corpus(tmp_path):
    from policyqa.embedders import get_embedder
    from policyqa.index import build_index

    docs = gen_places.generate(12, 4)
    expected = gen_places.write(tmp_path / "corpus", docs)
    index, _ = build_index([tmp_path / "corpus"], tmp_path / "index", get_embedder("hash:64"))
    question = {"id": "g1", "query": gen_places.QUESTION, "split": "report", "level": "place", "scope": None,
                "topic": "殡葬改革", "rule": "text", "places": expected["places"]}
    rows = places_eval.run_questions(index, [question], progress=False)
    assert rows[0]["found"] and rows[0]["got"]
    assert rows[0]["tp"] + rows[0]["fn"] == 4
    assert rows[0]["tp"] == len(set(rows[0]["got"]) & set(expected["places"]))
    text = places_eval.table(places_eval.summarize(rows), rows, None)
    assert text.splitlines()[0].startswith("split") and "report" in text


def test_the_held_out_file_is_read_and_reported_as_its_own_split():
    questions = places_eval.load_questions(places_eval.HELDOUT_QUESTIONS)
    assert {q["split"] for q in questions} == {"heldout"}
    # Every field run_questions reads is there; scores here come from made-up answers, not the system.
    keys = {"id", "query", "split", "level", "scope", "topic", "rule", "places"}
    assert all(keys <= q.keys() for q in questions)
    rows = [{"id": q["id"], "query": q["query"], "split": q["split"], "level": q["level"], "unknown": 0,
             **places_eval.score_question(q["places"], q["places"][:1])} for q in questions]
    s = places_eval.summarize(rows)
    assert set(s["splits"]) == {"heldout", "all"} and s["splits"]["heldout"]["precision"] == 1.0
    assert s["splits"]["heldout"]["n"] == len(questions) and "heldout/county" in s["levels"]
    assert "\nheldout " in places_eval.table(s, rows, None)


def test_cli_says_what_to_do_when_the_questions_are_missing_or_hold_no_such_split(tmp_path, capsys):
    assert places_eval.main(["--questions", str(tmp_path / "none.jsonl")]) == 2
    assert "give --questions" in capsys.readouterr().err
    assert places_eval.main(["--questions", str(places_eval.QUESTIONS), "--split", "heldout"]) == 2
    err = capsys.readouterr().err
    assert "no heldout questions in" in err and "Traceback" not in err
