"""The DLC local regulations as a corpus of policy files, and the place each one is from.

    python eval/dlc_corpus.py                       # writes /work/data/dlc-corpus (one .md file a regulation)
    python eval/dlc_corpus.py OUT --source FILE     # another directory / another copy of regulations.jsonl
    python eval/dlc_corpus.py --places eval/dlc_doc_places.jsonl   # also (re)write the expected places

Each regulation becomes ``<province>/<title>.md`` (the text exactly as published, Markdown) so that the
corpus goes through the ordinary ingestion path: ``policyqa index /work/data/dlc-corpus``. No sidecar
metadata is written: where each regulation is from is left to the library to infer, and is checked
against ``expected_region`` below (a rule on the adoption history, the title and the source
collection, not the library's inference), which ``eval/places_eval.py`` uses to report place-inference accuracy.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

SOURCE = Path("/work/shared/data/dlc/regulations.jsonl")
DEFAULT_OUT = Path("/work/data/dlc-corpus")
DOC_PLACES = Path(__file__).resolve().parent / "dlc_doc_places.jsonl"
# The source folder names the province (a 直辖市 is a province-level city).
PROVINCES = {"上海": "上海市", "北京": "北京市", "重庆": "重庆市", "浙江": "浙江省", "山东": "山东省",
             "河南": "河南省", "广东": "广东省"}
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_UNSAFE = re.compile(r"[\s/\\:*?\"<>|]+")
# The date that opens a line of the adoption history (2016年8月18日, ２００２年６月２９日).
_DATE_PREFIX = re.compile(r"^[\d０-９]{4}\s*年\s*[\d０-９]{1,2}\s*月\s*[\d０-９]{1,2}\s*日\s*")


@dataclass(frozen=True)
class Place:
    """Where a regulation is from: the province, and the city / county when it is a local one."""

    province: str
    city: str | None = None
    county: str | None = None

    @property
    def level(self) -> str:
        return "county" if self.county else "city" if self.city else "province"

    @property
    def name(self) -> str:
        return self.county or self.city or self.province

    def to_dict(self) -> dict[str, Any]:
        return {"province": self.province, "city": self.city, "county": self.county, "level": self.level}


# Prefecture cities abolished since their regulations were adopted, and the city that took them over.
FORMER = {"莱芜市": Place("山东省", "济南市")}


def load_regulations(source: Path = SOURCE) -> list[dict[str, Any]]:
    """The records of regulations.jsonl, in file order."""
    with open(source, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def province_of(rec: dict[str, Any]) -> str:
    """The province of a record's collection (浙江地方法规 → 浙江省)."""
    for short, full in PROVINCES.items():
        if rec["collection"].startswith(short):
            return full
    raise ValueError(f"unknown collection {rec['collection']!r}")


def file_name(rec: dict[str, Any]) -> str:
    """The corpus-relative file of a regulation: ``浙江/宁波市职业技能培训条例.md`` (titles are unique)."""
    short = rec["collection"][:2]
    return f"{short}/{_UNSAFE.sub('', rec['title'])}.md"


@lru_cache(maxsize=1)
def _divisions() -> dict[str, list[Place]]:
    """Full and short names (宁波市, 宁波) → places: the gazetteer's list of divisions, not its inference."""
    from policyqa.regions import gazetteer

    out: dict[str, list[Place]] = {}
    for name, regions in gazetteer().by_name.items():
        for r in regions:
            if r.province:
                city = None if r.city == r.province and not r.county else r.city
                out.setdefault(name, []).append(Place(r.province, city, r.county))
    return out


def _place_at_start(text: str, province: str) -> Place | None:
    """The division of ``province`` whose (full or short) name starts ``text``, longest name first."""
    for old, new in FORMER.items():
        if text.startswith(old) and new.province == province:
            return new
    divisions = _divisions()
    for length in range(min(12, len(text)), 1, -1):
        cands = [p for p in divisions.get(text[:length], []) if p.province == province]
        if len(cands) == 1:
            return cands[0]
        if cands:  # 吉林 / 吉林市: the higher level wins, as a title says 吉林市 when it means the city
            top = min(cands, key=lambda p: ("province", "city", "county").index(p.level))
            return top
    return None


def expected_region(rec: dict[str, Any]) -> tuple[Place, str]:
    """Where a regulation is from (the place whose legislature or government adopted it), and the rule used.

    1. ``adopted``: the first line of the adoption history that opens with a place names the organ
       that adopted it (三门峡市第六届人民代表大会常务委员会…通过; 浙江省…通过 for 义乌国际贸易综合改革
       试验区条例, a provincial regulation about one city); a city abolished since is the city that took
       it over (莱芜市 → 济南市, 2019); a line on which the province 批准 (approves) a lower body's
       regulation does not count;
    2. ``title``: otherwise (no history, or an organ written without its place: 县第五届人民代表大会,
       第九届全国人民代表大会) the title starts with a division of the collection's province
       (宁波市…, 上海港口条例, 景宁畲族自治县…, 浙江省…);
    3. ``collection``: otherwise the collection's province.
    """
    province = province_of(rec)
    history = rec["text"].split("<!-- INFO END -->")[0]
    for line in history.splitlines():
        if "批准" in line:  # the province approving a city's or county's regulation did not adopt it
            continue
        place = _place_at_start(_DATE_PREFIX.sub("", line.strip()), province)
        if place is not None:
            return place, "adopted"
    place = _place_at_start(rec["title"].lstrip("《“\""), province)
    if place is not None:
        return place, "title"
    return Place(province), "collection"


def doc_places(records: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One line per regulation: file, title, expected place and the rule used."""
    for rec in records:
        place, rule = expected_region(rec)
        yield {"file": file_name(rec), "title": rec["title"], "collection": rec["collection"],
               "place": place.name, **place.to_dict(), "rule": rule}


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_corpus(out: Path, records: list[dict[str, Any]]) -> tuple[int, int]:
    """Write one file per regulation (only those whose bytes change); return (written, unchanged)."""
    written = unchanged = 0
    for rec in records:
        path = out / file_name(rec)
        data = rec["text"].encode("utf-8")
        if path.is_file() and path.read_bytes() == data:
            unchanged += 1
            continue
        _write_atomic(path, data)
        written += 1
    return written, unchanged


def write_doc_places(path: Path, records: list[dict[str, Any]]) -> None:
    """The expected place of every regulation as JSONL."""
    lines = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in doc_places(records))
    _write_atomic(path, lines.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT, help=f"corpus directory (default {DEFAULT_OUT})")
    ap.add_argument("--source", type=Path, default=SOURCE, help="regulations.jsonl")
    ap.add_argument("--places", type=Path, help="also write the expected place of each regulation here (JSONL)")
    args = ap.parse_args(argv)
    if not args.source.is_file():
        print(f"error: {args.source} not found; give --source path/to/regulations.jsonl", file=sys.stderr)
        return 2
    records = load_regulations(args.source)
    written, unchanged = write_corpus(args.out, records)
    print(f"{len(records)} regulations → {args.out} ({written} written, {unchanged} unchanged)")
    print(f"index them with: policyqa index {args.out} --index /work/data/dlc-index")
    if args.places:
        write_doc_places(args.places, records)
        print(f"expected places → {args.places}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
