"""`ask`: extractive answers in which every statement carries a numbered citation of an exact passage.

Whether a passage (or a document) addresses the question is decided by two signals:

* topic coverage: the idf-weighted share of the question's topic words that occur in the passage
  (headings included) — independent of the embedding model (``policyqa/evidence.py``), and
* dense similarity: the cosine of the passage to the question in the embedding space, used as an absolute
  signal only with a calibration record for the index's model (``policyqa/calibration.py``).

"Which places" questions are answered over every document of the index (``policyqa/aggregate.py``).
The thresholds were chosen on the tuning split of the labelled questions (README, "How the defaults were
chosen"); the reporting split played no part in the choice.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from . import aggregate as agg
from . import retrieval
from .backends import Filter
from .calibration import Calibration
from .errors import PolicyQAError
from .evidence import WANTS_DATE, coverage_of, highlight, sentence_scores, toc_line
from .feedback import MOST_PASSAGES, feedback
from .held_words import MAX_DOCUMENT_SHARE, any_specific, document_share, documents_holding, held_words, words_and_parts
from .topic import Topic, has_chinese, said_in_index, topic_of
from .models import Hit, Region
from .question import QuestionInfo, analyze_question, topic_span
from .regions import region_contains
from .subjects import title_subject
from .textnorm import normalize

# A passage answers when its topic coverage reaches this share (Chinese questions) …
FOUND_COVERAGE = 0.35
# … a document counts for a "which places" question at this coverage of one of its passages …
DOC_COVERAGE = 0.4
# … and a passage counts towards a document's rules on a topic (对养犬管理作出规定) at this coverage.
PROVISION_COVERAGE = 0.6
# Once an answer is found, an open question also cites passages above this looser floor that come close
# to the best one: coverage ≥ 0.85 × the best, or dense similarity within 0.015 of the best (python
# eval/ask_show.py; README).
SHOW_COVERAGE = 0.2
SHOW_RELATIVE_COVERAGE = 0.85
SHOW_DENSE_MARGIN = 0.015
# Without a calibration record, a question with no Chinese words is answered by the passages within this
# margin of the best dense similarity, and only when the best one is clearly ahead of the rest.
RELATIVE_DENSE_MARGIN = 0.02
CANDIDATES = 60
# A "which places" question that finds no place shows this many documents nearest to its topic in meaning, marked
# as unverified: the user sees the words the documents use (驾校 → 机动车驾驶员培训) and can ask again in them.
NEAREST_DOCUMENTS = 3
# When SHARED_SUBJECT_DOCUMENTS of the SHARED_SUBJECT_POOL documents nearest in meaning alone are named after one
# subject (坐地铁 → 轨道交通条例) and one of them holds a word of the question, the question is answered for that subject,
# and says so, unless more than SHARED_SUBJECT_MAX_TITLES titles name it (大气污染防治: a document on it need not rule
# on 渣土车). Chosen on the fourteen spent DLC batches and 30 subjects no DLC regulation addresses (two of three
# documents: 7 of the 30 answered for a wrong subject; three: none); then on all sixteen and 70 such questions, three of
# five with a word of the question against three of three without: +22 right places, +1 wrong, and 5 of the 70
# answered for a wrong subject instead of 4 (three of five without the word: +26 / +1, and 8 of the 70).
SHARED_SUBJECT_DOCUMENTS = 3
SHARED_SUBJECT_POOL = 5
SHARED_SUBJECT_MAX_TITLES = 10
# In a small index three documents share a subject by chance (three 地方金融条例 are all there is): the subject must
# also be named by at most this share of the titles. Not tuned: on DLC the 10 titles bind first.
SHARED_SUBJECT_MAX_SHARE = 0.1
# A question asking for regulations by title (有管…的法规) is answered for a subject many titles name when this many of
# the SHARED_SUBJECT_POOL nearest documents are named after it (管城市怎么规划、房子在哪盖 → five 城乡规划条例, 19 titles):
# such a question asks for the documents named after its subject, however many. On the 1,025 spent DLC questions: 5,
# +19 right places / +1 wrong; 4, +30 / +2; 3, +32 / +75 and one more absent subject answered (共享雨伞 → 气象).
SHARED_SUBJECT_TITLE_MAJORITY = 4
# Of the SHARED_SUBJECT_POOL nearest documents, how many must be evidence in an answer for the words they hold
# (``_answer_for_words_held``). Chosen on the spent DLC batches and the 110 absent-subject questions (2026-11-27):
# with 2, 16 more right places and 9 wrong on the batches, and 4 more absent subjects answered (飞行汽车 → 汽车).
NEAREST_AGREE = 3
# Of the documents whose passages nearest to a question hold the word they share, how many must be evidence in the
# answer for that word (``_answer_for_feedback_words``); see feedback.MIN_PASSAGE_SHARE for how it was chosen.
FEEDBACK_AGREE = 2
# An answer from the question's own words that names this many places or fewer also tries the nearest documents'
# subject and words (``_answer_for_more_places``), and gives way to one that names more, those included. On the
# spent DLC batches (2026-11-28): +77 right places, +41 wrong; with three, +79 and +51; with five, +102 and +85.
FEW_PLACES = 2
# Latin text whose words the model cuts into more pieces than this on average is not words (key mashes,
# 'a', ' OR 1=1'): 3.0–5.5 for the noise of the tuning split, 1.3–1.9 for its English questions.
NOISE_PIECES_PER_WORD = 2.5
# Characters of code rather than of sentences: Latin text with at least one per word is syntax, not a question
# (${jndi:ldap://…}, ../../etc/passwd, <script>); an English question has none or one among many words (and/or).
_CODE_CHARACTERS = re.compile(r"[^\w\s.,;:?!'\"‘’“”()\-]")


@dataclass
class Citation:
    """A quoted passage: ``text`` is exactly the document's text at ``[start:end]``.

    ``page`` is the page the passage starts on (PDF, OFD), else None; ``expired`` marks a document past
    its 失效日期 or no longer in force.
    """

    id: int
    source: str
    title: str | None
    region: Region
    headings: list[str]
    text: str
    start: int
    end: int
    score: float
    kind: str
    highlight: tuple[int, int] | None = None  # the answering sentence, as offsets into ``text``
    page: int | None = None
    expired: bool = False

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["region"] = self.region.to_dict()
        d["place"] = self.region.label()
        d["highlight"] = list(self.highlight) if self.highlight else None
        return d


@dataclass
class AnswerGroup:
    """One place in an answer, with the citations that prove it.

    ``kind`` is ``place`` (a counted place), ``toc_only`` (named only in a table of contents: the body was not
    found to address it), ``other_level`` (a document above the level asked) or ``unknown`` (no place could
    be inferred for the document). ``members`` are the documents' own places (武义县 under 金华市); ``sources`` the
    documents that are its evidence.
    """

    region: Region
    citations: list[int]
    toc_only: bool = False
    district_document: bool = False
    kind: str = "place"
    members: list[Region] = field(default_factory=list)
    documents: int = 1
    sources: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """``金华市（含武义县）``, ``宣城市（区级文件）``, ``未知地区``."""
        base = self.region.label() if self.kind != "place" or self.region.level != "city" else self.region.name
        lower = [m.name for m in self.members if m.name and m.name != self.region.name and m.level != self.region.level]
        if lower and self.kind == "place":
            base = f"{base}（含{'、'.join(dict.fromkeys(n for n in lower if n))}）"
        return (base or "未知地区") + ("（区级文件）" if self.district_document else "")

    def to_dict(self) -> dict[str, Any]:
        return {"region": self.region.to_dict(), "label": self.label, "citations": list(self.citations),
                "toc_only": self.toc_only, "district_document": self.district_document, "kind": self.kind,
                "members": [m.to_dict() for m in self.members], "documents": self.documents,
                "sources": list(self.sources)}


@dataclass
class Answer:
    """An extractive answer: the text with [n] markers, groups (per place) and the citations.

    For a "which places" question ``count`` is the number of places found (``groups`` holds all of them;
    the text names the first ones). ``notices`` say what the answer could not take into account.
    ``answered_as`` is the subject a "which places" question was answered for instead of its own words, when no
    document says those and the documents nearest to them are named after one subject (坐地铁 → 轨道交通).
    """

    question: str
    kind: str
    found: bool
    answer: str
    groups: list[AnswerGroup] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    count: int | None = None
    notices: list[str] = field(default_factory=list)
    answered_as: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``{"question","kind","found","answer","count","groups","citations","notices","answered_as"}``."""
        return {"question": self.question, "kind": self.kind, "found": self.found, "answer": self.answer,
                "count": self.count, "groups": [g.to_dict() for g in self.groups],
                "citations": [c.to_dict() for c in self.citations], "notices": list(self.notices),
                "answered_as": self.answered_as}

    def _repr_html_(self) -> str:
        from .render import answer_html

        return answer_html(self)

    def citations_frame(self) -> Any:
        """The citations as a pandas DataFrame (needs pandas: pip install pandas)."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("citations_frame needs pandas: pip install pandas") from None
        rows = []
        for c in self.citations:
            d = c.to_dict()
            d["headings"] = " > ".join(c.headings)
            d.pop("region")
            rows.append(d)
        return pd.DataFrame(rows)


# ------------------------------------------------------------------ signals
@dataclass
class _Scored:
    hit: Hit
    coverage: float
    dense: float

    @property
    def doc(self) -> str:
        return self.hit.chunk.source


def _score(index: Any, topic: Topic, hits: list[Hit]) -> list[_Scored]:
    coverage = coverage_of(index, topic, [h.row for h in hits])
    return [_Scored(h, float(c), float(h.scores.get("dense", 0.0))) for h, c in zip(hits, coverage)]


@dataclass
class _Rule:
    """When a passage answers: coverage ≥ ``coverage`` or dense ≥ ``dense`` (``None``: no dense decision)."""

    coverage: float
    dense: float | None

    def passes(self, s: _Scored) -> bool:
        return s.coverage >= self.coverage or (self.dense is not None and s.dense >= self.dense)


def _found_rule(calibration: Calibration, chinese: bool, scored: list[_Scored]) -> _Rule:
    if chinese:
        return _Rule(FOUND_COVERAGE, calibration.found_dense)
    if calibration.found_dense_latin is not None:
        return _Rule(float("inf"), calibration.found_dense_latin)
    # Uncalibrated model, no Chinese words: only a passage clearly ahead of the rest is trusted.
    dense = sorted((s.dense for s in scored), reverse=True)
    if len(dense) >= 5 and dense[0] - dense[4] >= RELATIVE_DENSE_MARGIN:
        return _Rule(float("inf"), dense[0] - RELATIVE_DENSE_MARGIN)
    return _Rule(float("inf"), None)


# ------------------------------------------------------------------ dates
_ISSUED = re.compile(r"发布|印发|出台|公布|发文|签发|成文|颁布|公开|published|issued|released", re.I)
_DATE_LABEL = re.compile(r"发布|发文|公开|印发|成文|日期|时间")


def _date_forms(iso: str) -> list[str]:
    y, m, d = iso.split("-")
    mi, di = str(int(m)), str(int(d))
    return [iso, f"{y}-{mi}-{di}", f"{y}年{mi}月{di}日", f"{y}年{m}月{d}日", f"{y}/{m}/{d}", f"{y}.{m}.{d}"]


def date_line(text: str, iso: str) -> tuple[int, int] | None:
    """The line of a file that states the date ``iso`` (YYYY-MM-DD), preferring a labelled one
    (发布时间: 2025-01-22) over a bare date; None when the file does not state it."""
    best = None
    for form in dict.fromkeys(_date_forms(iso)):
        pos = text.find(form)
        while pos >= 0:
            start = text.rfind("\n", 0, pos) + 1
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            labelled = bool(_DATE_LABEL.search(text[start:end]))
            if best is None or (labelled and not best[2]) or (labelled == best[2] and start < best[0]):
                best = (start, end, labelled)
            pos = text.find(form, pos + 1)
    return None if best is None else (best[0], best[1])


def _issue_date_answer(question: str, info: QuestionInfo, index: Any, topic: Topic,
                       relevant: list[_Scored]) -> Answer | None:
    """"When was it issued": the document's own date line (furniture or signature), cited at its span,
    with the best passage for context. None when the date is not stated in the file."""
    top = relevant[0]
    meta = index.documents.get(top.doc, {})
    iso = meta.get("date")
    if not iso or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        return None
    try:
        text = index.document_text(top.doc)
    except (PolicyQAError, OSError):  # the file moved since indexing: fall back to the passages
        return None
    span = date_line(text, iso)
    if span is None:
        return None
    region = Region.from_dict(meta.get("region"))
    from .formats import page_of
    from .metadata import is_expired

    line = Citation(1, top.doc, meta.get("title"), region, ["（文件信息）"], text[span[0]:span[1]], span[0], span[1],
                    round(float(top.hit.score), 6), "meta", page=page_of(meta.get("pages"), span[0]),
                    expired=is_expired(meta))
    line.highlight = (0, len(line.text))
    context = _citation(2, top.hit)
    context.highlight = highlight(context.text, info, index, topic)
    answer = f"{region.label()}{_title_phrase(meta, top.doc)}的日期：{iso}[1]\n另见 [2]"
    group = AnswerGroup(region, [1, 2], district_document=_district(meta, region))
    return Answer(question, info.kind, True, answer, [group], [line, context])


def _title_phrase(meta: dict[str, Any], source: str) -> str:
    """《title》 for a title the document states; a derived title or a file name is not quoted as its own."""
    title = meta.get("title")
    if title and meta.get("title_source", "file") != "derived":
        return f"《{title}》"
    return f"“{title}”（标题为推断）" if title else f"文件 {Path(source).name} "


def _district(meta: dict[str, Any], region: Region) -> bool:
    return meta.get("issuer_level") == "district" and not region.county


def _citation(n: int, hit: Hit) -> Citation:
    c = hit.chunk
    return Citation(n, c.source, hit.title, hit.region, list(c.headings), c.text, c.start, c.end,
                    round(float(hit.score), 6), c.kind, page=c.page, expired=hit.expired)


# ------------------------------------------------------------------ ask
def ask(question: str, index: Any = None, k: int = 10, region: str | Region | None = None,
        year: int | None = None) -> Answer:
    """Answer a question from the indexed documents, citing exact passages.

    ``index`` is a loaded PolicyIndex, an index directory, or None for the default index (built from
    ``seeds/`` on first use). ``region`` and ``year`` restrict the documents, as in ``PolicyIndex.search``.
    """
    from .index import PolicyIndex, open_index
    from .limits import check_query

    check_query(question, "question")  # before any analysis: an over-long question is refused at once
    if not isinstance(index, PolicyIndex):
        index = open_index(Path(index) if index is not None else None)
    info = analyze_question(question, index.tokenizer, known_places=index.regions)
    calibration = index.calibration
    notices = [] if calibration.calibrated else [
        f"模型 {calibration.embedder} 没有校准记录：语义相似度只作相对比较。"
        f"可用 `policyqa calibrate QUERIES --index {index.directory}` 生成。"]
    # A plain `policyqa index --index DIR` reads the index's recorded corpus roots again.
    reindex = f"`policyqa index --index {index.directory}`"
    if not index.tokenizer_is_current:
        notices.append(f"索引是用另一版本的分词词典建立的，检索可能遗漏：请运行 {reindex} 重新分词（向量取自缓存，不需重新计算）。")
    if not index.chunker_is_current:
        notices.append(f"索引是用旧版本的切分规则建立的，部分条文（如列举的各项）可能未被检索：请运行 {reindex} "
                       "重新切分（未变的段落向量取自缓存）。")
    refusal = _refusal(question, info, index)
    if refusal is not None:
        refusal.notices = notices
        return refusal
    topic = topic_of(index, info)
    chinese = has_chinese(info.topic)
    filters = _filters(region, year)
    if info.kind == "aggregation":
        answer = _aggregate(question, info, index, topic, calibration, chinese, filters)
    else:
        answer = _answer_passages(question, info, index, topic, calibration, chinese, k, filters)
    answer.notices = notices + (_year_notices(info, index) if answer.found else []) + answer.notices
    return answer


def _filters(region: str | Region | None, year: int | None) -> dict[str, Any]:
    """Explicit filters given by the caller, as ``PolicyIndex.search`` takes them."""
    out: dict[str, Any] = {}
    if region is not None:
        from .errors import QueryError
        from .regions import resolve_place

        place = region if isinstance(region, Region) else resolve_place(region)
        if place is None:
            raise QueryError(f"unknown place {region!r}: give a province, city or county name such as 金华 or 武义县")
        out["region"] = place
    if year is not None:
        out["year"] = int(year)
    return out


def refuses(question: str, index: Any) -> bool:
    """True when ``ask`` answers "not found" without retrieval: not a question about any text (noise), or a
    place or year that no document of the index is from."""
    info = analyze_question(question, index.tokenizer, known_places=index.regions)
    return _refusal(question, info, index) is not None


def _not_found(question: str, info: QuestionInfo, text: str) -> Answer:
    return Answer(question, info.kind, False, text)


def _refusal(question: str, info: QuestionInfo, index: Any) -> Answer | None:
    """"Not found" answers that need no retrieval: not a question about any text, or a place or year named in
    the question that no document of the index is from."""
    n = len(index.doc_list)
    if not info.topic.strip() or not re.search(r"[\u4e00-\u9fffA-Za-z]", info.topic):
        return _not_found(question, info, f"这不是可以在文件中查找的问题：请用中文或英文提问，例如“哪些城市推进殡葬改革”。"
                                          f"已索引 {n} 份文件。")
    if not has_chinese(info.topic) and _looks_like_noise(info.topic, index):
        return _not_found(question, info, f"“{info.topic}”看起来不是一个问题：请用中文或英文的词语提问，"
                                          f"例如“哪些城市推进殡葬改革”。已索引 {n} 份文件。")
    places, mask = _places_of(info, index)
    if places is not None:
        if not mask.any():
            names = "、".join(p.label() for p in info.places)
            return _not_found(question, info, f"索引中没有来自{names}的文件，无法回答。已索引 {n} 份文件。")
    if info.years and not _year_present(index, info.years, mask, places):
        where, years, have = _year_words(info, index, mask)
        return _not_found(question, info, f"索引中没有{where}{years}的文件，也没有提到{years}的段落，无法回答。"
                                          + (f"已有{where}文件的年份：{'、'.join(have)}。" if have else ""))
    return None


def _places_of(info: QuestionInfo, index: Any) -> tuple[Filter | None, np.ndarray | None]:
    """The places a question names as a filter, and the mask of their documents (None, None: no place)."""
    if not info.places:
        return None, None
    places = Filter(regions=tuple(info.places))
    return places, index.filter_mask(places)


def _dated_in(index: Any, years: list[int], doc_mask: np.ndarray | None) -> bool:
    """True when some document (within ``doc_mask``) is dated or titled in one of ``years``."""
    by_date = index.year_mask(years)
    return bool((by_date if doc_mask is None else by_date & doc_mask).any())


def _year_words(info: QuestionInfo, index: Any, mask: np.ndarray | None) -> tuple[str, str, list[str]]:
    """The place and years of the question as words, and the years the place's documents are from."""
    where = "、".join(p.label() for p in info.places)
    years = "、".join(f"{y}年" for y in info.years)
    docs = index.doc_list if mask is None else [d for d, ok in zip(index.doc_list, mask) if ok]
    return where, years, sorted({d["date"][:4] for d in docs if d.get("date")})


def _year_notices(info: QuestionInfo, index: Any) -> list[str]:
    """A question about a year no document is from, answered from passages that only mention that year, says
    so: the passages come from documents of other years."""
    if not info.years:
        return []
    _, mask = _places_of(info, index)
    if _dated_in(index, info.years, mask):
        return []
    where, years, have = _year_words(info, index, mask)
    return [f"索引中没有{where}{years}的文件；下面的段落来自其他年份的文件"
            + (f"（{'、'.join(have)}年）" if have else "") + f"，其中有段落提到{years}。"]


def _looks_like_noise(text: str, index: Any) -> bool:
    """True for Latin-letter text that is not words: code (as many code characters as words) or key mashes —
    the model cuts real words into one or two pieces (funeral → 1, promoting → 2) and key mashes into many
    (asdfghjkl → 5). Key mashes need a model that can count its word pieces; with others only code is noise."""
    words = re.findall(r"[A-Za-z]+", text)
    if words and len(_CODE_CHARACTERS.findall(text)) >= len(words):
        return True
    count = getattr(index.embedder, "token_count", None)
    if not words or count is None:
        return False
    return count(" ".join(words)) / len(words) > NOISE_PIECES_PER_WORD


def _year_present(index: Any, years: list[int], doc_mask: np.ndarray | None, places: Filter | None) -> bool:
    """True when some document (within ``doc_mask``, the documents of ``places``) is dated or titled in one of
    ``years``, or mentions it."""
    if _dated_in(index, years, doc_mask):
        return True
    for y in years:
        term = index.tokenizer.tokenize(f"{y}年")[:1]
        if term and len(index.backend.postings(term, places)):
            return True
    return False


def _search(index: Any, question: str, k: int, info: QuestionInfo, **filters: Any) -> list[Hit]:
    return retrieval.search(index, question, k=k, mode="hybrid", info=info, **filters)


def _answer_passages(question: str, info: QuestionInfo, index: Any, topic: Topic, calibration: Calibration,
                     chinese: bool, k: int, filters: dict[str, Any]) -> Answer:
    hits = _search(index, question, max(CANDIDATES, k * 5), info, **filters)
    scored = _score(index, topic, hits)
    rule = _found_rule(calibration, chinese, scored)
    relevant = [s for s in scored if rule.passes(s)]
    pushed = _pushed_away(index, question, topic, rule, relevant)
    if pushed:
        scored = [s for s in scored if id(s) not in pushed]
        relevant = [s for s in relevant if id(s) not in pushed]
    what = info.topic if chinese else question
    if not relevant:
        return _not_found(question, info, f"在已索引的 {len(index.doc_list)} 份文件中没有找到与“{what}”相关的内容。")
    if info.places:
        # Retrieval prefers the places the question names (their documents rank first, others are not
        # excluded); the answer speaks for those places only, and says so when only other places have it.
        own = [s for s in relevant if any(region_contains(p, s.hit.region) for p in info.places)]
        if not own:
            names = "、".join(p.label() for p in info.places)
            others = "、".join(dict.fromkeys(s.hit.region.label() for s in relevant))
            return _not_found(question, info, f"在{names}的文件中没有找到与“{what}”相关的内容"
                                              f"（{others}的文件中有相关内容，去掉地名再问即可看到）。")
        scored = [s for s in scored if any(region_contains(p, s.hit.region) for p in info.places)]
        relevant = own
    if info.kind == "fact" and WANTS_DATE.search(info.text) and _ISSUED.search(info.text):
        dated = _issue_date_answer(question, info, index, topic, relevant)
        if dated is not None:
            return dated
    if info.kind == "fact":
        return _fact(question, info, index, topic, relevant)
    # Open questions also cite passages close to the best one, but only close: an absolute floor alone let
    # every loosely related item of a long work plan in (see README).
    best_cov = max(s.coverage for s in relevant)
    best_dense = max(s.dense for s in relevant)
    show = _Rule(max(SHOW_COVERAGE, SHOW_RELATIVE_COVERAGE * best_cov) if chinese else float("inf"),
                 best_dense - SHOW_DENSE_MARGIN if rule.dense is not None else None)
    if calibration.show_dense is not None and show.dense is not None:
        show.dense = max(show.dense, calibration.show_dense)
    shown = [s for s in scored if show.passes(s)] or relevant[:1]
    return _open(question, info, index, topic, shown[:k])


def _missing_words(index: Any, topic: Topic) -> tuple[list[str], float]:
    """The topic words that no passage of the index says in any of their ways (护照 in 如何申请护照 on an index
    about civil affairs), and the share of the topic weight they hold."""
    if not topic:
        return [], 0.0
    said = said_in_index(index, topic)
    missing = [t for t, ok in zip(topic.terms, said) if not ok]
    return missing, float(sum(w for w, ok in zip(topic.weights, said) if not ok))


def _without_words(index: Any, question: str, words: list[str]) -> str | None:
    """``question`` (normalised) without the words ``words``; None when none of them is a word of it."""
    text = normalize(question)
    kept = [text[s:e] for s, e in index.tokenizer.spans(text) if text[s:e].strip().lower() not in words]
    out = "".join(kept).strip()
    return out if out != text and out else None


def _pushed_away(index: Any, question: str, topic: Topic, rule: _Rule, relevant: list[_Scored]) -> set[int]:
    """The passages (``id``) that pass on topic coverage only, hold less of the topic than the words the index
    lacks, and are closer to the question without those words than with them.

    Such a passage holds the question's everyday words (申请, 办理) while its subject (护照) is something the
    documents never mention: the missing word pushes the question away from it. A word the documents say
    in other words (孩子 for 儿童, 看护 for 护理) draws the question towards the passages about it, which keep
    answering; so do passages that hold more of the topic than is missing, or that are dense-close."""
    weak = [s for s in relevant if not (rule.dense is not None and s.dense >= rule.dense)]
    if not weak:
        return set()
    missing, share = _missing_words(index, topic)
    weak = [s for s in weak if s.coverage < share]
    without = _without_words(index, question, missing) if weak else None
    if without is None:
        return set()
    rows = [s.hit.row for s in weak]
    asked = index.backend.dense_scores(index.embed_query(question), rows)
    stripped = index.backend.dense_scores(index.embed_query(without), rows)
    return {id(s) for s, a, b in zip(weak, asked, stripped) if a <= b}


def _fact(question: str, info: QuestionInfo, index: Any, topic: Topic, relevant: list[_Scored]) -> Answer:
    """The passage whose best sentence holds the topic and the asked number or date leads; two more follow."""
    ranked = []
    for order, s in enumerate(relevant[:10]):
        sentences = sentence_scores(s.hit.chunk.text, info, index, topic)
        best = max(sentences, key=lambda item: item[1]) if sentences else (None, 0.0)
        ranked.append((best[1], -order, s, best[0]))
    ranked.sort(key=lambda item: (-item[0], -item[1]))
    citations, groups = [], {}
    for _, _, s, span in ranked[:3]:
        c = _citation(len(citations) + 1, s.hit)
        c.highlight = span
        citations.append(c)
        meta = index.documents.get(s.doc, {})
        groups.setdefault(s.doc, AnswerGroup(c.region, [], district_document=_district(meta, c.region))
                          ).citations.append(c.id)
    lead = citations[0]
    sentence = lead.text[lead.highlight[0]:lead.highlight[1]] if lead.highlight else lead.text[:80]
    text = f"{lead.region.label()}：“{sentence.strip()}”[{lead.id}]"
    if len(citations) > 1:
        text += "\n另见 " + "、".join(f"[{c.id}]" for c in citations[1:])
    return Answer(question, info.kind, True, text, list(groups.values()), citations)


def _open(question: str, info: QuestionInfo, index: Any, topic: Topic, chosen: list[_Scored]) -> Answer:
    """Passages grouped by document, documents in the order of their best passage."""
    docs: dict[str, list[_Scored]] = {}
    for s in chosen:
        docs.setdefault(s.doc, []).append(s)
    citations: list[Citation] = []
    groups: list[AnswerGroup] = []
    lines = []
    for source, items in docs.items():
        meta = index.documents.get(source, {})
        group = None
        for s in items:
            c = _citation(len(citations) + 1, s.hit)
            c.highlight = highlight(c.text, info, index, topic)
            citations.append(c)
            if group is None:
                group = AnswerGroup(c.region, [], district_document=_district(meta, c.region))
                groups.append(group)
            group.citations.append(c.id)
        assert group is not None
        first = citations[group.citations[0] - 1]
        by_heading: dict[str, list[int]] = {}  # one section cited twice (a long section in two chunks) is named once
        for n in group.citations:
            by_heading.setdefault(citations[n - 1].headings[-1] if citations[n - 1].headings else "（前言）", []).append(n)
        items_text = "；".join(heading + "".join(f"[{n}]" for n in ns) for heading, ns in by_heading.items())
        lines.append(f"{group.label}{_title_phrase(meta, first.source)}：{items_text}")
    text = f"相关内容见 {len(groups)} 份文件：\n" + "\n".join(lines)
    return Answer(question, info.kind, True, text, groups, citations)


# ------------------------------------------------------------------ which places
def _aggregate(question: str, info: QuestionInfo, index: Any, topic: Topic, calibration: Calibration,
               chinese: bool, filters: dict[str, Any], substitute: bool = True) -> Answer:
    level = agg.normalize_level(info.aggregation_level)
    scope = _scope_of(info)
    search_filters = {"region": scope} if scope is not None else {}
    for value in ("region", "year"):
        if value in filters:
            search_filters.setdefault(value, filters[value])
    within = _documents_within(scope, filters)
    allowed = index.filter_mask(within)
    hits = _search(index, question, agg.HYBRID_CANDIDATES, info, **search_filters)
    rows, coverage = agg.candidate_rows(index, topic, [h.row for h in hits], within)
    if chinese:
        thresholds = agg.Thresholds(PROVISION_COVERAGE if info.asks_provisions else DOC_COVERAGE,
                                    calibration.doc_dense)
    else:
        rule = _found_rule(calibration, False, _score(index, topic, hits))
        thresholds = agg.Thresholds(float("inf"), rule.dense)
    qvec = index.embed_query(question)
    if info.document_kind and chinese:
        evidence = agg.documents_by_title(index, topic, rows, coverage, qvec, allowed, index.chunk)
    else:
        evidence = agg.judge_documents(index, rows, coverage, qvec, thresholds, topic, index.chunk,
                                       at_length=info.asks_provisions)
    groups = agg.group_by_place(evidence, level, index.document_region)
    what = info.topic if chinese else question
    places = [g for g in groups if g.kind == "place"]
    if not groups:  # no document addresses it; documents of unknown place or above the level asked do, and are said
        where = f"{scope.label()}的" if scope is not None else ""
        if info.document_kind and chinese:
            text, ruled = _no_title_text(index, info, topic, where, what, level, scope, rows, coverage, qvec,
                                         calibration)
        else:
            text, ruled = f"在已索引的 {len(index.doc_list)} 份文件中没有找到{where}文件明确涉及“{what}”。", False
        answer = _not_found(question, info, text)
        if not substitute:  # a trial for another subject that found nothing: discarded, so no leads are looked up
            return answer
        nearest = _nearest_documents(index, info, search_filters, allowed,
                                     SHARED_SUBJECT_POOL if chinese else NEAREST_DOCUMENTS)
        if chinese:
            # Also when the articles rule on a title no title names: the nearest documents may still be named after
            # the subject asked about (防空洞 → 人民防空); the answer keeps what the articles say.
            instead = _answer_instead(question, info, topic, index, calibration, filters, nearest, what,
                                      lead=text if ruled else None)
            if instead is not None:
                return instead
        if not ruled:
            _cite_nearest(answer, index, info, topic, what, nearest[:NEAREST_DOCUMENTS])
        return answer
    if substitute and chinese and len(places) <= FEW_PLACES:
        nearest = _nearest_documents(index, info, search_filters, allowed, SHARED_SUBJECT_POOL)
        if places:
            instead = _answer_for_more_places(question, info, topic, index, calibration, filters, nearest, what,
                                              [g.place for g in places], level)
        else:
            # Documents above the level asked, or of unknown place, address it and none at the level does: the nearest
            # documents' subject or words may still name places at that level (河流岸线 asked of counties: a
            # province's and a city's regulations rule on it as worded, the county's 梅江河流域 regulation on 岸线). On
            # the 1,025 spent DLC questions +26 right places, +12 wrong; eight county questions 0 → all right.
            instead = _answer_instead(question, info, topic, index, calibration, filters, nearest, what,
                                      lead=f"没有找到可归入{agg.level_words(level)}的文件明确涉及“{what}”。")
        if instead is not None:
            return instead
    citations: list[Citation] = []
    out_groups: list[AnswerGroup] = []
    for g in groups:
        ids = []
        for doc, p in g.best_passages():
            hit = _hit_of(index, doc, p)
            c = _citation(len(citations) + 1, hit)
            c.highlight = toc_line(c.text, info, index) if c.kind == "toc" else highlight(c.text, info, index, topic)
            citations.append(c)
            ids.append(c.id)
        meta = index.doc_list[g.documents[0].doc]
        out_groups.append(AnswerGroup(g.place, ids, toc_only=g.kind == "toc_only",
                                      district_document=g.kind != "place" and _district(meta, g.place),
                                      kind=g.kind, members=list(g.members), documents=len(g.documents),
                                      sources=[index.doc_list[d.doc]["source"] for d in g.documents]))
    text = _aggregate_text(out_groups, level, what)
    if topic.said_as:
        # The count is of documents that say the inner word: the answer must not suggest they say the question's word.
        text += "".join(f"（没有文件写“{w}”，按“{said}”查找。）" for w, said in topic.said_as.items())
    if topic.unsaid:
        text += "（没有文件写" + "、".join(f"“{w}”" for w in topic.unsaid) + "，按所问的其他说法查找。）"
    return Answer(question, info.kind, True, text, out_groups, citations, count=len(places))


def _scope_of(info: QuestionInfo) -> Region | None:
    """The place a "which places" question is asked within: its scope (浙江省哪些城市), else the one place it names."""
    if info.scope is not None:
        return info.scope
    return info.places[0] if len(info.places) == 1 else None


_ASK_LEVEL = {"province": "省份", "city": "城市", "county": "县区", "any": "地方"}


def _no_title_text(index: Any, info: QuestionInfo, topic: Topic, where: str, what: str, level: str,
                   scope: Region | None, rows: Any, coverage: Any, qvec: Any,
                   calibration: Calibration) -> tuple[str, bool]:
    """"No document is named after it", and how many places' documents rule on it in their articles: the titles
    were searched, not the text, so "no document addresses it" would say more than is known. The flag is True when
    some place's articles do rule on it."""
    text = f"在已索引的 {len(index.doc_list)} 份文件中没有找到{where}标题涉及“{what}”的{info.document_kind}。"
    thresholds = agg.Thresholds(PROVISION_COVERAGE, calibration.doc_dense)
    evidence = agg.judge_documents(index, rows, coverage, qvec, thresholds, topic, index.chunk, at_length=True)
    n = sum(g.kind == "place" for g in agg.group_by_place(evidence, level, index.document_region))
    if n:
        asked = f"{scope.label() if scope is not None else ''}哪些{_ASK_LEVEL.get(level, '地方')}对{what}作出规定"
        text += f"有 {n} 个{agg.level_words(level)}的文件在条文中对“{what}”作出规定（可以问：{asked}）。"
    return text, bool(n)


def _nearest_documents(index: Any, info: QuestionInfo, search_filters: dict[str, Any],
                       allowed: np.ndarray | None, n: int = NEAREST_DOCUMENTS) -> list[tuple[int, Hit]]:
    """The ``n`` documents nearest to the topic in meaning (a dense search on the topic alone, within
    the scope), each with its best passage. Dense, as the answer says: on the spent DLC batches the three cited hold
    an expected regulation for 35 of 55 questions with no place, hybrid search's for 31."""
    hits = index.search(info.topic, k=10 * n, mode="dense", **search_filters)
    docs = index.chunk_doc_rows([h.row for h in hits]) if hits else []
    out: list[tuple[int, Hit]] = []
    for hit, doc in zip(hits, docs):
        doc = int(doc)
        if any(d == doc for d, _ in out) or (allowed is not None and not allowed[doc]):
            continue
        out.append((doc, hit))
        if len(out) == n:
            break
    return out


def _cite_nearest(answer: Answer, index: Any, info: QuestionInfo, topic: Topic, what: str,
                  nearest: list[tuple[int, Hit]]) -> None:
    """Cite the nearest documents, said to be unverified: no place is counted from them, since closeness in meaning
    does not tell a document on the subject from one on a neighbouring subject (婚介服务 → 母婴保健)."""
    named = []
    for doc, hit in nearest:
        c = _citation(len(answer.citations) + 1, hit)
        c.highlight = highlight(c.text, info, index, topic)
        answer.citations.append(c)
        named.append(f"{_title_phrase(index.doc_list[doc], hit.chunk.source)}[{c.id}]")
    if named:
        answer.answer += (f"意思相近的文件（按语义检索，未核实是否针对“{what}”，不计入地方）：" + "、".join(named)
                          + "。文件的说法可能不同，可换用文件中的词语再问。")


def _answer_instead(question: str, info: QuestionInfo, topic: Topic, index: Any, calibration: Calibration,
                    filters: dict[str, Any], nearest: list[tuple[int, Hit]], what: str, lead: str | None = None,
                    keeping: list[Region] | None = None) -> Answer | None:
    """The answer for the subject the nearest documents share, else for the words they hold; None when neither
    qualifies or the question's topic is not written in it to be replaced. With ``keeping``, only an answer that
    names more places than these and all of them."""
    if topic_span(question, info.topic) is None:
        return None
    trials = [_answer_for_shared_subject, _answer_for_words_held]
    if keeping is None:
        # Only when the question found no place: where it found a few, on the spent DLC batches the nearest passages'
        # word added 26 right places and 66 wrong ones (2026-11-28).
        trials.append(_answer_for_feedback_words)
    trials.append(_answer_for_nearest_subject)
    for answer_for in trials:
        instead = answer_for(question, info, topic, index, calibration, filters, nearest, what, lead=lead)
        if instead is None:
            continue
        if keeping is None:
            return instead
        named = {g.region for g in instead.groups if g.kind == "place"}
        if len(named) > len(keeping) and set(keeping) <= named:
            return instead
    return None


def _answer_for_more_places(question: str, info: QuestionInfo, topic: Topic, index: Any, calibration: Calibration,
                            filters: dict[str, Any], nearest: list[tuple[int, Hit]], what: str, found: list[Region],
                            level: str) -> Answer | None:
    """When the question as worded finds ``FEW_PLACES`` places or fewer (``found``), the answer for the subject
    the nearest documents share or the words they hold, if it names more places and all of these, said so: a few
    documents say the question's words (开发商), the many named after its subject (城市房地产开发经营) say them
    otherwise. None otherwise."""
    # A colon, not brackets: a county's label already holds its city in brackets (彭水…自治县（重庆市）).
    lead = (f"明确涉及“{what}”的文件只来自 {len(found)} 个{agg.level_words(level)}："
            + "、".join(r.label() for r in found) + "。")
    return _answer_instead(question, info, topic, index, calibration, filters, nearest, what, lead=lead,
                           keeping=found)


def _answer_for_shared_subject(question: str, info: QuestionInfo, topic: Topic, index: Any, calibration: Calibration,
                               filters: dict[str, Any], nearest: list[tuple[int, Hit]], what: str,
                               lead: str | None = None) -> Answer | None:
    """When most of the documents nearest to the topic in meaning alone (dense search) are named after one subject
    (坐地铁 → 轨道交通条例) and one of them holds a word of the question (打120叫救护车: 救护车), the question asked about
    that subject, answered as such and said so; None when they share none, none of them holds a word of the question
    (比特币挖矿 → five 矿产资源条例, none saying 比特币 or 挖矿), or the subject is so broad that many documents are named
    after it (大气污染防治, 文明行为促进: a document on it need not be on what was asked), unless the question asks for
    regulations by title and ``SHARED_SUBJECT_TITLE_MAJORITY`` of the nearest are named after it. ``topic`` is the question's
    own; ``nearest`` the SHARED_SUBJECT_POOL documents nearest to it (``_nearest_documents``); ``lead`` is what was
    found of the question itself (default: nothing)."""
    named = {d: title_subject(index.doc_list[d].get("title"), index.document_region(d)) for d, _ in nearest}
    subjects = [x for x in named.values() if x]
    # 轨道交通 and 城市轨道交通 are one subject: a subject counts every subject that holds it.
    counts = Counter({x: sum(x in y for y in subjects) for x in subjects})
    if not counts:
        return None
    # The most shared subject first, the shorter of two as shared; a broad one (土地, shared by every 土地房屋征收 title)
    # gives way to the next that qualifies (国有土地上房屋征收与补偿).
    for subject, n in sorted(counts.items(), key=lambda kv: (-kv[1], len(kv[0]))):
        if n < SHARED_SUBJECT_DOCUMENTS:
            return None
        if subject == normalize(info.topic).lower():
            continue
        if _holding_a_word(index, topic, [d for d, x in named.items() if x and subject in x]) < SHARED_SUBJECT_DOCUMENTS:
            continue
        if _broad(index, topic, subject) and not (info.document_kind and n >= SHARED_SUBJECT_TITLE_MAJORITY):
            continue
        answer = _asked_for(question, info, subject, index, calibration, filters, _lead(lead, what) +
                            f"意思最接近的 {_share_words(n, len(nearest))}关于“{subject}”的，以下按“{subject}”作答（请核对是否即所问）：")
        if answer is not None:
            return answer
    return None


def _answer_for_words_held(question: str, info: QuestionInfo, topic: Topic, index: Any, calibration: Calibration,
                           filters: dict[str, Any], nearest: list[tuple[int, Hit]], what: str,
                           lead: str | None = None) -> Answer | None:
    """When no document addresses the question as worded (骑摩托车上路), the question asked with the words of it
    that most of its five nearest documents hold (``held_words``: 摩托车), answered as such and said so — but only
    when at least three of those five documents are themselves evidence in that answer: the documents nearest to the
    whole question must rule on what is left of it. Failing that, with the rarest of those words alone, if at most
    ``MAX_DOCUMENT_SHARE`` of the documents hold it (街边公共厕所的建设和保洁 → 公共厕所: on the spent DLC batches +33 right
    places, +19 wrong, 2026-11-28). None otherwise. On the spent DLC batches: +34 right places, +8
    wrong; on 110 questions about subjects no DLC regulation addresses, 3 more answered for a word of theirs (黄金回收店
    → 回收), against 10 without the last condition (飞行汽车 → 汽车, 饲养鹦鹉 → 饲养). Arguments as for
    ``_answer_for_shared_subject``."""
    held = held_words(index, topic, [d for d, _ in nearest])
    trials = [held]
    if len(held) > 1:
        # 公共厕所、建设、保洁 are all held, but the documents rule on 公共厕所 and say 建设 and 保洁 of it in passing: the
        # rarest word alone, if few documents hold it, under the same agreement condition.
        share = {w: document_share(index, w) for w in held}
        rarest = min(held, key=share.__getitem__)
        if share[rarest] <= MAX_DOCUMENT_SHARE:
            trials.append([rarest])
    for words in trials:
        asked_topic = "".join(words)
        if not words or asked_topic == normalize(info.topic):
            continue
        answer = _agreed_answer(question, info, asked_topic, index, calibration, filters, nearest)
        if answer is None:
            continue
        said = "、".join(f"“{w}”" for w in words)
        return _answered_as(answer, question, asked_topic, _lead(lead, what) +
                            f"意思最接近的 {len(nearest)} 份文件多数说{said}，以下按“{asked_topic}”作答（请核对是否即所问）：")
    return None


def _answer_for_nearest_subject(question: str, info: QuestionInfo, topic: Topic, index: Any, calibration: Calibration,
                                filters: dict[str, Any], nearest: list[tuple[int, Hit]], what: str,
                                lead: str | None = None) -> Answer | None:
    """For a question that asks for documents by what they are named after (哪些城市有…的法规), when the other trials
    fail: the question asked about the subject of the documents' titles nearest to it in meaning
    (``PolicyIndex.nearest_subjects``: 工地上尘土飞扬、马路上起灰 → 建设工地扬尘污染防治; 管建筑渣土 → 城市建筑垃圾), said so — but
    only when one of the ``nearest`` documents is named after it or after a part of it (滨州市扬尘污染防治条例), and then
    for the shorter of the two (扬尘污染防治): the subjects' closeness alone does not tell a subject no document addresses
    (养仓鼠 → 养犬, as close as 遛狗 → 养犬). Nor a subject a tenth of the titles name (全市民政工作要点 of a few work
    plans). None otherwise.

    Measured on the real DLC index (2026-11-28). Questions by title, 1,153 spent: +46 right places, +13 wrong. Also for
    questions about provisions: +61 right, +32 wrong more there, but on two batches run blind +16 right and +29 wrong
    (the articles that rule on a neighbouring title's subject are a step further from what was asked), so not kept.
    Not the nearest subject alone: those of absent subjects are as close (0.85–0.90) as right ones (0.87–0.92). Not
    the second and third nearest: +29 right, +25 wrong more."""
    closest = index.nearest_subjects(info.topic, 1) if info.document_kind else []
    if not closest:
        return None
    subject = closest[0][0]
    near = {title_subject(index.doc_list[d].get("title"), index.document_region(d)) for d, _ in nearest} - {None}
    agree = [t for t in near if subject in t or t in subject]
    if not agree:
        return None
    subject = min([subject, *agree], key=len)
    if (len(subject) < 2 or subject == normalize(info.topic).lower()
            or _titles_naming(index, subject) > SHARED_SUBJECT_MAX_SHARE * len(index.titles)):
        return None
    return _asked_for(question, info, subject, index, calibration, filters, _lead(lead, what) +
                      f"标题意思最接近的是关于“{subject}”的文件，以下按“{subject}”作答（请核对是否即所问）：")


def _titles_naming(index: Any, subject: str) -> int:
    """How many of the index's titles name ``subject`` (a substring of the normalised title)."""
    return sum(subject in title for title in index.titles)


def _broad(index: Any, topic: Topic, subject: str) -> bool:
    """Whether so many titles name ``subject`` (more than ``SHARED_SUBJECT_MAX_TITLES``, or than
    ``SHARED_SUBJECT_MAX_SHARE`` of them) that a document on it need not be on what was asked (大气污染防治, 旅游), unless
    it holds a specific word of the question or is one (``_names_a_specific_word``, ``_is_a_word_asked``)."""
    naming = _titles_naming(index, subject)
    return ((naming > SHARED_SUBJECT_MAX_TITLES or naming > SHARED_SUBJECT_MAX_SHARE * len(index.titles))
            and not _names_a_specific_word(index, topic, subject) and not _is_a_word_asked(index, topic, subject))


def _answer_for_feedback_words(question: str, info: QuestionInfo, topic: Topic, index: Any, calibration: Calibration,
                               filters: dict[str, Any], nearest: list[tuple[int, Hit]], what: str,
                               lead: str | None = None) -> Answer | None:
    """When neither the question's words nor its nearest documents' subject answer it (秤准不准、不让缺斤短两; 杀猪宰羊),
    the question asked with a word the passages nearest to it in meaning share far more than the index does
    (``feedback.feedback``: 计量; 屠宰), said so; the first such word whose answer is borne out:
    * most of the nearest passages hold it (``feedback.MOST_PASSAGES``) and ``NEAREST_AGREE`` of the ``nearest``
      documents are evidence in its answer (秤准不准 → 计量: everyday words sit further from the articles in meaning), or
    * the nearest passage is as close in meaning as a passage that makes a document count (the calibration's
      ``doc_dense``; never for a model without a record) and ``FEEDBACK_AGREE`` of the documents of the nearest
      passages that hold the word are evidence in its answer (to a subject no document addresses, 饭圈, 盲盒, the
      nearest passages are further off).
    None otherwise."""
    scope = _scope_of(info)
    shared = feedback(index, info.topic, **({"region": scope} if scope is not None else {}))
    close = calibration.doc_dense is not None and shared.best >= calibration.doc_dense
    for word in shared.words:
        consensus = shared.share[word] >= MOST_PASSAGES
        if not (consensus or close):
            continue
        answer = _asked_about(question, info, word, index, calibration, filters)
        if answer is None:
            continue
        evidence = _evidence_sources(answer)
        if ((consensus and _nearest_agree(index, nearest, evidence))
                or (close and len(shared.sources[word] & evidence) >= FEEDBACK_AGREE)):
            return _answered_as(answer, question, word, _lead(lead, what) +
                                f"意思最接近的段落多用“{word}”一词，以下按“{word}”作答（请核对是否即所问）：")
    return None


def _lead(lead: str | None, what: str) -> str:
    """What an answer for another subject begins with: what was found of the question itself, else that nothing was."""
    return lead or f"没有找到文件明确涉及“{what}”。"


def _agreed_answer(question: str, info: QuestionInfo, subject: str, index: Any, calibration: Calibration,
                   filters: dict[str, Any], nearest: list[tuple[int, Hit]]) -> Answer | None:
    """``_asked_about`` for ``subject``, when at least ``NEAREST_AGREE`` of the ``nearest`` documents are evidence in
    it: the documents nearest to the question must rule on what it is answered for. None otherwise."""
    answer = _asked_about(question, info, subject, index, calibration, filters)
    if answer is None:
        return None
    return answer if _nearest_agree(index, nearest, _evidence_sources(answer)) else None


def _evidence_sources(answer: Answer) -> set[str]:
    """The sources of the documents an answer's groups rest on."""
    return {source for g in answer.groups for source in g.sources}


def _nearest_agree(index: Any, nearest: list[tuple[int, Hit]], evidence: set[str]) -> bool:
    """Whether at least ``NEAREST_AGREE`` of the ``nearest`` documents are among ``evidence`` (sources)."""
    return sum(index.doc_list[d]["source"] in evidence for d, _ in nearest) >= NEAREST_AGREE


def _asked_about(question: str, info: QuestionInfo, subject: str, index: Any, calibration: Calibration,
                 filters: dict[str, Any]) -> Answer | None:
    """The "which places" answer to ``question`` with ``subject`` in place of its topic; None when it names no
    place."""
    span = topic_span(question, info.topic)
    if span is None:
        return None
    asked = question[:span[0]] + subject + question[span[1]:]
    new_info = analyze_question(asked, index.tokenizer, known_places=index.regions)
    if new_info.kind != "aggregation" or not has_chinese(new_info.topic):
        return None
    answer = _aggregate(asked, new_info, index, topic_of(index, new_info), calibration, True, filters, substitute=False)
    return answer if answer.count else None


def _asked_for(question: str, info: QuestionInfo, subject: str, index: Any, calibration: Calibration,
               filters: dict[str, Any], lead: str) -> Answer | None:
    """``_asked_about`` for ``subject``, as the answer to ``question`` with ``lead`` before it; None when it names no
    place."""
    answer = _asked_about(question, info, subject, index, calibration, filters)
    return None if answer is None else _answered_as(answer, question, subject, lead)


def _answered_as(answer: Answer, question: str, subject: str, lead: str) -> Answer:
    """``answer`` (to the question about ``subject``) as the answer to ``question``, ``lead`` before its text."""
    answer.question = question
    answer.answered_as = subject
    answer.answer = lead + answer.answer
    return answer


def _share_words(n: int, of: int) -> str:
    """"3 份文件都是" when all of the nearest documents share the subject, else "5 份文件中有 3 份是"."""
    return f"{n} 份文件都是" if n == of else f"{of} 份文件中有 {n} 份是"


def _holding_a_word(index: Any, topic: Topic, docs: list[int]) -> int:
    """How many of ``docs`` hold a word of ``topic`` (of two characters or more, or a way of saying one:
    ``Topic.words``) anywhere in their text."""
    words = [w for w in topic.words() if len(w) > 1]
    return documents_holding(index, words, docs) if words and docs else 0


def _names_a_specific_word(index: Any, topic: Topic, subject: str) -> bool:
    """Whether ``subject`` itself holds a word of ``topic`` (of two characters or more, or a part of a compound)
    that few documents have (``held_words.MAX_DOCUMENT_SHARE``): 文物保护 for 保护本地的文物, 工会 for 让工会帮职工维权. A
    subject many titles name is then what was asked, not a broader subject the question is one detail of (渣土车 →
    大气污染防治)."""
    return any_specific(index, [w for w in words_and_parts(index, topic) if w in subject])


def _is_a_word_asked(index: Any, topic: Topic, subject: str) -> bool:
    """Whether ``subject`` is a word of ``topic`` or the start of one (旅游 of 旅游业, 工会): the nearest documents are then
    named after what was asked, however many titles and documents name it (哪些城市有管旅游业、方便游客的法规: five
    旅游条例 nearest, 15 旅游 titles; on the spent DLC batches +25 right places, +1 wrong, 2026-11-28)."""
    # One character starts too many words to be one of them (水 of 水文: every 水法 and 节约用水 title names it).
    return len(subject) > 1 and any(w.startswith(subject) for w in words_and_parts(index, topic))


def _documents_within(scope: Region | None, filters: dict[str, Any]) -> Filter | None:
    """The documents a "which places" answer may count: within the scope and the explicit filters (None: all)."""
    parts = ([Filter(regions=(scope,))] if scope is not None else []) + \
        ([Filter(regions=(filters["region"],))] if "region" in filters else []) + \
        ([Filter(years=(filters["year"],))] if "year" in filters else [])
    if not parts:
        return None
    out: Filter | None = parts[0]
    for f in parts[1:]:
        out = out & f if out is not None else None
    return out if out is not None else Filter(sources=("",))  # disjoint places: no document passes


def _hit_of(index: Any, doc: int, p: agg.Passage) -> Hit:
    from .metadata import is_expired

    meta = index.doc_list[doc]
    return Hit(rank=0, score=p.strength, chunk=index.chunk(p.row), title=meta.get("title"),
               region=index.document_region(doc), date=meta.get("date"),
               scores={"coverage": p.coverage, "dense": p.dense}, row=p.row, expired=is_expired(meta))


def _refs(group: AnswerGroup) -> str:
    return "".join(f"[{c}]" for c in group.citations)


def _aggregate_text(groups: list[AnswerGroup], level: str, what: str) -> str:
    places = [g for g in groups if g.kind == "place"]
    parts = []
    if places:
        shown = places[:agg.LISTED_PLACES]
        rest = len(places) - len(shown)
        parts.append(f"共{len(places)}个{agg.level_words(level)}的文件涉及“{what}”："
                     + "、".join(f"{g.label}{_refs(g)}" for g in shown)
                     + (f"，及其他 {rest} 个（完整列表见 --json）" if rest else "") + "。")
    toc = [g for g in groups if g.kind == "toc_only"]
    if not places and not toc:
        parts.append(f"没有找到可归入{agg.level_words(level)}的文件涉及“{what}”。")
    if toc:
        parts.append("仅目录中提到（正文未见相关内容）：" + "、".join(f"{g.label}{_refs(g)}" for g in toc) + "。")
    other = [g for g in groups if g.kind == "other_level"]
    if other:
        parts.append("另有上级文件涉及（不计入）：" + "、".join(f"{g.label}{_refs(g)}" for g in other) + "。")
    unknown = [g for g in groups if g.kind == "unknown"]
    if unknown:
        n_docs = sum(g.documents for g in unknown)
        parts.append(f"另有 {n_docs} 份地区不明的文件涉及（不计入）：{''.join(_refs(g) for g in unknown)}。")
    return "".join(parts)
