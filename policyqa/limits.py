"""Bounds on what a caller can ask for, with the reasons for each value."""

from __future__ import annotations

from .errors import QueryError

# The dense side reads at most 512 tokens (multilingual-e5's window, about 500-700 Chinese characters), so
# text past ~1,000 characters adds no signal, only time: embedding grows with length (a 100,000-character
# question took ~2.5 minutes in `ask`). Real questions are far shorter: the longest of STARD's 1,543 questions
# from the public is 155 characters, of eval/queries.jsonl 86.
MAX_QUERY_CHARS = 1000


def check_query(text: str, what: str = "query") -> None:
    """Raise QueryError (one line saying the limit) for an empty or over-long question or query."""
    if not isinstance(text, str) or not text.strip():
        raise QueryError(f"the {what} is empty: ask a question, e.g. 哪些城市推进殡葬改革")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"the {what} is {len(text):,} characters long; the limit is {MAX_QUERY_CHARS:,} "
                         "characters: shorten it to the question itself")
