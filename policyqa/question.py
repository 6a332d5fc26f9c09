"""Question analysis: the kind of answer wanted, the places and years named and the role of each place,
the level of a "which places" question and its scope, and the topic the documents must address."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .errors import QueryError
from .models import Region

# "Which places" questions, with the level they ask for. The level word must end a word: 哪些市场 asks
# about markets, 哪些区域 about areas. Units, departments and bodies (哪些单位/部门/机构) are not places.
_AGG = re.compile(
    r"(?:哪些|哪几个|哪几|哪个|哪一个|什么|哪)(?P<zh>省份|省区|省市|城市|地市|市县|县市|县区|区县|地方|地区|自治区|自治州|自治县|省|市|县|区|旗)"
    r"|(?P<zh_any>哪里|哪儿)|各(?P<zh_each>省份|省|城市|地市|市|县区|区县|县|区|地)"
    r"|(?:which|what)\s+(?P<en>cities|city|prefectures|provinces|province|counties|county|districts|district"
    r"|places|place|regions|region|localities)\b|(?P<en_any>\bwhere\b)",
    re.IGNORECASE,
)
_LEVELS = {
    "省份": "province", "省区": "province", "省": "province", "provinces": "province", "province": "province",
    "城市": "city", "地市": "city", "市": "city", "cities": "city", "city": "city", "prefectures": "city",
    "县区": "county", "区县": "county", "县": "county", "区": "county", "counties": "county",
    "自治区": "province", "自治州": "city", "自治县": "county", "旗": "county",
    "county": "county", "districts": "county", "district": "county",
}  # anything else (地方, 地区, 各地, 省市, 市县, places, where …) asks for places of any level: 'any'
_LEVEL_ORDER = {"province": 0, "city": 1, "county": 2}
# Between a scope and the "which" phrase: 浙江省哪些城市, 金华下辖哪些县, 山东有哪些市, 浙江省内的哪些地方.
_SCOPE_LINK = re.compile(
    r"(?:\s|[,，、]|的|有|里|中|当中|之中|下辖|所辖|辖区|下属|所属|全省|全市|(?:省|市|州|县|区)?(?:内|境内|辖区内|范围内|区域内))*")
_SCOPE_LINK_EN = re.compile(r"\s+(?:in|of|within|across)\s+(?:the\s+)?(?:(?:province|city|county)\s+of\s+)?",
                            re.IGNORECASE)
# A place that is what the question is about rather than where the documents are from: 对口支援新疆,
# 学习借鉴杭州经验, 赴上海考察; 向杭州学习.
_SUBJECT_BEFORE = re.compile(r"(?:对口支援|对口帮扶|对口协作|对口|支援|援助|援建|帮扶|学习借鉴|学习|借鉴|对接|融入|接轨|"
                             r"赴|前往|派往|来自)(?:了|的)?$")
_LEARN_FROM = re.compile(r"向$")
_LEARN_AFTER = re.compile(r"^(?:学习|看齐|取经)")
_FACT = re.compile(
    r"多少|几个|几项|几家|几次|几年|几成|比例|比率|百分之|占比|何时|什么时候|哪一年|哪年|几月|日期|时间"
    r"|提高到|提升到|达到|增加到|是什么|是多少|有多|标准是|目标值|目标是|的目标$|how\s+(many|much)|\bwhen\b|what\s+(year|is|was|percentage)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
_QUESTION_WORDS = re.compile(
    r"哪些|哪几个|哪个|哪一个|哪里|哪儿|哪一年|哪年|什么时候|什么|怎样|怎么样|怎么|如何|多少|是否|有没有|有哪些|请问"
    # 吗, 呢, 吧 end a sentence; inside one they are part of a word (网吧, 酒吧, 吗啡).
    r"|[了？?！!。，,]|[吗呢吧](?=[\s？?！!。，,]|$)"
)
# A list's 、 stays in the topic, between its items: without it the items run together into another word (酒店、宾馆 →
# 酒店宾馆, which the tokenizer keeps whole).
_LIST_MARKS = re.compile(r"^、+|、+$|(?<=、)、+")
_CHINESE = re.compile(r"[\u4e00-\u9fff]")
# The kind of document asked for, at the end of the topic: 哪些城市出台了物业管理条例 asks for documents that
# are 物业管理 regulations (their title says so), not for passages that mention 物业 in passing.
# Asking whether documents make rules on a topic (对养犬管理作出规定), not whether a place does something
# (推进殡葬改革): rules are a set of provisions, so a single passing mention does not answer it.
_PROVISIONS = re.compile(r"(?:作出|做出)了?(?:专门|相关|具体|明确)?(?:规定|限制|要求)|有(?:专门|相关|具体|明确)?(?:的)?(?:规定|要求)"
                         r"|规定了|提出了?(?:明确)?要求|进行了?规范")
# 哪些地方的法规对…作出规定: whose documents say something about the topic — a question about content.
_WHOSE_DOCUMENTS = re.compile(r"^的?(?:地方性法规|法规|规章|条例|文件|政策)(?P<within>中|里|当中)?")
# … and what they are said to do with it, which they never write of themselves: 法规规定可以抽检产品, 法规说了证照会被注销,
# 法规让工会帮职工维权 (as 法规对…作出规定).
_SAYING = re.compile(r"^(?:都|也|还)?(?:明确)?(?:规定|说明|说到|说|写明|写到|写|讲到|讲|提到|谈到|允许|让)了?")
_DOC_KIND = re.compile(r"(?:(?:方面|相关|有关)?的?)(?P<kind>地方性法规|政府规章|法规|规章|条例|管理办法|办法|实施细则|细则"
                       r"|规定|政策文件|政策|文件|规划|实施方案|方案|实施意见|意见)$")


@dataclass
class QuestionInfo:
    """What ``analyze_question`` found in a question.

    ``places`` steer retrieval (a preference for their documents); ``scope`` is the place that contains
    the answer places of a "which places" question (浙江省 in 浙江省哪些城市…), not also a steering place;
    ``subject_places`` are what the question is about (对口支援新疆, 学习借鉴杭州经验) and neither restrict
    nor steer. ``aggregation_level`` is the level a "which places" question asks for: 'province', 'city',
    'county' or 'any'. ``topic`` is the question without question words, asking frames, years and the
    places that steer or scope (subject places stay: documents must mention them). ``document_kind`` is the
    kind of document a question asks for (条例 in 哪些城市出台了物业管理条例), taken off the topic: such a
    question asks for documents about the topic, not for passages that mention it. ``asks_provisions``: the
    question asks whether documents make rules on the topic (对养犬管理作出规定).
    """

    text: str
    kind: str  # 'aggregation' | 'fact' | 'open'
    places: list[Region] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    topic: str = ""
    aggregation_level: str | None = None
    scope: Region | None = None
    subject_places: list[Region] = field(default_factory=list)
    document_kind: str | None = None
    asks_provisions: bool = False


@lru_cache(maxsize=1)
def question_frames() -> tuple[str, ...]:
    """Phrases that ask rather than describe (出台, 作出规定 …), longest first, from data/question_frames.txt."""
    from importlib import resources

    text = resources.files("policyqa").joinpath("data", "question_frames.txt").read_text(encoding="utf-8")
    frames = {line.split("#")[0].strip() for line in text.splitlines()}
    return tuple(sorted((f for f in frames if f), key=len, reverse=True))


def _aggregation(norm: str, ends: set[int]) -> re.Match[str] | None:
    for m in _AGG.finditer(norm):
        if m.group("zh") or m.group("zh_each"):
            if m.end() not in ends:  # 哪些市场, 各地区 are fine; 哪些区域 is not a level word
                continue
        return m
    return None


def _level(m: re.Match[str]) -> str:
    word = m.group("zh") or m.group("zh_each") or m.group("en") or ""
    return _LEVELS.get(word.lower(), "any")


def _roles(norm: str, mentions: list[Any], agg: re.Match[str] | None, level: str | None
           ) -> tuple[Any | None, set[int]]:
    """The scope mention (if any) and the indexes of subject mentions."""
    scope = None
    subject: set[int] = set()
    if agg is not None:
        for i, m in enumerate(mentions):
            before = m.end <= agg.start() and _SCOPE_LINK.fullmatch(norm[m.end:agg.start()])
            after = m.start >= agg.end() and _SCOPE_LINK_EN.fullmatch(norm[agg.end():m.start])
            higher = level == "any" or _LEVEL_ORDER.get(m.region.level or "", 3) < _LEVEL_ORDER[level or "county"]
            if (before or after) and higher:
                scope = m  # the nearest one wins: 浙江省金华市哪些县 → 金华市
                if after:
                    break
        # In a "which places" question every other place is subject matter: the answer places are unknown.
        subject = {i for i, m in enumerate(mentions) if m is not scope and not _inside(m.region, scope)}
        return scope, subject
    for i, m in enumerate(mentions):
        head = norm[max(0, m.start - 6):m.start]
        if _SUBJECT_BEFORE.search(head) or (_LEARN_FROM.search(head) and _LEARN_AFTER.match(norm[m.end:])):
            subject.add(i)
        elif i - 1 in subject and re.fullmatch(r"[、和与及]?", norm[mentions[i - 1].end:m.start]):
            subject.add(i)  # 对口支援新疆和田: both
    return None, subject


def _inside(region: Region, scope: Any) -> bool:
    """A parent of the scope written with it (浙江省金华市哪些县: 浙江省) is not subject matter."""
    from .regions import region_contains

    return scope is not None and region_contains(region, scope.region)


# … and a 的 left in front once the words before it are gone (对本地的殡葬改革 → 的殡葬改革); 的士 is one word. So is the
# 着 of 管着 (法规管着上山砍树…: the answer showed “着上山砍树…”); 着火 is one word. On the 1,121 spent DLC questions −1
# right place, +1 wrong, and 35 topics shown without it.
_LEADING_PREPOSITIONS = {"针对", "关于", "对于", "对", "的", "着"}
# 哪些城市专门立法管街边的广告牌, 哪些县专门立了法保护当地的河水: asks for regulations named after what follows, as 有…的法规
# does, and 立法 is no word of the subject. On the 1,247 spent DLC questions +4 right places, −31 wrong (义务教育 had been
# asked of any mention: 15 wrong). Dropping a leading 专门 as well (有专门管电梯的法规) changed answers for the worse (−1
# right, +15 wrong more), so it stays in the topic, where it is a filler word (``topic.FILLER_WORDS``).
_LEGISLATES = re.compile(r"(?:专门)?立了?法(?:来|去)?")
# Frames this long (作出规定) are distinctive enough to remove even where they start inside a word.
LONG_FRAME = 4


def _without_whose(topic: str, tokenizer: Any) -> str:
    """The topic without a leading 的法规(中): the 中 only when it is a word of its own (法规管中介公司 keeps 中介)."""
    m = _WHOSE_DOCUMENTS.match(topic)
    if not m or not m.group():
        return topic
    end = m.end()
    if m.group("within") and end < len(topic):
        head = m.start("within")
        spans = tokenizer.spans(topic)
        if end not in {e for _, e in spans} or head not in {s for s, _ in spans}:
            end = head
    rest = topic[end:]
    said = _SAYING.match(rest)
    if said and said.end() < len(rest) and said.end() in {e for _, e in tokenizer.spans(rest)}:
        rest = rest[said.end():]
    return rest


def _starts_words(text: str, end: int, tokenizer: Any) -> bool:
    """Whether ``text[:end]`` ends on a word boundary and something is left after it (立法 of 立法保护, not of 立法权)."""
    return 0 < end < len(text) and end in {e for _, e in tokenizer.spans(text)}


def _drop_preposition(topic: str, tokenizer: Any) -> str:
    """对养犬管理 (作出规定) → 养犬管理: a leading preposition is not what the documents say; 对口支援 is one word."""
    while True:
        spans = tokenizer.spans(topic)
        if not (len(spans) > 1 and spans[0][0] == 0 and topic[:spans[0][1]] in _LEADING_PREPOSITIONS):
            return topic
        rest = topic[spans[0][1]:].strip()
        if not rest:
            return topic
        topic = rest


# Frames the tokenizer glues to the word after them: 管 (有管工地上扬尘的法规: 管工 / 地上; 有管家暴的法规: 管家 / 暴).
# Not 有, whose words are words of their own (有效期, 有没有).
GLUED_FRAMES = frozenset({"管"})


def _glued(norm: str, end: int, tokenizer: Any) -> bool:
    """Whether the tokenizer glued a frame ending at ``end`` to the word after it: the text from ``end`` starts with a
    word of two characters or more by itself (有管工地上扬尘 is cut 管工 / 地上; without 管, 工地 / 上). 管理, 管道 stay whole:
    理, 道 are no words by themselves there."""
    spans = tokenizer.spans(norm[end:])
    return bool(spans) and spans[0][0] == 0 and spans[0][1] >= 2


def _topic(norm: str, remove: list[tuple[int, int]], bounds: set[int], tokenizer: Any = None) -> str:
    keep = [True] * len(norm)
    for s, e in remove:
        for i in range(s, e):
            keep[i] = False
    base = "".join(ch for ch, k in zip(norm, keep) if k)
    for frame in question_frames():
        start = 0
        while (i := norm.find(frame, start)) >= 0:
            # A long frame may start inside a word the tokenizer made across it: 河长制作出规定 is cut 制作 / 出.
            if (i in bounds or len(frame) >= LONG_FRAME) and (
                    i + len(frame) in bounds
                    or (frame in GLUED_FRAMES and tokenizer is not None and _glued(norm, i + len(frame), tokenizer))):
                for j in range(i, i + len(frame)):
                    keep[j] = False
            start = i + 1
    framed = "".join(ch for ch, k in zip(norm, keep) if k)
    for text in (framed, base):
        topic = _LIST_MARKS.sub("", _QUESTION_WORDS.sub("", _YEAR.sub("", text)).strip()).strip()
        if topic:
            return topic
    return norm


# A topic leaves out of the question's words at most this many characters between two of its own (怎么 in
# 政府征收房子怎么补偿, 要 in 盖房子要先办规划许可).
TOPIC_GAP = 4


def topic_span(question: str, topic: str) -> tuple[int, int] | None:
    """Where ``topic`` (``QuestionInfo.topic``) is written in ``question``: the shortest stretch holding its
    characters in order, at most ``TOPIC_GAP`` others between two of them (the words a topic leaves out); None when
    there is none."""
    if not topic:
        return None
    at = question.find(topic)
    if at >= 0:
        return at, at + len(topic)
    pattern = re.compile(f".{{0,{TOPIC_GAP}}}?".join(re.escape(c) for c in topic))
    spans = [m.span() for start in range(len(question)) if (m := pattern.match(question, start))]
    return min(spans, key=lambda s: (s[1] - s[0], s[0])) if spans else None


def analyze_question(text: str, tokenizer: Any = None, known_places: Collection[Region] | None = None
                     ) -> QuestionInfo:
    """Kind of question, the places it names and the role of each, its years, level, scope and topic.

    ``tokenizer``: the index's Tokenizer (word boundaries with its user dictionary); by default a shared one.
    ``known_places``: the regions the index holds documents from, so that a county's bare short name
    (武义) can count for it when the index has its documents; without it only places written as places count.
    """
    if text is None or not text.strip():
        raise QueryError("the question is empty: ask something, e.g. 哪些城市推进殡葬改革")
    from .question_places import _default_tokenizer, place_mentions
    from .textnorm import to_halfwidth, to_simplified

    tokenizer = tokenizer or _default_tokenizer()
    norm = to_simplified(to_halfwidth(text.strip()))
    spans = tokenizer.spans(norm)
    bounds = {0, len(norm)} | {i for s, e in spans for i in (s, e)}
    agg = _aggregation(norm, {e for _, e in spans} | {len(norm)})
    kind = "aggregation" if agg else "fact" if _FACT.search(norm) else "open"
    level = _level(agg) if agg else None
    mentions = place_mentions(norm, tokenizer, known_places, spans)
    scope, subject = _roles(norm, mentions, agg, level)
    places: list[Region] = []
    subjects: list[Region] = []
    remove: list[tuple[int, int]] = []
    for i, m in enumerate(mentions):
        if i in subject:
            if m.region not in subjects:
                subjects.append(m.region)
            continue
        remove.append((m.start, m.end))
        if m is not scope and not _inside(m.region, scope) and m.region not in places:
            places.append(m.region)
    if agg is not None:
        remove.append((agg.start(), agg.end()))
        if scope is not None:
            lo, hi = sorted((scope.end, agg.start())) if scope.end <= agg.start() else (agg.end(), scope.start)
            remove.append((lo, hi))
    years = [int(y) for y in _YEAR.findall(norm)]
    topic = _topic(norm, remove, bounds, tokenizer)
    whose = False  # 哪些城市的法规涉及/保障…: asks what their documents say, at length, as 作出规定 does
    if agg is not None:
        rest = _without_whose(topic, tokenizer)
        # 制定地方性法规条例 names a kind of document, not whose documents: the rest must be more than a kind.
        whose = bool(rest) and rest != topic and not _DOC_KIND.fullmatch(rest)
        topic = rest if whose else topic
    topic = _LIST_MARKS.sub("", _drop_preposition(topic, tokenizer)).strip() or topic
    document_kind = None
    provisions = bool(_PROVISIONS.search(norm)) or whose
    legislates = _LEGISLATES.match(topic)
    if legislates and not provisions and _starts_words(topic, legislates.end(), tokenizer):
        topic, document_kind = topic[legislates.end():], "法规"
    m = _DOC_KIND.search(topic) if document_kind is None else None
    # In a question about what the articles say (对享受优惠政策作出了规定) the topic is their subject, kind words and all.
    if m and m.start() > 0 and _CHINESE.search(topic[:m.start()]) and not provisions:
        document_kind, topic = m.group("kind"), topic[:m.start()].strip()
    return QuestionInfo(text=text, kind=kind, places=places, years=years, topic=topic,
                        aggregation_level=level, scope=scope.region if scope else None, subject_places=subjects,
                        document_kind=document_kind, asks_provisions=provisions)
