"""How often a county's bare short name, standing as a word, means the county: the evidence for not
recognising 武义, 义乌 … in a question unless the index holds that county's documents.

Segments the local regulations (../shared/data/dlc/regulations.jsonl) and the national laws
(../shared/data/stard/corpus_lawrefbook_national.jsonl) with the project's tokenizer and counts every word
that is exactly the short name of a county (and of no province or prefecture-level city). The 80 most
frequent such words cover 98% of the occurrences; each was read in its contexts and is listed below when
its usual sense there is the county (mixed ones are counted as the county, so the share is an upper bound).
Also prints the jieba dictionary frequency that separates the two senses (question_places.COMMON_WORD_FREQUENCY).

    python eval/county_short_words.py        # about two minutes
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policyqa.question_places import COMMON_WORD_FREQUENCY, _default_tokenizer, _tables  # noqa: E402

# ../shared/data next to the repository (or next to the worktrees' directory); POLICYQA_DATA overrides.
DATA = Path(os.environ.get("POLICYQA_DATA") or next(
    (p / "shared" / "data" for p in ROOT.parents if (p / "shared" / "data").is_dir()), ROOT.parent / "shared" / "data"))
# Words whose usual sense in these corpora is the county (淮阳龙湖, 泰顺廊桥, 义乌国际贸易 …), or mixed
# (金山: 金山区 and 金山银山; 余姚: the city and 余姚江; 普陀: the district and 普陀山; 奉化, 东昌 likewise).
COUNTY_SENSE = {"淮阳", "台儿庄", "义乌", "泰顺", "青州", "临海", "吴江", "崇明", "怀柔", "南沙", "即墨", "垦利",
                "余姚", "普陀", "金山", "奉化", "东昌"}
TOP = 80


def texts():
    with open(DATA / "dlc" / "regulations.jsonl", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)["text"]
    with open(DATA / "stard" / "corpus_lawrefbook_national.jsonl", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)["content"]


def main() -> None:
    if not (DATA / "dlc" / "regulations.jsonl").exists():
        sys.exit(f"data not found under {DATA}: this measurement needs the shared corpora")
    tables = _tables()
    names = set(tables.county_short) - set(tables.short) - set(tables.full)
    tok = _default_tokenizer()
    counts: Counter[str] = Counter()
    for text in texts():
        for s, e in tok.spans(text):
            if text[s:e] in names:
                counts[text[s:e]] += 1
    total = sum(counts.values())
    top = counts.most_common(TOP)
    covered = sum(n for _, n in top)
    county = sum(n for w, n in top if w in COUNTY_SENSE)
    print(f"{total} occurrences of {len(counts)} distinct county short names standing as words")
    print(f"the {TOP} most frequent cover {covered} ({covered / total:.1%}); "
          f"meaning the county (upper bound): {county} ({county / covered:.1%}); "
          f"distinct words meaning the county: {sum(w in COUNTY_SENSE for w, _ in top)} of {TOP}")
    freq = {w: tok.frequency(w) for w, _ in top}
    print(f"jieba frequency of the county-sense words: max {max(freq[w] for w, _ in top if w in COUNTY_SENSE)}; "
          f"ordinary words at or above {COMMON_WORD_FREQUENCY}: "
          f"{sum(n for w, n in top if w not in COUNTY_SENSE and freq[w] >= COMMON_WORD_FREQUENCY)} of "
          f"{covered - county} occurrences")
    print("  " + " ".join(f"{w}:{n}{'*' if w in COUNTY_SENSE else ''}" for w, n in top) + "   (* the county)")


if __name__ == "__main__":
    main()
