"""Countries and regional groups mentioned in the text.

Names start from the Simplified-Chinese translations of ISO 3166-1 shipped with pycountry
(iso-codes project), plus documented aliases for the UN-style names this report uses and for
regional groups. Matching is longest-first and skips language names (``立陶宛语``) and the
``中国`` inside ``发展中国家``.
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from functools import cache

import pycountry

#: UN-style names used in WIPO's Chinese documents that differ from the iso-codes translation.
ALIASES: dict[str, str] = {
    "联合王国": "GB",
    "玻利维亚多民族国": "BO",
    "坦桑尼亚联合共和国": "TZ",
    "俄罗斯联邦": "RU",
    "美利坚合众国": "US",
    "阿拉伯联合酋长国": "AE",
    "文莱达鲁萨兰国": "BN",
    "捷克共和国": "CZ",
    "埃斯瓦提尼": "SZ",
    "土耳其": "TR",
    "越南": "VN",
    "委内瑞拉玻利瓦尔共和国": "VE",
    "印尼": "ID",
    "孟加拉国": "BD",
}

#: Regional groups and organizations of states (code, Chinese names).
GROUPS: dict[str, tuple[str, ...]] = {
    "G-ASEAN": ("东南亚国家联盟", "东盟"),
    "G-CAN": ("安第斯共同体",),
    "G-ARIPO": ("非洲地区知识产权组织",),
    "G-OAPI": ("非洲知识产权组织",),
    "G-EAPO": ("欧亚专利组织",),
    "G-PA": ("太平洋联盟",),
    "G-SADC": ("南部非洲发展共同体",),
    "G-LAS": ("阿拉伯国家联盟",),
    "G-ALADI": ("拉丁美洲一体化协会",),
}
GROUP_NAMES_EN: dict[str, str] = {
    "G-ASEAN": "ASEAN",
    "G-CAN": "Andean Community",
    "G-ARIPO": "ARIPO",
    "G-OAPI": "OAPI",
    "G-EAPO": "EAPO",
    "G-PA": "Pacific Alliance",
    "G-SADC": "SADC",
    "G-LAS": "League of Arab States",
    "G-ALADI": "ALADI",
}
#: A country name directly followed by one of these is a language or script, not the country.
NOT_A_COUNTRY_AFTER = ("语", "文")


@dataclass(frozen=True)
class Place:
    code: str  # ISO 3166-1 alpha-2, or "G-…" for a group
    name: str  # canonical Chinese name
    name_en: str
    kind: str  # "country" | "group"


@cache
def places() -> dict[str, Place]:
    """Every matchable Chinese name -> Place."""
    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    by_code: dict[str, Place] = {}
    names: dict[str, Place] = {}
    for country in pycountry.countries:
        english = getattr(country, "common_name", None) or country.name
        place = Place(country.alpha_2, zh.gettext(country.name), english, "country")
        by_code[country.alpha_2] = place
        names[place.name] = place
    for alias, code in ALIASES.items():
        canonical = by_code[code]
        names[alias] = Place(code, alias if code != "ID" else canonical.name, canonical.name_en, "country")
    for code, group_names in GROUPS.items():
        place = Place(
            code, group_names[-1] if code == "G-ASEAN" else group_names[0], GROUP_NAMES_EN[code], "group"
        )
        for name in group_names:
            names[name] = place
    # Prefer the report's UN-style name as the canonical one where it has an alias.
    canonical_by_code = {code: alias for alias, code in ALIASES.items() if code != "ID"}
    for name, place in list(names.items()):
        if place.code in canonical_by_code:
            names[name] = Place(place.code, canonical_by_code[place.code], place.name_en, place.kind)
    return names


@cache
def _pattern() -> re.Pattern[str]:
    alternatives = sorted(places(), key=len, reverse=True)
    return re.compile("|".join(re.escape(name) for name in alternatives))


def find_places(text: str) -> list[Place]:
    """Places mentioned in ``text``, in order of first mention, without duplicates."""
    found: dict[str, Place] = {}
    for m in _pattern().finditer(text):
        after = text[m.end() : m.end() + 1]
        if after and after in NOT_A_COUNTRY_AFTER:
            continue
        if m.group(0) == "中国" and (after == "家" or text[max(0, m.start() - 2) : m.start()] == "发展"):
            continue
        place = places()[m.group(0)]
        found.setdefault(place.code, place)
    return list(found.values())
