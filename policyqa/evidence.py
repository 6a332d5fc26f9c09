"""How well a passage addresses a question: topic coverage, and the sentence that answers.

Topic coverage is the idf-weighted share of the question's topic words that a passage was indexed with
(heading path included). It is read off the BM25 term postings, so it costs nothing per passage beyond the
postings of a handful of topic words, and it can be computed for every passage of the index at once — what
an exhaustive "which places" answer needs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np

from .question import QuestionInfo
from .textnorm import normalize
from .topic import Topic, phrase_in, topic_of

_SENTENCE = re.compile(r"[^。！？；;!?\n]+[。！？；;!?]?")
_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|万|亿|元|人|个|家|张|户|名|项|次|亩|年|所|处|床|套|平方米)?")
_DATE = re.compile(r"\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{4}-\d{1,2}-\d{1,2}")
WANTS_DATE = re.compile(r"何时|什么时候|哪一年|哪年|哪天|日期|时间|when", re.I)


def coverage_all(index: Any, topic: Topic, filter: Any = None) -> tuple[list[Any], np.ndarray]:
    """Every chunk of the index (that passes ``filter``) holding a topic word, in key order, with its coverage
    of the topic (chunks holding none have coverage 0)."""
    words = topic.words()
    postings = index.backend.postings(words, filter)
    column = {w: j for j, w in enumerate(words)}
    present = topic.present(lambda w: postings.present[:, column[w]], _near_in(index, postings.keys))
    cov = np.zeros(len(postings), dtype=np.float64)
    for j, w in enumerate(topic.weights):  # term by term, as coverage_of adds them: identical sums
        cov[present[:, j]] += w
    if len(words) > len(topic.terms):  # a chunk with only some words of a phrase may have none of the topic
        keep = present.any(axis=1)
        return [k for k, ok in zip(postings.keys, keep.tolist()) if ok], cov[keep]
    return postings.keys, cov


def _near_in(index: Any, keys: list[Any]) -> Callable[[tuple[str, ...], np.ndarray], np.ndarray]:
    """``near`` for ``Topic.present`` over the chunks ``keys``: reads the text (and heading path) of the chunks
    that have every part of a compound and keeps those where the parts are written together."""
    def near(parts: tuple[str, ...], mask: np.ndarray) -> np.ndarray:
        out = np.zeros(len(mask), dtype=bool)
        for i in np.flatnonzero(mask):
            chunk = index.chunk(keys[i])
            out[i] = phrase_in(parts, normalize(" ".join([*chunk.headings, chunk.text])).lower())
        return out
    return near


def coverage_of(index: Any, topic: Topic, keys: list[Any]) -> np.ndarray:
    """Coverage of the topic by the chunks ``keys``."""
    if not topic or not len(keys):
        return np.zeros(len(keys), dtype=np.float64)
    cov = np.zeros(len(keys), dtype=np.float64)
    contained = index.backend.terms_in(keys, topic.words())
    present = topic.present(lambda w: np.fromiter((w in c for c in contained), dtype=bool, count=len(keys)),
                            _near_in(index, keys))
    for j, w in enumerate(topic.weights):
        cov[present[:, j]] += w
    return cov


def highlight(text: str, info: QuestionInfo, index: Any, topic: Topic | None = None) -> tuple[int, int] | None:
    """The sentence of ``text`` that best answers: most topic weight, and for a fact question a number or date."""
    scored = sentence_scores(text, info, index, topic)
    if not scored:
        return None
    (start, end), _ = max(scored, key=lambda item: item[1])
    return start, end


def sentence_scores(text: str, info: QuestionInfo, index: Any, topic: Topic | None = None
                    ) -> list[tuple[tuple[int, int], float]]:
    """Each sentence of ``text`` (offsets, leading spaces trimmed) with how well it answers the question.

    The score is the share of topic weight the sentence holds (rare words decide: 殡葬 outweighs 推进 and
    改革), plus 0.5 for a number when the question asks how many, or up to 1.5 for a full date when it asks when.
    """
    wants_date = info.kind == "fact" and bool(WANTS_DATE.search(info.text))
    wants_number = info.kind == "fact" and not wants_date
    topic = topic if topic is not None else topic_of(index, info)
    out = []
    for m in _SENTENCE.finditer(text):
        sent = m.group()
        if not sent.strip():
            continue
        # A topic word counts when the sentence contains it: a substring test on the normalised sentence
        # instead of tokenizing every sentence (an answer over hundreds of places highlights ~1,000 passages).
        score = topic.share_in(normalize(sent).lower()) if topic else 0.0
        if wants_number and _NUMBER.search(sent):
            score += 0.5
        if wants_date:
            score += _date_bonus(sent, info.years)
        start = m.start()
        while start < m.end() and text[start].isspace():
            start += 1
        out.append(((start, m.end()), score))
    return out


def _date_bonus(sentence: str, asked_years: list[int]) -> float:
    """How well a sentence answers "when": a full date answers it; a year the question already names does not."""
    bonus = 0.0
    for m in _DATE.finditer(sentence):
        d = m.group()
        if "月" in d or "-" in d:
            return 1.5
        year = re.match(r"\d{4}", d)
        if year and int(year.group()) not in asked_years:
            bonus = 0.5
    return bonus


def toc_line(text: str, info: QuestionInfo, index: Any) -> tuple[int, int] | None:
    """The table-of-contents entry that names the most topic words."""
    topic = set(index.tokenizer.tokenize(info.topic))
    best, best_n, pos = None, 0, 0
    for line in text.split("\n"):
        n = len(topic & set(index.tokenizer.tokenize(line)))
        if n > best_n:
            best, best_n = (pos, pos + len(line)), n
        pos += len(line) + 1
    return best
