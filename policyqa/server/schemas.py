"""Request bodies and the documented shapes of the responses (the library's ``to_dict()`` shapes plus ids).

Responses are returned as the library builds them: these models document them in OpenAPI (``/docs``) and
allow extra fields, so a field the library adds (a citation's ``page``) passes through untouched.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

# Longest question or query accepted: the library's limit, so the API, the CLI and Python agree.
from ..limits import MAX_QUERY_CHARS as MAX_QUESTION_CHARS
MAX_K = 50


class AskRequest(BaseModel):
    """A question, with optional filters on the documents."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"question": "哪些城市推进殡葬改革"}]})

    question: str = Field(description=f"The question, 1 to {MAX_QUESTION_CHARS} characters.")
    k: int = Field(10, ge=1, le=MAX_K, description="How many passages an open question may cite.")
    region: str | None = Field(None, description="Only documents from this place (金华 includes 武义县).")
    year: int | None = Field(None, ge=1900, le=2100, description="Only documents of this year.")


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class RegionOut(_Open):
    province: str | None = None
    city: str | None = None
    county: str | None = None
    level: str | None = None
    code: str | None = None


class CitationOut(_Open):
    """A quoted passage: ``text`` is exactly the document's text at ``[start:end]``."""

    id: int
    doc_id: str = Field(description="Id of the document, for GET /api/documents/{id}.")
    source: str
    title: str | None
    region: RegionOut
    place: str
    headings: list[str]
    text: str
    start: int
    end: int
    score: float
    kind: str
    highlight: list[int] | None = Field(description="The answering sentence as [start, end] offsets into text.")


class GroupOut(_Open):
    region: RegionOut
    label: str
    citations: list[int]
    toc_only: bool
    district_document: bool
    kind: str = Field(description="place (counted), toc_only, other_level (above the level asked) or unknown.")
    members: list[RegionOut] = Field(description="The evidence documents' own places (武义县 under 金华市).")
    documents: int


class AnswerOut(_Open):
    """``Answer.to_dict()``: the answer text with [n] markers, its places (groups) and citations."""

    question: str
    kind: str
    found: bool
    answer: str
    count: int | None = Field(description="For a 'which places' question: the number of places found.")
    groups: list[GroupOut]
    citations: list[CitationOut]
    notices: list[str]
    answered_as: str | None = Field(None, description="The subject a 'which places' question was answered for "
                                                      "instead of its own words (坐地铁 → 轨道交通), else null.")


class HitOut(_Open):
    """``Hit.to_dict()`` plus the document id."""

    rank: int
    score: float
    chunk_id: str
    doc_id: str
    source: str
    title: str | None
    region: RegionOut
    date: str | None
    headings: list[str]
    kind: str
    text: str
    start: int
    end: int


class SearchOut(_Open):
    query: str
    mode: str
    hits: list[HitOut]


class DocumentOut(_Open):
    """A document's metadata (as indexed) with its id, place label, year and number of chunks."""

    id: str
    source: str
    title: str | None
    issuer: str | None
    date: str | None
    doc_number: str | None
    region: RegionOut
    place: str
    year: int | None
    chunks: int


class PlaceCount(_Open):
    name: str
    level: str
    parent: str | None
    count: int


class YearCount(_Open):
    year: int | None
    count: int


class Counts(_Open):
    places: list[PlaceCount]
    years: list[YearCount]


class DocumentListOut(_Open):
    total: int
    documents: list[DocumentOut]
    counts: Counts


class SpanOut(_Open):
    id: str
    headings: list[str]
    kind: str
    start: int
    end: int


class DocumentDetailOut(DocumentOut):
    text: str = Field(description="The text chunk offsets index into.")
    spans: list[SpanOut]
    text_matches_index: bool = Field(description="False when the file changed since it was indexed.")


class HealthOut(_Open):
    status: str
    index: str
    generation: str
    model: str
    documents: int
    chunks: int
    built_at: str | None
    reloads: int
    open_generations: list[str]
    reload_error: str | None


def with_doc_ids(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each citation or hit dict the id of its document."""
    from ..catalog import doc_id

    for item in items:
        item["doc_id"] = doc_id(item["source"])
    return items
