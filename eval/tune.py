"""Grid over hybrid-search settings on the labelled seeds queries: how the defaults in SearchConfig were chosen.

    python eval/tune.py [--queries eval/queries.jsonl] [--index indexes/default]

Prints one line per setting (hybrid nDCG@10, Recall@10, MRR@10, Hit@1 and nDCG@10 per query type).
"""

from __future__ import annotations

import argparse
import warnings

from policyqa.evaluation import evaluate, load_queries
from policyqa.index import PolicyIndex, SearchConfig

GRID = [
    ("rrf k=60", dict(fusion="rrf", rrf_k=60, prf_docs=0)),
    ("rrf k=20", dict(fusion="rrf", rrf_k=20, prf_docs=0)),
    ("weighted 0.5/0.5", dict(fusion="weighted", weights={"bm25": 0.5, "dense": 0.5}, prf_docs=0)),
    ("weighted 0.6/0.4", dict(fusion="weighted", weights={"bm25": 0.6, "dense": 0.4}, prf_docs=0)),
    ("weighted 0.4/0.6", dict(fusion="weighted", weights={"bm25": 0.4, "dense": 0.6}, prf_docs=0)),
    ("weighted 0.6/0.4 +prf 2x5 w0.3", dict(fusion="weighted", weights={"bm25": 0.6, "dense": 0.4}, prf_docs=2, prf_terms=5, prf_weight=0.3)),
    ("weighted 0.6/0.4 +prf 2x5 w0.5", dict(fusion="weighted", weights={"bm25": 0.6, "dense": 0.4}, prf_docs=2, prf_terms=5, prf_weight=0.5)),
    ("weighted 0.6/0.4 +prf 3x8 w0.3", dict(fusion="weighted", weights={"bm25": 0.6, "dense": 0.4}, prf_docs=3, prf_terms=8, prf_weight=0.3)),
    ("weighted 0.5/0.5 +prf 2x5 w0.3", dict(fusion="weighted", weights={"bm25": 0.5, "dense": 0.5}, prf_docs=2, prf_terms=5, prf_weight=0.3)),
    ("rrf k=60 +prf 2x5 w0.3", dict(fusion="rrf", rrf_k=60, prf_docs=2, prf_terms=5, prf_weight=0.3)),
    # How much a place named in the question lifts its documents (a preference: others stay in the ranking).
    ("default, place boost 0", dict(place_boost=0.0)),
    ("default, place boost 0.25", dict(place_boost=0.25)),
    ("default, place boost 0.5", dict(place_boost=0.5)),
    ("default, place boost 1.0", dict(place_boost=1.0)),
]


def main() -> None:
    warnings.filterwarnings("ignore")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--queries", default="eval/queries.jsonl")
    ap.add_argument("--index", default="indexes/default")
    ap.add_argument("--split", default="tune", help="questions of this split only (tune: how the defaults were "
                    "chosen; 'all' for every question)")
    args = ap.parse_args()
    index = PolicyIndex.load(args.index)
    queries = [q for q in load_queries(args.queries) if args.split == "all" or q.split == args.split]
    for name, params in GRID:
        index.config = SearchConfig(**params)
        h = evaluate(index, queries, modes=("hybrid",), with_ask=False).modes["hybrid"]
        by_type = " ".join(f"{t[:5]} {v['ndcg@10']:.2f}" for t, v in h["by_type"].items())
        print(f"{name:<32} ndcg {h['ndcg@10']:.3f} R {h['recall@10']:.3f} mrr {h['mrr@10']:.3f} "
              f"hit1 {h['hit@1']:.3f} | {by_type}")


if __name__ == "__main__":
    main()
