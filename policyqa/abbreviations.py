"""Abbreviations a question uses and the documents spell out: 人防 → 人民防空, 固废 → 固体废物, 公厕 → 公共厕所.

A Chinese abbreviation keeps characters of its full form in order, the first one starting a word (人民防空 →
人防). A short topic word that no title of the index contains is looked up in the titles as such a
subsequence; the full forms found (each ended at the end of the word it stops in) become other ways to say it.
A two-character word the titles do not spell out is looked up in the text (``body_forms``) in the commonest
pattern only, two two-character words each starting with one of its characters (公共厕所, 民营企业).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
# Characters of the full form that may sit between two kept ones (人[民]防, 科[学技术]普).
MAX_SKIPPED = 3
# How many full forms of one abbreviation are kept (the most frequent in the titles).
MAX_FORMS = 3


def full_forms(word: str, titles: Sequence[str], tokenizer: Any) -> list[str]:
    """Full forms of ``word`` (2–3 Chinese characters, in no title) found in ``titles`` (normalised), most
    frequent first; [] when ``word`` is not such an abbreviation or is in a title itself."""
    if not 2 <= len(word) <= 3 or not _CJK.match(word) or any(_has_word(t, word, tokenizer) for t in titles):
        return []
    gap = f"[\u4e00-\u9fff]{{0,{MAX_SKIPPED}}}?"
    pattern = re.compile(re.escape(word[0]) + "".join(gap + re.escape(c) for c in word[1:]))
    found: Counter[str] = Counter()
    for title in titles:
        matches = list(pattern.finditer(title))
        if not matches:
            continue
        spans = tokenizer.spans(title)
        starts = {s for s, _ in spans}
        for m in matches:
            if m.start() not in starts:  # 个人防护 is not 人…防: 人 must start a word
                continue
            end = next((e for s, e in spans if s < m.end() <= e), m.end())
            form = title[m.start():end]
            if len(form) > len(word):
                found[form] += 1
    return [form for form, _ in found.most_common(MAX_FORMS)]


def _has_word(title: str, word: str, tokenizer: Any) -> bool:
    """True when ``word`` is in ``title`` starting a word (个人防护 has 人防 only inside its words)."""
    if word not in title:
        return False
    starts = {s for s, _ in tokenizer.spans(title)}
    return any(m.start() in starts for m in re.finditer(re.escape(word), title))


# A full form found in the text must be written in at least this many chunks …
MIN_CHUNKS = 3
# … and at least this share of the most frequent form's chunks (公共厕所, not a stray 公园厕所).
MIN_SHARE = 0.25
# A word more common than this in jieba's general dictionary is a word in its own right, not looked up as an
# abbreviation in the text (安全 9,921, 养老 651, 赔偿 1,072; 公厕 41, 城管 26, 社保 119, 交警 280): a prior that
# spares ordinary questions the look-up.
MAX_FREQUENCY = 500
# At most this many chunks are read to find the full forms of one word (a sample when its second half is common).
MAX_READ = 1000


def body_forms(word: str, index: Any) -> list[str]:
    """Full forms of a two-character ``word`` written in the index's text as two two-character dictionary words,
    each starting with one of its characters (公厕 → 公共厕所, 民企 → 民营企业, the commonest way Chinese
    abbreviates), most frequent first: for abbreviations no title spells out.

    A form counts when it is written in more chunks than ``word`` itself is indexed in (安全 is not an
    abbreviation of 安排全面: it is a word in its own right, far more common than that)."""
    if len(word) != 2 or not _CJK.match(word) or index.tokenizer.frequency(word) > MAX_FREQUENCY:
        return []
    backend, tokenizer = index.backend, index.tokenizer
    # A chunk that writes the form holds a word starting with its second half (厕所), or the whole form as one
    # word (公共厕所): only those chunks are read.
    seconds = [w for w in backend.words_starting(word[1], 3) if _CJK.match(w)]
    whole = [w for w in backend.words_starting(word[0], 3) if len(w) == 4 and w[2] == word[1] and _CJK.match(w)]
    if not (seconds or whole):
        return []
    keys = list(backend.postings(seconds + whole).keys)
    scale = max(1.0, len(keys) / MAX_READ)
    if len(keys) > MAX_READ:  # an even sample across the index, its counts scaled back up
        keys = [keys[int(i * scale)] for i in range(MAX_READ)]
    pattern = re.compile(re.escape(word[0]) + "[\u4e00-\u9fff]" + re.escape(word[1]) + "[\u4e00-\u9fff]")
    is_word: dict[str, bool] = {}

    def words(form: str) -> bool:
        for half in (form[:2], form[2:]):
            if half not in is_word:
                is_word[half] = tokenizer.frequency(half) > 0
        return is_word[form[:2]] and is_word[form[2:]]

    found: Counter[str] = Counter()
    for key in keys:
        found.update({m.group() for m in pattern.finditer(index.chunk(key).text) if words(m.group())})
    if not found:
        return []
    own = len(backend.postings([word]))
    top = found.most_common(1)[0][1]
    return [form for form, n in found.most_common(MAX_FORMS)
            if n >= MIN_CHUNKS and n >= MIN_SHARE * top and n * scale > own]
