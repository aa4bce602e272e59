"""The sidebar's filter state and its evaluation against the repository (no widgets).

One ``FilterState`` → one ``FilterResult``: matching recommendation numbers (repository
``filter_numbers``), search hits, and facet counts over exactly that result (``facets``).
"""

# No `from __future__ import annotations` here: NamedTuple turns string annotations into compiled
# ForwardRefs, ~0.3 ms a class on the start-up path; real annotations cost nothing.

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import NamedTuple

from models.entities import Facets, SearchHit
from models.facets import BY_KEY as FACET_BY_KEY
from models.facets import FACETS
from models.repository import ContentError
from models.search import Query, parse_query
from models.vocabulary import RECOMMENDATIONS


class FilterState(NamedTuple):
    """The query, the chosen values of each facet (``models.facets``; only non-empty sets are
    kept) and the bookmarked-only switch. ``state.clusters`` etc. read one facet's values."""

    query: str = ""
    chosen: Mapping[str, frozenset] = MappingProxyType({})  # never changed in place: see toggled()
    bookmarked_only: bool = False

    def __getattr__(self, name: str) -> frozenset:
        if name in FACET_BY_KEY:
            return self.chosen.get(name, frozenset())
        raise AttributeError(name)

    def is_empty(self) -> bool:
        return not self.query.strip() and not self.has_facets()

    def has_facets(self) -> bool:
        return bool(self.chosen) or self.bookmarked_only

    def toggled(self, facet: str, value: object) -> "FilterState":
        """A copy with ``value`` added to / removed from a facet (``bookmarked``: the switch)."""
        if facet == "bookmarked":
            return self._replace(bookmarked_only=bool(value))
        if facet not in FACET_BY_KEY:
            raise KeyError(facet)
        chosen = dict(self.chosen)
        values = chosen.get(facet, frozenset()) ^ {value}
        if values:
            chosen[facet] = values
        else:
            chosen.pop(facet, None)
        return self._replace(chosen=chosen)

    def pairs(self) -> list[tuple[str, object]]:
        """Every chosen (facet, value), in facet order (what the filter chips show)."""
        out: list[tuple[str, object]] = []
        for facet in FACETS:
            out += [(facet.key, v) for v in sorted(self.chosen.get(facet.key, ()), key=str)]
        return out


def recommendation_number(query: str, total: int = RECOMMENDATIONS) -> int | None:
    """The number when the query names a recommendation ("45", "建议 45", "rec 45"), else None."""
    m = re.fullmatch(r"(?:建议|rec(?:ommendation)?\.?)?\s*(\d{1,3})", parse_query(query).text, re.IGNORECASE)
    n = int(m.group(1)) if m else 0
    return n if 1 <= n <= total else None


class FilterResult(NamedTuple):
    numbers: list[int]
    hits: list[SearchHit]
    facets: Facets
    bookmarked: int
    reviews: set[int] | None  # review recommendations to show (None: all)
    cover_hit: bool = False
    error: str = ""
    query: Query = Query()

    @property
    def terms(self) -> list[str]:
        """The query's terms: what the detail pane highlights."""
        return list(self.query.terms)


def evaluate(repo, state: FilterState, bookmarked: Callable[[], set[int]] = set) -> FilterResult:
    """Run the state against the repository; a content-database error is reported, not raised."""
    query = parse_query(state.query)
    marks = bookmarked()
    error = ""
    try:
        # One full-text search gives both the hits and the matching numbers (the repository's
        # filter_numbers would run the same search again): the facets then filter by number.
        hits = repo.search(query, limit=10_000) if query else []
        matching = {h.number for h in hits if h.kind == "recommendation"} if query else None
        named = recommendation_number(query.text)
        if named is not None and matching is not None:  # "45" offers recommendation 45 first
            matching.add(named)
            title = next((x.title for x in repo.summaries() if x.number == named), "")
            hits.insert(0, SearchHit("recommendation", named, "text", title, float("inf")))
        if state.bookmarked_only:
            matching = set(marks) if matching is None else matching & marks
        numbers = repo.filter_numbers(
            numbers=sorted(matching) if matching is not None else None,
            **{key: sorted(values, key=str) for key, values in state.chosen.items()},
        )
    except ContentError as exc:  # the database failed to answer: show nothing, say why
        numbers, hits, error = [], [], str(exc)
    facets = repo.facets(numbers)
    wanted = set(numbers)
    reviews: set[int] | None = None
    if query:
        reviews = {h.number for h in hits if h.kind == "review"}
    if state.has_facets():
        reviews = set()
    hits = [
        h
        for h in hits
        if (h.kind == "recommendation" and h.number in wanted)
        or (h.kind == "review" and reviews is not None and h.number in reviews)
        or (h.kind == "cover" and not state.has_facets())
    ]
    return FilterResult(
        numbers=list(numbers),
        hits=hits,
        facets=facets,
        bookmarked=len(wanted & marks),
        reviews=reviews,
        cover_hit=any(h.kind == "cover" for h in hits),
        error=error,
        query=query,
    )
