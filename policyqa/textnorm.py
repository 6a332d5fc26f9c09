"""Normalisation for matching only (tokenizing, embedding, comparing): never applied to stored text."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _t2s() -> Any:
    # OpenCC (maintained, the reference converter) knows phrase-level variants that character tables miss.
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese (推進殯葬 → 推进殡葬)."""
    return _t2s().convert(text) if text else text


def to_halfwidth(text: str) -> str:
    """Full-width ASCII letters, digits and punctuation → half-width (（一）→ (一), １．→ 1.)."""
    return unicodedata.normalize("NFKC", text)


def normalize(text: str) -> str:
    """Half-width, simplified, whitespace collapsed: the form that is tokenized and embedded."""
    return _SPACES.sub(" ", to_simplified(to_halfwidth(text))).strip()
