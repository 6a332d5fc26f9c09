"""Integrity of a generation: every file's size and sha256 in the manifest, checked cheaply at load and
fully at build and by ``policyqa check``, plus structural checks of the arrays that index other arrays.

What is checked when:

* **load**: the manifest's own digest; the size of every file (a ``stat`` each); the sha256 of the
  smallest files up to ``LOAD_CHECKSUM_BYTES`` in total (every file of an index up to ~25,000 chunks;
  at 100,000 chunks all but the large payload files: vectors, chunk records, BM25 postings); structural
  checks of offsets, row numbers and postings (monotone, in range, finite: ``backends.local``). Any read
  that fails triggers a full verification so that the message names the damaged file.
* **build**: the live generation is verified in full before any of it is carried into the new one
  (damage must not be copied and then sealed with a fresh checksum); the new generation's table is
  computed from the files as written.
* **``policyqa check``**: everything, including every chunk record.

A damaged generation is repaired by a plain ``policyqa index``: it is not reused, the documents are
read again and their embeddings come from the embedding cache.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import IndexCorruptError, PolicyQAError

MANIFEST = "manifest.json"
SEAL = "manifest_sha256"
# sha256 runs at ~0.9 GB/s a core here: 64 MB costs ~70 ms at load (eval/bench.py measures load).
LOAD_CHECKSUM_BYTES = 64 << 20
_BLOCK = 1 << 20


def repair_hint(directory: Path) -> str:
    """What to run to repair a damaged index."""
    return f"run `policyqa index --index {directory}` to repair it (documents are read again, embeddings come from the cache)"


def damaged(gen: Path, rel: str, what: str) -> IndexCorruptError:
    """The error for one damaged file of a generation: names the file and says how to repair."""
    directory = gen.parent
    exc = IndexCorruptError(f"index file {gen.name}/{rel} {what}: {repair_hint(directory)}")
    exc.detail = f"index file {gen.name}/{rel} {what}"  # type: ignore[attr-defined]
    return exc


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file (hashlib releases the GIL on large blocks, so files hash in parallel)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(_BLOCK):
            h.update(block)
    return h.hexdigest()


def _generation_files(gen: Path) -> list[str]:
    out = []
    for root, _dirs, files in os.walk(gen):
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), gen)
            if rel != MANIFEST:
                out.append(rel.replace(os.sep, "/"))
    return sorted(out)


def _hash_many(gen: Path, rels: Iterable[str]) -> dict[str, str]:
    rels = list(rels)
    if len(rels) <= 1:
        return {r: sha256_file(gen / r) for r in rels}
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        return dict(zip(rels, pool.map(lambda r: sha256_file(gen / r), rels)))


def file_table(gen: Path) -> dict[str, dict[str, Any]]:
    """``{relative path: {"size", "sha256"}}`` of every file of a generation except the manifest."""
    rels = _generation_files(gen)
    digests = _hash_many(gen, rels)
    return {r: {"size": (gen / r).stat().st_size, "sha256": digests[r]} for r in rels}


def _canonical(manifest: dict[str, Any]) -> bytes:
    body = {k: v for k, v in manifest.items() if k != SEAL}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def seal(manifest: dict[str, Any]) -> dict[str, Any]:
    """The manifest with a digest of its own content (a bit flip that keeps it valid JSON is still found)."""
    out = {k: v for k, v in manifest.items() if k != SEAL}
    out[SEAL] = hashlib.sha256(_canonical(out)).hexdigest()
    return out


def check_seal(manifest: Any, gen: Path) -> None:
    """Raise IndexCorruptError when the manifest is not an object or its content does not match its digest."""
    if not isinstance(manifest, dict):
        raise damaged(gen, MANIFEST, "is not a JSON object")
    if SEAL in manifest and manifest[SEAL] != hashlib.sha256(_canonical(manifest)).hexdigest():
        raise damaged(gen, MANIFEST, "is damaged (its content does not match its checksum)")


def _table(manifest: dict[str, Any], gen: Path) -> dict[str, dict[str, Any]]:
    table = manifest.get("files")
    if table is None:
        return {}  # built before checksums existed: nothing to compare with
    if not isinstance(table, dict) or not all(isinstance(v, dict) and isinstance(v.get("size"), int)
                                              and isinstance(v.get("sha256"), str) for v in table.values()):
        raise damaged(gen, MANIFEST, "has a malformed file table")
    return table


def check_sizes(manifest: dict[str, Any], gen: Path) -> None:
    """Every file the manifest lists exists with its recorded size (cheap: one stat a file)."""
    for rel, info in _table(manifest, gen).items():
        try:
            size = (gen / rel).stat().st_size
        except FileNotFoundError:
            raise damaged(gen, rel, "is missing") from None
        except OSError as exc:
            raise damaged(gen, rel, f"cannot be read ({exc.strerror})") from None
        if size != info["size"]:
            what = "is empty" if size == 0 else f"has {size} bytes instead of {info['size']} (truncated or overwritten)"
            raise damaged(gen, rel, what)


def verify(manifest: dict[str, Any], gen: Path, budget: int | None = None) -> list[str]:
    """Files whose sha256 differs from the manifest: all of them, or the smallest up to ``budget`` bytes."""
    table = _table(manifest, gen)
    rels = sorted(table, key=lambda r: (table[r]["size"], r))
    if budget is not None:
        chosen, total = [], 0
        for r in rels:
            total += table[r]["size"]
            if total > budget:
                break
            chosen.append(r)
        rels = chosen
    bad = []
    try:
        digests = _hash_many(gen, rels)
    except OSError:
        digests = {}
        for r in rels:
            try:
                digests[r] = sha256_file(gen / r)
            except OSError:
                digests[r] = ""
    for r in rels:
        if digests[r] != table[r]["sha256"]:
            bad.append(r)
    return bad


def check_checksums(manifest: dict[str, Any], gen: Path, budget: int | None = None) -> None:
    """Raise IndexCorruptError naming the first damaged file (all files, or the smallest up to ``budget``)."""
    bad = verify(manifest, gen, budget)
    if bad:
        more = f" (and {len(bad) - 1} more: {', '.join(bad[1:4])})" if len(bad) > 1 else ""
        raise damaged(gen, bad[0], f"is damaged (checksum mismatch){more}")


def explain(exc: BaseException, manifest: Any, gen: Path) -> IndexCorruptError:
    """Turn a failed read into an error naming the damaged file, found by a full verification."""
    if isinstance(manifest, dict):
        try:
            check_sizes(manifest, gen)
            check_checksums(manifest, gen)
        except IndexCorruptError as named:
            return named
    if isinstance(exc, IndexCorruptError):
        return exc
    return IndexCorruptError(f"index files in {gen} cannot be read ({exc.__class__.__name__}: {exc}): "
                             f"{repair_hint(gen.parent)}")


# ----------------------------------------------------------------------- policyqa check
@dataclass
class CheckReport:
    """What ``check_index`` found: the generation, how much it verified, and the problems (empty: intact)."""

    directory: str
    generation: str | None = None
    files: int = 0
    bytes: int = 0
    chunks: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {"directory": self.directory, "generation": self.generation, "files": self.files,
                "bytes": self.bytes, "chunks": self.chunks, "ok": self.ok, "problems": self.problems}


def check_index(directory: str | Path) -> CheckReport:
    """Verify the live generation completely: checksums of every file, structure, every chunk record."""
    from . import store
    from .index import PolicyIndex

    directory = Path(directory)
    report = CheckReport(str(directory))
    try:
        gen = store.current_generation(directory)
    except PolicyQAError as exc:
        report.problems.append(str(exc))
        return report
    report.generation = gen.name
    try:
        manifest = store.read_json(gen / MANIFEST)
        check_seal(manifest, gen)
    except IndexCorruptError as exc:
        report.problems.append(str(exc))
        return report
    table = _table(manifest, gen) if isinstance(manifest.get("files", {}), dict) else {}
    if not table:
        report.problems.append(f"index {directory} was built by an older policyqa without checksums: "
                               f"run `policyqa index --rebuild --index {directory}` to add them")
        return report
    report.files = len(table)
    report.bytes = sum(v["size"] for v in table.values())
    try:
        check_sizes(manifest, gen)
    except IndexCorruptError as exc:
        report.problems.append(str(exc))
    for rel in verify(manifest, gen):
        if (gen / rel).exists() and (gen / rel).stat().st_size == table[rel]["size"]:
            report.problems.append(str(damaged(gen, rel, "is damaged (checksum mismatch)")))
    if report.problems:
        return report
    try:
        index = PolicyIndex.load(directory)
    except PolicyQAError as exc:
        report.problems.append(str(exc))
        return report
    try:
        report.chunks = index.backend.check()
    except PolicyQAError as exc:
        report.problems.append(str(exc))
    finally:
        index.close()
    return report


# ----------------------------------------------------------------------- repair sources
def _sealed_table(gen: Path) -> dict[str, dict[str, Any]] | None:
    from . import store

    try:
        manifest = store.read_json(gen / MANIFEST)
        check_seal(manifest, gen)
        return _table(manifest, gen)
    except PolicyQAError:
        return None


def _read_if(path: Path, sha256: str | None) -> bytes | None:
    try:
        data = path.read_bytes()
        data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return data if sha256 is None or hashlib.sha256(data).hexdigest() == sha256 else None


def intact_copy(directory: Path, rel: str) -> tuple[bytes | None, str | None]:
    """The bytes of a generation file that must outlive damage (the user dictionary), checked against the
    live manifest; a damaged live copy is replaced by an identical intact copy from another generation.

    Returns (bytes or None when the index has no such file, a note when the copy came from elsewhere).
    Raises PolicyQAError when the live generation lists the file and no intact copy is left.
    """
    from . import store

    try:
        live: Path | None = store.current_generation(directory)
    except PolicyQAError:
        live = None
    others = sorted((g for g in directory.glob("gen-*") if g.is_dir() and g != live),
                    key=lambda g: g.stat().st_mtime, reverse=True)
    table = _sealed_table(live) if live is not None else None
    if table is not None:
        if not table:  # built before checksums: take the file as it is if it reads
            return _read_if(live / rel, None), None
        if rel not in table:
            return None, None
        wanted = table[rel]["sha256"]
        for gen in [live, *others]:
            data = _read_if(gen / rel, wanted)
            if data is not None:
                return data, (None if gen == live else f"{rel} of the index was damaged; restored from {gen.name}")
        raise PolicyQAError(f"the {rel} kept in index {directory} is damaged and no intact copy is left: "
                            "give it again with --user-dict FILE")
    # The live manifest cannot be trusted: the newest generation with an intact manifest decides.
    for gen in others:
        other = _sealed_table(gen)
        if other and rel in other:
            data = _read_if(gen / rel, other[rel]["sha256"])
            if data is not None:
                return data, f"{rel} taken from the previous generation {gen.name} (the live one is damaged)"
        elif other:
            return None, None
    return None, None


def recorded_manifest(directory: Path) -> dict[str, Any] | None:
    """The manifest that says how the index was built (model, corpus roots): the live one if intact, else
    the newest intact one of the generations kept beside it (a damaged index is repaired the same way)."""
    from . import store

    try:
        live: Path | None = store.current_generation(directory)
    except PolicyQAError:
        live = None
    others = sorted((g for g in Path(directory).glob("gen-*") if g.is_dir() and g != live),
                    key=lambda g: g.stat().st_mtime, reverse=True)
    for gen in ([live] if live is not None else []) + others:
        try:
            manifest = store.read_json(gen / MANIFEST)
            check_seal(manifest, gen)
        except PolicyQAError:
            continue
        if isinstance(manifest, dict) and SEAL in manifest:
            return manifest
    return None
