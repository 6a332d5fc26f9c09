"""Heading markers of Chinese official documents (GB/T 9704 style) and how to recognise them.

``一、`` › ``(一)``/``（一）`` › ``1.``/``1、``/``１．`` › ``(1)``/``（1）`` › ``①``, plus ``第一章`` ``第一节``
``第一条``. Which level a marker type has is decided per document (see ``chunking``); this module only
says where a marker is, its type, its number, and where the heading text ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "[一二三四五六七八九十百零〇两]{1,5}"
_NUM = "[0-9０-９]{1,3}"

# Order matters: the first pattern that matches at a position wins.
_MARKERS: tuple[tuple[str, str], ...] = (
    ("chapter", rf"第{_CN}章"),
    ("section", rf"第{_CN}节"),
    ("article", rf"第{_CN}条"),
    ("cn_dun", rf"{_CN}、"),
    ("cn_paren", rf"[（(]{_CN}[)）]"),
    # 1. / 1、 / １． but not 1.1万人, 2.6亿元, 5.5%: no digit may follow the dot.
    ("num_dot", rf"{_NUM}(?:[.．](?![0-9０-９])|、)"),
    ("num_paren", rf"[（(]{_NUM}[)）]"),
    ("circled", "[①-⑳]"),
)
_MARKER_RE = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _MARKERS))
_INLINE_RE = re.compile("(?<=[。；;！？!? \t\u3000])(?:" + "|".join(pat for _, pat in _MARKERS) + ")")
# What may follow a marker: a CJK character, an opening quote or bracket (not a digit, unit or punctuation).
_AFTER = re.compile(r"\s*[\u4e00-\u9fff“‘\"《（(「【A-Za-z]")
# After a Chinese-numeral marker a year may follow (一、2024年工作总结); after 1. it may not (1.1万人).
_AFTER_CN = re.compile(r"\s*[\u4e00-\u9fff“‘\"《（(「【A-Za-z0-9０-９]")
# A bare number directly followed by text ("45做好…") counts only when it continues the numbering.
_BARE_NUM = re.compile(rf"(?P<bare>{_NUM})(?=[\u4e00-\u9fff])")
_SENTENCE_END_RE = re.compile("[。！？!?]")


@dataclass(frozen=True)
class Marker:
    """A heading marker found in text: its type, number and span (offsets into the text searched)."""

    kind: str
    number: int
    start: int
    end: int


def cn_to_int(s: str) -> int:
    """Chinese numeral to int: 一 → 1, 十 → 10, 十一 → 11, 二十 → 20, 三十五 → 35, 一百零二 → 102."""
    total, current = 0, 0
    for ch in s:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _CN_DIGITS.get(ch, 0)
    return total + current


def _number(kind: str, text: str) -> int:
    digits = re.sub(r"[^0-9０-９一二三四五六七八九十百零〇两①-⑳]", "", text)
    if kind == "circled":
        return ord(digits) - ord("①") + 1
    if digits and digits[0] in "0123456789０１２３４５６７８９":
        return int(digits.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    return cn_to_int(digits.lstrip("第"))


def marker_at(text: str, pos: int = 0) -> Marker | None:
    """The heading marker starting exactly at ``pos`` (leading spaces skipped), or None."""
    while pos < len(text) and text[pos] in " \t\u3000":
        pos += 1
    m = _MARKER_RE.match(text, pos)
    if m is None:
        return None
    kind = m.lastgroup or ""
    after = _AFTER if kind in ("num_dot", "num_paren", "circled") else _AFTER_CN
    if not after.match(text, m.end()):
        return None
    number = _number(kind, m.group())
    if number <= 0 or number > 300:
        return None
    return Marker(kind, number, m.start(), m.end())


def bare_number_at(text: str, pos: int = 0) -> Marker | None:
    """A number without its dot (``45做好…``): the caller accepts it only if it continues a ``1.`` sequence."""
    m = _BARE_NUM.match(text, pos)
    if m is None:
        return None
    return Marker("num_dot", _number("num_dot", m.group()), m.start(), m.end())


def inline_candidates(text: str) -> list[Marker]:
    """Markers that follow a sentence end or a space inside a line (headings that lost their line break)."""
    found = []
    for m in _INLINE_RE.finditer(text):  # the preceding character is checked by the regex, in C
        marker = marker_at(text, m.start())
        if marker is not None:
            found.append(marker)
    return found


def heading_end(segment: str, marker_end: int) -> tuple[int, bool]:
    """Where the heading text ends in a segment that starts with a marker, and whether it stands alone.

    A heading that opens a paragraph (``19.深化殡葬综合改革。深化…``) ends at the first sentence end; a
    standalone heading (``一、工作思路``) is the whole segment.
    """
    body = segment[marker_end:]
    end = _SENTENCE_END_RE.search(body)
    if end is not None:
        i = end.start()
        return marker_end + i, not body[i + 1:].strip()
    stripped = segment.rstrip()
    if len(stripped) <= 60:
        return len(stripped), True
    for i, ch in enumerate(body[:60]):
        if ch in "；;：:":
            return marker_end + i, False
    return marker_end + min(len(body), 40), False
