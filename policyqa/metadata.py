"""Document metadata: title, issuer, date, 文号 and place, from page furniture, signature, title and text.

User metadata (sidecars, ``metadata.jsonl``: ``sidecars.py``) overrides anything inferred.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from .furniture import furniture_spans, line_spans
from .headings import marker_at
from .regions import find_places, infer_region

log = logging.getLogger(__name__)

_DATE = re.compile(r"(\d{4})\s*(?:[-./]|年)\s*(\d{1,2})\s*(?:[-./]|月)\s*(\d{1,2})\s*日?")
_CN_DATE = re.compile(r"([二〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*号")
_TITLE_END = re.compile(r"(要点|计划|总结|规划|方案|意见|通知|办法|条例|规定|细则|报告|纲要|决定|公告|通告|批复|函|安排|思路)$")
_ISSUER = re.compile(r"^[\u4e00-\u9fff]{0,12}(?:民政局|民政厅|人民政府|政府办公室|办公厅|委员会|局|厅|委|办公室)$")
_ISSUER_IN = re.compile(r"(?:[\u4e00-\u9fff]{0,10}?(?:省|市|县|区))?(?:民政局|民政厅)")
_MD_TITLE = re.compile(r"^#\s+(\S.*)$")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_SALUTATION = re.compile(r"[:：]\s*$")
_BARE_LEVEL = {"省": "province", "市": "city", "县": "county", "区": "district"}


def _iso(y: int, m: int, d: int) -> str | None:
    if 1949 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO ``yyyy-mm-dd`` (2025-04-30, 2023年3月2日, 二〇二三年三月二日)."""
    m = _DATE.search(text)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _CN_DATE.search(text)
    if m:
        from .headings import cn_to_int

        digits = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
                  "六": "6", "七": "7", "八": "8", "九": "9"}
        year = int("".join(digits[c] for c in m.group(1)))
        return _iso(year, cn_to_int(m.group(2)), cn_to_int(m.group(3)))
    return None


def _furniture_fields(text: str) -> dict[str, str]:
    """Values from page-furniture lines: 发布机构 and a date, in either `key: value` or pipe-table form."""
    fields: dict[str, str] = {}
    for s, e in furniture_spans(text):
        line = text[s:e]
        cells = [c.strip() for c in re.split(r"[|｜]", line)]
        for i, cell in enumerate(cells):
            key, _, value = cell.partition(":") if ":" in cell else cell.partition("：")
            key = key.strip()
            value = value.strip() or (cells[i + 1] if i + 1 < len(cells) and not re.search(r"[:：]", cells[i + 1]) else "")
            if key in ("发布机构", "发文机关") and value and "issuer" not in fields and _ISSUER.match(value):
                fields["issuer"] = value
            if key in ("文号", "发文字号") and value and _DOC_NUMBER.search(value):
                fields["doc_number"] = _DOC_NUMBER.search(value).group()
        date = parse_date(line)
        if date and "date" not in fields:
            fields["date"] = date
    return fields


def _content_lines(text: str) -> list[str]:
    skip = set(furniture_spans(text))
    return [text[s:e].strip() for s, e in line_spans(text) if (s, e) not in skip and text[s:e].strip()]


def _signature(lines: list[str]) -> tuple[str | None, str | None]:
    """An issuer line followed by a date line (``厦门市民政局`` / ``2023年3月2日``), anywhere in the text."""
    for a, b in zip(lines, lines[1:]):
        if len(a) <= 20 and _ISSUER.match(a) and len(b) <= 16:
            date = parse_date(b)
            if date:
                return a, date
    return None, None


_ADOPTED = re.compile(r"^[(（]?\s*(?:[\d０-９]{4}\s*年\s*[\d０-９]{1,2}\s*月\s*[\d０-９]{1,2}\s*日)?\s*"
                      r"(?P<organ>[^\s，。,、《》()（）]{2,40}?(?:人民代表大会|人民代表会|人大|人民政府))")
_ADOPTION_VERB = re.compile(r"通过|修订|修正|公布|发布")


def adopting_organ(lines: list[str]) -> str | None:
    """The organ that adopted a regulation or rule, from its adoption history before the text
    (``2011年11月17日 上海市第十三届人民代表大会常务委员会第三十次会议通过`` → ``上海市第十三届人民代表大会``); a line on
    which a higher organ approves (批准) a lower one's regulation is not its adoption."""
    for line in lines[:12]:
        line = line.lstrip("#* ")
        if marker_at(line) or line.startswith("第"):
            break
        m = _ADOPTED.match(line)
        if m and "批准" not in line and _ADOPTION_VERB.search(line):
            return m.group("organ")
    return None


def _title(lines: list[str]) -> str | None:
    """A short line that names a document (…工作要点, …规划), skipping salutations and headings; a Markdown
    file's first-level heading (``# 上海市养犬管理条例``) is its title whatever its length."""
    for line in lines[:5]:
        m = _MD_TITLE.match(line)
        if m and len(m.group(1)) <= 120:
            return m.group(1).strip()
    lines = [_MD_HEADING.sub("", line) for line in lines]
    for line in lines[:60]:
        if len(line) > 40 or "。" in line or _SALUTATION.search(line) or marker_at(line) or "|" in line:
            continue
        if _TITLE_END.search(line):
            return line
    for line in lines[:10]:
        m = re.search(r"《([^》]{4,40})》", line)
        if m and "印发" in line:
            return m.group(1)
    return None


def _derived_title(lines: list[str], who: str) -> str | None:
    """A title for a document that states none: its kind (本规划 → 规划) or its first heading, after the issuer."""
    preamble = "".join(ln for ln in lines[:3] if not marker_at(ln))
    m = re.search(r"(?:制定|编制|印发)?本(规划|方案|计划|意见|办法|要点|细则)", preamble)
    if m:
        plan = "“十四五”" if "十四五" in preamble else ""
        return f"{who}{plan}{m.group(1)}" if who else None
    heading = next((ln for ln in lines if marker_at(ln)), None)
    if heading is None:
        return None
    mk = marker_at(heading)
    base = heading[mk.end:].strip().rstrip("。") if mk else heading
    return f"{who}：{base}" if who else base


def is_expired(meta: dict[str, Any], today: str | None = None) -> bool:
    """True when a document is past its 失效日期, or its page says it is no longer in force (失效/废止)."""
    import datetime

    if meta.get("validity") == "失效":
        return True
    expiry = meta.get("expiry_date")
    today = today or datetime.date.today().isoformat()
    return bool(expiry) and str(expiry) < today


def extract_metadata(text: str, source: str, fields: dict[str, Any] | None = None,
                     field_sources: dict[str, str] | None = None) -> dict[str, Any]:
    """Metadata of a document: ``title``, ``title_source``, ``issuer``, ``issuer_level``, ``date``,
    ``written_date`` (成文), ``published_date`` (发布), ``effective_date`` (实施), ``expiry_date`` (失效),
    ``validity``, ``expired``, ``doc_number``, ``region``.

    ``fields`` are what the file states about itself (a page's label block and meta tags, a PDF's or Word
    file's properties), with ``field_sources`` saying where each came from. Precedence: the label block >
    meta tags > inference from the text > document properties (often a template's leftovers). ``date`` is
    the document's own date: 成文 (written; the signature date when no label gives it), else 发布.
    """
    from .formats.labels import label_fields, normalise_fields

    fields = dict(fields or {})
    sources = field_sources or {}
    weak = {k: fields.pop(k) for k in list(fields) if sources.get(k) == "properties"}
    furniture = _furniture_fields(text)
    labelled = normalise_fields(label_fields([text[s:e] for s, e in furniture_spans(text)]))
    lines = _content_lines(text)
    sig_issuer, sig_date = _signature(lines)
    title, title_source = fields.get("title"), "furniture"
    if title is None:
        title, title_source = _title(lines), "file"
    if title is None and weak.get("title"):
        title, title_source = weak["title"], "furniture"
    if title and title_source == "furniture" and title in lines:
        title_source = "file"  # the page states it as its heading, not only in its metadata
    source_org = fields.get("source_org") or labelled.get("source_org")
    issuer = fields.get("issuer") or furniture.get("issuer")
    if issuer is None and source_org and _ISSUER.match(source_org):
        issuer = source_org
    issuer = issuer or sig_issuer
    if issuer is None and title:
        m = _ISSUER_IN.match(title)
        issuer = m.group() if m else None
    issuer = issuer or weak.get("issuer")
    written = fields.get("written_date") or labelled.get("written_date") or sig_date
    published = fields.get("published_date") or labelled.get("published_date")
    date = written or published or furniture.get("date") or weak.get("written_date")
    doc_number = fields.get("doc_number") or furniture.get("doc_number")
    # What the document says of itself decides its place, in this order; a page's site and source only say
    # what it lies within, and document properties are often a template's leftovers.
    strong_issuer = issuer if issuer != weak.get("issuer") else None
    hints = [h for h in (strong_issuer, adopting_organ(lines), sig_issuer, title) if h]
    region = infer_region(text, hints, [h for h in (fields.get("site"), source_org, weak.get("issuer")) if h])
    issuer_level = None
    if issuer and issuer[0] in _BARE_LEVEL:
        # An unnamed issuer (市民政局, 区民政局) says its level; "市" in a 舟山 document is 舟山市.
        issuer_level = _BARE_LEVEL[issuer[0]]
        if issuer_level == "city" and region.city:
            issuer = region.city + issuer[1:]
    elif issuer:
        places = find_places(issuer)
        if places:
            issuer_level = places[-1][0].level
    if title is None:
        title, title_source = _derived_title(lines, issuer or region.name or ""), "derived"
    out = {"title": title, "title_source": title_source if title else None, "issuer": issuer,
           "issuer_level": issuer_level, "date": date, "doc_number": doc_number, "region": region,
           "written_date": written, "published_date": published,
           "effective_date": fields.get("effective_date") or labelled.get("effective_date"),
           "expiry_date": fields.get("expiry_date") or labelled.get("expiry_date"),
           "validity": fields.get("validity") or labelled.get("validity")}
    out["expired"] = is_expired(out)
    return out
