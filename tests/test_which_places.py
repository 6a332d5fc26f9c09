""""Which places" over a small generated corpus (hash embedder): levels, scope, one group per place, documents
of unknown place, documents above the level asked, and questions that ask for a kind of document."""

import json

import pytest

from policyqa.answer import ask
from policyqa.embedders import get_embedder
from policyqa.index import PolicyIndex, build_index

PLAN = "{issuer}2025年工作要点\n一、重点任务\n1.{item}。{detail}\n2.做好婚姻登记服务。推进婚姻登记便民服务。\n{issuer}\n2025年3月1日\n"
FUNERAL = ("深化殡葬改革", "推进节地生态安葬，规范殡葬服务收费，开展殡葬领域突出问题专项整治")
OTHER = ("健全社会救助体系", "完善低保、特困供养和临时救助制度，提高救助标准")


def _write(corpus, name, issuer, topic=FUNERAL):
    (corpus / name).write_text(PLAN.format(issuer=issuer, item=topic[0], detail=topic[1]), encoding="utf-8")


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("places") / "corpus"
    corpus.mkdir()
    _write(corpus, "jinhua.txt", "金华市民政局")
    _write(corpus, "wuyi.txt", "武义县民政局")
    _write(corpus, "zhoushan.txt", "舟山市民政局")
    _write(corpus, "qingdao.txt", "青岛市民政局")
    _write(corpus, "laoshan.txt", "崂山区民政局")
    _write(corpus, "yantai.txt", "烟台市民政局", ("学习借鉴杭州经验", "学习借鉴杭州经验，推进智慧养老"))
    _write(corpus, "zhejiang.txt", "浙江省民政厅")
    _write(corpus, "hangzhou.txt", "杭州市民政局", OTHER)  # not on the topic
    _write(corpus, "nowhere.txt", "民政局")  # no place at all
    # The same city twice: once placed by a sidecar (no code), once inferred from the text (with code).
    _write(corpus, "jinhua-sidecar.txt", "本局")
    (corpus / "jinhua-sidecar.txt.meta.json").write_text(json.dumps({"region": {"province": "浙江省", "city": "金华市"}}),
                                                         encoding="utf-8")
    idx, _ = build_index([corpus], tmp_path_factory.mktemp("places-index") / "idx", get_embedder("hash:64"))
    return idx


def places(answer, kind="place"):
    return {g.region.name for g in answer.groups if g.kind == kind}


def test_which_cities_roll_counties_up_and_keep_one_group_per_place(index):
    a = ask("哪些城市推进殡葬改革", index=index)
    assert places(a) == {"金华市", "舟山市", "青岛市"} and a.count == 3  # 烟台's plan is on 智慧养老
    jinhua = next(g for g in a.groups if g.region.name == "金华市")
    assert jinhua.documents == 3  # its own plan, its sidecar-placed plan and 武义县's: one group
    assert {m.name for m in jinhua.members} == {"金华市", "武义县"}
    assert places(a, "other_level") == {"浙江省"}  # a province's plan is not a city's: named, not counted
    assert places(a, "unknown") == {None} and "地区不明" in a.answer
    assert "杭州市" not in a.answer


def test_which_provinces_counties_and_places(index):
    provinces = ask("哪些省份推进殡葬改革", index=index)
    assert places(provinces) == {"浙江省", "山东省"} and provinces.count == 2
    counties = ask("哪些县区推进殡葬改革", index=index)
    assert places(counties) == {"武义县", "崂山区"}
    anywhere = ask("哪些地方推进殡葬改革", index=index)
    assert places(anywhere) == {"金华市", "武义县", "舟山市", "青岛市", "崂山区", "浙江省"}


def test_a_scope_restricts_the_answer(index):
    a = ask("浙江省哪些城市推进殡葬改革", index=index)
    assert places(a) == {"金华市", "舟山市"} and not places(a, "unknown")
    b = ask("山东有哪些县区推进殡葬改革", index=index)
    assert places(b) == {"崂山区"}
    c = ask("哪些城市推进殡葬改革", index=index, region="青岛")  # an explicit filter does the same
    assert places(c) == {"青岛市"}


def test_a_place_that_is_subject_matter_does_not_restrict(index):
    a = ask("哪些城市学习借鉴杭州经验", index=index)
    assert places(a) == {"烟台市"}  # not restricted to 杭州's own documents


def test_json_carries_every_place_with_its_count(index):
    d = ask("哪些城市推进殡葬改革", index=index).to_dict()
    assert d["count"] == 3 and len([g for g in d["groups"] if g["kind"] == "place"]) == 3
    assert all(g["citations"] for g in d["groups"])


ARTICLE = "第{n}条 {text}" + "相关部门应当依照本条例规定履行职责，加强监督检查，及时处理投诉举报，并向社会公开处理结果。" * 2


def _regulation(corpus, name, title, articles, chapter=None):
    lines = [title, "第一章 总则"]
    lines += [ARTICLE.format(n="一二三四五六七八九"[i], text=t) for i, t in enumerate(articles[:2])]
    if chapter:
        lines.append(chapter)
    lines += [ARTICLE.format(n="一二三四五六七八九"[i + 2], text=t) for i, t in enumerate(articles[2:])]
    (corpus / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _without_subject_search(monkeypatch):
    """The last trial off (``PolicyIndex.nearest_subjects``): with the hash embedder the title subject nearest to a
    question is arbitrary, and these tests are about the trials before it."""
    monkeypatch.setattr(PolicyIndex, "nearest_subjects", lambda self, text, n=1: [])


def _other_subjects(corpus, plain, extra=""):
    """One 湛江 regulation on each of 27 subjects (and ``extra`` ones), none about what the tests ask."""
    subjects = ("地方金融 养犬 燃气 城市供水 城市绿化 物业管理 电梯安全 旅游 湿地保护 消防 供热 气象灾害防御 节约用水 公路 "
                "动物防疫 档案 水土保持 河道管理 文物保护 农药 种子 测绘 广告 价格 殡葬 矿产资源 科学技术普及 " + extra).split()
    for i, subject in enumerate(subjects):
        _regulation(corpus, f"other{i}.txt", f"湛江市{subject}条例", plain + [f"{subject}工作应当依法开展。"])


@pytest.fixture(scope="module")
def rules(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("rules") / "corpus"
    corpus.mkdir()
    plain = ["为了规范本市公共事务，制定本条例。", "本条例适用于本市行政区域。"]
    _regulation(corpus, "a.txt", "青岛市森林防火条例", plain + ["各级人民政府应当保障所需经费。"])  # by its title
    _regulation(corpus, "b.txt", "济南市林业条例", plain + ["森林防火期内禁止野外用火。", "森林防火区内设置警示标志。"],
                chapter="第三章 森林防火")  # a chapter on the topic
    _regulation(corpus, "c.txt", "烟台市林地保护条例", plain + ["林地经营者应当做好森林防火工作。",
                                                              "森林防火设施不得擅自拆除。",
                                                              "森林防火经费列入财政预算。"])  # three articles
    _regulation(corpus, "d.txt", "威海市风景名胜区条例", plain + ["管理机构应当做好森林防火工作。", "保持景区道路清洁。"])  # once
    for name, title in (("e.txt", "日照市城市绿化条例"), ("f.txt", "潍坊市道路交通安全条例"), ("g.txt", "淄博市养犬管理条例"),
                        ("h.txt", "临沂市物业管理条例")):
        _regulation(corpus, name, title, plain + ["有关单位应当遵守本条例。", "违反本条例的，依法处理。"])
    idx, _ = build_index([corpus], tmp_path_factory.mktemp("rules-index") / "idx", get_embedder("hash:64"))
    return idx


def test_a_question_about_rules_needs_a_title_a_section_or_several_articles(rules):
    assert places(ask("哪些城市对森林防火作出规定", index=rules)) == {"青岛市", "济南市", "烟台市"}
    # What their regulations say (的法规涉及…) is asked at length too; which places touch on it is not.
    assert places(ask("哪些城市的法规涉及森林防火", index=rules)) == {"青岛市", "济南市", "烟台市"}
    assert places(ask("哪些城市涉及森林防火", index=rules)) == {"青岛市", "济南市", "烟台市", "威海市"}


def test_a_passage_close_in_meaning_is_one_mention_too(rules):
    from policyqa import aggregate as agg
    from policyqa.topic import topic_of
    from policyqa.question import analyze_question

    info = analyze_question("哪些城市对森林防火作出规定", rules.tokenizer, known_places=rules.regions)
    topic = topic_of(rules, info)
    rows, coverage = agg.candidate_rows(rules, topic, [], None)
    qvec = rules.embed_query(info.topic)
    every_passage_close = agg.Thresholds(coverage=0.6, dense=-1.0)

    def cities(at_length):
        found = agg.judge_documents(rules, rows, coverage, qvec, every_passage_close, topic, rules.chunk,
                                    at_length=at_length)
        return {rules.document_region(ev.doc).city for ev in found}

    assert "威海市" not in cities(at_length=True)
    assert "威海市" in cities(at_length=False)


@pytest.fixture(scope="module")
def wording(tmp_path_factory):
    """Regulations that say the topic in other words than the questions below."""
    corpus = tmp_path_factory.mktemp("wording") / "corpus"
    corpus.mkdir()
    plain = ["为了规范本市公共事务，制定本条例。", "本条例适用于本市行政区域。"]
    _regulation(corpus, "a.txt", "广州市大气污染防治条例", plain + ["机动车排气污染检测机构应当依法检测。",
                                                              "机动车排气超标的，不得上路行驶。",
                                                              "鼓励淘汰排气污染严重的机动车。"])
    _regulation(corpus, "b.txt", "深圳市公共服务条例", plain + ["依法归集信用信息，加强对信用信息的管理。",
                                                           "信用信息的管理应当保护个人隐私。",
                                                           "信用信息的管理由市发展改革部门负责。"])
    _regulation(corpus, "c.txt", "珠海市道路交通条例", plain + ["互联网租赁自行车运营企业应当规范停放。",
                                                           "互联网租赁自行车投放实行总量控制。",
                                                           "禁止在人行道乱停互联网租赁自行车。"])
    _regulation(corpus, "d.txt", "汕头市控烟条例", plain + ["室内公共场所禁止吸烟。", "违反规定的，依法处理。"])
    _regulation(corpus, "e.txt", "佛山市市容条例", plain + ["有关单位应当遵守本条例。", "违反本条例的，依法处理。"])
    _regulation(corpus, "g.txt", "茂名市环境卫生条例", plain + ["公共厕所应当免费开放。", "新建住宅区应当配套建设公共厕所。",
                                                           "公共厕所的保洁由环境卫生部门负责。"])
    _regulation(corpus, "f.txt", "东莞市文明行为促进条例", plain + ["鼓励志愿者参与社区治理。", "志愿者依法开展活动。",
                                                               "有关部门应当保障志愿者的合法权益。"])
    # Titles full of common words (城市 and 管理 in 22 of 27 titles): only 中山市城市管理条例 is a 城市管理 regulation.
    subjects = ["绿化管理", "供水管理", "排水管理", "照明管理", "道路管理", "市容和环境卫生管理", "节约用水管理", "公共交通管理",
                "房屋使用安全管理", "供热管理", "燃气管理"]
    cities = ["江门", "惠州", "肇庆", "清远", "韶关", "河源", "梅州", "汕尾", "阳江", "湛江", "茂名", "云浮", "潮州", "揭阳",
              "杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华"]
    for n, city in enumerate(cities):
        _regulation(corpus, f"city{n}.txt", f"{city}市城市{subjects[n % len(subjects)]}条例",
                    plain + ["有关单位应当遵守本条例，为群众提供服务。", "违反本条例的，依法处理。"])
    _regulation(corpus, "sw2.txt", "汕尾市爱国卫生条例", plain + ["有关单位应当遵守本条例。", "违反本条例的，依法处理。"])
    _regulation(corpus, "fs2.txt", "佛山市计划生育条例", plain + ["有关单位应当遵守本条例。", "违反本条例的，依法处理。"])
    _regulation(corpus, "zs.txt", "中山市城市管理条例", plain + ["有关单位应当遵守本条例。", "违反本条例的，依法处理。"])
    idx, _ = build_index([corpus], tmp_path_factory.mktemp("wording-index") / "idx", get_embedder("hash:64"))
    return idx


def test_a_synonym_of_the_questions_words_says_the_topic(wording):
    # 尾气 / 排气 and 共享单车 / 互联网租赁自行车 are one thing written two ways (policyqa/data/synonyms.txt).
    assert places(ask("哪些城市对机动车尾气污染作出规定", index=wording)) == {"广州市"}
    assert places(ask("哪些地方对共享单车管理作出规定", index=wording)) == {"珠海市"}
    assert places(ask("哪些城市出台了控制吸烟条例", index=wording)) == {"汕头市"}


def test_a_synonym_adds_a_way_to_say_a_phrase_and_never_removes_its_words(wording):
    from policyqa.topic import topic_of
    from policyqa.question import analyze_question

    topic = topic_of(wording, analyze_question("哪些城市出台了控制吸烟条例", wording.tokenizer))
    weight = topic.weight_of()
    assert topic.share_in("控烟") == pytest.approx(1.0)
    assert topic.share_in("禁止吸烟") == pytest.approx(weight["吸烟"])


def test_a_synonym_inside_a_longer_word_says_it_too(wording):
    # 物价管理 and 科技进步 are dictionary words: 物价 / 价格 and 科技 / 科学技术 apply inside them.
    from policyqa.topic import topic_of
    from policyqa.question import analyze_question

    for question, said, other in (("哪些地方有物价管理方面的法规", "上海市价格管理条例", "价格条例"),
                                  ("哪些城市制定了科技进步条例", "杭州市科学技术进步条例", "科学技术普及条例")):
        topic = topic_of(wording, analyze_question(question, wording.tokenizer))
        assert len(topic.terms) == 1  # one word: the synonym is inside it
        assert topic.share_in(said) == pytest.approx(1.0) and topic.share_in(other) == 0.0


def test_a_synonym_the_tokenizer_cuts_to_a_word_that_is_not_it_says_nothing(wording):
    # 中 is a stopword, so 中水 is cut to 水 alone: as a way to say 再生水 it would be said by every passage with 水.
    from policyqa.topic import topic_of
    from policyqa.question import analyze_question

    assert wording.tokenizer.tokenize("中水") == ["水"]
    topic = topic_of(wording, analyze_question("哪些城市对再生水利用作出规定", wording.tokenizer))
    assert ("水",) not in topic.alternatives[topic.terms.index("再生")]  # 再生 would be said by any 水
    assert topic.share_in("再生水利用") == pytest.approx(1.0)
    assert topic.share_in("水资源利用") == pytest.approx(1.0 - topic.weight_of()["再生"])
    # Asked in that word (中水利用), what is left of it (水) says nothing by itself: only its synonyms say it.
    topic = topic_of(wording, analyze_question("哪些城市对中水利用作出规定", wording.tokenizer))
    assert topic.alternatives[topic.terms.index("水")] == [("再生", "水")]
    assert topic.share_in("水资源利用") == pytest.approx(topic.weight_of()["利用"])
    assert topic.share_in("再生水利用") == pytest.approx(1.0)
    # A synonym cut to several words keeps them, stopwords between them or not (预防和控制 → 预防 … 控制).
    topic = topic_of(wording, analyze_question("哪些地方对传染病防控作出规定", wording.tokenizer))
    assert topic.share_in("传染病的预防和控制") == pytest.approx(1.0)


def test_an_abbreviation_is_found_through_the_full_form_the_titles_spell_out(wording):
    # 计生 is in no list and no title; 佛山市计划生育条例 spells it out (计…生 … , 计 starting a word).
    assert places(ask("哪些城市出台了计生方面的条例", index=wording)) == {"佛山市"}


def test_an_abbreviation_is_found_through_the_full_form_the_text_spells_out(wording):
    # 公厕 is in no list and no title; 茂名's regulation writes 公共厕所 in three articles (公共 + 厕所).
    from policyqa.abbreviations import body_forms

    assert body_forms("公厕", wording) == ["公共厕所"]
    assert places(ask("哪些城市对公厕管理作出规定", index=wording)) == {"茂名市"}


def test_a_word_in_its_own_right_is_no_abbreviation(tmp_path, monkeypatch):
    # 安全 is a common word (jieba's dictionary): never looked up. Without that prior, the counts decide: 安排全面
    # written in three chunks is no full form of a 安全 indexed in more.
    from policyqa import abbreviations
    from policyqa.abbreviations import body_forms

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    articles = ["安排全面检查。", "安排全面整治。", "安排全面排查。", "加强场所的安全管理。"]
    _regulation(corpus, "a.txt", "某市安全条例", articles)
    idx, _ = build_index([corpus], tmp_path / "idx", get_embedder("hash:64"))
    assert body_forms("安全", idx) == []
    monkeypatch.setattr(abbreviations, "MAX_FREQUENCY", 10**9)
    assert body_forms("安全", idx) == ["安排全面"]  # were 安全 a rare word, and rarer here than 安排全面
    articles += [f"加强第{n}类场所的安全管理。" for n in "一二三四五"]
    _regulation(corpus, "a.txt", "某市安全条例", articles)
    idx, _ = build_index([corpus], tmp_path / "idx", get_embedder("hash:64"))
    assert body_forms("安全", idx) == []


def test_full_forms_of_an_abbreviation(wording):
    from policyqa.abbreviations import full_forms

    titles = ["北京市人民防空条例", "上海市固体废物污染环境防治条例", "个人防护用品管理办法", "北京市人民防空条例",
              "青岛市计划生育条例"]
    tok = wording.tokenizer
    assert full_forms("人防", titles, tok) == ["人民防空"]  # not 个人防护: 人 ends a word there
    assert full_forms("计生", titles, tok) == ["计划生育"]
    assert full_forms("固废", titles, tok) == ["固体废物"]
    assert full_forms("防空", titles, tok) == []  # a word a title has is not an abbreviation
    assert full_forms("人民防空", titles, tok) == []  # only 2–3 characters


def test_a_single_character_counts_in_a_title_only_next_to_another_topic_word(wording):
    # 爱卫 is cut 爱 / 卫; 卫 is in every 市容和环境卫生管理条例. Only 汕尾's 爱国卫生条例 is about 爱卫.
    assert places(ask("哪些城市有爱卫方面的法规", index=wording)) == {"汕尾市"}


def test_a_common_title_word_counts_only_next_to_another_topic_word(wording):
    # 城市 and 管理 are in most of these titles; alone (or apart) they name no subject.
    assert places(ask("哪些城市制定了城市管理条例", index=wording)) == {"中山市"}


def test_a_compound_the_documents_write_apart_is_found_through_its_parts(wording):
    # The question's 信息管理 is one dictionary word; the regulation writes 信用信息的管理.
    assert places(ask("哪些城市对信用信息管理作出规定", index=wording)) == {"深圳市"}
    from policyqa.topic import topic_of
    from policyqa.question import analyze_question

    # (In a question about rules the facet 管理 is dropped: 信用 / 信息. A question about what places do keeps it.)
    topic = topic_of(wording, analyze_question("哪些城市推进信用信息管理", wording.tokenizer))
    assert topic.terms[-2:] == ["信用", "信息管理"]
    weight = topic.weight_of()
    assert topic.share_in("加强对信用信息的管理") == pytest.approx(weight["信用"] + weight["信息管理"])
    # Parts apart say something else: 信息 … 管理 in one sentence is not 信息管理.
    assert topic.share_in("信用信息应当公开，并加强日常管理") == pytest.approx(weight["信用"])


def test_a_topic_word_is_said_by_the_longer_word_the_documents_use(wording, monkeypatch):
    # The tokenizer keeps 志愿者 whole: a regulation that rules on 志愿者 in three articles never holds 志愿.
    from policyqa import topic as topic_words

    assert places(ask("哪些城市对志愿服务作出规定", index=wording)) == {"东莞市"}
    monkeypatch.setattr(topic_words, "EXTENSION_CHARS", 0)
    assert places(ask("哪些城市对志愿服务作出规定", index=wording)) == set()


def test_synonym_groups_and_compound_parts(wording):
    from policyqa.synonyms import synonyms_in

    assert synonyms_in("机动车尾气污染") == [("尾气", ["排气"])]
    assert ("房屋装修", ["装饰装修", "住宅装修"]) in synonyms_in("房屋装修管理")
    assert synonyms_in("殡葬改革") == []
    # Everyday and statutory wording of what the articles rule on, not only of what titles are named after.
    assert synonyms_in("寄快递包裹") == [("快递包裹", ["快件", "快递件"])]
    assert ("勒令停业", ["责令停产停业", "勒令关门", "关门停业"]) in synonyms_in("店铺被勒令停业")
    tok = wording.tokenizer
    assert tok.parts("信息管理") == ("信息", "管理")
    assert tok.parts("机动车") == ()  # single characters are never parts
    assert tok.parts("ab") == ()


@pytest.fixture(scope="module")
def lending(tmp_path_factory):
    """One city rules on 小额贷款, one on 民间借贷, one on neither."""
    corpus = tmp_path_factory.mktemp("lending") / "corpus"
    corpus.mkdir()
    plain = ["为了规范本市金融活动，制定本条例。", "本条例适用于本市行政区域。"]
    _regulation(corpus, "a.txt", "湛江市地方金融条例", plain + ["小额贷款公司应当依法经营。", "小额贷款公司不得吸收公众存款。",
                                                             "小额贷款公司应当报送经营数据。"])
    _regulation(corpus, "b.txt", "惠州市地方金融条例", plain + ["民间借贷应当遵循自愿原则。", "民间借贷利率不得违反规定。",
                                                             "民间借贷纠纷依法调解。"])
    _regulation(corpus, "c.txt", "韶关市地方金融条例", plain + ["融资担保公司应当依法经营。", "典当行应当报送经营数据。",
                                                             "金融机构应当保护消费者权益。"])
    idx, _ = build_index([corpus], tmp_path_factory.mktemp("lending-index") / "idx", get_embedder("hash:64"))
    return idx


def test_words_joined_by_a_conjunction_are_asked_about_either_one(lending, monkeypatch):
    from policyqa import topic as topic_words
    from policyqa.conjuncts import conjunct_groups

    tok = lending.tokenizer
    assert conjunct_groups(tok, "民间借贷和小额贷款") == [["借贷", "小额贷款"]]
    assert conjunct_groups(tok, "技术合同和技术交易") == [["合同", "交易"]]  # 技术 is said on both sides
    assert conjunct_groups(tok, "菜市场、农贸市场和集贸市场的管理") == [["菜市场", "农贸市场", "集贸市场"]]
    assert conjunct_groups(tok, "推进和平发展") == []  # 和 inside a word joins nothing
    assert conjunct_groups(tok, "人造肉、植物肉") == []  # 植物 of 植物肉 (cut 植物 / 肉) is not what is joined
    assert conjunct_groups(tok, "KTV、歌舞厅等娱乐场所") == [["ktv", "歌舞厅", "娱乐场所"]]  # examples and their kind
    assert conjunct_groups(tok, "歌舞厅等") == []
    assert places(ask("哪些城市对民间借贷和小额贷款作出规定", index=lending)) == {"湛江市", "惠州市"}
    # Without the conjunction a passage on 小额贷款 holds too little of the topic.
    monkeypatch.setattr(topic_words, "conjunct_groups", lambda tokenizer, text, only=None: [])
    assert places(ask("哪些城市对民间借贷和小额贷款作出规定", index=lending)) == {"惠州市"}


def test_documents_of_unknown_place_are_said_to_address_the_topic_not_dropped(tmp_path):
    # National laws name no place: they do address the topic, so the answer is not "no document addresses it".
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        _regulation(corpus, f"law{i}.txt", f"殡葬管理法{i}", ["为了规范殡葬改革，制定本法。", "国家推进殡葬改革。",
                                                          "殡葬改革应当依法推进。"])
    idx, _ = build_index([corpus], tmp_path / "idx", get_embedder("hash:64"))
    answer = ask("哪些地方推进殡葬改革", index=idx)
    assert answer.found and answer.count == 0 and not places(answer)
    assert answer.answer.startswith("没有找到可归入地方的文件涉及“推进殡葬改革”。另有 3 份地区不明的文件涉及（不计入）")
    assert {g.kind for g in answer.groups} == {"unknown"} and answer.citations


def test_one_long_article_cut_into_passages_is_one_provision(tmp_path, monkeypatch):
    from policyqa import aggregate

    # Dongying's one article on 秸秆 is long enough to be cut into several passages: it is still one provision, and
    # one provision is a passing mention. Binzhou rules on 秸秆 in three articles.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    plain = ["为了防治大气污染，制定本条例。", "本条例适用于本市行政区域。"]
    filler = "有关部门应当加强监督检查，依法查处违法行为，并向社会公布处理结果。" * 9
    long_article = "".join(f"禁止在第{i}类区域露天焚烧秸秆。{filler}" for i in "一二三四")
    _regulation(corpus, "dy.txt", "东营市大气污染防治条例", plain + [long_article, "排污单位应当依法排污。"])
    _regulation(corpus, "bz.txt", "滨州市大气污染防治条例",
                plain + ["禁止露天焚烧秸秆。", "鼓励秸秆综合利用。", "秸秆收集储运应当规范。"])
    idx, _ = build_index([corpus], tmp_path / "idx", get_embedder("hash:64"))
    cut = [h.chunk for h in idx.search("秸秆", k=20, mode="bm25") if h.title.startswith("东营") and "秸秆" in h.chunk.text]
    assert len(cut) >= 3 and len({tuple(c.headings) for c in cut}) == 1  # three passages, one article
    assert places(ask("哪些城市对秸秆作出规定", index=idx)) == {"滨州市"}
    monkeypatch.setattr(aggregate, "_provisions", lambda rows, docs, passing, n_passing, chunk_of: n_passing)
    assert places(ask("哪些城市对秸秆作出规定", index=idx)) == {"滨州市", "东营市"}  # counted by passage


@pytest.fixture(scope="module")
def metro(tmp_path_factory):
    """Three cities' rail transit regulations that say 地铁 once each, and 27 on other subjects."""
    corpus = tmp_path_factory.mktemp("metro") / "corpus"
    corpus.mkdir()
    plain = ["为了规范本市管理，制定本条例。", "本条例适用于本市行政区域。", "有关部门应当依法履行职责。"]
    for name, title in (("zz.txt", "郑州市城市轨道交通条例"), ("ly.txt", "洛阳市城市轨道交通条例"),
                        ("qd.txt", "青岛市轨道交通条例")):
        _regulation(corpus, name, title, plain + ["乘客乘坐地铁应当遵守乘车规则。"])
    _other_subjects(corpus, plain)  # a subject named by three titles is not one in ten of them
    idx, _ = build_index([corpus], tmp_path_factory.mktemp("metro-index") / "idx", get_embedder("hash:64"))
    return idx


def test_a_question_no_document_words_is_answered_for_the_subject_its_nearest_documents_share(metro, monkeypatch):
    _without_subject_search(monkeypatch)
    from policyqa import answer as answering

    # 地铁 is in one passage of each: no place rules on it at length. The three documents nearest to 坐地铁 are all
    # named after 轨道交通 (城市轨道交通 holds it), so the question is answered for 轨道交通, and says so.
    answer = ask("哪些地方对坐地铁作出了规定", index=metro)
    assert answer.found and answer.answered_as == "轨道交通" and answer.to_dict()["answered_as"] == "轨道交通"
    assert answer.answer.startswith("没有找到文件明确涉及“坐地铁”。意思最接近的 5 份文件中有 3 份是关于“轨道交通”的，以下按“轨道交通”作答")
    assert places(answer) == {"郑州市", "洛阳市", "青岛市"} and answer.question == "哪些地方对坐地铁作出了规定"
    # A subject that many titles name is too broad to stand for the question: the nearest documents are only cited.
    monkeypatch.setattr(answering, "SHARED_SUBJECT_MAX_TITLES", 2)
    answer = ask("哪些地方对坐地铁作出了规定", index=metro)
    assert not answer.found and answer.answered_as is None and not answer.groups
    assert "意思相近的文件（按语义检索，未核实" in answer.answer and answer.citations


def test_no_document_at_the_level_asked_tries_the_nearest_documents_subject_too(tmp_path, monkeypatch):
    from policyqa import answer as answering

    # The province rules on 地铁 in three articles; each county's 轨道交通 regulation says it once. Asked for counties,
    # the province's document is above the level asked: the nearest documents' subject (轨道交通) names the counties.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    plain = ["为了规范本地管理，制定本条例。", "本条例适用于本行政区域。", "有关部门应当依法履行职责。"]
    _regulation(corpus, "zj.txt", "浙江省城市轨道交通条例",
                plain + ["乘客乘坐地铁应当遵守乘车规则。", "地铁运营单位应当保障安全。", "禁止在地铁车厢内饮食。"])
    for name, county in (("wy.txt", "武义县"), ("pj.txt", "浦江县"), ("pa.txt", "磐安县")):
        _regulation(corpus, name, f"{county}城市轨道交通条例", plain + ["乘客乘坐地铁应当遵守乘车规则。"])
    _other_subjects(corpus, plain, extra="林业 渔业 港口 航道 供电 人口 教育 体育 图书馆 档案馆 会展 标准化")  # 4 titles in 43
    idx, _ = build_index([corpus], tmp_path / "idx", get_embedder("hash:64"))
    answer = ask("哪些县对坐地铁作出了规定", index=idx)
    assert answer.found and answer.answered_as == "城市轨道交通"
    assert places(answer) == {"武义县", "浦江县", "磐安县"}
    assert answer.answer.startswith("没有找到可归入县（市、区）的文件明确涉及“坐地铁”。意思最接近的")
    # Asked for regulations by title, a subject many titles name (here more than 2) is still what was asked when four of
    # the five nearest documents are named after it; three are not enough.
    from policyqa.question import analyze_question
    from policyqa.topic import topic_of

    monkeypatch.setattr(answering, "SHARED_SUBJECT_MAX_TITLES", 2)
    rail = [d for d, meta in enumerate(idx.doc_list) if "轨道交通" in meta["title"]]
    other, second = [d for d, meta in enumerate(idx.doc_list) if "轨道交通" not in meta["title"]][:2]

    def shared(question, nearest):
        info = analyze_question(question, idx.tokenizer, known_places=idx.regions)
        return answering._answer_for_shared_subject(question, info, topic_of(idx, info), idx, idx.calibration, {},
                                                    [(d, None) for d in nearest], info.topic)

    assert shared("哪些地方对坐地铁作出了规定", [*rail, other]) is None
    answer = shared("哪些地方有管坐地铁的法规", [*rail, other])
    assert answer.answered_as == "城市轨道交通" and places(answer) == {"浙江省", "武义县", "浦江县", "磐安县"}
    assert shared("哪些地方有管坐地铁的法规", [*rail[:3], other, second]) is None
    monkeypatch.undo()
    # Without the trial the answer is the province's document, above the level asked, and no county.
    monkeypatch.setattr(answering, "_answer_instead", lambda *a, **k: None)
    answer = ask("哪些县对坐地铁作出了规定", index=idx)
    assert answer.count == 0 and not places(answer) and "另有上级文件涉及（不计入）：浙江省" in answer.answer


def test_the_shared_subject_stands_for_the_question_only_where_a_document_holds_a_word_of_it(metro, monkeypatch):
    _without_subject_search(monkeypatch)
    from policyqa import answer as answering
    from policyqa.question import analyze_question
    from policyqa.topic import topic_of

    # The rail regulations say 地铁: 坐地铁 may be asked about their subject. Nothing says 比特币 or 挖矿: five 矿产资源
    # regulations nearest in meaning to 比特币挖矿 do not make it a question about 矿产资源.
    rail = [d for d, meta in enumerate(metro.doc_list) if "轨道交通" in meta["title"]]
    assert len(rail) == 3
    assert answering._share_words(3, 3) == "3 份文件都是" and answering._share_words(3, 5) == "5 份文件中有 3 份是"
    def topic(question):
        return topic_of(metro, analyze_question(question, metro.tokenizer))

    assert answering._holding_a_word(metro, topic("哪些地方对坐地铁作出了规定"), rail) == 3
    assert answering._holding_a_word(metro, topic("哪些地方对比特币挖矿作出了规定"), rail) == 0
    # Three of the documents named after the subject must hold a word of the question, not one: one 人口与计划生育条例
    # that mentions 保姆 does not make 请保姆、找月嫂 a question about 计划生育.
    monkeypatch.setattr(answering, "_holding_a_word", lambda index, topic, docs: 2)
    answer = ask("哪些地方对坐地铁作出了规定", index=metro)
    assert not answer.found and answer.answered_as is None


@pytest.fixture(scope="module")
def unions(tmp_path_factory):
    """Three cities' trade union regulations that say 维护职工合法权益 once each, and 27 on other subjects."""
    corpus = tmp_path_factory.mktemp("unions") / "corpus"
    corpus.mkdir()
    plain = ["为了规范本市管理，制定本条例。", "本条例适用于本市行政区域。", "有关部门应当依法履行职责。"]
    for name, title in (("zz.txt", "郑州市工会条例"), ("ly.txt", "洛阳市工会条例"), ("qd.txt", "青岛市工会条例")):
        _regulation(corpus, name, title, plain + ["工会应当依法维护职工合法权益。"])
    _other_subjects(corpus, plain)
    # 512 dimensions, as for ``motorcycles``: at 64 short unrelated titles come nearer than the 工会 regulations.
    idx, _ = build_index([corpus], tmp_path_factory.mktemp("unions-index") / "idx", get_embedder("hash:512"))
    return idx


def test_the_shared_subject_may_be_a_word_of_the_question(unions, monkeypatch):
    from policyqa import answer as answering

    # 让工会帮职工维权: no article holds enough of it, and the nearest documents are all named after 工会, a word of the
    # question: the question is answered for 工会, and says so.
    question = "哪些城市的法规让工会帮职工维权"
    answer = ask(question, index=unions)
    assert answer.found and answer.answered_as == "工会" and places(answer) == {"郑州市", "洛阳市", "青岛市"}
    assert "以下按“工会”作答（请核对是否即所问）" in answer.answer
    # A subject that many titles name still stands for the question when it is a word of the question that few
    # documents hold (文物保护 for 保护本地的文物) …
    monkeypatch.setattr(answering, "SHARED_SUBJECT_MAX_TITLES", 2)
    assert ask(question, index=unions).answered_as == "工会"
    # … and not when the word is common (a tenth of all documents or more) …
    from policyqa import held_words
    from policyqa.question import analyze_question
    from policyqa.topic import topic_of

    monkeypatch.setattr(held_words, "MAX_DOCUMENT_SHARE", 0.05)
    topic = topic_of(unions, analyze_question(question, unions.tokenizer))
    assert not answering._names_a_specific_word(unions, topic, "工会")
    # … unless the subject is itself a word of the question, or the start of one (旅游 of 旅游业): the nearest documents
    # are named after what was asked, not after something broader.
    assert ask(question, index=unions).answered_as == "工会"
    assert answering._is_a_word_asked(unions, topic, "工会") and not answering._is_a_word_asked(unions, topic, "工会工作")
    tourism = topic_of(unions, analyze_question("哪些城市有管旅游业、方便游客的法规", unions.tokenizer))
    assert answering._is_a_word_asked(unions, tourism, "旅游")
    # One character starts too many words to be one of them: 水 of 水文 would answer for every 水法 and 节约用水.
    assert not answering._is_a_word_asked(unions, tourism, "旅")
    monkeypatch.setattr(answering, "_is_a_word_asked", lambda index, topic, subject: False)
    assert ask(question, index=unions).answered_as is None


def test_a_title_no_title_names_is_answered_for_the_subject_its_nearest_documents_share(tmp_path):
    # No title names 站台, and one city's articles rule on it: the answer says both, then answers for 轨道交通,
    # the subject all three nearest documents are named after (防空洞 → 人民防空 on DLC).
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    plain = ["为了规范本市管理，制定本条例。", "本条例适用于本市行政区域。", "有关部门应当依法履行职责。"]
    _regulation(corpus, "zz.txt", "郑州市城市轨道交通条例",
                plain + ["乘客应当有序通过站台。", "站台由运营单位维护。", "禁止翻越站台。"])
    for name, title in (("ly.txt", "洛阳市城市轨道交通条例"), ("qd.txt", "青岛市轨道交通条例")):
        _regulation(corpus, name, title, plain + ["乘客应当有序通过站台。"])
    _other_subjects(corpus, plain)
    idx, _ = build_index([corpus], tmp_path / "idx", get_embedder("hash:64"))
    answer = ask("哪些地方有管站台的法规", index=idx)
    assert answer.found and answer.answered_as == "轨道交通"
    assert answer.answer.startswith("在已索引的 30 份文件中没有找到标题涉及“站台”的法规。有 1 个地方的文件在条文中对“站台”作出规定")
    assert "意思最接近的 5 份文件中有 3 份是关于“轨道交通”的，以下按“轨道交通”作答" in answer.answer
    assert places(answer) == {"郑州市", "洛阳市", "青岛市"}


def test_the_verb_and_facet_around_the_subject_of_a_question_about_rules_are_not_topic_words(lending):
    from policyqa.question import analyze_question
    from policyqa.topic import topic_of

    # The articles rule on 小额贷款 without saying 支持: what the rules do to it is not a word they must hold.
    assert places(ask("哪些城市的法规支持小额贷款", index=lending)) == {"湛江市"}
    assert topic_of(lending, analyze_question("哪些地方的法规规定要举行听证会", lending.tokenizer)).terms == ["听证会"]
    # Nor is the facet it ends with, once two words are left to say the subject.
    assert places(ask("哪些城市对小额贷款公司的管理作出规定", index=lending)) == {"湛江市"}
    assert topic_of(lending, analyze_question("哪些城市对城市管理作出规定", lending.tokenizer)).terms == ["城市", "管理"]
    # What places do is the topic itself when the question is not about rules.
    assert "推进" in topic_of(lending, analyze_question("哪些城市推进殡葬改革", lending.tokenizer)).terms


def _two_cities(tmp_path, jiangmen: tuple[str, list[str]], zhaoqing: tuple[str, list[str]]):
    """An index of a 江门市 and a 肇庆市 regulation: (title, articles after two plain ones) each."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    plain = ["为了规范本市公共事务，制定本条例。", "本条例适用于本市行政区域。"]
    _regulation(corpus, "a.txt", jiangmen[0], plain + jiangmen[1])
    _regulation(corpus, "b.txt", zhaoqing[0], plain + zhaoqing[1])
    return build_index([corpus], tmp_path / "idx", get_embedder("hash:64"))[0]


def _terms(idx, question: str) -> list[str]:
    from policyqa.topic import topic_of
    from policyqa.question import analyze_question

    return topic_of(idx, analyze_question(question, idx.tokenizer)).terms


def test_a_facet_written_into_the_last_word_is_dropped_as_well(tmp_path):
    # 建筑垃圾处置 is cut 建筑 / 垃圾处置: the articles on 建筑垃圾 (运输, 消纳) rule on it without writing 处置.
    idx = _two_cities(tmp_path, ("江门市市容条例", ["建筑垃圾应当密闭运输。", "建筑垃圾由消纳场统一消纳。", "产生建筑垃圾的单位应当申报。"]),
                      ("肇庆市市容条例", ["生活垃圾应当分类投放。", "建筑工地应当围挡。"]))
    assert idx.tokenizer.tokenize("建筑垃圾处置") == ["建筑", "垃圾处置"]
    assert _terms(idx, "哪些城市对建筑垃圾处置作出规定") == ["建筑", "垃圾"]
    assert places(ask("哪些城市对建筑垃圾处置作出规定", index=idx)) == {"江门市"}
    # Not when the word is all that says the subject, nor in a question that is not about rules.
    assert _terms(idx, "哪些城市对垃圾处置作出规定") == ["垃圾处置"]
    assert "垃圾处置" in _terms(idx, "哪些城市推进建筑垃圾处置")


def test_examples_of_a_kind_say_the_kind(tmp_path):
    # 锅炉、起重机这些特种设备: articles on 锅炉 rule on 特种设备 whether or not they name the kind.
    from policyqa.topic import _examples_of, topic_of
    from policyqa.question import analyze_question

    assert _examples_of("锅炉、起重机这些特种设备的安全") == (["锅炉", "起重机"], "特种设备的安全")
    assert _examples_of("疫情这类公共卫生事件") == (["疫情"], "公共卫生事件")
    assert _examples_of("查封、扣押等行政强制措施") == (["查封", "扣押"], "行政强制措施")
    assert _examples_of("平等就业") == ([], None)  # 等 of a word, not after a list
    assert _examples_of("就业等") == ([], None)
    idx = _two_cities(tmp_path, ("江门市安全生产条例", ["锅炉应当定期检验。", "起重机操作人员应当持证上岗。",
                                                 "锅炉使用单位应当建立安全管理制度。"]),
                      ("肇庆市安全生产条例", ["电梯应当定期检验。", "电梯的使用应当安全。"]))
    question = "哪些城市对锅炉、起重机这些特种设备的安全作出了规定"
    topic = topic_of(idx, analyze_question(question, idx.tokenizer))
    assert "锅炉" not in topic.terms and all(("锅炉",) in alts for alts in topic.alternatives)
    assert places(ask(question, index=idx)) == {"江门市"}
    # Examples no passage gives leave the question as it was put: the kind's words alone (可 / 穿戴 / 设备) are
    # written here and there in regulations on other things.
    assert "手环" in _terms(idx, "哪些城市对智能手环、智能手表等可穿戴设备作出了规定")
    # A kind whose words most documents hold (这类行为, 等场所) says nothing of what was asked: the examples do (使用 is in
    # both regulations here).
    assert _terms(idx, "哪些城市对锅炉、电梯等的使用作出了规定") == ["锅炉", "电梯"]


def test_words_of_how_a_question_is_put_are_not_topic_words(tmp_path):
    # 做 环评, 不让 随便: the articles write 环评 and 禁止擅自…; the light verb, the everyday prohibition and the manner
    # word held most of the topic's weight for their idf, and no article reached it.
    idx = _two_cities(tmp_path, ("江门市环境保护条例", ["项目应当依法开展环评。", "未通过环评的项目不得开工建设。",
                                                 "项目的环评文件应当向社会公开。"]),
                      ("肇庆市建设管理条例", ["建设项目应当做好安全管理。", "项目竣工应当验收。"]))
    assert _terms(idx, "哪些城市对项目做环评作出了规定") == ["项目", "环评"]
    assert places(ask("哪些城市对项目做环评作出了规定", index=idx)) == {"江门市"}
    assert _terms(idx, "哪些城市的法规不让随便在河里挖沙") == ["河里", "挖沙"]
    # Modal and helping words (可以, 会, 帮, 让, 专门) are how a question is put too.
    assert _terms(idx, "哪些城市的法规规定项目可以不做环评") == ["项目", "不", "环评"]
    assert _terms(idx, "哪些城市有专门帮项目做环评的法规") == ["项目", "环评"]
    # So are words of where or among (部门间, 河里): articles on sharing write 部门之间, 各部门, 跨部门.
    assert _terms(idx, "哪些城市的法规要求项目间共享环评") == ["项目", "共享", "环评"]
    # So is doing it well (管好 水库, 抓好 项目): the articles rule on 水库, never writing that they 管好 it.
    assert _terms(idx, "哪些城市对管好当地的项目环评作出了规定") == ["项目", "环评"]
    assert _terms(idx, "哪些城市的法规要求抓好项目") == ["项目"]
    # What the rules do to the subject (加大, 保障, 设置) is not a word the articles must hold, inside the topic too; a
    # topic of two words keeps it (环评 设置 may be what is asked).
    assert _terms(idx, "哪些城市的法规支持项目加大环评投入") == ["项目", "环评", "投入"]
    assert _terms(idx, "哪些城市的法规对项目环评的设置作出规定") == ["项目", "环评"]
    assert _terms(idx, "哪些城市的法规对环评的设置作出规定") == ["环评", "设置"]
    # A list after 的 with a facet or such a verb in it gives the respects the thing before 的 is asked about in.
    assert _terms(idx, "哪些城市的法规对项目环评的保护和修复作出了规定") == ["项目", "环评"]
    assert _terms(idx, "哪些城市的法规对项目环评的修复作出了规定") == ["项目", "环评", "修复"]  # no list
    assert _terms(idx, "哪些城市的法规对项目环评的申请和审批作出了规定") == ["项目", "环评"]  # the procedure's words
    # A topic of such words alone is asked as it is; a question that is not "which places" keeps them.
    assert _terms(idx, "哪些城市对搞作出了规定") == ["搞"]
    assert "做" in _terms(idx, "项目做环评要多久")


def test_the_object_of_a_generic_verb_says_the_compound(tmp_path):
    # 提出异议 is one jieba word; the articles on objections write 有异议的, 异议申请 and seldom 提出异议.
    idx = _two_cities(tmp_path, ("江门市不动产登记条例", ["利害关系人对登记事项有异议的，可以申请复核。",
                                                   "异议申请应当在十五日内处理。", "对复核结果仍有异议的，可以依法申请行政复议。"]),
                      ("肇庆市物业管理条例", ["业主应当遵守管理规约。", "物业服务企业应当公开收费标准。"]))
    assert idx.tokenizer.tokenize("提出异议") == ["提出异议"]
    assert places(ask("哪些城市的法规对提出异议作出规定", index=idx)) == {"江门市"}
    # Only in a question about rules, and only for a verb of doing something to an object.
    from policyqa.topic import _object_alone

    assert _object_alone("提出异议", idx.tokenizer, True) == [("异议",)]
    assert _object_alone("提出异议", idx.tokenizer, False) == []
    assert _object_alone("社会保险", idx.tokenizer, True) == []


def test_a_conjunction_inside_a_title_asked_for_joins_nothing(lending):
    # 人口与计划生育条例 names one regulation: a 计划生育 title alone is not it.
    from policyqa.topic import topic_of
    from policyqa.question import analyze_question

    info = analyze_question("哪些城市出台了人口与计划生育条例", lending.tokenizer)
    topic = topic_of(lending, info)
    assert info.document_kind and topic.share_in("计划生育") < 1.0
    # A list written with 、 names no one title: 有管煤气、天然气的法规 asks for regulations on either, and a title on
    # one of them holds enough of the topic to count.
    from policyqa.aggregate import TITLE_COVERAGE

    info = analyze_question("哪些城市有管民间借贷、小额贷款的法规", lending.tokenizer)
    assert info.document_kind and topic_of(lending, info).share_in("小额贷款") >= TITLE_COVERAGE


def test_the_place_where_something_is_done_is_said_by_that_something(tmp_path):
    # 屠宰场 / 养殖场 / 停车场: a regulation on 屠宰 rules on the 屠宰场; 博物馆 is not 博物 (馆 is no such suffix).
    from policyqa.topic import topic_of
    from policyqa.question import analyze_question

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    plain = ["为了规范本市屠宰活动，制定本条例。", "本条例适用于本市行政区域。"]
    _regulation(corpus, "a.txt", "江门市生猪屠宰管理条例", plain + ["屠宰管理工作由农业部门负责。", "屠宰企业的管理应当规范。",
                                                             "私自屠宰的，依照屠宰管理规定处理。"])
    _regulation(corpus, "b.txt", "肇庆市博物管理条例", plain + ["博物收藏应当依法进行。"])
    idx, _ = build_index([corpus], tmp_path / "idx", get_embedder("hash:64"))
    topic = topic_of(idx, analyze_question("哪些城市对屠宰场管理作出规定", idx.tokenizer))
    assert ("屠宰",) in topic.alternatives[topic.terms.index("屠宰场")]
    assert places(ask("哪些城市对屠宰场管理作出规定", index=idx)) == {"江门市"}
    topic = topic_of(idx, analyze_question("哪些城市对博物馆建设作出规定", idx.tokenizer))
    assert ("博物",) not in topic.alternatives[topic.terms.index("博物馆")]


def test_a_rare_stem_says_the_trade_or_the_facet_word_the_articles_never_write(tmp_path):
    # The articles write 现代物流, 户籍所在地: they rule on 物流业 and 户籍管理 without those words. A common stem
    # (服务 of 服务业) is a wider subject, and so is one whose compound the passages write often (物业管理).
    from policyqa.topic import topic_of
    from policyqa.question import analyze_question

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    plain = ["为了规范本市公共事务，制定本条例。", "本条例适用于本市行政区域。"]
    _regulation(corpus, "a.txt", "江门市口岸条例", plain + ["发展现代物流。", "扶持物流企业。", "畅通物流通道。"])
    _regulation(corpus, "b.txt", "肇庆市征兵工作条例", plain + ["应征公民在户籍所在地应征。", "核实户籍信息。", "户籍迁移应当登记。"])
    _regulation(corpus, "c.txt", "惠州市物业管理条例", plain + ["物业管理应当规范。", "物业管理区域依法划分。", "物业服务人应当履约。"])
    for i in range(40):  # enough passages that 户籍 and 物流 are each in fewer than one in a hundred
        _regulation(corpus, f"f{i}.txt", f"清远市公共服务条例{i}", [f"有关部门应当做好第{n}项服务。" for n in range(9)])
    idx, _ = build_index([corpus], tmp_path / "idx", get_embedder("hash:64"))
    assert places(ask("哪些城市对物流业作出规定", index=idx)) == {"江门市"}
    assert places(ask("哪些城市对户籍管理作出规定", index=idx)) == {"肇庆市"}

    def ways(question, term):
        topic = topic_of(idx, analyze_question(question, idx.tokenizer))
        return topic.alternatives[topic.terms.index(term)]

    assert ("物流",) in ways("哪些城市对物流业作出规定", "物流业")
    assert ("服务",) not in ways("哪些城市对服务业作出规定", "服务业")
    assert ("物业",) not in ways("哪些城市对物业管理作出规定", "物业管理")
    assert ("户籍",) not in ways("哪些城市推进户籍管理", "户籍管理")  # not a question about rules: no facet to drop


def test_a_much_commoner_conjunct_does_not_stand_for_a_rarer_one(tmp_path):
    # 殡葬改革和移风易俗 joins 改革 and 移风易俗: a passage on 移风易俗 answers, one on any 改革 (救助制度改革) does not.
    from policyqa.topic import topic_of
    from policyqa.question import analyze_question

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _regulation(corpus, "a.txt", "江门市民政条例", ["深化救助制度改革。", "推进养老服务改革。", "推进婚姻登记改革。",
                                                 "推进社区治理改革。", "推进移风易俗，倡导文明节俭办丧事。"])
    _regulation(corpus, "b.txt", "惠州市民政条例", ["深化社会组织改革。", "推进慈善事业改革。", "推进区划地名改革。",
                                                 "冬季取暖的煤由民政部门统一发放。"])
    idx, _ = build_index([corpus], tmp_path / "idx", get_embedder("hash:64"))
    topic = topic_of(idx, analyze_question("哪些城市推进殡葬改革和移风易俗", idx.tokenizer))
    assert ("移风易俗",) in topic.alternatives[topic.terms.index("改革")]
    assert ("改革",) not in topic.alternatives[topic.terms.index("移风易俗")]
    assert places(ask("哪些城市推进殡葬改革和移风易俗", index=idx)) == {"江门市"}
    # A word of one character is a piece the tokenizer left (省煤 → 省 / 煤): it stands for no other word.
    topic = topic_of(idx, analyze_question("哪些城市对省煤、移风易俗作出了规定", idx.tokenizer))
    assert "煤" in topic.terms and ("煤",) not in topic.alternatives[topic.terms.index("移风易俗")]



def test_words_joined_by_or_stand_for_each_other_however_common(tmp_path):
    # 吊销许可证或者执照: the asker takes either, and the articles write 吊销许可证 (执照 is rare, so its weight is most of
    # the topic's). Joined by 和, the commoner word would not stand for the rarer one.
    from policyqa.conjuncts import DISJUNCTIONS, conjunct_groups
    from policyqa.question import analyze_question
    from policyqa.topic import topic_of

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    licence = ["情节严重的，给予吊销许可证的处罚。", "逾期不改正的，处以吊销许可证的处罚。", "吊销许可证的处罚，予以公告。"]
    _regulation(corpus, "a.txt", "江门市燃气条例", ["燃气经营应当取得许可证。", "许可证有效期五年。", *licence])
    _regulation(corpus, "b.txt", "惠州市个体工商户条例", ["个体工商户应当领取执照。", "执照应当悬挂。"])
    for i, trade in enumerate(("供水", "供热", "排水", "殡葬", "旅游")):  # 许可证 is common, 执照 rare
        _regulation(corpus, f"c{i}.txt", f"韶关市{trade}条例", [f"{trade}企业应当取得许可证。", "许可证应当公示。",
                                                            f"{trade}企业应当保障服务质量。"])
    idx, _ = build_index([corpus], tmp_path / "idx", get_embedder("hash:64"))
    tok = idx.tokenizer
    assert conjunct_groups(tok, "吊销许可证或者执照", only=DISJUNCTIONS) == [["许可证", "执照"]]
    assert conjunct_groups(tok, "许可证和执照", only=DISJUNCTIONS) == []
    asked = "哪些城市的法规规定了吊销许可证或者执照的处罚"
    topic = topic_of(idx, analyze_question(asked, tok))
    assert ("许可证",) in topic.alternatives[topic.terms.index("执照")]
    assert places(ask(asked, index=idx)) == {"江门市"}
    topic = topic_of(idx, analyze_question("哪些城市的法规规定了吊销许可证和执照的处罚", tok))
    assert ("许可证",) not in topic.alternatives[topic.terms.index("执照")]

def test_no_title_names_it_says_so_and_counts_the_places_whose_articles_rule_on_it(lending):
    # Only titles are searched for 哪些城市出台了…条例: "no document addresses it" would say more than is known.
    answer = ask("哪些城市出台了小额贷款条例", index=lending)
    assert not answer.found
    assert "没有找到标题涉及“小额贷款”的条例" in answer.answer
    assert "有 1 个城市的文件在条文中对“小额贷款”作出规定（可以问：哪些城市对小额贷款作出规定）" in answer.answer
    assert places(ask("哪些城市对小额贷款作出规定", index=lending)) == {"湛江市"}
    assert "在条文中" not in ask("哪些城市出台了典当条例", index=lending).answer  # 典当 in one article only


def test_no_place_found_cites_the_nearest_documents_and_counts_none(lending):
    # 典当 is in one article only: no place rules on it at length. The user still sees where the corpus comes
    # closest, in the documents' own words, marked unverified and never counted as a place.
    answer = ask("哪些城市对典当行的管理作出规定", index=lending)
    assert not answer.found and not answer.groups and answer.count is None
    assert "意思相近的文件（按语义检索，未核实是否针对“典当行的管理”，不计入地方）：《" in answer.answer
    assert "《韶关市地方金融条例》[" in answer.answer  # the one whose article names 典当
    assert 1 <= len(answer.citations) <= 3
    assert len({c.source for c in answer.citations}) == len(answer.citations)  # one passage per document
    for c in answer.citations:
        assert lending.document_text(c.source)[c.start:c.end] == c.text
    # A scope keeps the nearest documents within it.
    scoped = ask("惠州市哪些区县对典当行的管理作出规定", index=lending)
    assert scoped.citations and {c.region.city for c in scoped.citations} == {"惠州市"}
    # Where some place's articles do rule on it, the answer says so and needs no nearest documents.
    assert "意思相近" not in ask("哪些城市出台了小额贷款条例", index=lending).answer


@pytest.fixture(scope="module")
def motorcycles(tmp_path_factory):
    """Three cities' traffic regulations, each with three articles on 摩托车 and none saying 骑 or 上路, under three
    different subjects; 30 regulations on other subjects."""
    corpus = tmp_path_factory.mktemp("motorcycles") / "corpus"
    corpus.mkdir()
    plain = ["为了规范本市管理，制定本条例。", "本条例适用于本市行政区域。", "有关部门应当依法履行职责。"]
    rules = ["摩托车在道路上行驶，应当在最右侧车道通行。", "驾驶摩托车在道路上行驶，应当戴安全头盔。",
             "摩托车在道路上行驶，后座不得乘坐未满十二周岁的人员。"]
    for name, title in (("zz.txt", "郑州市道路交通安全条例"), ("ly.txt", "洛阳市城市交通管理条例"),
                        ("qd.txt", "青岛市车辆通行规定")):
        _regulation(corpus, name, title, plain + rules)
    _other_subjects(corpus, plain, extra="图书馆 体育 慈善")
    # 512 dimensions: at 64 the hashed character pairs of short unrelated titles collide with 摩托车's and come nearer.
    idx, _ = build_index([corpus], tmp_path_factory.mktemp("motorcycles-index") / "idx", get_embedder("hash:512"))
    return idx


def test_a_question_in_everyday_words_is_answered_for_the_words_its_nearest_documents_hold(motorcycles, monkeypatch):
    _without_subject_search(monkeypatch)
    from policyqa import answer as answering
    from policyqa import held_words
    from policyqa.question import analyze_question
    from policyqa.topic import topic_of

    # No article says 骑 or 上路, so none holds enough of 骑摩托车上路. Most of the documents nearest to it say 摩托车
    # and rule on it in three articles: the question is answered for 摩托车, and says so.
    question = "哪些城市对骑摩托车上路作出了规定"
    answer = ask(question, index=motorcycles)
    assert answer.found and answer.answered_as == "摩托车" and answer.question == question
    assert answer.answer.startswith("没有找到文件明确涉及“骑摩托车上路”。意思最接近的 5 份文件多数说“摩托车”，以下按“摩托车”作答")
    assert places(answer) == {"郑州市", "洛阳市", "青岛市"}
    assert {s for g in answer.groups for s in g.to_dict()["sources"]} == {
        motorcycles.doc_list[d]["source"] for d, meta in enumerate(motorcycles.doc_list) if "湛江" not in meta["title"]}
    traffic = [d for d, meta in enumerate(motorcycles.doc_list) if "湛江" not in meta["title"]]
    topic = topic_of(motorcycles, analyze_question(question, motorcycles.tokenizer))
    assert held_words.held_words(motorcycles, topic, traffic) == ["摩托车"]
    assert held_words.held_words(motorcycles, topic, traffic[:2]) == []  # two documents are not three
    # A word in more than that share of all documents says nothing of what was asked (单位, 工作 …).
    monkeypatch.setattr(held_words, "MAX_DOCUMENT_SHARE", 0.05)
    assert held_words.held_words(motorcycles, topic, traffic) == []
    monkeypatch.undo()
    _without_subject_search(monkeypatch)
    # Four of the five nearest documents would have to rule on 摩托车: only three do, and the nearest are only cited.
    monkeypatch.setattr(answering, "NEAREST_AGREE", 4)
    answer = ask(question, index=motorcycles)
    assert not answer.found and answer.answered_as is None and "意思相近的文件（按语义检索，未核实" in answer.answer


def test_when_the_words_held_together_find_too_little_the_rarest_alone_is_asked(motorcycles, monkeypatch):
    _without_subject_search(monkeypatch)
    from policyqa import answer as answering

    # The nearest documents hold 摩托车 and 后座, but rule on 后座 in one article each: asked about both, they are not
    # evidence; asked about 摩托车 alone (no commoner than 后座, and in few documents), three of them are.
    question = "哪些城市对摩托车后座坐小孩作出了规定"
    answer = ask(question, index=motorcycles)
    assert answer.answered_as == "摩托车" and places(answer) == {"郑州市", "洛阳市", "青岛市"}
    assert "意思最接近的 5 份文件多数说“摩托车”，以下按“摩托车”作答" in answer.answer
    # Not when that word is in more than the share of documents a held word may be in.
    monkeypatch.setattr(answering, "MAX_DOCUMENT_SHARE", 0.0)
    assert ask(question, index=motorcycles).answered_as is None


def test_a_word_no_regulation_writes_is_said_by_the_word_that_ends_it(tmp_path):
    from policyqa.question import analyze_question
    from policyqa.topic import topic_of

    # No article writes 评职称; the 人才 regulations rule on 职称 in three articles each. With 评职称's own (largest)
    # idf nothing could reach the coverage asked.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    plain = ["为了规范本市管理，制定本条例。", "本条例适用于本市行政区域。"]
    titles = {"zz.txt": "郑州市人才发展促进条例", "ly.txt": "洛阳市人才发展促进条例", "qd.txt": "青岛市人才发展促进条例"}
    for name, title in titles.items():
        _regulation(corpus, name, title, plain + ["职称评审应当公开透明。", "专业技术人员可以申报职称。", "职称评审结果应当公示。"])
    _other_subjects(corpus, plain, extra="个人信息保护")
    idx, _ = build_index([corpus], tmp_path / "idx", get_embedder("hash:64"))
    def alternatives(question):
        return topic_of(idx, analyze_question(question, idx.tokenizer)).alternatives

    assert alternatives("哪些城市对评职称作出了规定") == [[("评职称",), ("职称",)]]
    answer = ask("哪些城市对评职称作出了规定", index=idx)
    assert answer.answered_as is None and places(answer) == {"郑州市", "洛阳市", "青岛市"}
    assert answer.answer.endswith("（没有文件写“评职称”，按“职称”查找。）")  # the documents do not say 评职称
    # A word at the start qualifies the rest, and does not stand for it: 个人 is no way to say 个人所得税.
    assert all(("个人",) not in alts for alts in alternatives("哪些城市对个人所得税作出了规定"))


def test_a_topic_written_with_words_between_its_own_is_still_asked_about_a_shared_subject(unions):
    from policyqa.question import topic_span

    # 怎么 is no topic word, so the topic (工会帮职工维权) is not written as such in the question: the shared subject
    # still stands for it, in its place.
    question = "哪些城市的法规让工会怎么帮职工维权"
    assert topic_span(question, "工会帮职工维权") == (8, 17)
    answer = ask(question, index=unions)
    assert answer.found and answer.answered_as == "工会" and places(answer) == {"郑州市", "洛阳市", "青岛市"}
    assert topic_span(question, "工会帮职工维护权利") is None and topic_span(question, "") is None


def test_a_broad_subject_the_nearest_share_gives_way_to_the_next_that_qualifies(tmp_path, monkeypatch):
    from policyqa import answer as answering

    # The five nearest documents are three 国有土地上房屋征收与补偿 regulations and two 土地 ones: 土地 is shared by all
    # five but named in more titles than the cap; 国有土地上房屋征收与补偿, shared by three, stands for the question.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    plain = ["为了规范本市管理，制定本条例。", "本条例适用于本市行政区域。"]
    for name, city in (("zz.txt", "郑州市"), ("ly.txt", "洛阳市"), ("qd.txt", "青岛市")):
        _regulation(corpus, name, f"{city}国有土地上房屋征收与补偿条例",
                    plain + ["房屋征收应当给予公平补偿。", "征收补偿方案应当公布。", "被征收人可以选择货币补偿。"])
    for name, title in (("t1.txt", "湛江市土地条例"), ("t2.txt", "茂名市土地征收补偿条例")):
        _regulation(corpus, name, title, plain + ["土地征收补偿应当依法进行。"])
    _other_subjects(corpus, plain)
    idx, _ = build_index([corpus], tmp_path / "idx", get_embedder("hash:512"))
    monkeypatch.setattr(answering, "SHARED_SUBJECT_MAX_TITLES", 4)
    question = "哪些城市对政府征收老百姓的房子怎么补偿作出了规定"
    answer = ask(question, index=idx)
    assert answer.answered_as == "国有土地上房屋征收与补偿"
    assert places(answer) == {"郑州市", "洛阳市", "青岛市"}


def _developers(root, own):
    """Five cities' 城市房地产开发经营管理条例 that say 房地产开发企业 and never 开发商, and ``own``, a regulation whose
    articles say 开发商 and 楼盘 at length; 30 regulations on other subjects."""
    corpus = root / "corpus"
    corpus.mkdir()
    plain = ["为了规范本市管理，制定本条例。", "本条例适用于本市行政区域。", "有关部门应当依法履行职责。"]
    rules = ["城市房地产开发经营应当符合国土空间规划。", "从事城市房地产开发经营的企业应当依法取得资质。",
             "城市房地产开发经营项目竣工后应当依法验收。"]
    for name, city in (("zz.txt", "郑州市"), ("ly.txt", "洛阳市"), ("qd.txt", "青岛市"), ("jn.txt", "济南市"),
                       ("kf.txt", "开封市")):
        _regulation(corpus, name, f"{city}城市房地产开发经营管理条例", plain + rules)
    _regulation(corpus, "own.txt", own, plain + ["开发商销售楼盘应当明码标价。", "开发商不得虚假宣传楼盘。",
                                                "开发商交付楼盘应当符合约定。"])
    # Enough others that five titles are not one in ten of them (``SHARED_SUBJECT_MAX_SHARE``).
    _other_subjects(corpus, plain, extra="图书馆 体育 慈善 献血 气象 人民防空 防震减灾 森林防火 野生动物保护 水资源 "
                                         "道路运输 出租汽车 公共汽车 停车场 户外广告 市政设施 城市照明 地下管线 "
                                         "建筑市场 安全生产 职业教育")
    idx, _ = build_index([corpus], root / "idx", get_embedder("hash:512"))
    return idx


def test_a_question_whose_own_words_find_few_places_is_answered_for_the_subject_of_the_nearest(tmp_path, monkeypatch):
    from policyqa import answer as answering

    # Only 郑州's 商品房 regulation says 开发商 and 楼盘; the five nearest documents are named after 城市房地产开发经营
    # and rule on it: the answer for that subject names 郑州 and four more, and says what the question's words found.
    idx = _developers(tmp_path, "郑州市商品房销售条例")
    question = "哪些城市对开发商开发楼盘作出了规定"
    answer = ask(question, index=idx)
    assert answer.answered_as == "城市房地产开发经营"
    assert places(answer) == {"郑州市", "洛阳市", "青岛市", "济南市", "开封市"} and answer.count == 5
    assert answer.answer.startswith("明确涉及“开发商开发楼盘”的文件只来自 1 个城市：郑州市。意思最接近的")
    monkeypatch.setattr(answering, "FEW_PLACES", 0)
    answer = ask(question, index=idx)
    assert answer.answered_as is None and places(answer) == {"郑州市"}


def test_a_few_places_found_are_not_given_way_to_an_answer_without_them(tmp_path, monkeypatch):
    from policyqa import answer as answering

    # 湛江 is the one place whose articles say 开发商 and 楼盘; the answer for 城市房地产开发经营 would leave it out. The
    # answer for 开发, the word the nearest documents hold, keeps it (湛江's articles say 开发商).
    idx = _developers(tmp_path, "湛江市商品房销售条例")
    question = "哪些城市对开发商开发楼盘作出了规定"
    answer = ask(question, index=idx)
    assert answer.answered_as == "开发" and places(answer) == {"湛江市", "郑州市", "洛阳市", "青岛市", "济南市", "开封市"}
    monkeypatch.setattr(answering, "NEAREST_AGREE", 6)  # more than the nearest: no words held stand for the question
    answer = ask(question, index=idx)
    assert answer.answered_as is None and places(answer) == {"湛江市"}


@pytest.fixture(scope="module")
def weights(tmp_path_factory):
    """Three cities' market regulations under three different subjects, each with three articles on 计量 (and 短斤少两,
    斤两: close to 缺斤少两 in the plumbing embedder's character pairs), none saying 秤, 不准 or 缺斤少两; 30 regulations on
    other subjects."""
    corpus = tmp_path_factory.mktemp("weights") / "corpus"
    corpus.mkdir()
    plain = ["为了规范本市管理，制定本条例。", "本条例适用于本市行政区域。"]
    rules = ["经营者使用的计量器具应当准确，短斤少两的应当赔偿。", "市场开办者应当设置公平秤，消费者对斤两有异议的，可以复核计量结果。",
             "计量作弊、短斤少两的，由市场监督管理部门责令改正。"]
    for name, title in (("zz.txt", "郑州市集贸市场管理条例"), ("ly.txt", "洛阳市商品交易市场条例"), ("qd.txt", "青岛市农贸市场规定")):
        _regulation(corpus, name, title, plain + rules)
    _other_subjects(corpus, plain, extra="图书馆 体育 慈善")
    idx, _ = build_index([corpus], tmp_path_factory.mktemp("weights-index") / "idx", get_embedder("hash:512"))
    return idx


def test_a_question_in_words_no_document_holds_is_answered_for_the_word_its_nearest_passages_share(weights, monkeypatch):
    _without_subject_search(monkeypatch)
    from policyqa import answer as answering
    from policyqa import feedback

    # 33 documents have fewer passages than a real corpus: the ten nearest are read instead of thirty.
    monkeypatch.setattr(feedback, "FEEDBACK_PASSAGES", 10)
    # No document holds a word of 秤不准、缺斤少两, and the nearest share no subject in their titles; the passages nearest
    # to it in meaning share 计量, as no other passages do.
    assert feedback.feedback(weights, "秤不准、缺斤少两").words[0] == "计量"
    question = "哪些城市对秤不准、缺斤少两作出了规定"
    answer = ask(question, index=weights)
    assert answer.found and answer.answered_as == "计量" and answer.question == question
    assert answer.answer.startswith("没有找到文件明确涉及“秤不准、缺斤少两”。意思最接近的段落多用“计量”一词，以下按“计量”作答（请核对是否即所问）")
    assert places(answer) == {"郑州市", "洛阳市", "青岛市"}
    # Not a word fewer than the share asked of the nearest passages hold (9 of the 10 hold 计量) …
    monkeypatch.setattr(feedback, "MIN_PASSAGE_SHARE", 1.0)
    assert feedback.feedback(weights, "秤不准、缺斤少两").words == []
    monkeypatch.undo()
    _without_subject_search(monkeypatch)
    monkeypatch.setattr(feedback, "FEEDBACK_PASSAGES", 10)
    # … nor one in more than the share of documents a subject may be in (3 of 33 hold 计量, 短斤少两 and 市场) …
    monkeypatch.setattr(feedback, "MAX_DOCUMENT_SHARE", 0.05)
    assert ask(question, index=weights).answered_as is None
    monkeypatch.setattr(feedback, "MAX_DOCUMENT_SHARE", 0.1)
    # … and, by the consensus of most of the nearest passages (the plumbing embedder has no calibration record for the
    # other way), only when the nearest documents are evidence in its answer: four of five would have to be, three are.
    monkeypatch.setattr(answering, "NEAREST_AGREE", 4)
    answer = ask(question, index=weights)
    assert not answer.found and answer.answered_as is None and "意思相近的文件（按语义检索，未核实" in answer.answer


def test_a_word_fewer_passages_share_counts_when_the_nearest_passage_is_close_and_its_documents_agree(weights,
                                                                                                      monkeypatch):
    _without_subject_search(monkeypatch)
    from policyqa import answer as answering
    from policyqa import feedback
    from policyqa.calibration import Calibration

    monkeypatch.setattr(feedback, "FEEDBACK_PASSAGES", 10)
    question = "哪些城市对秤不准、缺斤少两作出了规定"
    shared = feedback.feedback(weights, "秤不准、缺斤少两")
    assert shared.words[0] == "计量" and len(shared.sources["计量"]) == 3 and shared.share["计量"] == 0.9
    # No consensus of the passages (as if 计量 were held by fewer than most of them): only a calibrated model may
    # then trust the word, when the nearest passage is as close as a passage that makes a document count.
    monkeypatch.setattr(answering, "MOST_PASSAGES", 1.0)
    assert ask(question, index=weights).answered_as is None  # the plumbing embedder has no calibration record
    embedder = weights.calibration.embedder
    monkeypatch.setattr(weights, "_calibration", Calibration(embedder, doc_dense=shared.best))
    answer = ask(question, index=weights)
    assert answer.answered_as == "计量" and places(answer) == {"郑州市", "洛阳市", "青岛市"}
    monkeypatch.setattr(weights, "_calibration", Calibration(embedder, doc_dense=shared.best + 0.01))
    assert ask(question, index=weights).answered_as is None
    # … and at least FEEDBACK_AGREE of the documents whose passages hold it must be evidence (three are).
    monkeypatch.setattr(weights, "_calibration", Calibration(embedder, doc_dense=shared.best))
    monkeypatch.setattr(answering, "FEEDBACK_AGREE", 4)
    assert ask(question, index=weights).answered_as is None


def test_feedback_words_leave_out_the_text_itself_and_numbers(weights, monkeypatch):
    from policyqa import feedback

    monkeypatch.setattr(feedback, "FEEDBACK_PASSAGES", 10)
    assert "计量" not in feedback.feedback(weights, "计量").words
    assert feedback._number("一万元") and feedback._number("2020") and not feedback._number("计量")


def test_a_side_of_a_list_no_document_writes_gives_way_to_the_other(tmp_path):
    from policyqa.question import analyze_question
    from policyqa.topic import topic_of

    # 杀猪宰牛、定点屠宰 asks for regulations on either; the regulations write 定点屠宰, never 杀猪 or 宰牛, whose weight
    # (the largest idf) no title or passage could hold.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    plain = ["为了规范本市管理，制定本条例。", "本条例适用于本市行政区域。"]
    for name, title in (("zb.txt", "淄博市生猪屠宰管理办法"), ("qd.txt", "青岛市畜禽屠宰管理条例")):
        _regulation(corpus, name, title, plain + ["本市实行生猪定点屠宰制度。", "定点屠宰厂应当建立检验制度。",
                                                  "未经批准，任何单位和个人不得从事定点屠宰活动。"])
    _other_subjects(corpus, plain)
    idx, _ = build_index([corpus], tmp_path / "idx", get_embedder("hash:64"))
    question = "哪些城市对杀猪宰牛、定点屠宰作出了规定"
    topic = topic_of(idx, analyze_question(question, idx.tokenizer))
    assert topic.terms == ["定点", "屠宰"] and topic.unsaid == ["杀猪", "宰牛"]
    answer = ask(question, index=idx)
    assert places(answer) == {"淄博市", "青岛市"}
    assert answer.answer.endswith("（没有文件写“杀猪”、“宰牛”，按所问的其他说法查找。）")
    # A side said in some way of its own stays: 屠宰 of 私屠滥宰、屠宰 is written; nor is anything left out of a
    # question without a list.
    assert topic_of(idx, analyze_question("哪些城市对屠宰和定点作出了规定", idx.tokenizer)).unsaid == []
    assert topic_of(idx, analyze_question("哪些城市对杀猪宰牛作出了规定", idx.tokenizer)).unsaid == []


@pytest.fixture(scope="module")
def dust(tmp_path_factory):
    """One city's regulation named after 扬尘污染防治 and 27 on other subjects."""
    corpus = tmp_path_factory.mktemp("dust") / "corpus"
    corpus.mkdir()
    plain = ["为了规范本市管理，制定本条例。", "本条例适用于本市行政区域。", "有关部门应当依法履行职责。"]
    _regulation(corpus, "bz.txt", "滨州市扬尘污染防治条例", plain + ["施工单位应当采取覆盖、洒水等措施。"])
    _other_subjects(corpus, plain)
    idx, _ = build_index([corpus], tmp_path_factory.mktemp("dust-index") / "idx", get_embedder("hash:512"))
    return idx


def test_a_question_no_trial_answers_is_answered_for_the_title_subject_nearest_to_it(dust, monkeypatch):
    from policyqa import answer as answering

    # No title holds enough of 尘土污染, one document is named after 扬尘污染防治 (not the three a shared subject needs),
    # and no word of the question is held by the nearest documents: the title subject nearest to the question in meaning
    # is 扬尘污染防治, and one of the nearest documents is named after it, so the question is answered for it, said so.
    question = "哪些城市有管尘土污染的法规"
    assert dust.nearest_subjects("尘土污染")[0][0] == "扬尘污染防治"
    answer = ask(question, index=dust)
    assert answer.found and answer.answered_as == "扬尘污染防治" and answer.question == question
    assert answer.answer.startswith("没有找到文件明确涉及“尘土污染”。标题意思最接近的是关于“扬尘污染防治”的文件，以下按“扬尘污染防治”作答"
                                    "（请核对是否即所问）")
    assert places(answer) == {"滨州市"}
    # Only for a question that asks for documents by what they are named after: the articles that rule on a neighbouring
    # title's subject are a step further from what was asked.
    assert ask("哪些城市对尘土污染作出了规定", index=dust).answered_as != "扬尘污染防治"
    # A subject none of the nearest documents is named after (or a part of one) is not taken: closeness alone does not
    # tell a subject no document addresses.
    monkeypatch.setattr(PolicyIndex, "nearest_subjects", lambda self, text, n=1: [("殡葬管理", 0.95)])
    answer = ask(question, index=dust)
    assert not answer.found and answer.answered_as is None
    monkeypatch.undo()
    # Nor a subject a tenth of the titles are named after (of a few work plans, 全市民政工作要点).
    monkeypatch.setattr(answering, "SHARED_SUBJECT_MAX_SHARE", 0.01)
    assert ask(question, index=dust).answered_as is None


def test_the_title_subjects_are_embedded_by_the_build_and_read_back_by_a_question(tmp_path, monkeypatch,
                                                                                  counting_embedder):
    import sqlite3

    from policyqa.embed_cache import EmbeddingCache

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    plain = ["为了规范本市管理，制定本条例。"]
    _regulation(corpus, "bz.txt", "滨州市扬尘污染防治条例", plain)
    _regulation(corpus, "zj.txt", "湛江市养犬管理条例", plain)
    built = counting_embedder(64)
    build_index([corpus], tmp_path / "idx", built)
    assert {"扬尘污染防治", "养犬"} <= set(built.texts)
    asking = counting_embedder(64)
    idx = PolicyIndex.load(tmp_path / "idx", asking)
    assert idx.nearest_subjects("扬尘", 2)[0][0] == "扬尘污染防治" and asking.texts == []  # from the cache
    # A cache that cannot be used (a read-only index) costs only the embedding.
    monkeypatch.setattr(EmbeddingCache, "embed_passages", lambda *a, **k: (_ for _ in ()).throw(sqlite3.OperationalError("x")))
    idx = PolicyIndex.load(tmp_path / "idx", asking)
    assert idx.nearest_subjects("扬尘")[0][0] == "扬尘污染防治" and set(asking.texts) == {"扬尘污染防治", "养犬"}
