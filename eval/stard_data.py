"""STARD (THUIR, MIT licence) as policyqa documents: law articles written as one text file per law.

The data stays in ``../shared/data/stard/`` (never copied into the repository); this module writes a
temporary corpus directory so benchmarks and the STARD evaluation go through the real ingestion path
(`第X条` headings, chunking, metadata) exactly as `policyqa index` would.
"""

from __future__ import annotations

import json
import os
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

DATA = Path(os.environ.get("POLICYQA_STARD", Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "stard"))
_ARTICLE = re.compile(r"(第[一二三四五六七八九十百零〇两]+条(?:之[一二三四五六七八九十]+)?)$")


@dataclass
class Article:
    id: str
    law: str          # file stem, e.g. 上海航运交易所管理规定(1996-10-03)
    label: str        # 第一条
    content: str


def available() -> bool:
    """True when the STARD files are present."""
    return (DATA / "corpus_lawrefbook_national.jsonl").is_file() and (DATA / "queries_lawrefbook.jsonl").is_file()


def load_articles() -> list[Article]:
    """All 58,651 articles in file order."""
    out = []
    with open(DATA / "corpus_lawrefbook_national.jsonl", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            m = _ARTICLE.search(rec["name"])
            law = Path(rec["source"]).stem
            out.append(Article(rec["id"], law, m.group(1) if m else rec["name"], rec["content"].strip()))
    return out


def load_queries() -> list[dict]:
    """The 1,543 questions with their relevant article ids."""
    with open(DATA / "queries_lawrefbook.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def subset(articles: list[Article], queries: list[dict], size: int, seed: int = 13) -> list[Article]:
    """Every relevant article plus a fixed random sample of distractors, ``size`` articles in all."""
    relevant = {a for q in queries for a in q["relevant"]}
    keep = [a for a in articles if a.id in relevant]
    rest = [a for a in articles if a.id not in relevant]
    random.Random(seed).shuffle(rest)
    chosen = {a.id for a in keep + rest[: max(0, size - len(keep))]}
    return [a for a in articles if a.id in chosen]


def write_corpus(articles: list[Article], directory: Path, copies: int = 1) -> dict[tuple[str, str], str]:
    """One .txt file per law (``第X条 content`` per line); ``copies`` > 1 repeats the corpus with a varied
    title line so the files differ. Returns (file name, article label) → article id for scoring."""
    directory.mkdir(parents=True, exist_ok=True)
    by_law: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        by_law[a.law].append(a)
    mapping: dict[tuple[str, str], str] = {}
    for copy in range(copies):
        for n, (law, items) in enumerate(sorted(by_law.items())):
            name = f"{n:05d}_{copy}.txt"
            title = law if copy == 0 else f"{law}（汇编本{copy}）"
            lines = [title] + [f"{a.label} {a.content}" for a in items]
            (directory / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
            for a in items:
                mapping[(name, a.label)] = a.id
    return mapping


def article_of(chunk, mapping: dict[tuple[str, str], str]) -> str | None:
    """The article id a chunk belongs to (its `第X条` heading in its file)."""
    name = Path(chunk.source).name
    for h in reversed(chunk.headings):
        art = mapping.get((name, h))
        if art:
            return art
    return None
