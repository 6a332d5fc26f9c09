"""Where a document is from: accuracy of place inference on the DLC regulations, tune and report halves.

Each of the 1,783 local regulations (``python eval/dlc_corpus.py`` writes them as files to
/work/data/dlc-corpus) has an expected place in ``eval/dlc_doc_places.jsonl``, derived by rule from its
adopting organ (…人民代表大会常务委员会 …通过) or its title, not from the library. A file goes to the ``tune``
half when sha256 of its corpus-relative name is even, else to ``report``: the inference rules were chosen
by reading the errors of ``tune`` only; ``report`` played no part.

The place inferred is what ``policyqa inspect`` shows (``load_document(path).region``). A province-level
municipality recorded as a city of itself (上海市/上海市) is the same place as 上海市 alone.

    python eval/doc_places.py                     # both halves, overall and by level
    python eval/doc_places.py --errors tune       # and every wrong place of the tune half
    python eval/doc_places.py --hints no-organ    # ablation: without the adopting organ as a hint
    python eval/doc_places.py --hints text        # ablation: no hints at all, the running text decides

The expected places were derived from the adoption history too, so the full inference, which reads the
adopting organ as the document's issuer, is close to the label rule by construction; ``--hints no-organ``
(title, signature, running text) and ``--hints text`` show what the rest of the inference does alone.
    python eval/doc_places.py --corpus DIR --places FILE --json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = Path("/work/data/dlc-corpus")
PLACES = ROOT / "eval" / "dlc_doc_places.jsonl"
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")


def half(file: str) -> str:
    """``tune`` or ``report``: the parity of sha256 of the corpus-relative file name."""
    return "tune" if hashlib.sha256(file.encode("utf-8")).digest()[-1] % 2 == 0 else "report"


def place_key(province: str | None, city: str | None, county: str | None) -> tuple[str | None, ...]:
    """(province, city, county), with a municipality recorded as a city of itself collapsed to the province."""
    if province in MUNICIPALITIES and city == province and not county:
        city = None
    return province, city, county


def level_of(key: tuple[str | None, ...]) -> str:
    return "county" if key[2] else "city" if key[1] else "province" if key[0] else "unknown"


def ablate(hints: str) -> None:
    """Leave out hints for an ablation: ``no-organ`` drops the adopting organ, ``text`` every hint."""
    import policyqa.metadata as metadata
    from policyqa.regions import infer_region

    if hints in ("no-organ", "text"):
        metadata.adopting_organ = lambda lines: None  # type: ignore[assignment]
    if hints == "text":
        metadata.infer_region = lambda text, hints=(), weak=(): infer_region(text)  # type: ignore[assignment]


def evaluate(corpus: Path, expected: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per regulation: its half, the expected and the inferred place."""
    from policyqa.errors import PolicyQAError
    from policyqa.ingest import load_document

    rows = []
    for rec in expected:
        want = place_key(rec["province"], rec["city"], rec["county"])
        try:
            r = load_document(corpus / rec["file"]).region
            got = place_key(r.province, r.city, r.county)
        except PolicyQAError:
            got = (None, None, None)
        rows.append({"file": rec["file"], "half": half(rec["file"]), "expected": want, "inferred": got})
    return rows


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Accuracy per half, overall and by expected level, and the errors by (expected level, inferred level)."""
    out: dict[str, Any] = {}
    for name in ("tune", "report", "all"):
        sel = [r for r in rows if name == "all" or r["half"] == name]
        by_level: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for r in sel:
            by_level[level_of(r["expected"])][0] += r["expected"] == r["inferred"]
            by_level[level_of(r["expected"])][1] += 1
        right = sum(v[0] for v in by_level.values())
        errors = Counter(f"{level_of(r['expected'])}→{level_of(r['inferred'])}" for r in sel
                         if r["expected"] != r["inferred"])
        out[name] = {"n": len(sel), "accuracy": right / len(sel) if sel else 0.0,
                     "by_level": {k: {"n": v[1], "accuracy": v[0] / v[1]} for k, v in sorted(by_level.items())},
                     "errors": dict(errors.most_common())}
    return out


def _name(key: tuple[str | None, ...]) -> str:
    return "/".join(n for n in key if n) or "未知地区"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="the DLC corpus directory (eval/dlc_corpus.py)")
    ap.add_argument("--places", type=Path, default=PLACES, help="expected places, one JSON object a line")
    ap.add_argument("--errors", choices=("tune", "report", "all"), help="list the wrong places of this half")
    ap.add_argument("--hints", choices=("all", "no-organ", "text"), default="all",
                    help="ablation: which hints the inference may use (default all)")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir() or not args.places.is_file():
        print(f"skipped: {args.corpus} or {args.places} is missing (write the corpus with python eval/dlc_corpus.py)")
        return 0
    expected = [json.loads(line) for line in args.places.read_text(encoding="utf-8").splitlines() if line.strip()]
    ablate(args.hints)
    t0 = time.perf_counter()
    rows = evaluate(args.corpus, expected)
    seconds = time.perf_counter() - t0
    summary = summarise(rows)
    if args.json:
        print(json.dumps({"summary": summary, "seconds": seconds}, ensure_ascii=False, indent=1))
    else:
        for name, s in summary.items():
            levels = ", ".join(f"{k} {v['accuracy']:.3f} (n={v['n']})" for k, v in s["by_level"].items())
            errors = ", ".join(f"{k} {v}" for k, v in s["errors"].items()) or "none"
            print(f"{name:6s} n={s['n']:4d}  accuracy {s['accuracy']:.3f}  by level: {levels}  errors: {errors}")
        print(f"({len(rows)} documents read and inferred in {seconds:.1f} s)")
    if args.errors:
        for r in rows:
            if r["expected"] != r["inferred"] and (args.errors == "all" or r["half"] == args.errors):
                print(f"  {r['file']}: expected {_name(r['expected'])}, inferred {_name(r['inferred'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
