"""A document's text as indexed: what chunk offsets, citations, ``inspect --text`` and the web view use."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from . import store
from .errors import QueryError


def document_text(gen: Path, meta: dict[str, Any]) -> str:
    """The stored text of a web page, PDF, Word or OFD document; for a text file, the file itself as long as
    its bytes are still those indexed (else the offsets would point into other text)."""
    stored = store.read_stored_text(gen, meta)
    if stored is not None:
        return stored
    from .readers import read_bytes, read_document

    source = meta.get("path") or meta["source"]
    raw = read_bytes(source)
    if meta.get("digest") and hashlib.sha256(raw).hexdigest() != meta["digest"]:
        raise QueryError(f"{source} has changed since it was indexed: run `policyqa index` to update the index")
    return read_document(source, raw).text
