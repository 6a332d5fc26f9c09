"""Which engine an index uses: recorded in its manifest (``"backend"``), chosen at build time with
``backend=``/``--backend`` and, for Qdrant, a location (``--qdrant``, else ``$POLICYQA_QDRANT_URL``)."""

from __future__ import annotations

import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import IndexMismatchError, PolicyQAError

log = logging.getLogger(__name__)

BACKENDS = ("local", "qdrant")
QDRANT_ENV = "POLICYQA_QDRANT_URL"


@dataclass(frozen=True)
class Engine:
    """An index's engine: ``name`` (local, qdrant) and, for Qdrant, where it runs and the collection."""

    name: str = "local"
    location: str | None = None
    collection: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, **({"location": self.location, "collection": self.collection}
                                      if self.name != "local" else {})}

    @classmethod
    def of(cls, manifest: dict[str, Any] | None) -> "Engine":
        """The engine a manifest records (indexes from before the backend seam are local)."""
        spec = (manifest or {}).get("backend") or {}
        return cls(spec.get("name", "local"), spec.get("location"), spec.get("collection"))


def choose(backend: str | None, location: str | None, recorded: dict[str, Any] | None) -> Engine:
    """The engine a build writes: the one asked for, else the one the index was built with, else local."""
    if backend is not None and backend not in BACKENDS:
        raise PolicyQAError(f"unknown backend {backend!r}: use one of {', '.join(BACKENDS)}")
    before = Engine.of(recorded)
    name = backend or before.name
    if name == "local":
        return Engine()
    location = location or os.environ.get(QDRANT_ENV) or (before.location if before.name == name else None)
    if not location:
        raise PolicyQAError(f"the qdrant backend needs a location: give --qdrant URL|PATH|:memory: or set ${QDRANT_ENV}")
    return Engine(name, location, before.collection if before.name == name and before.location == location else None)


def open_backend(gen: Path, documents: list[dict[str, Any]], manifest: dict[str, Any],
                 location: str | None = None) -> Any:
    """The backend of a loaded generation (``location`` overrides a Qdrant index's recorded one)."""
    engine = Engine.of(manifest)
    if engine.name == "local":
        from .local import LocalBackend

        return LocalBackend.open(gen, documents, int(manifest["chunk_count"]))
    if engine.name == "qdrant":
        from .qdrant import QdrantBackend

        return QdrantBackend.open(gen, documents, manifest, location)
    raise IndexMismatchError(f"index in {gen.parent} uses backend {engine.name!r}, which this policyqa does not have: "
                             f"rebuild it with `policyqa index --rebuild --index {gen.parent}`")


def new_backend(engine: Engine, directory: Path, dim: int) -> Any:
    """An empty backend for a fresh build: a new Qdrant collection (its name made unique, so the live index's
    collection serves readers until the new generation is published)."""
    from .qdrant import QdrantBackend, collection_name

    name = f"{collection_name(directory)}_{uuid.uuid4().hex[:6]}"
    return QdrantBackend.create(engine.location or ":memory:", name, dim)


def drop_replaced(previous: Engine, current: Engine) -> None:
    """After a fresh build is published, drop the Qdrant collection it replaced (best effort)."""
    if previous.name != "qdrant" or not previous.collection or previous == current:
        return
    if previous.location != current.location:
        return
    from .qdrant import connect

    try:
        client = connect(previous.location)
        if client.collection_exists(previous.collection):
            client.delete_collection(previous.collection)
    except Exception as exc:  # the build is published; a collection left behind only costs space
        log.warning("could not drop the replaced Qdrant collection %s: %s", previous.collection, exc)
