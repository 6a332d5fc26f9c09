"""Honest answers: does `ask` say "not found" for what the corpus cannot answer, and answer what it can?

    python eval/honest.py                        # the seeds index (built on first use), both splits
    python eval/honest.py --index DIR --json     # another index; one JSON object after the table

Questions: eval/no_answer.jsonl (66 questions the seeds cannot answer: noise, emoji, punctuation, injection
strings, absent topics, years and places with no documents, English nonsense, fragments), the answerable and
no-answer questions of eval/queries.jsonl, and eval/queries_heldout.jsonl (44 answerable questions written
from the seeds, never used for any choice). Each question has a split: thresholds and patterns were chosen on
``tune`` only; ``report`` (and every held-out question) played no part.

Reported per split: precision of ``found: true`` (answerable among answered), recall (answerable answered),
and the share of no-answer questions answered "not found", overall and by kind.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = ("no_answer.jsonl", "queries.jsonl", "queries_heldout.jsonl")


def load(files: tuple[str, ...] = FILES) -> list[dict]:
    """The questions with their split (held-out questions count as ``report``) and kind."""
    out = []
    for name in files:
        for line in (HERE / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                q = json.loads(line)
                q.setdefault("split", "report")
                q["kind"] = q.get("category") or ("no_answer" if q.get("no_answer") else q.get("type", "other"))
                q["file"] = name
                out.append(q)
    return out


def run(index, questions: list[dict]) -> dict:
    """Ask every question; counts per split and per kind, and the questions answered wrongly."""
    from policyqa.answer import ask

    res: dict = {}
    for split in ("tune", "report"):
        qs = [q for q in questions if q["split"] == split]
        c: Counter = Counter()
        kinds: dict = defaultdict(Counter)
        wrong = []
        for q in qs:
            found = ask(q["query"], index=index).found
            na = bool(q.get("no_answer"))
            c[(na, found)] += 1
            kinds[q["kind"]][found == (not na)] += 1
            if found == na:
                wrong.append({"id": q["id"], "query": q["query"], "no_answer": na, "found": found})
        tp, fp, fn, tn = c[(False, True)], c[(True, True)], c[(False, False)], c[(True, False)]
        res[split] = {"questions": len(qs), "answerable": tp + fn, "no_answer": fp + tn,
                      "precision_found": round(tp / (tp + fp), 3) if tp + fp else None,
                      "recall_found": round(tp / (tp + fn), 3) if tp + fn else None,
                      "no_answer_not_found": round(tn / (tn + fp), 3) if tn + fp else None,
                      "by_kind": {k: f"{v[True]}/{v[True] + v[False]}" for k, v in sorted(kinds.items())},
                      "wrong": wrong}
    return res


def table(res: dict) -> str:
    lines = [f"{'split':<8}{'questions':>10}{'answerable':>11}{'no answer':>10}{'P(found)':>10}{'R(found)':>10}"
             f"{'no-answer → not found':>23}"]
    for split, r in res.items():
        lines.append(f"{split:<8}{r['questions']:>10}{r['answerable']:>11}{r['no_answer']:>10}"
                     f"{r['precision_found']:>10}{r['recall_found']:>10}{r['no_answer_not_found']:>23}")
    for split, r in res.items():
        lines.append(f"\n{split}: right by kind " + ", ".join(f"{k} {v}" for k, v in r["by_kind"].items()))
        for w in r["wrong"]:
            lines.append(f"  {'answered, has no answer' if w['no_answer'] else 'not found, has an answer'}: "
                         f"{w['query']}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", type=Path, default=None, help="index directory (default: the seeds index)")
    ap.add_argument("--json", action="store_true", help="also print one JSON object")
    args = ap.parse_args()
    from policyqa.index import open_index

    root = HERE.parent
    index = open_index(args.index or root / "indexes" / "default", paths=[root / "seeds"])
    res = run(index, load())
    print(table(res))
    if args.json:
        print(json.dumps(res, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
