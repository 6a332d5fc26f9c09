"""jieba tokenization for BM25: precise mode, a domain dictionary, stopwords, no overlapping fragments."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
import threading
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from .textnorm import normalize

log = logging.getLogger(__name__)

TOKENIZER_VERSION = "jieba-precise-nohmm-1"

# A token is kept when it has a CJK character, a letter or a digit (punctuation and spaces are dropped).
_CONTENT = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]")


def _data_text(name: str) -> str:
    return resources.files("policyqa").joinpath("data", name).read_text(encoding="utf-8")


def _cache_dir() -> str:
    """Where jieba keeps its prefix-dictionary cache (reused across processes: loading drops ~0.8 s to ~0.3 s)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "policyqa")
    try:
        os.makedirs(path, exist_ok=True)
        return path
    except OSError:
        return tempfile.gettempdir()


_LOADED: dict[str, tuple[frozenset[str], Any]] = {}
_LOADED_LOCK = threading.Lock()
_LOADED_MAX = 4


class Tokenizer:
    """Tokenizes Chinese (and English) text for BM25.

    Precise mode (``jieba.lcut``), not search mode: search mode emits overlapping fragments
    (公积 / 积金 / 公积金) that count the same text several times and distort BM25. HMM word discovery is
    off so that an unknown name splits the same way in documents and in queries.
    """

    def __init__(self, user_dict: str | Path | None = None, user_words: bytes | None = None):
        """``user_dict`` is a jieba dictionary file, read once here; ``user_words`` its content already read."""
        self.user_dict = Path(user_dict) if user_dict else None
        self._jieba: Any = None
        self._stopwords: frozenset[str] | None = None
        digest = hashlib.sha256(_data_text("policy_dict.txt").encode())
        digest.update(_data_text("stopwords.txt").encode())
        self._user_words = user_words
        if self.user_dict is not None:
            try:
                self._user_words = self.user_dict.read_bytes()
            except OSError as exc:
                from .errors import PolicyQAError

                raise PolicyQAError(f"cannot read user dictionary {self.user_dict}: {exc.strerror}") from None
        if self._user_words is not None:
            digest.update(self._user_words)
        self.version = f"{TOKENIZER_VERSION}+{digest.hexdigest()[:12]}"
        self._key = digest.hexdigest()

    def _load(self) -> Any:
        if self._jieba is None:
            # jieba's dictionary takes ~0.3-1.3 s to load: one loaded tokenizer per dictionary set and
            # process, shared by every index opened (a server reloading generations, concurrent readers).
            with _LOADED_LOCK:
                loaded = _LOADED.get(self._key)
                if loaded is None:
                    loaded = _LOADED[self._key] = self._new_jieba()
                    while len(_LOADED) > _LOADED_MAX:
                        _LOADED.pop(next(iter(_LOADED)))
            self._stopwords, self._jieba = loaded
        return self._jieba

    def _new_jieba(self) -> tuple[frozenset[str], Any]:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        tok.tmp_dir = _cache_dir()
        tok.initialize()
        for line in _data_text("policy_dict.txt").splitlines():
            parts = line.split()
            if parts and not line.startswith("#"):
                tok.add_word(parts[0], int(parts[1]) if len(parts) > 1 else None)
        if self._user_words is not None:
            import io

            # From the bytes read at construction: the file may be gone by now (an old generation).
            tok.load_userdict(io.BytesIO(self._user_words))
        stopwords = frozenset(
            w.strip() for w in _data_text("stopwords.txt").splitlines() if w.strip() and not w.startswith("#")
        )
        return stopwords, tok

    def tokenize(self, text: str) -> list[str]:
        """Content tokens of ``text`` (normalised: half-width, simplified, lower-case)."""
        tok = self._load()
        stop = self._stopwords or frozenset()
        out = []
        for t in tok.lcut(normalize(text).lower(), HMM=False):
            t = t.strip()
            if t and t not in stop and _CONTENT.search(t):
                out.append(t)
        return out

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Start and end offsets of jieba's words in ``text`` as given (not normalised): word boundaries."""
        return [(s, e) for _, s, e in self._load().tokenize(text, HMM=False)]

    def frequency(self, word: str) -> int:
        """How common ``word`` is in jieba's dictionary (0 when it is not a dictionary word)."""
        return int(self._load().FREQ.get(word, 0))

    def parts(self, word: str) -> tuple[str, ...]:
        """The dictionary words of two or more characters that ``word`` is made of, fewest first (信息管理 → 信息,
        管理); empty when it is not such a compound. Single characters are never parts: 机动车 is not 机动 + 车."""
        if len(word) < 4 or not _CONTENT.search(word):
            return ()
        freq = self._load().FREQ
        stop = self._stopwords or frozenset()
        n = len(word)
        best: list[tuple[str, ...] | None] = [()] + [None] * n
        for end in range(2, n + 1):
            for start in range(0, end - 1):
                piece, before = word[start:end], best[start]
                if before is None or (start == 0 and end == n) or not freq.get(piece):
                    continue
                if best[end] is None or len(before) + 1 < len(best[end]):  # type: ignore[arg-type]
                    best[end] = (*before, piece)
        split = best[n] or ()
        return tuple(p for p in split if p not in stop) if len(split) > 1 else ()

    def tokenize_many(self, texts: Sequence[str]) -> list[list[str]]:
        """``tokenize`` for each text."""
        return [self.tokenize(t) for t in texts]
