"""Ablations on the labelled seeds queries: is each indexing default worth having?

    python eval/ablate.py [--queries eval/queries.jsonl] [--corpus seeds/]

Builds the seeds index once per variant in a temporary directory (real model, real tokenizer) and prints
nDCG@10 / Recall@10 / MRR@10 / Hit@1 for bm25, dense and hybrid, and the `ask` checks:

* default             title + heading path in front of each embedded chunk, domain dictionary, 450 chars
* no context          the embedded text is the chunk alone
* no dictionary       jieba's own dictionary only (policyqa/data/policy_dict.txt not loaded)
* 300-char chunks     long items split at 300 characters instead of 450

Embeddings are shared through a copied embedding cache where the embedded text is unchanged, so the
whole run takes about two minutes on two cores.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

from policyqa import chunking, index as index_mod, ingest, tokenizer
from policyqa.evaluation import evaluate, load_queries
from policyqa.index import build_index


@contextlib.contextmanager
def no_context() -> Iterator[None]:
    def plain(doc, chunk):  # noqa: ANN001 - same signature as index.embedding_text
        from policyqa.textnorm import normalize

        return normalize(chunk.text)

    with mock.patch.object(index_mod, "embedding_text", plain):
        yield


@contextlib.contextmanager
def no_dictionary() -> Iterator[None]:
    real = tokenizer._data_text

    def data_text(name: str) -> str:
        return "" if name == "policy_dict.txt" else real(name)

    with mock.patch.object(tokenizer, "_data_text", data_text):
        yield


@contextlib.contextmanager
def chunk_chars(n: int) -> Iterator[None]:
    with mock.patch.object(ingest, "chunk_document", functools.partial(chunking.chunk_document, max_chars=n)):
        yield


VARIANTS = [
    ("default", contextlib.nullcontext),
    ("no context in embeddings", no_context),
    ("no domain dictionary", no_dictionary),
    ("300-char chunks", lambda: chunk_chars(300)),
]


def main() -> None:
    warnings.filterwarnings("ignore")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--queries", default="eval/queries.jsonl")
    ap.add_argument("--corpus", default="seeds/")
    args = ap.parse_args()
    queries = load_queries(args.queries)
    with tempfile.TemporaryDirectory() as tmp:
        shared_cache = Path(tmp) / "cache"
        for name, variant in VARIANTS:
            target = Path(tmp) / name.replace(" ", "-")
            if shared_cache.exists():
                shutil.copytree(shared_cache, target / "cache")
            with variant():
                idx, _ = build_index([args.corpus], target)
                result = evaluate(idx, queries)
            shutil.rmtree(shared_cache, ignore_errors=True)
            shutil.copytree(target / "cache", shared_cache)
            for mode, m in result.modes.items():
                print(f"{name:<26} {mode:<7} ndcg {m['ndcg@10']:.3f} R {m['recall@10']:.3f} "
                      f"mrr {m['mrr@10']:.3f} hit1 {m['hit@1']:.3f}  ({len(idx)} chunks)", flush=True)
            a = result.ask
            print(f"{name:<26} ask     place P {a['place_precision']:.3f} R {a['place_recall']:.3f}, "
                  f"no-answer → not found {a['no_answer_found_false']:.3f}, answerable answered "
                  f"{a['answerable_found']:.3f}", flush=True)


if __name__ == "__main__":
    main()
