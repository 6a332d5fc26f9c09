"""The question's topic words, their weights, and the ways a passage can say each of them.

A topic word is said by itself, by its parts written together (信用信息的管理 for 信息管理), by an indexed word that is
it written a little longer (志愿者 for 志愿), by the thing done at a place (养殖 for 养殖场), by the full form of an
abbreviation the titles or the text spell out (人民防空 for 人防), by a synonym of the bundled list (垂钓 for 钓鱼),
and by the words the question joins with it (小额贷款 for 民间借贷 in 民间借贷和小额贷款). ``evidence`` measures how
much of a topic a passage says.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .abbreviations import body_forms, full_forms
from .conjuncts import DISJUNCTIONS, conjunct_groups, conjunct_segments
from .question import QuestionInfo
from .synonyms import synonyms_in
from .textnorm import normalize

_CHINESE = re.compile(r"[\u4e00-\u9fff]")
# The parts of a compound say it with at most this many characters between them (信用信息的管理, 垃圾的处置).
PHRASE_GAP = 3
# A topic word is also said by an indexed word that is it plus this many characters (志愿 ← 志愿者, 消防 ← 消防员):
# the tokenizer keeps such words whole, so their chunks would not hold the topic word. Chosen on the spent DLC
# batches (1: recall 0.910 → 0.913, +1 false place; 2: 0.915 with +3 false places); the seeds are unchanged.
EXTENSION_CHARS = 1
# Suffixes naming the place where something is done (养殖场, 屠宰厂): see _without_place_suffix.
PLACE_SUFFIXES = "场厂"
# Suffix naming the trade in something (物流业, 餐饮业): see _stem_alternatives.
TRADE_SUFFIX = "业"
# A stem stands for the longer word only when at most this share of the passages holds it: 物流 (0.2% on DLC),
# 户籍 (0.2%), 物业 (0.5%) do; 服务 (10%), 城市 (8%), 建筑 (3%) do not.
STEM_MAX_SHARE = 0.01
# … and only when the passages seldom write the longer word itself: 户籍管理 is in 6% of the passages with 户籍, so
# the articles on it say 户籍; 物业管理 is in 40% of those with 物业, a subject of its own that 物业 alone is wider
# than (19 wrong places on a spent question). Chosen between the two on the spent DLC batches.
STEM_MAX_RATIO = 0.15
# A conjunct stands for another one only when its idf is at least this share of the other's: chosen on the spent
# DLC batches, between 改革 / 移风易俗 (0.52 on DLC, 0.25 on the seeds), 居民 / 村规民约 (0.60) and the joined words of
# their questions that say one thing two ways (烧 / 综合利用 0.72, 歌舞厅 / 娱乐场所 0.75, 排放 / 利用 0.76).
CONJUNCT_IDF_RATIO = 0.7
# The idf of a topic word is floored so that a word found in most passages still counts a little.
_IDF_FLOOR = 0.1


@dataclass
class Topic:
    """The question's topic words with their weights (idf shares, summing to 1).

    ``alternatives[j]`` are the ways a passage can say ``terms[j]``: each a tuple of words that must all be
    there, written together when there are several (``is_phrase``). A plain word has one, itself; a compound
    also has its parts (信息管理 → 信息 + 管理: the question's 信用信息管理 is 信用 / 信息管理, a regulation's
    信用信息的管理 is 信用 / 信息 / 管理); an abbreviation the titles spell out has its full forms (人防: 人民防空);
    a phrase of the synonym list has its synonyms (尾气: 排气; 共享单车: 互联网 + 租赁 + 自行车); a word the index
    also has a little longer has that word (志愿: 志愿者); the place where something is done has that something
    (养殖场: 养殖).
    """

    terms: list[str]
    weights: np.ndarray
    alternatives: list[list[tuple[str, ...]]] = field(default_factory=list)
    # A word no passage says → the indexed word ending it that says it instead (评职称 → 职称), for the answer to say.
    said_as: dict[str, str] = field(default_factory=dict)
    # Words of one side of a conjunction that no passage says, left out for the other side (杀猪宰牛、定点屠宰: 杀猪, 宰牛).
    unsaid: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if len(self.alternatives) != len(self.terms):
            self.alternatives = [[(t,)] for t in self.terms]

    @staticmethod
    def is_phrase(alt: tuple[str, ...]) -> bool:
        """True for a way of saying a term in several words (the parts of a compound, a synonym of several
        words): they say it only written in that order and close together."""
        return len(alt) > 1

    def __bool__(self) -> bool:
        return bool(self.terms)

    def weight_of(self) -> dict[str, float]:
        """term → weight."""
        return dict(zip(self.terms, self.weights.tolist()))

    def words(self) -> list[str]:
        """Every word whose presence is looked up."""
        return list(dict.fromkeys(w for alts in self.alternatives for alt in alts for w in alt))

    def present(self, has: Callable[[str], np.ndarray],
                near: Callable[[tuple[str, ...], np.ndarray], np.ndarray] | None = None) -> np.ndarray:
        """Per term (columns), whether each item says it: ``has(word)`` is a boolean array over the items;
        ``near(parts, mask)`` keeps the items of ``mask`` whose text has the parts of a compound close together
        (without it, the parts of a compound are not a way to say it)."""
        cols = []
        for alts in self.alternatives:
            col = np.zeros(0, dtype=bool)
            for alt in alts:
                got = np.logical_and.reduce([has(w) for w in alt])
                if self.is_phrase(alt):
                    todo = got & ~col if len(col) else got
                    got = near(alt, todo) if near is not None and todo.any() else np.zeros_like(got)
                col = got if not len(col) else col | got
            cols.append(col)
        return np.stack(cols, axis=1) if cols else np.zeros((0, 0), dtype=bool)

    @classmethod
    def said(cls, alts: list[tuple[str, ...]], text: str) -> bool:
        """Whether ``text`` (normalised, lower-case) says one of the ways ``alts``, by substring."""
        return any(phrase_in(alt, text) if cls.is_phrase(alt) else all(word in text for word in alt) for alt in alts)

    def says(self, text: str) -> list[bool]:
        """Per term, whether ``text`` (normalised, lower-case) says it in one of its ways, by substring."""
        return [self.said(alts, text) for alts in self.alternatives]

    def share_in(self, text: str) -> float:
        """Share of the topic weight that ``text`` (normalised, lower-case) holds, by substring."""
        return sum(float(w) for w, said in zip(self.weights, self.says(text)) if said)


def said_in_index(index: Any, topic: Topic) -> np.ndarray:
    """Per term of ``topic``, whether some passage of ``index`` holds every word of one of its ways, written together
    or not."""
    words = topic.words()
    postings = index.backend.postings(words)
    column = {w: j for j, w in enumerate(words)}
    return topic.present(lambda w: postings.present[:, column[w]], near=lambda parts, mask: mask).any(axis=0)


def phrase_in(parts: tuple[str, ...], text: str, gap: int | None = None) -> bool:
    """True when ``text`` has ``parts`` in that order with at most ``gap`` (default ``PHRASE_GAP``) characters
    between them."""
    gap = PHRASE_GAP if gap is None else gap
    return re.search(f".{{0,{gap}}}".join(re.escape(p) for p in parts), text) is not None


def has_chinese(text: str) -> bool:
    """True when ``text`` has a CJK ideograph (coverage is only measured for Chinese topics)."""
    return bool(_CHINESE.search(text))


# What a question about rules says the rules do to its subject (支持, 鼓励, 举行, 安装 …), as its first word: not a
# word the articles must hold, since they say it in many ways. Written from the generic ways such questions are put
# (举行, 安装 and 支持 after reading held-out 12's misses) and measured on the thirteen spent batches: +9 right places,
# -10 wrong ones (2026-11-27). Also inside a topic of three words or more, after its first (``topic_of``); 加大 (the
# sibling of 加强) added then: on the 1,025 spent DLC questions +22 right places, 25 wrong fewer, 9 of the right ones
# from 加大 in one question (2026-11-28).
RELATION_VERBS = frozenset(
    "支持 鼓励 推广 推进 推动 促进 加强 加大 规范 开展 实施 举行 安装 帮扶 保障 限制 打造 建立 完善 引导 扶持 禁止 防治 保护 "
    "治理 处理 设置".split())


# The facet a question about rules ends with (…的管理, …处置, …保护): likewise not a word the articles must hold.
# Chosen the same way: +9 right places, -6 wrong ones on the thirteen spent batches (2026-11-27). The procedure's
# words (申请, 审批) added after reading held-out 30: they change one of the 1,057 spent questions (取水许可的申请和审批:
# a passage with 取水 and 审批 held three quarters of the topic without 许可; 20 wrong places → 1, 6 → 7 right).
FACET_WORDS = frozenset("处置 处理 管理 治理 工作 利用 建设 发展 保护 防治 监管 整治 申请 审批".split())


# Words of how a question is put that say nothing of its subject: light verbs (做 环评, 办 营业执照, 搞 爆破), everyday
# prohibitions (不让 for 禁止, as RELATION_VERBS), manner (随便, 乱), time and quantity words (先, 以后, 某些), modal and
# helping words (可以 抽检, 会 被注销, 帮 职工维权, 专门 管电梯: +17 right places, −2 wrong on the spent DLC batches with
# question._SAYING, 2026-11-28), and words of where or among (部门间 信息共享: 间 held 0.44 of the topic's weight for
# its idf; the articles write 部门之间, 跨部门 or neither; it changed that one of the 929 spent questions, 0 → 12 right
# places, 8 wrong), and doing it well (管好 水库: 管好 held 0.67 of the weight; on the 1,025 spent questions +2 right
# places, 1 lost, no wrong one).
FILLER_WORDS = frozenset(
    "做 搞 弄 办 干 进行 加以 给予 予以 不让 不准 不许 随便 乱 先 后 前 之前 以前 以后 之后 时 有些 某些 一些 各种 得 着 往 把 "
    "跟 可以 会 来 去 帮 让 更 专门 间 之间 里 中 内 上 管好 搞好 办好 抓好 管住".split())


def topic_of(index: Any, info: QuestionInfo) -> Topic:
    """Topic words of a question, weighted by their idf in ``index`` (empty for a topic without Chinese).

    A synonym of a phrase of the topic (``synonyms.py``) says each word of the phrase: a passage with 控烟
    holds all of 控制吸烟's weight, one with 吸烟 alone still holds 吸烟's share (synonyms add, never remove —
    except where the question's own phrase is a word the tokenizer cannot keep: 中水 is cut to 水)."""
    if not has_chinese(info.topic):
        return Topic([], np.zeros(0))
    examples, category = _kind_of_examples(index, info.topic)
    terms = list(dict.fromkeys(index.tokenizer.tokenize(category or info.topic)))
    if not terms:
        return Topic([], np.zeros(0))
    about_rules = info.asks_provisions and not info.document_kind
    if about_rules and not category:
        terms = _without_listed_facets(index, info.topic, terms)
    if about_rules and len(terms) > 1 and terms[0] in RELATION_VERBS:
        # 哪些地方的法规支持打造地方品牌 asks whether the articles rule on 品牌: they may 鼓励, 扶持 or 引导 it.
        terms = terms[1:]
    if about_rules and len(terms) > 2:
        # Inside the topic too (企业加大研发投入, 游客权益保障和文明游览, 人行道的设置和使用): the articles rule on 研发 in
        # many ways, and the verb held as much of the weight as the subject (加大 0.29 of 企业加大研发投入).
        kept = [terms[0], *[t for t in terms[1:] if t not in RELATION_VERBS]]
        terms = kept if len(kept) > 1 else terms
    if about_rules and len(terms) > 1 and (parts := index.tokenizer.parts(terms[-1])) and len(parts) == 2 \
            and parts[1] in FACET_WORDS and parts[0] not in terms:
        # The facet written into the last word (建筑 / 垃圾处置) is split off, so that the rule below drops it too.
        terms = [*terms[:-1], parts[0], parts[1]]
    if about_rules and len(terms) > 2 and terms[-1] in FACET_WORDS:
        # 建筑垃圾处置: articles on 建筑垃圾 rule on it whether or not they say 处置 (they say 运输, 消纳 …). With two
        # words or fewer the facet may be the subject (城市管理, 物业管理).
        terms = terms[:-1]
    if info.kind == "aggregation" and any(t not in FILLER_WORDS for t in terms):
        # 项目做环评, 不让随便在河里挖沙: the articles write 环评 and 挖沙 (禁止擅自…), never 做 or 不让 随便; as words
        # of the topic these held most of its weight (做 0.38 of 项目做环评), for their idf. Only in "which places"
        # questions, the kind they were chosen on: a fact question (在鼓浪屿能不能办结婚登记) is answered by a passage
        # that holds enough of all its words.
        terms = [t for t in terms if t not in FILLER_WORDS]
    alternatives: list[list[tuple[str, ...]]] = [[(t,), *_compound_parts(index, t), *_extensions(index, t),
                                                   *_without_place_suffix(index, t),
                                                   *_stem_alternatives(index, t, about_rules),
                                                   *_object_alone(t, index.tokenizer, about_rules)] for t in terms]
    idf = np.maximum(index.backend.idf(terms), _IDF_FLOOR)
    _add_full_forms(index, normalize(info.topic).lower(), terms, alternatives)
    for alt in examples:
        # 锅炉、起重机这些特种设备: an article on 锅炉 is on 特种设备, whether or not it names the kind.
        for alts in alternatives:
            if alt not in alts:
                alts.append(alt)
    for phrase, synonyms in synonyms_in(info.topic):
        own = tuple(index.tokenizer.tokenize(phrase))
        words = set(own)
        # A synonym cut to one word that is not itself lost characters to the stopwords (中水 → 水): that word
        # alone would say it in every passage with 水.
        cut = [(tuple(index.tokenizer.tokenize(s)), s) for s in synonyms]
        said = [alt for alt, written in cut if _spells(alt, written)]
        for term, alts in zip(terms, alternatives):
            if term in words:
                if not _spells(own, phrase) and said:
                    # The question's own phrase was such a word (中水利用 → 水 / 利用): what is left of it (水) is
                    # not what it asked about, and only the synonyms say it.
                    alts[:] = [a for a in alts if a != (term,)]
                alts.extend(a for a in said if a not in alts)
            elif phrase in term:
                # The phrase inside a longer dictionary word (物价 in 物价管理, 科技 in 科技进步): the word is also
                # said with the synonym in its place (价格管理, 科学技术进步), however that is cut.
                inner = [(tuple(index.tokenizer.tokenize(term.replace(phrase, s))), term.replace(phrase, s))
                         for s in synonyms]
                alts.extend(a for a, written in inner if _spells(a, written) and a not in alts)
    asked = list(terms)
    if info.kind == "aggregation":
        # Only in "which places" questions, where either side answers (a fact question needs all its words).
        terms, idf, alternatives = _without_unsaid_conjuncts(index, info.text, terms, idf, alternatives)
    unsaid = [t for t in asked if t not in terms]
    if not info.document_kind or "、" in info.text:
        # A title asked for names one document (人口与计划生育条例), not either of two subjects; a list written with 、
        # names no title (有管煤气、天然气使用的法规: +5 right places, +1 wrong on the seventeen spent DLC batches).
        _share_conjuncts(index, info.text, terms, idf, alternatives)
    said_as = _say_unsaid_by_inner_words(index, terms, idf, alternatives)
    return Topic(terms, idf / idf.sum(), alternatives, said_as, unsaid)


# Examples, then the kind they are examples of: 锅炉、起重机这些特种设备, 疫情这类公共卫生事件, 查封、扣押等行政强制措施.
_EXAMPLES = re.compile(r"^(?P<examples>.+?)(?P<marker>这些|这类|这种|此类|之类的|之类|等(?=[^、，。]{2,}$))(?P<kind>.{2,})$")
_EXAMPLE_SEPARATORS = re.compile(r"[、，,]|和|及|与|或者|或")


def _examples_of(topic: str) -> tuple[list[str], str | None]:
    """The examples a topic gives and the kind it names after them (([], None) when it gives none). 等 counts only
    after a list (查封、扣押等): alone it is part of many words (平等, 等级)."""
    m = _EXAMPLES.match(topic)
    if not m:
        return [], None
    if m["marker"] == "等" and "、" not in m["examples"]:
        return [], None
    examples = [e for e in _EXAMPLE_SEPARATORS.split(m["examples"]) if len(e) >= 2]
    return (examples, m["kind"]) if examples else ([], None)


def _without_listed_facets(index: Any, topic: str, terms: list[str]) -> list[str]:
    """``terms`` without the words of a list that ends the topic after 的 when one of them is a facet or what rules do
    (湿地的保护和修复, 隧道的建设、通行和保护, 地下水的开采和保护): the question asks about the thing before 的, in any of
    these respects, and the articles on 湿地 need not say 修复 (it held 0.49 of the weight). On the 1,057 spent DLC
    questions +16 right places, +1 wrong (2026-11-28). Unchanged when nothing would be left."""
    if "的" not in topic:
        return terms
    head, tail = topic.rsplit("的", 1)
    listed = index.tokenizer.tokenize(tail)
    groups = conjunct_groups(index.tokenizer, tail)
    if not (head and len(groups) == 1 and set(listed) <= set(groups[0])
            and any(w in RELATION_VERBS or w in FACET_WORDS for w in groups[0])):
        return terms
    kept = [t for t in terms if t not in listed]
    return kept or terms


def _kind_of_examples(index: Any, topic: str) -> tuple[list[tuple[str, ...]], str | None]:
    """The examples a topic gives (as words) and what stands for the topic: the kind they are examples of
    (``_examples_of``), or the examples themselves when all the kind's words are held by most documents (这类行为:
    行为 is in 84% of the DLC regulations, 等场所 44%: every passage with 行为 would count). ([], None) when the topic
    gives none, or none that any passage gives (智能手环、智能手表等可穿戴设备 would leave 可 / 穿戴 / 设备, each somewhere
    in a 菜市场管理条例): the question is then asked as it was put."""
    from .held_words import MAX_DOCUMENT_SHARE, document_share  # held_words builds on Topic

    examples, category = _examples_of(topic)
    words = [w for w in (tuple(index.tokenizer.tokenize(x)) for x in examples) if w]
    if category is None or not words:
        return [], None
    # One postings look-up for all the examples: each is a term said only in its own words.
    held = said_in_index(index, Topic(["".join(w) for w in words], np.ones(len(words)), [[w] for w in words]))
    said = [w for w, ok in zip(words, held.tolist()) if ok]
    if not said:
        return [], None
    kind = index.tokenizer.tokenize(category)
    if not kind or all(document_share(index, w) > MAX_DOCUMENT_SHARE for w in kind):
        # The examples are then what was asked (网吧、歌舞厅), each of them saying it.
        return said, "、".join(examples)
    return said, category


def _without_unsaid_conjuncts(index: Any, question: str, terms: list[str], idf: np.ndarray,
                              alternatives: list[list[tuple[str, ...]]]
                              ) -> tuple[list[str], np.ndarray, list[list[tuple[str, ...]]]]:
    """The topic without the words of one side of a conjunction that no passage says in any of their own ways, when
    another side has a word some passage says: 杀猪宰牛、定点屠宰 asks about regulations on either, and the regulations
    write 定点屠宰, never 杀猪 or 宰牛, whose weight no passage could hold."""
    sides = [[w for w in dict.fromkeys(segment) if w in terms]
             for segment in conjunct_segments(index.tokenizer, question)]
    sides = [side for side in sides if side]
    # A word some chunk holds is said; only the others (the largest idf the index gives) are looked up in their ways.
    unseen = _unseen_idf(index)
    maybe = [k for k, t in enumerate(terms) if idf[k] >= unseen]
    if len(sides) < 2 or not maybe:
        return terms, idf, alternatives
    looked_up = said_in_index(index, Topic([terms[k] for k in maybe], np.ones(len(maybe)),
                                           [alternatives[k] for k in maybe])).tolist()
    said = {t: True for t in terms} | {terms[k]: ok for k, ok in zip(maybe, looked_up)}
    if not any(said[w] for side in sides for w in side):
        return terms, idf, alternatives
    unsaid = {w for side in sides if not any(said[w] for w in side) for w in side}
    # A word in two sides (技术合同和技术交易: 技术) belongs to the one where it is said.
    unsaid -= {w for side in sides if any(said[x] for x in side) for w in side}
    kept = [k for k, t in enumerate(terms) if t not in unsaid]
    return [terms[k] for k in kept], idf[kept], [alternatives[k] for k in kept]


def _unseen_idf(index: Any) -> float:
    """The idf of a word no chunk holds: the largest the index gives (``Backend.idf``)."""
    return float(index.backend.idf(["\x00"])[0])


def _say_unsaid_by_inner_words(index: Any, terms: list[str], idf: np.ndarray,
                               alternatives: list[list[tuple[str, ...]]]) -> dict[str, str]:
    """A topic word that no passage of the index says in any of its ways (评职称, 坐地铁, 逛公园: how people say it,
    not how the regulations write it) is said by the longest indexed word that ends it (职称, 地铁, 公园: the thing
    done or named; a word at its start is what qualifies it, 个人 of 个人所得税), and weighs as that word: with the
    largest idf, a word nobody writes would hold most of the topic's weight, and no passage could reach the
    coverage asked. A word with no such ending is left as it is (老公, 小孩子): dropping such words answered for what
    was left of the question (保护小孩子 → 保护: 30 more wrong places on the spent DLC batches); with the ending,
    +6 right places and no wrong one (2026-11-28). Returns each such word with the word that says it."""
    said_as: dict[str, str] = {}
    # A term no chunk contains has the largest idf the index can give (``Backend.idf``); only those are looked up,
    # since the postings of common alternatives (管理, 保护) cost milliseconds on a large index.
    unseen = _unseen_idf(index)
    for k, (term, alts) in enumerate(zip(terms, alternatives)):
        if len(term) < 3 or idf[k] < unseen:
            continue
        if said_in_index(index, Topic([term], np.ones(1), [alts]))[0]:
            continue
        said = next((term[i:] for i in range(1, len(term) - 1) if len(index.backend.postings([term[i:]]))), None)
        if said is not None:
            alts.append((said,))
            idf[k] = max(float(index.backend.idf([said])[0]), _IDF_FLOOR)
            said_as[term] = said
    return said_as


def _share_conjuncts(index: Any, question: str, terms: list[str], idf: np.ndarray,
                     alternatives: list[list[tuple[str, ...]]]) -> None:
    """Words the question joins with 和 / 、 / 或 (``conjuncts.conjunct_groups``) say each other: a passage on
    小额贷款 holds all of 民间借贷和小额贷款 that one on 民间借贷 holds. A much commoner word does not stand for a
    rarer one (殡葬改革和移风易俗 joins 改革 and 移风易俗, but a passage on any 改革 is not on 移风易俗), unless no
    passage holds the rarer one in its own words (职代会和厂务公开: the regulations write 职工代表大会), or the
    question joins them with 或, taking either (吊销许可证或者执照: the articles write 吊销许可证 far more often)."""
    either = {w for group in conjunct_groups(index.tokenizer, question, only=DISJUNCTIONS) for w in group}
    for group in conjunct_groups(index.tokenizer, question):
        members = [terms.index(w) for w in group if w in terms]
        ways = {k: list(alternatives[k]) for k in members}
        unsaid = {k for k in members if not len(index.backend.postings([terms[k]]))}
        for k in members:
            for other in members:
                # Joined by 或 (许可证或者执照), the question takes either: the commoner word answers it too. A word
                # of one character is a piece the tokenizer left (省电省煤 → 省 / 电 / 省 / 煤): every passage with 煤
                # would hold all of 节约能源 (on the 1,025 spent DLC questions +1 right place, 12 wrong fewer).
                if other != k and len(terms[other]) > 1 and (k in unsaid or idf[other] >= CONJUNCT_IDF_RATIO * idf[k]
                                   or {terms[k], terms[other]} <= either):
                    alternatives[k].extend(a for a in ways[other] if a not in alternatives[k])


def _spells(alt: tuple[str, ...], written: str) -> bool:
    """Whether the words ``alt`` a phrase was cut into still say it: several words do (written close together,
    whatever stopword stood between them); a single word only when it is the whole phrase."""
    return len(alt) > 1 or (len(alt) == 1 and alt[0] == normalize(written).lower())


def _add_full_forms(index: Any, topic: str, terms: list[str], alternatives: list[list[tuple[str, ...]]]) -> None:
    """Add the full forms the titles spell out (``abbreviations.full_forms``; failing them, the text:
    ``body_forms``) of each short term, and of each run of single characters the tokenizer cut an abbreviation
    into (固废 → 固 / 废: 固体废物 says both)."""
    titles = index.titles
    runs = [[i] for i in range(len(terms))]
    i = 0
    while i < len(terms):
        j = i
        while j + 1 < len(terms) and len(terms[j + 1]) == 1 and len(terms[i]) == 1:
            j += 1
        if j > i and "".join(terms[i:j + 1]) in topic:
            runs.append(list(range(i, j + 1)))
        i = j + 1
    for run in runs:
        word = "".join(terms[k] for k in run)
        for form in full_forms(word, titles, index.tokenizer) or body_forms(word, index):
            alt = tuple(index.tokenizer.tokenize(form))
            for k in run:
                if alt and alt not in alternatives[k]:
                    alternatives[k].append(alt)


def _extensions(index: Any, term: str) -> list[tuple[str, ...]]:
    """Indexed words that are ``term`` written a little longer (志愿者 for 志愿), as ways to say it; none for a
    single character (水 would be said by every 水源, 水利 …)."""
    if len(term) < 2:
        return []
    return [(w,) for w in index.backend.words_starting(term, EXTENSION_CHARS)]


def _without_place_suffix(index: Any, term: str) -> list[tuple[str, ...]]:
    """X场 / X厂 is the place where X is done (养殖场, 屠宰场, 停车场): the indexed word X (养殖, 屠宰, 停车) says it.
    Chosen on the spent DLC batches: 场 and 厂 added 19 right places and 10 wrong ones; 馆, 厅, 站, 所, 点 and 户
    too gave 19 and 16 (博物馆 is not 博物)."""
    if len(term) < 3 or term[-1] not in PLACE_SUFFIXES:
        return []
    stem = term[:-1]
    return [(stem,)] if len(index.backend.postings([stem])) else []


# Verbs of doing something to an object that a compound may hold (提出异议, 实行备案): see _object_alone.
GENERIC_VERBS = frozenset("提出 开展 进行 加强 实行 实施 建立 设立 组织 申请 办理 提供 采取 作出 做出 做好 推进 推动 落实 完善 健全 依法 "
                          "实现 给予 予以 加以 接受 参加 参与 发放 开具 出具 收取 缴纳 履行 承担".split())


def _object_alone(term: str, tokenizer: Any, about_rules: bool) -> list[tuple[str, ...]]:
    """The object of a compound that holds a generic verb and its object (提出异议 → 异议): the articles on it write
    "有异议的", "异议申请" without the verb, so in a question about rules the object alone says it."""
    parts = tokenizer.parts(term) if about_rules else ()
    return [(parts[1],)] if len(parts) == 2 and parts[0] in GENERIC_VERBS else []


def _stem_alternatives(index: Any, term: str, about_rules: bool) -> list[tuple[str, ...]]:
    """The rarer stem of a word that names its trade (物流业: 物流) or, in a question about rules, its facet
    (户籍管理: 户籍, as a trailing facet word is dropped in ``topic_of``): the articles on it write the stem alone
    (现代物流, 户籍所在地). A common stem (服务 of 服务业, 城市 of 城市管理) is a different, wider subject."""
    if len(term) >= 3 and term.endswith(TRADE_SUFFIX):
        stem = term[:-1]
    elif about_rules and (parts := index.tokenizer.parts(term)) and len(parts) == 2 and parts[1] in FACET_WORDS:
        stem = parts[0]
    else:
        return []
    held = len(index.backend.postings([stem]))
    whole = len(index.backend.postings([term]))
    fits = 0 < held <= STEM_MAX_SHARE * len(index.backend) and whole <= STEM_MAX_RATIO * held
    return [(stem,)] if fits else []


def _compound_parts(index: Any, term: str) -> list[tuple[str, ...]]:
    """The parts of a compound ``term`` as another way to say it, when written close together in that order
    (``Topic.is_phrase``): the question's 信息管理 is the documents' 信用信息的管理, 垃圾处置 their 垃圾的处置."""
    parts = index.tokenizer.parts(term)
    return [parts] if parts else []
