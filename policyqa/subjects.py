"""The subject a document's title names, without its place and its kind of document.

杭州市机动车驾驶员培训管理条例 → 机动车驾驶员培训; 北京市实施《中华人民共和国渔业法》办法 → 渔业;
山东省人民代表大会常务委员会关于加强网络安全的决定 → 加强网络安全. A title that is no regulation's
(2025年全市民政工作要点) keeps what is left of it.
"""

from __future__ import annotations

import re

from .models import Region
from .regions import short_name
from .textnorm import normalize

_LAW = re.compile(r"《(?:中华人民共和国)?(.+?)法?》")
_ABOUT = re.compile(r"关于(.+?)的?(决定|决议|规定|办法)$")
_KIND = re.compile(r"(的)?(管理)?(实施细则|实施办法|若干规定|条例|规定|办法|细则|规则|决定|决议)$")
_PLACE = re.compile(r"^(.{1,12}?(省|自治区|特别行政区|市|自治州|地区|盟|自治县|自治旗|县|旗|区|经济特区))+")


def title_subject(title: str | None, region: Region | None = None) -> str | None:
    """The subject ``title`` names (normalised, lower-case), or None when nothing is left of it."""
    if not title:
        return None
    text = normalize(title).lower()
    law = _LAW.search(text)
    if law:
        return law.group(1) or None
    about = _ABOUT.search(text)
    if about:
        text = about.group(1)
    else:
        text = _strip_place(text, region)
        text = _KIND.sub("", text)
    return text or None


def _strip_place(text: str, region: Region | None) -> str:
    """``text`` without the place it starts with: the region's own names first (浙江省, 杭州市, 杭州), else any
    leading run of names ending in an administrative suffix (深圳经济特区)."""
    names = [n for n in ((region.province, region.city, region.county) if region else ()) if n]
    names += [short for short in map(short_name, names) if short not in names]
    changed = True
    while changed:
        changed = False
        for name in sorted(names, key=len, reverse=True):
            if text.startswith(name.lower()) and len(text) > len(name):
                text = text[len(name):]
                changed = True
    if text.startswith("经济特区"):
        return text[len("经济特区"):]
    if not names:
        match = _PLACE.match(text)
        if match and len(text) > match.end():
            return text[match.end():]
    return text
