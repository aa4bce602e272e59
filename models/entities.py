"""Plain, immutable value objects shared by the repository, item models, widgets and printing.

Text fields hold Markdown (see docs/schema.md); footnote references are written as
``[^N]`` and resolved against the owning entry's ``footnotes``.

They are ``NamedTuple``s, not frozen dataclasses: as immutable and comparable, and cheap to define
(a frozen dataclass costs ~1.5 ms to define on Python 3.11, and these are on the start-up path).
``entry._asdict()`` gives the fields as a dict (nested footnotes stay ``Footnote``s).
"""

# No `from __future__ import annotations` here: NamedTuple turns string annotations into compiled
# ForwardRefs, ~0.3 ms a class on the start-up path; real annotations cost nothing.

from collections.abc import Callable
from typing import NamedTuple

from models.vocabulary import SECTIONS  # noqa: F401  (section keys in display order; re-exported)


class Document(NamedTuple):
    """One edition of the report: a document symbol in one language."""

    symbol: str  # "CDIP/33/2"
    language: str  # "zh"
    date: str  # ISO date, "2024-10-11"
    title: str
    period: str  # "2023年7月至2024年7月"
    sha256: str  # of the source text the database was built from


class Footnote(NamedTuple):
    number: int
    text: str  # Markdown


class Cluster(NamedTuple):
    id: str  # "A".."F"
    title: str
    numbers: tuple[int, ...]


class ImmediateMarks(NamedTuple):
    """Immediate-implementation marks (★) in this edition against the total the report states."""

    total: int  # 19: what CDIP/33/2 says (15, 21, 44 "and the other 16")
    total_source: str  # where the report says so
    printed: tuple[int, ...]  # asterisk printed in the source text
    curated: tuple[int, ...]  # added from a cited public list (data/curated.py)

    @property
    def marked(self) -> int:
        return len(self.printed) + len(self.curated)


class RecommendationSummary(NamedTuple):
    """What the tree, facets and lists need: no long text."""

    number: int
    cluster: str
    immediate: bool
    immediate_source: str | None  # "source" (mark printed in CDIP/33/2), "curated", None
    title: str  # short title: first clause of the recommendation text
    reported_with: tuple[int, ...]  # joint-report partners, excluding itself
    sectors: tuple[str, ...]


class Recommendation(NamedTuple):
    number: int
    cluster: str
    immediate: bool
    immediate_source: str | None
    text: str
    reported_with: tuple[int, ...]
    sectors: tuple[str, ...]
    implementation: str
    highlights: tuple[str, ...]
    activities: str
    footnotes: tuple[Footnote, ...] = ()
    links: tuple[str, ...] = ()
    see_also: tuple[int, ...] = ()  # recommendations this entry refers to
    documents: tuple[str, ...] = ()  # cited document symbols
    countries: tuple[str, ...] = ()  # Chinese names of countries / groups mentioned
    cited_by: tuple[int, ...] = ()  # recommendations that refer to this one
    projects: tuple[str, ...] = ()  # DA projects (Annex II) said to implement it

    @property
    def title(self) -> str:
        return short_title(self.text)


class ReviewRecommendation(NamedTuple):
    """Annex II: a recommendation of the independent review."""

    number: int
    addressees: tuple[str, ...]  # e.g. ("成员国", "CDIP", "秘书处")
    text: str
    progress: str
    footnotes: tuple[Footnote, ...] = ()

    @property
    def title(self) -> str:
        return short_title(self.text)


class SearchHit:
    """One matching section of an entry. The snippet (plain text, matches wrapped in \x02 ... \x03) may
    be given as a function, called when it is first read: a broad query has ~200 hits, the list shows ~20."""

    __slots__ = ("kind", "number", "section", "score", "_snippet")

    def __init__(
        self, kind: str, number: int, section: str, snippet: str | Callable[[], str], score: float = 0.0
    ) -> None:
        self.kind = kind  # "recommendation" | "review" | "cover"
        self.number = number  # 0 for the cover note
        self.section = section  # one of SECTIONS
        self.score = score
        self._snippet = snippet

    @property
    def snippet(self) -> str:
        if not isinstance(self._snippet, str):
            self._snippet = self._snippet()
        return self._snippet

    def __repr__(self) -> str:
        return f"SearchHit({self.kind!r}, {self.number}, {self.section!r}, {self.snippet!r}, {self.score})"


class Facets(dict):
    """Counts over the recommendations currently matching, per facet key (``models.facets``):
    ``{"clusters": {"A": 7, …}, "immediate": {True: 8, False: 37}, …}``."""


def short_title(text: str, limit: int = 28) -> str:
    """A short label for trees and lists: the first sentence or clause, else a truncated start."""
    plain = " ".join(text.replace("\\", "").split()).lstrip("#>*- ").strip()
    for stops, minimum in (("。；", 4), ("，：", 12)):
        cut = next((i for i, ch in enumerate(plain) if ch in stops and i >= minimum), None)
        if cut is not None and cut <= limit:
            return plain[:cut]
    return plain[:limit] + ("…" if len(plain) > limit else "")
