"""Query parsing, scoring and snippets for full-text search (no SQL here; see repository).

Any input is safe: control characters (NUL included) are dropped, the query is capped in
length and number of terms, and each term is passed to FTS5 as one quoted phrase, so FTS
syntax (``"``, ``AND``, ``(``, ``*``, ``:``, ``-``) is searched for literally.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_QUERY_CHARS = 200
MAX_TERMS = 8
HIT_START, HIT_END = "\x02", "\x03"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SPLIT = re.compile(r"[\s\u3000]+")


@dataclass(frozen=True)
class Query:
    terms: tuple[str, ...]
    folded: tuple[str, ...] = ()  # the terms case-folded, as matched against case-folded text

    def __post_init__(self) -> None:
        if not self.folded:
            object.__setattr__(self, "folded", tuple(t.casefold() for t in self.terms))

    @staticmethod
    def fts_phrase(term: str) -> str:
        return '"' + term.replace('"', '""') + '"'

    def terms_in(self, folded_body: str) -> set[str]:
        """The (folded) terms that occur in an already case-folded text."""
        return {t for t in self.folded if t in folded_body}

    def score(self, folded_body: str, present: set[str]) -> float:
        """10 per distinct term present, plus one per occurrence."""
        return len(present) * 10.0 + sum(folded_body.count(t) for t in present)

    def highlighter(self) -> re.Pattern[str]:
        """One pattern matching every term (longest first, any case), for snippets."""
        return re.compile(
            "|".join(re.escape(t) for t in sorted(self.terms, key=len, reverse=True)), re.IGNORECASE
        )


def parse_query(text: str) -> Query:
    """Whitespace-separated terms (all must match); duplicates and empties removed."""
    cleaned = _CONTROL.sub(" ", text or "")[:MAX_QUERY_CHARS]
    terms: list[str] = []
    for term in _SPLIT.split(cleaned):
        term = term.strip()
        if term and term.casefold() not in (t.casefold() for t in terms):
            terms.append(term)
    return Query(tuple(terms[:MAX_TERMS]))


def snippet(
    body: str, folded: str, terms: tuple[str, ...], mark: re.Pattern[str] | None = None, width: int = 36
) -> str:
    """A window of ``body`` around the first match, every match wrapped in HIT_START/HIT_END.
    ``folded`` is ``body.casefold()``, which the caller already has."""
    positions = [folded.find(t.casefold()) for t in terms]
    first = min((p for p in positions if p >= 0), default=0)
    start = max(0, first - width // 2)
    end = min(len(body), first + width * 2)
    window = body[start:end].replace("\n", " ")
    mark = mark or Query(terms).highlighter()
    marked = mark.sub(lambda m: f"{HIT_START}{m.group(0)}{HIT_END}", window)
    return ("…" if start else "") + marked + ("…" if end < len(body) else "")
