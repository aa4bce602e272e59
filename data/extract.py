"""Stage 5: derived indexes, extracted by rule from the finished text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from data.gazetteer import Place, find_places
from models.vocabulary import RECOMMENDATIONS

#: "建议 16", "建议 7和 22", "建议 19、30和 31" (after space normalisation: "建议7和22").
XREF = re.compile(r"建议 ?(\d{1,2}(?: ?[、和及与,，] ?\d{1,2})*)")
#: Mentions that are not Development Agenda recommendations.
XREF_EXCLUDED_BEFORE = ("独立审查", "审查")
SYMBOL_PREFIXES = r"(?:WO/PBC|WO/GA|WO/CC|WIPO/ACE|WIPO/GRTKF/IC|PCT/WG|CDIP|SCCR|SCP|SCT|A)"
DOC_SYMBOL = re.compile(
    rf"(?<![A-Za-z/])({SYMBOL_PREFIXES}) ?/ ?(\d+)((?:/(?:INF|PRE|REF))?(?:/\d+)+)"
    r"(?: ?(Rev|REV|Corr)\.?(\d*))?"
)
#: "CDIP10/9" (a typo in the source for CDIP/10/9).
DOC_SYMBOL_TYPO = re.compile(r"(?<![A-Za-z/])(CDIP)(\d+)(/\d+)")
#: Annex II: "项目提案<title>。该项目旨在落实发展议程建议 10、23、31和 36。"
PROJECT = re.compile(r"提交了项目(?:第二阶段)?提案(.+?)。该项目旨在落实发展议程建议([\d、和 ]+)。")


@dataclass(frozen=True)
class Project:
    title: str
    proposers: str
    recommendations: tuple[int, ...]
    status: str


def cross_references(text: str, own: set[int]) -> list[int]:
    """Recommendations referred to in ``text``, excluding the entry's own numbers."""
    out: list[int] = []
    for m in XREF.finditer(text):
        before = text[max(0, m.start() - 4) : m.start()]
        if any(before.endswith(word) for word in XREF_EXCLUDED_BEFORE) or text[m.end() : m.end() + 1] == "集":
            continue
        for number in map(int, re.findall(r"\d+", m.group(1))):
            if 1 <= number <= RECOMMENDATIONS and number not in own and number not in out:
                out.append(number)
    return out


def document_symbols(text: str) -> list[str]:
    """Cited document symbols, normalised (``CDIP/18/6Rev.`` → ``CDIP/18/6 Rev.``)."""
    text = DOC_SYMBOL_TYPO.sub(r"\1/\2\3", text)
    out: list[str] = []
    for m in DOC_SYMBOL.finditer(text):
        if m.group(1) == "A" and not m.group(3).count("/") >= 1:
            continue
        symbol = f"{m.group(1)}/{m.group(2)}{m.group(3)}"
        if m.group(4):
            symbol += f" {m.group(4).capitalize()}.{m.group(5)}"
        if symbol not in out:
            out.append(symbol)
    return out


def places(text: str) -> list[Place]:
    return find_places(text)


def projects(progress_text: str) -> list[Project]:
    """DA project proposals listed in Annex II with the recommendations they implement."""
    out: list[Project] = []
    for sentence in re.split(r"(?<=提案。)|\n", progress_text):
        for m in PROJECT.finditer(sentence):
            proposers = sentence[: m.start()].split("•")[-1].strip(" -")
            numbers = tuple(int(n) for n in re.findall(r"\d+", m.group(2)))
            tail = sentence[m.end() : m.end() + 40]
            status = "批准" if "批准" in tail else ("待审议" if "审议" in tail else "")
            out.append(Project(m.group(1), proposers, numbers, status))
    return out
