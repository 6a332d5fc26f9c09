"""Reading files into text: encoding detection and a registry of readers by file suffix.

A new format (.html, .docx, .pdf) is one function ``bytes -> str`` registered with ``register_reader``;
nothing else in the pipeline changes.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from pathlib import Path

from .errors import IngestError

Reader = Callable[[Path, bytes], tuple[str, str]]
_READERS: dict[str, Reader] = {}

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def register_reader(suffix: str, reader: Reader) -> None:
    """Register ``reader(path, raw_bytes) -> (text, encoding)`` for files ending in ``suffix``."""
    _READERS[suffix.lower()] = reader


def decode(raw: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16/32 with BOM, or GB18030 (a superset of GBK/GB2312).

    Raises IngestError for empty, binary or undecodable content.
    """
    if not raw.strip():
        raise IngestError(f"{name}: the file is empty; nothing to index")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError:
                raise IngestError(f"{name}: starts with a {encoding} byte-order mark but is not valid {encoding}; "
                                  "re-save it as UTF-8") from None
    if b"\x00" in raw[:4096]:
        raise IngestError(f"{name}: looks binary (NUL bytes), not a text document; "
                          "convert it to .txt (UTF-8) or add a reader for its format")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            # A stray NUL further in (a damaged or padded file) becomes a space: offsets stay the same.
            return text.replace("\x00", " "), encoding
    raise IngestError(f"{name}: cannot be decoded as UTF-8 or GB18030/GBK; re-save it as UTF-8")


_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\ue000-\uf8ff]")


def _looks_like_text(text: str) -> bool:
    """Reject decodings that are mostly control characters or private-use code points (binary read as GB18030)."""
    bad = len(_NOT_TEXT.findall(text))  # in C: a per-character Python loop cost seconds on a 20 MB file
    return bad <= max(2, len(text) // 200)


def _read_plain(path: Path, raw: bytes) -> tuple[str, str]:
    return decode(raw, str(path))


register_reader(".txt", _read_plain)
register_reader(".md", _read_plain)


def supported_suffixes() -> tuple[str, ...]:
    """File suffixes that have a reader."""
    return tuple(sorted(_READERS))


SUPPORTED_SUFFIXES = supported_suffixes()


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes, or an IngestError naming the file."""
    path = Path(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise IngestError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise IngestError(f"{path}: is a directory, not a document") from None
    except OSError as exc:
        raise IngestError(f"{path}: cannot be read ({exc.strerror})") from None


def read_text(path: str | Path, raw: bytes | None = None) -> tuple[str, str]:
    """(decoded text without BOM, encoding) of a document; IngestError for anything unreadable."""
    path = Path(path)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise IngestError(f"{path}: unsupported file type {path.suffix or '(none)'!r}; "
                          f"supported: {', '.join(supported_suffixes())}")
    return reader(path, read_bytes(path) if raw is None else raw)
