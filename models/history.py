"""Back/forward navigation history over location strings (``rec:6``, ``review:3``, ``cover``,
``overview``), each with the scroll position the reader left it at."""

from __future__ import annotations


class History:
    """A browser-style history: visiting truncates the forward stack."""

    def __init__(self, limit: int = 200) -> None:
        self._items: list[list] = []  # [target, scroll position]
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> str | None:
        return self._items[self._index][0] if self._index >= 0 else None

    @property
    def scroll(self) -> int:
        """Where the current entry was left (0 until ``remember`` is called)."""
        return self._items[self._index][1] if self._index >= 0 else 0

    def remember(self, scroll: int) -> None:
        """Note the scroll position of the current entry, before leaving it."""
        if self._index >= 0:
            self._items[self._index][1] = scroll

    def visit(self, target: str) -> None:
        if target == self.current:
            return
        del self._items[self._index + 1 :]
        self._items.append([target, 0])
        if len(self._items) > self._limit:
            del self._items[0]
        self._index = len(self._items) - 1

    def can_back(self) -> bool:
        return self._index > 0

    def can_forward(self) -> bool:
        return self._index < len(self._items) - 1

    def back(self) -> str | None:
        if not self.can_back():
            return None
        self._index -= 1
        return self.current

    def forward(self) -> str | None:
        if not self.can_forward():
            return None
        self._index += 1
        return self.current

    def back_items(self) -> list[str]:
        """Earlier locations, nearest first (what a Back drop-down lists)."""
        return [t for t, _scroll in self._items[: max(self._index, 0)][::-1]]

    def forward_items(self) -> list[str]:
        """Later locations, nearest first."""
        return [t for t, _scroll in self._items[self._index + 1 :]]

    def go(self, steps: int) -> str | None:
        """Move ``steps`` back (negative) or forward (positive) at once; None if out of range."""
        index = self._index + steps
        if steps == 0 or not 0 <= index < len(self._items):
            return None
        self._index = index
        return self.current
