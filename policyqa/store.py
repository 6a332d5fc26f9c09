"""The index directory on disk: generations published atomically, a writer lock, chunk records.

Layout of an index directory::

    DIR/CURRENT            name of the live generation (replaced atomically with os.replace)
    DIR/.lock              held (flock) by the one process writing
    DIR/cache/             embedding cache, shared by all generations
    DIR/gen-*/manifest.json, documents.json, chunks.jsonl, chunk_offsets.npy, chunk_docs.npy, bm25/, dense/,
              texts.jsonl (the extracted text of each web page, PDF, Word or OFD document)

A writer builds a complete new generation beside the live one and then swaps ``CURRENT``, so a reader
sees either the old index or the new one, never a half-written one.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .errors import IndexCorruptError, IndexLockedError, IndexMissingError
from .models import Chunk

CURRENT = "CURRENT"
LOCK = ".lock"


def current_generation(directory: Path) -> Path:
    """Path of the live generation, or a clear error when there is no index."""
    pointer = directory / CURRENT
    if not pointer.is_file():
        raise IndexMissingError(
            f"no index at {directory}: build one with `policyqa index [PATHS] --index {directory}`"
        )
    name = pointer.read_text(encoding="utf-8").strip()
    gen = directory / name
    if not name or not gen.is_dir():
        raise IndexCorruptError(
            f"index at {directory} points to a missing generation {name!r}: "
            f"rebuild it with `policyqa index --rebuild --index {directory}`"
        )
    return gen


class WriteLock:
    """Exclusive, non-blocking writer lock on an index directory (released on exit or process death)."""

    def __init__(self, directory: Path):
        self.directory = directory
        self._fd: int | None = None

    def __enter__(self) -> "WriteLock":
        import fcntl

        self.directory.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.directory / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip()
            os.close(fd)
            raise IndexLockedError(
                f"index {self.directory} is being written by another process"
                + (f" (pid {holder})" if holder else "")
                + "; wait for it to finish and try again"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        import fcntl

        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def new_generation_dir(directory: Path) -> Path:
    """A fresh, empty, not yet published generation directory."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    gen = directory / f"gen-{stamp}-{os.getpid()}-{time.monotonic_ns() % 1_000_000:06d}"
    gen.mkdir(parents=True)
    return gen


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def publish(directory: Path, gen: Path) -> None:
    """Make ``gen`` the live generation atomically, then remove the older generations."""
    _fsync_dir(gen)
    tmp = directory / f".{CURRENT}.{os.getpid()}.tmp"
    tmp.write_text(gen.name + "\n", encoding="utf-8")
    os.replace(tmp, directory / CURRENT)
    _fsync_dir(directory)
    for old in directory.glob("gen-*"):
        if old.name != gen.name and old.is_dir():
            # Readers that already opened the old generation keep their file handles (POSIX).
            shutil.rmtree(old, ignore_errors=True)


def discard(gen: Path) -> None:
    """Remove an unpublished generation after a failed build."""
    shutil.rmtree(gen, ignore_errors=True)


def write_json(path: Path, data: Any) -> None:
    """Write JSON (UTF-8, not ASCII-escaped) and flush it to disk."""
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.flush()
        os.fsync(f.fileno())


def read_json(path: Path) -> Any:
    """Read a JSON file of an index, turning damage into IndexCorruptError."""
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        raise IndexCorruptError(f"index file {path} is missing: rebuild with `policyqa index --rebuild`") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise IndexCorruptError(
            f"index file {path} is corrupt ({exc.__class__.__name__}): rebuild with `policyqa index --rebuild`"
        ) from None


def write_chunks(gen: Path, chunks: Sequence[Chunk], doc_rows: Sequence[int],
                 kept: tuple["ChunkStore", np.ndarray] | None = None) -> None:
    """Write chunk records as JSONL plus byte offsets (for lazy reads) and each row's document number.

    ``kept`` = (old store, row numbers): those records come first, copied as bytes in runs of consecutive
    rows, so an incremental update never decodes the chunks it keeps.
    """
    old_rows = np.zeros(0, dtype=np.int64) if kept is None else np.asarray(kept[1], dtype=np.int64)
    offsets = np.empty(len(old_rows) + len(chunks) + 1, dtype=np.int64)
    pos = 0
    with open(gen / "chunks.jsonl", "wb") as f:
        if len(old_rows):
            store = kept[0]
            sizes = store.offsets[old_rows + 1] - store.offsets[old_rows]
            offsets[: len(old_rows)] = np.concatenate([[0], np.cumsum(sizes)[:-1]])
            breaks = np.flatnonzero(np.diff(old_rows) != 1) + 1
            for run in np.split(old_rows, breaks):
                start, end = int(store.offsets[run[0]]), int(store.offsets[run[-1] + 1])
                for at in range(start, end, 1 << 24):  # 16 MB at a time
                    f.write(os.pread(store.fileno(), min(1 << 24, end - at), at))
            pos = int(sizes.sum())
        for i, c in enumerate(chunks, start=len(old_rows)):
            offsets[i] = pos
            line = (json.dumps(c.to_dict(), ensure_ascii=False) + "\n").encode("utf-8")
            f.write(line)
            pos += len(line)
        offsets[-1] = pos
        f.flush()
        os.fsync(f.fileno())
    np.save(gen / "chunk_offsets.npy", offsets)
    np.save(gen / "chunk_docs.npy", np.asarray(doc_rows, dtype=np.int32))


class ChunkStore:
    """Chunk records read lazily from ``chunks.jsonl``: loading is O(1), a hit reads one line."""

    def __init__(self, gen: Path, expected: int):
        try:
            self.offsets = np.load(gen / "chunk_offsets.npy")
            self.doc_rows = np.load(gen / "chunk_docs.npy")
            self._f = open(gen / "chunks.jsonl", "rb")
        except FileNotFoundError as exc:
            raise IndexCorruptError(
                f"index file {exc.filename} is missing: rebuild with `policyqa index --rebuild`"
            ) from None
        except ValueError as exc:
            raise IndexCorruptError(f"index chunk table in {gen} is corrupt ({exc}): rebuild the index") from None
        size = os.fstat(self._f.fileno()).st_size
        if len(self.offsets) != expected + 1 or len(self.doc_rows) != expected or self.offsets[-1] != size:
            raise IndexCorruptError(
                f"index chunk table in {gen} does not match its manifest ({expected} chunks): "
                "rebuild with `policyqa index --rebuild`"
            )

    def __len__(self) -> int:
        return len(self.doc_rows)

    def __getitem__(self, row: int) -> Chunk:
        row = int(row)
        if row < 0:
            row += len(self)
        start, end = int(self.offsets[row]), int(self.offsets[row + 1])
        try:
            return Chunk.from_dict(json.loads(os.pread(self._f.fileno(), end - start, start)))
        except (ValueError, KeyError) as exc:
            raise IndexCorruptError(f"chunk record {row} is corrupt ({exc}): rebuild the index") from None

    def __iter__(self) -> Iterator[Chunk]:
        self._f.seek(0)
        for line in self._f:
            yield Chunk.from_dict(json.loads(line))

    def fileno(self) -> int:
        """The open chunks.jsonl file (for copying records as bytes)."""
        return self._f.fileno()

    def close(self) -> None:
        self._f.close()


TEXTS = "texts.jsonl"
TEXT_SPAN = "stored_text"  # documents.json field: [start, end) byte range of the document's line in TEXTS


def write_texts(gen: Path, doc_meta: Sequence[dict[str, Any]], new_texts: dict[str, str],
                old_gen: Path | None = None) -> None:
    """Store the extracted texts of documents that are not plain text files (web pages, PDF, Word, OFD).

    Chunk offsets index into those texts, so citations and the text shown to users come from here, never
    from extracting again. Kept documents' records are copied as bytes from ``old_gen``; new ones are
    ``new_texts`` (source → text). Each document's byte range is set in its metadata (``stored_text``).
    """
    pos = 0
    old_fd = None
    with open(gen / TEXTS, "wb") as f:
        try:
            for meta in doc_meta:
                source = meta["source"]
                if source in new_texts:
                    line = (json.dumps({"source": source, "text": new_texts[source]}, ensure_ascii=False)
                            + "\n").encode("utf-8")
                elif meta.get(TEXT_SPAN) and old_gen is not None:
                    start, end = meta[TEXT_SPAN]
                    if old_fd is None:
                        old_fd = os.open(old_gen / TEXTS, os.O_RDONLY)
                    line = os.pread(old_fd, end - start, start)
                    if len(line) != end - start:
                        raise IndexCorruptError(f"index file {old_gen / TEXTS} is truncated: rebuild with "
                                                "`policyqa index --rebuild`")
                else:
                    meta.pop(TEXT_SPAN, None)
                    continue
                f.write(line)
                meta[TEXT_SPAN] = [pos, pos + len(line)]
                pos += len(line)
        finally:
            if old_fd is not None:
                os.close(old_fd)
        f.flush()
        os.fsync(f.fileno())


def read_stored_text(gen: Path, meta: dict[str, Any]) -> str | None:
    """The stored text of a document (see ``write_texts``), or None when it has none (a plain text file)."""
    span = meta.get(TEXT_SPAN)
    if not span:
        return None
    start, end = int(span[0]), int(span[1])
    try:
        fd = os.open(gen / TEXTS, os.O_RDONLY)
    except FileNotFoundError:
        raise IndexCorruptError(f"index file {gen / TEXTS} is missing: rebuild with `policyqa index --rebuild`") from None
    try:
        data = os.pread(fd, end - start, start)
    finally:
        os.close(fd)
    try:
        record = json.loads(data)
        if record["source"] != meta["source"]:
            raise ValueError("record of another document")
        return str(record["text"])
    except (ValueError, KeyError, TypeError) as exc:
        raise IndexCorruptError(f"stored text of {meta['source']} in {gen / TEXTS} is corrupt ({exc}): "
                                "rebuild with `policyqa index --rebuild`") from None
