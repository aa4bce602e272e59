"""Typed notes are never lost (issue 9): a failing save keeps and retries the text, closing asks,
one length limit everywhere, and two windows editing one note keep both texts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from models import bookmark_io
from models.bookmark_signals import BookmarkNotifier
from models.bookmarks import MAX_NOTE_CHARS, BookmarkStore, NoteConflict, NoteTooLongError
from models.note_drafts import BOTH_SEPARATOR
from ui.messages import plain_tooltip
from ui.note_editor import NoteEditor

REC = "recommendation"


class FullDisk:
    """Wraps a store's connection: while ``full``, every write fails as SQLite fails on a full disk."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.full = True

    def execute(self, sql: str, *args):
        if self.full and sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self._conn, name)


@pytest.fixture
def notifier(tmp_path: Path):
    store = BookmarkStore(tmp_path / "bookmarks.sqlite")
    notes = BookmarkNotifier(store, poll_ms=0)
    yield notes
    notes.detach()
    store.close()


@pytest.fixture
def editor(qtbot, notifier: BookmarkNotifier) -> NoteEditor:
    widget = NoteEditor(notifier.drafts)
    qtbot.addWidget(widget)
    widget.resize(400, 200)
    widget.show()
    widget.load(REC, 6)
    return widget


# --- a failing save is never silent ------------------------------------------------------
def test_disk_full_keeps_the_text_marks_it_unsaved_and_retries(qtbot, editor: NoteEditor) -> None:
    store = editor.drafts.store
    disk = FullDisk(store._conn)
    store._conn = disk
    qtbot.keyClicks(editor.editor, "our position")
    assert not editor.save()
    assert editor.text() == "our position"  # kept in the editor
    assert editor.property("unsaved") and editor.dirty
    assert "disk is full" in editor.state.text() and editor.state.isVisible()
    assert store.note(REC, 6) == "" and editor.drafts.unsaved()
    assert editor.drafts._retry.isActive()  # tried again later
    disk.full = False  # space freed
    editor.drafts.retry()
    assert store.note(REC, 6) == "our position"
    assert not editor.property("unsaved") and not editor.dirty and not editor.drafts.unsaved()


def test_read_only_store_keeps_the_text(editor: NoteEditor) -> None:
    store = editor.drafts.store
    store._conn.execute("PRAGMA query_only = ON")  # writes fail with SQLite's "readonly database" error
    editor.editor.setPlainText("typed while the store is read-only")
    assert not editor.save()
    assert editor.text() == "typed while the store is read-only" and editor.property("unsaved")
    assert "readonly" in editor.state.text() or "read-only" in editor.state.text()
    # Switching to another note and back shows the kept text, not the (empty) stored one.
    editor.load(REC, 7)
    editor.load(REC, 6)
    assert editor.text() == "typed while the store is read-only" and editor.property("unsaved")


# --- one limit: store, editor, import and export ----------------------------------------
def test_one_note_limit_everywhere(editor: NoteEditor) -> None:
    assert bookmark_io.MAX_NOTE_CHARS is MAX_NOTE_CHARS
    with pytest.raises(NoteTooLongError):
        editor.drafts.store.set_note(REC, 6, "x" * (MAX_NOTE_CHARS + 1))
    editor.editor.setPlainText("ab")
    cursor = editor.editor.textCursor()
    cursor.setPosition(1)
    editor.editor.setTextCursor(cursor)
    editor.editor.insertPlainText("字" * MAX_NOTE_CHARS)  # a paste that would make 100,002 characters
    text = editor.text()
    assert len(text) == MAX_NOTE_CHARS
    assert text.startswith("a字") and text.endswith("字b")  # the pasted tail is cut, not the user's text
    assert f"{MAX_NOTE_CHARS:,}" in editor.state.text()  # and the user is told
    assert editor.save()
    assert editor.drafts.store.note(REC, 6) == text


# --- two windows editing one note ----------------------------------------------------------
def test_two_store_instances_detect_the_conflict(tmp_path: Path) -> None:
    mine, theirs = BookmarkStore(tmp_path / "b.sqlite"), BookmarkStore(tmp_path / "b.sqlite")
    mine.set_note(REC, 6, "base")
    theirs.set_note(REC, 6, "their text", base="base")
    with pytest.raises(NoteConflict) as caught:
        mine.set_note(REC, 6, "my text", base="base")
    assert caught.value.theirs == "their text" and mine.note(REC, 6) == "their text"
    mine.set_note(REC, 6, "my text", base="their text")  # once the user has seen theirs
    assert theirs.note(REC, 6) == "my text"
    mine.close()
    theirs.close()


def test_conflicting_editors_keep_both_texts(qtbot, tmp_path: Path) -> None:
    stores = [BookmarkStore(tmp_path / "b.sqlite") for _ in range(2)]
    notifiers = [BookmarkNotifier(s, poll_ms=0) for s in stores]
    first, second = (NoteEditor(n.drafts) for n in notifiers)
    for widget in (first, second):
        qtbot.addWidget(widget)
        widget.show()
        widget.load(REC, 6)
    first.editor.setPlainText("first window")
    assert first.save()
    second.editor.setPlainText("second window")
    assert not second.save()  # not silently over the first window's text
    assert stores[0].note(REC, 6) == "first window"
    assert second.text() == "second window" and second.conflict.isVisible()
    assert "another window" in second.conflict_text.text() or "其他窗口" in second.conflict_text.text()
    assert second.conflict_text.toolTip() == plain_tooltip("first window")  # theirs, shown literally
    second.keep_both.click()
    assert stores[1].note(REC, 6) == "second window" + BOTH_SEPARATOR + "first window"
    assert second.text() == stores[1].note(REC, 6) and not second.conflict.isVisible()
    stores[0].poll_external()
    assert first.text() == stores[1].note(REC, 6)  # the first window shows the merged note
    for n, s in zip(notifiers, stores, strict=True):
        n.detach()
        s.close()


def test_conflict_choices_mine_and_theirs(qtbot, tmp_path: Path) -> None:
    store, other = BookmarkStore(tmp_path / "b.sqlite"), BookmarkStore(tmp_path / "b.sqlite")
    notifier = BookmarkNotifier(store, poll_ms=0)
    widget = NoteEditor(notifier.drafts)
    qtbot.addWidget(widget)
    widget.load(REC, 6)
    other.set_note(REC, 6, "theirs")
    widget.editor.setPlainText("mine")
    assert not widget.save()
    widget.resolve("mine")
    assert store.note(REC, 6) == "mine" and widget.text() == "mine"
    other.set_note(REC, 6, "theirs again", base="mine")
    widget.editor.setPlainText("mine again")
    assert not widget.save()
    widget.resolve("theirs")
    assert store.note(REC, 6) == "theirs again" and widget.text() == "theirs again" and not widget.dirty
    notifier.detach()
    store.close()
    other.close()


def test_a_refused_removal_is_said_not_raised(qtbot, repo, notifier: BookmarkNotifier) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui.bookmarks_panel import BookmarksPanel

    panel = BookmarksPanel(notifier, repo)
    qtbot.addWidget(panel)
    notifier.store.set_note(REC, 6, "kept")
    notifier.store._conn = FullDisk(notifier.store._conn)
    assert not panel.remove(REC, 6)
    box = panel.findChild(QMessageBox)
    assert box is not None and "disk is full" in box.text()
    assert notifier.store.is_bookmarked(REC, 6) and notifier.store.note(REC, 6) == "kept"
    box.close()
