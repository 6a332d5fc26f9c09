"""Where a document is from: the places its text names, and its place inferred from hints and mentions.

Mentions in running text follow the rules of questions (``question_places``): a name counts only where it is
written as a place, on jieba word boundaries (规定安装 holds 定安, 平台中 holds 台中: neither is a place), not
inside an ordinary word of not_places.txt unless the parent is named too, and only full names or the usual
short names of provinces and prefectures (a county's, a 省直辖县级 unit's or a Hong Kong district's short name
is too often part of a word). Word boundaries are found by jieba on a small window around each candidate.

The place is then decided by the hints, the places the document names as its own (the issuer, the organ that
adopted it, the signature, the title, the label block), in that order of precedence: a hint that names a
place outweighs any number of mentions in running text, which choose only within it (a county of the hinted
city when one county is clearly dominant), and decide alone only when no hint names a place. A hint's place is
its first place and the places nested right after it (浙江省景宁畲族自治县 → 景宁畲族自治县): a place written
later in a title is its subject (上海市台湾同胞投资权益保护规定 is Shanghai's).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence

from .models import Region
from .question_places import PlaceMention, WindowWords, place_mentions, written_places
from .regions import gazetteer, region_contains

MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_HK_MACAO_TAIWAN = ("香港特别行政区", "澳门特别行政区", "台湾省")
# With no hint, a province named this many times as often as any city is the document's place. Chosen on the
# tune half of the DLC regulations with hints left out (eval/doc_places.py --hints text): 3 turns 8 of its 18
# provincial documents lost to a city into right ones and loses none of its 371 city documents (2 gains 10 and
# loses 1).
PROVINCE_OVER_CITY = 3
_BETWEEN_NESTED = re.compile(r"[\s·]*")
# The title of another document (落实《安徽省养老机构备案管理办法》): its place is that document's, not this one's.
_CITED_TITLE = re.compile(r"《[^《》\n]{1,80}》")


def text_places(text: str, tokenizer: object = None) -> list[PlaceMention]:
    """Places written as places in a document's running text, in order, with their spans."""
    return written_places(text, WindowWords(text, tokenizer))


def hint_place(hint: str) -> Region | None:
    """The place a hint names as its own: its first place, made more specific by full names nested right after
    it (上海市浦东新区 → 浦东新区; 上海市台湾同胞… → 上海市; 温州市泰顺廊桥… → 温州市: a short name after its parent is
    the subject, a county's own title writes its full name). None when it names no place."""
    mentions = place_mentions(hint)
    if not mentions:
        return _office_place(hint)
    place, end = mentions[0].region, mentions[0].end
    for m in mentions[1:]:
        if not _BETWEEN_NESTED.fullmatch(hint[end:m.start]):
            break
        if m.how == "full" and region_contains(place, m.region) and m.region != place:
            place = m.region
        elif not region_contains(m.region, place):  # 上海市上海港: a repeat or a parent goes on, another place stops
            break
        end = m.end
    return place


# An office named after its place (市南区民政局, 城东区人民政府): the name is the place even where it is also a
# common noun (the city's southern district), which not_places.txt otherwise keeps from counting alone.
_OFFICE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{1,12}?(?:省|市|县|区|旗|州|盟))"
                     r"(?:民政局|民政厅|人民政府|政府|人大常委会|人民代表大会|委员会|办公室|办公厅|局|厅|委)")


def _office_place(hint: str) -> Region | None:
    m = _OFFICE.match(hint.strip())
    if not m:
        return None
    cands = list(dict.fromkeys(gazetteer().candidates(m.group("name"))))
    return cands[0] if len(cands) == 1 and cands[0].name == m.group("name") else None


def _as_document_place(r: Region) -> Region:
    """A region as a document's place: a municipality (上海市) is the city of itself, codes from the gazetteer."""
    if r.province in MUNICIPALITIES and not r.county:
        r = Region(province=r.province, city=r.province, level="city")
    elif r.level == "county":
        r = Region(province=r.province, city=r.city, county=r.county, level="county")
    elif r.city:
        r = Region(province=r.province, city=r.city, level="city")
    else:
        r = Region(province=r.province, level="province")
    return Region(province=r.province, city=r.city, county=r.county, level=r.level, code=_code_of(r))


def _code_of(region: Region) -> str | None:
    for cand in gazetteer().candidates(region.name or ""):
        if cand == region and (cand.level == region.level or region.province in MUNICIPALITIES):
            return cand.code
    return None


def _by_votes(mentions: Sequence[PlaceMention], within: Region | None,
              cited: Sequence[PlaceMention] = ()) -> Region | None:
    """The place the mentions point to, among places inside ``within`` (anywhere when None).

    A county's mention votes for its city, so a city document that names its counties again and again lands
    on the city; a municipality (上海市) is a city, its districts vote for it. A province wins when no city is
    named, or when it is named ``PROVINCE_OVER_CITY`` times as often as the most named city, not counting the
    ``cited`` mentions (in the titles of other documents: 落实《安徽省…办法》 is what a district of 安徽省 does
    too). Hong Kong, Macao and Taiwan are named in mainland texts as partners (香港、澳门特别行政区和台湾地区的
    船舶): they count only when nothing else is named.
    """
    cited_at = {m.start for m in cited}
    usable = [m for m in mentions if m.region.province and (within is None or region_contains(within, m.region))]
    mainland = [m for m in usable if m.region.province not in _HK_MACAO_TAIWAN]
    provinces: Counter[str] = Counter()
    own: Counter[str] = Counter()  # a province's mentions outside cited titles
    cities: Counter[tuple[str, str]] = Counter()
    for m in mainland or usable:
        province, city = m.region.province or "", m.region.city
        if province in MUNICIPALITIES:
            cities[province, province] += 1
        elif city:
            cities[province, city] += 1
        else:
            provinces[province] += 1
            own[province] += m.start not in cited_at
    top_province = max(((n, p) for p, n in provinces.items()), default=None)
    top_city = max(((n, pc) for pc, n in cities.items()), default=None)
    if top_city and not (top_province and own[top_province[1]] >= PROVINCE_OVER_CITY * top_city[0]):
        province, city = top_city[1]
        return Region(province=province, city=city, level="city")
    return Region(province=top_province[1], level="province") if top_province else None


def infer_document_region(text: str, hints: Sequence[str] = (), weak_hints: Sequence[str] = (),
                          tokenizer: object = None) -> Region:
    """Where a document is from.

    ``hints``: what the document says of itself, strongest first (issuer, adopting organ, signature, title,
    label block); the first that names a place decides, whatever ``text`` mentions. ``weak_hints`` (the site's name, the source of a page) name a place the
    document is inside of: the text chooses within it. Without any hint the text decides alone.
    """
    hinted = next((p for p in map(hint_place, filter(None, hints)) if p is not None), None)
    if hinted is not None:
        return _as_document_place(hinted)
    within = next((p for p in map(hint_place, filter(None, weak_hints)) if p is not None), None)
    cited = [m.span() for m in _CITED_TITLE.finditer(text)]  # non-overlapping, in order
    starts = [s for s, _ in cited]
    mentions = text_places(text, tokenizer)

    def in_cited(m: PlaceMention) -> bool:
        k = bisect_right(starts, m.start) - 1
        return k >= 0 and m.end <= cited[k][1]

    voted = _by_votes(mentions, within, [m for m in mentions if in_cited(m)])
    place = voted or within
    return _as_document_place(place) if place is not None else Region()
