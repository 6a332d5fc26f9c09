"""A generated corpus for "which places" at scale: 1,000 work plans from 1,000 distinct real places.

    python eval/gen_places.py OUT                 # writes OUT/0000_330723.txt … and OUT/expected.json
    python eval/gen_places.py OUT --n 200 --on-topic 60

Each document is a 民政 work plan (工作要点) of one city or county from the national division list
(the adcodes the gazetteer reads, see policyqa/regions.py), issued by its 民政局 and identifiable from
its title and signature (``武义县民政局2025年工作要点`` … ``武义县民政局`` / ``2025年2月10日``). A fixed,
seeded subset of ``on_topic`` documents has an item on 殡葬改革 written the way work plans write it;
the others have items on other 民政 subjects only (养老服务, 社会救助, 婚姻登记 …) and never a word of
the funeral vocabulary (殡葬, 丧葬, 安葬, 公墓, 骨灰, 祭扫, 火化, 遗体, 殡仪). The question
``QUESTION`` must then be answered with exactly the places of the on-topic documents.

Places are chosen so that the answer is unambiguous at any level a system might roll up to: full
names unique in the gazetteer and at least three characters long (no 和县, 城区), on the mainland
(no 民政局 work plans from 台湾, 香港, 澳门), and no chosen place
inside another chosen place (never 金华市 together with 武义县).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

TOPIC = "殡葬改革"
QUESTION = "哪些地方推进殡葬改革"
FUNERAL_WORDS = ("殡葬", "丧葬", "安葬", "公墓", "骨灰", "祭扫", "火化", "遗体", "殡仪", "治丧", "丧事")
SEED = 20261127
_NOT_MAINLAND = ("71", "81", "82")  # 台湾, 香港, 澳门: no 民政局 work plans
_PLACEHOLDERS = ("市辖区", "省直辖县级行政区划", "自治区直辖县级行政区划", "县", "郊区", "城区", "矿区")


@dataclass(frozen=True)
class GeneratedDoc:
    """One generated work plan: its file name, place (full name, level, parent city), topic flag and text."""

    file: str
    place: str
    level: str
    city: str | None
    code: str
    on_topic: bool
    text: str


def candidate_places() -> list[tuple[str, str, str | None]]:
    """(code, full name, parent city or None) of every city or county whose full name is unique and ≥ 3 characters."""
    from policyqa.regions import gazetteer

    g = gazetteer()
    seen: dict[str, tuple[str, str, str | None]] = {}
    for name, regions in g.by_name.items():
        for r in regions:
            full = r.name or ""
            if r.level not in ("city", "county") or not r.code or full in _PLACEHOLDERS or len(full) < 3:
                continue
            if r.code[:2] in _NOT_MAINLAND:
                continue
            if len(g.candidates(full)) != 1 or g.candidates(full)[0] != r:
                continue
            seen[r.code] = (r.code, full, r.city if r.level == "county" else None)
    return [seen[c] for c in sorted(seen)]


def choose_places(n: int, seed: int = SEED) -> list[tuple[str, str, str | None]]:
    """``n`` distinct places, none inside another, in a seeded order."""
    cands = candidate_places()
    random.Random(seed).shuffle(cands)
    chosen: list[tuple[str, str, str | None]] = []
    names: set[str] = set()
    parents: set[str] = set()
    for code, name, city in cands:
        if city and city in names:  # its city is already chosen
            continue
        if city is None and name in parents:  # one of its counties is already chosen
            continue
        chosen.append((code, name, city))
        names.add(name)
        if city:
            parents.add(city)
        if len(chosen) == n:
            return chosen
    raise ValueError(f"only {len(chosen)} places satisfy the constraints, {n} asked")


# ------------------------------------------------------------------ text
_FUNERAL_ITEMS = [
    "深化殡葬改革。推进节地生态安葬，加快公益性公墓建设，倡导文明节俭治丧，全{u}节地生态安葬率达到{p}%以上。",
    "稳步推进殡葬改革。落实惠民殡葬政策，推进殡葬服务设施提档升级，规范殡葬服务收费，深化丧事简办。",
    "持续推进殡葬改革。完善基本殡葬公共服务，推进殡仪馆改造提升，做好清明节群众祭扫服务保障。",
    "加快推进殡葬改革。开展殡葬领域突出问题专项整治，加强公墓建设管理，推广骨灰海葬、树葬、草坪葬等生态葬式。",
    "扎实推进殡葬改革。推进城乡公益性安葬设施全覆盖，完成{n}个村级公益性公墓建设，推动殡葬移风易俗。",
]
_OTHER_ITEMS = [
    "健全养老服务体系。推进居家社区养老服务改革，新建助餐点{n}个，完成困难老年人家庭适老化改造{m}户。",
    "提升社会救助水平。推进社会救助综合改革，做好低保、特困供养和临时救助工作，低保标准提高到每人每月{m}元。",
    "深化婚姻登记服务。推进婚俗改革，开展婚姻家庭辅导服务，婚姻登记“跨省通办”群众满意率达到{p}%。",
    "加强儿童福利保障。落实孤儿和事实无人抚养儿童基本生活保障，推进未成年人保护工作站建设{n}个。",
    "规范社会组织管理。推进社会组织登记管理改革，开展社会组织等级评估，培育发展社区社会组织{n}家。",
    "做好地名管理服务。推进“乡村著名行动”，规范地名命名更名，新设地名标志{m}块。",
    "推动慈善事业发展。推进慈善组织规范化建设，开展“慈善一日捐”活动，募集善款{m}万元。",
    "加强基层社区治理。推进村（居）民委员会规范化建设，完善村务公开和民主协商机制，建成示范社区{n}个。",
    "落实残疾人福利政策。推进残疾人两项补贴精准发放，发放补贴{m}万元，推进精神障碍社区康复服务。",
    "加强行政区划管理。推进行政区域界线联合检查，维护边界地区和谐稳定，完成界桩维护{n}个。",
    "提升民政服务能力。推进民政数字化改革，“一网通办”事项办结率达到{p}%，加强民政干部队伍建设。",
]
_SECTIONS = ["一、总体要求", "二、重点任务", "三、保障措施"]


def _unit(name: str) -> str:
    return {"县": "县", "区": "区", "旗": "旗", "州": "州", "盟": "盟"}.get(name[-1], "市")


def _fill(template: str, rng: random.Random, unit: str) -> str:
    return template.format(u=unit, p=rng.randint(60, 99), n=rng.randint(3, 60), m=rng.randint(100, 3000))


def _document(name: str, on_topic: bool, rng: random.Random) -> str:
    unit = _unit(name)
    year = rng.choice((2024, 2025))
    items = rng.sample(_OTHER_ITEMS, rng.randint(4, 6))
    if on_topic:
        items.insert(rng.randint(0, len(items)), rng.choice(_FUNERAL_ITEMS))
    marks = "一二三四五六七八九十"
    body = "\n".join(f"（{marks[i]}）{_fill(t, rng, unit)}" for i, t in enumerate(items))
    lead = (f"{year}年全{unit}民政工作的总体要求是：坚持以人民为中心的发展思想，聚焦民生保障、基层治理和"
            f"基本社会服务，推动全{unit}民政事业高质量发展。现将{year}年工作要点印发如下。")
    guarantee = (f"加强组织领导，压实工作责任，各科室、各单位要对照本要点细化任务清单，"
                 f"每季度报送工作进展，确保{year}年各项任务落到实处。")
    month, day = rng.randint(1, 3), rng.randint(1, 28)
    return (f"{name}民政局{year}年工作要点\n\n{_SECTIONS[0]}\n{lead}\n{_SECTIONS[1]}\n{body}\n"
            f"{_SECTIONS[2]}\n{guarantee}\n\n{name}民政局\n{year}年{month}月{day}日\n")


def generate(n: int = 1000, on_topic: int = 300, seed: int = SEED) -> list[GeneratedDoc]:
    """``n`` work plans from ``n`` distinct places, ``on_topic`` of them (a seeded choice) on 殡葬改革."""
    if not 0 <= on_topic <= n:
        raise ValueError("on_topic must be between 0 and n")
    places = choose_places(n, seed)
    rng = random.Random(seed + 1)
    topical = set(rng.sample(range(n), on_topic))
    docs = []
    for i, (code, name, city) in enumerate(places):
        text = _document(name, i in topical, rng)
        docs.append(GeneratedDoc(f"{i:04d}_{code}.txt", name, "county" if city else "city", city, code,
                                 i in topical, text))
    return docs


def write(directory: Path, docs: list[GeneratedDoc]) -> dict[str, object]:
    """Write the documents and ``expected.json`` (the question and the on-topic places); return the latter."""
    directory.mkdir(parents=True, exist_ok=True)
    for d in docs:
        (directory / d.file).write_text(d.text, encoding="utf-8")
    expected = {"question": QUESTION, "topic": TOPIC, "documents": len(docs),
                "places": sorted(d.place for d in docs if d.on_topic)}
    (directory / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1), encoding="utf-8")
    return expected


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--on-topic", type=int, default=300)
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    try:
        expected = write(args.out, generate(args.n, args.on_topic, args.seed))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{args.n} documents, {len(expected['places'])} on {TOPIC} → {args.out}; ask: {QUESTION}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
