"""Qdrant as the engine: one collection per index, a named dense vector (cosine) and a named sparse vector
(IDF modifier) per chunk, the chunk record and its document's filter fields in the payload.

* Point ids are UUIDv5 of the chunk's source and chunk id (identical files give identical chunk ids, so the
  source is part of the name); keys are those ids as strings.
* Sparse vectors hold BM25's term-frequency part at the collection's average length; term ids, document
  frequencies and lengths are kept beside the index (``termstats.TermStats``) so a query scores exactly
  policyqa's BM25 (see termstats). When adds and deletes move the average length by more than
  ``REWEIGH_DRIFT``, every sparse vector is rewritten at the new average.
* The manifest's checks (embedder id and dimension, tokenizer version) are the collection's metadata: an
  index opened against a collection built otherwise is refused.
* ``location`` is a server URL (http://…), a directory (embedded, persistent) or ``:memory:`` (embedded, this
  process only). Embedded mode is qdrant-client's brute-force Python engine: for tests and small indexes; one
  process at a time may open a directory.
"""

from __future__ import annotations

import atexit
import json
import os
import threading
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import IndexCorruptError, IndexMismatchError, PolicyQAError
from ..models import Chunk
from .base import DocumentTable, Filter, Postings, Ranked, SortedWords, document_fields
from .qdrant_filters import INDEXED_FIELDS, to_qdrant
from .termstats import TermStats

STATE_FILE = "qdrant.json"
DENSE, SPARSE = "dense", "bm25"
# Relative change of the average chunk length past which stored sparse vectors are rewritten (the BM25 of
# a vector written at another average differs by at most about b·drift).
REWEIGH_DRIFT = 0.01
_BATCH = 256
_NAMESPACE = uuid.UUID("6f1c2a4e-9d3b-5e7f-8a1c-2b3d4e5f6a7b")
_clients: dict[str, Any] = {}
_clients_lock = threading.Lock()


def qdrant_models() -> Any:
    """qdrant_client.models, or one clear line when qdrant-client is not installed."""
    try:
        from qdrant_client import models
    except ImportError:
        raise PolicyQAError("the qdrant backend needs qdrant-client: pip install 'policyqa[qdrant]'") from None
    return models


def connect(location: str) -> Any:
    """A client for a server URL, an embedded directory or ``:memory:`` (embedded clients are shared within
    a process: a directory can be opened once, and ``:memory:`` is one store for the whole process)."""
    qdrant_models()
    from qdrant_client import QdrantClient

    if location.startswith(("http://", "https://")):
        client = QdrantClient(url=location, api_key=os.environ.get("QDRANT_API_KEY"), timeout=60)
        try:
            client.get_collections()
        except Exception as exc:  # connection refused, timeouts, authentication: one line, not a traceback
            raise PolicyQAError(f"cannot reach Qdrant at {location} ({exc.__class__.__name__}: {exc}): start the "
                                "server or give another --qdrant URL") from None
        return client
    key = location if location == ":memory:" else str(Path(location).absolute())
    with _clients_lock:
        if not _clients:
            atexit.register(_close_embedded)
        if key not in _clients:
            try:
                _clients[key] = QdrantClient(location=":memory:") if key == ":memory:" else QdrantClient(path=key)
            except RuntimeError as exc:  # the directory is locked by another process
                raise PolicyQAError(f"the embedded Qdrant store {key} is open in another process ({exc}): an "
                                    "embedded store serves one process; use a Qdrant server for more") from None
        return _clients[key]


def _close_embedded() -> None:
    """Close embedded clients before interpreter shutdown (their own finaliser fails once modules are gone)."""
    with _clients_lock:
        for client in _clients.values():
            try:
                client.close()
            except Exception:  # closing at exit: nothing left to report to
                pass
        _clients.clear()


def point_id(source: str, chunk_id: str) -> str:
    """The Qdrant id of a chunk: UUIDv5 of its source and chunk id."""
    return str(uuid.uuid5(_NAMESPACE, f"{source}\x00{chunk_id}"))


def collection_name(directory: Path) -> str:
    """The default collection of an index directory: its name and a digest of its absolute path."""
    import hashlib
    import re

    path = str(Path(directory).absolute())
    name = re.sub(r"[^A-Za-z0-9_-]+", "_", Path(path).name)[:40] or "index"
    return f"policyqa_{name}_{hashlib.sha256(path.encode()).hexdigest()[:8]}"


class QdrantBackend:
    """The ``Backend`` operations on a Qdrant collection (see the module docstring)."""

    name = "qdrant"

    def __init__(self, client: Any, location: str, collection: str, documents: Sequence[dict[str, Any]],
                 stats: TermStats, counts: dict[str, int], weight_len: float):
        self.client = client
        self.location = location
        self.collection = collection
        self.models = qdrant_models()
        self.stats = stats
        self.weight_len = weight_len  # the average length the stored sparse vectors were computed at
        self._docs: list[dict[str, Any]] = list(documents)
        self._counts = dict(counts)
        self._reindex_documents()
        self._cache: dict[str, dict[str, Any]] = {}
        self._sorted_words = SortedWords()

    # ------------------------------------------------------------ life cycle
    @classmethod
    def create(cls, location: str, collection: str, dim: int) -> "QdrantBackend":
        """A new, empty collection (an existing one of that name is dropped first)."""
        client = connect(location)
        m = qdrant_models()
        if client.collection_exists(collection):
            client.delete_collection(collection)
        # On a cluster: shards spread the points over nodes, replicas copy each shard (README, "Scaling out").
        layout = {k: int(os.environ[v]) for k, v in (("shard_number", "POLICYQA_QDRANT_SHARDS"),
                                                     ("replication_factor", "POLICYQA_QDRANT_REPLICAS"))
                  if os.environ.get(v) and location.startswith(("http://", "https://"))}
        client.create_collection(
            collection, vectors_config={DENSE: m.VectorParams(size=int(dim), distance=m.Distance.COSINE)},
            sparse_vectors_config={SPARSE: m.SparseVectorParams(modifier=m.Modifier.IDF)}, **layout)
        for name, kind in INDEXED_FIELDS.items() if location.startswith(("http://", "https://")) else ():
            # Embedded mode scans payloads (it warns that indexes have no effect there); a server uses them.
            schema = m.PayloadSchemaType.INTEGER if kind == "integer" else m.PayloadSchemaType.KEYWORD
            client.create_payload_index(collection, name, field_schema=schema)
        return cls(client, location, collection, [], TermStats(), {}, 0.0)

    @classmethod
    def open(cls, gen: Path, documents: Sequence[dict[str, Any]], manifest: dict[str, Any],
             location: str | None = None) -> "QdrantBackend":
        """The backend of a generation whose chunks live in Qdrant; refuses a collection built with another
        model or tokenizer, and one whose chunk count differs from the index's (IndexCorruptError)."""
        from ..integrity import damaged, repair_hint

        try:
            state = json.loads((gen / STATE_FILE).read_text(encoding="utf-8"))
            stats = TermStats.from_dict(state["stats"])
        except FileNotFoundError:
            raise damaged(gen, STATE_FILE, "is missing") from None
        except (ValueError, KeyError, TypeError) as exc:
            raise damaged(gen, STATE_FILE, f"is corrupt ({exc.__class__.__name__})") from None
        location = location or state["location"]
        client = connect(location)
        collection = state["collection"]
        if not client.collection_exists(collection):
            raise IndexCorruptError(f"Qdrant collection {collection!r} at {location} is missing: {repair_hint(gen.parent)}")
        info = client.get_collection(collection)
        built = (info.config.metadata or {}) if hasattr(info.config, "metadata") else {}
        wanted = collection_checks(manifest)
        if built.get("checks") != wanted:
            raise IndexMismatchError(
                f"Qdrant collection {collection!r} at {location} was built with {built.get('checks')}, the index "
                f"{gen.parent} with {wanted}: rebuild it with `policyqa index --rebuild --index {gen.parent}`")
        backend = cls(client, location, collection, documents, stats, state["counts"], state["weight_len"])
        n = client.count(collection, exact=True).count
        if n != int(manifest["chunk_count"]) or n != stats.n:
            raise IndexCorruptError(f"Qdrant collection {collection!r} holds {n} chunks, the index {manifest['chunk_count']}"
                                    f" (an interrupted update?): {repair_hint(gen.parent)}")
        return backend

    def save(self, gen: Path, manifest: dict[str, Any]) -> None:
        """Write the term statistics beside a generation being written and record the manifest's checks
        with the collection."""
        state = {"location": self.location, "collection": self.collection, "weight_len": self.weight_len,
                 "counts": self._counts, "stats": self.stats.to_dict()}
        (gen / STATE_FILE).write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
        self.client.update_collection(self.collection, metadata={"checks": collection_checks(manifest)})

    def close(self) -> None:
        if self.location.startswith(("http://", "https://")):
            self.client.close()

    def __len__(self) -> int:
        return self.stats.n

    # ------------------------------------------------------------ records
    def _reindex_documents(self) -> None:
        self._doc_index = {d["source"]: i for i, d in enumerate(self._docs)}
        self._table: DocumentTable | None = None

    def _payloads(self, keys: Sequence[str]) -> list[dict[str, Any]]:
        missing = [k for k in dict.fromkeys(keys) if k not in self._cache]
        if missing:
            if len(self._cache) > 200_000:
                self._cache.clear()
            for i in range(0, len(missing), 1024):
                for p in self.client.retrieve(self.collection, missing[i:i + 1024], with_payload=True):
                    self._cache[str(p.id)] = p.payload
        try:
            return [self._cache[k] for k in keys]
        except KeyError as exc:
            raise PolicyQAError(f"no chunk {exc.args[0]!r} in Qdrant collection {self.collection!r}") from None

    def documents(self) -> list[dict[str, Any]]:
        return list(self._docs)

    def chunk(self, key: Any) -> Chunk:
        return Chunk.from_dict(self._payloads([str(key)])[0]["chunk"])

    def documents_of(self, keys: Sequence[Any]) -> list[dict[str, Any]]:
        return [self._docs[i] for i in self.document_numbers(keys).tolist()]

    def document_numbers(self, keys: Sequence[Any]) -> np.ndarray:
        index = self._doc_index
        return np.array([index[p["source"]] for p in self._payloads([str(k) for k in keys])], dtype=np.int64)

    def ordinals(self, keys: Sequence[Any]) -> np.ndarray:
        return np.array([p["ordinal"] for p in self._payloads([str(k) for k in keys])], dtype=np.int64)

    def first_keys(self, docs: Sequence[int]) -> list[str]:
        sources = [self._docs[int(d)]["source"] for d in docs]
        if not sources:
            return []
        m = self.models
        flt = m.Filter(must=[m.FieldCondition(key="source", match=m.MatchAny(any=sources)),
                             m.FieldCondition(key="ordinal", match=m.MatchValue(value=0))])
        first = {p.payload["source"]: str(p.id) for p in self._scroll(flt, ["source"])}
        missing = [s for s in sources if s not in first]
        if missing:  # a document whose first chunk was deleted alone: its earliest remaining chunk
            for key in self.keys_of_documents(missing):
                first.setdefault(self._payloads([key])[0]["source"], key)
        return [first[s] for s in sources]

    def chunk_counts(self) -> np.ndarray:
        return np.array([self._counts.get(d["source"], 0) for d in self._docs], dtype=np.int64)

    def keys_of_documents(self, sources: Iterable[str]) -> list[str]:
        sources = list(sources)
        if not sources:
            return []
        m = self.models
        points = self._scroll(m.Filter(must=[m.FieldCondition(key="source", match=m.MatchAny(any=sources))]),
                              ["source", "ordinal"])
        order = {s: i for i, s in enumerate(sources)}
        points.sort(key=lambda p: (order[p.payload["source"]], p.payload["ordinal"]))
        return [str(p.id) for p in points]

    def count(self, filter: Filter | None = None) -> int:
        return int(self.client.count(self.collection, count_filter=to_qdrant(filter, self.models), exact=True).count)

    def matches(self, keys: Sequence[Any], filter: Filter) -> np.ndarray:
        if self._table is None:
            self._table = DocumentTable(self._docs)
        mask = self._table.mask(filter)
        return np.ones(len(keys), dtype=bool) if mask is None else mask[self.document_numbers(keys)]

    def _scroll(self, flt: Any, fields: list[str]) -> list[Any]:
        out, offset = [], None
        while True:
            points, offset = self.client.scroll(self.collection, scroll_filter=flt, limit=1024, offset=offset,
                                                with_payload=fields, with_vectors=False)
            out.extend(points)
            if offset is None:
                return out

    # ------------------------------------------------------------ search
    def _ranked(self, points: list[Any]) -> Ranked:
        for p in points:
            if p.payload is not None:
                self._cache.setdefault(str(p.id), p.payload)
        return Ranked([str(p.id) for p in points], np.array([p.score for p in points], dtype=np.float64))

    def sparse_top_k(self, tokens: Sequence[str], k: int, filter: Filter | None = None,
                     expansion: Sequence[str] = (), expansion_weight: float = 0.0) -> Ranked:
        weighted: Counter[str] = Counter()
        weighted.update(tokens)
        if expansion and expansion_weight:
            for t, n in Counter(expansion).items():
                weighted[t] += expansion_weight * n
        ids, values = self.stats.query_weights(dict(weighted))
        if not ids:
            return Ranked([], np.zeros(0))
        m = self.models
        res = self.client.query_points(self.collection, query=m.SparseVector(indices=ids, values=values), using=SPARSE,
                                       limit=k, query_filter=to_qdrant(filter, m), with_payload=True)
        return self._ranked([p for p in res.points if p.score > 0])

    def dense_top_k(self, vector: np.ndarray, k: int, filter: Filter | None = None) -> Ranked:
        res = self.client.query_points(self.collection, query=np.asarray(vector, dtype=np.float32).tolist(), using=DENSE,
                                       limit=k, query_filter=to_qdrant(filter, self.models), with_payload=True)
        return self._ranked(res.points)

    def dense_scores(self, vector: np.ndarray, keys: Sequence[Any]) -> np.ndarray:
        keys = [str(k) for k in keys]
        if not keys:
            return np.zeros(0, dtype=np.float32)
        got = {}
        for i in range(0, len(keys), 1024):
            for p in self.client.retrieve(self.collection, list(dict.fromkeys(keys[i:i + 1024])), with_vectors=[DENSE]):
                got[str(p.id)] = p.vector[DENSE]
        vecs = np.asarray([got[k] for k in keys], dtype=np.float32)
        return vecs @ np.asarray(vector, dtype=np.float32)

    def hybrid_rrf(self, tokens: Sequence[str], vector: np.ndarray, k: int, candidates: int,
                   weights: dict[str, float], rrf_k: int = 60, filter: Filter | None = None) -> Ranked:
        """Server-side hybrid search: the sparse and dense top-``candidates`` fused by reciprocal rank
        (Prefetch + RrfQuery). With equal weights it is ``fusion.rrf`` exactly (Qdrant's ``k`` is policyqa's
        ``rrf_k`` + 1: it scores 1/(rank/w + k − 1)); with unequal weights Qdrant divides the rank by the
        weight where policyqa multiplies the contribution (w/(k + rank)), so rankings can differ."""
        m = self.models
        flt = to_qdrant(filter, m)
        ids, values = self.stats.query_weights(dict(Counter(tokens)))
        prefetch = [m.Prefetch(query=np.asarray(vector, dtype=np.float32).tolist(), using=DENSE, limit=candidates,
                               filter=flt)]
        w = [weights.get("dense", 1.0)]
        if ids:
            prefetch.append(m.Prefetch(query=m.SparseVector(indices=ids, values=values), using=SPARSE,
                                       limit=candidates, filter=flt))
            w.append(weights.get("bm25", 1.0))
        res = self.client.query_points(self.collection, prefetch=prefetch,
                                       query=m.RrfQuery(rrf=m.Rrf(k=rrf_k + 1, weights=w)), limit=k, with_payload=True)
        return self._ranked(res.points)

    # ------------------------------------------------------------ term statistics
    def idf(self, terms: Sequence[str]) -> np.ndarray:
        return self.stats.idf(terms)

    def words_starting(self, prefix: str, longer_by: int) -> list[str]:
        return self._sorted_words.starting(self.stats.ids, prefix, longer_by)

    def terms_in(self, keys: Sequence[Any], terms: Sequence[str]) -> list[frozenset[str]]:
        wanted = set(terms)
        return [frozenset(wanted.intersection(p["terms"])) for p in self._payloads([str(k) for k in keys])]

    def postings(self, terms: Sequence[str], filter: Filter | None = None) -> Postings:
        terms = list(dict.fromkeys(terms))
        known = [t for t in terms if t in self.stats.ids]
        if not known:
            return Postings(terms, [], np.zeros((0, len(terms)), dtype=bool))
        m = self.models
        cond = m.FieldCondition(key="terms", match=m.MatchAny(any=known))
        points = self._scroll(to_qdrant(filter, m, [cond]), ["terms", "source"])
        points.sort(key=lambda p: str(p.id))
        column = {t: j for j, t in enumerate(terms)}
        present = np.zeros((len(points), len(terms)), dtype=bool)
        for i, p in enumerate(points):
            for t in p.payload["terms"]:
                j = column.get(t)
                if j is not None:
                    present[i, j] = True
        return Postings(terms, [str(p.id) for p in points], present)

    # ------------------------------------------------------------ updates
    def add(self, chunks: Sequence[Chunk], documents: Sequence[dict[str, Any]], tokens: Sequence[Sequence[str]],
            vectors: np.ndarray) -> list[str]:
        if not (len(chunks) == len(documents) == len(tokens) == len(vectors)):
            raise ValueError("add needs one document, token list and vector per chunk")
        vectors = np.asarray(vectors, dtype=np.float32)
        dim = self.client.get_collection(self.collection).config.params.vectors[DENSE].size
        if len(vectors) and vectors.shape[1] != dim:
            raise IndexMismatchError(f"vectors of {vectors.shape[1]} dimensions cannot join Qdrant collection "
                                     f"{self.collection!r} of {dim}: rebuild the index with one model")
        counts = [Counter(t) for t in tokens]
        for c in counts:
            self.stats.add(c)
        if not self.weight_len:
            self.weight_len = self.stats.avg_len
        ordinals: dict[str, int] = {}
        keys, points = [], []
        m = self.models
        for chunk, meta, tf, vec in zip(chunks, documents, counts, vectors):
            ordinal = ordinals.get(chunk.source, self._counts.get(chunk.source, 0))
            ordinals[chunk.source] = ordinal + 1
            key = point_id(chunk.source, chunk.id)
            ids, values = self.stats.weights(tf, self.weight_len)
            payload = {**document_fields(meta), "chunk": chunk.to_dict(), "ordinal": ordinal,
                       "terms": list(tf), "counts": list(tf.values())}
            points.append(m.PointStruct(id=key, vector={DENSE: vec.tolist(), SPARSE: m.SparseVector(indices=ids, values=values)},
                                        payload=payload))
            keys.append(key)
        for i in range(0, len(points), _BATCH):
            self.client.upsert(self.collection, points[i:i + _BATCH], wait=True)
        for meta in documents:
            at = self._doc_index.get(meta["source"])
            if at is None:
                self._doc_index[meta["source"]] = len(self._docs)
                self._docs.append(meta)
            else:
                self._docs[at] = meta
        for source, n in ordinals.items():
            self._counts[source] = n
        self._table = None
        self._reweigh_if_drifted()
        return keys

    def delete(self, keys: Sequence[Any]) -> None:
        keys = list(dict.fromkeys(str(k) for k in keys))
        if not keys:
            return
        removed: Counter[str] = Counter()
        for p in self._payloads(keys):
            self.stats.remove(dict(zip(p["terms"], p["counts"])))
            removed[p["source"]] += 1
        for i in range(0, len(keys), 1024):
            self.client.delete(self.collection, points_selector=self.models.PointIdsList(points=keys[i:i + 1024]), wait=True)
        for k in keys:
            self._cache.pop(k, None)
        for source, n in removed.items():
            self._counts[source] -= n
            if self._counts[source] <= 0:
                del self._counts[source]
        if any(d["source"] not in self._counts for d in self._docs):
            self._docs = [d for d in self._docs if d["source"] in self._counts]
            self._reindex_documents()
        self._table = None
        self._reweigh_if_drifted()

    def _reweigh_if_drifted(self) -> None:
        """Rewrite every sparse vector at the current average length when it moved past REWEIGH_DRIFT."""
        avg = self.stats.avg_len
        if not avg or (self.weight_len and abs(avg - self.weight_len) <= REWEIGH_DRIFT * self.weight_len):
            return
        m = self.models
        offset = None
        while True:
            points, offset = self.client.scroll(self.collection, limit=1024, offset=offset,
                                                with_payload=["terms", "counts"], with_vectors=False)
            updates = []
            for p in points:
                ids, values = self.stats.weights(dict(zip(p.payload["terms"], p.payload["counts"])), avg)
                updates.append(m.PointVectors(id=p.id, vector={SPARSE: m.SparseVector(indices=ids, values=values)}))
            if updates:
                self.client.update_vectors(self.collection, points=updates, wait=True)
            if offset is None:
                break
        self.weight_len = avg

    def check(self) -> int:
        n = 0
        for p in self._scroll(None, ["chunk"]):
            try:
                chunk = Chunk.from_dict(p.payload["chunk"])
                ok = len(chunk.text) == chunk.end - chunk.start
            except (KeyError, TypeError, ValueError):
                ok = False
            if not ok:
                raise IndexCorruptError(f"Qdrant collection {self.collection!r}: point {p.id} is not a valid chunk record")
            n += 1
        return n


def collection_checks(manifest: dict[str, Any]) -> dict[str, Any]:
    """What a collection must have been built with to serve an index: model id and dimension, tokenizer."""
    emb = manifest.get("embedder") or {}
    return {"embedder": emb.get("id"), "dim": emb.get("dim"), "tokenizer": (manifest.get("tokenizer") or {}).get("version")}
