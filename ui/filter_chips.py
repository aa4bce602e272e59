"""The active filters as removable chips above the tree: the query and each facet value, a
"clear all" link, and how they combine (OR within a facet, AND across facets)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from models.facets import BY_KEY
from models.filters import FilterState
from models.markdown_html import escape  # the stdlib html module costs ~8 ms at start-up


class FilterChips(QFrame):
    """Says "Filters: none" while no filter is active: always shown, so the tree below does not jump
    (and need a full relayout and repaint) when the first key is typed. Emits ``removeRequested(facet,
    value)`` (facet ``query`` for the search text, ``bookmarked`` for the switch) and ``clearRequested()``."""

    removeRequested = Signal(str, object)
    clearRequested = Signal()

    def __init__(self, cluster_titles: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterChips")
        self._names = {"clusters": cluster_titles}
        self._state = FilterState()
        self._chips: list[tuple[str, object]] = []
        self.label = QLabel(self, objectName="chipLabel", wordWrap=True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                           | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.label.linkActivated.connect(self._on_link)
        self.rule = QLabel(self, objectName="chipRule", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(1)
        layout.addWidget(self.label)
        layout.addWidget(self.rule)
        self.show_state(self._state)

    def place_above(self, widget: QWidget) -> None:
        """Lay these chips out on top of ``widget`` (the tree they narrow), in the parent they share."""
        layout = QVBoxLayout(self.parentWidget())
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self)
        layout.addWidget(widget, 1)

    def chips(self) -> list[tuple[str, object]]:
        """(facet, value) of every chip shown, in order (facet ``query``: the search text)."""
        return list(self._chips)

    def chip_text(self, facet: str, value: object) -> str:
        if facet == "query":
            return self.tr("Search: %1").replace("%1", f"“{value}”")
        if facet == "bookmarked":
            return self.tr("Bookmarked only")
        f = BY_KEY[facet]
        return f"{f.translated_title()}: {f.label(value, self._names.get(facet))}"

    def show_state(self, state: FilterState) -> None:
        self._state = state
        chips: list[tuple[str, object]] = []
        if state.query.strip():
            chips.append(("query", state.query.strip()))
        chips += state.pairs()
        if state.bookmarked_only:
            chips.append(("bookmarked", True))
        self._chips = chips
        self.rule.setVisible(len(chips) > 1)
        if not chips:
            self.label.setText(escape(self.tr("Filters: none")))
            self.label.setToolTip("")
            self.label.setAccessibleName(self.tr("No active filters"))
            return
        pal = self.palette()
        dark = pal.color(QPalette.ColorRole.Window).lightness() < 128
        back, fore = ("#2d3b55", "#e8eefc") if dark else ("#e3ebf8", "#1a3d7a")
        parts = [
            f'<a href="chip:{i}" style="color:{fore}; text-decoration:none">'
            f'<span style="background-color:{back}">&nbsp;{escape(self.chip_text(*chip))}&nbsp;✕&nbsp;</span></a>'
            for i, chip in enumerate(chips)
        ]
        head = escape(self.tr("Filters:"))
        clear = escape(self.tr("Clear all"))
        self.label.setText(f"{head} " + " ".join(parts) + f' &nbsp;·&nbsp; <a href="clear">{clear}</a>')
        self.label.setToolTip(self.tr("Click a filter to remove it"))
        self.label.setAccessibleName(
            self.tr("Active filters: %1").replace("%1", "; ".join(self.chip_text(*c) for c in chips))
        )
        self.rule.setText(self.tr("Values within one facet: any of them (OR). Different facets: all (AND)."))

    def remove(self, index: int) -> None:
        """Remove chip ``index`` (what clicking its ✕ does)."""
        if 0 <= index < len(self._chips):
            self.removeRequested.emit(*self._chips[index])

    def _on_link(self, link: str) -> None:
        if link == "clear":
            self.clearRequested.emit()
        elif link.startswith("chip:") and link[5:].isdigit():
            self.remove(int(link[5:]))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange):
            self.show_state(self._state)
        super().changeEvent(event)
