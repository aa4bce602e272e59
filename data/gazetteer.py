"""Countries and regional groups mentioned in the text.

Names start from the Simplified-Chinese translations of ISO 3166-1 shipped with pycountry
(iso-codes project), plus documented aliases for the UN-style names this report uses and for
regional groups. Matching is longest-first; each candidate mention that is not the country (a
language, a language edition, the ``中国`` inside ``发展中国家``) is dropped by one named RULE,
and the import report lists every dropped mention with its source line for review.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Iterable
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


# --- rules: a candidate mention that names something else ---------------------------------------
@dataclass(frozen=True)
class Rule:
    key: str
    reason: str
    applies: Callable[[str, int, int], bool]  # (text, start, end of the name)


def _language(text: str, start: int, end: int) -> bool:
    return text.startswith("语", end) and not text.startswith("语境", end)  # 中国语境: the Chinese context


#: 文 then one of these: an edition, text, document, draft or script in that language.
EDITION_AFTER = "版本件稿字"
LIST_JOINERS = "、，和及与或"


def _edition(text: str, start: int, end: int) -> bool:
    return text.startswith("文", end) and text[end + 1 : end + 2] in tuple(EDITION_AFTER)


def _language_list(text: str, start: int, end: int) -> bool:
    """英文、法文和西班牙文提供: 文 right after another language and a joiner, or before a joiner."""
    if not text.startswith("文", end):
        return False
    before = text[max(0, start - 2) : start]
    return (len(before) == 2 and before[0] in "文语" and before[1] in LIST_JOINERS) or (
        text[end + 1 : end + 2] in tuple(LIST_JOINERS)
    )


def _developing(text: str, start: int, end: int) -> bool:
    return text[start:end] == "中国" and text[max(0, start - 2) : start] == "发展" and text.startswith("家", end)


RULES: tuple[Rule, ...] = (
    Rule("language", "X语 is a language (立陶宛语), not X语境", _language),
    Rule("edition", f"X文 + one of {EDITION_AFTER}: a language edition or document (西班牙文版)", _edition),
    Rule("language-list", "X文 in a list of languages (英文、法文和西班牙文)", _language_list),
    Rule("developing", "中国 in 发展中国家 (developing countries)", _developing),
)


@dataclass(frozen=True)
class Mention:
    place: Place
    name: str
    start: int
    end: int
    dropped_by: Rule | None  # None: the place is indexed


def mentions(text: str) -> list[Mention]:
    """Every candidate mention in ``text`` (longest name first), with the rule that drops it, if any."""
    out: list[Mention] = []
    for m in _pattern().finditer(text):
        rule = next((r for r in RULES if r.applies(text, m.start(), m.end())), None)
        out.append(Mention(places()[m.group(0)], m.group(0), m.start(), m.end(), rule))
    return out


def find_places(text: str) -> list[Place]:
    """Places mentioned in ``text``, in order of first mention, without duplicates."""
    found: dict[str, Place] = {}
    for mention in mentions(text):
        if mention.dropped_by is None:
            found.setdefault(mention.place.code, mention.place)
    return list(found.values())


def dropped_mentions(texts: Iterable[str], source: str) -> list[tuple[int, str, str, str]]:
    """(source line, rule key, name, context) for each mention a rule dropped, once per source line."""
    squashed, lines = [], []
    for number, line in enumerate(source.split("\n"), start=1):
        for ch in line:
            if not ch.isspace():
                squashed.append(ch)
                lines.append(number)
    flat = "".join(squashed)
    out: dict[tuple[int, str, str], str] = {}
    for text in texts:
        for mention in mentions(text):
            if mention.dropped_by is None:
                continue
            context = text[max(0, mention.start - 6) : mention.end + 4]
            out.setdefault((_line_of(flat, lines, text, mention), mention.dropped_by.key, mention.name),
                           re.sub(r"\s+", " ", context))
    return [(line, key, name, context) for (line, key, name), context in sorted(out.items())]


def _line_of(flat: str, lines: list[int], text: str, mention: Mention) -> int:
    """The source line of ``mention``: its longest surrounding context found in the source (0: not found)."""
    for before, after in ((6, 3), (3, 2), (0, 1), (0, 0)):
        needle = re.sub(r"\s+", "", text[max(0, mention.start - before) : mention.end + after])
        at = flat.find(needle)
        if at >= 0:
            return lines[at + len(re.sub(r"\s+", "", text[max(0, mention.start - before) : mention.start]))]
    return 0
