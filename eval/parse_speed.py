"""Parsing throughput (read + metadata + chunking, no embedding) on a 20 MB repetitive file made from a seed
and on the DLC regulations, in MB/s of wall and of CPU time (CPU time is what a shared machine can measure).

    python eval/parse_speed.py [--mb 20] [--dlc ../shared/data/dlc/regulations.jsonl]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from policyqa.ingest import load_document

ROOT = Path(__file__).resolve().parent.parent


def _measure(files: list[Path]) -> tuple[float, float, float, int]:
    size = sum(f.stat().st_size for f in files) / 1e6
    wall, cpu = time.perf_counter(), time.process_time()
    chunks = sum(len(load_document(f).chunks) for f in files)
    return size, time.perf_counter() - wall, time.process_time() - cpu, chunks


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0)
    dlc = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared")
                if (p / "data" / "dlc" / "regulations.jsonl").is_file()), ROOT.parent / "shared")
    ap.add_argument("--dlc", type=Path, default=dlc / "data" / "dlc" / "regulations.jsonl")
    args = ap.parse_args()
    load_document(ROOT / "seeds" / "000_bd77b3cad4441a08.txt")  # gazetteer and automaton built once
    with tempfile.TemporaryDirectory() as tmp:
        seed = (ROOT / "seeds" / "000_bd77b3cad4441a08.txt").read_text(encoding="utf-8-sig")
        big = Path(tmp) / "repetitive.txt"
        big.write_text(seed * int(args.mb * 1e6 // len(seed.encode()) + 1), encoding="utf-8")
        sets = {f"repetitive {args.mb:g} MB": [big]}
        if args.dlc.is_file():
            d = Path(tmp) / "dlc"
            d.mkdir()
            for i, line in enumerate(args.dlc.read_text(encoding="utf-8").splitlines()):
                (d / f"r{i:04d}.txt").write_text(json.loads(line)["text"], encoding="utf-8")
            sets["DLC regulations"] = sorted(d.glob("*.txt"))
        for name, files in sets.items():
            size, wall, cpu, chunks = _measure(files)
            print(f"{name:<22} {len(files):>5} files {size:6.1f} MB {chunks:>7} chunks  "
                  f"wall {wall:5.1f} s = {size / wall:5.2f} MB/s   cpu {cpu:5.1f} s = {size / cpu:5.2f} MB/s")


if __name__ == "__main__":
    main()
