"""Place recognition in questions: precision and recall on labelled clauses of real policy text.

``eval/place_mentions.jsonl`` holds 217 clauses and questions, each with the places it names (written
by reading it):

* ``word``: the first clause of the local regulations (../shared/data/dlc/regulations.jsonl), else of the
  national laws (../shared/data/stard/corpus_lawrefbook_national.jsonl), that contains a word holding the
  short name of a county or city (乡村振兴 → 振兴区, 平安建设 → 平安区, 长治久安, 入海口 …);
* ``mention``: a clause drawn at random (seed 10) from 60 regulations around a name the old recogniser
  took for a place;
* ``bare_county``: a clause where a county's short name stands without its suffix (义乌, 泰顺, 萧山 …);
* ``stard_question``: the 27 real questions from the public of STARD that contain any gazetteer name.

Labels: a place is labelled when the text names the administrative division, also as a modifier (北京鼓楼,
上海港, 台湾同胞); not when the characters are part of another word (长治久安) or name another thing (杭州湾 the
bay, 西湖 the lake, 中山路 the road, 泰山 the mountain). Divisions missing from the gazetteer (渝北区,
the former 吉利区) and single-character abbreviations (沪) are not labelled. Items are split into halves by
the parity of sha256(word or clause): the rules were chosen on ``tune``; ``report`` played no part.

    python eval/place_mentions.py            # both halves
    python eval/place_mentions.py --errors   # and every wrong or missed place of the tune half
    python eval/place_mentions.py --speed    # analyze_question on 1,000 questions (STARD's, then generated)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policyqa.question_places import place_mentions  # noqa: E402
from policyqa.textnorm import to_halfwidth, to_simplified  # noqa: E402

DATA = ROOT / "eval" / "place_mentions.jsonl"


def load(path: Path = DATA) -> list[dict]:
    """The labelled items."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def recognised(text: str) -> list[str]:
    """Labels of the places recognised in ``text``, as ``Region.label()`` gives them."""
    norm = to_simplified(to_halfwidth(text))
    return list(dict.fromkeys(m.region.label() for m in place_mentions(norm)))


def score(items: list[dict]) -> dict:
    """Micro precision/recall over places, and the items with a wrong or missed place."""
    tp = fp = fn = 0
    errors = []
    for it in items:
        got, want = set(recognised(it["text"])), set(it["places"])
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
        if got != want:
            errors.append((it, sorted(got - want), sorted(want - got)))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"items": len(items), "places": tp + fn, "found": tp + fp, "precision": p, "recall": r,
            "false_positives": fp, "missed": fn, "errors": errors}


def speed(n: int = 1000) -> None:
    """Time ``analyze_question`` on ``n`` questions after a warm-up (gazetteer and jieba load once per process)."""
    import time

    from policyqa.question import analyze_question

    questions: list[str] = []
    stard = ROOT.parent / "shared" / "data" / "stard" / "queries_lawrefbook.jsonl"
    for p in [stard, *(q / "shared" / "data" / "stard" / "queries_lawrefbook.jsonl" for q in ROOT.parents)]:
        if p.is_file():
            questions = [json.loads(line)["query"] for line in p.read_text(encoding="utf-8").splitlines()]
            break
    frames = ["哪些城市{}", "浙江省哪些城市{}", "{}在哪些地方开展", "舟山如何{}", "Which cities in Zhejiang {}"]
    topics = [it["text"][:20] for it in load()]
    while len(questions) < n:
        i = len(questions)
        questions.append(frames[i % len(frames)].format(topics[i % len(topics)]))
    questions = questions[:n]
    t0 = time.perf_counter()
    analyze_question("哪些城市推进殡葬改革")
    warm = time.perf_counter() - t0
    t0 = time.perf_counter()
    for q in questions:
        analyze_question(q)
    total = time.perf_counter() - t0
    print(f"first question (gazetteer, jieba, OpenCC load) {warm * 1000:.0f} ms; "
          f"{n} questions {total * 1000:.0f} ms: {total / n * 1000:.2f} ms a question")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", action="store_true", help="list the tune half's wrong and missed places")
    ap.add_argument("--speed", action="store_true", help="time analyze_question on 1,000 questions")
    args = ap.parse_args()
    if args.speed:
        speed()
        return
    items = load()
    for half in ("tune", "report"):
        part = [it for it in items if it["half"] == half]
        res = score(part)
        print(f"{half:<6} {res['items']} items, {res['places']} places: precision {res['precision']:.3f} "
              f"recall {res['recall']:.3f} ({res['false_positives']} wrong, {res['missed']} missed)")
        for s in ("word", "mention", "bare_county", "stard_question"):
            sub = score([it for it in part if it["set"] == s])
            print(f"       {s:<15} {sub['items']:>3} items {sub['places']:>3} places  "
                  f"wrong {sub['false_positives']:>2}  missed {sub['missed']:>2}")
        if args.errors and half == "tune":
            for it, wrong, missed in res["errors"]:
                print(f"   {it['id']} wrong={wrong} missed={missed} | {it['text']}")


if __name__ == "__main__":
    main()
