"""The index directory on disk: generations published atomically, a writer lock, chunk records.

Layout of an index directory::

    DIR/CURRENT            name of the live generation (replaced atomically with os.replace)
    DIR/.lock              held (flock) by the one process writing
    DIR/cache/             embedding cache, shared by all generations
    DIR/gen-*/manifest.json, documents.json, chunks.jsonl, chunk_offsets.npy, chunk_docs.npy, bm25/, dense/,
              texts.jsonl (the extracted text of each web page, PDF, Word or OFD document)

A writer builds a complete new generation beside the live one and then swaps ``CURRENT``, so a reader
sees either the old index or the new one, never a half-written one.

Generation lifetime: a reader holds a *lease* on the generation it opened, a shared ``flock`` on the
generation directory itself, from load until close. After publishing, the writer removes an older
generation only if it can take an exclusive lock on it without waiting, and never the live or the
previous one; it first renames the directory away, so a reader that locked it a moment too late sees
that it is gone and reads ``CURRENT`` again. Generations still held are removed by a later publish.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .errors import IndexCorruptError, IndexLockedError, IndexMissingError, PolicyQAError
from .models import Chunk
from .npyio import load_npy

log = logging.getLogger(__name__)
CURRENT = "CURRENT"
LOCK = ".lock"
_TRASH = ".trash-"
_LEASE_ATTEMPTS = 200


def _current_name(directory: Path) -> str:
    pointer = directory / CURRENT
    try:
        return pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise IndexMissingError(
            f"no index at {directory}: build one with `policyqa index [PATHS] --index {directory}`"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise IndexCorruptError(f"index file {pointer} cannot be read ({exc}): run `policyqa index --index "
                                f"{directory}` to repair it") from None


def _missing_generation(directory: Path, name: str) -> IndexCorruptError:
    from .integrity import repair_hint

    return IndexCorruptError(f"index file {directory / CURRENT} names a missing generation {name!r}: "
                             f"{repair_hint(directory)}")


def current_generation(directory: Path) -> Path:
    """Path of the live generation, or a clear error when there is no index."""
    for _ in range(_LEASE_ATTEMPTS):
        name = _current_name(directory)
        gen = directory / name
        if name and not name.startswith(".") and "/" not in name and gen.is_dir():
            return gen
        if _current_name(directory) == name:  # not just replaced by a writer
            raise _missing_generation(directory, name)
    raise _missing_generation(directory, name)


class GenerationLease:
    """A reader's hold on one generation: while it is open, no writer removes that generation."""

    def __init__(self, path: Path, fd: int):
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, directory: Path) -> "GenerationLease":
        """Lease the live generation of ``directory``, reading ``CURRENT`` again if it moved meanwhile."""
        import fcntl

        for _ in range(_LEASE_ATTEMPTS):
            gen = current_generation(directory)
            try:
                fd = os.open(gen, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            except FileNotFoundError:
                continue  # removed between reading CURRENT and opening it: read CURRENT again
            try:
                # Blocks only while a writer is renaming this generation away (a few microseconds).
                fcntl.flock(fd, fcntl.LOCK_SH)
                st = os.fstat(fd)
                try:
                    here = os.stat(gen)
                    same = (here.st_ino, here.st_dev) == (st.st_ino, st.st_dev)
                except FileNotFoundError:
                    same = False
            except BaseException:
                os.close(fd)
                raise
            if same:
                return cls(gen, fd)
            os.close(fd)  # renamed away for removal before our lock: try the new CURRENT
        raise IndexLockedError(f"index {directory} changed {_LEASE_ATTEMPTS} times while it was being opened; "
                               "try again")

    def close(self) -> None:
        """Release the generation (closing the descriptor drops the lock)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __del__(self) -> None:  # a reader that is never closed still releases its lease when collected
        try:
            self.close()
        except Exception:  # at interpreter exit the descriptor is released anyway
            pass


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
    """Make ``gen`` the live generation atomically, then remove older generations no reader holds.

    The caller holds the WriteLock. The previous generation is always kept (a reader may have just read
    the old ``CURRENT``; it is also a second copy of the user dictionary).
    """
    _fsync_dir(gen)
    try:
        previous = _current_name(directory)
    except PolicyQAError:
        previous = ""
    tmp = directory / f".{CURRENT}.{os.getpid()}.tmp"
    tmp.write_text(gen.name + "\n", encoding="utf-8")
    os.replace(tmp, directory / CURRENT)
    _fsync_dir(directory)
    remove_unused_generations(directory, keep={gen.name, previous})


def remove_unused_generations(directory: Path, keep: set[str]) -> list[str]:
    """Remove the generations (and leftovers) not in ``keep`` that no reader holds; returns the names removed.

    Called by a writer under the WriteLock.
    """
    import fcntl

    removed = []
    for old in sorted(directory.glob("gen-*")):
        if old.name in keep or not old.is_dir():
            continue
        try:
            fd = os.open(old, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            log.debug("generation %s is still in use; kept", old.name)
            continue
        try:
            # Renamed away while locked: a reader that opened it just before sees it gone and retries.
            trash = directory / f"{_TRASH}{old.name}"
            os.rename(old, trash)
            removed.append(old.name)
        except OSError as exc:
            log.warning("cannot remove old generation %s: %s", old, exc)
            trash = None
        finally:
            os.close(fd)
        if trash is not None:
            shutil.rmtree(trash, ignore_errors=True)
    for leftover in directory.glob(f"{_TRASH}*"):  # from an earlier removal that was interrupted
        shutil.rmtree(leftover, ignore_errors=True)
    return removed


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
    """Read a JSON file of a generation, turning damage into IndexCorruptError naming the file."""
    from .integrity import damaged

    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        raise damaged(path.parent, path.name, "is missing") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise damaged(path.parent, path.name, f"is corrupt ({exc.__class__.__name__})") from None


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
        from .integrity import damaged

        self.gen = gen
        for name in ("chunk_offsets.npy", "chunk_docs.npy"):
            try:
                arr = load_npy(gen / name)
            except FileNotFoundError:
                raise damaged(gen, name, "is missing") from None
            except (ValueError, EOFError, OSError) as exc:  # empty or truncated .npy: EOFError
                raise damaged(gen, name, f"is corrupt ({exc.__class__.__name__})") from None
            if arr.ndim != 1 or arr.dtype.kind != "i":
                raise damaged(gen, name, "is corrupt (not a vector of integers)")
            if name == "chunk_offsets.npy":
                self.offsets = arr
            else:
                self.doc_rows = arr
        try:
            self._f = open(gen / "chunks.jsonl", "rb")
        except FileNotFoundError:
            raise damaged(gen, "chunks.jsonl", "is missing") from None
        size = os.fstat(self._f.fileno()).st_size
        if len(self.offsets) != expected + 1 or len(self.doc_rows) != expected:
            self._f.close()
            name = "chunk_offsets.npy" if len(self.offsets) != expected + 1 else "chunk_docs.npy"
            raise damaged(gen, name, f"does not match the manifest's {expected} chunks")
        if self.offsets[-1] != size:
            self._f.close()
            raise damaged(gen, "chunks.jsonl", f"has {size} bytes, its offsets say {int(self.offsets[-1])}")

    def __len__(self) -> int:
        return len(self.doc_rows)

    def _decode(self, raw: bytes, row: int) -> Chunk:
        try:
            chunk = Chunk.from_dict(json.loads(raw))
            ok = len(chunk.text) == chunk.end - chunk.start and isinstance(chunk.source, str)
        except (ValueError, KeyError, TypeError) as exc:
            what = f"({exc.__class__.__name__})"
        else:
            if ok:
                return chunk
            what = "(its text does not match its span)"
        from .integrity import damaged

        raise damaged(self.gen, "chunks.jsonl", f"is corrupt at chunk record {row} {what}")

    def __getitem__(self, row: int) -> Chunk:
        row = int(row)
        if row < 0:
            row += len(self)
        start, end = int(self.offsets[row]), int(self.offsets[row + 1])
        try:
            raw = os.pread(self._f.fileno(), end - start, start)
        except (OSError, ValueError) as exc:  # the file is gone or closed under a reader
            from .integrity import damaged

            raise damaged(self.gen, "chunks.jsonl", f"cannot be read ({exc.__class__.__name__}: {exc})") from None
        return self._decode(raw, row)

    def __iter__(self) -> Iterator[Chunk]:
        for row in range(len(self)):
            yield self[row]

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
