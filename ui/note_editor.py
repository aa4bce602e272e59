"""The note editor, used under the page in the detail pane and in every bookmarks-panel row.

It saves shortly after typing stops and when it loses focus, through the window's NoteDrafts:
a refused save keeps the text here, marked unsaved, and is retried; a note changed by another
window meanwhile keeps both texts and asks which to keep. The editor never holds more than
MAX_NOTE_CHARS, the store's limit. ``confirm_close`` asks before a window closes with unsaved text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.bookmarks import MAX_NOTE_CHARS
from models.note_drafts import BOTH_SEPARATOR, Draft, NoteDrafts
from ui.messages import plain_tooltip, show_message

SAVE_DELAY_MS = 600
COUNT_FROM = MAX_NOTE_CHARS * 9 // 10  # show "n / limit" from here on


class NoteEditor(QFrame):
    """Edits the note of one (kind, number) at a time; ``load`` switches, saving the previous one."""

    def __init__(self, drafts: NoteDrafts, parent: QWidget | None = None, lines: int = 3) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self.drafts = drafts
        self.key: tuple[str, int] | None = None
        self.base = ""  # the stored text the editor's text was loaded from (or last saved)
        self._notice = ""  # a one-off message (limit reached) shown until the next edit
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("noteText")
        self.editor.setTabChangesFocus(True)
        self.editor.setReadOnly(drafts.store.read_only)  # a read-only store: notes shown, not editable
        self.editor.setFixedHeight(QFontMetrics(self.editor.font()).lineSpacing() * lines + 14)
        self.editor.installEventFilter(self)
        self.state = QLabel(self)
        self.state.setTextFormat(Qt.TextFormat.PlainText)  # carries error text (paths, reasons)
        self.state.setObjectName("noteState")
        self.state.setWordWrap(True)
        self.conflict = QFrame(self)
        self.conflict_text = QLabel(self.conflict)
        self.conflict_text.setWordWrap(True)
        self.keep_mine = QPushButton(self.conflict)
        self.keep_both = QPushButton(self.conflict)
        self.use_theirs = QPushButton(self.conflict)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button, choice in ((self.keep_both, "both"), (self.keep_mine, "mine"), (self.use_theirs, "theirs")):
            button.clicked.connect(lambda _=False, c=choice: self.resolve(c))
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QVBoxLayout(self.conflict)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.conflict_text)
        box.addLayout(buttons)
        self.conflict.hide()
        self.timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self.timer.timeout.connect(self.save)
        self.editor.textChanged.connect(self._edited)
        drafts.changed.connect(self._on_draft)
        drafts.stored_changed.connect(self._on_stored)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.editor)
        layout.addWidget(self.conflict)
        layout.addWidget(self.state)
        self.retranslate()

    # --- which note --------------------------------------------------------------
    def load(self, kind: str, number: int) -> None:
        """Show the note of (kind, number): its unsaved draft if there is one, else the stored text."""
        if self.key == (kind, number):
            self.reload()
            return
        self.save()
        self.key = (kind, number)
        draft = self.drafts.get(kind, number)
        self.base = draft.base if draft else self.drafts.stored(kind, number)
        self._notice = ""
        self._set_text(draft.text if draft else self.base)
        self._show_state("")

    def unload(self) -> None:
        """Save and show no note (a page that takes none)."""
        self.save()
        self.key = None
        self.base = ""
        self._set_text("")
        self._show_state("")

    def reload(self) -> None:
        """The store changed: show the stored text unless this editor holds an edit of its own."""
        if self.key is None or self.dirty or self.drafts.store.closed:
            return
        stored = self.drafts.stored(*self.key)
        if stored != self.base:
            self.base = stored
            self._set_text(stored)

    def _on_stored(self, kind: str, number: int) -> None:
        if not kind or (kind, number) == self.key:
            self.reload()

    def text(self) -> str:
        return self.editor.toPlainText()

    def _set_text(self, text: str) -> None:
        self.editor.blockSignals(True)
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)

    @property
    def draft(self) -> Draft | None:
        return self.drafts.get(*self.key) if self.key else None

    @property
    def dirty(self) -> bool:
        """Text here that the store does not hold."""
        return self.key is not None and (self.text() != self.base or self.draft is not None)

    # --- saving ------------------------------------------------------------------
    def _edited(self) -> None:
        excess = len(self.text()) - MAX_NOTE_CHARS
        self._notice = ""
        if excess > 0:
            self._cut(excess)
        self._show_state(self.tr("Editing…"))
        self.timer.start()

    def _cut(self, excess: int) -> None:
        """Drop what went past the limit: the characters just typed or pasted, before the cursor."""
        self.editor.blockSignals(True)
        dropped = 0
        while (over := len(self.text()) - MAX_NOTE_CHARS) > 0:
            cursor = self.editor.textCursor()
            if not cursor.movePosition(QTextCursor.MoveOperation.PreviousCharacter,
                                       QTextCursor.MoveMode.KeepAnchor, over):
                cursor.movePosition(QTextCursor.MoveOperation.End)
                cursor.movePosition(QTextCursor.MoveOperation.PreviousCharacter,
                                    QTextCursor.MoveMode.KeepAnchor, over)
            dropped += len(cursor.selectedText())
            cursor.removeSelectedText()
            self.editor.setTextCursor(cursor)
        self.editor.blockSignals(False)
        self._notice = (
            self.tr("A note holds at most %1 characters; %2 were not added.")
            .replace("%1", f"{MAX_NOTE_CHARS:,}")
            .replace("%2", f"{max(dropped, excess):,}")
        )

    def save(self) -> bool:
        """Write the note now if it changed; True when the store holds what the editor shows."""
        self.timer.stop()
        if self.key is None:
            return True
        text = self.text()
        if text == self.base and self.draft is None:
            return True
        draft = self.drafts.save(*self.key, text, self.base)
        if draft is None:
            self.base = text
            self._show_state(self.tr("Saved"))
            return True
        self._show_state("")
        return False

    def resolve(self, choice: str) -> None:
        """Settle a conflict: "mine", "both" or "theirs" (see NoteDrafts.resolve)."""
        draft = self.draft
        if self.key is None or draft is None or not draft.conflict:
            return
        theirs = draft.theirs or ""
        draft.text = self.text()
        left = self.drafts.resolve(*self.key, choice)
        if left is None:
            self.base = self.drafts.stored(*self.key)
            self._set_text(self.base)
            self._show_state(self.tr("Saved"))
        elif choice == "both":
            self._set_text(left.text)
            self.base = theirs
            self._show_state("")

    def _on_draft(self, kind: str, number: int) -> None:
        if (kind, number) != self.key:
            return
        if self.draft is None and not self.drafts.store.closed:  # saved by a retry
            self.base = self.drafts.stored(kind, number)
            if self.text() != self.base:
                self.timer.start()
            self._show_state(self.tr("Saved") if self.text() == self.base else "")
        else:
            self._show_state("")

    # --- how it looks ------------------------------------------------------------
    def _show_state(self, text: str) -> None:
        draft = self.draft
        problem = draft is not None
        if draft is not None and draft.conflict:
            self.conflict_text.setText(self.tr(
                "This note was changed in another window. Your text is kept here, not saved; "
                "the other text is saved. Which should the note keep?"))
            self.conflict_text.setToolTip(plain_tooltip((draft.theirs or "")[:1000]))
            self.keep_both.setEnabled(len(draft.text) + len(draft.theirs or "") + len(BOTH_SEPARATOR) <= MAX_NOTE_CHARS)
            text = self.tr("Changed in another window — not saved")
        elif draft is not None:
            retry = self.tr("retrying") if draft.retryable else self.tr("shorten it to save")
            text = self.tr("Not saved (%1): %2").replace("%1", retry).replace("%2", draft.error)
        self.conflict.setVisible(draft is not None and draft.conflict)
        count = len(self.text())
        if count >= COUNT_FROM:
            text = f"{text}  {count:,} / {MAX_NOTE_CHARS:,}".strip()
        if self._notice:
            text = f"{self._notice} {text}".strip()
            problem = True
        self.state.setText(text)
        self.state.setToolTip(plain_tooltip(draft.error) if draft is not None else "")
        self.setProperty("unsaved", problem)
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        red = "#f2b8b5" if dark else "#b3261e"
        self.state.setStyleSheet(f"color: {red};" if problem else "")
        self.editor.setStyleSheet(f"QPlainTextEdit {{ border: 2px solid {red}; }}" if problem else "")

    def retranslate(self) -> None:
        self.editor.setPlaceholderText(self.tr("Note (saved automatically)"))
        self.editor.setAccessibleName(self.tr("Note"))
        self.keep_both.setText(self.tr("Keep both"))
        self.keep_mine.setText(self.tr("Keep mine"))
        self.use_theirs.setText(self.tr("Use the other"))
        self.keep_both.setToolTip(self.tr("Save your text followed by the other window's text"))
        self.keep_mine.setToolTip(self.tr("Save your text in place of the other window's text"))
        self.use_theirs.setToolTip(self.tr("Discard your text and show the other window's text"))
        if self.key is not None:
            self._show_state("")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.editor and event.type() == QEvent.Type.FocusOut:
            self.save()
        return False


class DetailNote(QFrame):
    """The note under the page in the detail pane: a "Note" heading and a NoteEditor."""

    def __init__(self, drafts: NoteDrafts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailNote")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # the page gets the rest
        self.heading = QLabel(self)
        self.heading.setObjectName("detailNoteHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.note = NoteEditor(drafts, self, lines=4)
        self.heading.setBuddy(self.note.editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        self.retranslate()

    def show_for(self, key: tuple[str, int] | None) -> None:
        """Edit the note of ``key``; hidden for pages that take no note."""
        if key is None:
            self.note.unload()
        else:
            self.note.load(*key)
        self.setVisible(key is not None)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Note"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# --- closing a window with unsaved note text -------------------------------------------
def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def key_title(key: tuple[str, int]) -> str:
    kind, number = key
    title = tr("Recommendation %1") if kind == "recommendation" else tr("Review recommendation %1")
    return title.replace("%1", str(number))


def ask_unsaved(parent: QWidget, drafts: dict[tuple[str, int], Draft]) -> str:
    """Ask what to do with note text the store refused: "save", "keep" (the window open) or "discard"."""
    box = QMessageBox(QMessageBox.Icon.Warning, tr("Unsaved notes"), "", QMessageBox.StandardButton.NoButton, parent)
    names = "、".join(key_title(k) for k in sorted(drafts))
    reasons = {d.error for d in drafts.values() if d.error}
    text = tr("These notes are not saved: %1.").replace("%1", names)
    if any(d.conflict for d in drafts.values()):
        text += " " + tr("Some were changed in another window.")
    box.setText(text)
    box.setInformativeText("\n".join(sorted(reasons)))
    box.setTextFormat(Qt.TextFormat.PlainText)
    role = QMessageBox.ButtonRole
    save = box.addButton(tr("Save to a Text File…"), role.AcceptRole)
    keep = box.addButton(tr("Keep the Window Open"), role.RejectRole)
    box.addButton(tr("Discard"), role.DestructiveRole)
    box.setDefaultButton(save)
    box.setEscapeButton(keep)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "keep" if clicked is keep or clicked is None else "discard"


def choose_text_file(parent: QWidget) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, tr("Save Unsaved Notes"), "notes.txt", tr("Text files (*.txt)"))
    return path


def write_notes_file(path: str, drafts: dict[tuple[str, int], Draft]) -> None:
    """The unsaved notes as UTF-8 text, one titled section each (completely or not at all)."""
    from models.atomic_write import write_text

    parts = [f"{key_title(key)}\n\n{draft.text.rstrip()}\n" for key, draft in sorted(drafts.items())]
    write_text(path, "\n\n".join(parts))


def confirm_close(window: QWidget, drafts: NoteDrafts | None) -> bool:
    """Save every note editor of ``window``; with text still unsaved, ask. True when it may close."""
    for editor in window.findChildren(NoteEditor):
        editor.save()
    unsaved = drafts.unsaved() if drafts is not None else {}
    if not unsaved:
        return True
    choice = ask_unsaved(window, unsaved)
    if choice == "keep":
        return False
    if choice == "save":
        path = choose_text_file(window)
        if not path:
            return False
        try:
            write_notes_file(path, unsaved)
        except OSError as exc:
            show_message(window, QMessageBox.Icon.Warning, tr("Unsaved notes"), f"{path}: {exc.strerror or exc}")
            return False
    for key in unsaved:
        drafts.discard(*key)  # type: ignore[union-attr]
    return True
