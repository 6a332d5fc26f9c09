"""What a format reader returns: the document text (chunk offsets index into it), its pages and the
metadata the file states about itself."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

_END = "。！？；：:;!?…”』」）)"


@dataclass
class Extraction:
    """A file read into text.

    ``text`` is THE document text for every later step: chunk offsets, citations and ``inspect --text``.
    ``pages`` holds the offset in ``text`` where each page starts (PDF, OFD), else None. ``fields`` are the
    file's own metadata (label block, meta tags, document properties) keyed like ``extract_metadata``'s
    output (title, issuer, doc_number, written_date, published_date, effective_date, expiry_date,
    validity, site …); ``field_sources`` says where each came from (``label``, ``meta``, ``properties``).
    ``notes`` are one-line warnings about parts that could not be read (a page that needs OCR).
    ``heading_lines`` maps the offset of a line the file marks as a heading (a Word Heading style) to its
    level, for headings that carry no number the heading grammar could find.
    """

    text: str
    format: str
    encoding: str
    pages: list[int] | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    field_sources: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    heading_lines: dict[int, int] = field(default_factory=dict)

    def set_field(self, name: str, value: Any, source: str) -> None:
        """Keep the first value given for a field: readers offer fields in order of precedence."""
        if value and name not in self.fields:
            self.fields[name] = value
            self.field_sources[name] = source


def page_of(pages: list[int] | None, offset: int) -> int | None:
    """1-based page number holding character ``offset``, or None for a document without pages."""
    if not pages:
        return None
    return max(1, bisect_right(pages, offset))


def reflow(lines: list[str]) -> list[str]:
    """Join lines that were wrapped at the page width back into paragraphs (fixed-layout PDF and OFD pages):
    a line that fills the width and does not end a sentence continues on the next one."""
    widths = sorted(len(ln) for ln in lines if ln.strip())
    if not widths:
        return []
    full = widths[int(len(widths) * 0.9)] if len(widths) >= 5 else widths[-1]
    out: list[str] = []
    joinable = False
    for line in lines:
        stripped = line.strip()
        if not stripped:
            joinable = False
            continue
        if joinable and out:
            out[-1] += stripped
        else:
            out.append(stripped)
        joinable = len(line.rstrip()) >= 0.85 * full and stripped[-1] not in _END
    return out
