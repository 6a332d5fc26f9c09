"""Word (.docx) with python-docx: paragraphs and tables in document order.

公文 headings are usually direct formatting (黑体/楷体 runs) plus numbering typed as text (一、 （一）),
which the heading grammar finds on its own. Two things the text alone would lose are added here:
automatic list numbering (Word's ``numPr``: the number the reader sees, 一、 or 1. or ①, is written in
front of the paragraph) and Heading styles (``Heading 1``/``标题 1`` paragraphs are headings even without
a number). Tables become pipe tables, one row per line, merged cells once.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ..errors import IngestError
from .extraction import Extraction

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
_CN = "〇一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"


def _cn_number(n: int) -> str:
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n % 10] if n % 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def format_number(n: int, fmt: str) -> str:
    """A list counter as Word shows it for a ``w:numFmt`` value."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital"):
        return _cn_number(n)
    if fmt == "decimalEnclosedCircleChinese" or fmt == "decimalEnclosedCircle":
        return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else str(n)
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        r = _roman(n)
        return r.lower() if fmt == "lowerRoman" else r
    return str(n)


class _Numbering:
    """Word's automatic numbering: the level definitions of each list and running counters."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in root.iter(f"{_W}abstractNum"):
            lv: dict[int, tuple[str, str, int]] = {}
            for lvl in an.iter(f"{_W}lvl"):
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                lv[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    fmt.get(f"{_W}val") if fmt is not None else "decimal",
                    text.get(f"{_W}val") if text is not None else "",
                    int(start.get(f"{_W}val")) if start is not None else 1)
            abstract[an.get(f"{_W}abstractNumId")] = lv
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None:
                self.levels[num.get(f"{_W}numId")] = abstract.get(ref.get(f"{_W}val"), {})

    def label(self, num_id: str, ilvl: int) -> str:
        """The number text of the next paragraph of list ``num_id`` at level ``ilvl`` (``一、``, ``1.``)."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt, text, _ = levels[ilvl]
        if fmt in ("bullet", "none"):
            return ""

        def sub(m: re.Match) -> str:
            level = int(m.group(1)) - 1
            if level not in levels:
                return ""
            value = counters.get(level, levels[level][2])
            return format_number(value, levels[level][0])

        return re.sub(r"%(\d)", sub, text)


class _Styles:
    """Paragraph styles by id, read once: python-docx's ``paragraph.style`` re-scans the styles part on
    every call, which made reading a long file slow."""

    def __init__(self, document: Any) -> None:
        self.names: dict[str, str] = {}
        self.based_on: dict[str, str] = {}
        self.numbering: dict[str, tuple[str, int]] = {}
        self.default: str | None = None
        for st in document.styles.element.iter(f"{_W}style"):
            sid = st.get(f"{_W}styleId")
            if sid is None or st.get(f"{_W}type") not in (None, "paragraph"):
                continue
            name = st.find(f"{_W}name")
            self.names[sid] = name.get(f"{_W}val") if name is not None else sid
            based = st.find(f"{_W}basedOn")
            if based is not None:
                self.based_on[sid] = based.get(f"{_W}val")
            num = st.find(f"{_W}pPr/{_W}numPr")
            if num is not None:
                nid, lvl = num.find(f"{_W}numId"), num.find(f"{_W}ilvl")
                self.numbering[sid] = (nid.get(f"{_W}val") if nid is not None else "0",
                                       int(lvl.get(f"{_W}val")) if lvl is not None else 0)
            if st.get(f"{_W}default") in ("1", "true", "on"):
                self.default = sid

    def of(self, paragraph: Any) -> str | None:
        ppr = paragraph._p.pPr
        if ppr is not None and ppr.pStyle is not None:
            return ppr.pStyle.val
        return self.default

    def name(self, sid: str | None) -> str:
        return self.names.get(sid or "", "")

    def num_pr(self, paragraph: Any) -> tuple[str, int] | None:
        """(numId, level) of a paragraph's automatic numbering, from the paragraph or its style chain."""
        ppr = paragraph._p.pPr
        if ppr is not None and ppr.numPr is not None and ppr.numPr.numId is not None:
            num_id = str(ppr.numPr.numId.val)
            ilvl = ppr.numPr.ilvl
            return None if num_id == "0" else (num_id, int(ilvl.val) if ilvl is not None else 0)
        sid, hops = self.of(paragraph), 0
        while sid is not None and hops < 5:
            if sid in self.numbering:
                num_id, ilvl = self.numbering[sid]
                return None if num_id == "0" else (num_id, ilvl)
            sid, hops = self.based_on.get(sid), hops + 1
        return None


def _cell_text(cell: Any) -> str:
    text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
    return re.sub(r"\s+", " ", text).replace("|", "｜")


def _table_lines(table: Any) -> list[str]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a horizontally merged cell is returned once per grid column
                continue
            seen.add(id(cell._tc))
            cells.append(_cell_text(cell))
        if any(cells):
            rows.append(cells)
    if rows and max(len(r) for r in rows) == 1:  # a one-column table is a framed box of text, not a table
        return [r[0] for r in rows if r[0]]
    return ["| " + " | ".join(r) + " |" for r in rows]


def _blocks(parent: Any, document: Any) -> Any:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in parent.iterchildren():
        if child.tag == f"{_W}p":
            yield Paragraph(child, document)
        elif child.tag == f"{_W}tbl":
            yield Table(child, document)
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content, document)


def read_docx(path: Any, raw: bytes, fmt: str = "docx") -> Extraction:
    """A Word document → its text; Heading-style paragraphs are marked as headings for the chunker."""
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(f"{path}: is not a readable Word (DOCX) file ({exc.__class__.__name__}); "
                          "open and save it again in Word or WPS") from None
    result = Extraction(text="", format=fmt, encoding=fmt)
    numbering = _Numbering(document)
    styles = _Styles(document)
    lines: list[str] = []
    pos = 0
    for block in _blocks(document.element.body, document):
        if isinstance(block, Table):
            new = _table_lines(block)
        else:
            text = block.text.replace("\t", " ").strip(" \u3000")
            if not text.strip():
                continue
            num = styles.num_pr(block)
            if num is not None:
                text = numbering.label(*num) + text
            m = _HEADING_STYLE.match(styles.name(styles.of(block)))
            if m:
                result.heading_lines[pos] = int(m.group(1))
            new = [ln for ln in text.split("\n") if ln.strip()]
        for line in new:
            lines.append(line)
            pos += len(line) + 1
    result.text = "\n".join(lines) + "\n"
    props = document.core_properties
    if props.title and re.search(r"[\u4e00-\u9fff]", props.title):
        result.set_field("title", props.title.strip(), "properties")
    if not re.search(r"[\u4e00-\u9fff]|\w{3}", result.text):
        raise IngestError(f"{path}: the Word file has no text (only images or empty pages); nothing to index")
    return result
