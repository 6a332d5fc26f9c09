"""The documents of an index as a catalog: stable ids, filtered lists with counts by place and year, and one
document's text with its chunk spans (what a reader needs to open a cited passage in its document)."""

from __future__ import annotations

import hashlib
import weakref
from collections import Counter
from typing import Any

import numpy as np

from .errors import PolicyQAError
from .models import Region

DOC_ID_LENGTH = 12
_HIDDEN = ("digest", "encoding")
_ids_of: "weakref.WeakKeyDictionary[Any, dict[str, int]]" = weakref.WeakKeyDictionary()


class UnknownDocumentError(PolicyQAError):
    """No document with that id in the index."""


def doc_id(source: str) -> str:
    """A short id for a document, stable across index generations: the first 12 hex digits of the sha256 of
    its source path (what the index knows it by)."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:DOC_ID_LENGTH]


def document_year(meta: dict[str, Any]) -> int | None:
    """The year of a document's date (``2025-04-30`` → 2025), or None when it has no date."""
    date = meta.get("date") or ""
    return int(date[:4]) if date[:4].isdigit() else None


def _row_of(index: Any, id_: str) -> int:
    ids = _ids_of.get(index)
    if ids is None:
        ids = _ids_of[index] = {doc_id(d["source"]): row for row, d in enumerate(index.doc_list)}
    if id_ not in ids:
        raise UnknownDocumentError(f"no document with id {id_!r} in this index: list them with GET /api/documents")
    return ids[id_]


def _entry(index: Any, row: int, chunk_counts: np.ndarray) -> dict[str, Any]:
    meta = index.doc_list[row]
    entry = {"id": doc_id(meta["source"]), **{k: v for k, v in meta.items() if k not in _HIDDEN}}
    entry["place"] = Region.from_dict(meta.get("region")).label()
    entry["year"] = document_year(meta)
    entry["chunks"] = int(chunk_counts[row]) if row < len(chunk_counts) else 0
    return entry


def _chunk_counts(index: Any) -> np.ndarray:
    return index.chunk_counts()


def place_counts(regions: list[Region]) -> list[dict[str, Any]]:
    """How many documents lie in each place, at every level (浙江省 counts 金华市's and 武义县's documents):
    the counts agree with what a ``region`` filter returns. Largest first, then by name."""
    counts: Counter[tuple[str, str, str | None]] = Counter()
    for r in regions:
        for level, name, parent in (("province", r.province, None), ("city", r.city, r.province),
                                    ("county", r.county, r.city)):
            if name:
                counts[(level, name, parent)] += 1
    return [{"name": name, "level": level, "parent": parent, "count": n}
            for (level, name, parent), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][1]))]


def list_documents(index: Any, region: str | Region | None = None, year: int | None = None) -> dict[str, Any]:
    """The documents that pass the filters (same rules as ``PolicyIndex.search``), with counts by place and year.

    Returns ``{"total", "documents": [metadata + id, place, year, chunks], "counts": {"places", "years"}}``.
    Raises QueryError for an unknown place.
    """
    mask = index.doc_mask(region=region, year=year)
    counts = _chunk_counts(index)
    rows = [r for r in range(len(index.doc_list)) if mask is None or mask[r]]
    docs = [_entry(index, r, counts) for r in rows]
    years = Counter(d["year"] for d in docs)
    return {
        "total": len(docs),
        "documents": docs,
        "counts": {
            "places": place_counts([Region.from_dict(index.doc_list[r].get("region")) for r in rows]),
            "years": [{"year": y, "count": n} for y, n in sorted(years.items(), key=lambda yn: (yn[0] is None, -(yn[0] or 0)))],
        },
    }


def document_detail(index: Any, id_: str) -> dict[str, Any]:
    """One document by id: its metadata, its full text and the spans of its chunks (offsets into that text).

    ``text_matches_index`` is False when the file changed after it was indexed (the spans may then be off).
    Raises UnknownDocumentError for an unknown id, PolicyQAError when the text cannot be read.
    """
    row = _row_of(index, id_)
    entry = _entry(index, row, _chunk_counts(index))
    text = index.document_text(entry["source"])
    chunks = [index.chunk(key) for key in index.backend.keys_of_documents([entry["source"]])]
    spans = []
    for c in sorted(chunks, key=lambda c: (c.start, c.end)):
        span = c.to_dict()
        del span["text"], span["source"]
        spans.append(span)
    entry["text"] = text
    entry["spans"] = spans
    entry["text_matches_index"] = all(text[c.start:c.end] == c.text for c in chunks)
    return entry
