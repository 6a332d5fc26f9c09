"""Reading files (encodings, bad files), metadata of the seeds, sidecars, the gazetteer."""

import codecs
import json
import shutil

import pytest

from policyqa.errors import IngestError
from policyqa.ingest import ingest_paths, load_document
from policyqa.readers import decode, read_text
from policyqa.regions import find_places, infer_region, region_contains, resolve_place

DOC = "2024年示范县民政工作要点\n一、养老服务\n1.推进老年助餐。建设幸福食堂20家。\n"


@pytest.mark.parametrize("encoding,prefix", [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gbk", b""),
                                             ("gb18030", b""), ("utf-16-le", codecs.BOM_UTF16_LE),
                                             ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_encodings(tmp_path, encoding, prefix):
    p = tmp_path / "doc.txt"
    p.write_bytes(prefix + DOC.encode(encoding))
    text, _ = read_text(p)
    assert text == DOC
    doc = load_document(p)
    assert any("幸福食堂" in c.text for c in doc.chunks)
    for c in doc.chunks:
        assert doc.text[c.start:c.end] == c.text


def test_short_gbk_text_is_not_mistaken():
    assert decode("殡葬改革".encode("gbk"))[0] == "殡葬改革"


@pytest.mark.parametrize("content,match", [(b"", "empty"), (b"  \n\n", "empty"),
                                           (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
                                           (b"\xff\xfe\xfa" * 5 + b"\x81\x30", "cannot be decoded|binary|byte-order")])
def test_bad_files_give_one_clear_line(tmp_path, content, match):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(IngestError, match=match) as exc:
        load_document(p)
    assert str(p) in str(exc.value) and "\n" not in str(exc.value)


def test_truncated_pdf_is_one_clear_line(tmp_path):
    p = tmp_path / "a.pdf"
    p.write_bytes(b"%PDF-1.4")
    with pytest.raises(IngestError, match="damaged or truncated") as exc:
        read_text(p)
    assert str(p) in str(exc.value) and "\n" not in str(exc.value)


def test_directory_skips_bad_files_and_goes_on(tmp_path, seeds_dir):
    shutil.copy(seeds_dir / "000_bd77b3cad4441a08.txt", tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "gbk.txt").write_bytes(DOC.encode("gbk"))
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    report = ingest_paths([tmp_path])
    assert sorted(d.source.split("/")[-1] for d in report.documents) == ["000_bd77b3cad4441a08.txt", "gbk.txt"]
    reasons = {s.path.split("/")[-1]: s.reason for s in report.skipped if s.kind == "error"}
    assert set(reasons) == {"empty.txt", "binary.txt", "notes.docx"}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["binary.txt"]
    assert "damaged" in reasons["notes.docx"]


EXPECTED = {
    "000": dict(city="金华市", province="浙江省", date="2025-04-30", title="2025年全市民政工作要点"),
    "001": dict(city="舟山市", province="浙江省", date="2025-01-22"),
    "002": dict(city="厦门市", province="福建省", date="2023-03-02", title="2023年全市民政工作要点"),
    "003": dict(city="宣城市", province="安徽省"),
    "004": dict(county="武义县", city="金华市", province="浙江省", date="2024-12-03"),
}


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_seed_metadata(seeds_dir, key):
    path = next(seeds_dir.glob(f"{key}_*.txt"))
    doc = load_document(path)
    want = EXPECTED[key]
    for field in ("city", "province", "county"):
        if field in want:
            assert getattr(doc.region, field) == want[field]
    if "date" in want:
        assert doc.date == want["date"]
    if "title" in want:
        assert doc.title == want["title"]
    assert doc.title
    if key == "003":
        assert doc.issuer_level == "district" and doc.region.level == "city"
    if key == "004":
        assert doc.region.level == "county" and doc.issuer == "武义县民政局"
    if key == "002":
        assert doc.issuer == "厦门市民政局"


def test_sidecar_overrides(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_text(DOC, encoding="utf-8")
    (tmp_path / "plan.txt.meta.json").write_text(json.dumps(
        {"title": "示范县养老规划", "region": "武义县", "date": "2024年5月6日"}, ensure_ascii=False), encoding="utf-8")
    doc = load_document(p)
    assert doc.title == "示范县养老规划" and doc.region.county == "武义县" and doc.date == "2024-05-06"
    q = tmp_path / "other.txt"
    q.write_text(DOC, encoding="utf-8")
    (tmp_path / "metadata.jsonl").write_text(json.dumps(
        {"source": "other.txt", "issuer": "舟山市民政局", "region": {"province": "浙江省", "city": "舟山市", "level": "city"}},
        ensure_ascii=False) + "\n", encoding="utf-8")
    doc = load_document(q)
    assert doc.issuer == "舟山市民政局" and doc.region.city == "舟山市"
    report = ingest_paths([tmp_path])
    assert len(report.documents) == 2 and not report.skipped  # sidecars are not documents


def test_bad_sidecar_is_a_clear_error(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_text(DOC, encoding="utf-8")
    (tmp_path / "plan.txt.meta.json").write_text("{oops", encoding="utf-8")
    with pytest.raises(IngestError, match="meta.json"):
        load_document(p)


def test_gazetteer():
    jinhua, wuyi, zhejiang = resolve_place("金华"), resolve_place("武义"), resolve_place("浙江")
    assert jinhua.city == "金华市" and jinhua.level == "city" and jinhua.code == "330700"
    assert wuyi.county == "武义县" and wuyi.city == "金华市" and wuyi.province == "浙江省"
    assert region_contains(zhejiang, wuyi) and region_contains(jinhua, wuyi) and not region_contains(wuyi, jinhua)
    assert resolve_place("鼓楼区") is None  # several cities have one
    assert resolve_place("不存在的地方") is None
    names = [r.name for r, _, _ in find_places("舟山市普陀区推进婚俗改革,普陀区列入试点")]
    assert names == ["舟山市", "普陀区", "普陀区"]  # the 普陀区 of 舟山, not of 上海
    assert infer_region("全市…义乌市、兰溪市、东阳市和金华市区", ["2025年全市民政工作要点"]).city == "金华市"
    r = infer_region("我县民政工作…金华市…", ["武义县民政局"])
    assert r.county == "武义县" and r.level == "county"
