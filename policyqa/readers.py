"""Reading files into text: encoding detection, and registries of readers by content kind and suffix.

What a file is comes from its bytes (``formats.sniff``): a web page saved as ``.txt`` is read as HTML, a
``.doc`` that is really DOCX as DOCX. A new format is one function ``(path, bytes) -> Extraction``
registered with ``register_format``; plain-text variants register by suffix with ``register_reader``.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import IngestError

if TYPE_CHECKING:
    from .formats.extraction import Extraction

Reader = Callable[[Path, bytes], tuple[str, str]]
FormatReader = Callable[[Path, bytes], "Extraction"]
_READERS: dict[str, Reader] = {}
_FORMATS: dict[str, FormatReader] = {}
_FORMAT_SUFFIXES: set[str] = set()

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def register_reader(suffix: str, reader: Reader) -> None:
    """Register ``reader(path, raw_bytes) -> (text, encoding)`` for plain-text files ending in ``suffix``."""
    _READERS[suffix.lower()] = reader


def register_format(kind: str, reader: FormatReader, suffixes: Sequence[str] = ()) -> None:
    """Register ``reader(path, raw_bytes) -> Extraction`` for content that ``formats.sniff`` calls ``kind``;
    files with one of ``suffixes`` are picked up when a directory is indexed."""
    _FORMATS[kind] = reader
    _FORMAT_SUFFIXES.update(x.lower() for x in suffixes)


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
    return tuple(sorted(set(_READERS) | _FORMAT_SUFFIXES))


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


def read_document(path: str | Path, raw: bytes | None = None) -> "Extraction":
    """A document's text (with pages and the file's own metadata), read as what its bytes say it is.

    IngestError (one line naming the file and what to do) for anything unreadable.
    """
    from .formats.extraction import Extraction
    from .formats.sniff import TEXT, describe, sniff

    path = Path(path)
    raw = read_bytes(path) if raw is None else raw
    kind = sniff(raw)
    if kind == TEXT:
        text, encoding = _READERS.get(path.suffix.lower(), _read_plain)(path, raw)
        return Extraction(text=text, format="text", encoding=encoding)
    reader = _FORMATS.get(kind)
    if reader is None and path.suffix.lower() in _FORMAT_SUFFIXES:
        raise IngestError(f"{path}: is damaged or not really a {path.suffix.lower()} file (its content is "
                          f"{describe(kind)}); open and save it again, or download it again")
    if reader is None:
        raise IngestError(f"{path}: is {describe(kind)}, which policyqa does not read; supported: text, web pages, "
                          "PDF, Word (.docx, .doc, .wps) and OFD — save it in one of those formats")
    return reader(path, raw)


def read_text(path: str | Path, raw: bytes | None = None) -> tuple[str, str]:
    """(document text, encoding or format) of a file; IngestError for anything unreadable."""
    doc = read_document(path, raw)
    return doc.text, doc.encoding


from . import formats as _formats  # noqa: E402,F401  (registers the readers of each format)
