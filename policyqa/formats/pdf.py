"""PDF: text per page with pypdfium2 (PDFium; Apache-2.0/BSD), pages kept as offsets into the text.

Lines wrapped by the page width are joined back into paragraphs (a line that fills the page width and
does not end a sentence continues on the next one), so sentences and words are not cut by line breaks.
A page without a text layer (a scan) is reported as needing OCR; when the optional OCR engine is
installed (``pip install "policyqa[ocr]"``) such pages are read with it instead.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from ..errors import IngestError
from .extraction import Extraction, reflow

log = logging.getLogger(__name__)

_CJK = re.compile(r"[\u4e00-\u9fff]")
_PAGE_SEP = "\n\n"


def _page_text(page: Any) -> str:
    textpage = page.get_textpage()
    try:
        raw = textpage.get_text_range()
    finally:
        textpage.close()
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return "\n".join(reflow(raw.split("\n")))


def _has_images(page: Any) -> bool:
    import pypdfium2.raw as pdfium_c

    return any(obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects())


def _properties(pdf: Any, result: Extraction) -> None:
    # Only the title: CreationDate is when the file was made, not the document's date.
    try:
        info = pdf.get_metadata_dict()
    except Exception:  # damaged info dictionary: the text is still worth reading
        return
    title = (info.get("Title") or "").strip()
    if _CJK.search(title) and not re.search(r"Microsoft|\.docx?$|\.wps$|^文档\d*$", title):
        result.set_field("title", title, "properties")


def read_pdf(path: Any, raw: bytes) -> Extraction:
    """A PDF → its text page by page; pages without a text layer are noted (or read by OCR if installed)."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise IngestError(f"{path}: the PDF is password-protected; save an unprotected copy to index it") from None
        raise IngestError(f"{path}: the PDF is damaged or truncated ({exc}); download or export it again") from None
    result = Extraction(text="", format="pdf", encoding="pdf", pages=[])
    parts: list[str] = []
    pos = 0
    needs_ocr: list[int] = []
    ocr = None
    try:
        _properties(pdf, result)
        for n in range(len(pdf)):
            page = pdf[n]
            try:
                text = _page_text(page)
                if not _CJK.search(text) and not text.strip() and _has_images(page):
                    if ocr is None:
                        from .ocr import engine

                        ocr = engine() or False
                    text = ocr.read_page(page) if ocr else ""
                    if not text.strip():
                        needs_ocr.append(n + 1)
            finally:
                page.close()
            result.pages.append(pos)
            parts.append(text)
            pos += len(text) + len(_PAGE_SEP)
    except pdfium.PdfiumError as exc:
        raise IngestError(f"{path}: the PDF cannot be read ({exc}); download or export it again") from None
    finally:
        pdf.close()
    result.text = _PAGE_SEP.join(parts) + "\n"
    if needs_ocr:
        pages = ", ".join(map(str, needs_ocr))
        result.notes.append(f"page {pages} of {len(result.pages)} has no text layer (a scan): it needs OCR "
                            "(pip install \"policyqa[ocr]\")" if len(needs_ocr) == 1 else
                            f"pages {pages} of {len(result.pages)} have no text layer (scans): they need OCR "
                            "(pip install \"policyqa[ocr]\")")
    if not _CJK.search(result.text) and not re.search(r"\w{3}", result.text):
        raise IngestError(f"{path}: the PDF has no text layer on any of its {len(result.pages)} pages (a scan): "
                          "it needs OCR (pip install \"policyqa[ocr]\"), or give a text version")
    return result
