"""Small dataclasses that flow through the pipeline: regions, documents, chunks, hits."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

CHUNK_KINDS = ("body", "lead", "table", "toc")
LEVELS = ("province", "city", "county")


@dataclass(frozen=True)
class Region:
    """Where a document is from: as far down the administrative hierarchy as the text allows.

    ``level`` is the level of the most specific known name (``province``, ``city`` or ``county``;
    districts count as ``county``). ``code`` is the 6-digit administrative division code when known.
    """

    province: str | None = None
    city: str | None = None
    county: str | None = None
    level: str | None = None
    code: str | None = None

    @property
    def name(self) -> str | None:
        """The most specific name (武义县, 金华市, 浙江省) or None."""
        return self.county or self.city or self.province

    def label(self) -> str:
        """Human label with the parent: ``武义县（金华市）``, ``金华市``, ``未知地区``."""
        if self.county and self.city:
            return f"{self.county}（{self.city}）"
        return self.name or "未知地区"

    def names(self) -> tuple[str, ...]:
        """All known names from the province down."""
        return tuple(n for n in (self.province, self.city, self.county) if n)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Region":
        d = d or {}
        return cls(**{k: d.get(k) for k in ("province", "city", "county", "level", "code")})


@dataclass
class Chunk:
    """One retrievable passage. ``document text[start:end] == text`` always holds."""

    id: str
    source: str
    headings: list[str]
    kind: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        # By hand: dataclasses.asdict deep-copies and costs ~25 µs a chunk, seconds at 100k chunks.
        return {"id": self.id, "source": self.source, "headings": list(self.headings), "kind": self.kind,
                "text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Chunk":
        return cls(
            id=d["id"],
            source=d["source"],
            headings=list(d["headings"]),
            kind=d["kind"],
            text=d["text"],
            start=int(d["start"]),
            end=int(d["end"]),
        )


@dataclass
class Document:
    """A decoded file with its metadata and chunks.

    ``text`` is the full decoded file text (BOM removed); chunk offsets index into it.
    ``digest`` is the sha256 of the raw file bytes (identifies content for incremental indexing).
    """

    source: str
    text: str
    digest: str
    encoding: str
    title: str | None = None
    issuer: str | None = None
    date: str | None = None
    doc_number: str | None = None
    region: Region = field(default_factory=Region)
    chunks: list[Chunk] = field(default_factory=list)
    issuer_level: str | None = None  # province/city/county/district, as the issuer's name says

    def meta_dict(self) -> dict[str, Any]:
        """Metadata only (no text, no chunks)."""
        return {
            "source": self.source,
            "title": self.title,
            "issuer": self.issuer,
            "date": self.date,
            "doc_number": self.doc_number,
            "region": self.region.to_dict(),
            "issuer_level": self.issuer_level,
            "digest": self.digest,
            "encoding": self.encoding,
        }

    def to_dict(self) -> dict[str, Any]:
        """Metadata and chunks, as printed by ``policyqa inspect --json``."""
        d = {k: v for k, v in self.meta_dict().items() if k not in ("digest", "encoding")}
        d["chunks"] = [
            {k: c.to_dict()[k] for k in ("id", "headings", "kind", "text", "start", "end")}
            for c in self.chunks
        ]
        return d


@dataclass
class SkippedFile:
    """A file that ingestion could not read, and why (one line, says what to do)."""

    path: str
    reason: str


@dataclass
class IngestReport:
    """What ``ingest_paths`` produced: the documents and the files it skipped."""

    documents: list[Document]
    skipped: list[SkippedFile] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # sources whose bytes match a known digest: not parsed


@dataclass
class Hit:
    """One search result: a chunk with its document's metadata and its scores.

    ``score`` is the fused score of the mode that produced the hit; ``scores`` keeps the
    per-retriever scores (``bm25``, ``dense``) where they were computed.
    """

    rank: int
    score: float
    chunk: Chunk
    title: str | None = None
    region: Region = field(default_factory=Region)
    date: str | None = None
    scores: dict[str, float] = field(default_factory=dict)
    row: Any = -1  # the backend's key of the chunk: a row number in the local backend (internal; not in the JSON)

    def to_dict(self) -> dict[str, Any]:
        """Flat dict in the ``policyqa search --json`` shape."""
        return {
            "rank": self.rank,
            "score": round(float(self.score), 6),
            "chunk_id": self.chunk.id,
            "source": self.chunk.source,
            "title": self.title,
            "region": self.region.to_dict(),
            "date": self.date,
            "headings": list(self.chunk.headings),
            "kind": self.chunk.kind,
            "text": self.chunk.text,
            "start": self.chunk.start,
            "end": self.chunk.end,
        }
