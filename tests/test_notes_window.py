"""Notes where the reader is (issue 11 item 4), one symbol per meaning (item 5), and closing a
window with unsaved note text (issue 9)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QRect
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem
from test_notes import FullDisk
from ui_helpers import ensure_qm

from models.bookmarks import BookmarkStore
from models.paths import user_data_dir
from models.settings import Settings
from ui import note_editor
from ui.actions import icon
from ui.i18n import Translations
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
REC = "recommendation"


@pytest.fixture
def make_window(repo, qtbot):
    made = []

    def make(lang: str = "zh", target: str = "") -> MainWindow:
        ensure_qm()
        translations = Translations()
        translations.switch(lang)
        w = MainWindow(repo, translations, Settings())
        qtbot.addWidget(w)
        if target:
            w.detail.show_target(target)  # as ui/app.py opens the last page, before the first paint
        w.show()
        w.finish_startup()
        made.append((w, translations))
        return w

    yield make
    for w, translations in made:
        if w.bookmarks.drafts is not None:
            for key in list(w.bookmarks.drafts.unsaved()):
                w.bookmarks.drafts.discard(*key)
        translations.switch("en")


# --- the note under the recommendation ---------------------------------------------------
def test_note_is_edited_in_the_detail_pane(make_window, qtbot) -> None:
    w = make_window()
    w.detail.show_target("rec:6")
    assert w.note.isVisible() and w.note.heading.text() == "备注"
    w.note.note.editor.setFocus()
    qtbot.keyClicks(w.note.note.editor, "position")
    qtbot.waitUntil(lambda: w.bookmarks.store.note(REC, 6) == "position", timeout=3000)
    assert w.bookmarks.is_bookmarked("rec:6")  # a note bookmarks its recommendation
    w.note.note.editor.setPlainText("changed, then the reader moves on")
    w.detail.show_target("review:3")  # switching pages saves the pending edit
    assert w.bookmarks.store.note(REC, 6) == "changed, then the reader moves on"
    assert w.note.isVisible() and w.note.note.text() == ""
    w.detail.show_target("cover")
    assert not w.note.isVisible()
    w.detail.show_target("rec:6")
    assert w.note.note.text() == "changed, then the reader moves on"
    assert "changed, then" not in w.detail.browser.toPlainText()  # shown once: in the editor


def test_after_a_restart_the_page_shows_its_mark_and_note(make_window) -> None:
    BookmarkStore(user_data_dir() / "bookmarks.sqlite").set_note(REC, 6, "立场：支持")
    w = make_window(target="rec:6")
    assert "icon:bookmark" in w.detail.browser.toHtml()  # the heading's bookmark mark
    assert w.note.note.text() == "立场：支持"


def test_bookmarks_panel_reopens_if_it_was_open_at_quit(make_window) -> None:
    first = make_window()
    first.actions_.show_bookmarks.trigger()
    assert first.extras.dock.isVisible()
    assert first.close()
    again = make_window()
    assert again.extras.dock.isVisible() and again.actions_.show_bookmarks.isChecked()
    again.actions_.show_bookmarks.trigger()
    assert again.close()
    assert not make_window().extras.dock.isVisible()


# --- closing with unsaved note text ----------------------------------------------------------
def _unsaved_window(make_window, text: str) -> MainWindow:
    w = make_window(lang="en")
    w.detail.show_target("rec:6")
    w.bookmarks.store._conn = FullDisk(w.bookmarks.store._conn)
    w.note.note.editor.setPlainText(text)
    return w


def test_close_with_an_unsaved_note_asks(make_window, monkeypatch, tmp_path: Path) -> None:
    asked = []
    monkeypatch.setattr(note_editor, "ask_unsaved", lambda parent, drafts: asked.append(drafts) or "keep")
    w = _unsaved_window(make_window, "typed on a full disk")
    assert not w.close() and w.isVisible()  # keep the window open
    assert list(asked[0]) == [(REC, 6)] and "disk is full" in asked[0][(REC, 6)].error
    assert w.note.note.text() == "typed on a full disk"

    out = tmp_path / "rescued.txt"
    monkeypatch.setattr(note_editor, "ask_unsaved", lambda parent, drafts: "save")
    monkeypatch.setattr(note_editor, "choose_text_file", lambda parent: str(out))
    assert w.close()
    assert "typed on a full disk" in out.read_text(encoding="utf-8")
    assert "Recommendation 6" in out.read_text(encoding="utf-8")


def test_close_can_discard_and_a_cancelled_file_dialog_keeps_the_window(make_window, monkeypatch) -> None:
    w = _unsaved_window(make_window, "to be discarded")
    monkeypatch.setattr(note_editor, "ask_unsaved", lambda parent, drafts: "save")
    monkeypatch.setattr(note_editor, "choose_text_file", lambda parent: "")
    assert not w.close()
    monkeypatch.setattr(note_editor, "ask_unsaved", lambda parent, drafts: "discard")
    assert w.close()


def test_close_with_everything_saved_does_not_ask(make_window, monkeypatch) -> None:
    monkeypatch.setattr(note_editor, "ask_unsaved", lambda parent, drafts: pytest.fail("asked"))
    w = make_window()
    w.detail.show_target("rec:6")
    w.note.note.editor.setPlainText("saved on close")
    assert w.close()
    assert BookmarkStore(user_data_dir() / "bookmarks.sqlite").note(REC, 6) == "saved on close"


# --- one symbol, one meaning -------------------------------------------------------------------
def _image(i: QIcon) -> QImage:  # noqa: F821 (QIcon only in the annotation)
    return i.pixmap(16, 16).toImage()


def test_bookmarks_have_their_own_icon(make_window) -> None:
    w = make_window()
    action = w.actions_.toggle_bookmark
    assert _image(action.icon()) == _image(icon("bookmark"))
    assert not (ROOT / "resources" / "icons" / "star.svg").exists()  # ★ means immediate implementation only
    w.actions_.toggle_bookmark.trigger() if w.detail.show_target("rec:6") else None
    html = w.detail.browser.toHtml()
    assert "icon:bookmark" in html and not any(ch in html for ch in "⚑🔖")


def test_tree_draws_the_bookmark_mark_beside_a_cut_title(make_window) -> None:
    w = make_window()
    w.bookmarks.toggle("rec:6")
    model, delegate = w.tree_model, w.tree.itemDelegate()
    blue = QColor("#1f6fd1")

    def mark_pixels(target: str) -> int:
        image = QImage(160, 24, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        option = QStyleOptionViewItem()
        option.rect, option.font, option.palette = QRect(0, 0, 160, 24), w.tree.font(), w.tree.palette()
        painter = QPainter(image)
        delegate.paint(painter, option, model.index_for(target))
        painter.end()
        edge = image.copy(160 - 26, 0, 26, 24)  # the right end, where an elided title ends in "…"
        return sum(
            1 for x in range(edge.width()) for y in range(edge.height())
            if _near(QColor(edge.pixel(x, y)), blue)
        )

    assert mark_pixels("rec:6") > 10  # the long title is cut, the mark stays
    assert mark_pixels("rec:7") == 0
    assert not isinstance(model.index_for("rec:6"), type(None)) and model.index_for("rec:6") != QModelIndex()


def _near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 90


def test_one_word_for_the_note() -> None:
    """备注 everywhere: code, translations, docs and print templates."""
    files = [*ROOT.glob("models/*.py"), *ROOT.glob("ui/*.py"), *ROOT.glob("docs/*.md"), ROOT / "README.md",
             *ROOT.glob("resources/print/*"), *ROOT.glob("resources/i18n/*.ts")]
    found = {str(p.relative_to(ROOT)) for p in files if re.search("笔记|我的备注", p.read_text(encoding="utf-8"))}
    assert found == set()
    ts = (ROOT / "resources" / "i18n" / "da_navigator_zh_CN.ts").read_text(encoding="utf-8")
    notes = re.findall(r"<source>(?:My note|Note)</source>\s*<translation>([^<]*)</translation>", ts)
    assert notes and set(notes) == {"备注"}
