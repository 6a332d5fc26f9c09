"""Government web pages: the body text without page furniture, and the metadata the page states.

The body is the content container portals share (``#UCAP-CONTENT``, ``#zoom``, ``.TRS_Editor``, the
``ZJEG_RSS`` markers …), else the element holding most paragraph text. It becomes one line per block
(``<p>``, ``<br>``, ``<div>``), so the heading grammar applies to ``一、`` in bold spans and ``（一）`` in
楷体 spans alike; tables become pipe tables (``| a | b |``) as in ``.txt`` files. Scripts, styles,
navigation, share widgets, accessibility bars, "related links" and footers are dropped.

Metadata: the label–value block (索引号, 发文机关, 成文日期, 文　　号 …) outranks the ``<meta>`` tags
(``ArticleTitle``, ``PubDate``, ``ContentSource``, ``SiteName``, ``firstpublishedtime``). The label fields
are also written as ``label：value`` lines at the top of the text (page furniture: never in a chunk), so
a "when was it issued" answer can cite the page's own date line.

Why our own lxml extractor and not trafilatura (``python eval/html_extractors.py``; README, "Formats"):
on portal-like pages both keep the body, but trafilatura lets share/QR-code text into chunks (13 of 110
furniture phrases on the held-out pages, none here), loses heading lines (13 of 17 headings carried on
the design pages, all here) and is 6–10× slower; it would also add eight packages.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import IngestError
from .extraction import Extraction
from .labels import canonical_label, label_fields, normalise_fields

_DROP = {"script", "style", "noscript", "iframe", "object", "embed", "svg", "canvas", "template", "select",
         "option", "button", "input", "textarea", "map", "audio", "video", "head", "title", "link", "meta"}
_CHROME = ("nav", "footer", "aside", "header")
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tr", "section", "article",
          "dd", "dt", "dl", "blockquote", "center", "pre", "form", "fieldset", "address", "figure", "figcaption",
          "caption", "tbody", "thead", "tfoot", "main", "hr", "td", "th"}
# Widgets inside or around the body, by class or id.
_NOISE = re.compile(r"share|fenxiang|bdshare|print|qrcode|erweima|ewm|related|xglj|xgxx|xgwz|pagination|"
                    r"page-?nav|prev|next|breadcrumb|crumb|position|dqwz|footer|copyright|banquan|toolbar|"
                    r"wza|barrier|accessib|fontsize|font-size|zihao|comment|topbar|top-bar|search|login|menu|"
                    r"(?:^|[-_\s])nav", re.I)
# Body containers of common portal systems, most specific first.
_CONTAINERS = (("id", "UCAP-CONTENT"), ("id", "zoom"), ("id", "Zoom"), ("id", "fontzoom"), ("id", "info_cont"),
               ("id", "ivs_content"), ("id", "js_content"), ("class", "TRS_Editor"), ("class", "TRS_UEDITOR"),
               ("class", "article-content"), ("class", "article_content"), ("class", "articleContent"),
               ("class", "pages_content"), ("class", "zwnr"), ("class", "news_content"), ("class", "con_text"),
               ("class", "detail-content"), ("id", "content"), ("class", "content"), ("tag", "article"))
_ZJEG = re.compile(r"<!--\s*ZJEG_RSS\.content\.begin\s*-->(.*?)<!--\s*ZJEG_RSS\.content\.end\s*-->", re.S | re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.S)
_WS = re.compile(r"[ \t\r\n\f\v\xa0]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||——|--| - )\s*")
# <meta name=…> → (field, order within that field: the earliest name listed wins).
_META = {"articletitle": "title", "pubdate": "published_date", "firstpublishedtime": "published_date",
         "publishdate": "published_date", "contentsource": "source_org", "sitename": "site"}
# Label fields written at the top of the text, in this order, under these labels (furniture.py knows them).
_LABEL_LINES = (("index_number", "索引号"), ("topic", "主题分类"), ("issuer", "发文机关"), ("doc_number", "文号"),
                ("written_date", "成文日期"), ("published_date", "发布日期"), ("effective_date", "实施日期"),
                ("expiry_date", "失效日期"), ("validity", "有效性"))


def decode_html(raw: bytes, name: str) -> tuple[str, str]:
    """Page text and encoding: the declared charset when it decodes cleanly, else UTF-8/GB18030 detection."""
    from ..readers import decode

    m = _CHARSET.search(raw[:4096])
    if m:
        declared = m.group(1).decode("ascii").lower()
        declared = "gb18030" if declared in ("gb2312", "gbk", "gb_2312-80") else declared
        try:
            return raw.decode(declared).lstrip("\ufeff"), declared
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(raw, name)


class _Lines:
    """Collects rendered text, breaking lines at block boundaries."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._cur: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self._cur.append(text)

    def br(self) -> None:
        line = _WS.sub(" ", "".join(self._cur)).strip(" \u3000")
        self._cur = []
        if line:
            self.lines.append(line)


def _is_data_table(table: Any) -> bool:
    if table.xpath(".//table"):
        return False
    rows = table.xpath("./tr|./*/tr")
    if not rows:
        return False
    widths = [len(r.xpath("./td|./th")) for r in rows]
    if max(widths) < 2:
        return False
    longest = max((len(c.text_content()) for r in rows for c in r.xpath("./td|./th")), default=0)
    return longest <= 300


def _cell_text(cell: Any) -> str:
    out = _Lines()
    _walk(cell, out, tail=False)
    out.br()
    return " ".join(out.lines).replace("|", "｜")


def _walk(el: Any, out: _Lines, tail: bool = True) -> None:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag and tag not in _DROP:
        if tag == "br":
            out.br()
        elif tag == "table" and _is_data_table(el):
            out.br()
            for row in el.xpath("./tr|./*/tr"):
                cells = [_cell_text(c) for c in row.xpath("./td|./th")]
                if any(cells):
                    out.add("| " + " | ".join(cells) + " |")
                    out.br()
        else:
            block = tag in _BLOCK
            if block:
                out.br()
            out.add(el.text)
            for child in el:
                _walk(child, out)
            if block:
                out.br()
    if tail:
        out.add(el.tail)


def render_lines(el: Any) -> list[str]:
    """The text of an element as lines: one per block, tables as pipe rows."""
    out = _Lines()
    _walk(el, out, tail=False)
    out.br()
    return out.lines


def _by(doc: Any, kind: str, value: str) -> list[Any]:
    if kind == "id":
        return doc.xpath("//*[@id=$v]", v=value)
    if kind == "class":
        return doc.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), $v)]", v=f" {value} ")
    return doc.xpath(f"//{value}")


def _text_len(el: Any) -> int:
    return len(_CJK.findall(el.text_content()))


def _link_ratio(el: Any) -> float:
    total = len(el.text_content()) or 1
    return sum(len(a.text_content()) for a in el.xpath(".//a")) / total


def _find_container(doc: Any) -> Any:
    for kind, value in _CONTAINERS:
        for el in _by(doc, kind, value):
            if _text_len(el) >= 20 and _link_ratio(el) < 0.5:
                return el
    # No known container: the element whose paragraphs (or <br>-separated lines) hold the most text.
    credit: dict[Any, int] = {}
    for p in doc.xpath("//p|//br"):
        parent = p.getparent()
        if parent is not None and not _in_noise(parent):
            text = p.text_content() if p.tag == "p" else (p.tail or "")
            credit[parent] = credit.get(parent, 0) + len(_CJK.findall(text))
    body = doc.find("body")
    best = max(credit, key=credit.get, default=None)
    if best is None or credit[best] < 50:
        return body if body is not None else doc
    return best


def _in_noise(el: Any) -> bool:
    """True inside a footer, share box or other widget (by class or id)."""
    while el is not None and isinstance(el.tag, str):
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        if marks.strip() and _NOISE.search(marks):
            return True
        el = el.getparent()
    return False


def _drop(elements: list[Any]) -> None:
    for el in elements:
        parent = el.getparent()
        if parent is None:
            continue
        # Keep the tail text: it belongs to the parent, not to the dropped element.
        if el.tail and el.tail.strip():
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)


def _noise(el: Any) -> list[Any]:
    out = []
    for child in el.iter():
        if child is el or not isinstance(child.tag, str):
            continue
        marks = f"{child.get('class') or ''} {child.get('id') or ''}"
        if marks.strip() and _NOISE.search(marks):
            out.append(child)
    return out


def _label_tables(el: Any) -> list[Any]:
    """Tables inside the body that are metadata blocks (most rows start with a known label)."""
    out = []
    for table in el.xpath(".//table"):
        rows = table.xpath("./tr|./*/tr")
        labelled = sum(1 for r in rows if any(canonical_label(c.text_content()) for c in r.xpath("./td|./th")[:1]))
        if rows and labelled >= max(2, len(rows) // 2):
            out.append(table)
    return out


def _title_of(doc: Any, fields: dict[str, Any]) -> str | None:
    for h in doc.xpath("//h1|//h2|//*[contains(@class,'title')]"):
        text = _WS.sub(" ", h.text_content()).strip(" \u3000")
        if 4 <= len(text) <= 100 and _CJK.search(text):
            return text
    title = doc.find(".//title")
    if title is not None and title.text:
        parts = [p for p in _TITLE_SPLIT.split(title.text.strip()) if _CJK.search(p)]
        if parts:
            return parts[0]
    return None


def read_html(path: Any, raw: bytes) -> Extraction:
    """A web page → its body text, with the label block and meta tags as fields."""
    import lxml.html
    from lxml import etree

    text, encoding = decode_html(raw, str(path))
    text = _XML_DECL.sub("", text)
    zjeg = _ZJEG.search(text)
    try:
        doc = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise IngestError(f"{path}: is not a readable HTML page ({exc}); save the page again or as text") from None
    result = Extraction(text="", format="html", encoding=encoding)
    metas: dict[str, str] = {}
    for m in doc.xpath("//meta[@name and @content]"):
        name = m.get("name").strip().lower()
        if name in _META and m.get("content").strip():
            metas.setdefault(name, m.get("content").strip())
    etree.strip_elements(doc, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    _drop([e for e in doc.iter() if isinstance(e.tag, str) and e.tag.lower() in _DROP - {"title", "head"}])

    page_lines = render_lines(doc)
    labels = normalise_fields(label_fields(page_lines))
    for name, value in labels.items():
        result.set_field(name, value, "label")
    for name, field_name in _META.items():
        if name in metas:
            value = metas[name]
            if field_name == "published_date":
                from ..metadata import parse_date

                value = parse_date(value)
            result.set_field(field_name, value, "meta")
    result.set_field("title", _title_of(doc, result.fields), "page")  # the page's own heading, after label and meta
    title = result.fields.get("title")

    if zjeg:
        container = lxml.html.fragment_fromstring(zjeg.group(1), create_parent="div")
        etree.strip_elements(container, etree.Comment, with_tail=False)
        _drop([e for e in container.iter() if isinstance(e.tag, str) and e.tag.lower() in _DROP])
    else:
        _drop([e for e in doc.iter() if isinstance(e.tag, str) and e.tag.lower() in _CHROME])
        container = _find_container(doc)
    _drop(_noise(container) + _label_tables(container))
    body = render_lines(container)
    if not any(len(_CJK.findall(line)) >= 4 for line in body):
        raise IngestError(f"{path}: the HTML page has no body text (only navigation, scripts or images); "
                          "nothing to index")
    head = []
    if title and not any(_same(title, line) for line in body[:6]):
        head.append(title)
    head += [f"{label}：{result.fields[f]}" for f, label in _LABEL_LINES if f in result.fields]
    result.text = "\n".join(head + body) + "\n"
    return result


def _same(title: str, line: str) -> bool:
    a, b = _WS.sub("", title), _WS.sub("", line)
    return a == b or (len(a) >= 8 and a in b and len(b) <= len(a) + 10)
