"""Phrases that policy texts write in more than one way (尾气 / 排气, 共享单车 / 互联网租赁自行车).

The list (``data/synonyms.txt``) holds general policy vocabulary: an abbreviation and its full form, a
colloquial name and the statutory one. Each line is one group of phrases that mean the same thing; a topic
that contains one of them is also said by the others (``topic.topic_of``).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .textnorm import normalize


@lru_cache(maxsize=1)
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    """The groups of the bundled list, phrases normalised (half-width, simplified, lower-case)."""
    text = resources.files("policyqa").joinpath("data", "synonyms.txt").read_text(encoding="utf-8")
    groups = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        phrases = tuple(dict.fromkeys(normalize(p).lower() for p in line.split()))
        if len(phrases) > 1:
            groups.append(phrases)
    return tuple(groups)


def synonyms_in(text: str) -> list[tuple[str, list[str]]]:
    """(phrase found in ``text``, its synonyms) for each group with a phrase in ``text``: the longest phrase
    of a group wins, and a phrase inside a longer one already found is skipped."""
    norm = normalize(text).lower()
    found: list[tuple[str, list[str]]] = []
    for group in synonym_groups():
        here = [p for p in sorted(group, key=len, reverse=True) if p in norm]
        if here and not any(here[0] in f for f, _ in found):
            found.append((here[0], [p for p in group if p != here[0]]))
    return found
