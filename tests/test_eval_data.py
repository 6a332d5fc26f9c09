"""The labelled evaluation data: well-formed, split by fixed rules, and labels that point at real text."""

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parent.parent / "eval"
sys.path.insert(0, str(EVAL))

import dlc_corpus  # noqa: E402
import dlc_places_build  # noqa: E402
import split_queries  # noqa: E402
from policyqa.evaluation import load_queries  # noqa: E402

DLC = dlc_corpus.SOURCE
needs_dlc = pytest.mark.skipif(not DLC.is_file(), reason=f"{DLC} absent")


def _lines(name):
    return [json.loads(line) for line in (EVAL / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("name", ["queries.jsonl", "queries_heldout.jsonl", "no_answer.jsonl"])
def test_query_files_load_and_carry_a_split(name):
    queries = load_queries(EVAL / name)
    assert {r["split"] for r in _lines(name)} <= {"tune", "report"}
    assert len(queries) == len(_lines(name))


def test_splits_are_the_rules_and_families_stay_together():
    for path, key in split_queries.FILES.items():
        assert path.read_text(encoding="utf-8") == split_queries.split_file(path, key), path.name
    rows = _lines("queries.jsonl")
    for fam in split_queries.families(rows):
        assert len({r["split"] for r in fam}) == 1, [r["id"] for r in fam]
    # Each type has questions on both sides.
    by_type = defaultdict(set)
    for r in rows:
        by_type[r["type"]].add(r["split"])
    assert all(s == {"tune", "report"} for s in by_type.values()), dict(by_type)


def test_with_split_changes_nothing_else():
    line = '{"id": "x", "query": "哪些城市推进殡葬改革", "relevant": []}'
    once = split_queries.with_split(line, "tune")
    assert once == '{"id": "x", "query": "哪些城市推进殡葬改革", "relevant": [], "split": "tune"}'
    assert split_queries.with_split(once, "report") == once.replace('"tune"', '"report"')


def test_no_answer_set_covers_every_kind_on_both_sides():
    rows = _lines("no_answer.jsonl")
    assert len(rows) >= 50 and all(r["no_answer"] for r in rows)
    kinds = defaultdict(set)
    for r in rows:
        kinds[r["category"]].add(r["split"])
    assert {"gibberish", "emoji", "punctuation", "injection", "absent_topic", "absent_year", "absent_place",
            "english_nonsense"} <= set(kinds)
    assert all(s == {"tune", "report"} for k, s in kinds.items()), dict(kinds)
    assert "' OR 1=1 --" in {r["query"] for r in rows}


def test_heldout_questions_are_new_and_their_labels_are_in_the_seeds(seeds_dir):
    held = _lines("queries_heldout.jsonl")
    old = {r["query"] for r in _lines("queries.jsonl")}
    assert len(held) >= 30 and not old & {r["query"] for r in held}
    assert {r["split"] for r in held} == {"report"}
    for r in held:
        for label in r["relevant"]:
            text = (seeds_dir / label["source"]).read_text(encoding="utf-8-sig")
            assert label["contains"] in text, (r["id"], label["contains"])


def test_dlc_places_set_is_well_formed():
    rows = _lines("dlc_places.jsonl")
    assert len(rows) >= 25 and len({r["id"] for r in rows}) == len(rows)
    assert {r["level"] for r in rows} == {"province", "city", "county", "place"}
    assert all(r["places"] for r in rows)
    topic_split = defaultdict(set)
    for r in rows:
        topic_split[r["topic"]].add(r["split"])
    assert all(len(s) == 1 for s in topic_split.values()), "a topic is in both splits"
    assert Counter(r["split"] for r in rows).keys() == {"tune", "report"}
    assert any(r["scope"] for r in rows) and any(r["rule"] == "text" for r in rows)
    text_only = {t.id for t in dlc_places_build.TOPICS if t.text_only}
    assert text_only & {r["topic"] for r in rows}


def test_place_at_each_level():
    city = dlc_corpus.Place("浙江省", "宁波市")
    county = dlc_corpus.Place("浙江省", "丽水市", "景宁畲族自治县")
    province = dlc_corpus.Place("浙江省")
    shanghai = dlc_corpus.Place("上海市")
    at = dlc_places_build.place_at
    assert [at(p, "province") for p in (city, county, province, shanghai)] == ["浙江省"] * 3 + ["上海市"]
    assert [at(p, "city") for p in (city, county, province, shanghai)] == ["宁波市", "丽水市", None, "上海市"]
    assert [at(p, "county") for p in (city, county, province, shanghai)] == [None, "景宁畲族自治县", None, None]
    assert [at(p, "place") for p in (city, county, province, shanghai)] == ["宁波市", "景宁畲族自治县", "浙江省",
                                                                          "上海市"]


def test_a_topic_in_the_articles_counts_from_three_articles():
    topic = dlc_places_build.Topic("t", r"养犬", r"犬只")
    place = dlc_corpus.Place("浙江省", "宁波市")
    reg = lambda title, arts: dlc_places_build.Regulation(title, (), tuple(arts), place)  # noqa: E731
    assert dlc_places_build.matches(reg("宁波市养犬管理条例", []), topic) == (True, False)
    assert dlc_places_build.matches(reg("宁波市文明行为促进条例", ["犬只"] * 2), topic) == (False, False)
    assert dlc_places_build.matches(reg("宁波市文明行为促进条例", ["犬只"] * 3), topic) == (False, True)


@needs_dlc
def test_expected_place_of_regulations():
    by_title = {r["title"]: r for r in dlc_corpus.load_regulations()}

    def place(title):
        return dlc_corpus.expected_region(by_title[title])

    assert place("三门峡市城市环境卫生管理条例") == (dlc_corpus.Place("河南省", "三门峡市"), "adopted")
    # A provincial regulation about one city is the province's; a county's own is the county's.
    assert place("温州市民间融资管理条例")[0] == dlc_corpus.Place("浙江省")
    assert place("景宁畲族自治县水资源管理条例")[0] == dlc_corpus.Place("浙江省", "丽水市", "景宁畲族自治县")
    assert place("莱芜市钢结构建筑应用促进条例")[0] == dlc_corpus.Place("山东省", "济南市")
    assert place("上海港口条例") == (dlc_corpus.Place("上海市"), "title")
    assert dlc_corpus.file_name(by_title["上海港口条例"]) == "上海/上海港口条例.md"


@needs_dlc
def test_doc_places_file_is_what_the_rule_gives():
    expected = list(dlc_corpus.doc_places(dlc_corpus.load_regulations()))
    assert _lines("dlc_doc_places.jsonl") == expected


@needs_dlc
@pytest.mark.slow
def test_dlc_places_file_is_what_the_rules_give():
    assert _lines("dlc_places.jsonl") == dlc_places_build.build(dlc_corpus.load_regulations())


def test_title_overlap_finds_a_title_on_topics_of_both_batches():
    first = [dlc_places_build.Topic("绿化", r"绿化")]
    second = [dlc_places_build.Topic("公园", r"公园"), dlc_places_build.Topic("消防", r"消防")]
    titles = ["杭州市城市绿化管理条例", "北京市公园条例", "某市公园绿化条例"]
    assert dlc_places_build.title_overlap(titles, first, second) == [("某市公园绿化条例", "绿化", "公园")]


def test_dlc_third_batch_is_well_formed_and_new():
    third = _lines("dlc_places_heldout2.jsonl")
    earlier = _lines("dlc_places.jsonl") + _lines("dlc_places_heldout.jsonl")
    topics = {r["topic"] for r in third}
    assert len(third) >= 25 and len(topics) >= 14 and all(r["places"] for r in third)
    assert {r["split"] for r in third} == {"heldout2"}
    assert {r["level"] for r in third} >= {"province", "city", "place"}
    assert not topics & {r["topic"] for r in earlier}
    assert not {r["query"] for r in third} & {r["query"] for r in earlier}


# The batches in the order they were written: each must be new with respect to every batch before it.
_ORDER = list(dlc_places_build.BATCHES.values())
# Bounds each later batch was written to: (questions, topics, text-only topics), (low, high or None).
_BOUNDS = {
    "heldout": ((30, None), (14, None), (1, None)),
    "heldout3": ((30, None), (18, None), (1, None)),
    "heldout4": ((30, 40), (15, 22), (2, 4)),
    "heldout5": ((28, 38), (14, 20), (2, 4)),
    "heldout6": ((25, 35), (12, 18), (2, 5)),
    "heldout7": ((25, 35), (12, 18), (4, 6)),
    "heldout8": ((22, 32), (10, 16), (3, 5)),
    "heldout9": ((25, 34), (12, 18), (3, 6)),
    "heldout10": ((22, 34), (10, 18), (4, 8)),
    "heldout11": ((22, 34), (10, 18), (4, 8)),
    "heldout12": ((22, 34), (10, 18), (4, 8)),
    "heldout13": ((22, 34), (10, 18), (4, 8)),
    "heldout14": ((22, 34), (10, 18), (4, 8)),
    "heldout15": ((22, 34), (10, 18), (4, 8)),
    "heldout16": ((22, 34), (10, 18), (4, 8)),
    "heldout17": ((22, 34), (10, 18), (4, 8)),
    "heldout18": ((22, 34), (10, 18), (4, 8)),
    "heldout19": ((22, 34), (10, 18), (4, 8)),
    "heldout20": ((22, 34), (10, 18), (4, 8)),
    "heldout21": ((22, 34), (10, 18), (4, 8)),
    "heldout22": ((22, 34), (10, 18), (4, 8)),
    "heldout23": ((22, 34), (10, 18), (4, 8)),
    "heldout24": ((22, 34), (10, 18), (4, 8)),
    "heldout25": ((22, 34), (10, 18), (4, 8)),
    "heldout26": ((22, 34), (10, 18), (4, 8)),
    "heldout27": ((22, 34), (10, 18), (4, 8)),
    "heldout28": ((22, 34), (10, 18), (4, 8)),
    "heldout29": ((22, 34), (10, 18), (4, 8)),
    "heldout30": ((22, 34), (10, 18), (4, 8)),
    "heldout31": ((22, 34), (10, 18), (4, 8)),
    "heldout32": ((22, 34), (10, 18), (4, 8)),
    "heldout33": ((22, 34), (10, 18), (4, 8)),
    "heldout34": ((22, 34), (10, 18), (4, 12)),  # most topics text_only: few titled topics are left to ask again
    "heldout35": ((22, 34), (10, 18), (4, 12)),  # the same bounds as heldout34: six text_only, ten topics with titles
    "heldout36": ((22, 34), (10, 18), (4, 12)),  # the same bounds as heldout35: five text_only, eleven topics with titles
    "heldout37": ((22, 34), (10, 18), (4, 12)),  # the same bounds as heldout36: five text_only, ten topics with titles
}
_HELDOUT = [b.name for b in _ORDER if b.heldout]


def _earlier(name):
    names = [b.name for b in _ORDER]
    return _ORDER[:names.index(name)]


def _within(n, bounds):
    low, high = bounds
    return n >= low and (high is None or n <= high)


@pytest.mark.parametrize("name", list(_BOUNDS))
def test_dlc_later_batch_is_well_formed_and_new(name):
    batch = dlc_places_build.BATCHES[name]
    rows = _lines(batch.out.name)
    earlier = [r for b in _earlier(name) for r in _lines(b.out.name)]
    topics = {r["topic"] for r in rows}
    n_questions, n_topics, n_text_only = _BOUNDS[name]
    assert _within(len(rows), n_questions) and _within(len(topics), n_topics) and all(r["places"] for r in rows)
    assert {r["split"] for r in rows} == {name}
    assert {r["level"] for r in rows} == {"province", "city", "county", "place"}
    assert any(r["scope"] for r in rows) and {"title", "text"} == {r["rule"] for r in rows}
    assert _within(len({t.id for t in batch.topics if t.text_only} & topics), n_text_only)
    # Nothing shared with the earlier batches: topics, questions, ids.
    assert not topics & {r["topic"] for r in earlier}
    assert not {t.id for t in batch.topics} & {t.id for b in _earlier(name) for t in b.topics}
    assert not {r["query"] for r in rows} & {r["query"] for r in earlier}
    assert len({r["id"] for r in rows + earlier}) == len(rows) + len(earlier)
    assert all(r["min_articles"] == dlc_places_build.MIN_ARTICLES for r in rows if r["rule"] == "text")


@needs_dlc
@pytest.mark.parametrize("name", _HELDOUT)
def test_no_regulation_is_on_a_topic_of_a_batch_and_an_earlier_one_by_its_title(name):
    titles = [r["title"] for r in dlc_corpus.load_regulations()]
    for earlier in _earlier(name):
        assert dlc_places_build.title_overlap(titles, earlier.topics,
                                              dlc_places_build.BATCHES[name].overlap_topics()) == []


@pytest.mark.parametrize("name", _HELDOUT)
def test_a_reused_topic_repeats_an_earlier_topic_and_only_a_batch_that_says_so_reuses(name):
    batch = dlc_places_build.BATCHES[name]
    earlier = {t.id: t for b in _earlier(name) for t in b.topics}
    reused = [t for t in batch.topics if t.reuses]
    assert batch.reuses_topics or not reused
    for t in reused:
        was = earlier[t.reuses]
        assert (t.title, t.text, t.text_only) == (was.title, was.text, was.text_only), t.id
    # Only the reused topics are left out of the title-overlap check.
    assert [t for t in batch.topics if t not in batch.overlap_topics()] == reused


@needs_dlc
@pytest.mark.slow
@pytest.mark.parametrize("name", _HELDOUT)
def test_dlc_batch_file_is_what_the_rules_give(name):
    batch = dlc_places_build.BATCHES[name]
    assert _lines(batch.out.name) == dlc_places_build.build(dlc_corpus.load_regulations(), batch)


def test_absent_subject_set_is_well_formed():
    rows = _lines("dlc_absent.jsonl")
    assert len(rows) >= 50 and len({r["id"] for r in rows}) == len(rows)
    assert {r["level"] for r in rows} == {"province", "city", "county", "place"}
    assert all("哪些" in r["query"] for r in rows)
    assert all(r["checked"] for r in rows)


@needs_dlc
def test_no_regulation_says_what_an_absent_subject_question_checked():
    import re

    texts = [f"{r['title']}\n{r['text']}" for r in dlc_corpus.load_regulations()]
    for row in _lines("dlc_absent.jsonl"):
        for pattern in row["checked"]:
            rx = re.compile(pattern)
            assert not any(rx.search(t) for t in texts), (row["id"], pattern)


def test_an_absent_subject_answer_is_none_another_or_named():
    import absent_eval

    assert absent_eval.outcome({"groups": []}) == "none"
    assert absent_eval.outcome({"groups": [{"kind": "unknown"}]}) == "none"
    city = {"kind": "place", "region": {"province": "浙江省", "city": "杭州市"}}
    assert absent_eval.outcome({"groups": [city], "answered_as": "汽车"}) == "another"
    assert absent_eval.outcome({"groups": [city], "answered_as": None}) == "named"
