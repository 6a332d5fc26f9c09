"""Storage and retrieval engines behind one seam: ``Backend`` (base) and the default ``LocalBackend``."""

from .base import Backend, Filter, Postings, Ranked, document_fields
from .local import LocalBackend

__all__ = ["Backend", "Filter", "LocalBackend", "Postings", "Ranked", "document_fields"]
