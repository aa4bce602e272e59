"""The bookmarks panel: rows follow the store, notes save themselves, import shows the merge summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.bookmark_signals import BookmarkNotifier
from models.bookmarks import BookmarkStore
from ui.bookmarks_panel import BookmarksPanel

REC = "recommendation"


@pytest.fixture
def panel(qtbot, repo, tmp_path: Path):
    store = BookmarkStore(tmp_path / "bookmarks.sqlite")
    notifier = BookmarkNotifier(store, poll_ms=0)
    widget = BookmarksPanel(notifier, repo)
    qtbot.addWidget(widget)
    widget.resize(380, 600)
    widget.show()
    yield widget
    notifier.detach()
    store.close()


def numbers_shown(panel: BookmarksPanel) -> list[int]:
    layout = panel.rows_layout
    rows = [layout.itemAt(i).widget() for i in range(layout.count()) if layout.itemAt(i).widget()]
    return [row.number for row in rows]


def test_rows_follow_the_store_and_sorting(panel: BookmarksPanel) -> None:
    assert panel.empty.isVisible()
    for n in (12, 3, 45):
        panel.store.add(REC, n)
    assert numbers_shown(panel) == [3, 12, 45]
    assert not panel.empty.isVisible()
    assert panel.rows[(REC, 3)].title.toolTip().startswith(("Recommendation 3", "建议 3"))
    panel.sort.setCurrentIndex(1)
    assert numbers_shown(panel) == [45, 3, 12]
    panel.store.remove(REC, 3)
    assert numbers_shown(panel) == [45, 12]


def test_note_saves_after_typing_and_on_focus_loss(qtbot, panel: BookmarksPanel) -> None:
    panel.store.add(REC, 6)
    row = panel.rows[(REC, 6)]
    row.editor.setFocus()
    qtbot.keyClicks(row.editor, "position")
    assert row.dirty
    qtbot.waitUntil(lambda: panel.store.note(REC, 6) == "position", timeout=3000)
    assert not row.dirty
    row.editor.setPlainText("line one\nline two")
    assert panel.flush()
    assert panel.store.note(REC, 6) == "line one\nline two"


def test_external_change_does_not_clobber_an_edit(panel: BookmarksPanel, tmp_path: Path) -> None:
    panel.store.set_note(REC, 7, "old")
    row = panel.rows[(REC, 7)]
    row.editor.setPlainText("mine, not saved yet")
    other = BookmarkStore(panel.store.path)
    other.set_note(REC, 7, "theirs")
    other.add(REC, 8)
    assert panel.store.poll_external()
    assert numbers_shown(panel) == [7, 8]
    assert row.editor.toPlainText() == "mine, not saved yet"
    # The later save does not overwrite the other window's text: both are kept, the user is asked.
    assert not panel.flush()
    assert panel.store.note(REC, 7) == "theirs"
    assert row.editor.toPlainText() == "mine, not saved yet" and not row.note.conflict.isHidden()
    other.set_note(REC, 8, "theirs again")
    panel.store.poll_external()
    assert panel.rows[(REC, 8)].editor.toPlainText() == "theirs again"


def test_open_request(qtbot, panel: BookmarksPanel) -> None:
    panel.store.add("review", 3)
    with qtbot.waitSignal(panel.openRequested) as blocker:
        panel.rows[("review", 3)].title.linkActivated.emit("open")
    assert blocker.args == ["review", 3]


def test_export_then_import_shows_summary(panel: BookmarksPanel, tmp_path: Path) -> None:
    panel.store.set_note(REC, 1, "a")
    out = tmp_path / "b.json"
    assert panel.export("json", str(out)) == 1
    panel.store.remove(REC, 1)
    data = json.loads(out.read_text(encoding="utf-8"))
    data["bookmarks"].append(dict(data["bookmarks"][0], number=2, note="b"))
    out.write_text(json.dumps(data), encoding="utf-8")
    message = panel.import_from(str(out), quiet=True)
    assert "新增 1" in message and "跳过 1" in message
    assert numbers_shown(panel) == [2]


def test_rejected_import_changes_nothing(panel: BookmarksPanel, tmp_path: Path) -> None:
    panel.store.set_note(REC, 1, "keep")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe not utf-8")
    message = panel.import_from(str(bad), quiet=True)
    assert "UTF-8" in message
    assert numbers_shown(panel) == [1] and panel.store.note(REC, 1) == "keep"


def test_closed_store_is_left_alone(panel: BookmarksPanel) -> None:
    """After the window closed the store, refreshes and language changes do nothing (no crash)."""
    panel.store.set_note(REC, 1, "saved")
    panel.rows[(REC, 1)].editor.setPlainText("typed after close")
    panel.store.close()
    panel.refresh()
    panel.retranslate()
    assert panel.flush() is False
    assert numbers_shown(panel) == [1]


def test_notifier_signals_local_and_external_changes(qtbot, tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path / "b.sqlite")
    notifier = BookmarkNotifier(store, poll_ms=50)
    with qtbot.waitSignal(notifier.changed) as local:
        store.toggle(REC, 9)
    assert local.args == [REC, 9]
    other = BookmarkStore(tmp_path / "b.sqlite")
    with qtbot.waitSignal(notifier.changed, timeout=3000) as external:
        other.add(REC, 10)  # another instance: picked up by the timer's poll
    assert external.args == ["", 0]
    notifier.detach()
    other.close()
    store.close()
