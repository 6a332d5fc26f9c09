"""Question analysis: what kind of answer is wanted, and which places and years the question names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import QueryError
from .models import Region

_AGG = re.compile(
    r"(哪些|哪几个|哪个|哪一个|什么|哪)(城市|地方|地区|省份|省|市|县区|区县|县|区|地市|单位|部门)"
    r"|哪里|哪儿|各地|各市|各城市|which\s+(cities|city|places|provinces|counties|regions|districts)"
    r"|what\s+(cities|places|provinces|regions)|\bwhere\b",
    re.IGNORECASE,
)
_FACT = re.compile(
    r"多少|几个|几项|几家|几次|几年|几成|比例|比率|百分之|占比|何时|什么时候|哪一年|哪年|几月|日期|时间"
    r"|提高到|提升到|达到|增加到|是什么|是多少|有多|标准是|目标值|目标是|的目标$|how\s+(many|much)|\bwhen\b|what\s+(year|is|was|percentage)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_QUESTION_WORDS = re.compile(
    r"哪些|哪几个|哪个|哪一个|哪里|哪儿|哪一年|哪年|什么时候|什么|怎样|怎么样|怎么|如何|多少|是否|有没有|有哪些|请问"
    r"|城市|地方|地区|省份|[了吗呢吧？?！!。，,、]"
)
_CHINESE = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Z][a-z]{3,}")


@dataclass
class QuestionInfo:
    """What ``analyze_question`` found in a question."""

    text: str
    kind: str  # 'aggregation' | 'fact' | 'open'
    places: list[Region] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    topic: str = ""
    aggregation_level: str | None = None


def _places(text: str) -> tuple[list[Region], list[tuple[int, int]]]:
    """Places named in a question: any gazetteer name, and short county names when they are unambiguous."""
    from .regions import find_places, gazetteer

    found = find_places(text)
    spans = [(s, e) for _, s, e in found]
    regions = [r for r, _, _ in found]
    g = gazetteer()
    i = 0
    while i < len(text):
        if any(s <= i < e for s, e in spans):
            i += 1
            continue
        hit = None
        for length in range(min(6, len(text) - i), 1, -1):
            cands = g.candidates(text[i:i + length])
            if len(cands) == 1 and cands[0].level == "county":
                hit = (cands[0], i, i + length)
                break
        if hit:
            regions.append(hit[0])
            spans.append((hit[1], hit[2]))
            i = hit[2]
        else:
            i += 1
    if _LATIN.search(text):
        from .regions import find_romanized_places

        regions.extend(find_romanized_places(text))
    unique: list[Region] = []
    for r in regions:
        if r not in unique:
            unique.append(r)
    return unique, spans


def analyze_question(text: str) -> QuestionInfo:
    """Kind of question (aggregation over places, fact, open), the places and years it names, and its topic."""
    if text is None or not text.strip():
        raise QueryError("the question is empty: ask something, e.g. 哪些城市推进殡葬改革")
    from .textnorm import to_halfwidth, to_simplified

    norm = to_simplified(to_halfwidth(text.strip()))
    m = _AGG.search(norm)
    kind = "aggregation" if m else "fact" if _FACT.search(norm) else "open"
    level = None
    if m:
        level = m.group(2) if m.lastindex and m.group(2) else ("地方" if _CHINESE.search(m.group()) else "places")
    places, spans = _places(norm)
    years = [int(y) for y in _YEAR.findall(norm)]
    topic_chars = [ch for i, ch in enumerate(norm) if not any(s <= i < e for s, e in spans)]
    topic = "".join(topic_chars)
    topic = _YEAR.sub("", topic)
    topic = _QUESTION_WORDS.sub("", topic).strip()
    return QuestionInfo(text=text, kind=kind, places=places, years=years, topic=topic or norm,
                        aggregation_level=level)
