"""Dense-similarity thresholds per embedding model.

A cosine of 0.905 means "relevant" for the bundled 4-bit e5-small and nothing for another model, so every
threshold on dense similarity lives in a calibration record for one embedder id. The bundled model ships its
record (``policyqa/data/calibration/``); ``policyqa calibrate`` writes one for the model of any index into that
index's directory. Without a record, ``ask`` says so and uses dense similarity only relative to the best
passage, never as an absolute proof of relevance.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import PolicyQAError

log = logging.getLogger(__name__)

CALIBRATION_FILE = "calibration.json"


@dataclass(frozen=True)
class Calibration:
    """Dense thresholds for one embedder; ``None`` fields mean "no absolute dense decision"."""

    embedder: str
    found_dense: float | None = None  # a passage answers a Chinese question
    found_dense_latin: float | None = None  # a passage answers a question with no Chinese words
    doc_dense: float | None = None  # a document counts for a "which places" question
    show_dense: float | None = None  # floor for further passages of an open answer
    source: str = "none"
    notes: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def calibrated(self) -> bool:
        """True when the record holds absolute thresholds for this embedder."""
        return self.found_dense is not None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return asdict(self)


def model_key(embedder_id: str) -> str:
    """The part of an embedder id that names the model (the package version after ``@`` is left out)."""
    return embedder_id.split("@", 1)[0]


def _file_name(key: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", key) + ".json"


def _from_dict(d: dict[str, Any], source: str) -> Calibration:
    def num(name: str) -> float | None:
        v = d.get(name)
        if v is None:
            return None
        if not isinstance(v, (int, float)) or isinstance(v, bool):
            raise PolicyQAError(f"calibration {source}: {name!r} must be a number")
        return float(v)

    return Calibration(str(d.get("embedder", "")), num("found_dense"), num("found_dense_latin"), num("doc_dense"),
                       num("show_dense"), source, dict(d.get("notes") or {}))


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PolicyQAError(f"cannot read calibration {path} ({exc.__class__.__name__}): "
                            f"run `policyqa calibrate` again or delete the file") from None
    if not isinstance(data, dict):
        raise PolicyQAError(f"calibration {path} must hold a JSON object: run `policyqa calibrate` again")
    return data


def bundled(embedder_id: str) -> Calibration | None:
    """The calibration shipped with policyqa for this embedder, if any."""
    key = model_key(embedder_id)
    ref = resources.files("policyqa").joinpath("data", "calibration", _file_name(key))
    if not ref.is_file():
        return None
    return _from_dict(json.loads(ref.read_text(encoding="utf-8")), f"bundled:{key}")


def for_index(directory: Path, embedder_id: str) -> Calibration:
    """The calibration that applies to an index: its own record (``policyqa calibrate``) for its embedder,
    else the bundled one, else an uncalibrated record."""
    key = model_key(embedder_id)
    path = Path(directory) / CALIBRATION_FILE
    if path.is_file():
        records = _read(path)
        if key in records:
            return _from_dict(records[key], str(path))
    return bundled(embedder_id) or Calibration(key)


def save_record(path: Path, calibration: Calibration) -> Path:
    """Write one calibration record as a JSON file (the form bundled in policyqa/data/calibration/)."""
    record = {k: v for k, v in calibration.to_dict().items() if k != "source"}
    record["embedder"] = model_key(calibration.embedder)
    Path(path).write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return Path(path)


def save_for_index(directory: Path, calibration: Calibration) -> Path:
    """Store ``calibration`` in the index directory (one record per embedder, written atomically)."""
    import os

    path = Path(directory) / CALIBRATION_FILE
    records = _read(path) if path.is_file() else {}
    records[model_key(calibration.embedder)] = {k: v for k, v in calibration.to_dict().items() if k != "source"}
    tmp = path.with_name(f".{CALIBRATION_FILE}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)
    return path


# Margin above the most similar passage of a question without answer: an absolute dense decision is taken
# only above everything the calibration questions without answer reached.
CALIBRATION_MARGIN = 0.005
# Further passages of an open answer are shown down to this far below the "found" threshold.
SHOW_BELOW_FOUND = 0.055


def calibrate(index: Any, queries: Sequence[Any], candidates: int = 60) -> Calibration:
    """Dense thresholds for ``index``'s embedder from labelled questions (``evaluation.LabelledQuery``).

    ``found_dense`` (questions with Chinese words) and ``found_dense_latin`` (questions without) are set just
    above the best dense similarity that any question marked ``no_answer`` reaches, so that on these questions
    dense similarity alone never answers a question that has no answer; questions that ``ask`` refuses before
    retrieval (noise, a place or year with no documents) do not count. ``doc_dense`` is set just above the
    best passage of any document that a "which places" question's expected places exclude. A side without
    questions marked ``no_answer`` gets no absolute threshold.
    """
    from . import retrieval
    from .aggregate import normalize_level, place_at_level
    from .answer import refuses
    from .topic import has_chinese
    from .question import analyze_question
    from .regions import region_contains, resolve_place

    no_answer: dict[str, list[float]] = {"zh": [], "latin": []}
    answerable: dict[str, list[float]] = {"zh": [], "latin": []}
    other_places: list[float] = []
    used = 0
    for q in queries:
        if refuses(q.query, index):
            continue
        used += 1
        info = analyze_question(q.query, index.tokenizer, known_places=index.regions)
        side = "zh" if has_chinese(info.topic) else "latin"
        hits = retrieval.search(index, q.query, k=candidates, mode="dense", info=info)
        best = max((h.scores.get("dense", h.score) for h in hits), default=0.0)
        (no_answer if q.no_answer else answerable)[side].append(best)
        if q.places:
            level = normalize_level(info.aggregation_level)
            wanted = [r for r in (resolve_place(p) for p in q.places) if r is not None]
            wanted = [place_at_level(r, level) or r for r in wanted]
            other_places.extend(h.scores.get("dense", h.score) for h in hits
                                if not any(region_contains(w, h.region) for w in wanted))

    def above(values: list[float]) -> float | None:
        return round(max(values) + CALIBRATION_MARGIN, 4) if values else None

    found = above(no_answer["zh"])
    latin = above(no_answer["latin"])
    notes = {"questions": used, "no_answer_zh": len(no_answer["zh"]), "no_answer_latin": len(no_answer["latin"]),
             "answerable_zh_at_or_above": sum(v >= found for v in answerable["zh"]) if found else None,
             "answerable_zh": len(answerable["zh"]),
             "answerable_latin_at_or_above": sum(v >= latin for v in answerable["latin"]) if latin else None,
             "answerable_latin": len(answerable["latin"])}
    return Calibration(index.manifest["embedder"]["id"], found, latin, above(other_places),
                       round(found - SHOW_BELOW_FOUND, 4) if found else None, "calibrate", notes)
