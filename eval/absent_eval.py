"""Questions about subjects no DLC regulation addresses: does "which places" name no place, or say what it answers?

    python eval/absent_eval.py --index DIR          # the DLC index (eval/places_eval.py builds one)
    python eval/absent_eval.py --index DIR --json   # the table, then one JSON object with every answer

Questions: eval/dlc_absent.jsonl (each with the regexes checked to match no title and no text of the 1,783
regulations: a place named for its own subject is a wrong place). An answer is one of:

* ``none``: no place named (the right answer);
* ``another``: places named for another subject the answer says it answered for (``Answer.answered_as``: the
  subject the nearest documents share, or the words they hold), which the reader is told to check;
* ``named``: places named as if for the question's own subject: wrong.

Only the public interface is used: ``ask(question, index=...)`` and ``Answer.to_dict()``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from places_eval import answer_places  # noqa: E402
QUESTIONS = HERE / "dlc_absent.jsonl"
DEFAULT_INDEX = Path("/work/data/dlc-index")


def load(path: Path = QUESTIONS) -> list[dict[str, Any]]:
    """The absent-subject questions (JSONL)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def outcome(answer: dict[str, Any]) -> str:
    """``none``, ``another`` or ``named`` for one answer (``Answer.to_dict()``); a place counts as in
    eval/places_eval.py (``answer_places``)."""
    if not answer_places(answer)[0]:
        return "none"
    return "another" if answer.get("answered_as") else "named"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", type=Path, default=DEFAULT_INDEX, help=f"index directory (default {DEFAULT_INDEX})")
    ap.add_argument("--questions", type=Path, default=QUESTIONS, help=f"questions (default {QUESTIONS.name})")
    ap.add_argument("--json", action="store_true", help="print the table, then one JSON object")
    args = ap.parse_args(argv)
    if not (args.index / "CURRENT").exists():
        print(f"error: no index at {args.index}; build the DLC index first (see eval/places_eval.py)", file=sys.stderr)
        return 1
    from policyqa import ask, open_index

    index = open_index(args.index, build_if_missing=False)
    rows = []
    for q in load(args.questions):
        answer = ask(q["query"], index=index).to_dict()
        rows.append({"id": q["id"], "query": q["query"], "outcome": outcome(answer),
                     "answered_as": answer.get("answered_as"), "count": answer.get("count"),
                     "answer": answer["answer"][:200]})
    counts = Counter(r["outcome"] for r in rows)
    print(f"{len(rows)} questions about absent subjects: no place {counts['none']}, "
          f"places for another subject, said so {counts['another']}, places named as if for it {counts['named']}")
    for r in rows:
        if r["outcome"] != "none":
            print(f"  {r['outcome']:8s} {r['query']} → {r['answered_as'] or ''} ({r['count']})")
    if args.json:
        print(json.dumps({"index": str(args.index), "counts": dict(counts), "per_question": rows}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
