"""Search as a user asks it: the places and years a query names steer ``PolicyIndex.search``.

Places named in a query are preferences (their documents rank first, others are not excluded); the scope of
a "which places" question (浙江省 in 浙江省哪些城市) restricts the search to its documents, when it has any.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from .models import Hit, Region
from .question import QuestionInfo

log = logging.getLogger(__name__)


@dataclass
class Steering:
    """What a query's analysis adds to a search: places and years to prefer, a scope to search within."""

    places: list[Region] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    scope: Region | None = None


def steering(index: Any, query: str, region: Any = None, year: Any = None,
             info: QuestionInfo | None = None) -> Steering:
    """Places and years named in ``query`` to prefer, and its scope; an explicit ``region``/``year`` filter
    replaces them. A scope without documents in the index does not restrict (logged).

    ``info`` is the query's ``analyze_question`` result when the caller already has it.
    """
    if info is None:
        from .question import analyze_question

        info = analyze_question(query, index.tokenizer, known_places=index.regions)
    out = Steering(years=[] if year is not None else list(info.years))
    if region is None:
        out.places = list(info.places)
        if info.scope is not None:
            if index.region_mask(info.scope).any():
                out.scope = info.scope
            else:
                log.info("no documents from %s; searching all documents", info.scope.name)
    return out


def search(index: Any, query: str, k: int = 10, mode: str = "hybrid", region: str | Region | None = None,
           year: int | None = None, source: str | None = None, steer: bool = True,
           info: QuestionInfo | None = None) -> list[Hit]:
    """``index.search`` steered by what ``query`` names (``steer=False``: not steered).

    A place in a question ranks that place's documents first without excluding others; a "which places"
    question's scope restricts like ``region``; ``region``, ``year`` and ``source`` are filters (see
    ``PolicyIndex.search``). ``info``: as for ``steering``.
    """
    from .limits import check_query

    check_query(query)  # before the analysis: an empty or over-long query gets its one-line error
    how = steering(index, query, region, year, info) if steer else Steering()
    return index.search(query, k=k, mode=mode, region=how.scope if how.scope is not None else region, year=year,
                        source=source, prefer_places=how.places, prefer_years=how.years)
