"""The words of a question that the documents nearest to it in meaning hold.

A question in everyday words (哪些城市对骑摩托车上路作出了规定) may hold the word its subject is known by (摩托车)
beside words the regulations never write (骑, 上路). When no document addresses the question as worded, the
words most of its nearest documents hold are what the documents say of it: 骑摩托车上路 → 摩托车 (the five nearest
are 道路交通安全 regulations, which say 摩托车 and neither 骑 nor 上路).
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from .backends import Filter
from .topic import Topic

# A word is held when at least this many of the nearest documents have it anywhere in their text (of the five
# that ``answer`` looks at: a majority).
HELD_BY = 3
# At least one word held must be in no more than this share of all documents: 单位, 工作, 维护 are held by any five
# regulations (93%, 96%, 67% of the DLC regulations) and say nothing of what was asked. 摩托车 is in 2%, 油烟 3%,
# 渣土 6%. Chosen on the spent DLC batches (2026-11-27): without it 单位按时给员工发工资 was answered for 单位 (59 cities).
MAX_DOCUMENT_SHARE = 0.1


def documents_holding(index: Any, words: Sequence[str], docs: Sequence[int] | None = None) -> int:
    """How many documents (of ``docs``, rows of ``index.doc_list``; default all) have any of ``words`` in some chunk."""
    post = index.backend.postings(words) if docs is None else postings_in(index, words, docs)
    return len(np.unique(index.chunk_doc_rows(post.keys))) if len(post.keys) else 0


def document_share(index: Any, word: str) -> float:
    """Share of the index's documents that have ``word`` in some chunk."""
    return documents_holding(index, [word]) / len(index.doc_list) if index.doc_list else 0.0


def any_specific(index: Any, words: Sequence[str]) -> bool:
    """Whether any of ``words`` is in at most ``MAX_DOCUMENT_SHARE`` of all documents."""
    return any(document_share(index, w) <= MAX_DOCUMENT_SHARE for w in words)


def words_and_parts(index: Any, topic: Topic) -> list[str]:
    """The words of ``topic`` and, for a compound, its parts (渔业资源 → 渔业, 资源), of two characters or more, in the
    question's order, each once."""
    out = [w for term in topic.terms for w in (term, *index.tokenizer.parts(term))]
    return [w for w in dict.fromkeys(out) if len(w) > 1]


def postings_in(index: Any, words: Sequence[str], docs: Sequence[int]) -> Any:
    """``index.backend.postings`` of ``words`` within the documents ``docs`` (rows of ``index.doc_list``)."""
    return index.backend.postings(words, Filter(sources=tuple(index.doc_list[d]["source"] for d in docs)))


def held_words(index: Any, topic: Topic, docs: Sequence[int], held_by: int = HELD_BY) -> list[str]:
    """The words of ``topic`` (or, for a compound, its parts: 渔业资源 → 渔业, 资源) of two characters or more that at
    least ``held_by`` of ``docs`` have, in the question's order; a part only when its whole is not held. Empty when
    none of them is specific (in at most ``MAX_DOCUMENT_SHARE`` of all documents)."""
    candidates = words_and_parts(index, topic)
    if not candidates or len(docs) < held_by:
        return []
    post = postings_in(index, candidates, docs)
    if not len(post.keys):
        return []
    rows = np.asarray(index.chunk_doc_rows(post.keys))
    held = [w for j, w in enumerate(candidates) if len(np.unique(rows[post.present[:, j]])) >= held_by]
    held = [w for w in held if not any(w != other and w in other for other in held)]
    if not any_specific(index, held):
        return []
    return held
