"""The words the passages nearest to a question in meaning use for its subject (pseudo-relevance feedback).

A question in everyday words (哪些省份有管秤准不准、不让缺斤短两的法规) may hold no word the regulations write. The passages
nearest to it in meaning (dense search) do, and a word they share far more often than the index as a whole does is
the word the regulations know the subject by (计量: in 17 of the 30 nearest passages, in under 1% of all). This is
Rocchio's and RM3's query expansion kept to single words; ``answer`` asks the question again with such a word
only when the question found no place, and keeps that answer only when it is borne out
(``answer._answer_for_feedback_words``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .held_words import MAX_DOCUMENT_SHARE, document_share

# How many of the passages nearest to the question in meaning are read.
FEEDBACK_PASSAGES = 30
# A word is shared by the nearest passages when at least this share of them hold it; most of them (MOST_PASSAGES) is a
# consensus. Chosen with the document share (``held_words.MAX_DOCUMENT_SHARE``) and ``answer.FEEDBACK_AGREE`` on the
# spent DLC batches' questions that found no place and on the 60 absent-subject questions (2026-11-28): see
# ``answer._answer_for_feedback_words``.
MIN_PASSAGE_SHARE = 0.3
MOST_PASSAGES = 0.5
# How many of the best words are returned (``answer`` tries them in order).
FEEDBACK_WORDS = 3


@dataclass
class Feedback:
    """What the passages nearest to a text in meaning share."""

    best: float = 0.0  # the dense similarity of the nearest passage
    words: list[str] = field(default_factory=list)  # best first
    sources: dict[str, set[str]] = field(default_factory=dict)  # word → sources of the nearest passages holding it
    share: dict[str, float] = field(default_factory=dict)  # word → share of the nearest passages holding it


def feedback(index: Any, text: str, n: int = FEEDBACK_WORDS, **filters: Any) -> Feedback:
    """Up to ``n`` words of two characters or more that the ``FEEDBACK_PASSAGES`` passages nearest to ``text`` in
    meaning share (at least ``MIN_PASSAGE_SHARE`` of them), best first by share × idf, and that are specific (in at
    most ``MAX_DOCUMENT_SHARE`` of all documents: not 罚款, 责令, nor 收费 or 保密, which a fifth of the regulations
    mention in passing), with the documents of the passages that hold each. ``text`` itself is left out: asking
    with it again asks the same. ``filters`` restrict the search (region, year)."""
    hits = index.search(text, k=FEEDBACK_PASSAGES, mode="dense", **filters)
    if not hits:
        return Feedback()
    sources: dict[str, set[str]] = {}
    held: Counter[str] = Counter()
    for hit in hits:
        words = {w for w in index.tokenizer.tokenize(hit.chunk.text) if len(w) > 1 and not _number(w)}
        held.update(words)
        for w in words:
            sources.setdefault(w, set()).add(hit.chunk.source)
    best = max(float(hit.scores.get("dense", hit.score)) for hit in hits)
    shared = [w for w, c in held.items() if c >= MIN_PASSAGE_SHARE * len(hits) and w != text]
    if not shared:
        return Feedback(best)
    idf = index.backend.idf(shared)
    score = {w: held[w] / len(hits) * float(i) for w, i in zip(shared, np.asarray(idf).tolist())}
    out: list[str] = []
    for w in sorted(shared, key=lambda w: (-score[w], w)):
        if document_share(index, w) <= MAX_DOCUMENT_SHARE:
            out.append(w)
            if len(out) == n:
                break
    return Feedback(best, out, {w: sources[w] for w in out}, {w: held[w] / len(hits) for w in out})


def _number(word: str) -> bool:
    """True for a number or an amount (一万元, 2020, 十五日): not a subject."""
    return all(ch.isdigit() or ch in "零〇一二三四五六七八九十百千万亿两元日月年条款项" for ch in word)
