"""Tokenizer, normalisation, question analysis."""

import pytest

from policyqa.errors import QueryError
from policyqa.question import analyze_question
from policyqa.textnorm import normalize, to_simplified
from policyqa.tokenizer import Tokenizer


@pytest.fixture(scope="module")
def tok():
    return Tokenizer()


def test_precise_mode_has_no_overlapping_fragments(tok):
    tokens = tok.tokenize("住房公积金提取和殡葬改革")
    assert "公积金" in tokens and "公积" not in tokens and "积金" not in tokens
    assert tokens == ["住房", "公积金", "提取", "殡葬", "改革"]


def test_domain_dictionary_and_stopwords(tok):
    assert "助餐" in tok.tokenize("开展老年助餐服务")  # jieba alone splits 助 / 餐
    assert "适老化" in tok.tokenize("居家适老化改造")
    assert not {"哪些", "的", "了", "给"} & set(tok.tokenize("哪些城市给老人提供了助餐的服务"))
    assert "90" in tok.tokenize("持证率从71%提升至90%")


def test_traditional_and_fullwidth_are_normalised(tok):
    assert to_simplified("推進殯葬改革") == "推进殡葬改革"
    assert tok.tokenize("哪些城市推進殯葬改革") == tok.tokenize("哪些城市推进殡葬改革")
    assert normalize("（一）２０２５年") == "(一)2025年"


def test_user_dictionary_changes_version_and_segmentation(tmp_path, tok):
    d = tmp_path / "user.txt"
    d.write_text("金享助餐 100 n\n", encoding="utf-8")
    mine = Tokenizer(user_dict=d)
    assert "金享助餐" in mine.tokenize("开展金享助餐行动") and "金享助餐" not in tok.tokenize("开展金享助餐行动")
    assert mine.version != tok.version


@pytest.mark.parametrize("q,kind,places,years", [
    ("哪些城市推进殡葬改革", "aggregation", [], []),
    ("哪些城市推進殯葬改革", "aggregation", [], []),
    ("Which cities promote funeral reform?", "aggregation", [], []),
    ("舟山养老机构护理员持证率提高到了多少", "fact", ["舟山市"], []),
    ("厦门市2023年什么时候印发工作要点", "fact", ["厦门市"], [2023]),
    ("金华怎样发展养老服务", "open", ["金华市"], []),
    ("武义殡葬改革", "open", [], []),  # a county's bare short name is not a place without the index's places
    ("金华武义殡葬改革", "open", ["金华市", "武义县"], []),
    ("How does Xiamen improve its social assistance system?", "open", ["厦门市"], []),
    ("Elderly care in Jinhua City and Xi'an", "open", ["金华市", "西安市"], []),
    ("What Does Taizhou Plan?", "open", [], []),  # 台州 or 泰州: ambiguous, not guessed
])
def test_question_analysis(q, kind, places, years):
    info = analyze_question(q)
    assert info.kind == kind
    assert [p.name for p in info.places] == places
    assert info.years == years
    assert info.topic


def test_topic_drops_question_words_and_places():
    assert analyze_question("哪些城市推进殡葬改革").topic == "推进殡葬改革"
    assert "舟山" not in analyze_question("舟山养老机构护理员持证率提高到了多少").topic


def test_empty_question_is_refused():
    with pytest.raises(QueryError, match="empty"):
        analyze_question("   ")
