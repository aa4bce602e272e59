"""``Target``: where the reader is or wants to go, and its one string form (``rec:6``, ``review:3``,
``cover``, ``overview``), used in links, history, settings and item-model roles."""

# No `from __future__ import annotations` here: NamedTuple turns string annotations into compiled
# ForwardRefs, ~0.3 ms a class on the start-up path; real annotations cost nothing.

from typing import NamedTuple

#: Numbered kinds, with the bookmark store's name for each.
_BOOKMARK_KIND = {"rec": "recommendation", "review": "review"}
_FROM_BOOKMARK_KIND = {v: k for k, v in _BOOKMARK_KIND.items()}


class Target(NamedTuple):
    kind: str  # "rec", "review" (numbered), or a page: "cover", "overview", ...
    number: int = 0

    @classmethod
    def parse(cls, text: str) -> "Target":
        """``"rec:6"`` → Target("rec", 6); a bad number leaves the kind with number 0 (not an entry)."""
        kind, sep, num = (text or "").partition(":")
        if sep and kind in _BOOKMARK_KIND:
            return cls(kind, int(num) if num.isdigit() and len(num) < 6 else 0)
        return cls(text or "")

    @classmethod
    def rec(cls, number: int) -> "Target":
        return cls("rec", number)

    @classmethod
    def review(cls, number: int) -> "Target":
        return cls("review", number)

    @classmethod
    def from_bookmark(cls, kind: str, number: int) -> "Target":
        """From the bookmark store's (``"recommendation"`` | ``"review"``, number)."""
        return cls(_FROM_BOOKMARK_KIND[kind], number)

    @property
    def is_entry(self) -> bool:
        """A recommendation or review recommendation (can be bookmarked, noted, printed)."""
        return self.kind in _BOOKMARK_KIND and self.number > 0

    @property
    def is_rec(self) -> bool:
        return self.kind == "rec" and self.number > 0

    @property
    def bookmark_key(self) -> tuple[str, int] | None:
        """The bookmark store's (kind, number), or None for pages."""
        return (_BOOKMARK_KIND[self.kind], self.number) if self.is_entry else None

    def __str__(self) -> str:
        return f"{self.kind}:{self.number}" if self.kind in _BOOKMARK_KIND else self.kind
