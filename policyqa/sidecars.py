"""Metadata given by the user: a ``NAME.meta.json`` sidecar beside a document, or its line in the
directory's ``metadata.jsonl``. Validated field by field; errors name the file, the line and the field.

A ``metadata.jsonl`` is read once per directory (``SidecarReader``). A bad line affects only the document
it names (found even in a line that is not valid JSON, by its ``"source"``); a bad line that names no
document is reported on its own and affects none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import IngestError
from .models import LEVELS, Region

log = logging.getLogger(__name__)

SIDECAR_SUFFIX = ".meta.json"
CORPUS_METADATA = "metadata.jsonl"
TEXT_FIELDS = ("title", "issuer", "doc_number", "validity")
DATE_FIELDS = ("date", "written_date", "published_date", "effective_date", "expiry_date")
ISSUER_LEVELS = ("province", "city", "county", "district")
KNOWN_FIELDS = (*TEXT_FIELDS, "issuer_level", *DATE_FIELDS, "region", "source", "file")
_NAMED = re.compile(r'"(?:source|file)"\s*:\s*"((?:[^"\\]|\\.)+)"')


def _type_name(value: Any) -> str:
    return {dict: "an object", list: "a list", bool: "true/false", int: "a number", float: "a number",
            type(None): "null"}.get(type(value), type(value).__name__)


def _date(value: Any, where: str, key: str = "date") -> str:
    from .metadata import parse_date

    if not isinstance(value, str):
        raise IngestError(f"{where}: field {key!r} must be a date written as text such as \"2024-05-06\", "
                          f"not {_type_name(value)}")
    iso = parse_date(value)
    try:
        if iso is None:
            raise ValueError
        dt.date.fromisoformat(iso)
    except ValueError:
        raise IngestError(f"{where}: field {key!r} {value!r} is not a valid date; use yyyy-mm-dd") from None
    return iso


def _region(value: Any, where: str) -> Region:
    from .regions import resolve_place

    if isinstance(value, str):
        r = resolve_place(value.strip())
        if r is None:
            raise IngestError(f"{where}: field 'region' {value!r} is not a known place (or is ambiguous); "
                              "give a full name such as 金华市 or 武义县")
        return r
    if isinstance(value, dict):
        unknown = set(value) - {"province", "city", "county", "level", "code"}
        if unknown:
            raise IngestError(f"{where}: field 'region' has unknown keys {sorted(unknown)}; "
                              "use province, city, county, level, code")
        for key, v in value.items():
            if v is not None and not isinstance(v, str):
                raise IngestError(f"{where}: field 'region.{key}' must be text, not {_type_name(v)}")
        if not any(value.get(k) for k in ("province", "city", "county")):
            raise IngestError(f"{where}: field 'region' names no province, city or county")
        if value.get("level") not in (None, *LEVELS):
            raise IngestError(f"{where}: field 'region.level' must be one of {', '.join(LEVELS)}")
        for key in ("province", "city", "county"):
            if value.get(key) and resolve_place(value[key]) is None:
                raise IngestError(f"{where}: field 'region.{key}' {value[key]!r} is not a known place")
        return Region.from_dict(value)
    raise IngestError(f"{where}: field 'region' must be a place name or an object with province/city/county, "
                      f"not {_type_name(value)}")


def validate(raw: Any, where: str) -> dict[str, Any]:
    """Check a metadata record field by field and normalise it (ISO date, ``region`` as a Region).

    ``where`` names the file (and line) in messages. Unknown fields are ignored with a warning.
    """
    if not isinstance(raw, dict):
        raise IngestError(f"{where}: must be a JSON object with fields such as \"title\", not {_type_name(raw)}")
    unknown = sorted(set(raw) - set(KNOWN_FIELDS))
    if unknown:
        log.warning("%s: ignoring unknown metadata fields %s (known: %s)", where, unknown, ", ".join(KNOWN_FIELDS))
    out: dict[str, Any] = {}
    for key in TEXT_FIELDS:
        if key in raw and raw[key] is not None:
            if not isinstance(raw[key], str):
                raise IngestError(f"{where}: field {key!r} must be text, not {_type_name(raw[key])}")
            out[key] = raw[key].strip() or None
        elif key in raw:
            out[key] = None
    if raw.get("issuer_level") is not None:
        if raw["issuer_level"] not in ISSUER_LEVELS:
            raise IngestError(f"{where}: field 'issuer_level' must be one of {', '.join(ISSUER_LEVELS)}")
        out["issuer_level"] = raw["issuer_level"]
    for key in DATE_FIELDS:
        if raw.get(key) is not None:
            out[key] = _date(raw[key], where, key)
    if out.get("title"):
        out["title_source"] = "file"  # given by the user for this file
    if raw.get("region") is not None:
        out["region"] = _region(raw["region"], where)
    return out


def _digest(record: Any) -> str:
    return hashlib.sha256(json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


@dataclass
class CorpusMetadata:
    """One directory's ``metadata.jsonl``: validated records by file name, errors by file name, and
    problems of lines that name no file."""

    path: Path
    records: dict[str, tuple[dict[str, Any], str]] = field(default_factory=dict)  # name → (fields, digest)
    errors: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # each names the file and line
    unreadable: str | None = None  # the file exists but cannot be read: its documents' metadata is unknown

    @classmethod
    def read(cls, directory: Path) -> "CorpusMetadata":
        """Parse and validate every line of ``directory/metadata.jsonl`` (absent: no records)."""
        out = cls(directory / CORPUS_METADATA)
        try:
            lines = out.path.read_text(encoding="utf-8-sig").splitlines()
        except FileNotFoundError:
            return out
        except (OSError, UnicodeDecodeError) as exc:
            out.unreadable = f"{out.path} cannot be read ({exc.__class__.__name__}); fix it or remove it"
            return out
        seen: dict[str, int] = {}
        for n, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{out.path} line {n}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                rec, problem = None, f"{where}: not valid JSON ({exc.msg}); fix or remove the line"
            else:
                problem = None
            key = rec.get("source", rec.get("file")) if isinstance(rec, dict) else None
            if key is None:
                m = _NAMED.search(line)
                key = m.group(1) if m else None
                if problem is None:
                    problem = (f"{where}: each line needs a \"source\" field naming its file"
                               if isinstance(rec, dict) else
                               f"{where}: must be a JSON object with a \"source\" field, not {_type_name(rec)}")
            elif not isinstance(key, str) or not key.strip():
                out.problems.append(f"{where}: field 'source' must be a file name, not {_type_name(key)}")
                continue
            if key is None:
                out.problems.append(problem or f"{where}: names no file")
                continue
            name = Path(key).name
            if name in seen:
                out.errors[name] = f"{where}: a second line for {name} (the first is line {seen[name]}); keep one"
                continue
            seen[name] = n
            if problem is not None:
                out.errors[name] = problem
                continue
            try:
                out.records[name] = (validate(rec, where), _digest(rec))
            except IngestError as exc:
                out.errors[name] = str(exc)
        return out


class SidecarReader:
    """User metadata for documents; each directory's ``metadata.jsonl`` is read once."""

    def __init__(self) -> None:
        self._dirs: dict[Path, CorpusMetadata] = {}

    def corpus(self, directory: Path) -> CorpusMetadata:
        """The parsed ``metadata.jsonl`` of ``directory`` (cached)."""
        key = Path(directory)
        if key not in self._dirs:
            self._dirs[key] = CorpusMetadata.read(key)
        return self._dirs[key]

    def overrides(self, path: str | Path) -> tuple[dict[str, Any] | None, str | None]:
        """(validated fields, digest of the record) for a document, (None, None) without user metadata.

        Raises IngestError (naming file, line and field) when this document's metadata is invalid.
        """
        path = Path(path)
        side = path.with_name(path.name + SIDECAR_SUFFIX)
        if not side.is_file():
            side = path.with_suffix(SIDECAR_SUFFIX)
        if side.is_file():
            try:
                raw = json.loads(side.read_text(encoding="utf-8-sig"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise IngestError(f"{side}: cannot read metadata ({exc.__class__.__name__}: {exc}); "
                                  "fix or remove the file") from None
            return validate(raw, str(side)), _digest(raw)
        corpus = self.corpus(path.parent)
        if corpus.unreadable:
            raise IngestError(f"{path}: its metadata is unknown because {corpus.unreadable}")
        if path.name in corpus.errors:
            raise IngestError(corpus.errors[path.name])
        found = corpus.records.get(path.name)
        return found if found is not None else (None, None)

    def problems(self) -> list[tuple[str, str]]:
        """(metadata file, message) for lines of the ``metadata.jsonl`` files read so far that name no document."""
        return [(str(c.path), p) for c in self._dirs.values() for p in c.problems]


def load_sidecar(path: str | Path) -> dict[str, Any] | None:
    """Validated user metadata for one document (sidecar, else its line in the directory's metadata.jsonl)."""
    return SidecarReader().overrides(path)[0]
