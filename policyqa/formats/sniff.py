"""What a file is, from its bytes (magic numbers, zip members, markup), not from its suffix alone.

A HTML page saved as ``.txt``, a ``.doc`` that is really DOCX and a PDF without a suffix are read as
what they are.
"""

from __future__ import annotations

import io
import re
import zipfile

PDF, DOCX, OFD, OLE_WORD, HTML, TEXT = "pdf", "docx", "ofd", "ole", "html", "text"
# Recognised but not readable: named in the skip line so the user knows what the file is.
SPREADSHEET, PRESENTATION, ZIP_OTHER, OLE_OTHER = "spreadsheet", "presentation", "zip", "ole-other"

_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                         re.I | re.S)
_HTML_TAGS = re.compile(rb"<(?:html|head|body|meta|div|p|table|span|br)\b[^>]*>", re.I)


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def sniff(raw: bytes) -> str:
    """The kind of a file's content: pdf, docx, ofd, ole (Word/WPS), html or text, or a kind we recognise
    but cannot read (spreadsheet, presentation, zip, ole-other)."""
    head = raw[:1024]
    if b"%PDF-" in head:
        return PDF
    if raw.startswith(_OLE_MAGIC):
        if _utf16("WordDocument") in raw:
            return OLE_WORD
        if _utf16("Workbook") in raw or _utf16("Book") in raw:
            return SPREADSHEET
        if _utf16("PowerPoint Document") in raw:
            return PRESENTATION
        return OLE_OTHER
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"PK\x05\x06"):
        return _zip_kind(raw)
    probe = raw[:4096]
    if _HTML_START.match(probe) or (probe.lstrip().startswith(b"<") and len(_HTML_TAGS.findall(probe)) >= 3):
        return HTML
    return TEXT


def _zip_kind(raw: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(raw)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return ZIP_OTHER
    lower = {n.lower() for n in names}
    if "word/document.xml" in lower:
        return DOCX
    if "ofd.xml" in lower:
        return OFD
    if "xl/workbook.xml" in lower:
        return SPREADSHEET
    if any(n.startswith("ppt/") for n in lower):
        return PRESENTATION
    return ZIP_OTHER


_DESCRIPTIONS = {SPREADSHEET: "a spreadsheet (Excel)", PRESENTATION: "a presentation (PowerPoint)",
                 ZIP_OTHER: "a zip archive that is not a DOCX or OFD document",
                 OLE_OTHER: "an Office (OLE) file that is not a Word or WPS document"}


def describe(kind: str) -> str:
    """Human name of a content kind, for messages."""
    return _DESCRIPTIONS.get(kind, kind)
