"""Label–value metadata blocks of government pages (索引号, 发文机关, 成文日期, 文　　号 …).

Labels come padded with spaces or full-width spaces (``文　　号``, ``索 引 号``), in brackets (``【文号】``),
with or without a colon, as ``label：value`` runs on one line or as table cells (``| 索引号： | 0001 |``).
"""

from __future__ import annotations

import re
from typing import Any

# field → labels that name it (the first field whose label matches wins).
LABELS: dict[str, tuple[str, ...]] = {
    "index_number": ("索引号",),
    "topic": ("主题分类", "主题词", "信息分类", "体裁分类"),
    "issuer": ("发文机关", "发布机构", "发文机构", "发文单位", "发布单位", "制发机关", "颁布单位", "发布机关", "公开主体"),
    "source_org": ("信息来源", "文章来源", "来源"),
    "written_date": ("成文日期", "成文时间", "发文日期", "发文时间", "签发日期"),
    "published_date": ("发布日期", "发布时间", "公开日期", "公布日期", "颁布日期", "公开时间"),
    "effective_date": ("实施日期", "生效日期", "施行日期", "执行日期", "生效时间", "实施时间"),
    "expiry_date": ("失效日期", "废止日期", "有效期至", "失效时间"),
    "validity": ("有效性", "效力状态", "时效性", "是否有效", "效力"),
    "doc_number": ("发文字号", "文号", "文件编号", "发文编号"),
    "title": ("标题", "文件名称", "名称"),
    # Not metadata, but they end the value before them (来源：市民政局 浏览次数：12).
    "_stop": ("浏览次数", "访问次数", "点击数", "阅读次数", "字号", "字体", "作者", "责任编辑", "编辑", "分享到", "打印"),
}
DATE_FIELDS = ("written_date", "published_date", "effective_date", "expiry_date")
_PAD = r"[\s\u3000\xa0]*"
_ALL = sorted(((label, f) for f, labels in LABELS.items() for label in labels), key=lambda lf: -len(lf[0]))
_FIELD_OF = {label: f for label, f in _ALL}
_LABEL_ALT = "|".join(_PAD.join(map(re.escape, label)) for label, _ in _ALL)
# A label in running text needs a colon or brackets; a table cell may be the bare label.
_INLINE = re.compile(rf"(?:[【\[]{_PAD}(?P<b>{_LABEL_ALT}){_PAD}[】\]]{_PAD}[:：]?|(?<![\u4e00-\u9fff])(?P<c>{_LABEL_ALT}){_PAD}[:：])")
_CELL = re.compile(rf"^{_PAD}[【\[]?{_PAD}(?P<l>{_LABEL_ALT}){_PAD}[】\]]?{_PAD}[:：]?{_PAD}$")
_SPACES = re.compile(r"[\s\u3000\xa0]+")
_VALID = re.compile(r"失效|废止|已修改|已被修改|已宣布失效|有效")


def canonical_label(text: str) -> str | None:
    """The field a label names (``文　　号：`` → ``doc_number``), or None."""
    m = _CELL.match(text)
    return _FIELD_OF.get(_SPACES.sub("", m.group("l"))) if m else None


def label_fields(lines: list[str]) -> dict[str, str]:
    """Field values found in label–value lines (first occurrence of each field wins), values stripped."""
    found: dict[str, str] = {}

    def put(label: str, value: str) -> None:
        name = _FIELD_OF.get(_SPACES.sub("", label))
        value = _SPACES.sub(" ", value).strip(" ：:|")
        if name and name != "_stop" and value and name not in found and len(value) <= 200:
            found[name] = value

    for n, line in enumerate(lines):
        alone = _CELL.match(line)
        if alone and n + 1 < len(lines) and not _CELL.match(lines[n + 1]) and not _INLINE.search(lines[n + 1]):
            put(alone.group("l"), lines[n + 1])  # a label on its own line (<dt>), its value on the next (<dd>)
        elif "|" in line:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            for i, cell in enumerate(cells):
                m = _CELL.match(cell)
                if m and i + 1 < len(cells) and not _CELL.match(cells[i + 1]):
                    put(m.group("l"), cells[i + 1])
                elif not m:
                    _inline(cell, put)
        else:
            _inline(line, put)
    return found


def _inline(text: str, put: Any) -> None:
    matches = list(_INLINE.finditer(text))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        put(m.group("b") or m.group("c"), text[m.end():end])


def normalise_fields(raw: dict[str, str]) -> dict[str, Any]:
    """Dates to ISO (yyyy-mm-dd), validity to 有效/失效, the rest as given; unreadable values dropped."""
    from ..metadata import parse_date

    out: dict[str, Any] = {}
    for name, value in raw.items():
        if name in DATE_FIELDS:
            iso = parse_date(value)
            if iso:
                out[name] = iso
        elif name == "validity":
            m = _VALID.search(value)
            if m:
                out[name] = "有效" if m.group() == "有效" else "失效"
        else:
            out[name] = value
    return out
