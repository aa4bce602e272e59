"""The sidebar's filter state and its evaluation against the repository (no widgets).

One ``FilterState`` → one ``FilterResult``: matching recommendation numbers (repository
``filter_numbers``), search hits, and facet counts over exactly that result (``facets``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from models.entities import Facets, SearchHit

MAX_QUERY = 256  # longer input is cut: nobody types more, and it keeps every keystroke cheap


def clean_query(text: str) -> str:
    """Drop control characters (NUL…) and cap the length; keep everything else verbatim."""
    text = "".join(ch if ch.isprintable() or ch == " " else " " for ch in text[: MAX_QUERY * 4])
    return " ".join(text.split())[:MAX_QUERY]


def query_terms(text: str) -> list[str]:
    """Whitespace-separated terms (all must match), for highlighting."""
    return [t for t in clean_query(text).split(" ") if t]


@dataclass(frozen=True)
class FilterState:
    query: str = ""
    clusters: frozenset[str] = frozenset()
    sectors: frozenset[str] = frozenset()
    immediate: bool | None = None
    bookmarked_only: bool = False
    countries: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()

    def is_empty(self) -> bool:
        return self == FilterState()

    def has_facets(self) -> bool:
        return replace(self, query="") != FilterState()

    def toggled(self, facet: str, value: object) -> FilterState:
        """A copy with ``value`` added to / removed from a set facet (or set for scalars)."""
        if facet == "immediate":
            return replace(self, immediate=None if self.immediate == value else bool(value))
        if facet == "bookmarked":
            return replace(self, bookmarked_only=bool(value))
        current: frozenset = getattr(self, facet)
        return replace(self, **{facet: current ^ {value}})


@dataclass
class FilterResult:
    numbers: list[int]
    hits: list[SearchHit]
    facets: Facets
    bookmarked: int
    reviews: set[int] | None  # review recommendations to show (None: all)
    cover_hit: bool = False
    error: str = ""
    terms: list[str] = field(default_factory=list)


def evaluate(repo, state: FilterState, bookmarked: Callable[[], set[int]] = set) -> FilterResult:
    """Run the state against the repository; never raises on user input."""
    query = clean_query(state.query)
    marks = bookmarked()
    error = ""
    try:
        # One full-text search gives both the hits and the matching numbers (the repository's
        # filter_numbers would run the same search again): the facets then filter by number.
        hits = repo.search(query, limit=10_000) if query else []
        matching = {h.number for h in hits if h.kind == "recommendation"} if query else None
        if state.bookmarked_only:
            matching = set(marks) if matching is None else matching & marks
        numbers = repo.filter_numbers(
            clusters=sorted(state.clusters),
            sectors=sorted(state.sectors),
            immediate=state.immediate,
            countries=sorted(state.countries),
            documents=sorted(state.documents),
            numbers=sorted(matching) if matching is not None else None,
        )
    except Exception as exc:  # the repository rejects odd input: show nothing, say why
        numbers, hits, error = [], [], str(exc) or exc.__class__.__name__
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
        terms=query_terms(query),
    )
