"""policyqa: semantic search and extractive question answering over Chinese policy texts."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = [
    "ask", "build_index", "open_index", "PolicyIndex", "SearchConfig", "BuildSummary",
    "load_document", "ingest_paths", "get_embedder",
    "Answer", "Citation", "Chunk", "Document", "Hit", "Region",
    "PolicyQAError",
]

# Names resolve on first use so `import policyqa` stays fast (no FAISS, jieba or model until needed).
_LAZY = {
    "ask": "answer", "Answer": "answer", "Citation": "answer",
    "build_index": "index", "open_index": "index", "PolicyIndex": "index", "SearchConfig": "index",
    "BuildSummary": "index",
    "load_document": "ingest", "ingest_paths": "ingest",
    "get_embedder": "embedders",
    "Chunk": "models", "Document": "models", "Hit": "models", "Region": "models",
    "PolicyQAError": "errors",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'policyqa' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
