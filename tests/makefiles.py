"""Files of every format, made by the tests themselves: DOCX (python-docx), PDF (reportlab's built-in
STSong-Light CID font, no font file needed), OFD (a zip of XML pages), and broken variants."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

TITLE = "金华市民政局关于做好2025年养老服务工作的通知"
PAGE1 = [TITLE, "一、总体要求",
         "坚持以人民为中心的发展思想，全面提升养老服务质量，到2025年底全市养老机构护理型床位占比达到60%以上，",
         "持续推进居家社区养老服务网络建设。", "（一）扩大助餐服务", "每个乡镇（街道）至少建成一个老年食堂。"]
PAGE2 = ["二、保障措施", "各县（市、区）要落实老年助餐补贴资金，每餐补贴3元，所需资金由市县两级财政按比例承担。",
         "金华市民政局", "2025年3月1日"]


def pdf_bytes(pages: list[list[str]] = (PAGE1, PAGE2), image_page: bool = False, password: str | None = None,
              title: str | None = TITLE) -> bytes:
    """A Chinese PDF, one page per list of lines; ``image_page`` adds a page that is only a picture."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=password)
    if title:
        c.setTitle(title)
    for n, lines in enumerate(pages, start=1):
        c.setFont("STSong-Light", 14)
        y = 800
        for line in lines:
            c.drawString(50, y, line)
            y -= 24
        c.drawString(280, 40, f"— {n} —")
        c.showPage()
    if image_page:
        from PIL import Image, ImageDraw

        img = Image.new("RGB", (400, 200), "white")
        ImageDraw.Draw(img).rectangle([20, 20, 380, 180], outline="black", width=3)
        c.drawImage(ImageReader(img), 100, 400, width=400, height=200)
        c.showPage()
    c.save()
    return buf.getvalue()


def docx_bytes() -> bytes:
    """A 公文-style Word file: bold/黑体 run headings, 楷体 (一), automatic numbering, a Heading style, a table."""
    import docx

    d = docx.Document()
    d.core_properties.title = TITLE
    d.add_paragraph(TITLE)
    p = d.add_paragraph()
    r = p.add_run("一、总体要求")
    r.bold = True
    r.font.name = "黑体"
    d.add_paragraph("坚持以人民为中心的发展思想，全面提升养老服务质量。")
    p = d.add_paragraph()
    p.add_run("（一）扩大助餐服务。").font.name = "楷体"
    p.add_run("每个乡镇（街道）至少建成一个老年食堂。")
    for text in ("建设幸福食堂20家。", "开展助餐配送服务，覆盖所有行政村。"):
        d.add_paragraph(text, style="List Number")
    d.add_heading("主要指标", level=1)
    rows = [["序号", "主要指标", "2025年目标值", "指标属性"]] + [
        [str(i), f"第{i}项指标：养老服务设施覆盖率（社区居家养老服务中心、站点、幸福食堂）", f"{60 + i}%", "约束性"]
        for i in range(1, 13)]
    table = d.add_table(rows=len(rows), cols=4)
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    d.add_paragraph("金华市民政局")
    d.add_paragraph("2025年3月1日")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


_OFD_NS = "http://www.ofdspec.org/2016"


def _content(lines: list[str], prefix: str) -> str:
    objs = []
    for i, line in enumerate(lines):
        # Written in reverse order on purpose: reading order must come from positions, not from the XML.
        y = 20 + 8 * i
        objs.append(f'<{prefix}TextObject ID="{100 + i}" Boundary="20 {y} 170 7" Font="1" Size="5">'
                    f'<{prefix}TextCode X="0" Y="5" DeltaX="g {max(len(line) - 1, 0)} 5">{line}</{prefix}TextCode>'
                    f'</{prefix}TextObject>')
    ns = f' xmlns:{prefix[:-1]}="{_OFD_NS}"' if prefix else f' xmlns="{_OFD_NS}"'
    return (f'<?xml version="1.0" encoding="UTF-8"?><{prefix}Page{ns}><{prefix}Content><{prefix}Layer ID="2">'
            + "".join(reversed(objs)) + f"</{prefix}Layer></{prefix}Content></{prefix}Page>")


def ofd_bytes(pages: list[list[str]] = (PAGE1, PAGE2), prefix: str = "ofd:") -> bytes:
    """An OFD package: OFD.xml → Doc_0/Document.xml → Pages/Page_N/Content.xml (``prefix`` '' = default ns)."""
    p = prefix
    ns = f' xmlns:{p[:-1]}="{_OFD_NS}"' if p else f' xmlns="{_OFD_NS}"'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><{p}OFD{ns} Version="1.1" DocType="OFD">'
                              f"<{p}DocBody><{p}DocInfo><{p}DocID>abc</{p}DocID><{p}Title>{TITLE}</{p}Title>"
                              f"<{p}CreationDate>2025-03-02</{p}CreationDate><{p}CustomDatas>"
                              f'<{p}CustomData Name="文号">金民〔2025〕7号</{p}CustomData></{p}CustomDatas></{p}DocInfo>'
                              f"<{p}DocRoot>Doc_0/Document.xml</{p}DocRoot></{p}DocBody></{p}OFD>")
        refs = "".join(f'<{p}Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
        z.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><{p}Document{ns}><{p}CommonData>'
                                         f"<{p}PageArea><{p}PhysicalBox>0 0 210 297</{p}PhysicalBox></{p}PageArea>"
                                         f"</{p}CommonData><{p}Pages>{refs}</{p}Pages></{p}Document>")
        for i, lines in enumerate(pages):
            z.writestr(f"Doc_0/Pages/Page_{i}/Content.xml", _content(lines, p))
    return buf.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
