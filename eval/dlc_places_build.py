"""Build eval/dlc_places.jsonl: "which places" questions over the DLC regulations with objective answers.

    python eval/dlc_places_build.py            # rewrites eval/dlc_places.jsonl (deterministic)
    python eval/dlc_places_build.py --check    # exit 1 if the file is not what the rules give

Expected places are computed here, by rule, never picked by hand:

* A regulation is **on a topic by its title** when its title matches the topic's title pattern
  (养犬 → 杭州市养犬管理条例, 青岛市养犬管理规定).
* A regulation **addresses a topic at length in its text** when a chapter/section heading matches the
  topic's text pattern, or at least ``MIN_ARTICLES`` of its articles (第X条 … up to the next 第Y条) do.
  3 was fixed before looking at any answer of the system: one article is a passing mention (a
  文明行为促进条例 names 犬 once), three are a set of rules on the subject.
* A question with rule ``title`` (哪些城市出台了养犬管理条例) expects the places of the title matches; a
  question with rule ``text`` (哪些地方对养犬管理作出规定) expects the places of title ∪ text matches.
  Topics marked ``text_only`` have no (or almost no) regulation named after them: there the answer must
  come from the articles.

Where a regulation is from is ``dlc_corpus.expected_region`` (the adopting organ, else the title). How
a regulation counts at each level asked:

* ``province`` (哪些省份): the province of every matching regulation, its own or one of its cities' or
  counties' (issue 10: 哪些省份 lists provinces, each with the cities/counties whose documents are the
  evidence). 北京/上海/重庆 are province-level cities and count as provinces.
* ``city`` (哪些城市/哪些市): the city of a city's or a county's regulation (a county's counts for its
  city); a province's own regulation does not make its cities count (they did not adopt it). The
  province-level cities 北京/上海/重庆 count as cities for their own regulations and their counties'.
* ``county`` (哪些县/区县): counties with a regulation of their own.
* ``place`` (哪些地方/地区): the place of each regulation as it is, province, city or county.

A scope (浙江省哪些城市…) keeps only regulations from within it. The split is by topic: the topics are
shuffled with a fixed seed and the first half is ``tune``, the rest ``report``, so that no topic (and no
title pattern) is in both.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import dlc_corpus  # noqa: E402

OUT = Path(__file__).resolve().parent / "dlc_places.jsonl"
MIN_ARTICLES = 3
SPLIT_SEED = 20261127
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇]+条", re.M)


@dataclass(frozen=True)
class Topic:
    """A subject: the title pattern, and the pattern an article or heading must match to address it."""

    id: str
    title: str | None
    text: str | None = None
    text_only: bool = False


TOPICS = [
    Topic("养犬", r"养犬", r"养犬|犬只"),
    Topic("文明行为", r"文明行为"),
    Topic("大气污染", r"大气污染防治", r"大气污染"),
    Topic("绿化", r"绿化"),
    Topic("市容环卫", r"市容|环境卫生"),
    Topic("营商环境", r"营商环境", r"营商环境"),
    Topic("燃气", r"燃气", r"燃气"),
    Topic("湿地", r"湿地", r"湿地"),
    Topic("供热", r"供热", r"供热"),
    Topic("节约用水", r"节约用水|节水", r"节约用水|节水"),
    Topic("电梯", r"电梯", r"电梯"),
    Topic("户外广告", r"户外广告", r"户外广告"),
    Topic("扬尘", r"扬尘", r"扬尘"),
    Topic("古树名木", r"古树名木", r"古树名木"),
    Topic("控烟", r"吸烟|控烟", r"吸烟|控烟"),
    Topic("见义勇为", r"见义勇为", r"见义勇为"),
    Topic("学前教育", r"学前教育", r"学前教育"),
    Topic("禁毒", r"禁毒", r"禁毒|毒品"),
    Topic("森林防火", r"森林防火", r"森林防火|森林火灾"),
    Topic("历史文化名城", r"历史文化名城", r"历史文化名城|历史文化街区"),
    Topic("旅游", r"旅游"),
    Topic("水资源", r"水资源", r"水资源"),
    Topic("城市管理", r"城市管理|城镇管理|城乡建设管理"),
    Topic("物业管理", None, r"物业管理", text_only=True),
    Topic("志愿服务", None, r"志愿服务|志愿者", text_only=True),
    Topic("电动自行车", r"电动自行车", r"电动自行车", text_only=True),
    Topic("地下水", r"地下水", r"地下水", text_only=True),
    Topic("残疾人", None, r"残疾人", text_only=True),
]


@dataclass(frozen=True)
class Question:
    """A question as a user would ask it, with the topic, level, scope and rule its answer follows."""

    topic: str
    query: str
    level: str
    rule: str
    scope: str | None = None


Q = Question
# Worded the way users ask, frames varied on purpose; the level is what the question asks for.
QUESTIONS: list[Question] = [
    Q("养犬", "哪些城市出台了养犬管理条例", "city", "title"),
    Q("养犬", "哪些地方对养犬管理作出规定", "place", "text"),
    Q("养犬", "浙江省哪些城市制定了养犬管理的法规", "city", "title", "浙江省"),
    Q("养犬", "哪些省份有养犬管理方面的地方性法规", "province", "title"),
    Q("文明行为", "哪些城市制定了文明行为促进条例", "city", "title"),
    Q("文明行为", "山东有哪些市出台了文明行为促进条例", "city", "title", "山东省"),
    Q("大气污染", "哪些地方出台了大气污染防治条例", "place", "title"),
    Q("大气污染", "河南省哪些城市对大气污染防治作出了规定", "city", "text", "河南省"),
    Q("绿化", "哪些城市有城市绿化条例", "city", "title"),
    Q("绿化", "浙江哪些市制定了绿化方面的条例", "city", "title", "浙江省"),
    Q("市容环卫", "哪些城市出台了市容和环境卫生管理条例", "city", "title"),
    Q("市容环卫", "河南有哪些城市制定了市容环境卫生方面的法规", "city", "title", "河南省"),
    Q("营商环境", "哪些地方制定了优化营商环境条例", "place", "title"),
    Q("营商环境", "哪些城市出台了优化营商环境的地方性法规", "city", "title"),
    Q("燃气", "哪些城市出台了燃气管理条例", "city", "title"),
    Q("燃气", "哪些地方对燃气安全管理作出规定", "place", "text"),
    Q("湿地", "哪些地方制定了湿地保护条例", "place", "title"),
    Q("湿地", "山东哪些城市的法规对湿地保护作出了规定", "city", "text", "山东省"),
    Q("供热", "哪些城市出台了供热条例", "city", "title"),
    Q("供热", "哪些省份有关于城市供热的地方性法规", "province", "title"),
    Q("节约用水", "哪些城市制定了节约用水条例", "city", "title"),
    Q("节约用水", "哪些省份有节约用水方面的法规", "province", "title"),
    Q("电梯", "哪些城市出台了电梯安全管理条例", "city", "title"),
    Q("电梯", "哪些地方对电梯安全作出规定", "place", "text"),
    Q("户外广告", "哪些城市制定了户外广告设置管理条例", "city", "title"),
    Q("户外广告", "哪些地方的法规对户外广告设置作出了规定", "place", "text"),
    Q("户外广告", "哪些省份有户外广告管理的法规", "province", "title"),
    Q("扬尘", "哪些城市出台了扬尘污染防治条例", "city", "title"),
    Q("扬尘", "哪些省份有扬尘污染防治方面的法规", "province", "title"),
    Q("扬尘", "河南省哪些城市对扬尘污染防治作出规定", "city", "text", "河南省"),
    Q("古树名木", "哪些城市出台了古树名木保护条例", "city", "title"),
    Q("古树名木", "哪些地方对古树名木保护作出规定", "place", "text"),
    Q("控烟", "哪些城市出台了控制吸烟条例", "city", "title"),
    Q("控烟", "哪些地方对公共场所吸烟作出规定", "place", "text"),
    Q("见义勇为", "哪些地方制定了见义勇为人员奖励和保护条例", "place", "title"),
    Q("见义勇为", "哪些省份有保护见义勇为人员的法规", "province", "title"),
    Q("学前教育", "哪些地方出台了学前教育条例", "place", "title"),
    Q("学前教育", "哪些城市对学前教育作出规定", "city", "text"),
    Q("禁毒", "哪些省份制定了禁毒条例", "province", "title"),
    Q("禁毒", "哪些地方的法规对禁毒工作作出规定", "place", "text"),
    Q("森林防火", "哪些地方出台了森林防火条例", "place", "title"),
    Q("森林防火", "哪些城市对森林防火作出规定", "city", "text"),
    Q("历史文化名城", "哪些城市制定了历史文化名城保护条例", "city", "title"),
    Q("历史文化名城", "浙江省哪些城市对历史文化街区保护作出规定", "city", "text", "浙江省"),
    Q("历史文化名城", "哪些省份出台过历史文化名城保护方面的法规", "province", "title"),
    Q("旅游", "哪些城市出台了旅游条例", "city", "title"),
    Q("旅游", "哪些县制定了旅游条例", "county", "title"),
    Q("水资源", "哪些地方出台了水资源管理条例", "place", "title"),
    Q("水资源", "哪些自治县对水资源管理作出规定", "county", "text"),
    Q("城市管理", "哪些县出台了城市管理方面的条例", "county", "title"),
    Q("城市管理", "哪些城市制定了城市管理条例", "city", "title"),
    Q("城市管理", "重庆哪些区县制定了城镇管理的条例", "county", "title", "重庆市"),
    Q("物业管理", "哪些地方对物业管理作出了规定", "place", "text"),
    Q("物业管理", "哪些县区的法规涉及物业管理", "county", "text"),
    Q("志愿服务", "哪些城市的法规对志愿服务作出规定", "city", "text"),
    Q("志愿服务", "广东省哪些城市鼓励志愿服务", "city", "text", "广东省"),
    Q("电动自行车", "哪些地方对电动自行车管理作出规定", "place", "text"),
    Q("电动自行车", "浙江哪些城市对电动自行车作出了规定", "city", "text", "浙江省"),
    Q("地下水", "哪些城市对地下水保护作出规定", "city", "text"),
    Q("地下水", "哪些区县的法规涉及地下水", "county", "text"),
    Q("残疾人", "哪些地方的法规对残疾人作出专门规定", "place", "text"),
    Q("残疾人", "浙江省哪些城市的法规保障残疾人", "city", "text", "浙江省"),
]


def _articles(text: str) -> list[str]:
    body = text.split("<!-- INFO END -->")[-1]
    starts = [m.start() for m in _ARTICLE.finditer(body)]
    return [body[a:b] for a, b in zip(starts, starts[1:] + [len(body)])]


def _headings(text: str) -> list[str]:
    body = text.split("<!-- INFO END -->")[-1]
    return [line for line in body.splitlines() if line.startswith("#")]


@dataclass(frozen=True)
class Regulation:
    """What the rules read of a regulation: its title, chapter/section headings and articles, and its place."""

    title: str
    headings: tuple[str, ...]
    articles: tuple[str, ...]
    place: dlc_corpus.Place

    @classmethod
    def of(cls, rec: dict[str, Any]) -> "Regulation":
        return cls(rec["title"], tuple(_headings(rec["text"])), tuple(_articles(rec["text"])),
                   dlc_corpus.expected_region(rec)[0])


def matches(reg: Regulation, topic: Topic) -> tuple[bool, bool]:
    """(on the topic by its title, addresses it at length in its text)."""
    by_title = bool(topic.title and re.search(topic.title, reg.title))
    if topic.text is None:
        return by_title, False
    pat = re.compile(topic.text)
    by_text = any(pat.search(h) for h in reg.headings) or \
        sum(1 for a in reg.articles if pat.search(a)) >= MIN_ARTICLES
    return by_title, by_text


def place_at(place: dlc_corpus.Place, level: str) -> str | None:
    """The name a regulation from ``place`` counts as when ``level`` is asked (None: it does not count)."""
    if level == "province":
        return place.province
    if level == "city":
        if place.city:
            return place.city
        return place.province if place.province in dlc_corpus.MUNICIPALITIES else None
    if level == "county":
        return place.county
    return place.name


def in_scope(place: dlc_corpus.Place, scope: str | None) -> bool:
    return scope is None or scope in (place.province, place.city, place.county)


def expected(question: Question, hits: list[tuple[dlc_corpus.Place, bool, bool, str]]) -> tuple[list[str], list[str]]:
    """Expected places (sorted) and the titles that are their evidence."""
    names, titles = set(), []
    for place, by_title, by_text, title in hits:
        if not (by_title or (question.rule == "text" and by_text)) or not in_scope(place, question.scope):
            continue
        name = place_at(place, question.level)
        if name:
            names.add(name)
            titles.append(title)
    return sorted(names), sorted(titles)


def split_of_topics(topics: list[Topic]) -> dict[str, str]:
    """First half of a seeded shuffle of the topics → tune, the rest → report."""
    ids = sorted(t.id for t in topics)
    random.Random(SPLIT_SEED).shuffle(ids)
    half = (len(ids) + 1) // 2
    return {t: ("tune" if i < half else "report") for i, t in enumerate(ids)}


def build(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One labelled line per question in QUESTIONS."""
    topics = {t.id: t for t in TOPICS}
    split = split_of_topics(TOPICS)
    regulations = [Regulation.of(rec) for rec in records]
    by_topic: dict[str, list[tuple[dlc_corpus.Place, bool, bool, str]]] = {}
    out = []
    counters: dict[str, int] = {}
    for q in QUESTIONS:
        topic = topics[q.topic]
        if q.topic not in by_topic:
            by_topic[q.topic] = [(reg.place, *matches(reg, topic), reg.title) for reg in regulations]
        hits = by_topic[q.topic]
        places, titles = expected(q, hits)
        counters[q.topic] = counters.get(q.topic, 0) + 1
        out.append({"id": f"dlc-{q.topic}-{counters[q.topic]}", "query": q.query, "level": q.level,
                    "scope": q.scope, "places": places, "split": split[q.topic], "topic": q.topic,
                    "rule": q.rule, "title_pattern": topic.title, "text_pattern": topic.text,
                    "min_articles": MIN_ARTICLES if q.rule == "text" else None, "evidence": titles})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", type=Path, default=dlc_corpus.SOURCE, help="regulations.jsonl")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="only compare with the existing file")
    args = ap.parse_args(argv)
    if not args.source.is_file():
        print(f"error: {args.source} not found; give --source path/to/regulations.jsonl", file=sys.stderr)
        return 2
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in build(dlc_corpus.load_regulations(args.source)))
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="utf-8") == lines
        print(f"{args.out}: {'up to date' if same else 'differs from the rules: rebuild it'}")
        return 0 if same else 1
    dlc_corpus._write_atomic(args.out, lines.encode("utf-8"))
    print(f"{len(QUESTIONS)} questions → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
