"""Readers for the documents users actually have: web pages, PDF, Word (DOCX, and .doc/.wps through
LibreOffice), OFD. Each format is one module; this package registers them with ``readers``."""

from __future__ import annotations

from pathlib import Path

from ..readers import register_format
from .extraction import Extraction, page_of
from .sniff import DOCX, HTML, OFD, OLE_WORD, PDF

__all__ = ["Extraction", "page_of"]


def _html(path: Path, raw: bytes) -> Extraction:
    from .html import read_html

    return read_html(path, raw)


def _pdf(path: Path, raw: bytes) -> Extraction:
    from .pdf import read_pdf

    return read_pdf(path, raw)


def _docx(path: Path, raw: bytes) -> Extraction:
    from .docx import read_docx

    return read_docx(path, raw)


def _ofd(path: Path, raw: bytes) -> Extraction:
    from .ofd import read_ofd

    return read_ofd(path, raw)


def _ole(path: Path, raw: bytes) -> Extraction:
    from .ole import read_ole

    return read_ole(path, raw)


register_format(HTML, _html, (".html", ".htm", ".shtml", ".xhtml"))
register_format(PDF, _pdf, (".pdf",))
register_format(DOCX, _docx, (".docx",))
register_format(OFD, _ofd, (".ofd",))
register_format(OLE_WORD, _ole, (".doc", ".wps"))
