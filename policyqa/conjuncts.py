"""Words a question joins with 和 / 与 / 及 / 或 / 、: either one is what it asks about.

哪些地方对民间借贷和小额贷款作出规定 asks about regulations on 民间借贷 or on 小额贷款; a regulation that rules on one
of them answers it. The conjuncts are the words on either side of the conjunction, after the words both sides
share (技术合同和技术交易: 合同 and 交易, 技术 shared); a chain (菜市场、农贸市场和集贸市场) joins them all. Examples
and the kind they are examples of are joined the same way (KTV、歌舞厅等娱乐场所: a regulation on 娱乐场所 answers).
"""

from __future__ import annotations

from typing import Any

from .textnorm import normalize

CONJUNCTIONS = frozenset({"和", "与", "及", "以及", "或", "或者", "、", "跟", "同", "等", "等等"})
# The conjunctions that say "either one": the asker takes either side as what is asked about.
DISJUNCTIONS = frozenset({"或", "或者"})


def conjunct_segments(tokenizer: Any, text: str) -> list[list[str]]:
    """The content words of ``text`` between its conjunctions, in order (one segment when it has none): 有管杀猪宰牛、
    定点屠宰的法规 → [有, 管, 杀猪, 宰牛], [定点, 屠宰, 法规] as the tokenizer cuts them."""
    return _segments(tokenizer, text)[0]


def _segments(tokenizer: Any, text: str) -> tuple[list[list[str]], list[str]]:
    """``conjunct_segments`` and the conjunction after each segment but the last."""
    norm = normalize(text).lower()
    segments: list[list[str]] = [[]]
    joins: list[str] = []
    for start, end in tokenizer.spans(norm):
        word = norm[start:end]
        if word in CONJUNCTIONS:
            segments.append([])
            joins.append(word)
        else:
            segments[-1].extend(tokenizer.tokenize(word))
    return segments, joins


def conjunct_groups(tokenizer: Any, text: str, only: frozenset[str] | None = None) -> list[list[str]]:
    """Groups of content words of ``text`` that a conjunction joins (each group: two or more words, in order); with
    ``only``, joined by those conjunctions (``DISJUNCTIONS``: the words asked about either way)."""
    norm = normalize(text).lower()
    segments, joins = _segments(tokenizer, text)
    pairs = []
    for left, right, join in zip(segments, segments[1:], joins):
        if only is not None and join not in only:
            continue
        shared = 0
        while shared < min(len(left), len(right)) - 1 and left[shared] == right[shared]:
            shared += 1
        left, right = left[shared:], right[shared:]
        if left and len(right) > 1 and len(left[-1]) > len(right[1]) and left[-1].endswith(right[1]) \
                and right[0] + right[1] in norm:
            # 人造肉、植物肉: the tokenizer cut the second one (植物 / 肉); its first word alone is not what is joined.
            continue
        if left and right and left[-1] != right[0]:
            pairs.append((left[-1], right[0]))
    groups: list[list[str]] = []
    for a, b in pairs:
        for group in groups:
            if a in group or b in group:
                group.extend(w for w in (a, b) if w not in group)
                break
        else:
            groups.append([a, b])
    return groups
