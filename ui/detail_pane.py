"""The detail pane: a QTextBrowser page per recommendation (or the overview), with history,
find in page, zoom, footnote tooltips, internal links and citations."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QTextDocument
from PySide6.QtWidgets import QFrame, QStackedWidget, QVBoxLayout, QWidget

from models import names
from models.history import History
from models.markdown_html import strip_joiners
from models.page_html import BOOKMARK_ICON, citation, render_cover, render_recommendation, render_review
from models.target import Target
from ui.page_browser import PageBrowser
from ui.palette import page_colours

if TYPE_CHECKING:  # annotations only: an imported type costs PySide start-up time to build
    from PySide6.QtCore import QUrl


class DetailPane(QWidget):
    """``show_target("rec:6")``; emits ``targetChanged`` after every successful navigation."""

    targetChanged = Signal(str)
    documentRequested = Signal(str)
    message = Signal(str)
    historyChanged = Signal(bool, bool)
    zoomChanged = Signal(int)

    def __init__(self, repo, overview_factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._repo = repo
        self._doc = repo.document()
        self._clusters = {c.id: c.title for c in repo.clusters()}
        self._documents: set[str] | None = None  # cited symbols that become links; read at first use
        self._history = History()
        self._target = ""
        self._terms: list[str] = []
        self._section: str | None = None
        self._footnotes: dict[int, str] = {}
        self._zoom = 0
        self._stale = False
        self.hit_count = 0
        self.is_bookmarked: Callable[[str], bool] = lambda _t: False
        self.note_for: Callable[[str], str] = lambda _t: ""

        self.browser = PageBrowser(self)
        self.browser.setObjectName("detailBrowser")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_anchor)
        self.browser.highlighted.connect(self._on_hover)
        self._viewport = None  # its event filter (tooltips, mouse buttons) is installed after the first paint
        self._base_font = QFont(self.browser.font())
        self._find_bar = None
        self._overview_factory = overview_factory
        self._overview: QWidget | None = None
        # Containers are QFrames: the first plain QWidget wrapper (or viewport()) makes PySide build
        # the QWidget type with its ~70 enums, ~20 ms that the first paint does not need.
        page = QFrame(self)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        page_layout.addWidget(self.browser)
        self._page_layout = page_layout
        self.stack = QStackedWidget(self)
        self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.apply_palette()
        self.retranslate()

    def width_for(self, chars: int) -> int:
        """The pane width that shows ``chars`` Chinese characters a line at the current text size."""
        b = self.browser
        text = b.fontMetrics().horizontalAdvance("中" * chars)
        page = b.page_width()
        chrome = b.width() - page if b.isVisible() and page > 0 else 20
        return text + max(chrome, 16) + 24  # scroll bar, frame and document margins

    def set_marks(self, is_bookmarked: Callable[[str], bool], note_for: Callable[[str], str]) -> None:
        """Where the page reads a location's bookmark mark and note from (the user store)."""
        self.is_bookmarked, self.note_for = is_bookmarked, note_for

    def install_viewport_filter(self) -> None:
        """Footnote tooltips and mouse back/forward on the text (deferred until after the first paint)."""
        if self._viewport is None:
            self._viewport = self.browser.viewport()
            self._viewport.installEventFilter(self)

    def add_below_page(self, widget: QWidget) -> None:
        """Put ``widget`` under the page text (the note editor), between the text's side margins;
        the overview does not show it."""
        self._page_layout.insertWidget(1, widget)
        self.browser.measureChanged.connect(lambda extra: widget.setContentsMargins(extra, 0, extra, 0))

    @property
    def find_bar(self):
        """The find-in-page bar, built on first use."""
        if self._find_bar is None:
            from ui.find_bar import FindBar

            self._find_bar = FindBar(self.browser, self)
            self._page_layout.addWidget(self._find_bar)
        return self._find_bar

    @property
    def overview(self) -> QWidget:
        """The overview page, built on first use (it is not needed for the first paint)."""
        if self._overview is None:
            self._overview = self._overview_factory()
            self._overview.installEventFilter(self)
            self.stack.addWidget(self._overview)
        return self._overview

    # --- navigation -----------------------------------------------------------------
    @property
    def target(self) -> str:
        return self._target

    def show_target(
        self, target: str, terms: Iterable[str] | None = None, section: str | None = None, record: bool = True,
        scroll: int | None = None,
    ) -> bool:
        """Show ``overview``, ``cover``, ``rec:N`` or ``review:N``; False (and a message) if unknown.

        ``terms`` are highlighted (None: the current search's, see ``set_terms``); the page opens
        at ``section``, at ``scroll`` (history), or at the top."""
        terms = self._terms if terms is None else list(terms)
        if record and self._target and self._target != "overview":
            self._history.remember(self.browser.verticalScrollBar().value())
        try:
            if target == "overview":
                self.stack.setCurrentWidget(self.overview)
                self.hit_count = 0
            else:
                html, self.hit_count = self._render(target, terms)
                self.browser.setHtml(html)
                self._stale = False  # just rendered: showing the pane need not render it again
                self.stack.setCurrentIndex(0)
        except (KeyError, ValueError):
            self.message.emit(self.tr("Not found: %1").replace("%1", target))
            return False
        self._target, self._terms, self._section = target, terms, section
        if target != "overview":
            if section:
                self.browser.scrollToAnchor(f"sec-{section}")
            else:
                self.browser.verticalScrollBar().setValue(scroll or 0)
            if self._find_bar is not None:
                self._find_bar.refresh()
        if record:
            self._history.visit(target)
        self.historyChanged.emit(self._history.can_back(), self._history.can_forward())
        self.targetChanged.emit(target)
        return True

    def _render(self, target: str, terms: list[str]) -> tuple[str, int]:
        where = Target.parse(target)
        marked = self.is_bookmarked(target)
        if marked:
            self._add_bookmark_image()
        if where.kind == "rec":
            rec = self._repo.recommendation(where.number)
            self._footnotes = {fn.number: fn.text for fn in rec.footnotes}
            return render_recommendation(
                rec,
                terms,
                names.shown(self._clusters.get(rec.cluster, "")),
                marked,
                self.note_for(target),
                self._cited_documents(),
            )
        if where.kind == "review":
            rev = self._repo.review(where.number)
            self._footnotes = {fn.number: fn.text for fn in rev.footnotes}
            return render_review(rev, terms, marked)
        if where.kind == "cover":
            self._footnotes = {}
            return render_cover(self._doc, self._repo.cover_note(), terms)
        if where.kind.partition(":")[0] in ("cluster", "sector", "annex2"):
            from models.listing import group_page

            self._footnotes = {}
            return group_page(self._repo, target), 0
        raise KeyError(target)

    def _add_bookmark_image(self) -> None:
        """The bookmark icon the page heading shows (an SVG, drawn at twice the size for sharpness)."""
        from PySide6.QtCore import QUrl  # on use: not needed before the bookmark store opens

        doc = self.browser.document()
        url = QUrl(BOOKMARK_ICON)
        if doc.resource(QTextDocument.ResourceType.ImageResource, url) is None:
            from ui.actions import icon

            image = icon("bookmark").pixmap(QSize(40, 40), QIcon.Mode.Normal, QIcon.State.On).toImage()
            doc.addResource(QTextDocument.ResourceType.ImageResource, url, image)

    def _cited_documents(self) -> set[str]:
        if self._documents is None:
            self._documents = set(self._repo.document_counts())
        return self._documents

    def refresh(self) -> None:
        """Re-render the current page (language, bookmark or palette change), keeping the scroll.

        A hidden pane (e.g. a closed window) only notes that it must re-render when shown."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        if self._target and self._target != "overview":
            pos = self.browser.verticalScrollBar().value()
            html, self.hit_count = self._render(self._target, self._terms)
            self.browser.setHtml(html)
            self.browser.verticalScrollBar().setValue(pos)

    def set_terms(self, terms: Iterable[str]) -> None:
        """Highlight the current search's terms (none after clearing it), re-rendering in place."""
        terms = list(terms)
        if terms != self._terms:
            self._terms = terms
            self.refresh()

    def back(self) -> None:
        self._step(self._history.back)

    def forward(self) -> None:
        self._step(self._history.forward)

    def go_history(self, steps: int) -> None:
        """Jump ``steps`` entries back (negative) or forward in the history (the drop-down lists)."""
        self._step(lambda: self._history.go(steps))

    def _step(self, move: Callable[[], str | None]) -> None:
        """Go back or forward: the page comes back where it was left, with the current highlights."""
        if self._target and self._target != "overview":
            self._history.remember(self.browser.verticalScrollBar().value())
        target = move()
        if target:
            self.show_target(target, record=False, scroll=self._history.scroll)

    def history_lists(self) -> tuple[list[str], list[str]]:
        """(earlier locations nearest first, later locations nearest first)."""
        return self._history.back_items(), self._history.forward_items()

    def sections(self) -> list[str]:
        """The section keys of the page shown, in order (the anchors ``sec-<key>``)."""
        if self._target in ("", "overview"):
            return []
        keys: list[str] = []
        block = self.browser.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                keys += [n[4:] for n in it.fragment().charFormat().anchorNames() if n.startswith("sec-")]
                it += 1
            block = block.next()
        return keys

    def jump_to_section(self, key: str) -> None:
        self._section = key
        self.browser.scrollToAnchor(f"sec-{key}")

    def find_next(self) -> None:
        self.find_bar.next()

    def find_previous(self) -> None:
        self.find_bar.previous()

    def find_in_page(self) -> None:
        self.find_bar.activate()

    def can_back(self) -> bool:
        return self._history.can_back()

    def can_forward(self) -> bool:
        return self._history.can_forward()

    # --- links, tooltips, mouse buttons ---------------------------------------------
    def _on_anchor(self, url: QUrl) -> None:
        scheme, text = url.scheme().lower(), url.toString()
        if scheme in ("rec", "review"):
            self.show_target(f"{scheme}:{url.path()}")
        elif scheme == "fn":
            self.browser.scrollToAnchor(f"fn-{url.path()}")
        elif scheme == "doc":
            self.documentRequested.emit(text.partition(":")[2])
        elif scheme in ("http", "https"):
            from PySide6.QtGui import QDesktopServices  # imported on use, as QToolTip: not at start-up

            QDesktopServices.openUrl(url)
            self.message.emit(
                self.tr("Opening %1 in your browser — this needs a network connection.").replace("%1", text)
            )
        else:
            self.message.emit(self.tr("Link not opened: only http and https addresses are allowed."))

    def _on_hover(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            self.message.emit(
                self.tr("%1 (opens in your browser; needs a network connection)").replace(
                    "%1", url.toString()
                )
            )
        elif url.scheme() == "doc":
            self.message.emit(self.tr("Show recommendations citing %1").replace("%1", url.path()))
        else:
            self.message.emit("")

    def footnote_text(self, number: int) -> str:
        return self._footnotes.get(number, "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:
            if event.button() == Qt.MouseButton.BackButton:
                self.back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.forward()
                return True
        if watched is self._viewport and event.type() == QEvent.Type.ToolTip:
            from PySide6.QtWidgets import QToolTip

            anchor = self.browser.anchorAt(event.pos())
            if anchor.startswith("fn:") and anchor[3:].isdigit():
                QToolTip.showText(
                    event.globalPos(), self.footnote_text(int(anchor[3:])) or anchor, self.browser
                )
                return True
            QToolTip.hideText()
        return super().eventFilter(watched, event)

    # --- zoom -----------------------------------------------------------------------
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        self._zoom = max(-6, min(12, steps))
        self.browser.setFont(self._base_font)
        if self._zoom:
            self.browser.zoomIn(self._zoom)
        self.zoomChanged.emit(self._zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)

    # --- citation -------------------------------------------------------------------
    def current_section(self) -> str | None:
        """The section heading above the cursor (or the selection start)."""
        cursor = self.browser.textCursor()
        block = self.browser.document().findBlock(cursor.selectionStart())
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                for name in it.fragment().charFormat().anchorNames():
                    if name.startswith("sec-"):
                        return name[4:]
                it += 1
            block = block.previous()
        return self._section

    def citation(self) -> str:
        if not self._target or self._target == "overview":
            return self._doc.symbol
        selected = strip_joiners(self.browser.textCursor().selectedText().replace("\u2029", "\n"))
        return citation(
            self._doc, self._target, self.current_section() if selected else self._section, selected
        )

    # --- appearance -----------------------------------------------------------------
    def apply_palette(self) -> None:
        colours = page_colours(self.palette())  # WCAG AA on the page (tests/test_contrast.py)
        link, muted, accent = colours["link"], colours["muted"], colours["accent"]
        self.browser.document().setDefaultStyleSheet(
            f"a {{ color: {link}; text-decoration: none; }}"
            f"h1 {{ font-size: x-large; margin-bottom: 2px; }}"
            f"h2 {{ font-size: large; margin-top: 16px; margin-bottom: 4px; color: {accent}; }}"
            f"p.meta, p.hint {{ color: {muted}; }}"
            f"p.joint {{ font-weight: bold; }}"
            f"td.label {{ color: {muted}; white-space: nowrap; }}"
            f"span.star {{ color: {accent}; }}"
        )
        self.refresh()

    def retranslate(self) -> None:
        self.browser.setAccessibleName(self.tr("Recommendation details"))
        self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.apply_palette()
        super().changeEvent(event)
