"""STARD benchmark: real legal questions from the public against national law articles.

    python eval/stard.py                  # documented subset: every relevant article + distractors, 5,000 in all (~20 min)
    python eval/stard.py --size 3000 --limit-queries 200   # a quick look
    python eval/stard.py --full           # all 58,651 articles (hours of embedding on two cores)
    python eval/stard.py --json           # the table, then one JSON object
    python eval/stard.py --workdir /tmp/stard   # keep corpus and index: a rerun reuses every embedding

Reports R@5, R@20, MRR@10 and nDCG@10 (ranx) for bm25, dense and hybrid. Skips cleanly when
../shared/data/stard is absent. Article-level runs: a chunk maps to its article by its 第X条 heading.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stard_data  # noqa: E402

DEFAULT_SIZE = 5000  # 1,445 relevant articles + 3,555 distractors: ~20 min on two cores


def run(size: int | None, limit: int | None, modes: list[str], workdir: Path) -> dict:
    from ranx import Qrels, Run, evaluate

    from policyqa.index import build_index
    from policyqa.retrieval import search

    articles = stard_data.load_articles()
    queries = stard_data.load_queries()
    if limit:
        queries = queries[:limit]
    chosen = articles if size is None else stard_data.subset(articles, queries, size)
    mapping = stard_data.write_corpus(chosen, workdir / "corpus")
    t0 = time.perf_counter()
    index, summary = build_index([workdir / "corpus"], workdir / "index")
    build_s = time.perf_counter() - t0
    qrels = Qrels({str(q["qid"]): {a: 1 for a in q["relevant"]} for q in queries})
    result = {"articles": len(chosen), "chunks": summary.chunks, "queries": len(queries),
              "build_s": round(build_s, 1), "embed_s": round(summary.embed_seconds, 1), "modes": {}}
    for mode in modes:
        runs = {}
        t = time.perf_counter()
        for q in queries:
            scores: dict[str, float] = {}
            for hit in search(index, q["query"], k=50, mode=mode):
                art = stard_data.article_of(hit.chunk, mapping)
                if art and art not in scores:
                    scores[art] = float(50 - hit.rank + 1)
            runs[str(q["qid"])] = scores or {"none": 0.0}
        ms = round((time.perf_counter() - t) * 1000 / len(queries), 1)
        metrics = evaluate(qrels, Run(runs), ["recall@5", "recall@20", "mrr@10", "ndcg@10"], make_comparable=True)
        result["modes"][mode] = {k: round(float(v), 4) for k, v in metrics.items()}
        result["modes"][mode]["ms_per_query"] = ms
    return result


def main() -> int:
    warnings.filterwarnings("ignore")
    ap = argparse.ArgumentParser(description="STARD statute retrieval benchmark for policyqa.")
    ap.add_argument("--size", type=int, default=DEFAULT_SIZE, help="articles in the subset (default 5000)")
    ap.add_argument("--full", action="store_true", help="all 58,651 articles")
    ap.add_argument("--limit-queries", type=int, default=None)
    ap.add_argument("--modes", default="bm25,dense,hybrid")
    ap.add_argument("--json", action="store_true", help="print one JSON object after the table")
    ap.add_argument("--workdir", type=Path, default=None,
                    help="keep the corpus and index here (its embedding cache makes a rerun take seconds)")
    args = ap.parse_args()
    if not stard_data.available():
        print(f"STARD data not found at {stard_data.DATA} (set POLICYQA_STARD to its directory): skipping")
        return 0
    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
    workdir = contextlib.nullcontext(args.workdir) if args.workdir else tempfile.TemporaryDirectory(prefix="policyqa-stard-")
    with workdir as tmp:
        res = run(None if args.full else args.size, args.limit_queries, args.modes.split(","), Path(tmp))
    print(f"STARD: {res['queries']} questions, {res['articles']} articles ({res['chunks']} chunks), "
          f"build {res['build_s']} s ({res['embed_s']} s embedding)")
    print(f"{'mode':<8} {'R@5':>7} {'R@20':>7} {'MRR@10':>7} {'nDCG@10':>8} {'ms/q':>6}")
    for mode, m in res["modes"].items():
        print(f"{mode:<8} {m['recall@5']:>7.3f} {m['recall@20']:>7.3f} {m['mrr@10']:>7.3f} {m['ndcg@10']:>8.3f} "
              f"{m['ms_per_query']:>6}")
    if args.json:
        print(json.dumps(res, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
