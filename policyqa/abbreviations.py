"""Abbreviations a question uses and the titles spell out: 人防 → 人民防空, 固废 → 固体废物, 计生 → 计划生育.

A Chinese abbreviation keeps characters of its full form in order, the first one starting a word (人民防空 →
人防). A short topic word that no title of the index contains is looked up in the titles as such a
subsequence; the full forms found (each ended at the end of the word it stops in) become other ways to say it.
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
