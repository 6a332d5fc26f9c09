"""The backend seam: every operation the rest of policyqa needs from a storage and retrieval engine.

A backend holds the chunks of an index with, for each chunk, a dense vector, its BM25 terms and the
metadata of its document. The library talks to it only through ``Backend`` below; ``LocalBackend``
(FAISS + a scipy BM25 matrix in a generation directory) is the default.

Chunks are addressed by *keys*: hashable, orderable values chosen by the backend (row numbers in the
local backend, point ids in an engine such as Qdrant). A key is valid until the next ``add``/``delete``.

Each operation is meant to map onto a vector engine's API (noted for Qdrant): sparse and dense top-k
with payload filters (``query_points`` with ``using`` and ``query_filter``), term statistics (sparse
vectors with the IDF modifier; a ``terms`` keyword payload for postings), upsert/delete by point id.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol, runtime_checkable

import numpy as np

from ..models import Chunk, Region

Key = Hashable

_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def document_fields(doc: dict[str, Any]) -> dict[str, Any]:
    """The filterable fields of a document's metadata (``documents.json`` entry), as a payload would hold them.

    ``years`` is the year of the document's date and every year its title names (a 2025 work plan may be
    issued in 2024); region fields are its place from the province down.
    """
    region = doc.get("region") or {}
    years = set()
    date = doc.get("date") or ""
    if date[:4].isdigit():
        years.add(int(date[:4]))
    years.update(int(y) for y in _TITLE_YEAR.findall(doc.get("title") or ""))
    return {"source": doc.get("source"), "province": region.get("province"), "city": region.get("city"),
            "county": region.get("county"), "level": region.get("level"), "years": sorted(years)}


def region_intersection(a: Region, b: Region) -> Region | None:
    """The smaller of two nested places (浙江省 ∩ 金华市 = 金华市), None when neither contains the other."""
    from ..regions import region_contains

    if region_contains(a, b):
        return b
    if region_contains(b, a):
        return a
    return None


@dataclass(frozen=True)
class Filter:
    """Which documents a search may return. Each field is "any of" its values; fields combine with AND;
    an empty field does not restrict.

    * ``regions``: the document's place lies within one of these (浙江省 includes 金华市 and 武义县);
      province, city and county are matched as ``regions.region_contains`` defines.
    * ``level``: the level of the document's place (province, city, county).
    * ``years``: one of the document's years (``document_fields``).
    * ``sources``: the document's exact source path.
    """

    regions: tuple[Region, ...] = ()
    level: str | None = None
    years: tuple[int, ...] = ()
    sources: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "regions", tuple(dict.fromkeys(self.regions)))
        object.__setattr__(self, "years", tuple(dict.fromkeys(int(y) for y in self.years)))
        object.__setattr__(self, "sources", tuple(dict.fromkeys(self.sources)))

    @property
    def is_empty(self) -> bool:
        """True when the filter lets every document through."""
        return not (self.regions or self.level or self.years or self.sources)

    def matches(self, doc: dict[str, Any]) -> bool:
        """Whether a document (its metadata dict) passes: the reference definition every backend follows."""
        from ..regions import region_contains

        f = document_fields(doc)
        if self.regions:
            place = Region.from_dict(doc.get("region"))
            if not any(region_contains(r, place) for r in self.regions):
                return False
        if self.level and f["level"] != self.level:
            return False
        if self.years and not set(self.years) & set(f["years"]):
            return False
        return not self.sources or f["source"] in self.sources

    def __and__(self, other: "Filter | None") -> "Filter | None":
        """Both filters at once; None when no document can pass both (disjoint places, years or sources)."""
        if other is None or other.is_empty:
            return self
        if self.is_empty:
            return other
        regions: tuple[Region, ...] = self.regions or other.regions
        if self.regions and other.regions:
            both = [region_intersection(a, b) for a in self.regions for b in other.regions]
            regions = tuple(r for r in both if r is not None)
            if not regions:
                return None
        if self.level and other.level and self.level != other.level:
            return None
        years = self.years or other.years
        if self.years and other.years:
            years = tuple(y for y in self.years if y in other.years)
            if not years:
                return None
        sources = self.sources or other.sources
        if self.sources and other.sources:
            sources = tuple(s for s in self.sources if s in other.sources)
            if not sources:
                return None
        return Filter(regions, self.level or other.level, years, sources)


class DocumentTable:
    """The filterable fields of a list of documents as numpy arrays: ``mask(filter)`` says which pass, as
    ``Filter.matches`` defines, vectorised (a backend that keeps its documents' metadata in memory uses it)."""

    def __init__(self, documents: Sequence[dict[str, Any]]):
        fields = [document_fields(d) for d in documents]
        self._n = len(fields)
        self._arrays = {name: np.array([f[name] for f in fields], dtype=object)
                        for name in ("source", "province", "city", "county", "level")}
        years = np.empty(len(fields), dtype=object)
        years[:] = [frozenset(f["years"]) for f in fields]
        self._arrays["years"] = years

    def __len__(self) -> int:
        return self._n

    def mask(self, filter: Filter | None) -> np.ndarray | None:
        """Boolean array over the documents: those that pass ``filter`` (None: no filter, all pass)."""
        if filter is None or filter.is_empty:
            return None
        f = self._arrays
        mask = np.ones(self._n, dtype=bool)
        if filter.regions:
            inside = np.zeros(self._n, dtype=bool)
            for r in filter.regions:  # regions.region_contains, one comparison per level
                if r.county:
                    inside |= (f["county"] == r.county) & (f["city"] == r.city)
                elif r.city:
                    inside |= f["city"] == r.city
                elif r.province:
                    inside |= f["province"] == r.province
            mask &= inside
        if filter.level:
            mask &= f["level"] == filter.level
        if filter.years:
            wanted = set(filter.years)
            mask &= np.fromiter((not wanted.isdisjoint(ys) for ys in f["years"]), dtype=bool, count=self._n)
        if filter.sources:
            mask &= np.isin(f["source"], list(filter.sources))
        return mask


class Ranked(NamedTuple):
    """Chunks ranked by a search, best first: their keys and scores (same length)."""

    keys: list[Key]
    scores: np.ndarray


@dataclass
class Postings:
    """Chunks that contain at least one of ``terms``: ``present[i, j]`` says whether ``keys[i]`` has ``terms[j]``."""

    terms: list[str]
    keys: list[Key] = field(default_factory=list)
    present: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=bool))

    def __post_init__(self) -> None:
        if not len(self.keys):
            self.present = np.zeros((0, len(self.terms)), dtype=bool)  # one column per term, even with no chunk

    def __len__(self) -> int:
        return len(self.keys)

    def terms_of(self, i: int) -> list[str]:
        """The terms the ``i``-th chunk contains."""
        return [t for t, p in zip(self.terms, self.present[i]) if p]

    def __iter__(self) -> Iterator[tuple[Key, list[str]]]:
        for i, key in enumerate(self.keys):
            yield key, self.terms_of(i)


@runtime_checkable
class Backend(Protocol):
    """What policyqa needs from an engine. Scores: BM25 for sparse, inner product of L2-normalised vectors
    (cosine) for dense. ``filter`` arguments take a ``Filter`` or None (no restriction)."""

    name: str

    def __len__(self) -> int:
        """Number of chunks."""
        ...

    # ------------------------------------------------------------ records
    def documents(self) -> list[dict[str, Any]]:
        """Metadata of every indexed document (``Document.meta_dict()``), in a stable order; a document
        whose chunks are all deleted is no longer among them."""
        ...

    def chunk(self, key: Key) -> Chunk:
        """The chunk record of a key."""
        ...

    def documents_of(self, keys: Sequence[Key]) -> list[dict[str, Any]]:
        """Metadata of the document of each key."""
        ...

    def document_numbers(self, keys: Sequence[Key]) -> np.ndarray:
        """For each key, the position of its chunk's document in ``documents()`` (an int array)."""
        ...

    def ordinals(self, keys: Sequence[Key]) -> np.ndarray:
        """For each key, the position of its chunk in its document's reading order (0 for the first chunk)."""
        ...

    def first_keys(self, docs: Sequence[int]) -> list[Key]:
        """The key of the first chunk (in reading order) of each document, by position in ``documents()``."""
        ...

    def chunk_counts(self) -> np.ndarray:
        """The number of chunks of each document, in ``documents()`` order."""
        ...

    def keys_of_documents(self, sources: Iterable[str]) -> list[Key]:
        """Keys of every chunk of these documents (Qdrant: scroll with a ``source`` MatchAny filter)."""
        ...

    def count(self, filter: Filter | None = None) -> int:
        """Number of chunks that pass ``filter`` (Qdrant: ``count(count_filter=…, exact=True)``)."""
        ...

    def matches(self, keys: Sequence[Key], filter: Filter) -> np.ndarray:
        """Boolean array: whether the document of each key passes ``filter`` (re-ranking by preference)."""
        ...

    # ------------------------------------------------------------ search
    def sparse_top_k(self, tokens: Sequence[str], k: int, filter: Filter | None = None,
                     expansion: Sequence[str] = (), expansion_weight: float = 0.0) -> Ranked:
        """The ``k`` best chunks by BM25 with a positive score, best first, ties by key.

        A repeated query token counts again; ``expansion`` tokens add their BM25 score times
        ``expansion_weight`` (Qdrant: one sparse query vector whose values are the per-term counts, the
        expansion terms weighted, against a sparse vector with the IDF modifier).
        """
        ...

    def dense_top_k(self, vector: np.ndarray, k: int, filter: Filter | None = None) -> Ranked:
        """The ``k`` chunks nearest to ``vector`` (inner product), best first (Qdrant: ``query_points`` on
        the dense vector)."""
        ...

    def dense_scores(self, vector: np.ndarray, keys: Sequence[Key]) -> np.ndarray:
        """Inner product of ``vector`` with the vector of each given chunk (scores of specific passages)."""
        ...

    # ------------------------------------------------------------ term statistics
    def idf(self, terms: Sequence[str]) -> np.ndarray:
        """BM25 idf of each term, unfloored (may be negative for a very common term); a term no chunk
        contains gets the largest idf this index can give."""
        ...

    def terms_in(self, keys: Sequence[Key], terms: Sequence[str]) -> list[frozenset[str]]:
        """For each key, which of ``terms`` its chunk was indexed with."""
        ...

    def words_starting(self, prefix: str, longer_by: int) -> list[str]:
        """Words of the index vocabulary that start with ``prefix`` and are 1 to ``longer_by`` characters
        longer (志愿 → 志愿者), in sorted order (Qdrant: the vocabulary kept beside the collection)."""
        ...

    def postings(self, terms: Sequence[str], filter: Filter | None = None) -> Postings:
        """Every chunk in the whole index (that passes ``filter``) containing any of ``terms``, in key order,
        with which of the terms each contains (Qdrant: scroll with a MatchAny filter on a ``terms`` payload)."""
        ...

    # ------------------------------------------------------------ updates
    def add(self, chunks: Sequence[Chunk], documents: Sequence[dict[str, Any]], tokens: Sequence[Sequence[str]],
            vectors: np.ndarray) -> list[Key]:
        """Add chunks with their document's metadata (one dict per chunk), BM25 tokens and dense vectors;
        returns their keys. Global statistics (idf, average length) account for them at once (Qdrant:
        ``upsert`` with UUIDv5 point ids derived from chunk ids)."""
        ...

    def delete(self, keys: Sequence[Key]) -> None:
        """Remove chunks; keys of the remaining chunks may change (Qdrant: ``delete`` with a point id list)."""
        ...

    def check(self) -> int:
        """Read every chunk record back (``policyqa check``): the number of chunks. Raises PolicyQAError
        (IndexCorruptError for damage) when a record cannot be read."""
        ...

    def close(self) -> None:
        """Release files or connections."""
        ...


class SortedWords:
    """A vocabulary kept sorted for prefix look-ups, sorted again only when the vocabulary has grown."""

    def __init__(self) -> None:
        self._words: list[str] = []
        self._size = -1

    def starting(self, vocabulary: Any, prefix: str, longer_by: int) -> list[str]:
        """Words of ``vocabulary`` (a sized iterable of str) extending ``prefix`` by 1..``longer_by`` characters."""
        import bisect

        if len(vocabulary) != self._size:
            self._words, self._size = sorted(vocabulary), len(vocabulary)
        out = []
        i = bisect.bisect_right(self._words, prefix)
        while i < len(self._words) and self._words[i].startswith(prefix):
            if len(self._words[i]) <= len(prefix) + longer_by:
                out.append(self._words[i])
            i += 1
        return out
