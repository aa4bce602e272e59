"""The one query parser, highlighter, ranking and snippet maker of full-text search (no SQL here;
the repository finds the matching sections, ``rank`` orders them).

Any input is safe: control characters (NUL included) are dropped, the query is capped in
length and number of terms, and each term is passed to FTS5 as one quoted phrase, so FTS
syntax (``"``, ``AND``, ``(``, ``*``, ``:``, ``-``) is searched for literally. Search, the
detail pane's highlights and the result snippets all use the same ``Query``.
"""

# No `from __future__ import annotations` here: NamedTuple turns string annotations into compiled
# ForwardRefs, ~0.3 ms a class on the start-up path; real annotations cost nothing.

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

MAX_QUERY_CHARS = 200  # longer input is cut: nobody types more, and it keeps every keystroke cheap
MAX_TERMS = 8
SNIPPET_CHARS = 40  # long enough to judge a hit by
HIT_START, HIT_END = "\x02", "\x03"
#: Section weights: the recommendation's own wording counts most, then the highlights.
WEIGHTS = {"text": 3.0, "highlights": 2.0}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SPLIT = re.compile(r"[\s\u3000]+")


class _QueryFields(NamedTuple):
    terms: tuple[str, ...] = ()
    folded: tuple[str, ...] = ()  # the terms case-folded, as matched against case-folded text


class Query(_QueryFields):
    """The parsed query (``parse_query``); ``Query(terms)`` folds the terms itself."""

    __slots__ = ()

    def __new__(cls, terms: tuple[str, ...] = (), folded: tuple[str, ...] = ()) -> "Query":
        return super().__new__(cls, terms, folded or tuple(t.casefold() for t in terms))

    def __bool__(self) -> bool:
        return bool(self.terms)

    @property
    def text(self) -> str:
        """The query as searched: its terms, one space apart."""
        return " ".join(self.terms)

    @staticmethod
    def fts_phrase(term: str) -> str:
        return '"' + term.replace('"', '""') + '"'

    def words_in(self, folded_body: str) -> bool:
        """Every term occurs in the text, a Chinese term of 3+ characters as its two-character
        words in any order (技术转让 matches 转让和推广技术): word order varies, the meaning not."""
        return all(all(w in folded_body for w in _words(t)) for t in self.folded)

    def highlighter(self) -> re.Pattern[str] | None:
        """One pattern matching every term (longest first, any case); None without terms."""
        if not self.terms:
            return None
        return re.compile(
            "|".join(re.escape(t) for t in sorted(self.terms, key=len, reverse=True)), re.IGNORECASE
        )


def _words(term: str) -> list[str]:
    """A Chinese run of 3+ characters as two-character words (the last may be one); else the term.
    (A loop, not a regex: a character class this wide takes ~1 ms to compile, on the start-up path.)"""
    if len(term) < 3 or not all("\u3400" <= c <= "\u9fff" for c in term):
        return [term]
    return [term[i : i + 2] for i in range(0, len(term), 2)]


def parse_query(text: str) -> Query:
    """Whitespace-separated terms (all must match); duplicates and empties removed."""
    cleaned = _CONTROL.sub(" ", (text or "")[: MAX_QUERY_CHARS * 4])
    cleaned = " ".join(_SPLIT.split(cleaned))[:MAX_QUERY_CHARS]
    terms: list[str] = []
    for term in cleaned.split(" "):
        if term and term.casefold() not in (t.casefold() for t in terms):
            terms.append(term)
    return Query(tuple(terms[:MAX_TERMS]))


class Ranked(NamedTuple):
    score: float  # of this section
    kind: str
    number: int
    section: str
    body: str
    folded: str


def rank(
    query: Query,
    sections: Iterable[tuple[str, int, str, str] | tuple[str, int, str, str, str]],
    own_texts: Mapping[tuple[str, int], str] = {},  # noqa: B006 (read only)
) -> list[Ranked]:
    """Order the sections that match ``query``, best entry first (its sections together).

    ``sections`` are (kind, number, section, body), optionally with ``body.casefold()`` as a fifth
    item, holding at least one term; an entry counts only if its sections hold every term. Entries
    whose own text (``own_texts``, case-folded) has every term's words come first; then entries by
    how often they use the terms (weighted by section: WEIGHTS); recommendations before review
    recommendations; then by number."""
    everything = set(query.folded)
    rows: dict[tuple[str, int], list[Ranked]] = {}  # each entry's matching sections
    entry_terms: dict[tuple[str, int], set[str]] = {}
    totals: dict[tuple[str, int], float] = {}  # weighted occurrences: how much the entry is about it
    terms = query.folded
    for row in sections:
        kind, number, section, body = row[:4]
        folded = row[4] if len(row) > 4 else body.casefold()
        if len(terms) == 1:  # the usual query, and the broadest: no per-section sets or lists
            uses = folded.count(terms[0])
            present = everything if uses else None
        else:
            counts = [folded.count(t) for t in terms]  # each term counted once, in one pass each
            present = {t for t, n in zip(terms, counts, strict=True) if n}
            uses = sum(counts)
        if present:
            key, weight = (kind, number), WEIGHTS.get(section, 1.0)
            entry_terms.setdefault(key, set()).update(present)
            totals[key] = totals.get(key, 0.0) + uses * weight
            # 10 per distinct term present, plus one per occurrence, weighted by section
            rows.setdefault(key, []).append(
                Ranked((len(present) * 10.0 + uses) * weight, kind, number, section, body, folded)
            )

    def order(key: tuple[str, int]) -> tuple:
        kind, number = key
        return (not query.words_in(own_texts.get(key, "")), -totals[key], kind != "recommendation", number)

    # The entries in order, then each entry's sections (sorting ~45 entries, not ~200 sections)
    complete = sorted((key for key, terms in entry_terms.items() if terms == everything), key=order)
    return [row for key in complete for row in sorted(rows[key], key=_best_first)]


def _best_first(row: Ranked) -> float:
    return -row.score


def snippet(body: str, folded: str, query: Query, mark: re.Pattern[str] | None = None) -> str:
    """About SNIPPET_CHARS of ``body`` around the first match, every match wrapped in
    HIT_START/HIT_END. ``folded`` is ``body.casefold()``, which the caller already has."""
    positions = [folded.find(t) for t in query.folded]
    first = min((p for p in positions if p >= 0), default=0)
    start = max(0, min(first - SNIPPET_CHARS // 4, len(body) - SNIPPET_CHARS))  # a full window near the end
    end = min(len(body), start + SNIPPET_CHARS)
    window = body[start:end].replace("\n", " ")
    mark = mark or query.highlighter()
    marked = mark.sub(lambda m: f"{HIT_START}{m.group(0)}{HIT_END}", window) if mark else window
    return ("…" if start else "") + marked + ("…" if end < len(body) else "")
