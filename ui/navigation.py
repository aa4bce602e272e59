"""The Go menu's behaviour: go to recommendation N, next/previous recommendation, the Back and
Forward drop-down history lists and the outline (sections) of the page shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton, QWidget

from models.page_html import section_title
from models.tree_model import RecommendationTreeModel
from ui.actions import Actions, plain_text
from ui.detail_pane import DetailPane

if TYPE_CHECKING:  # imported on use: its type costs start-up time the first paint does not need
    from PySide6.QtWidgets import QInputDialog

HISTORY_MENU_LENGTH = 15


class Navigator(QObject):
    """Wires the navigation actions to the detail pane and the tree model (no widget internals)."""

    def __init__(
        self,
        actions: Actions,
        detail: DetailPane,
        tree_model: RecommendationTreeModel,
        toolbar: QToolBar,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self._detail = detail
        self._model = tree_model
        self.sections_menu = QMenu(parent)
        self.sections_menu.setObjectName("sectionsMenu")
        self.sections_menu.aboutToShow.connect(self._fill_sections)
        self.back_menu = QMenu(parent)
        self.back_menu.setObjectName("backHistoryMenu")
        self.back_menu.aboutToShow.connect(lambda: self._fill_history(self.back_menu, -1))
        self.forward_menu = QMenu(parent)
        self.forward_menu.setObjectName("forwardHistoryMenu")
        self.forward_menu.aboutToShow.connect(lambda: self._fill_history(self.forward_menu, 1))
        toolbar.insertAction(actions.overview, self.sections_menu.menuAction())
        outline = toolbar.widgetForAction(self.sections_menu.menuAction())
        if isinstance(outline, QToolButton):
            outline.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        for action, menu in ((actions.back, self.back_menu), (actions.forward, self.forward_menu)):
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):  # a drop-down arrow next to the button, as in browsers
                button.setMenu(menu)
                button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        actions.go_to_number.triggered.connect(self.ask_number)
        actions.next_rec.triggered.connect(lambda: self.step(1))
        actions.previous_rec.triggered.connect(lambda: self.step(-1))
        self._dialog: QInputDialog | None = None
        self._actions = actions

    def fill_menu(self, menu: QMenu) -> None:
        """The Go menu: back, forward, go to N, next, previous, and the page's sections."""
        a = self._actions
        for action in (a.back, a.forward, a.go_to_number, a.next_rec, a.previous_rec):
            menu.addAction(action)
        menu.addMenu(self.sections_menu)

    # --- next / previous / number ---------------------------------------------------
    def step(self, step: int) -> bool:
        """Open the next (1) or previous (-1) recommendation shown in the tree."""
        target = self._model.neighbour(self._detail.target, step)
        return bool(target) and self._detail.show_target(target)

    def go_to_number(self, number: int) -> bool:
        return self._detail.show_target(f"rec:{number}")

    def ask_number(self) -> None:
        """A small non-blocking dialog asking for the number (1–45)."""
        from PySide6.QtWidgets import QInputDialog

        dialog = QInputDialog(self._window)
        dialog.setObjectName("goToNumberDialog")
        dialog.setWindowTitle(self.tr("Go to Recommendation"))
        dialog.setLabelText(self.tr("Recommendation number (1–%1):").replace("%1", str(self._model.total_count())))
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(1, self._model.total_count())
        current = self._detail.target.partition(":")
        dialog.setIntValue(int(current[2]) if current[0] == "rec" and current[2].isdigit() else 1)
        dialog.intValueSelected.connect(self.go_to_number)
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()

    # --- history drop-downs ------------------------------------------------------------
    def _fill_history(self, menu: QMenu, direction: int) -> None:
        menu.clear()
        earlier, later = self._detail.history_lists()
        for i, target in enumerate((earlier if direction < 0 else later)[:HISTORY_MENU_LENGTH], start=1):
            action = menu.addAction(self._model.label_for(target) if target != "overview" else self.tr("Overview"))
            action.triggered.connect(lambda _=False, s=i * direction: self._detail.go_history(s))

    # --- outline ---------------------------------------------------------------------
    def _fill_sections(self) -> None:
        menu = self.sections_menu
        menu.clear()
        keys = self._detail.sections()
        for key in keys:
            action = menu.addAction(section_title(key))
            action.triggered.connect(lambda _=False, k=key: self._detail.jump_to_section(k))
        if not keys:
            menu.addAction(self.tr("(no sections on this page)")).setEnabled(False)

    def retranslate(self) -> None:
        self.sections_menu.setTitle(self.tr("&Sections"))
        self.sections_menu.menuAction().setIconText(plain_text(self.sections_menu.title()))
