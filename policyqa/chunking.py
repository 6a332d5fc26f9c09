"""Documents → heading tree → chunks whose offsets point exactly into the decoded file text.

Levels are decided per document: a marker type's level is the order in which the type first appears
(``一、`` then ``(一)`` then ``1.`` in one file; ``一、`` then ``1.`` in another), and a heading closes every
open heading of its own or a deeper level. Tables of contents, tables and page furniture are recognised
before headings so they never become sections.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .headings import Marker, bare_number_at, heading_end, inline_candidates, marker_at
from .models import Chunk

# Bumped whenever the same text is cut into other chunks, so that an index built by an older policyqa is
# chunked again (``policyqa index``; unchanged chunk texts keep their cached vectors). 2: list items are text.
# 3: every item inside an article is the article's text, a long one too (it had been a heading of its own).
CHUNKER_VERSION = 3
TOC_HEADING = "目录"
TABLE_HEADER_PREFIX = "表头: "
_SENT_BREAK = re.compile(r"[。！？!?；;]+[”’」』）)]*|\n")
_CLAUSE_BREAK = re.compile(r"[，,、：:]")
_TOC_WORD = re.compile(r"^\s*目\s*录\s*$")


@dataclass
class _Line:
    start: int
    end: int
    text: str
    gap: bool = False  # excluded text (page furniture) lies between this line and the previous one
    styled: int = 0  # heading level the file gives this line (a Word Heading style), 0 if none


@dataclass
class _Node:
    rank: int
    heading: str
    standalone: bool
    path: list[str]
    has_children: bool = False
    article: bool = False


@dataclass
class _Region:
    kind: str  # 'text', 'table' or 'toc'
    start: int
    end: int
    owner: _Node | None
    path: list[str]
    rows: list[tuple[int, int]] = field(default_factory=list)
    header: str | None = None


def _lines(text: str, exclude: Sequence[tuple[int, int]], styled: dict[int, int] | None = None) -> list[_Line]:
    """Non-blank lines outside the excluded spans, with their offsets (and heading levels from ``styled``)."""
    out = []
    pos = 0
    spans = sorted(exclude)
    at = 0  # lines come in order: spans that end before a line are never looked at again
    gap = False
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        start, end = pos, pos + len(line)
        pos += len(raw)
        if not line.strip():
            continue
        while at < len(spans) and spans[at][1] <= start:
            at += 1
        if at < len(spans) and spans[at][0] < end and start < spans[at][1]:
            gap = True
            continue
        out.append(_Line(start, end, line, gap, (styled or {}).get(start, 0)))
        gap = False
    return out


def _is_table_line(line: str) -> bool:
    return line.count("|") >= 2


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("|") if c.strip()]


class _Numbering:
    """Tracks marker types in order of first appearance and the last number seen of each."""

    def __init__(self) -> None:
        self.rank: dict[str, int] = {}
        self.last: dict[str, int] = {}
        self.higher_since: dict[str, bool] = {}

    def rank_of(self, kind: str) -> int:
        if kind not in self.rank:
            self.rank[kind] = len(self.rank)
        return self.rank[kind]

    def continues(self, m: Marker) -> bool:
        """True when ``m`` is the next number of its type, or 1 after a higher heading restarted the count."""
        last = self.last.get(m.kind, 0)
        return m.number == last + 1 or (m.number == 1 and self.higher_since.get(m.kind, False))

    def seen(self, m: Marker) -> None:
        r = self.rank_of(m.kind)
        self.last[m.kind] = m.number
        self.higher_since[m.kind] = False
        for kind, other in self.rank.items():
            if other > r:
                self.higher_since[kind] = True


def _heading_only(line: str) -> bool:
    """A short line that is a marker plus a title and nothing else (as in a table of contents)."""
    m = marker_at(line)
    if m is None:
        return False
    end, standalone = heading_end(line, m.end)
    return standalone and len(line.strip()) <= 40


def _find_toc(lines: list[_Line]) -> tuple[int, int] | None:
    """Index range [i, j) of a table of contents: a run of ≥5 heading-only lines whose titles recur later."""
    i = 0
    while i < len(lines):
        if _TOC_WORD.match(lines[i].text) or _heading_only(lines[i].text):
            j = i + 1 if _TOC_WORD.match(lines[i].text) else i
            while j < len(lines) and _heading_only(lines[j].text):
                j += 1
            run = [ln.text.strip() for ln in lines[i:j] if _heading_only(ln.text)]
            if len(run) >= 5:
                later = "\n".join(ln.text for ln in lines[j:])
                titles = [_title_key(t) for t in run]
                recurring = sum(1 for t in titles if t and t in later)
                if recurring >= max(3, len(run) // 4):
                    return i, j
            i = max(j, i + 1)
        else:
            i += 1
    return None


def _title_key(heading: str) -> str:
    m = marker_at(heading)
    title = heading[m.end:] if m else heading
    return title.strip().rstrip("。")[:12]


def _segments(line: _Line, numbering: _Numbering) -> list[tuple[int, int, Marker | None]]:
    """Split a line at headings that lost their line break; (start, end, marker) in line offsets."""
    cuts: list[Marker] = []
    first = marker_at(line.text)
    if first is None and line.styled:
        # A heading by style, without a number: a marker type of its own per style level.
        first = Marker(f"style{line.styled}", 1, 0, 0)
    if first is None:
        bare = bare_number_at(line.text)
        if bare is not None and numbering.last.get("num_dot", 0) and numbering.continues(bare):
            first = bare
    probe = _Numbering()
    probe.rank, probe.last, probe.higher_since = dict(numbering.rank), dict(numbering.last), dict(numbering.higher_since)
    if first is not None:
        probe.seen(first)
    for m in inline_candidates(line.text):
        if first is not None and m.start <= first.start:
            continue
        if probe.continues(m) and (m.kind in probe.rank or m.number == 1):
            cuts.append(m)
            probe.seen(m)
    bounds = [0] + [m.start for m in cuts] + [len(line.text)]
    markers: list[Marker | None] = [first] + list(cuts)
    return [(bounds[k], bounds[k + 1], markers[k]) for k in range(len(markers))]


def _list_item(segment: str, rank: int, stack: list[_Node], standalone: bool) -> bool:
    """Whether a marker segment is an item of a list rather than a heading: it sits inside an article (第九条
    …下列行为：(一)…；(二)…。), where numbered items are the article's own text however long they are, or it
    is all heading and ends a clause (（四）参加志愿服务活动；)."""
    if any(n.article and n.rank < rank for n in stack):
        return True
    return standalone and segment.rstrip().endswith(("；", ";"))


def _parse(text: str, lines: list[_Line]) -> list[_Region]:
    """Walk the lines once, keeping a stack of open headings, and collect text/table/toc regions."""
    regions: list[_Region] = []
    numbering = _Numbering()
    stack: list[_Node] = []
    toc = _find_toc(lines)
    current: _Region | None = None

    def path() -> list[str]:
        return [n.heading for n in stack]

    def flush() -> None:
        nonlocal current
        if current is not None:
            regions.append(current)
            current = None

    def add_text(start: int, end: int, gap: bool = False) -> None:
        nonlocal current
        owner = stack[-1] if stack else None
        if current is not None and current.kind == "text" and current.owner is owner and not gap:
            current.end = end
        else:
            flush()
            current = _Region("text", start, end, owner, path())

    i = 0
    while i < len(lines):
        line = lines[i]
        if toc is not None and i == toc[0]:
            flush()
            regions.append(_Region("toc", line.start, lines[toc[1] - 1].end, None, [TOC_HEADING],
                                   rows=[(ln.start, ln.end) for ln in lines[toc[0]:toc[1]]]))
            i = toc[1]
            continue
        if _is_table_line(line.text):
            flush()
            j = i
            rows = []
            while j < len(lines) and (_is_table_line(lines[j].text) or
                                      (rows and not lines[j - 1].text.rstrip().endswith("|"))):
                rows.append((lines[j].start, lines[j].end))
                j += 1
            header = next((text[s:e].strip() for s, e in rows if len(_cells(text[s:e])) >= 2), None)
            # A table belongs to the section around it, not to a numbered item that opened a paragraph.
            while stack and not stack[-1].standalone:
                stack.pop()
            regions.append(_Region("table", rows[0][0], rows[-1][1], stack[-1] if stack else None, path(),
                                   rows=rows, header=header))
            i = j
            continue
        for s, e, marker in _segments(line, numbering):
            seg = line.text[s:e]
            if marker is None:
                add_text(line.start + s, line.start + e, line.gap and s == 0)
                continue
            rank = numbering.rank_of(marker.kind)
            numbering.seen(marker)
            hend, standalone = heading_end(seg, marker.end - s)
            if _list_item(seg, rank, stack, standalone):
                # An item of a list ((一)集体土地所有权；) is what its article or paragraph says, not a section
                # title: as a heading with nothing under it, its words were in no chunk at all.
                while stack and stack[-1].rank >= rank:
                    stack.pop()
                add_text(line.start + s, line.start + e)
                continue
            flush()
            heading = seg[marker.start - s:hend].strip().rstrip("。")
            if marker.kind == "article":
                heading = seg[marker.start - s:marker.end - s]
                standalone = False
            while stack and stack[-1].rank >= rank:
                stack.pop()
            if stack:
                stack[-1].has_children = True
            node = _Node(rank, heading, standalone, path() + [heading], article=marker.kind == "article")
            stack.append(node)
            # A heading that is a whole sentence (1.内容一。) is content too; a bare title (一、工作思路) is not.
            if not standalone or seg.rstrip().endswith(("。", "！", "？", "!", "?")):
                add_text(line.start + s, line.start + e)
        i += 1
    flush()
    return regions


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end] (a sentence keeps its closing punctuation)."""
    spans = []
    pos = start
    for m in _SENT_BREAK.finditer(text, start, end):
        if m.end() > pos:
            spans.append((pos, m.end()))
        pos = m.end()
    if pos < end:
        spans.append((pos, end))
    return [sp for sp in (_trim(text, s, e) for s, e in spans) if sp[1] > sp[0]]


def _cut_long(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Split one over-long sentence at clause breaks (，、：), or hard as a last resort."""
    pieces = []
    while end - start > max_chars:
        window = text[start:start + max_chars]
        cut = max((m.end() for m in _CLAUSE_BREAK.finditer(window)), default=0)
        cut = cut if cut > max_chars // 3 else max_chars
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, end))
    return pieces


def _split_text(text: str, start: int, end: int, max_chars: int, overlap: int) -> list[tuple[int, int]]:
    """Pack sentences into spans of at most ``max_chars``, repeating ``overlap`` sentences between spans."""
    if end - start <= max_chars:
        return [(start, end)]
    sents: list[tuple[int, int]] = []
    for s, e in _sentences(text, start, end):
        sents.extend(_cut_long(text, s, e, max_chars) if e - s > max_chars else [(s, e)])
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(sents):
        j = i
        while j + 1 < len(sents) and sents[j + 1][1] - sents[i][0] <= max_chars:
            j += 1
        out.append((sents[i][0], sents[j][1]))
        if j + 1 >= len(sents):
            break
        # Overlap: start the next span a few sentences back, if those sentences are short enough to repeat.
        back = j + 1
        for _ in range(overlap):
            if back - 1 > i and sents[j][1] - sents[back - 1][0] <= max_chars // 3:
                back -= 1
        i = back
    return out


def _split_rows(rows: list[tuple[int, int]], max_chars: int) -> list[list[tuple[int, int]]]:
    parts: list[list[tuple[int, int]]] = [[]]
    for r in rows:
        if parts[-1] and r[1] - parts[-1][0][0] > max_chars:
            parts.append([])
        parts[-1].append(r)
    return parts


def chunk_id(digest: str, start: int, end: int, kind: str) -> str:
    """Stable chunk id: the same file content always gives the same ids."""
    return hashlib.sha1(f"{digest}:{start}:{end}:{kind}".encode()).hexdigest()[:16]


def chunk_document(text: str, source: str, digest: str, exclude: Sequence[tuple[int, int]] = (),
                   max_chars: int = 450, overlap_sentences: int = 1, min_chars: int = 40,
                   heading_lines: dict[int, int] | None = None) -> list[Chunk]:
    """Chunks of the decoded document text, in file order.

    Each chunk is one leaf item (``body``), a section's own text before its first sub-heading (``lead``),
    a table with its header (``table``) or a table of contents (``toc``); ``text == text[start:end]``.
    Long spans are split at sentence ends with ``overlap_sentences`` repeated; ``min_chars`` is the size
    under which a tail piece is folded into the previous one. ``heading_lines`` maps line offsets to the
    heading level a file gives them (Word Heading styles) for headings without a number.
    """
    lines = _lines(text, exclude, heading_lines)
    chunks: list[Chunk] = []

    def emit(kind: str, headings: list[str], start: int, end: int) -> None:
        start, end = _trim(text, start, end)
        if end > start:
            chunks.append(Chunk(chunk_id(digest, start, end, kind), source, list(headings), kind,
                                text[start:end], start, end))

    for region in _parse(text, lines):
        if region.kind == "text":
            kind = "lead" if region.owner is None or region.owner.has_children else "body"
            spans = _split_text(text, region.start, region.end, max_chars, overlap_sentences)
            if len(spans) > 1 and spans[-1][1] - spans[-1][0] < min_chars:
                last = spans.pop()
                spans[-1] = (spans[-1][0], last[1])
            for s, e in spans:
                emit(kind, region.path, s, e)
        else:
            parts = _split_rows(region.rows, max_chars)
            for n, part in enumerate(parts):
                headings = region.path
                if region.kind == "table" and n > 0 and region.header:
                    headings = region.path + [TABLE_HEADER_PREFIX + region.header]
                emit(region.kind, headings, part[0][0], part[-1][1])
    return chunks
