"""`ask`: extractive answers in which every statement carries a numbered citation of an exact passage.

Whether a passage (or a document) addresses the question is decided by two signals, with thresholds
chosen on eval/queries.jsonl (README, "How the defaults were chosen"):

* topic coverage: the idf-weighted share of the question's topic words that occur in the passage
  (headings included), and
* dense similarity: the cosine of the passage to the question in the multilingual embedding space
  (the only signal for a question with no Chinese words).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from . import retrieval
from .backends import Filter
from .errors import PolicyQAError
from .models import Hit, Region
from .question import QuestionInfo, analyze_question

# Calibrated on eval/queries.jsonl with the bundled e5-small (see README): with these, all 10 no-answer
# questions are answered "not found" and 66 of the 78 answerable ones are answered.
FOUND_COVERAGE = 0.35
FOUND_DENSE = 0.905
# A document counts for a "which places" question when one of its passages covers the topic this well
# (place precision 0.895 / recall 0.864 on the 20 labelled aggregation questions).
DOC_COVERAGE = 0.4
DOC_DENSE = 0.92
# Once an answer is found, an open question also cites passages above this looser floor that come close
# to the best one: coverage ≥ 0.85 × the best, or dense similarity within 0.015 of the best. On the
# answered open questions of eval/queries.jsonl this doubles citation precision at the same label recall
# and halves the number of citations (python eval/ask_show.py; README).
SHOW_COVERAGE = 0.2
SHOW_DENSE = 0.85
SHOW_RELATIVE_COVERAGE = 0.85
SHOW_DENSE_MARGIN = 0.015
CANDIDATES = 60
_SENTENCE = re.compile(r"[^。！？；;!?\n]+[。！？；;!?]?")
_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|万|亿|元|人|个|家|张|户|名|项|次|亩|年)?")
_DATE = re.compile(r"\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{4}-\d{1,2}-\d{1,2}")
_CHINESE = re.compile(r"[\u4e00-\u9fff]")
_WANTS_DATE = re.compile(r"何时|什么时候|哪一年|哪年|哪天|日期|时间|when", re.I)


@dataclass
class Citation:
    """A quoted passage: ``text`` is exactly the file's text at ``[start:end]``."""

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

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["region"] = self.region.to_dict()
        d["place"] = self.region.label()
        d["highlight"] = list(self.highlight) if self.highlight else None
        return d


@dataclass
class AnswerGroup:
    """One place in an aggregation answer, with the citations that prove it."""

    region: Region
    citations: list[int]
    toc_only: bool = False
    district_document: bool = False

    @property
    def label(self) -> str:
        """``武义县（金华市）``, or ``宣城市（区级文件）`` for a district issuer that names no district."""
        return self.region.label() + ("（区级文件）" if self.district_document else "")

    def to_dict(self) -> dict[str, Any]:
        return {"region": self.region.to_dict(), "label": self.label, "citations": list(self.citations),
                "toc_only": self.toc_only, "district_document": self.district_document}


@dataclass
class Answer:
    """An extractive answer: the text with [n] markers, groups (per place) and the citations."""

    question: str
    kind: str
    found: bool
    answer: str
    groups: list[AnswerGroup] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``{"question","kind","found","answer","groups","citations"}``."""
        return {"question": self.question, "kind": self.kind, "found": self.found, "answer": self.answer,
                "groups": [g.to_dict() for g in self.groups],
                "citations": [c.to_dict() for c in self.citations]}

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


def _score(index: Any, info: QuestionInfo, hits: list[Hit]) -> list[_Scored]:
    # Coverage is read off the BM25 term matrix (the words each chunk was indexed with): no re-tokenizing.
    tokens = list(dict.fromkeys(index.tokenizer.tokenize(info.topic))) if _CHINESE.search(info.topic) else []
    weights = np.maximum(index.backend.idf(tokens), 0.1) if tokens else np.zeros(0)
    total = float(weights.sum())
    contained = index.backend.terms_in([h.row for h in hits], tokens) if tokens else [frozenset()] * len(hits)
    scored = []
    for h, present in zip(hits, contained):
        coverage = 0.0
        if tokens:
            coverage = float(sum(w for t, w in zip(tokens, weights) if t in present) / total)
        scored.append(_Scored(h, coverage, float(h.scores.get("dense", 0.0))))
    return scored


def _passes(s: _Scored, coverage: float, dense: float, chinese: bool) -> bool:
    return s.coverage >= coverage or s.dense >= dense if chinese else s.dense >= dense - 0.12


def _highlight(text: str, info: QuestionInfo, index: Any) -> tuple[int, int] | None:
    """The sentence that best answers: most topic words, and for a fact question a number or date."""
    wants_date = info.kind == "fact" and bool(_WANTS_DATE.search(info.text))
    wants_number = info.kind == "fact" and not wants_date
    topic = list(dict.fromkeys(index.tokenizer.tokenize(info.topic))) if _CHINESE.search(info.topic) else []
    # Rare words decide (殡葬 outweighs 推进 and 改革): weights are idf shares of the topic, summing to 1.
    idf = np.maximum(index.backend.idf(topic), 0.1) if topic else np.zeros(0)
    weight = dict(zip(topic, (idf / idf.sum()).tolist())) if topic else {}
    best, best_score = None, -1.0
    for m in _SENTENCE.finditer(text):
        sent = m.group()
        if not sent.strip():
            continue
        words = set(index.tokenizer.tokenize(sent))
        score = sum(w for t, w in weight.items() if t in words)
        if wants_number and _NUMBER.search(sent):
            score += 0.5
        if wants_date:
            score += _date_bonus(sent, info.years)
        if score > best_score:
            best, best_score = (m.start(), m.end()), score
    if best is None:
        return None
    start, end = best
    while start < end and text[start].isspace():
        start += 1
    return (start, end)


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


def _issue_date_answer(question: str, info: QuestionInfo, index: Any, relevant: list[_Scored]) -> Answer | None:
    """"When was it issued": the document's own date line (furniture or signature), cited at its span,
    with the best passage for context. None when the date is not stated in the file."""
    if not relevant:
        return None
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
    line = Citation(1, top.doc, meta.get("title"), region, ["（文件信息）"], text[span[0]:span[1]], span[0], span[1],
                    round(float(top.hit.score), 6), "meta")
    line.highlight = (0, len(line.text))
    context = _citation(2, top)
    context.highlight = _highlight(context.text, info, index)
    title = meta.get("title") or Path(top.doc).name
    answer = f"{region.label()}《{title}》的日期：{iso}[1]\n另见 [2]"
    group = AnswerGroup(region, [1, 2], district_document=meta.get("issuer_level") == "district" and not region.county)
    return Answer(question, info.kind, True, answer, [group], [line, context])


def _date_bonus(sentence: str, asked_years: list[int]) -> float:
    """How well a sentence answers "when": a full date answers it; a year the question already names does not."""
    bonus = 0.0
    for m in _DATE.finditer(sentence):
        d = m.group()
        if "月" in d or "-" in d:
            return 1.5
        year = re.match(r"\d{4}", d)
        if year and int(year.group()) not in asked_years:
            bonus = 0.5
    return bonus


def _toc_line(text: str, info: QuestionInfo, index: Any) -> tuple[int, int] | None:
    """The table-of-contents entry that names the topic."""
    topic = set(index.tokenizer.tokenize(info.topic))
    best, best_n, pos = None, 0, 0
    for line in text.split("\n"):
        n = len(topic & set(index.tokenizer.tokenize(line)))
        if n > best_n:
            best, best_n = (pos, pos + len(line)), n
        pos += len(line) + 1
    return best


def _citation(n: int, s: _Scored) -> Citation:
    h = s.hit
    c = h.chunk
    return Citation(n, c.source, h.title, h.region, list(c.headings), c.text, c.start, c.end,
                    round(float(h.score), 6), c.kind)


# ------------------------------------------------------------------ ask
def ask(question: str, index: Any = None, k: int = 10) -> Answer:
    """Answer a question from the indexed documents, citing exact passages.

    ``index`` is a loaded PolicyIndex, an index directory, or None for the default index (built from
    ``seeds/`` on first use).
    """
    from .index import PolicyIndex, open_index

    if not isinstance(index, PolicyIndex):
        index = open_index(Path(index) if index is not None else None)
    info = analyze_question(question)
    chinese = bool(_CHINESE.search(info.topic))
    if info.places and not index.backend.count(Filter(regions=tuple(info.places))):
        names = "、".join(p.label() for p in info.places)
        return Answer(question, info.kind, False,
                      f"索引中没有来自{names}的文件，无法回答。已索引 {len(index.doc_list)} 份文件。")
    hits = retrieval.search(index, question, k=max(CANDIDATES, k * 5), mode="hybrid", info=info)
    scored = _score(index, info, hits)
    relevant = [s for s in scored if _passes(s, FOUND_COVERAGE, FOUND_DENSE, chinese)]
    if not relevant:
        topic = info.topic if chinese else question
        return Answer(question, info.kind, False,
                      f"在已索引的 {len(index.doc_list)} 份文件中没有找到与“{topic}”相关的内容。")
    if info.kind == "aggregation":
        return _aggregate(question, info, index, scored, chinese, k)
    if info.kind == "fact" and _WANTS_DATE.search(info.text) and _ISSUED.search(info.text):
        dated = _issue_date_answer(question, info, index, relevant)
        if dated is not None:
            return dated
    if info.kind == "fact":
        shown = relevant
    else:
        # Open questions also cite passages close to the best one, but only close: an absolute floor
        # alone let every loosely related item of a long work plan in (see README).
        best_cov = max(s.coverage for s in relevant)
        best_dense = max(s.dense for s in relevant)
        cov_floor = max(SHOW_COVERAGE, SHOW_RELATIVE_COVERAGE * best_cov)
        dense_floor = max(SHOW_DENSE, best_dense - SHOW_DENSE_MARGIN)
        shown = [s for s in scored if _passes(s, cov_floor, dense_floor, chinese)]
    return _passages(question, info, index, shown, k)


def _aggregate(question: str, info: QuestionInfo, index: Any, scored: list[_Scored], chinese: bool,
               k: int) -> Answer:
    by_doc: dict[str, list[_Scored]] = {}
    for s in scored:
        by_doc.setdefault(s.doc, []).append(s)
    citations: list[Citation] = []
    groups: dict[Region, AnswerGroup] = {}
    order: list[Region] = []
    for source, items in by_doc.items():
        passing = [s for s in items if _passes(s, DOC_COVERAGE, DOC_DENSE, chinese)]
        content = [s for s in passing if s.hit.chunk.kind != "toc"]
        evidence = content[:2] or passing[:1]
        if not evidence:
            continue
        meta = index.documents.get(source, {})
        region = Region.from_dict(meta.get("region"))
        district = meta.get("issuer_level") == "district" and not region.county
        group = groups.get(region)
        if group is None:
            group = groups[region] = AnswerGroup(region, [], toc_only=not content, district_document=district)
            order.append(region)
        elif content:
            group.toc_only = False
        for s in evidence:
            c = _citation(len(citations) + 1, s)
            c.highlight = _highlight(c.text, info, index) if c.kind != "toc" else _toc_line(c.text, info, index)
            citations.append(c)
            group.citations.append(c.id)
    if not groups:
        return Answer(question, info.kind, False,
                      f"在已索引的 {len(index.doc_list)} 份文件中没有找到明确涉及“{info.topic}”的地方。")
    listed = [groups[r] for r in order if not groups[r].toc_only]
    toc = [groups[r] for r in order if groups[r].toc_only]
    parts = []
    if listed:
        parts.append(f"共{len(listed)}个地方的文件涉及“{info.topic}”："
                     + "、".join(f"{g.label}{''.join(f'[{c}]' for c in g.citations)}" for g in listed) + "。")
    if toc:
        parts.append("仅在目录中提到（正文未收录）："
                     + "、".join(f"{g.label}{''.join(f'[{c}]' for c in g.citations)}" for g in toc) + "。")
    return Answer(question, info.kind, True, "".join(parts), listed + toc, citations)


def _passages(question: str, info: QuestionInfo, index: Any, relevant: list[_Scored], k: int) -> Answer:
    chosen = relevant[: (3 if info.kind == "fact" else k)]
    # Open questions: passages grouped by document, documents in the order of their best passage.
    if info.kind != "fact":
        docs: dict[str, list[_Scored]] = {}
        for s in chosen:
            docs.setdefault(s.doc, []).append(s)
        chosen = [s for items in docs.values() for s in items]
    citations = []
    groups: dict[str, AnswerGroup] = {}
    lines = []
    for s in chosen:
        c = _citation(len(citations) + 1, s)
        c.highlight = _highlight(c.text, info, index)
        citations.append(c)
        meta = index.documents.get(s.doc, {})
        g = groups.setdefault(s.doc, AnswerGroup(c.region, [], district_document=meta.get("issuer_level") == "district"
                                                and not c.region.county))
        g.citations.append(c.id)
    if info.kind == "fact":
        for c in citations:
            sent = c.text[c.highlight[0]:c.highlight[1]] if c.highlight else c.text[:80]
            lines.append(f"{c.region.label()}：“{sent.strip()}”[{c.id}]")
        text = "\n".join(lines[:1]) + ("\n另见 " + "、".join(f"[{c.id}]" for c in citations[1:]) if len(citations) > 1 else "")
    else:
        for g in groups.values():
            first = citations[g.citations[0] - 1]
            items = []
            for n in g.citations:
                c = citations[n - 1]
                items.append(f"{c.headings[-1] if c.headings else '（前言）'}[{n}]")
            lines.append(f"{g.label}《{first.title or Path(first.source).name}》：" + "；".join(items))
        text = f"相关内容见 {len(groups)} 份文件：\n" + "\n".join(lines)
    return Answer(question, info.kind, True, text, list(groups.values()), citations)

