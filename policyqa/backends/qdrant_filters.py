"""``Filter`` as a Qdrant payload filter over the fields ``document_fields`` puts in each chunk's payload.

Region containment follows ``regions.region_contains``: a county matches on county and city (a county
directly under a province has no city), a city on city, a province on province.
"""

from __future__ import annotations

from typing import Any

from .base import Filter

# Payload fields with an index (keyword, or integer for years): what filters and postings read.
INDEXED_FIELDS = {"source": "keyword", "province": "keyword", "city": "keyword", "county": "keyword",
                  "level": "keyword", "years": "integer", "terms": "keyword", "ordinal": "integer"}


def _match(models: Any, key: str, value: Any) -> Any:
    if value is None:
        return models.IsEmptyCondition(is_empty=models.PayloadField(key=key))
    return models.FieldCondition(key=key, match=models.MatchValue(value=value))


def to_qdrant(filter: Filter | None, models: Any, extra: list[Any] = ()) -> Any:
    """The Qdrant ``models.Filter`` for a policyqa filter (None when nothing restricts); ``extra``
    conditions are added with AND."""
    must = list(extra)
    if filter is not None and not filter.is_empty:
        if filter.regions:
            should = []
            for r in filter.regions:
                if r.county:
                    should.append(models.Filter(must=[_match(models, "county", r.county), _match(models, "city", r.city)]))
                elif r.city:
                    should.append(models.Filter(must=[_match(models, "city", r.city)]))
                elif r.province:
                    should.append(models.Filter(must=[_match(models, "province", r.province)]))
            if not should:  # no place named: nothing lies within it
                should.append(models.Filter(must=[models.HasIdCondition(has_id=[])]))
            must.append(models.Filter(should=should))
        if filter.level:
            must.append(_match(models, "level", filter.level))
        if filter.years:
            must.append(models.FieldCondition(key="years", match=models.MatchAny(any=list(filter.years))))
        if filter.sources:
            must.append(models.FieldCondition(key="source", match=models.MatchAny(any=list(filter.sources))))
    return models.Filter(must=must) if must else None
