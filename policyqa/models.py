"""Small dataclasses that flow through the pipeline: regions, documents, chunks, hits."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

CHUNK_KINDS = ("body", "lead", "table", "toc")
LEVELS = ("province", "city", "county")
# Other spellings of a level seen in sidecars and issuer names: a district is a county-level division.
_LEVEL_SPELLINGS = {"district": "county", "区": "county", "县": "county", "市": "city", "省": "province",
                    "prefecture": "city"}


@dataclass(frozen=True, eq=False)
class Region:
    """Where a document is from: as far down the administrative hierarchy as the text allows.

    ``level`` is the level of the most specific known name (``province``, ``city`` or ``county``;
    districts count as ``county``). ``code`` is the 6-digit administrative division code when known.

    Identity is the place, not how it was found: two regions are equal when their names are, whatever
    their ``code`` (a sidecar gives none, the gazetteer does) or how ``level`` was spelled; a
    province-level city (北京市) is one place whether it was recorded as a province or as a city.
    """

    province: str | None = None
    city: str | None = None
    county: str | None = None
    level: str | None = None
    code: str | None = None

    def __post_init__(self) -> None:
        level = _LEVEL_SPELLINGS.get(self.level, self.level) if self.level else None
        if level is None:
            level = "county" if self.county else "city" if self.city else "province" if self.province else None
        if level != self.level:
            object.__setattr__(self, "level", level)

    def _key(self) -> tuple[str | None, str | None, str | None]:
        city = None if self.city and self.city == self.province else self.city
        return (self.province, city, self.county)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Region):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

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
    """One retrievable passage. ``document text[start:end] == text`` always holds.

    ``page`` is the 1-based page the chunk starts on, for documents with pages (PDF, OFD), else None.
    """

    id: str
    source: str
    headings: list[str]
    kind: str
    text: str
    start: int
    end: int
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        # By hand: dataclasses.asdict deep-copies and costs ~25 µs a chunk, seconds at 100k chunks.
        d = {"id": self.id, "source": self.source, "headings": list(self.headings), "kind": self.kind,
             "text": self.text, "start": self.start, "end": self.end}
        if self.page is not None:  # only paged documents carry it: text-file records stay as they were
            d["page"] = self.page
        return d

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
            page=d.get("page"),
        )


@dataclass
class Document:
    """A decoded file with its metadata and chunks.

    ``text`` is the document text (a text file decoded without BOM, or what a reader extracted from a web
    page, PDF, Word or OFD file); chunk offsets index into it. ``format`` says which (``text``, ``html``,
    ``pdf``, ``docx``, ``doc``, ``ofd``); ``pages`` holds the offset where each page starts (PDF, OFD).
    ``digest`` is the sha256 of the raw file bytes (identifies content for incremental indexing).
    ``info`` holds the rest of the metadata: ``title_source`` (file / furniture / derived), the dates kept
    apart (``written_date`` 成文, ``published_date`` 发布, ``effective_date`` 实施, ``expiry_date`` 失效),
    ``validity`` and ``expired``; ``notes`` are warnings from reading (a page that needs OCR).
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
    format: str = "text"
    pages: list[int] | None = None
    info: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    path: str | None = None  # absolute path the file is read from; ``source`` is relative to the corpus root
    meta_digest: str | None = None  # digest of the user metadata (sidecar or metadata.jsonl line), if any

    def meta_dict(self) -> dict[str, Any]:
        """Metadata only (no text, no chunks)."""
        d = {
            "source": self.source,
            "title": self.title,
            "issuer": self.issuer,
            "date": self.date,
            "doc_number": self.doc_number,
            "region": self.region.to_dict(),
            "issuer_level": self.issuer_level,
            "digest": self.digest,
            "encoding": self.encoding,
            "path": self.path,
            "meta_digest": self.meta_digest,
        }
        d.update({k: v for k, v in self.info.items() if v is not None})
        if self.format != "text":
            d["format"] = self.format
            d["pages"] = self.pages
        return d

    def to_dict(self) -> dict[str, Any]:
        """Metadata and chunks, as printed by ``policyqa inspect --json``."""
        d = {k: v for k, v in self.meta_dict().items() if k not in ("digest", "encoding", "path", "meta_digest")}
        if self.notes:
            d["notes"] = list(self.notes)
        d["chunks"] = [{k: v for k, v in c.to_dict().items() if k != "source"} for c in self.chunks]
        return d


@dataclass
class SkippedFile:
    """A file that was not indexed, and why (one line that names the file and says what to do).

    ``kind`` is ``error`` (it could not be read, or its metadata is invalid: the build reports failure),
    ``missing`` (a path given that does not exist: also a failure) or ``unsupported`` (not a document
    format policyqa reads). ``source`` is the file's name in the index
    (relative to its corpus root); ``kept`` is set when its previously indexed version was kept.
    """

    path: str
    reason: str
    kind: str = "error"
    source: str | None = None
    kept: bool = False


@dataclass
class IngestReport:
    """What ``ingest_paths`` produced: the documents and the files it skipped."""

    documents: list[Document]
    skipped: list[SkippedFile] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # sources whose bytes match a known digest: not parsed
    locations: dict[str, str] = field(default_factory=dict)  # source → absolute path, for every file seen


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
    expired: bool = False  # the document is past its 失效日期 or no longer in force

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
            "page": self.chunk.page,
            "expired": self.expired,
        }
