"""Reading the documents users have: web pages, PDF, DOCX, OFD, .doc via LibreOffice; detection by content;
stored texts, pages in citations, bad files of every kind."""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest

from makefiles import PAGE1, TITLE, docx_bytes, ofd_bytes, pdf_bytes, write
from policyqa.errors import IngestError
from policyqa.formats.ole import soffice
from policyqa.formats.sniff import sniff
from policyqa.ingest import ingest_paths, load_document
from policyqa.readers import read_document
from portal_pages import all_pages, bare_page, city_portal, govcn_policy, trs_layout_gbk, zjeg_page
from portal_pages_heldout import heldout_pages


def _offsets_hold(doc) -> None:
    for c in doc.chunks:
        assert doc.text[c.start:c.end] == c.text


# ------------------------------------------------------------------ HTML
@pytest.mark.parametrize("page", all_pages() + heldout_pages(), ids=lambda p: p.name)
def test_portal_page_body_without_furniture(tmp_path, page):
    doc = load_document(write(tmp_path / page.name, page.data()))
    _offsets_hold(doc)
    chunks = "\n".join(c.text + " " + " ".join(c.headings) for c in doc.chunks)
    for sentence in page.body:
        assert sentence in chunks, sentence
    for junk in page.furniture:
        assert junk not in chunks, junk
    carried = {h for c in doc.chunks for h in c.headings}
    for heading in page.headings:
        assert heading in carried, heading
    assert doc.title == page.title and doc.format == "html"
    want = page.fields
    for key in ("issuer", "doc_number", "date"):
        if key in want:
            assert getattr(doc, key) == want[key], key
    for key in ("written_date", "published_date", "effective_date", "expiry_date", "validity"):
        if key in want:
            assert doc.info[key] == want[key], key
    for key in ("province", "city", "county"):
        if key in want:
            assert getattr(doc.region, key) == want[key]


def test_headings_from_bold_and_kaiti_spans(tmp_path):
    doc = load_document(write(tmp_path / "p.html", govcn_policy().data()))
    item = next(c for c in doc.chunks if "构建多元主体参与" in c.text)
    assert item.headings[-2:] == ["一、发展民生事业，解决急难愁盼", "（一）扩大老年助餐服务"]
    table = next(c for c in doc.chunks if c.kind == "table")
    assert table.text.startswith("| 序号 | 任务 | 牵头单位 |")


def test_label_block_outranks_meta_tags_and_dates_stay_apart(tmp_path):
    doc = load_document(write(tmp_path / "p.html", govcn_policy().data()))
    # 来源 in the page's label line (新华社) outranks <meta ContentSource>; 成文 is the document's own date.
    assert doc.info["written_date"] == "2024-01-11" and doc.info["published_date"] == "2024-01-15"
    assert doc.date == "2024-01-11" and doc.info["title_source"] == "file"
    # The label fields are in the text as furniture lines (citable), never in a chunk.
    assert "发布日期：2024-01-15" in doc.text
    assert not any("发布日期" in c.text for c in doc.chunks)


def test_expired_document_is_marked(tmp_path):
    gbk = load_document(write(tmp_path / "old.html", trs_layout_gbk().data()))
    assert gbk.encoding == "gb18030" and gbk.info["validity"] == "失效" and gbk.info["expired"]
    future = city_portal().html.replace("2026-06-30", "2099-06-30")
    live = load_document(write(tmp_path / "live.html", future.encode()))
    assert live.info["expiry_date"] == "2099-06-30" and not live.info["expired"]
    past = load_document(write(tmp_path / "past.html", city_portal().data()))
    assert past.info["expiry_date"] == "2026-06-30"
    assert past.info["expired"] == (past.info["expiry_date"] < __import__("datetime").date.today().isoformat())


def test_content_after_the_closing_html_tag(tmp_path):
    # Some gov.cn pages close </html> before the article: the body is still found.
    page = ("<html><head><meta name='ArticleTitle' content='网络出版服务管理规定'></head><body><div class='head'>"
            "<a href='/'>首页</a></div></body></html><div class='article'><div class='pages_content' id='UCAP-CONTENT'>"
            "<p>第一条 为了规范网络出版服务秩序，根据国务院有关规定，制定本规定。</p></div></div>"
            "<div class='footer'>版权所有：中国政府网</div></html>")
    doc = load_document(write(tmp_path / "p.html", page.encode()))
    assert [c.text for c in doc.chunks][-1] == "第一条 为了规范网络出版服务秩序，根据国务院有关规定，制定本规定。"


def test_page_without_body_text_is_one_clear_line(tmp_path):
    p = write(tmp_path / "nav.html", b"<html><head><title>x</title><script>var a='\xe6\x96\x87';</script></head>"
                                     b"<body><div class='nav'><a href='/'>Home</a></div></body></html>")
    with pytest.raises(IngestError, match="no body text") as exc:
        load_document(p)
    assert str(p) in str(exc.value) and "\n" not in str(exc.value)


# ------------------------------------------------------------------ detection by content
def test_detection_by_content_not_suffix(tmp_path):
    html_as_txt = write(tmp_path / "page.txt", zjeg_page().data())
    assert load_document(html_as_txt).format == "html"
    docx_as_doc = write(tmp_path / "file.doc", docx_bytes())
    assert load_document(docx_as_doc).format == "docx"
    pdf_no_suffix = write(tmp_path / "download", pdf_bytes())
    assert load_document(pdf_no_suffix).format == "pdf"
    report = ingest_paths([tmp_path])  # the suffix-less PDF is found in a directory walk too
    assert sorted(d.format for d in report.documents) == ["docx", "html", "pdf"] and not report.skipped
    assert sniff(b"# a markdown note\n\nplain text with <b>bold</b>\n") == "text"


# ------------------------------------------------------------------ PDF
def test_pdf_pages_and_offsets(tmp_path):
    doc = load_document(write(tmp_path / "plan.pdf", pdf_bytes()))
    _offsets_hold(doc)
    assert doc.format == "pdf" and len(doc.pages) == 2 and doc.title == TITLE
    first = next(c for c in doc.chunks if "老年食堂" in c.text)
    second = next(c for c in doc.chunks if "每餐补贴3元" in c.text)
    assert first.page == 1 and second.page == 2
    # A line wrapped at the page width is joined back into its sentence; page numbers are furniture.
    assert "60%以上，持续推进居家社区养老服务网络建设。" in doc.text
    assert not any("— 1 —" in c.text for c in doc.chunks)
    assert doc.date == "2025-03-01" and doc.issuer == "金华市民政局"


def test_image_only_page_needs_ocr_without_the_extra(tmp_path, caplog, monkeypatch):
    from policyqa.formats import ocr

    monkeypatch.setattr(ocr, "_ENGINE", False)  # as when the optional OCR extra is not installed
    p = write(tmp_path / "scan.pdf", pdf_bytes(image_page=True))
    doc = load_document(p)
    assert doc.notes == ['page 3 of 3 has no text layer (a scan): it needs OCR (pip install "policyqa[ocr]")']
    assert "needs OCR" in caplog.text
    assert len(doc.pages) == 3 and any(c.page == 2 for c in doc.chunks)
    only_image = write(tmp_path / "only.pdf", pdf_bytes(pages=[], image_page=True, title=None))
    with pytest.raises(IngestError, match="no text layer on any of its 1 pages"):
        load_document(only_image)


@pytest.mark.slow
def test_scanned_page_read_by_ocr_when_installed(tmp_path):
    from policyqa.formats import ocr

    if ocr.engine() is None:
        pytest.skip('the OCR extra is not installed (pip install "policyqa[ocr]")')
    import io

    import pypdfium2 as pdfium
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    page = pdfium.PdfDocument(pdf_bytes())[1].render(scale=200 / 72).to_pil()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.drawImage(ImageReader(page), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    doc = load_document(write(tmp_path / "scan.pdf", buf.getvalue()))
    assert not doc.notes and "每餐补贴3元" in doc.text and doc.chunks[0].page == 1


def test_encrypted_and_truncated_pdf(tmp_path):
    locked = write(tmp_path / "locked.pdf", pdf_bytes(password="secret"))
    with pytest.raises(IngestError, match="password-protected"):
        load_document(locked)
    data = pdf_bytes()
    cut = write(tmp_path / "cut.pdf", data[: len(data) // 3])
    with pytest.raises(IngestError, match="damaged or truncated"):
        load_document(cut)


# ------------------------------------------------------------------ DOCX
def test_docx_headings_numbering_and_table_header(tmp_path):
    doc = load_document(write(tmp_path / "plan.docx", docx_bytes()))
    _offsets_hold(doc)
    assert doc.format == "docx" and doc.title == TITLE and doc.date == "2025-03-01"
    item = next(c for c in doc.chunks if "老年食堂" in c.text)
    assert item.headings[:2] == ["一、总体要求", "（一）扩大助餐服务"]
    # Word's automatic numbering is written as the reader sees it, so the grammar finds 1. and 2.
    assert "1.建设幸福食堂20家。" in doc.text and "2.开展助餐配送服务" in doc.text
    tables = [c for c in doc.chunks if c.kind == "table"]
    assert len(tables) >= 2  # long enough to be split by whole rows
    header = "| 序号 | 主要指标 | 2025年目标值 | 指标属性 |"
    assert tables[0].text.startswith(header) and "主要指标" in tables[0].headings  # a Heading 1 paragraph
    for part in tables[1:]:
        assert any(h.endswith(header) for h in part.headings)


def test_not_a_docx_zip(tmp_path):
    p = tmp_path / "fake.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(IngestError, match="damaged or not really a .docx"):
        load_document(p)


# ------------------------------------------------------------------ OFD
@pytest.mark.parametrize("prefix", ["ofd:", ""])
def test_ofd_reading_order_pages_and_metadata(tmp_path, prefix):
    doc = load_document(write(tmp_path / "notice.ofd", ofd_bytes(prefix=prefix)))
    _offsets_hold(doc)
    assert doc.text.startswith(PAGE1[0] + "\n" + PAGE1[1])  # positions, not XML order, decide
    assert doc.format == "ofd" and len(doc.pages) == 2 and doc.doc_number == "金民〔2025〕7号"
    assert next(c for c in doc.chunks if "每餐补贴3元" in c.text).page == 2
    assert doc.title == TITLE


def test_broken_ofd(tmp_path):
    p = tmp_path / "broken.ofd"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("OFD.xml", "<OFD><DocBody><DocRoot>Doc_0/Document.xml</DocRoot></DocBody></OFD>")
    with pytest.raises(IngestError, match="lacks Doc_0/Document.xml"):
        load_document(p)


# ------------------------------------------------------------------ .doc / .wps
@pytest.mark.slow
@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed: apt-get install "
                                              "libreoffice-writer-nogui")
def test_doc_through_libreoffice(tmp_path):
    import subprocess

    src = write(tmp_path / "plan.docx", docx_bytes())
    out = tmp_path / "out"
    subprocess.run([soffice(), f"-env:UserInstallation={(tmp_path / 'prof').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(out), str(src)], check=True, capture_output=True, timeout=120)
    doc = load_document(out / "plan.doc")
    _offsets_hold(doc)
    assert doc.format == "doc" and "1.建设幸福食堂20家。" in doc.text
    assert any(c.kind == "table" for c in doc.chunks)
    wps = shutil.copy(out / "plan.doc", tmp_path / "plan.wps")
    assert load_document(wps).format == "doc"


def test_doc_without_libreoffice_is_one_clear_line(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYQA_SOFFICE", str(tmp_path / "no-soffice"))
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 100 + "WordDocument".encode("utf-16-le") + b"\x00" * 100
    p = write(tmp_path / "old.doc", ole)
    with pytest.raises(IngestError, match="needs LibreOffice.*apt-get install libreoffice-writer-nogui") as exc:
        load_document(p)
    assert "\n" not in str(exc.value)


# ------------------------------------------------------------------ a directory of everything
def test_bad_files_of_each_kind_and_the_rest_is_indexed(tmp_path):
    write(tmp_path / "good.html", city_portal().data())
    write(tmp_path / "good.pdf", pdf_bytes())
    write(tmp_path / "good.ofd", ofd_bytes())
    write(tmp_path / "good.docx", docx_bytes())
    write(tmp_path / "truncated.pdf", pdf_bytes()[:500])
    write(tmp_path / "locked.pdf", pdf_bytes(password="x"))
    write(tmp_path / "notdocx.docx", b"PK\x03\x04 not a zip at all")
    write(tmp_path / "empty.html", b"<html><body><script>x()</script></body></html>")
    with zipfile.ZipFile(tmp_path / "book.docx", "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    report = ingest_paths([tmp_path])
    assert sorted(d.source.rsplit("/", 1)[-1] for d in report.documents) == ["good.docx", "good.html", "good.ofd",
                                                                            "good.pdf"]
    reasons = {s.path.rsplit("/", 1)[-1]: s.reason for s in report.skipped}
    assert set(reasons) == {"truncated.pdf", "locked.pdf", "notdocx.docx", "empty.html", "book.docx"}
    assert all("\n" not in r and r.startswith(str(tmp_path)) for r in reasons.values())
    assert "spreadsheet" in reasons["book.docx"]


# ------------------------------------------------------------------ index: stored texts, pages in citations
@pytest.mark.slow
def test_stored_texts_pages_and_citations(tmp_path):
    from policyqa.answer import ask
    from policyqa.embedders import get_embedder
    from policyqa.index import build_index
    from policyqa.render import answer_html, answer_renderable

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus / "plan.pdf", pdf_bytes())
    write(corpus / "page.html", govcn_policy().data())
    write(corpus / "old.html", trs_layout_gbk().data())
    write(corpus / "bare.html", bare_page().data())
    shutil.copy(write(tmp_path / "x.ofd", ofd_bytes()), corpus / "notice.ofd")
    emb = get_embedder("hash:64")
    idx, summary = build_index([corpus], tmp_path / "idx", embedder=emb)
    assert summary.documents == 5 and not summary.skipped
    for meta in idx.doc_list:
        text = idx.document_text(meta["source"])
        assert text == read_document(meta["path"]).text
        rows = [r for r in range(len(idx)) if idx.document_of(r)["source"] == meta["source"]]
        for r in rows:
            c = idx.chunks[r]
            assert text[c.start:c.end] == c.text
    # Extracted texts are served from the index even when the file is gone.
    pdf = "corpus/plan.pdf"  # sources are named relative to the corpus root
    (corpus / "plan.pdf").rename(tmp_path / "moved.pdf")
    before = idx.document_text(pdf)
    assert "每餐补贴3元" in before
    (tmp_path / "moved.pdf").rename(corpus / "plan.pdf")
    # An update that adds a file keeps the others' stored texts without extracting them again.
    write(corpus / "more.html", zjeg_page().data())
    idx2, s2 = build_index([corpus], tmp_path / "idx", embedder=emb)
    assert s2.added == 1 and s2.unchanged == 5
    assert idx2.document_text(pdf) == before
    hits = idx2.search("老年助餐补贴资金 每餐补贴3元", k=3, mode="bm25", source=pdf)
    assert hits[0].chunk.source == pdf and hits[0].chunk.page == 2 and hits[0].to_dict()["page"] == 2
    answer = ask("老年助餐每餐补贴多少钱", index=idx2)
    cited = [c for c in answer.citations if c.source == pdf]
    assert cited and cited[0].page == 2 and answer.to_dict()["citations"][answer.citations.index(cited[0])]["page"] == 2
    assert "第2页" in answer_html(answer)
    from rich.console import Console

    console = Console(record=True, width=200)
    console.print(answer_renderable(answer))
    assert "第2页" in console.export_text()
    old = ask("最低生活保障标准提高到每人每月多少元", index=idx2)
    marked = [c for c in old.citations if c.source.endswith("old.html")]
    assert marked and all(c.expired for c in marked) and "已失效" in answer_html(old)
    manifest = json.loads((idx2.generation / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["document_count"] == 6


@pytest.mark.slow
def test_cli_inspect_text_index_and_ask_with_pages(tmp_path):
    from typer.testing import CliRunner

    from policyqa.cli import app

    runner = CliRunner()
    corpus = tmp_path / "saved"
    corpus.mkdir()
    pdf = write(corpus / "plan.pdf", pdf_bytes())
    write(corpus / "page.html", city_portal().data())
    r = runner.invoke(app, ["inspect", str(pdf), "--text"])
    assert r.exit_code == 0 and r.stdout == read_document(pdf).text
    r = runner.invoke(app, ["inspect", str(corpus / "page.html")])
    assert r.exit_code == 0 and "format: html" in r.stdout and "成文: 2023-05-26" in r.stdout
    idx = tmp_path / "idx"
    r = runner.invoke(app, ["index", str(corpus), "--index", str(idx), "--model", "hash:64", "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["documents"] == 2
    r = runner.invoke(app, ["ask", "老年助餐每餐补贴多少钱", "--index", str(idx), "--json"])
    cites = json.loads(r.stdout)["citations"]
    assert any(c["source"] == "saved/plan.pdf" and c["page"] == 2 for c in cites)
