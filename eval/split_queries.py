"""Give each labelled question a fixed ``split``: ``tune`` (thresholds, weights and patterns may be chosen
on it) or ``report`` (only measured).

    python eval/split_queries.py                 # eval/queries.jsonl by "type", eval/no_answer.jsonl by "category"
    python eval/split_queries.py --check         # exit 1 if a file's splits are not what the rule gives

The rule: questions that share the same relevant passages are one family (q001 哪些城市推进殡葬改革,
its English q077 and its traditional-character q083) and always get the same split, so that no
question is tuned on in one wording and reported in another. A family's stratum is the type (or
no-answer category) of its first id; within each stratum the families, sorted by first id, are shuffled
with ``random.Random(f"{SEED}:{stratum}")``; the first half (rounded up) is ``tune``, the rest
``report``. Only the ``split`` field of a line is written (appended before its closing brace, or its
value replaced): every other byte of the line stays as it is. eval/queries_heldout.jsonl is all
``report`` by construction: its questions were written from the documents without running the system.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261127
FILES = {HERE / "queries.jsonl": "type", HERE / "no_answer.jsonl": "category"}
_SPLIT = re.compile(r', "split": "(?:tune|report)"(?=[,}])')


def families(records: list[dict]) -> list[list[dict]]:
    """Questions grouped by their relevant passages (a question without any is its own family), by first id."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in sorted(records, key=lambda r: r["id"]):
        labels = sorted((x["source"], x["contains"]) for x in r.get("relevant") or [])
        groups[json.dumps(labels, ensure_ascii=False) if labels else f"id:{r['id']}"].append(r)
    return sorted(groups.values(), key=lambda g: g[0]["id"])


def splits(records: list[dict], key: str, seed: int = SEED) -> dict[str, str]:
    """id → ``tune`` | ``report``: families stratified by the ``key`` of their first member."""
    strata: dict[str, list[list[dict]]] = defaultdict(list)
    for fam in families(records):
        strata[str(fam[0].get(key))].append(fam)
    out = {}
    for stratum, fams in sorted(strata.items()):
        random.Random(f"{seed}:{stratum}").shuffle(fams)
        half = (len(fams) + 1) // 2
        for i, fam in enumerate(fams):
            out.update({r["id"]: "tune" if i < half else "report" for r in fam})
    return out


def with_split(line: str, split: str) -> str:
    """The JSON line with its ``split`` field set, every other character unchanged."""
    line = _SPLIT.sub("", line.rstrip("\n"))
    if not line.endswith("}"):
        raise ValueError(f"not a JSON object line: {line[:60]}")
    return f'{line[:-1]}, "split": "{split}"}}'


def split_file(path: Path, key: str) -> str:
    """The file's text with every line's split set by the rule."""
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    chosen = splits(records, key)
    return "".join(with_split(line, chosen[json.loads(line)["id"]]) + "\n" for line in lines if line.strip())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only check that the files carry the rule's splits")
    args = ap.parse_args(argv)
    status = 0
    for path, key in FILES.items():
        text = split_file(path, key)
        if args.check:
            same = path.read_text(encoding="utf-8") == text
            print(f"{path.name}: {'splits as the rule gives' if same else 'splits differ from the rule'}")
            status |= not same
        else:
            path.write_text(text, encoding="utf-8")
            counts = defaultdict(int)
            for line in text.splitlines():
                counts[json.loads(line)["split"]] += 1
            print(f"{path.name}: {dict(sorted(counts.items()))} (stratified by {key})")
    return status


if __name__ == "__main__":
    sys.exit(main())
