"""`ask` on the real seeds index: aggregation, fact, open and no-answer questions; JSON, HTML, exact citations."""

import json
from pathlib import Path

import pytest

from policyqa.answer import ask


def assert_citations_exact(answer):
    assert answer.citations
    for c in answer.citations:
        text = (Path(__file__).resolve().parent.parent / c.source).read_bytes().decode("utf-8-sig")
        assert text[c.start:c.end] == c.text
        if c.highlight:
            a, b = c.highlight
            assert 0 <= a < b <= len(c.text)


def test_which_cities_promote_funeral_reform(real_index):
    a = ask("哪些城市推进殡葬改革", index=real_index)
    assert a.kind == "aggregation" and a.found
    listed = {g.region.name: g for g in a.groups if g.kind == "place"}
    # 武义县's plan counts for its city, and is shown under it.
    assert set(listed) == {"金华市", "舟山市", "厦门市"} and a.count == 3
    assert "武义县" in {m.name for m in listed["金华市"].members}
    assert "金华市（含武义县）" in a.answer and a.answer.startswith("共3个城市")
    for g in listed.values():
        assert any("殡葬" in a.citations[n - 1].text for n in g.citations)
        # The highlighted sentence is the one about funerals, not one that merely shares 推进/改革.
        first = a.citations[g.citations[0] - 1]
        assert "殡葬" in first.text[first.highlight[0]:first.highlight[1]]
    toc = [g for g in a.groups if g.toc_only]
    assert [g.region.name for g in toc] == ["宣城市"] and toc[0].district_document and toc[0].kind == "toc_only"
    assert a.citations[toc[0].citations[0] - 1].kind == "toc"
    assert "仅目录中提到" in a.answer and "正文未收录" not in a.answer
    assert_citations_exact(a)


def test_which_places_keeps_the_county_and_which_provinces_rolls_up(real_index):
    places = ask("哪些地方推进殡葬改革", index=real_index)
    assert {g.region.name for g in places.groups if g.kind == "place"} == {"金华市", "舟山市", "厦门市", "武义县"}
    provinces = ask("哪些省份推进殡葬改革", index=real_index)
    listed = {g.region.name: g for g in provinces.groups if g.kind == "place"}
    assert set(listed) == {"浙江省", "福建省"} and provinces.count == 2
    assert {m.name for m in listed["浙江省"].members} == {"金华市", "舟山市", "武义县"}


def test_traditional_question_gives_the_same_places(real_index):
    simp = ask("哪些城市推进殡葬改革", index=real_index)
    trad = ask("哪些城市推進殯葬改革", index=real_index)
    assert [g.region for g in trad.groups] == [g.region for g in simp.groups]


def test_fact_highlights_the_sentence_with_the_number(real_index):
    a = ask("舟山养老机构护理员持证率提高到了多少", index=real_index)
    assert a.kind == "fact" and a.found
    first = a.citations[0]
    assert first.source.endswith("001_c62b87d9ede609d7.txt")
    s, e = first.highlight
    assert "71%" in first.text[s:e] and "90%" in first.text[s:e]
    assert "90%" in a.answer
    assert_citations_exact(a)


def test_when_question_highlights_the_full_date(real_index):
    a = ask("厦门2023年民政工作要点是什么时候印发的", index=real_index)
    assert a.kind == "fact" and a.found
    first = a.citations[0]
    assert first.source.endswith("002_d694fe737bb68630.txt")
    assert "2023年3月2日" in first.text[first.highlight[0]:first.highlight[1]]


def test_open_question_groups_passages_by_document(real_index):
    a = ask("厦门怎样健全社会救助体系", index=real_index)
    assert a.kind == "open" and a.found
    # 厦门 in the question ranks its document first (a preference: other places may follow).
    first = [a.citations[n - 1] for n in a.groups[0].citations]
    assert a.groups[0].region.name == "厦门市" and all(c.source.endswith("002_d694fe737bb68630.txt") for c in first)
    assert any("8.改革完善社会救助制度体系" in c.text for c in first)
    assert_citations_exact(a)


def test_no_answer_is_said_plainly(real_index):
    a = ask("哪些城市发布了新能源汽车补贴政策", index=real_index)
    assert not a.found and not a.groups and a.count is None and a.answered_as is None
    assert a.answer.startswith("在已索引的 5 份文件中没有找到")
    # What it cites are the nearest documents, said to be unverified and counted as no place.
    assert not a.citations or "未核实" in a.answer


def test_place_without_documents(real_index):
    a = ask("北京市怎样推进殡葬改革", index=real_index)
    assert not a.found and "北京市" in a.answer


def test_json_schema(real_index):
    d = json.loads(json.dumps(ask("哪些城市推进殡葬改革", index=real_index).to_dict(), ensure_ascii=False))
    assert set(d) >= {"question", "kind", "found", "answer", "groups", "citations"}
    assert all(set(g) >= {"region", "citations"} for g in d["groups"])
    for c in d["citations"]:
        assert set(c) >= {"id", "source", "title", "region", "headings", "text", "start", "end", "score"}
    ids = {c["id"] for c in d["citations"]}
    assert {n for g in d["groups"] for n in g["citations"]} <= ids


def test_html_rendering_is_escaped_and_linked(real_index):
    a = ask("舟山养老机构护理员持证率提高到了多少", index=real_index)
    a.question = "<script>x</script>" + a.question
    out = a._repr_html_()
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert 'href="#pqa-cite-1"' in out and 'id="pqa-cite-1"' in out and "<mark>" in out


def test_citations_frame(real_index):
    pd = pytest.importorskip("pandas")
    frame = ask("哪些城市推进殡葬改革", index=real_index).citations_frame()
    assert isinstance(frame, pd.DataFrame) and {"source", "text", "start", "end"} <= set(frame.columns)


def test_search_done_when_on_the_seeds(real_index):
    burial = {Path(h.chunk.source).name[:3] for h in real_index.search("哪些城市推进殡葬改革", k=10) if "殡葬" in h.chunk.text}
    assert {"000", "001", "002", "004"} <= burial
    meals = {Path(h.chunk.source).name[:3] for h in real_index.search("给老年人送饭的服务", k=10)
             if any(w in h.chunk.text for w in ("助餐", "幸福食堂", "敬老餐厅"))}
    assert len(meals) >= 4


def test_ask_process_never_imports_torch(real_index):
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from policyqa.cli import app\n"
        f"r = CliRunner().invoke(app, ['ask', '哪些城市推进殡葬改革', '--index', {str(real_index.directory)!r}, '--json'])\n"
        "assert r.exit_code == 0, r.output\n"
        "print(sorted(m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_when_issued_cites_the_documents_own_date_line(real_index):
    a = ask("舟山2024年工作总结是什么时候发布的", index=real_index)
    assert a.found and "2025-01-22" in a.answer
    first = a.citations[0]
    assert first.kind == "meta" and first.source.endswith("001_c62b87d9ede609d7.txt")
    assert first.text == "发布时间:2025-01-22 15:10"  # the labelled line, not the bare date above it
    assert_citations_exact(a)


def test_date_line_forms():
    from policyqa.answer import date_line

    text = "标题\n2023年3月2日\n正文2023-03-02提到\n成文日期：2023年03月02日\n"
    s, e = date_line(text, "2023-03-02")
    assert text[s:e] == "成文日期：2023年03月02日"
    assert date_line("标题\n正文\n", "2023-03-02") is None


def test_everyday_words_are_not_places_and_the_question_is_answered_from_the_content(real_index):
    a = ask("如何推进乡村振兴", index=real_index)
    assert a.found and "振兴区" not in a.answer and "没有来自" not in a.answer
    assert any("乡村振兴" in c.text for c in a.citations)


def test_a_fact_answer_leads_with_the_sentence_holding_the_topic_and_the_number(real_index):
    a = ask("舟山市2024年建成了多少个助餐点", index=real_index)
    lead = a.citations[0]
    sentence = lead.text[lead.highlight[0]:lead.highlight[1]]
    assert "141个助餐点" in sentence and "141个助餐点" in a.answer.splitlines()[0]
    assert "婚姻登记" not in a.answer.splitlines()[0]


@pytest.mark.parametrize("question", ["asdfghjkl qwerty", "👴🍚🏠", "？？！。，、…", "' OR 1=1 --",
                                      "${jndi:ldap://example.com/a}", "../../../../etc/passwd",
                                      "2019年厦门市民政工作要点", "北京市怎样推进殡葬改革",
                                      # 护照 is in no document: passages holding only 申请/办理 do not answer
                                      "如何申请护照", "如何办理护照"])
def test_what_the_corpus_cannot_answer_is_said_plainly(real_index, question):
    a = ask(question, index=real_index)
    assert not a.found and not a.citations


def test_a_word_the_documents_say_otherwise_still_answers(real_index):
    # 孩子 and 看护 are in no document, but they draw the question towards the passages about 儿童 and 护理.
    for question in ("保护孩子的合法权益", "培养专业的养老看护人员"):
        assert ask(question, index=real_index).found


def test_an_answer_about_a_named_place_speaks_for_that_place_only(real_index):
    a = ask("厦门怎样健全社会救助体系", index=real_index)
    assert a.found and {c.region.city for c in a.citations} == {"厦门市"}
    # 武义县 has documents, but none about motorways, and no other place's passage answers for it (nor
    # without the place: no document mentions 高速公路).
    assert not ask("武义县高速公路建设进度如何", index=real_index).found
    # Only Xiamen's and Zhoushan's documents speak of marriage registration on 鼓浪屿: the answer says so.
    b = ask("武义县鼓浪屿结婚登记", index=real_index)
    assert not b.found and "武义县" in b.answer and "厦门市" in b.answer


def test_an_answer_for_a_year_no_document_is_from_says_so(real_index):
    # The 2025 Jinhua plan mentions 2021, so passages are shown, but never as if a 2021 plan existed.
    a = ask("金华市2021年民政工作要点有哪些任务", index=real_index)
    if a.found:
        assert any("没有金华市2021年的文件" in n for n in a.notices)
    plain = ask("厦门市2023年民政工作要点有哪些任务", index=real_index)
    assert plain.found and not any("年的文件" in n for n in plain.notices)
    assert not any("年的文件" in n for n in ask("哪些城市推进殡葬改革", index=real_index).notices)


def test_notices_are_printed_under_the_answer():
    from policyqa.answer import Answer
    from policyqa.render import answer_renderable
    from rich.console import Console

    console = Console(record=True, width=100)
    console.print(answer_renderable(Answer("q", "open", True, "答", notices=["索引中没有[dim]x的文件"])))
    assert "注意：索引中没有[dim]x的文件" in console.export_text()


def test_a_section_cited_in_two_chunks_is_named_once(real_index):
    a = ask("武义县十四五期间养老服务有哪些目标", index=real_index)
    for line in a.answer.splitlines()[1:]:
        headings = [part.split("[")[0] for part in line.split("：", 1)[-1].split("；")]
        assert len(headings) == len(set(headings)), line
