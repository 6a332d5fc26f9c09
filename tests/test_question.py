"""Question analysis: places written as places, their roles (steering, scope, subject), levels, topic, identity.

The words and clauses come from ``eval/place_mentions.jsonl``: real text of the local regulations
(../shared/data/dlc) and national laws and public questions of STARD (../shared/data/stard), each labelled
with the places it names. Its items are split into halves by the parity of sha256 of their word: the
recognition rules were chosen on the ``tune`` half; precision and recall are reported on the ``report``
half (``python eval/place_mentions.py``), which played no part in the choice. The tests below check every
labelled word of both halves that names no place.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policyqa.models import Region
from policyqa.question import analyze_question, question_frames
from policyqa.question_places import place_mentions, usual_short_name
from policyqa.regions import gazetteer, resolve_place

ITEMS = [json.loads(line) for line in
         (Path(__file__).resolve().parent.parent / "eval" / "place_mentions.jsonl").read_text(encoding="utf-8").splitlines()]
COMMON_WORDS = [it for it in ITEMS if it["set"] in ("word", "stard_question") and not it["places"]]


def names(regions):
    return [r.name for r in regions]


def test_enough_common_words_from_real_text():
    assert len({it["key"] for it in COMMON_WORDS}) >= 30
    assert {"乡村振兴", "平安建设", "区域合作", "和平发展", "安全生产", "长安", "东方", "城关"} <= {it["key"] for it in ITEMS}


@pytest.mark.parametrize("item", COMMON_WORDS, ids=[it["key"] for it in COMMON_WORDS])
def test_words_holding_a_place_name_are_not_places(item):
    info = analyze_question(item["text"])
    assert info.places == [] and info.scope is None and info.subject_places == []


@pytest.mark.parametrize("word", ["乡村振兴", "平安建设", "区域合作", "和平发展", "新华", "永安", "安全生产", "长安",
                                  "东方", "普安", "城关", "合作社", "自然资源", "公安机关", "长治久安", "北京时间"])
def test_issue_words_in_questions_are_not_places(word):
    for q in (f"如何推进{word}", f"{word}有哪些要求", f"哪些城市重视{word}"):
        info = analyze_question(q)
        assert info.places == [] and info.scope is None and info.subject_places == [], q


def test_how_to_promote_rural_revitalisation_names_no_place():
    info = analyze_question("如何推进乡村振兴")
    assert info.places == [] and info.kind == "open" and "乡村振兴" in info.topic


@pytest.mark.parametrize("q,expected", [
    ("武义县殡葬改革", ["武义县"]),
    ("舟山市养老服务", ["舟山市"]),
    ("浙江养老服务", ["浙江省"]),
    ("舟山养老服务", ["舟山市"]),
    ("厦门怎样健全社会救助体系", ["厦门市"]),
    ("宁夏回族自治区的低保标准", ["宁夏回族自治区"]),
    ("延边的养老服务", ["延边朝鲜族自治州"]),  # an autonomous prefecture by its usual name
    ("和田地区的低保标准", ["和田地区"]),
    ("深圳经济特区矛盾纠纷化解", ["深圳市"]),  # jieba keeps the compound whole
    ("金华武义殡葬改革", ["金华市", "武义县"]),  # a county's short name right after its city
    ("浙江义乌小商品市场", ["浙江省", "义乌市"]),
    ("北京朝阳区养老服务", ["北京市", "朝阳区"]),  # an ambiguous district resolved by its city
    ("闵行、宝山等区的交通管理", ["闵行区", "宝山区"]),  # county short names listed together, same city
    ("白银市的养老服务", ["白银市"]),
    ("甘肃白银的养老服务", ["甘肃省", "白银市"]),
])
def test_places_written_as_places(q, expected):
    assert names(analyze_question(q).places) == expected


@pytest.mark.parametrize("q", ["黄金、白银的走私", "与老城区联动", "城区禁止饲养烈性犬", "市和县人民政府", "日照时间要求",
                               "武义殡葬改革", "义乌小商品市场", "出台前签订的合同", "规定安装计量设施"])
def test_names_inside_ordinary_words_or_bare_county_names_are_not_places(q):
    assert analyze_question(q).places == []


def test_county_short_name_counts_when_the_index_holds_that_county():
    wuyi = resolve_place("武义县")
    assert names(analyze_question("武义殡仪馆迁建工程投资多少", known_places=[wuyi]).places) == ["武义县"]
    assert analyze_question("武义殡仪馆迁建工程投资多少", known_places=[resolve_place("金华市")]).places == []
    # a common word stays a word even when the index holds the county it names
    zhenxing = gazetteer().by_name["振兴区"][0]
    assert analyze_question("如何推进乡村振兴", known_places=[zhenxing]).places == []


def test_romanized_places_and_their_spans():
    mentions = place_mentions("Elderly care in Jinhua City and Xi'an")
    assert [m.region.name for m in mentions] == ["金华市", "西安市"]
    assert [("Elderly care in Jinhua City and Xi'an")[m.start:m.end] for m in mentions] == ["Jinhua", "Xi'an"]


def test_usual_short_names():
    assert usual_short_name("黔西南布依族苗族自治州") == "黔西南"
    assert usual_short_name("博尔塔拉蒙古自治州") == "博尔塔拉"
    assert usual_short_name("广西壮族自治区") == "广西"
    assert usual_short_name("金华市") == "金华"
    assert usual_short_name("和县") is None


@pytest.mark.parametrize("q,level", [
    ("哪些省份推进殡葬改革", "province"), ("哪些省出台了养犬管理条例", "province"), ("各省如何推进殡葬改革", "province"),
    ("哪些城市推进殡葬改革", "city"), ("哪些市开展老年助餐", "city"), ("哪些地市出台了物业管理条例", "city"),
    ("哪些县推进殡葬改革", "county"), ("哪些区开展助餐", "county"), ("哪些县区开展助餐", "county"),
    ("哪些区县开展助餐", "county"),
    ("哪些地方开展老年助餐", "any"), ("哪些地区开展老年助餐", "any"), ("殡葬改革在哪里推进", "any"),
    ("各地如何推进殡葬改革", "any"),
    ("Which cities promote funeral reform?", "city"), ("Which provinces promote funeral reform?", "province"),
    ("Which counties promote funeral reform?", "county"), ("Which places offer meal services?", "any"),
])
def test_aggregation_levels(q, level):
    info = analyze_question(q)
    assert info.kind == "aggregation" and info.aggregation_level == level


@pytest.mark.parametrize("q", ["什么部门负责殡葬管理", "哪些单位应当设置无障碍设施", "哪些机构负责养老服务评估",
                               "哪些市场主体可以申请", "哪些区域禁止养犬"])
def test_departments_bodies_markets_and_areas_are_not_places(q):
    info = analyze_question(q)
    assert info.kind != "aggregation" and info.aggregation_level is None


@pytest.mark.parametrize("q,scope,level", [
    ("浙江省哪些城市出台了物业管理条例", "浙江省", "city"),
    ("金华下辖哪些县推进殡葬改革", "金华市", "county"),
    ("山东有哪些市对养犬作出规定", "山东省", "city"),
    ("浙江省内的哪些地方开展老年助餐", "浙江省", "any"),
    ("浙江省金华市哪些县开展助餐", "金华市", "county"),
    ("Which cities in Zhejiang promote funeral reform?", "浙江省", "city"),
])
def test_scope_contains_the_answer_places_and_does_not_steer(q, scope, level):
    info = analyze_question(q)
    assert info.scope is not None and info.scope.name == scope and info.aggregation_level == level
    assert info.places == [] and info.subject_places == []
    assert scope[:2] not in info.topic


def test_a_place_at_the_level_asked_is_not_a_scope():
    info = analyze_question("舟山哪些城市推进殡葬改革")  # a city cannot contain the cities asked for
    assert info.scope is None


@pytest.mark.parametrize("q,subject", [
    ("哪些城市学习借鉴杭州经验", ["杭州市"]),
    ("哪些地方对口支援新疆", ["新疆维吾尔自治区"]),
    ("浙江如何对口支援新疆", ["新疆维吾尔自治区"]),
    ("舟山怎样向厦门学习", ["厦门市"]),
])
def test_subject_places_neither_restrict_nor_steer(q, subject):
    info = analyze_question(q)
    assert names(info.subject_places) == subject
    assert not set(names(info.places)) & set(subject)
    assert subject[0][:2] in info.topic  # the documents must still mention it


def test_steering_place_and_subject_place_together():
    info = analyze_question("浙江如何对口支援新疆")
    assert names(info.places) == ["浙江省"]


def test_topic_drops_frames_years_places_and_question_words():
    info = analyze_question("哪些城市出台了物业管理条例")
    assert (info.topic, info.document_kind) == ("物业管理", "条例")  # asks for 物业管理 regulations
    assert analyze_question("哪些省份有扬尘污染防治方面的法规").document_kind == "法规"
    info = analyze_question("哪些地方的法规对残疾人作出专门规定")  # whose regulations say it: content
    assert info.document_kind is None and "残疾人" in info.topic and "法规" not in info.topic
    assert analyze_question("哪些自治县对水资源管理作出规定").aggregation_level == "county"
    assert analyze_question("浙江省哪些城市对养犬管理作出规定").topic == "养犬管理"  # the preposition is not said
    assert analyze_question("哪些城市对口支援新疆").topic == "对口支援新疆"  # 对口 is one word
    assert analyze_question("2024年哪些城市推进殡葬改革").topic == "推进殡葬改革"
    assert analyze_question("哪些城市推进城市更新").topic == "推进城市更新"  # 城市 of the topic is kept
    assert "出台" in question_frames() and "作出规定" in question_frames()
    # 过 (have done) is part of the frame, as 了 is: not a topic word a document would hold
    info = analyze_question("哪些省份出台过文物保护的地方性法规")
    assert (info.topic, info.document_kind) == ("文物保护", "地方性法规")
    assert analyze_question("哪些城市制定过养犬管理条例").topic == "养犬管理"
    # 地方性法规 in front of 条例 is the subject of the regulation asked for, not whose documents (的法规对…)
    info = analyze_question("哪些城市出台了制定地方性法规条例")
    assert (info.topic, info.document_kind, info.asks_provisions) == ("地方性法规", "条例", False)
    # In a question about what the articles say, a kind word ending the topic is part of their subject.
    info = analyze_question("哪些地方的法规对享受优惠政策作出了规定")
    assert (info.topic, info.document_kind, info.asks_provisions) == ("享受优惠政策", None, True)
    assert analyze_question("哪些地方出台了人才政策").document_kind == "政策"
    # The everyday 管 (govern) is a frame even where the tokenizer glued it to the next word (管工 / 地上, 管家 / 暴);
    # 管道, 管线, 管理, 管护 are words of their own.
    assert analyze_question("哪些城市有管工地扬尘的法规").topic == "工地扬尘"
    assert analyze_question("哪些地方有管家暴、老公打老婆的法规").topic == "家暴、老公打老婆"
    for word in ("管道燃气", "管线保护", "管理养犬", "管护林木"):
        assert analyze_question(f"哪些城市有{word}的法规").topic == word
    assert analyze_question("哪些地方的法规对许可证件的有效期作出规定").topic == "许可证件的有效期"  # 有 is no such frame
    # 管着: the 着 left in front once 管 is gone is no word of the subject, nor shown as one; 着火 is a word.
    assert analyze_question("哪些地方的法规管着上山砍树得先经过批准").topic == "上山砍树得先经过批准"
    assert analyze_question("哪些地方的法规管着着火了怎么扑救").topic.startswith("着火")


def test_sentence_particles_go_and_words_that_hold_them_stay():
    assert "网吧" in analyze_question("哪些地方对网吧、歌舞厅等场所作出了规定").topic
    assert "桌游吧" in analyze_question("浙江省哪些城市对桌游吧的经营作出了规定？").topic
    assert analyze_question("哪些城市有养犬管理条例吗？").topic == "养犬管理"
    assert analyze_question("哪些城市推进殡葬改革呢").topic == "推进殡葬改革"


def test_what_the_regulations_are_said_to_do_is_not_their_topic():
    # 法规规定…, 法规说了…, 法规让…: how the question says that the regulations rule on something, as 对…作出规定 does;
    # no article writes of itself that it 规定 or 说了 (说 held 0.39 of 法规说了执法时怎么收集证据's topic weight).
    for question, topic in (("哪些地方的法规规定当事人可以提出异议", "当事人可以提出异议"),
                            ("哪些省份的法规说了执法时怎么收集证据", "执法时收集证据"),
                            ("哪些省份的法规写了政府发补助、补贴", "政府发补助、补贴"),
                            ("哪些城市的法规让工会帮职工维权", "工会帮职工维权"),
                            ("哪些城市的法规里提到了监委", "监委"),
                            ("哪些城市的法规讲到扶持唱戏、跳舞这类演出", "扶持唱戏、跳舞这类演出"),  # not 到扶持…
                            ("哪些地方的法规写到了公章的刻制", "公章的刻制")):
        info = analyze_question(question)
        assert (info.topic, info.asks_provisions) == (topic, True), question
    # Only as a word of its own before the rest: 法规说明书 is not 法规 saying 明书.
    assert analyze_question("哪些城市的法规说明书公开了").topic.startswith("说明书")


def test_legislating_on_something_asks_for_regulations_named_after_it():
    # 专门立法管…, 专门立了法保护…: as 有…的法规, a question for regulations by title, and 立法 is no word of the subject
    # (it had been a topic word, and the question one about any mention: 18 places for 义务教育 where 3 are named after it).
    for question, topic in (("哪些地方专门立法管孩子上小学、念初中的事", "孩子上小学、念初中的事"),
                            ("哪些县专门立了法保护河水", "保护河水"),
                            ("哪些城市专门立了法来保护老城", "保护老城"),
                            ("哪些城市立法保护古树名木", "保护古树名木")):
        info = analyze_question(question)
        assert (info.topic, info.document_kind, info.asks_provisions) == (topic, "法规", False), question
    # Not inside a word (立法权), and a question about provisions stays one.
    assert analyze_question("哪些城市立法权的规定").topic.startswith("立法权")
    info = analyze_question("哪些地方的法规对立法保护作出了规定")
    assert (info.topic, info.document_kind, info.asks_provisions) == ("立法保护", None, True)
    # 立法 inside a subject stays: 地方立法 is what the 条例 are about.
    assert analyze_question("浙江省哪些城市制定了地方立法方面的条例").topic == "地方立法"


def test_topic_frames_are_removed_only_as_whole_words():
    # 制定 is a frame, but not inside 制定者 (one jieba word)
    assert "制定者" in analyze_question("哪些城市规定了制定者的责任").topic
    # … while a long frame goes even where the tokenizer made a word across its start: 河长制作出 is cut 制作 / 出.
    for question, topic in (("山东省哪些城市的法规对河长制作出规定", "河长制"), ("哪些地方对生态补偿机制作出规定", "生态补偿机制")):
        info = analyze_question(question)
        assert (info.topic, info.asks_provisions) == (topic, True)


def test_asking_about_the_role_of_something_asks_about_that_thing():
    # 发挥…的作用 is how a question asks what regulations make of something; no regulation is about 发挥 or 作用.
    info = analyze_question("哪些地方的法规发挥行业协会商会的作用")
    assert info.topic.rstrip("的") == "行业协会商会" and info.kind == "aggregation"


def test_restricting_is_ruling_too():
    info = analyze_question("哪些地方的法规对钓鱼作出了限制")
    assert (info.topic, info.asks_provisions) == ("钓鱼", True)


@pytest.mark.parametrize("question", ["哪些城市的法规对宾馆提出了要求", "哪些城市对宾馆提出要求", "哪些地方对宾馆有要求",
                                      "哪些地方的法规对宾馆作出了要求", "哪些地方的法规对宾馆进行了规范",
                                      "哪些省份的法规对宾馆有明确规定", "哪些城市对宾馆作出了明确规定"])
def test_requiring_stating_and_regulating_are_ruling_too(question):
    # 提出 and 进行 are no words of a regulation on 宾馆; 有明确规定 asks what the rules say, not for a document named 规定.
    info = analyze_question(question)
    assert (info.topic, info.asks_provisions, info.document_kind) == ("宾馆", True, None)


def test_the_place_a_question_points_at_is_not_its_topic():
    # 本地 / 当地 name the place asked about; no regulation on 文物 is about 本地.
    assert analyze_question("哪些县对保护本地的文物作出了规定").topic == "保护的文物"
    assert analyze_question("哪些城市对当地的水库作出了规定").topic == "水库"  # no 的 left in front


def test_things_is_no_topic_word():
    # 东西 ("things") stands for whatever the question goes on to name; no regulation is about 东西.
    assert "东西" not in analyze_question("哪些省份的法规规定有些东西要通过公开拍卖来处理").topic
    assert analyze_question("哪些城市的法规管政府部门采购东西").topic == "政府部门采购"


def test_whose_documents_keeps_a_word_that_starts_with_within():
    # 的法规中 is whose documents; in 法规管中介公司 the 中 is the first character of 中介.
    assert analyze_question("哪些城市的法规管中介公司").topic == "中介公司"
    assert analyze_question("哪些城市的法规中对宾馆作出了规定").topic == "宾馆"


def test_a_list_keeps_its_marks_in_the_topic():
    # Without the 、 the items run together into another word (酒店宾馆 is cut as one).
    info = analyze_question("哪些城市的法规对酒店、宾馆提出了要求")
    assert info.topic == "酒店、宾馆" and info.asks_provisions
    from policyqa.question_places import _default_tokenizer

    assert _default_tokenizer().tokenize(info.topic) == ["酒店", "宾馆"]
    assert analyze_question("哪些城市对乱停车、停车难作出了规定？").topic == "乱停车、停车难"
    assert analyze_question("哪些城市对、殡葬改革、作出规定").topic == "殡葬改革"  # no mark left at either end


def test_region_identity_ignores_code_and_level_spelling():
    inferred = resolve_place("金华市")
    sidecar = Region(province="浙江省", city="金华市", level="city")
    assert inferred.code and sidecar.code is None
    assert inferred == sidecar and hash(inferred) == hash(sidecar) and len({inferred, sidecar}) == 1
    assert Region(province="浙江省", city="金华市", county="武义县", level="district") == resolve_place("武义县")
    assert Region(province="浙江省", city="金华市", county="武义县").level == "county"
    assert Region(province="北京市", level="province") == Region(province="北京市", city="北京市", level="city")
    assert Region(province="浙江省", city="金华市") != Region(province="浙江省", city="舟山市")
    assert Region(province="浙江省", city="金华市").code is None  # code stays data
    groups = {inferred: ["inferred"]}
    groups.setdefault(sidecar, []).append("sidecar")
    assert groups == {inferred: ["inferred", "sidecar"]}


def test_years_and_kinds_survive():
    info = analyze_question("厦门市2023年什么时候印发工作要点")
    assert info.kind == "fact" and info.years == [2023] and names(info.places) == ["厦门市"]
