"""Page furniture: web-page header/footer lines that carry metadata or nothing, never content."""

from __future__ import annotations

import re

# Lines that are furniture wherever they occur.
_ANYWHERE = re.compile(
    r"^\s*(?:"
    r"索引号\s*[:：]|发布机构\s*[:：]|发文机关\s*[:：]|发文时间\s*[:：]|成文日期\s*[:：]|文号\s*[:：]|发文字号\s*[:：]"
    r"|主题分类\s*[:：]|登记号\s*[:：]|公开日期\s*[:：]|发布日期\s*[:：]|发布时间\s*[:：]|访问次数\s*[:：]?"
    r"|浏览次数|信息来源\s*[:：]|来源\s*[:：]|公开方式\s*[:：]|公开范围\s*[:：]"
    r"|扫一扫在手机上查看当前页面|【\s*打印\s*】|打印本页|关闭窗口|分享到"
    # Label lines that readers of web pages write at the top of a page's text (formats/html.py).
    r"|实施日期\s*[:：]|失效日期\s*[:：]|有效性\s*[:：]|生效日期\s*[:：]|废止日期\s*[:：]|主题词\s*[:：]"
    r"|发文日期\s*[:：]|字号\s*[:：]|当前位置\s*[:：]|您当前的位置\s*[:：]|您现在的位置\s*[:：]"
    # Page numbers of printed documents (PDF, OFD): — 3 —, - 3 -, 第3页 共9页.
    r"|[—–\-－]\s*\d{1,4}\s*[—–\-－]\s*$|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?\s*$"
    r")"
)
# Site footers, wherever the phrase stands in a short line.
_FOOTER = re.compile(r"版权所有|ICP备|网站标识码|公网安备|技术支持\s*[:：]|主办单位\s*[:：]|承办单位\s*[:：]|Copyright\s*©?", re.I)
# Lines shaped like metadata values (an index number, a bare date, a disclosure type).
_VALUE = re.compile(
    r"^\s*(?:[0-9A-Z]{6,}[0-9A-Z/\-]*(?:/\d{4}-\d+)?"
    r"|\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|主动公开|依申请公开|不予公开)\s*$"
)
_HEAD_LINES = 15


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
    """True for a line that is page furniture wherever it stands (索引号/发布机构/访问次数/扫一扫…)."""
    return bool(_ANYWHERE.match(line)) or (len(line) <= 120 and bool(_FOOTER.search(line)))


def _metadata_shaped(line: str) -> bool:
    return is_furniture_line(line) or bool(_VALUE.match(line))


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (whole lines) of ``text`` that are page furniture and not content.

    Besides lines that are furniture anywhere, a page header block is recognised: near the top, the
    lines from the first to the last metadata-shaped line (index number, bare date, 主动公开…) when
    everything between them is short label-like text (``市民政局``, ``工作计划与总结``).
    """
    spans = line_spans(text)
    out = {i for i, (s, e) in enumerate(spans) if is_furniture_line(text[s:e])}
    head = [i for i, (s, e) in enumerate(spans[:_HEAD_LINES]) if _metadata_shaped(text[s:e])]
    if len(head) >= 2:
        first, last = head[0], head[-1]
        between = [text[s:e].strip() for s, e in spans[first:last + 1]]
        if all(len(t) <= 30 and "。" not in t for t in between):
            out.update(range(first, last + 1))
    return [spans[i] for i in sorted(out)]
