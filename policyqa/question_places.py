"""Places named in a question, recognised only where they are written as places.

A place is recognised when the question writes it as a place: its full name (武义县, 舟山市, 宁夏回族自治区),
or the usual short name of a province or a prefecture-level city (浙江, 舟山, 厦门, 延边). A county's short
name (武义, 义乌) is recognised only right after its parent (金华武义, 浙江义乌): counted over the real
regulations and national laws, a bare county short name is an ordinary word far more often than a place
(合作, 资源, 公安, 新建, 延长, 振兴 …; see eval/place_mentions.py). Every mention must also begin and end on
a word boundary of the jieba segmentation, so that a name inside a longer word is never a place
(长治久安, 入海口, 复合肥, 北京时间, 规定安装 → 定安, 出台前 → 台前).

The rules were chosen on the ``tune`` half of ``eval/place_mentions.jsonl`` and are reported on its
``report`` half (``python eval/place_mentions.py``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .models import Region
from .regions import find_romanized_places, gazetteer, region_contains, short_name

# The 55 minority nationalities, as they appear inside autonomous prefecture names: 延边朝鲜族自治州 is
# called 延边, 黔西南布依族苗族自治州 黔西南, 博尔塔拉蒙古自治州 博尔塔拉.
_ETHNIC = ("蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼",
           "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
           "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克",
           "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺")
_ETHNIC_TAIL = re.compile("(?:" + "|".join(sorted(_ETHNIC, key=len, reverse=True)) + ")族?$")
_LEVEL_ORDER = {"province": 0, "city": 1, "county": 2}
# A one-character stem before 县/区/市 that is a function word: 市和县 is "city and county", not 和县.
_FUNCTION_STEMS = frozenset("和与及或各本该全省市县区等对在为")


@dataclass(frozen=True)
class PlaceMention:
    """A place written in a question: the region, where it is written, and how it was recognised."""

    region: Region
    start: int
    end: int
    how: str  # 'full' | 'short' | 'after_parent' | 'romanized'


def usual_short_name(full: str) -> str | None:
    """延边朝鲜族自治州 → 延边, 广西壮族自治区 → 广西, 金华市 → 金华; None when nothing shorter of two or more characters remains."""
    name = short_name(full)
    if name == full:
        return None
    while True:
        stripped = _ETHNIC_TAIL.sub("", name)
        if stripped == name or len(stripped) < 2:
            break
        name = stripped
    return name if len(name) >= 2 else None


def _prefecture_level(r: Region) -> bool:
    # 省直辖县级 units (仙桃市 429004, 东方市 469007) and the districts of Hong Kong and Macao are recorded as
    # cities by the gazetteer because nothing sits between them and the province, but they are county-level.
    code = r.code or ""
    return r.level == "province" or (r.level == "city" and code.endswith("00") and code[2:4] != "90")


@dataclass
class _Tables:
    full: dict[str, tuple[Region, ...]]
    short: dict[str, tuple[Region, ...]]
    county_short: dict[str, tuple[Region, ...]]
    lengths: dict[str, tuple[int, ...]]  # first character → lengths of the names it starts, longest first


def _ranked(regions: list[Region]) -> tuple[Region, ...]:
    unique = list(dict.fromkeys(sorted(regions, key=lambda r: _LEVEL_ORDER.get(r.level or "county", 2))))
    return tuple(unique)


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    full: dict[str, list[Region]] = defaultdict(list)
    short: dict[str, list[Region]] = defaultdict(list)
    county_short: dict[str, list[Region]] = defaultdict(list)
    every = {r.code: r for regions in gazetteer().by_name.values() for r in regions}
    for r in every.values():
        name = r.name or ""
        full[name].append(r)
        alias = usual_short_name(name)
        if alias:
            (short if _prefecture_level(r) else county_short)[alias].append(r)
    as_tuples = {k: {n: _ranked(v) for n, v in d.items()} for k, d in
                 (("full", full), ("short", short), ("county_short", county_short))}
    lengths: dict[str, set[int]] = defaultdict(set)
    for d in as_tuples.values():
        for name in d:
            lengths[name[0]].add(len(name))
    return _Tables(as_tuples["full"], as_tuples["short"], as_tuples["county_short"],
                   {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()})


# jieba keeps some compounds of a place name whole (深圳经济特区, 上海港, 台湾同胞, 中国香港): the name is still the
# place when the rest of the word only says which part, port or people of it.
_TAILS = frozenset({"经济特区", "特区", "地区", "市区", "港", "人", "同胞", "籍"})
_HEADS = frozenset({"中国"})


@lru_cache(maxsize=1)
def _not_places() -> re.Pattern[str]:
    from importlib import resources

    text = resources.files("policyqa").joinpath("data", "not_places.txt").read_text(encoding="utf-8")
    words = {line.split("#")[0].strip() for line in text.splitlines()} - {""}
    # A lookahead finds overlapping words too (老城区 and 城区).
    return re.compile("(?=(" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + "))")


class _Words:
    """Word boundaries of a text, and the stretches covered by words listed in not_places.txt."""

    def __init__(self, text: str, spans: list[tuple[int, int]]):
        self.text = text
        self.starts = {s for s, _ in spans} | {0}
        self.ends = {e for _, e in spans} | {len(text)}
        self.word_at = {}
        for s, e in spans:
            for i in range(s, e):
                self.word_at[i] = (s, e)
        self.masked = [(m.start(), m.start() + len(m.group(1))) for m in _not_places().finditer(text)]

    def acceptable(self, name: str, start: int, end: int, full: bool) -> bool:
        """The name is written as a word of its own (or as the head of a compound like 深圳经济特区)."""
        if full and len(name) == 2 and name[0] in _FUNCTION_STEMS:
            return False
        if start in self.starts and end in self.ends:
            return True
        # jieba also keeps some chains of places whole (上海市浦东新区): each name in the chain is a place.
        if start in self.starts:
            word = self.word_at.get(end)
            rest = self.text[end:word[1]] if word else ""
            return bool(word and word[0] == start and (rest in _TAILS or rest in _tables().full))
        if end in self.ends:
            word = self.word_at.get(start)
            head = self.text[word[0]:start] if word else ""
            return bool(word and word[1] == end and (head in _HEADS or head in _tables().full))
        return False

    def in_ordinary_word(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.masked)


class WindowWords:
    """The word boundaries of a long text (a document), segmented only around the positions asked about.

    Offers what ``_scan`` asks of ``_Words`` (``acceptable``, ``in_ordinary_word``, ``ends``). A document of a
    few thousand characters holds a few dozen place-name candidates: jieba on a window of ``MARGIN`` characters
    either side of each costs far less than on the whole text (~40 ms for a 6,000-character regulation), and
    the segmentation next to a name does not depend on text that far away.
    """

    MARGIN = 8

    def __init__(self, text: str, tokenizer: Any = None):
        self.text = text
        self.tokenizer = tokenizer or _default_tokenizer()
        self._window: tuple[int, int, _Words] | None = None
        self._seen: dict[str, _Words] = {}
        self.ends = _WindowEnds(self)

    def around(self, start: int, end: int) -> tuple[int, _Words]:
        """The offset and words of a window holding ``[start, end)`` with a margin either side."""
        w = self._window
        if w is None or not (w[0] + self.MARGIN <= start or w[0] == 0) or not (end + self.MARGIN <= w[1]
                                                                             or w[1] == len(self.text)):
            lo, hi = max(0, start - self.MARGIN), min(len(self.text), end + 2 * self.MARGIN)
            sub = self.text[lo:hi]
            words = self._seen.get(sub)
            if words is None:
                # Documents repeat their phrases (a place with its office, 全市各县区): segment each window once.
                if len(self._seen) >= 4096:
                    self._seen.clear()
                words = self._seen[sub] = _Words(sub, self.tokenizer.spans(sub))
            w = self._window = (lo, hi, words)
        return w[0], w[2]

    def acceptable(self, name: str, start: int, end: int, full: bool) -> bool:
        lo, words = self.around(start, end)
        return words.acceptable(name, start - lo, end - lo, full)

    def in_ordinary_word(self, start: int, end: int) -> bool:
        lo, words = self.around(start, end)
        return words.in_ordinary_word(start - lo, end - lo)


class _WindowEnds:
    def __init__(self, words: WindowWords):
        self.words = words

    def __contains__(self, i: int) -> bool:
        lo, words = self.words.around(max(0, i - 1), i)
        return (i - lo) in words.ends


@dataclass
class _Found:
    cands: tuple[Region, ...]
    start: int
    end: int
    how: str
    ordinary: bool = False  # inside a word of not_places.txt: kept only when the parent is named


@lru_cache(maxsize=1)
def _starts_automaton() -> Any:
    """Aho-Corasick automaton (ahocorasick-rs, Apache-2.0) of every full and short name: one pass over a long
    text finds the positions where some name begins, so the scan skips the rest (a 20 MB file otherwise spends
    most of its parsing time trying names at every character)."""
    from ahocorasick_rs import AhoCorasick

    t = _tables()
    return AhoCorasick(sorted(set(t.full) | set(t.short)))


def _name_starts(text: str) -> list[int]:
    """Positions of ``text`` where a full or short place name begins, ascending."""
    return sorted({s for _, s, _ in _starts_automaton().find_matches_as_indexes(text, overlapping=True)})


def _scan(text: str, words: _Words) -> list[_Found]:
    from bisect import bisect_left

    t = _tables()
    found: list[_Found] = []
    starts = _name_starts(text) if len(text) > 200 else None
    i, n = 0, len(text)
    while i < n:
        if starts is not None:
            k = bisect_left(starts, i)
            if k == len(starts):
                break
            i = starts[k]
        hit = None
        for length in t.lengths.get(text[i], ()):
            if i + length > n:
                continue
            s = text[i:i + length]
            cands = t.full.get(s)
            how = "full"
            if not cands:
                cands, how = t.short.get(s), "short"
            if cands and words.acceptable(s, i, i + length, how == "full"):
                hit = _Found(cands, i, i + length, how, words.in_ordinary_word(i, i + length))
                break
        if hit is None:
            i += 1
            continue
        found.append(hit)
        i = hit.end
        child = _child_after(text, hit.cands, i, words)
        if child:
            found.append(child)
            i = child.end
    return found


def _child_after(text: str, parents: tuple[Region, ...], i: int, words: _Words) -> _Found | None:
    """A county's short name written right after its city or province: 金华武义, 浙江义乌, 温州市泰顺."""
    t = _tables()
    for length in t.lengths.get(text[i:i + 1], ()):
        name = text[i:i + length]
        cands = t.county_short.get(name)
        if not cands or name in t.short or (i + length) not in words.ends:
            continue  # a prefecture's short name (白银) is the prefecture, not its district (白银区)
        inside = tuple(c for c in cands if any(region_contains(p, c) for p in parents))
        if len(inside) == 1:
            return _Found(inside, i, i + length, "after_parent")
    return None


_SEPARATOR = re.compile(r"\s*(?:、|,|，|和|与|及|以及|或)\s*")


def _listed_siblings(text: str, found: list[_Found], words: _Words) -> list[_Found]:
    """County short names in a list with places of the same city: 崂山、城阳、即墨等区; 宁波、余姚.

    A word that is a county's short name is kept when it stands in a list (、 和 与 及) next to a place of
    its city, or next to another such word of the same city; two ordinary words (公安、财政) are short names
    of counties of the same city too rarely to matter.
    """
    t = _tables()
    taken = [(f.start, f.end) for f in found]
    loose: list[_Found] = []
    for s in sorted(words.starts):
        for length in t.lengths.get(text[s:s + 1], ()):
            e = s + length
            cands = t.county_short.get(text[s:e])
            if cands and e in words.ends and not any(a < e and s < b for a, b in taken):
                loose.append(_Found(cands, s, e, "listed"))
                break
    if not loose:
        return []
    items = sorted(found + loose, key=lambda f: f.start)
    runs: list[list[_Found]] = [[items[0]]]
    for prev, cur in zip(items, items[1:]):
        if _SEPARATOR.fullmatch(text[prev.end:cur.start]):
            runs[-1].append(cur)
        else:
            runs.append([cur])
    out = []
    for run in runs:
        named = {c.city for f in run if f.how != "listed" and len(f.cands) == 1 for c in f.cands if c.city}
        named |= {c.province for f in run if f.how != "listed" and len(f.cands) == 1 for c in f.cands
                  if c.level == "province"}
        cities = [{c.city for c in f.cands} for f in run if f.how == "listed"]
        for f in (f for f in run if f.how == "listed"):
            fits = [c for c in f.cands if c.city in named or c.province in named
                    or sum(c.city in cs for cs in cities) >= 2]
            if len(fits) == 1:
                out.append(_Found((fits[0],), f.start, f.end, "listed"))
    return out


def _resolve(found: list[_Found]) -> list[PlaceMention]:
    """One region per mention: a name shared by several places is kept when the question names its parent,
    or when one of its places is of a higher level than the others and not a county (吉林 → 吉林省). A name
    inside an ordinary word (老城区, 白银) is kept only when the question names its parent."""
    context = {n for f in found if len(f.cands) == 1 and not f.ordinary for n in f.cands[0].names()}
    out = []
    for f in found:
        parent_named = [c for c in f.cands if (c.city if c.county else c.province) in context and c.name not in
                        (c.province, )]
        if f.ordinary:
            if len(parent_named) == 1:
                out.append(PlaceMention(parent_named[0], f.start, f.end, f.how))
            continue
        if len(f.cands) == 1:
            out.append(PlaceMention(f.cands[0], f.start, f.end, f.how))
        elif len(parent_named) == 1:
            out.append(PlaceMention(parent_named[0], f.start, f.end, f.how))
        elif not parent_named:
            top = _LEVEL_ORDER.get(f.cands[0].level or "county", 2)
            best = [c for c in f.cands if _LEVEL_ORDER.get(c.level or "county", 2) == top]
            if len(best) == 1 and best[0].level != "county":
                out.append(PlaceMention(best[0], f.start, f.end, f.how))
    return sorted(out, key=lambda m: m.start)


def written_places(text: str, words: Any) -> list[PlaceMention]:
    """Places written in ``text`` as places: full names, the usual short names of provinces and prefectures,
    a county's short name right after its parent; on word boundaries (``words``: a ``WindowWords`` for a long
    text), not inside a word of not_places.txt unless the parent is named too. Shared by questions and
    documents (``policyqa.document_places``)."""
    return _resolve(_scan(text, words))


@lru_cache(maxsize=1)
def _default_tokenizer() -> Any:
    from .tokenizer import Tokenizer

    return Tokenizer()


# A county's short name standing alone is a place far less often than a word (about 2% of such words in the
# regulations and national laws, eval/county_short_words.py). When the index holds that county's documents,
# the odds change; the word is then taken as the county unless it is a common word: every such word of the
# mined corpora that meant the county has a jieba dictionary frequency under 300 (金山 291, 青州 223, 义乌 92),
# the common words that sink precision are above it (振兴 659, 平安 1438, 合作 13478, 资源 17453).
COMMON_WORD_FREQUENCY = 300


def _indexed_counties(text: str, words: _Words, taken: list[PlaceMention], known: Collection[Region],
                      tokenizer: Any) -> list[PlaceMention]:
    t = _tables()
    out: list[PlaceMention] = []
    for s, e in sorted(set(words.word_at.values())):
        word = text[s:e]
        if word not in t.county_short or any(m.start < e and s < m.end for m in taken + out):
            continue
        if not isinstance(known, (set, frozenset)):
            known = set(known)
        cands = [c for c in t.county_short[word] if c in known]
        if len(cands) == 1 and tokenizer.frequency(word) < COMMON_WORD_FREQUENCY:
            out.append(PlaceMention(cands[0], s, e, "indexed_county"))
    return out


def place_mentions(text: str, tokenizer: Any = None, known_places: Collection[Region] | None = None,
                   spans: list[tuple[int, int]] | None = None) -> list[PlaceMention]:
    """Places written in ``text`` (normalised: half-width, simplified), in order, with their spans.

    ``tokenizer`` gives the word boundaries (a policyqa Tokenizer; the index's own when there is one, so
    that its user dictionary counts); by default a process-wide one with the bundled dictionary.
    ``known_places``, the regions the index holds documents from, lets a county's bare short name that
    stands as a word of its own and is not a common word (武义 in 武义殡仪馆) count for that county.
    ``spans``: the tokenizer's word spans of ``text`` when the caller already has them.
    """
    tokenizer = tokenizer or _default_tokenizer()
    words = _Words(text, tokenizer.spans(text) if spans is None else spans)
    found = _scan(text, words)
    mentions = _resolve(found + _listed_siblings(text, found, words))
    if known_places:
        mentions = sorted(mentions + _indexed_counties(text, words, mentions, known_places, tokenizer),
                          key=lambda m: m.start)
    if re.search(r"[A-Z][a-z]{3,}", text):
        mentions.extend(PlaceMention(r, s, e, "romanized") for r, s, e in find_romanized_places(text, spans=True))
    return mentions
