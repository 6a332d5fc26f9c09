"""Retrieval evaluation on labelled queries, with ranx for the metrics and run files.

Labels survive re-chunking: a relevant passage is (file name, an exact substring of the file, grade).
A retrieved chunk *matches* a label when it covers at least ``MIN_OVERLAP`` of one occurrence of that
substring in the file. Runs and qrels are kept at the label level: a query's run ranks its labels by the
first rank at which a matching chunk appears, so a passage split over two chunks counts once.
"""

from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import PolicyQAError

log = logging.getLogger(__name__)

METRICS = ("ndcg@10", "recall@10", "mrr@10", "hit@1")
MIN_OVERLAP = 0.6
QUERY_TYPES = ("aggregation", "fact", "paraphrase", "section", "programme", "english", "traditional", "no_answer")
_PLACE_SUFFIX = re.compile(r"(省|市|县|区)$")


@dataclass
class Label:
    """A relevant passage: the file it is in, an exact substring of it, and a grade (2 answers, 1 context)."""

    source: str
    contains: str
    grade: int = 1


@dataclass
class LabelledQuery:
    """One line of a queries file."""

    id: str
    query: str
    type: str
    relevant: list[Label] = field(default_factory=list)
    places: list[str] | None = None
    toc_places: list[str] = field(default_factory=list)
    no_answer: bool = False
    split: str | None = None  # 'tune' (thresholds were chosen on it) or 'report'


def load_queries(path: str | Path) -> list[LabelledQuery]:
    """Read and validate a JSONL file of labelled queries; errors name the line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise PolicyQAError(f"queries file {path} not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyQAError(f"cannot read queries file {path}: {exc}") from None
    out, seen = [], set()
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path} line {n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PolicyQAError(f"{where}: not valid JSON ({exc.msg})") from None
        if not isinstance(rec, dict) or not str(rec.get("query", "")).strip() or not rec.get("id"):
            raise PolicyQAError(f"{where}: each query needs a non-empty \"id\" and \"query\"")
        if rec["id"] in seen:
            raise PolicyQAError(f"{where}: duplicate id {rec['id']!r}")
        seen.add(rec["id"])
        no_answer = bool(rec.get("no_answer"))
        try:
            labels = [Label(str(r["source"]), str(r["contains"]), int(r.get("grade", 1))) for r in rec.get("relevant", [])]
        except (KeyError, TypeError, ValueError):
            raise PolicyQAError(f"{where}: each relevant passage needs \"source\", \"contains\" and an integer \"grade\"") from None
        if not labels and not no_answer and rec.get("places") is None:
            raise PolicyQAError(f"{where}: no relevant passages; mark a question without answer with \"no_answer\": true")
        out.append(LabelledQuery(str(rec["id"]), rec["query"], str(rec.get("type", "other")), labels,
                                 rec.get("places"), list(rec.get("toc_places", [])), no_answer,
                                 str(rec["split"]) if rec.get("split") else None))
    if not out:
        raise PolicyQAError(f"queries file {path} has no queries")
    return out


class LabelMatcher:
    """Which labels a chunk covers, by character spans in the source files.

    With an ``index``, a document's text is the index's (read from the path stored with it, so evaluation
    works from any directory); without one, the chunk's source is read as a path. A text that cannot be read
    is an error, never a silent miss.
    """

    def __init__(self, index: Any = None) -> None:
        self._index = index
        self._texts: dict[str, str] = {}

    def text(self, source: str) -> str:
        """The text of an indexed document (cached)."""
        if source not in self._texts:
            try:
                if self._index is not None:
                    self._texts[source] = self._index.document_text(source)
                else:
                    from .readers import read_text

                    self._texts[source] = read_text(source)[0]
            except PolicyQAError as exc:
                raise PolicyQAError(f"cannot read {source} to match the labels against it ({exc}); "
                                    "re-index the corpus or fix the file") from None
        return self._texts[source]

    def matches(self, chunk: Any, label: Label) -> bool:
        """True when the chunk covers ≥ MIN_OVERLAP of some occurrence of the label's substring in its file."""
        if Path(chunk.source).name != Path(label.source).name:
            return False
        text = self.text(chunk.source)
        need = max(1, int(len(label.contains) * MIN_OVERLAP + 0.999))
        start = text.find(label.contains)
        while start >= 0:
            end = start + len(label.contains)
            if min(end, chunk.end) - max(start, chunk.start) >= need:
                return True
            start = text.find(label.contains, start + 1)
        return False


def label_run(hits: Sequence[Any], query: LabelledQuery, matcher: LabelMatcher, k: int) -> dict[str, float]:
    """Label ids ranked by the first hit that matches them (score k - rank + 1; unmatched hits score as misses)."""
    run: dict[str, float] = {}
    for rank, hit in enumerate(hits[:k], start=1):
        matched = False
        for i, label in enumerate(query.relevant):
            if matcher.matches(hit.chunk, label):
                matched = True
                run.setdefault(f"L{i}", float(k - rank + 1))
        if not matched:
            run[f"miss:{hit.chunk.id}"] = float(k - rank + 1)
    return run


def qrels_of(query: LabelledQuery) -> dict[str, int]:
    """Label ids with their grades."""
    return {f"L{i}": label.grade for i, label in enumerate(query.relevant)}


def score_runs(qrels: dict[str, dict[str, int]], run: dict[str, dict[str, float]], k: int = 10) -> dict[str, float]:
    """ndcg@k, recall@k, mrr@k and hit@1 (share of queries whose first hit is relevant), via ranx."""
    from ranx import Qrels, Run, evaluate

    qids = [q for q in qrels if qrels[q]]
    if not qids:
        return {m: 0.0 for m in METRICS}
    q = Qrels({qid: qrels[qid] for qid in qids})
    r = Run({qid: (run.get(qid) or {"__none__": 0.0}) for qid in qids})
    names = [f"ndcg@{k}", f"recall@{k}", f"mrr@{k}", "hits@1"]
    scores = evaluate(q, r, names, make_comparable=True)
    return {f"ndcg@{k}": float(scores[names[0]]), f"recall@{k}": float(scores[names[1]]),
            f"mrr@{k}": float(scores[names[2]]), "hit@1": float(scores["hits@1"])}


def _place_key(name: str) -> str:
    return _PLACE_SUFFIX.sub("", name.strip())


def expected_place(name: str, level: str) -> str:
    """A labelled place as the question's level counts it: for 哪些城市 a county's label counts for its city."""
    from .aggregate import place_at_level
    from .regions import resolve_place

    region = resolve_place(name)
    if region is None:
        return name
    at = place_at_level(region, level)
    return (at.name if at is not None else None) or name


@dataclass
class EvalReport:
    """Metrics per mode (overall and per query type) and the `ask` checks."""

    n_queries: int
    k: int
    modes: dict[str, dict[str, Any]]
    ask: dict[str, Any]
    runs: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict, repr=False)
    qrels: dict[str, dict[str, int]] = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """``{"n_queries", "modes": {mode: {metric: value, "by_type": {...}}}, "ask": {...}}``."""
        return {"n_queries": self.n_queries, "k": self.k, "modes": self.modes, "ask": self.ask}

    def table(self) -> str:
        """Plain-text tables for the terminal and the README."""
        metrics = [f"ndcg@{self.k}", f"recall@{self.k}", f"mrr@{self.k}", "hit@1"]
        lines = [f"{'mode':<8} " + " ".join(f"{m:>10}" for m in metrics)]
        for mode, res in self.modes.items():
            lines.append(f"{mode:<8} " + " ".join(f"{res[m]:>10.3f}" for m in metrics))
        types = sorted({t for res in self.modes.values() for t in res.get("by_type", {})})
        if types:
            lines.append("")
            lines.append(f"nDCG@{self.k} by query type (n)  " + " ".join(f"{m:>8}" for m in self.modes))
            for t in types:
                n = next(iter(self.modes.values()))["by_type"][t]["n"]
                lines.append(f"{t + f' ({n})':<30} " + " ".join(
                    f"{self.modes[m]['by_type'][t][f'ndcg@{self.k}']:>8.3f}" for m in self.modes))
        if self.ask:
            lines.append("")
            a = self.ask
            if "place_precision" in a:
                lines.append(f"ask, aggregation questions ({a['n_aggregation']}): place precision "
                             f"{a['place_precision']:.3f}, place recall {a['place_recall']:.3f}")
            if "no_answer_found_false" in a:
                lines.append(f"ask, questions without answer ({a['n_no_answer']}): answered \"not found\" "
                             f"{a['no_answer_found_false']:.3f}; answerable questions answered "
                             f"{a['answerable_found']:.3f}")
        return "\n".join(lines)


def check_labels(index: Any, queries: Sequence[LabelledQuery], matcher: LabelMatcher) -> None:
    """Every label's file is in the index and contains the label's text."""
    by_name: dict[str, str] = {}
    for d in index.doc_list:
        by_name.setdefault(Path(d["source"]).name, d["source"])
    for q in queries:
        for label in q.relevant:
            source = by_name.get(Path(label.source).name)
            if source is None:
                raise PolicyQAError(f"query {q.id!r}: its label file {label.source!r} is not in index "
                                    f"{index.directory}; index it, or fix the label")
            if label.contains not in matcher.text(source):
                raise PolicyQAError(f"query {q.id!r}: the label text {label.contains[:30]!r} is not in "
                                    f"{source}; fix the label (it must be an exact substring of the file)")


def evaluate(index: Any, queries: Sequence[LabelledQuery], modes: Sequence[str] = ("bm25", "dense", "hybrid"),
             k: int = 10, with_ask: bool = True, progress: Any = None) -> EvalReport:
    """Run every labelled query in every mode and score it; also check `ask` on places and no-answer questions.

    ``progress(stage, done, total)`` is called as queries are searched and asked (the CLI shows it).

    Raises PolicyQAError when a label names a file that is not in the index or text that is not in its file
    (such a label could never match: it would be a silent score of 0).
    """
    from .retrieval import search

    matcher = LabelMatcher(index)
    check_labels(index, queries, matcher)
    answerable = [q for q in queries if not q.no_answer]
    qrels = {q.id: qrels_of(q) for q in answerable}
    runs: dict[str, dict[str, dict[str, float]]] = {}
    results: dict[str, dict[str, Any]] = {}
    done = 0
    for mode in modes:
        run = {}
        for q in answerable:
            run[q.id] = label_run(search(index, q.query, k=k, mode=mode), q, matcher, k)
            done += 1
            if progress:
                progress("searching", done, len(answerable) * len(modes))
        runs[mode] = run
        overall: dict[str, Any] = score_runs(qrels, run, k)
        by_type: dict[str, dict[str, float]] = {}
        groups: dict[str, list[str]] = defaultdict(list)
        for q in answerable:
            groups[q.type].append(q.id)
        for t, ids in sorted(groups.items()):
            res = score_runs({i: qrels[i] for i in ids}, run, k)
            res["n"] = len(ids)
            by_type[t] = res
        overall["by_type"] = by_type
        results[mode] = overall
    ask_part = evaluate_ask(index, queries, progress) if with_ask else {}
    return EvalReport(len(queries), k, results, ask_part, runs, qrels)


def evaluate_ask(index: Any, queries: Sequence[LabelledQuery], progress: Any = None) -> dict[str, Any]:
    """Place-level precision/recall of `ask` on questions with expected places; share of no-answer questions
    answered "not found", and share of answerable questions answered at all."""
    from .aggregate import normalize_level
    from .answer import ask as ask_question
    from .question import analyze_question

    tp = fp = fn = 0
    n_agg = 0
    no_answer = [q for q in queries if q.no_answer]
    answerable = [q for q in queries if not q.no_answer]
    total = sum(1 for q in queries if q.places is not None) + (len(queries) if no_answer else 0)
    asked = [0]

    def ask(question: str, index: Any) -> Any:
        asked[0] += 1
        if progress:
            progress("asking", asked[0], total)
        return ask_question(question, index=index)

    per_query: dict[str, Any] = {}
    for q in queries:
        if q.places is None:
            continue
        n_agg += 1
        ans = ask(q.query, index=index)
        level = normalize_level(analyze_question(q.query).aggregation_level)
        got = {_place_key(g.region.name or "") for g in ans.groups if g.kind == "place"}
        want = {_place_key(expected_place(p, level)) for p in q.places}
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
        per_query[q.id] = {"expected": sorted(want), "got": sorted(got)}
    out: dict[str, Any] = {}
    if n_agg:
        out.update(n_aggregation=n_agg, place_precision=tp / (tp + fp) if tp + fp else 0.0,
                   place_recall=tp / (tp + fn) if tp + fn else 0.0, places=per_query)
    if no_answer:
        not_found = sum(1 for q in no_answer if not ask(q.query, index=index).found)
        found = sum(1 for q in answerable if ask(q.query, index=index).found)
        out.update(n_no_answer=len(no_answer), no_answer_found_false=not_found / len(no_answer),
                   answerable_found=found / len(answerable) if answerable else 0.0)
    return out


def save_runs(report: EvalReport, directory: str | Path) -> list[Path]:
    """Write each mode's run as a TREC run file (and the qrels) so versions can be compared with ranx."""
    from ranx import Qrels, Run

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    qrels = Qrels({q: v for q, v in report.qrels.items() if v})
    qrels.save(str(directory / "qrels.trec"), kind="trec")
    paths.append(directory / "qrels.trec")
    for mode, run in report.runs.items():
        r = Run({q: (v or {"__none__": 0.0}) for q, v in run.items()}, name=mode)
        r.save(str(directory / f"run.{mode}.trec"), kind="trec")
        paths.append(directory / f"run.{mode}.trec")
    return paths
