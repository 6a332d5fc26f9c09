""""Which places" on the DLC regulations: place precision / recall of `ask`, and place inference.

    python eval/places_eval.py                          # index /work/data/dlc-index (built from the corpus if missing)
    python eval/places_eval.py --split report           # only the reporting questions
    python eval/places_eval.py --split heldout          # the held-out batch: eval/dlc_places_heldout.jsonl
    python eval/places_eval.py --split heldout2         # the third batch: eval/dlc_places_heldout2.jsonl
    python eval/places_eval.py --split heldout3         # the fourth batch: eval/dlc_places_heldout3.jsonl
    python eval/places_eval.py --split heldout4         # the fifth batch: eval/dlc_places_heldout4.jsonl
    python eval/places_eval.py --split heldout5         # the sixth batch: eval/dlc_places_heldout5.jsonl
    python eval/places_eval.py --split heldout6         # the seventh batch: eval/dlc_places_heldout6.jsonl
    python eval/places_eval.py --split heldout7         # the eighth batch: eval/dlc_places_heldout7.jsonl
    python eval/places_eval.py --split heldout8         # the ninth batch: eval/dlc_places_heldout8.jsonl
    python eval/places_eval.py --split heldout9         # the tenth batch: eval/dlc_places_heldout9.jsonl
    python eval/places_eval.py --split heldout10        # the eleventh batch: eval/dlc_places_heldout10.jsonl
    python eval/places_eval.py --split heldout11        # the twelfth batch: eval/dlc_places_heldout11.jsonl
    python eval/places_eval.py --split heldout12        # the thirteenth batch: eval/dlc_places_heldout12.jsonl
    python eval/places_eval.py --split heldout13        # the fourteenth batch: eval/dlc_places_heldout13.jsonl
    python eval/places_eval.py --split heldout14        # the fifteenth batch: eval/dlc_places_heldout14.jsonl
    python eval/places_eval.py --split heldout15        # the sixteenth batch: eval/dlc_places_heldout15.jsonl
    python eval/places_eval.py --split heldout16        # the seventeenth batch: eval/dlc_places_heldout16.jsonl
    python eval/places_eval.py --split heldout17        # the eighteenth batch: eval/dlc_places_heldout17.jsonl
    python eval/places_eval.py --split heldout18        # the nineteenth batch: eval/dlc_places_heldout18.jsonl
    python eval/places_eval.py --split heldout19        # the twentieth batch: eval/dlc_places_heldout19.jsonl
    python eval/places_eval.py --split heldout20        # the twenty-first batch: eval/dlc_places_heldout20.jsonl
    python eval/places_eval.py --split heldout21        # the twenty-second batch: eval/dlc_places_heldout21.jsonl
    python eval/places_eval.py --split heldout22        # the twenty-third batch: eval/dlc_places_heldout22.jsonl
    python eval/places_eval.py --split heldout23        # the twenty-fourth batch: eval/dlc_places_heldout23.jsonl
    python eval/places_eval.py --split heldout24        # the twenty-fifth batch: eval/dlc_places_heldout24.jsonl
    python eval/places_eval.py --split heldout25        # the twenty-sixth batch: eval/dlc_places_heldout25.jsonl
    python eval/places_eval.py --split heldout26        # the twenty-seventh batch: eval/dlc_places_heldout26.jsonl
    python eval/places_eval.py --split heldout27        # the twenty-eighth batch: eval/dlc_places_heldout27.jsonl
    python eval/places_eval.py --split heldout28        # the twenty-ninth batch: eval/dlc_places_heldout28.jsonl
    python eval/places_eval.py --split heldout29        # the thirtieth batch: eval/dlc_places_heldout29.jsonl
    python eval/places_eval.py --split heldout30        # the thirty-first batch: eval/dlc_places_heldout30.jsonl
    python eval/places_eval.py --split heldout31        # the thirty-second batch: eval/dlc_places_heldout31.jsonl
    python eval/places_eval.py --split heldout32        # the thirty-third batch: eval/dlc_places_heldout32.jsonl
    python eval/places_eval.py --split heldout33        # the thirty-fourth batch: eval/dlc_places_heldout33.jsonl
    python eval/places_eval.py --split heldout34        # the thirty-fifth batch: eval/dlc_places_heldout34.jsonl
    python eval/places_eval.py --split heldout35        # the thirty-sixth batch: eval/dlc_places_heldout35.jsonl
    python eval/places_eval.py --split heldout36        # the thirty-seventh batch: eval/dlc_places_heldout36.jsonl
    python eval/places_eval.py --split heldout37        # the thirty-eighth batch: eval/dlc_places_heldout37.jsonl
    python eval/places_eval.py --json                   # the table, then one JSON object
    python eval/places_eval.py --no-inference           # skip the place-inference check (1,783 files)
    python eval/places_eval.py --index DIR              # another index of the corpus (--model hash:64: plumbing)

The questions are eval/dlc_places.jsonl (eval/dlc_places_build.py: expected places by rule, split by
topic into ``tune`` and ``report``), or eval/dlc_places_heldout.jsonl (``--split heldout``: the second
batch, new topics, to be run once, for reporting); ``--questions`` reads any such file and reports each
split it holds. The corpus is written by eval/dlc_corpus.py. Only the public interface is used:
``ask(question, index=...)`` and ``Answer.to_dict()`` (a group's ``region`` and ``label``), and
``load_document`` (what ``policyqa inspect`` shows) for place inference.

A place counts when a group of the answer names it (the group's most specific name, full name:
宁波市, 浙江省, 景宁畲族自治县) and the group is not table-of-contents-only. A group whose place is
unknown is not a place: it is counted apart (``unknown``), never as a hit. Precision and recall are
micro-averaged over the places of all questions of a split (as ``policyqa eval`` does); the mean of
per-question F1 is given too.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import dlc_corpus  # noqa: E402
import dlc_places_build  # noqa: E402

QUESTIONS = dlc_places_build.OUT
# Each held-out batch in its own file, named after its split: the batches eval/dlc_places_build.py writes.
HELDOUT_FILES = {b.name: b.out for b in dlc_places_build.BATCHES.values() if b.heldout}
HELDOUT_QUESTIONS = HELDOUT_FILES["heldout"]
SPLITS = ("tune", "report", *HELDOUT_FILES)
DEFAULT_INDEX = Path("/work/data/dlc-index")
LEVELS = ("province", "city", "county", "place")


def load_questions(path: Path = QUESTIONS) -> list[dict[str, Any]]:
    """The labelled "which places" questions (JSONL)."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def answer_places(answer: dict[str, Any]) -> tuple[list[str], int]:
    """Places an answer (``Answer.to_dict()``) names, in order, and how many of its groups have no place."""
    names: list[str] = []
    unknown = 0
    for group in answer.get("groups", []):
        if group.get("kind", "toc_only" if group.get("toc_only") else "place") != "place":
            unknown += group.get("kind") == "unknown"
            continue
        region = group.get("region") or {}
        name = region.get("county") or region.get("city") or region.get("province")
        if not name:
            unknown += 1
        elif name not in names:
            names.append(name)
    return names, unknown


def score_question(expected: Iterable[str], got: Iterable[str]) -> dict[str, Any]:
    """True/false places of one question: tp, fp, fn, precision, recall, F1, the misses and the false places."""
    want, have = set(expected), set(got)
    tp, fp, fn = len(want & have), len(have - want), len(want - have)
    p = tp / (tp + fp) if tp + fp else (1.0 if not want else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1,
            "missed": sorted(want - have), "false": sorted(have - want)}


def aggregate(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Micro precision / recall / F1 over the places of ``rows``, and the mean per-question F1."""
    tp = sum(r["tp"] for r in rows)
    fp = sum(r["fp"] for r in rows)
    fn = sum(r["fn"] for r in rows)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"n": len(rows), "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "mean_f1": sum(x["f1"] for x in rows) / len(rows) if rows else 0.0,
            "expected": tp + fn, "named": tp + fp, "unknown": sum(x.get("unknown", 0) for x in rows)}


def run_questions(index: Any, questions: list[dict[str, Any]], progress: bool = True) -> list[dict[str, Any]]:
    """Ask every question; one scored row per question."""
    from policyqa import ask

    rows = []
    for i, q in enumerate(questions, start=1):
        t = time.perf_counter()
        answer = ask(q["query"], index=index).to_dict()
        seconds = time.perf_counter() - t
        got, unknown = answer_places(answer)
        row = {"id": q["id"], "query": q["query"], "split": q["split"], "level": q["level"], "scope": q.get("scope"),
               "topic": q["topic"], "rule": q["rule"], "found": answer["found"], "got": got, "unknown": unknown,
               "seconds": round(seconds, 2), **score_question(q["places"], got),
               "nearest": None if got else nearest_leads(answer, q)}
        rows.append(row)
        if progress:
            print(f"[{i}/{len(questions)}] {q['id']}: P {row['precision']:.2f} R {row['recall']:.2f} "
                  f"({seconds:.1f} s)", file=sys.stderr, flush=True)
    return rows


def nearest_leads(answer: dict[str, Any], q: dict[str, Any]) -> dict[str, Any] | None:
    """For an answer that names no place: whether the nearest documents it cites (unverified, not counted) include
    an expected regulation (by title), or a document from an expected place (at any level). None if none cited."""
    cited = answer.get("citations", [])
    if not cited:
        return None
    places = set(q["places"])
    return {"documents": len(cited),
            "expected_regulation": any(c.get("title") in set(q["evidence"]) for c in cited),
            "expected_place": any({c["region"].get(k) for k in ("county", "city", "province")} & places for c in cited)}


def nearest_summary(rows: list[dict[str, Any]]) -> dict[str, int]:
    """How many questions found no place, how many of them cite nearest documents, and how often those hold an
    expected regulation or a document from an expected place."""
    empty = [r for r in rows if "got" in r and not r["got"]]
    leads = [r["nearest"] for r in empty if r.get("nearest")]
    return {"no_place": len(empty), "with_nearest": len(leads),
            "expected_regulation": sum(x["expected_regulation"] for x in leads),
            "expected_place": sum(x["expected_place"] for x in leads)}


def summarize(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Scores per split, and per split and level."""
    by_split: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_level: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_split[r["split"]].append(r)
        by_level[(r["split"], r["level"])].append(r)
    by_split["all"] = rows
    return {"splits": {s: aggregate(v) for s, v in sorted(by_split.items())},
            "levels": {f"{s}/{lvl}": aggregate(v) for (s, lvl), v in sorted(by_level.items())},
            "nearest": nearest_summary(rows)}


# ------------------------------------------------------------------ place inference
def _place_of(region: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    """(province, city, county); 上海市 as a city of 上海市 is the same place as 上海市 alone."""
    province, city, county = region.get("province"), region.get("city"), region.get("county")
    if province in dlc_corpus.MUNICIPALITIES and city == province and not county:
        city = None
    return province, city, county


def inference_accuracy(corpus: Path, doc_places: list[dict[str, Any]], progress: bool = True) -> dict[str, Any]:
    """How often the inferred place (``policyqa inspect``: ``load_document``) is the expected one.

    ``exact``: province, city and county all equal; ``name``: the most specific name equal (a county
    found where the city was expected is wrong for both).
    """
    from policyqa.errors import PolicyQAError
    from policyqa.ingest import load_document

    exact = name_ok = 0
    by_level: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    wrong = []
    for i, rec in enumerate(doc_places, start=1):
        want = _place_of(rec)
        try:
            got = _place_of(load_document(corpus / rec["file"]).region.to_dict())
        except PolicyQAError as exc:
            got = (None, None, str(exc))
        ok = got == want
        exact += ok
        want_name = next(n for n in reversed(want) if n)
        got_name = next((n for n in reversed(got) if n), None)
        name_ok += want_name == got_name
        by_level[rec["level"]][0] += ok
        by_level[rec["level"]][1] += 1
        if not ok:
            wrong.append({"file": rec["file"], "expected": "/".join(n for n in want if n),
                          "inferred": "/".join(n for n in got if n) or "未知地区"})
        if progress and i % 200 == 0:
            print(f"place inference: {i}/{len(doc_places)}", file=sys.stderr, flush=True)
    n = len(doc_places)
    return {"n": n, "exact": exact / n if n else 0.0, "name": name_ok / n if n else 0.0,
            "by_level": {k: {"n": v[1], "exact": v[0] / v[1]} for k, v in sorted(by_level.items())},
            "wrong": wrong}


# ------------------------------------------------------------------ output
def table(summary: dict[str, Any], rows: list[dict[str, Any]], inference: dict[str, Any] | None,
          max_listed: int = 6) -> str:
    """The plain-text report: scores per split and level, place inference, then each imperfect question."""
    out = ["split             n  precision   recall       F1  mean F1  places expected/named  unknown"]
    for name, s in summary["splits"].items():
        out.append(f"{name:<14} {s['n']:>4}  {s['precision']:>9.3f} {s['recall']:>8.3f} {s['f1']:>8.3f} "
                   f"{s['mean_f1']:>8.3f}  {s['expected']:>8}/{s['named']:<12} {s['unknown']:>7}")
    out += ["", "split/level       n  precision   recall       F1"]
    for name, s in summary["levels"].items():
        out.append(f"{name:<14} {s['n']:>4}  {s['precision']:>9.3f} {s['recall']:>8.3f} {s['f1']:>8.3f}")
    near = summary.get("nearest")
    if near and near["no_place"]:
        out += ["", f"no place found: {near['no_place']} questions; {near['with_nearest']} cite nearest documents "
                f"(unverified, not counted), with an expected regulation among them for {near['expected_regulation']} "
                f"and a document from an expected place for {near['expected_place']}"]
    if inference is not None:
        levels = ", ".join(f"{k} {v['exact']:.3f} (n={v['n']})" for k, v in inference["by_level"].items())
        out += ["", f"place inference ({inference['n']} regulations, policyqa inspect vs. adopting organ/title): "
                f"exact {inference['exact']:.3f}, most specific name {inference['name']:.3f}; by level: {levels}"]
        for w in inference["wrong"][:max_listed]:
            out.append(f"  {w['file']}: expected {w['expected']}, inferred {w['inferred']}")
        if len(inference["wrong"]) > max_listed:
            out.append(f"  … and {len(inference['wrong']) - max_listed} more (--json lists all)")
    out += ["", "questions with misses or false places (split level: P R | missed | false):"]

    def names(xs: list[str]) -> str:
        return "、".join(xs[:max_listed]) + (f" …+{len(xs) - max_listed}" if len(xs) > max_listed else "")

    for r in rows:
        if r["fn"] or r["fp"] or r["unknown"]:
            out.append(f"  {r['id']} [{r['split']} {r['level']}] {r['query']}: P {r['precision']:.2f} "
                       f"R {r['recall']:.2f} | missed {names(r['missed']) or '-'} | false {names(r['false']) or '-'}"
                       + (f" | {r['unknown']} unknown" if r["unknown"] else ""))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", type=Path, default=DEFAULT_INDEX, help=f"index directory (default {DEFAULT_INDEX})")
    ap.add_argument("--corpus", type=Path, default=dlc_corpus.DEFAULT_OUT,
                    help="the DLC corpus (eval/dlc_corpus.py writes it); indexed when --index has no index yet")
    ap.add_argument("--questions", type=Path,
                    help=f"questions (JSONL); default {QUESTIONS.name}; with --split heldout…heldout37 that "
                         f"batch's file ({HELDOUT_QUESTIONS.name} … {HELDOUT_FILES['heldout37'].name})")
    ap.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    ap.add_argument("--no-inference", action="store_true", help="skip the place-inference check")
    ap.add_argument("--json", action="store_true", help="print the table, then one JSON object")
    args = ap.parse_args(argv)

    if args.questions is None:
        args.questions = HELDOUT_FILES.get(args.split, QUESTIONS)
    if not args.questions.is_file():
        print(f"error: {args.questions} not found; give --questions path/to/questions.jsonl", file=sys.stderr)
        return 2
    questions = [q for q in load_questions(args.questions) if args.split in ("all", q["split"])]
    if not questions:
        print(f"error: no {args.split} questions in {args.questions}; give --questions with a file that has them",
              file=sys.stderr)
        return 2

    from policyqa import open_index
    from policyqa.errors import PolicyQAError

    if not args.corpus.is_dir():
        if not dlc_corpus.SOURCE.is_file():
            print(f"skipped: no corpus at {args.corpus} and no {dlc_corpus.SOURCE}", file=sys.stderr)
            return 0
        dlc_corpus.write_corpus(args.corpus, dlc_corpus.load_regulations())
    try:
        if (args.index / "CURRENT").exists():
            index = open_index(args.index, build_if_missing=False)
        else:
            print(f"building the index {args.index} from {args.corpus} (91,363 chunks: hours on two busy cores)…",
                  file=sys.stderr)
            index = open_index(args.index, paths=[args.corpus])
    except PolicyQAError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    rows = run_questions(index, questions)
    summary = summarize(rows)
    inference = None
    if not args.no_inference:
        doc_places = [json.loads(line) for line in open(dlc_corpus.DOC_PLACES, encoding="utf-8") if line.strip()]
        inference = inference_accuracy(args.corpus, doc_places)
    print(table(summary, rows, inference))
    if args.json:
        print(json.dumps({"index": str(args.index), "questions": str(args.questions), **summary,
                          "inference": inference, "per_question": rows}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
