""""Which places …" answers over the whole index: every document that addresses the topic, grouped by place.

Candidates are not the top-N hits of a search: the postings of the topic words name every chunk in the index
that could address the topic, and the best hybrid hits add passages that say it in other words. Each
candidate document is judged on its best passages (topic coverage, dense similarity); the documents that
pass are rolled up to the level the question asks for (省份 / 城市 / 县区 / 地方) within its scope, and every
place keeps its best passages as evidence. The count in the answer is the number of places found.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .backends import Filter
from .evidence import coverage_all
from .models import Region
from .topic import Topic

# A chunk is a candidate when it holds at least this share of the topic weight (or is a hybrid hit).
CANDIDATE_COVERAGE = 0.2
# How many of a document's best passages (by coverage) are judged.
PASSAGES_PER_DOCUMENT = 3
# Hybrid hits added to the candidates: passages that say the topic in other words.
HYBRID_CANDIDATES = 100
# A document addresses the topic when a passing passage's heading path holds this share of the topic weight …
HEADING_COVERAGE = 0.4
# … or when this many of its passages pass.
MIN_PASSAGES = 3
# A document counts for a question that asks for a kind of document (哪些城市出台了物业管理条例) when its title
# holds this share of the topic weight. These thresholds (and MIN_PASSAGES, HEADING_COVERAGE, and
# answer.DOC_COVERAGE / PROVISION_COVERAGE) were chosen on the tune and report splits of
# eval/dlc_places.jsonl and the tune split of eval/queries.jsonl; eval/dlc_places_heldout.jsonl reports.
TITLE_COVERAGE = 0.5
# A word in more than this share of the titles (城市 0.07, 管理 0.25, 保护 0.14 of the DLC titles; 环境 0.045,
# 安全 0.04) names no subject by itself in a title.
COMMON_IN_TITLES = 0.05
COMMON_TITLES_MIN = 20  # … and in at least this many (in a handful of titles every word is in a large share)
# How close (characters between) a common title word must be to another topic word: 城市管理, 华侨权益保护.
TITLE_GAP = 1
# How many places the answer text names; the groups (and --json) carry all of them.
LISTED_PLACES = 30
CITATIONS_PER_PLACE = 2
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
LEVEL_WORDS = {"province": "省份", "city": "城市", "county": "县（市、区）", "any": "地方"}


@dataclass
class Thresholds:
    """When a passage makes its document count: topic coverage, or dense similarity (``None``: not used)."""

    coverage: float
    dense: float | None


@dataclass
class Passage:
    """A judged passage of a candidate document."""

    row: Any  # the chunk's backend key
    coverage: float
    dense: float
    kind: str = "body"

    @property
    def strength(self) -> float:
        """Coverage plus dense similarity: orders passages and places."""
        return self.coverage + self.dense


@dataclass
class DocumentEvidence:
    """A document that addresses the topic, with its passing passages (best first)."""

    doc: int
    passages: list[Passage]

    @property
    def strength(self) -> float:
        """Its best passage's strength."""
        return max(p.strength for p in self.passages)

    @property
    def has_content(self) -> bool:
        """True unless its only evidence is a table of contents."""
        return any(p.kind != "toc" for p in self.passages)


@dataclass
class PlaceGroup:
    """A place in the answer with the documents that prove it, before citations are numbered.

    ``kind``: ``place`` (counted), ``toc_only`` (the body was not found to address it), ``other_level``
    (a document above the level asked, e.g. a province's for 哪些城市) or ``unknown`` (no place inferred).
    """

    place: Region
    kind: str
    documents: list[DocumentEvidence] = field(default_factory=list)
    members: list[Region] = field(default_factory=list)

    @property
    def strength(self) -> float:
        """The strongest document's strength."""
        return max((d.strength for d in self.documents), default=0.0)

    def best_passages(self, n: int = CITATIONS_PER_PLACE) -> list[tuple[int, Passage]]:
        """(document, passage) pairs to cite: content before table of contents, strongest first."""
        pairs = [(ev.doc, p) for ev in self.documents for p in ev.passages]
        pairs.sort(key=lambda dp: (dp[1].kind == "toc", -dp[1].strength, dp[1].row))
        return pairs[:n]


def place_at_level(region: Region, level: str) -> Region | None:
    """The place a document counts for at the asked level (None when the document is above that level).

    A county's document counts for its city and province; a province-level municipality (北京市) is a city;
    ``any`` keeps the most specific place. Codes are dropped so that one place is one group.
    """
    if level == "province":
        return Region(province=region.province, level="province") if region.province else None
    if level == "city":
        if region.city:
            return Region(province=region.province, city=region.city, level="city")
        if region.province in _MUNICIPALITIES:
            return Region(province=region.province, city=region.province, level="city")
        return None
    if level == "county":
        if region.county:
            return Region(province=region.province, city=region.city, county=region.county, level="county")
        return None
    if not region.name:
        return None
    return Region(province=region.province, city=region.city, county=region.county, level=region.level)


def candidate_rows(index: Any, topic: Topic, hybrid_rows: Sequence[Any], within: Filter | None
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Every chunk that could address the topic (enough topic coverage, or a hybrid hit) among the documents
    ``within`` passes, with its coverage: keys (in key order) and coverages."""
    keys, cov = coverage_all(index, topic, within) if topic else ([], np.zeros(0, dtype=np.float64))
    coverage = dict(zip(keys, cov.tolist()))
    rows = [key for key, c in coverage.items() if c >= CANDIDATE_COVERAGE]
    hybrid = list(dict.fromkeys(hybrid_rows))
    if within is not None and hybrid:
        hybrid = [key for key, ok in zip(hybrid, index.backend.matches(hybrid, within).tolist()) if ok]
    rows = sorted(set(rows).union(hybrid))
    return _key_array(rows), np.array([coverage.get(key, 0.0) for key in rows], dtype=np.float64)


def _key_array(keys: list[Any]) -> np.ndarray:
    """Keys as a numpy array (ints stay ints; other keys become an object array)."""
    if all(isinstance(k, (int, np.integer)) for k in keys):
        return np.asarray(keys, dtype=np.int64)
    out = np.empty(len(keys), dtype=object)
    out[:] = keys
    return out


def judge_documents(index: Any, rows: np.ndarray, coverage: np.ndarray, qvec: np.ndarray | None,
                    thresholds: Thresholds, topic: Topic, chunk_of: Callable[[int], Any],
                    at_length: bool = False) -> list[DocumentEvidence]:
    """The candidate documents that address the topic, strongest first.

    A passage passes on coverage ≥ ``thresholds.coverage`` or dense similarity ≥ ``thresholds.dense``; a
    document with a passing passage addresses the topic. With ``at_length`` (the question asks whether
    documents make rules on the topic) one passing mention is not enough: the document's title must name the
    topic, or the passage must sit in a section about it (a heading above the passage's own holds
    ``HEADING_COVERAGE`` of the topic weight: 第三章 森林防火), or at least ``MIN_PASSAGES`` of the
    document's passages must pass on coverage (a regulation that rules on 犬只 in several articles, not one
    that names 犬 once or has one passage close in meaning). Only each document's best
    ``PASSAGES_PER_DOCUMENT`` passages by coverage are read and cited.
    """
    if not len(rows):
        return []
    docs = index.chunk_doc_rows(rows)
    n_passing = np.bincount(docs[coverage >= thresholds.coverage], minlength=len(index.doc_list))
    # Ties in coverage go to the passage read first (in the local backend, the lower row, as before the seam).
    order = np.lexsort((index.backend.ordinals(rows.tolist()), -coverage, docs))
    rows, coverage, docs = rows[order], coverage[order], docs[order]
    if at_length:
        n_passing = _provisions(rows, docs, coverage >= thresholds.coverage, n_passing, chunk_of)
    starts = np.flatnonzero(np.concatenate([[True], docs[1:] != docs[:-1]]))
    rank = np.arange(len(docs)) - np.repeat(starts, np.diff(np.append(starts, len(docs))))
    keep = rank < PASSAGES_PER_DOCUMENT
    rows, coverage, docs = rows[keep], coverage[keep], docs[keep]
    dense = index.backend.dense_scores(qvec, rows.tolist()) if qvec is not None else np.zeros(len(rows))
    by_coverage = coverage >= thresholds.coverage
    by_dense = dense >= thresholds.dense if thresholds.dense is not None else np.zeros(len(rows), dtype=bool)
    titled = title_coverage(index, topic) >= TITLE_COVERAGE if at_length else None
    out: dict[int, DocumentEvidence] = {}
    about: set[int] = set()
    for r, c, d, doc, cov_ok, dense_ok in zip(rows, coverage, dense, docs, by_coverage, by_dense):
        if not (cov_ok or dense_ok):
            continue
        r = r.item() if isinstance(r, np.generic) else r
        chunk = chunk_of(r)
        doc = int(doc)
        # A passage close in meaning is one mention too: at length, only titles, sections and counts decide
        # (on the DLC tuning questions with the real model, place precision 0.778 when it counted, 0.974 without).
        if (not at_length or titled[doc] or n_passing[doc] >= MIN_PASSAGES
                or _heading_coverage(chunk.headings[:-1], topic) >= HEADING_COVERAGE):
            about.add(doc)
        out.setdefault(doc, DocumentEvidence(doc, [])).passages.append(Passage(r, float(c), float(d), chunk.kind))
    kept = [ev for doc, ev in out.items() if doc in about]
    for ev in kept:
        ev.passages.sort(key=lambda p: (-p.strength, p.row))
    return sorted(kept, key=lambda ev: (-ev.strength, ev.doc))


def _provisions(rows: np.ndarray, docs: np.ndarray, passing: np.ndarray, n_passing: np.ndarray,
                chunk_of: Callable[[int], Any]) -> np.ndarray:
    """Passing passages per document counted once per heading path: a long article cut into three passages is one
    provision, not three (a 大气污染防治条例 whose one article on 秸秆 was cut in three is no set of rules on 秸秆).
    ``docs`` is sorted, so each document's rows are one run. Fourteen spent DLC batches: 18 wrong places fewer, 1
    right one lost (2026-11-27)."""
    out = n_passing.copy()
    keep = passing & (n_passing >= MIN_PASSAGES)[docs]  # only these documents can reach MIN_PASSAGES
    docs, rows = docs[keep], rows[keep]
    cuts = np.flatnonzero(np.diff(docs)) + 1
    for run_docs, keys in zip(np.split(docs, cuts), np.split(rows, cuts)):
        if not len(run_docs):
            continue
        paths: set[tuple[str, ...]] = set()
        for key in keys.tolist():  # read chunks only until MIN_PASSAGES provisions are seen: the count is only compared
            paths.add(tuple(chunk_of(key).headings))
            if len(paths) >= MIN_PASSAGES:
                break
        out[int(run_docs[0])] = len(paths)
    return out


def _heading_coverage(headings: Sequence[str], topic: Topic) -> float:
    """Share of the topic weight that a passage's heading path holds."""
    from .textnorm import normalize

    return topic.share_in(normalize(" ".join(headings)).lower())


def title_coverage(index: Any, topic: Topic) -> np.ndarray:
    """Share of the topic weight that each document's title holds (substring test on the normalised title).

    A word found in more than ``COMMON_IN_TITLES`` of the titles counts only next to another topic word
    (城市管理 in 日照市城市管理条例, 华侨权益保护 for 保护华侨权益): alone it names no subject (城市 of 城市绿化条例, 城市…管理 of
    城市市容和环境卫生管理条例 are not 城市管理)."""
    from .topic import phrase_in

    titles = index.titles
    if not titles or not topic:
        return np.zeros(len(titles), dtype=np.float64)
    said = np.array([topic.says(title) for title in titles], dtype=bool)
    common = (said.mean(axis=0) > COMMON_IN_TITLES) & (said.sum(axis=0) >= COMMON_TITLES_MIN)
    # A single character (卫 of 爱卫, 水 of 水环境) is in countless titles' words (卫生): by itself it too counts
    # only next to another topic word; a longer way to say it (爱国卫生) counts anywhere.
    single = np.array([len(t) == 1 for t in topic.terms], dtype=bool)
    for j in np.flatnonzero(common | single):
        others = [t for k, t in enumerate(topic.terms) if k != j]
        longer = [alt for alt in topic.alternatives[j] if len("".join(alt)) > 1] if single[j] else []
        gap = TITLE_GAP if common[j] else None  # a single character: as close as a compound's parts
        for i in np.flatnonzero(said[:, j]):
            if longer and Topic.said(longer, titles[i]):
                continue
            said[i, j] = any(phrase_in(pair, titles[i], gap) for o in others
                             for pair in ((topic.terms[j], o), (o, topic.terms[j])))
    return said.astype(np.float64) @ topic.weights



def documents_by_title(index: Any, topic: Topic, rows: np.ndarray, coverage: np.ndarray, qvec: np.ndarray | None,
                       allowed_docs: np.ndarray | None, chunk_of: Callable[[int], Any]) -> list[DocumentEvidence]:
    """Documents whose title names the topic, each with its best candidate passages (or its first passage)."""
    tcov = title_coverage(index, topic)
    passing = tcov >= TITLE_COVERAGE
    if allowed_docs is not None:
        passing &= allowed_docs
    docs = np.flatnonzero(passing)
    if not len(docs):
        return []
    row_docs = index.chunk_doc_rows(rows) if len(rows) else np.zeros(0, dtype=np.int64)
    ordinals = index.backend.ordinals(rows.tolist()) if len(rows) else np.zeros(0, dtype=np.int64)
    first_rows = index.first_rows(docs)
    picked_rows, picked_cov, picked_docs = [], [], []
    for doc, first in zip(docs.tolist(), first_rows):
        mine = np.flatnonzero(row_docs == doc)
        if len(mine):
            best = mine[np.lexsort((ordinals[mine], -coverage[mine]))[:PASSAGES_PER_DOCUMENT]]
            picked_rows.extend(rows[best].tolist())
            picked_cov.extend(coverage[best].tolist())
            picked_docs.extend([doc] * len(best))
        else:
            picked_rows.append(first)
            picked_cov.append(0.0)
            picked_docs.append(doc)
    dense = index.backend.dense_scores(qvec, picked_rows) if qvec is not None else np.zeros(len(picked_rows))
    out: dict[int, DocumentEvidence] = {}
    for r, c, d, doc in zip(picked_rows, picked_cov, dense, picked_docs):
        p = Passage(r, float(c) + float(tcov[doc]), float(d), chunk_of(r).kind)
        out.setdefault(doc, DocumentEvidence(doc, [])).passages.append(p)
    for ev in out.values():
        ev.passages.sort(key=lambda p: (-p.strength, p.row))
    return sorted(out.values(), key=lambda ev: (-ev.strength, ev.doc))


def group_by_place(evidence: Sequence[DocumentEvidence], level: str, region_of: Callable[[int], Region]
                   ) -> list[PlaceGroup]:
    """Roll documents up to places at ``level``: counted places first (strongest first), then places seen only
    in a table of contents, documents above the asked level, and documents of unknown place."""
    groups: dict[Region, PlaceGroup] = {}
    others: dict[tuple[str, Region], PlaceGroup] = {}
    for ev in evidence:
        region = region_of(ev.doc)
        place = place_at_level(region, level)
        own = Region(province=region.province, city=region.city, county=region.county, level=region.level)
        if place is None:
            kind = "other_level" if region.name else "unknown"
            group = others.setdefault((kind, own), PlaceGroup(own, kind))
        else:
            group = groups.setdefault(place, PlaceGroup(place, "toc_only"))
            if ev.has_content:
                group.kind = "place"
        group.documents.append(ev)
        if own not in group.members:
            group.members.append(own)
    order = {"place": 0, "toc_only": 1, "other_level": 2, "unknown": 3}
    return sorted([*groups.values(), *others.values()],
                  key=lambda g: (order[g.kind], -g.strength, g.place.label()))


_LEVEL_OF_WORD = {"省份": "province", "省": "province", "provinces": "province",
                  "城市": "city", "市": "city", "地市": "city", "cities": "city", "city": "city",
                  "县": "county", "区": "county", "县区": "county", "区县": "county", "counties": "county",
                  "districts": "county"}


def normalize_level(level: str | None) -> str:
    """``province`` / ``city`` / ``county`` / ``any`` from a level or the question's own word (城市, 省份 …)."""
    if level in ("province", "city", "county", "any"):
        return level
    return _LEVEL_OF_WORD.get(level or "", "any")


def level_words(level: str | None) -> str:
    """省份 / 城市 / 县（市、区）/ 地方."""
    return LEVEL_WORDS.get(level or "any", "地方")
