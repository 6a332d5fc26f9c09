"""Files → documents: read and decode, infer metadata, apply sidecar overrides, chunk."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .chunking import chunk_document
from .errors import IngestError
from .furniture import furniture_spans
from .metadata import extract_metadata
from .models import Document, IngestReport, SkippedFile
from .readers import read_bytes, read_document, supported_suffixes
from .sidecars import CORPUS_METADATA, SIDECAR_SUFFIX, SidecarReader, load_sidecar

log = logging.getLogger(__name__)


def load_document(path: str | Path, overrides: dict[str, Any] | None = None,
                  raw: bytes | None = None, source: str | None = None) -> Document:
    """Read one file into a Document with metadata and chunks; IngestError (one line, names the file) if it can't.

    ``source`` is the document's name in an index (default: the path as given).
    """
    from .formats import page_of
    from .metadata import is_expired

    path = Path(path)
    source = str(path) if source is None else source
    raw = read_bytes(path) if raw is None else raw
    extracted = read_document(path, raw)
    text = extracted.text
    if overrides is None:
        overrides = load_sidecar(path)
    meta = extract_metadata(text, str(path), extracted.fields, extracted.field_sources)
    meta.update(overrides or {})
    meta["expired"] = is_expired(meta)
    digest = hashlib.sha256(raw).hexdigest()
    chunks = chunk_document(text, source, digest, exclude=furniture_spans(text),
                            heading_lines=extracted.heading_lines)
    if not chunks:
        raise IngestError(f"{path}: has no text outside page furniture; nothing to index")
    if extracted.pages:
        for c in chunks:
            c.page = page_of(extracted.pages, c.start)
    for note in extracted.notes:
        log.warning("%s: %s", path, note)
    info = {k: meta.get(k) for k in _INFO_FIELDS}
    return Document(source=source, path=str(path.resolve()), text=text, digest=digest, encoding=extracted.encoding,
                    title=meta.get("title"), issuer=meta.get("issuer"), date=meta.get("date"),
                    doc_number=meta.get("doc_number"), region=meta["region"], chunks=chunks,
                    issuer_level=meta.get("issuer_level"), format=extracted.format, pages=extracted.pages, info=info,
                    notes=list(extracted.notes))


_INFO_FIELDS = ("title_source", "written_date", "published_date", "effective_date", "expiry_date", "validity",
                "expired")


def _is_document(path: Path) -> bool:
    if path.suffix.lower() in supported_suffixes():
        return True
    # No suffix (a download saved without one): what the bytes are decides.
    return not path.suffix and _sniffed_document(path)


def _sniffed_document(path: Path) -> bool:
    from .formats.sniff import DOCX, HTML, OFD, OLE_WORD, PDF, sniff

    try:
        return sniff(path.read_bytes()) in (PDF, DOCX, OFD, OLE_WORD, HTML)
    except OSError:
        return False


def _is_metadata(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIX) or path.name == CORPUS_METADATA or path.name.startswith(".")


def _display(root: Path, path: Path) -> str:
    """A file's name in the index: relative to its corpus root, led by the root's own name (``seeds/000.txt``),
    the same whether the root was given as ``seeds/`` or ``/abs/path/seeds`` and from any directory."""
    rel = path.relative_to(root).as_posix()
    return f"{root.name}/{rel}" if root.name else rel


@dataclass
class FileEntry:
    """A file found under the paths given: where it is, its name in the index, and why it is not read, if so."""

    path: Path
    source: str
    problem: str | None = None
    kind: str = "error"


def iter_files(paths: Sequence[str | Path]) -> Iterator[FileEntry]:
    """Files under ``paths`` in a stable order; unsupported and missing ones come with a reason."""
    for given in paths:
        p = Path(given)
        if p.is_dir():
            root = p.resolve()
            for f in sorted(x for x in root.rglob("*") if x.is_file()):
                rel_parts = f.relative_to(root).parts
                if any(part.startswith(".") for part in rel_parts) or _is_metadata(f):
                    continue
                source = _display(root, f)
                if _is_document(f):
                    yield FileEntry(f, source)
                else:
                    yield FileEntry(f, source, f"{p / Path(*rel_parts)}: unsupported file type "
                                    f"{f.suffix or '(none)'!r}; not indexed (supported: {', '.join(supported_suffixes())})",
                                    "unsupported")
        elif p.is_file():
            f = p.resolve()
            source = _display(f.parent, f)
            if _is_document(f):
                yield FileEntry(f, source)
            else:
                yield FileEntry(f, source, f"{p}: unsupported file type {f.suffix or '(none)'!r}; not indexed "
                                f"(supported: {', '.join(supported_suffixes())})", "unsupported")
        else:
            # Missing: its documents (a file, or everything under a directory) keep their indexed versions.
            f = p.absolute()
            yield FileEntry(f, _display(f.parent, f), f"{p}: no such file or directory", "missing")


def ingest_paths(paths: Sequence[str | Path], known: dict[str, tuple[str, str | None]] | None = None,
                 progress: Callable[[str, int, int], None] | None = None) -> IngestReport:
    """Ingest files and directories (recursively); unreadable files are skipped with a reason, the rest go on.

    Sources are relative to the corpus roots given (see ``_display``). ``known`` maps sources to the
    (raw-file digest, user-metadata digest) already indexed: such a file whose bytes and metadata still
    match is listed in ``report.unchanged`` instead of being parsed again.
    """
    return ingest_entries(list(iter_files(paths)), known, progress)


def ingest_entries(entries: Sequence[FileEntry], known: dict[str, tuple[str, str | None]] | None = None,
                   progress: Callable[[str, int, int], None] | None = None) -> IngestReport:
    """``ingest_paths`` for files already listed (each with its source name)."""
    report = IngestReport(documents=[])
    sidecars = SidecarReader()  # each directory's metadata.jsonl is read once
    taken: dict[str, Path] = {}
    total = len(entries)
    for n, entry in enumerate(entries, start=1):
        if progress and (n == 1 or n % 50 == 0 or n == total):
            progress("parsing", n, total)
        source = entry.source
        if taken.setdefault(source, entry.path) != entry.path:
            source = str(entry.path)  # two roots with the same name: the absolute path keeps them apart
        report.locations[source] = str(entry.path)
        if entry.problem:
            report.skipped.append(SkippedFile(str(entry.path), entry.problem, entry.kind, source))
            continue
        try:
            raw = read_bytes(entry.path)
            overrides, meta_digest = sidecars.overrides(entry.path)
            if known and known.get(source) == (hashlib.sha256(raw).hexdigest(), meta_digest):
                report.unchanged.append(source)
                continue
            doc = load_document(entry.path, overrides=overrides or {}, raw=raw, source=source)
            doc.meta_digest = meta_digest
            report.documents.append(doc)
        except IngestError as exc:
            report.skipped.append(SkippedFile(str(entry.path), str(exc), "error", source))
            log.info("skipped %s", exc)
    for where, problem in sidecars.problems():
        report.skipped.append(SkippedFile(where, problem, "error"))
    return report
