"""Page furniture: web-page header/footer lines that carry metadata or nothing, never content."""

from __future__ import annotations

import re

# Lines that are furniture wherever they occur.
_ANYWHERE = re.compile(
    r"^\s*(?:"
    r"索引号\s*[:：]|发布机构\s*[:：]|发文时间\s*[:：]|文号\s*[:：]|主题分类\s*[:：]|登记号\s*[:：]"
    r"|公开日期\s*[:：]|发布时间\s*[:：]|访问次数\s*[:：]?|信息来源\s*[:：]|来源\s*[:：]|浏览次数"
    r"|扫一扫在手机上查看当前页面|【\s*打印\s*】|打印本页|关闭窗口|分享到"
    r")"
)


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        spans.append((pos, pos + len(stripped)))
        pos += len(line)
    return spans


def is_furniture_line(line: str) -> bool:
    """True for a line that is page furniture (索引号/发布机构/访问次数/扫一扫…)."""
    return bool(_ANYWHERE.match(line))


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (whole lines) of ``text`` that are page furniture and not content."""
    return [(s, e) for s, e in line_spans(text) if is_furniture_line(text[s:e])]
