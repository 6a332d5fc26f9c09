"""OFD (GB/T 33190, the national fixed-layout format): a zip of XML pages, read with the standard library.

Producers differ in namespaces and prefixes, so elements are matched by local name only. Text comes from
each page's ``TextObject``/``TextCode`` elements, put in reading order by position (top to bottom, then
left to right, codes on the same baseline forming one line). The file's own metadata: ``DocInfo`` title and
creation date, and ``CustomData`` entries named like metadata labels (文号, 发文机关 …).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from typing import Any
from xml.etree import ElementTree

from ..errors import IngestError
from .extraction import Extraction, reflow
from .labels import canonical_label, normalise_fields

_PAGE_SEP = "\n\n"


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1].split(":")[-1] if isinstance(tag, str) else ""


def _children(el: Any, name: str) -> list[Any]:
    return [c for c in el if _local(c.tag) == name]


def _find(el: Any, name: str) -> Any:
    return next((c for c in el.iter() if _local(c.tag) == name), None)


def _resolve(base_file: str, loc: str) -> str:
    loc = loc.strip().replace("\\", "/")
    if loc.startswith("/"):
        return loc.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_file), loc))


class _Zip:
    def __init__(self, raw: bytes, path: Any) -> None:
        self.path = path
        self.zf = zipfile.ZipFile(io.BytesIO(raw))
        self.names = {n.lower(): n for n in self.zf.namelist()}

    def xml(self, name: str) -> Any:
        real = self.names.get(name.lower())
        if real is None:
            raise IngestError(f"{self.path}: the OFD file lacks {name}; it is damaged or not a complete OFD document")
        try:
            return ElementTree.fromstring(self.zf.read(real))
        except (ElementTree.ParseError, zipfile.BadZipFile, OSError) as exc:
            raise IngestError(f"{self.path}: the OFD part {name} cannot be read ({exc}); "
                              "export the document again") from None


def _floats(value: str | None) -> list[float]:
    try:
        return [float(x) for x in (value or "").split()]
    except ValueError:
        return []


def _page_lines(page: Any) -> list[str]:
    """Text of one page in reading order: (y, x, text) of every TextCode, grouped into lines by y."""
    codes: list[tuple[float, float, float, str]] = []
    for obj in page.iter():
        if _local(obj.tag) != "TextObject":
            continue
        box = _floats(obj.get("Boundary")) or [0.0, 0.0]
        size = (_floats(obj.get("Size")) or [3.5])[0]
        for code in _children(obj, "TextCode"):
            text = code.text or ""
            if not text.strip():
                continue
            x = box[0] + ((_floats(code.get("X")) or [0.0])[0])
            y = box[1] + ((_floats(code.get("Y")) or [0.0])[0])
            codes.append((y, x, size, text))
    codes.sort()
    lines: list[list[tuple[float, float, float, str]]] = []
    for code in codes:
        if lines and abs(code[0] - lines[-1][0][0]) <= 0.5 * max(code[2], lines[-1][0][2]):
            lines[-1].append(code)
        else:
            lines.append([code])
    out = []
    for line in lines:
        line.sort(key=lambda c: c[1])
        text = ""
        end = None
        for _, x, size, part in line:
            if end is not None and x - end > 2 * size:  # a wide gap: columns of a table or a tab stop
                text += " "
            text += part
            end = x + len(part) * size
        out.append(text.strip())
    return [ln for ln in out if ln]


def read_ofd(path: Any, raw: bytes) -> Extraction:
    """An OFD file → its text page by page, with the title and date it states about itself."""
    from ..metadata import parse_date

    try:
        z = _Zip(raw, path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise IngestError(f"{path}: the OFD file is damaged ({exc}); export it again") from None
    root = z.xml("OFD.xml")
    body = _find(root, "DocBody")
    doc_root = _find(body, "DocRoot") if body is not None else None
    if doc_root is None or not (doc_root.text or "").strip():
        raise IngestError(f"{path}: the OFD file names no document (DocRoot); it is damaged or incomplete")
    result = Extraction(text="", format="ofd", encoding="ofd", pages=[])
    info = _find(body, "DocInfo")
    if info is not None:
        title = _find(info, "Title")
        if title is not None and (title.text or "").strip():
            result.set_field("title", title.text.strip(), "properties")
        created = _find(info, "CreationDate")
        if created is not None and created.text:
            result.set_field("written_date", parse_date(created.text), "properties")
        custom: dict[str, str] = {}
        for data in info.iter():
            if _local(data.tag) == "CustomData" and data.get("Name") and (data.text or "").strip():
                name = canonical_label(data.get("Name"))
                if name:
                    custom.setdefault(name, data.text.strip())
        for name, value in normalise_fields(custom).items():
            result.set_field(name, value, "meta")
    doc_file = _resolve("OFD.xml", doc_root.text)
    document = z.xml(doc_file)
    pages_el = _find(document, "Pages")
    parts, pos = [], 0
    for page_ref in (list(pages_el.iter()) if pages_el is not None else []):
        if _local(page_ref.tag) != "Page" or not page_ref.get("BaseLoc"):
            continue
        page = z.xml(_resolve(doc_file, page_ref.get("BaseLoc")))
        text = "\n".join(reflow(_page_lines(page)))
        result.pages.append(pos)
        parts.append(text)
        pos += len(text) + len(_PAGE_SEP)
    if not result.pages:
        raise IngestError(f"{path}: the OFD file has no pages; it is damaged or incomplete")
    result.text = _PAGE_SEP.join(parts) + "\n"
    if not re.search(r"[\u4e00-\u9fff]|\w{3}", result.text):
        raise IngestError(f"{path}: the OFD file has no text on any of its {len(result.pages)} pages "
                          "(scanned images): it needs OCR, or give a text version")
    return result
