"""How many passages `ask` cites for an open question: citation precision and label recall per setting.

    python eval/ask_show.py [--queries eval/queries.jsonl] [--index indexes/default]

For every answerable open question of the labelled set that `ask` answers, a cited passage is precise
when it covers a labelled passage, and a label is recalled when some citation covers it. A passage is
cited when it passes the absolute floors (SHOW_COVERAGE, SHOW_DENSE) and comes close to the best passage:
coverage >= alpha x the best coverage, or dense similarity >= the best - margin.
"""

from __future__ import annotations

import argparse
import warnings
from types import SimpleNamespace

import policyqa.answer as answer_mod
from policyqa.evaluation import LabelMatcher, load_queries
from policyqa.index import open_index

GRID = [(0.0, 1.0), (0.7, 0.03), (0.7, 0.02), (0.85, 0.02), (0.7, 0.015), (0.85, 0.015), (1.0, 0.015),
        (0.85, 0.01), (0.85, 0.0)]


def main() -> None:
    warnings.filterwarnings("ignore")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--queries", default="eval/queries.jsonl")
    ap.add_argument("--index", default="indexes/default")
    ap.add_argument("--split", default="tune", help="questions of this split only (tune: how the defaults were "
                    "chosen; 'all' for every question)")
    args = ap.parse_args()
    index = open_index(args.index)
    matcher = LabelMatcher(index)
    queries = [q for q in load_queries(args.queries) if not q.no_answer and q.places is None
               and (args.split == "all" or q.split == args.split)]
    default = (answer_mod.SHOW_RELATIVE_COVERAGE, answer_mod.SHOW_DENSE_MARGIN)
    for alpha, margin in GRID:
        answer_mod.SHOW_RELATIVE_COVERAGE, answer_mod.SHOW_DENSE_MARGIN = alpha, margin
        precision = recall = cited = n = 0.0
        for q in queries:
            a = answer_mod.ask(q.query, index=index)
            if not a.found or a.kind != "open":
                continue
            spans = [SimpleNamespace(source=c.source, start=c.start, end=c.end) for c in a.citations]
            precision += sum(any(matcher.matches(c, lab) for lab in q.relevant) for c in spans) / len(spans)
            recall += sum(any(matcher.matches(c, lab) for c in spans) for lab in q.relevant) / len(q.relevant)
            cited += len(spans)
            n += 1
        mark = "  (default)" if (alpha, margin) == default else ""
        print(f"alpha {alpha:<4} margin {margin:<5}  open questions {n:.0f}  precision {precision / n:.3f}  "
              f"recall {recall / n:.3f}  citations/question {cited / n:.1f}{mark}", flush=True)
    answer_mod.SHOW_RELATIVE_COVERAGE, answer_mod.SHOW_DENSE_MARGIN = default


if __name__ == "__main__":
    main()
