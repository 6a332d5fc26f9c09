"""The subjects the documents' titles name, searched by meaning: which subject a question in everyday words is about
(防止下雨把山坡上的泥土冲走 → 水土保持; 工地上尘土飞扬、马路上起灰 → 建设工地扬尘污染防治; 管建筑渣土 → 城市建筑垃圾).

Each distinct title subject (``subjects.title_subject``) is embedded once, as a passage, through the index's embedding
cache: an index build embeds them, so a question only reads them back.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .embed_cache import EmbeddingCache
from .models import Region
from .subjects import title_subject

log = logging.getLogger(__name__)


@dataclass
class SubjectTable:
    """The distinct subjects of an index's titles (sorted) and their unit passage vectors, one row each."""

    subjects: list[str]
    vectors: np.ndarray

    def nearest(self, query_vector: np.ndarray, n: int = 1) -> list[tuple[str, float]]:
        """The ``n`` subjects nearest to a query vector, nearest first, with their cosine similarity."""
        if not self.subjects:
            return []
        q = np.asarray(query_vector, dtype=np.float32)
        sims = self.vectors @ (q / max(float(np.linalg.norm(q)), 1e-12))
        order = np.argsort(-sims, kind="stable")[:n]
        return [(self.subjects[i], float(sims[i])) for i in order]


def distinct_subjects(documents: list[dict[str, Any]], regions: list[Region]) -> list[str]:
    """The distinct subjects the documents' titles name, sorted."""
    return sorted({s for doc, region in zip(documents, regions) if (s := title_subject(doc.get("title"), region))})


def subject_table(documents: list[dict[str, Any]], regions: list[Region], embedder: Any,
                  cache_path: Path) -> SubjectTable:
    """The subjects of ``documents`` with their vectors: read from the embedding cache at ``cache_path``, the missing
    ones embedded and stored there. A cache that cannot be written (a read-only index) only costs the embedding."""
    subjects = distinct_subjects(documents, regions)
    if not subjects:
        return SubjectTable([], np.zeros((0, int(embedder.dim)), dtype=np.float32))
    try:
        cache = EmbeddingCache(cache_path)
        try:
            vectors, _ = cache.embed_passages(embedder, subjects)
        finally:
            cache.close()
    except (sqlite3.Error, OSError) as exc:
        log.warning("embedding cache %s not usable (%s): title subjects embedded without it", cache_path, exc)
        vectors = embedder.embed_passages(subjects)
    vectors = np.asarray(vectors, dtype=np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    return SubjectTable(subjects, vectors)
