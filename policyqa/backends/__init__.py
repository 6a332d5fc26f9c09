"""Storage and retrieval engines behind one seam: ``Backend`` (base) and the default ``LocalBackend``."""

from .base import Backend, DocumentTable, Filter, Postings, Ranked, document_fields
from .local import LocalBackend

__all__ = ["Backend", "DocumentTable", "Filter", "LocalBackend", "Postings", "Ranked", "document_fields"]
