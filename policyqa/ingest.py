"""Files → documents: read and decode, infer metadata, apply sidecar overrides, chunk."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .chunking import chunk_document
from .errors import IngestError
from .furniture import furniture_spans
from .metadata import CORPUS_METADATA, SIDECAR_SUFFIX, extract_metadata, load_sidecar
from .models import Document, IngestReport, SkippedFile
from .readers import read_bytes, read_document, supported_suffixes

log = logging.getLogger(__name__)


def load_document(path: str | Path, overrides: dict[str, Any] | None = None,
                  raw: bytes | None = None) -> Document:
    """Read one file into a Document with metadata and chunks; IngestError (one line, names the file) if it can't."""
    from .formats import page_of
    from .metadata import is_expired

    path = Path(path)
    raw = read_bytes(path) if raw is None else raw
    extracted = read_document(path, raw)
    text = extracted.text
    if overrides is None:
        overrides = load_sidecar(path)
    meta = extract_metadata(text, str(path), extracted.fields, extracted.field_sources)
    meta.update(overrides or {})
    meta["expired"] = is_expired(meta)
    digest = hashlib.sha256(raw).hexdigest()
    chunks = chunk_document(text, str(path), digest, exclude=furniture_spans(text),
                            heading_lines=extracted.heading_lines)
    if not chunks:
        raise IngestError(f"{path}: has no text outside page furniture; nothing to index")
    if extracted.pages:
        for c in chunks:
            c.page = page_of(extracted.pages, c.start)
    for note in extracted.notes:
        log.warning("%s: %s", path, note)
    info = {k: meta.get(k) for k in _INFO_FIELDS}
    return Document(source=str(path), text=text, digest=digest, encoding=extracted.encoding, title=meta.get("title"),
                    issuer=meta.get("issuer"), date=meta.get("date"), doc_number=meta.get("doc_number"),
                    region=meta["region"], chunks=chunks, issuer_level=meta.get("issuer_level"),
                    format=extracted.format, pages=extracted.pages, info=info, notes=list(extracted.notes))


_INFO_FIELDS = ("title_source", "written_date", "published_date", "effective_date", "expiry_date", "validity",
                "expired")


def _is_document(path: Path) -> bool:
    if path.name.endswith(SIDECAR_SUFFIX) or path.name == CORPUS_METADATA or path.name.startswith("."):
        return False
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


def iter_files(paths: Sequence[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """Documents under ``paths`` in a stable order, each with a reason if it must be skipped up front."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(x for x in p.rglob("*") if x.is_file()):
                if any(part.startswith(".") for part in f.relative_to(p).parts):
                    continue
                if _is_document(f):
                    yield f, None
                elif f.suffix.lower() not in (".json", ".jsonl"):
                    log.info("not a supported document, ignored: %s", f)
        elif p.is_file():
            yield p, None
        else:
            yield p, f"{p}: no such file or directory"


def _has_sidecar(path: Path) -> bool:
    return (path.with_name(path.name + SIDECAR_SUFFIX).is_file() or path.with_suffix(SIDECAR_SUFFIX).is_file()
            or (path.parent / CORPUS_METADATA).is_file())


def ingest_paths(paths: Sequence[str | Path], known: dict[str, str] | None = None) -> IngestReport:
    """Ingest files and directories (recursively); unreadable files are skipped with a reason, the rest go on.

    ``known`` maps sources to raw-file digests already indexed: such a file whose bytes still match (and
    that has no sidecar metadata) is listed in ``report.unchanged`` instead of being parsed again.
    """
    report = IngestReport(documents=[])
    for path, problem in iter_files(paths):
        if problem:
            report.skipped.append(SkippedFile(str(path), problem))
            continue
        try:
            raw = read_bytes(path)
            if known and known.get(str(path)) == hashlib.sha256(raw).hexdigest() and not _has_sidecar(path):
                report.unchanged.append(str(path))
                continue
            report.documents.append(load_document(path, raw=raw))
        except IngestError as exc:
            report.skipped.append(SkippedFile(str(path), str(exc)))
            log.warning("skipped %s", exc)
    return report
