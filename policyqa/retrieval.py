"""Search as a user asks it: the places and years a query names steer ``PolicyIndex.search`` (as preferences)."""

from __future__ import annotations

from typing import Any

from .models import Hit, Region
from .question import QuestionInfo


def steering(query: str, region: Any = None, year: Any = None,
             info: QuestionInfo | None = None) -> tuple[list[Region], list[int]]:
    """Places and years named in ``query`` to prefer; an explicit ``region``/``year`` filter replaces them.

    ``info`` is the query's ``analyze_question`` result when the caller already has it.
    """
    if info is None:
        from .question import analyze_question

        info = analyze_question(query)
    return ([] if region is not None else list(info.places)), ([] if year is not None else list(info.years))


def search(index: Any, query: str, k: int = 10, mode: str = "hybrid", region: str | Region | None = None,
           year: int | None = None, source: str | None = None, steer: bool = True,
           info: QuestionInfo | None = None) -> list[Hit]:
    """``index.search`` with the places and years ``query`` names as preferences (``steer=False``: none).

    A place in a question ranks that place's documents first without excluding others; ``region``,
    ``year`` and ``source`` are filters (see ``PolicyIndex.search``). ``info``: as for ``steering``.
    """
    places: list[Region] = []
    years: list[int] = []
    if steer and query and query.strip():
        places, years = steering(query, region, year, info)
    return index.search(query, k=k, mode=mode, region=region, year=year, source=source,
                        prefer_places=places, prefer_years=years)
