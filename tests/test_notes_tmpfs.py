"""The issue's own case on a real full disk: the data folder on a 200 KB tmpfs, a note typed, the
window closed. Marked ``tmpfs`` (needs root to mount; `make test` leaves it out, .ci/run runs it)."""

from __future__ import annotations

import errno
import subprocess
from pathlib import Path

import pytest

from models.bookmarks import BookmarkStore
from ui import note_editor

pytestmark = pytest.mark.tmpfs


@pytest.fixture
def small_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A 200 KB tmpfs as the user-data folder."""
    folder = tmp_path / "data"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(folder)],
                             capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    monkeypatch.setenv("DA_NAVIGATOR_USER_DIR", str(folder))
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    """Take every free byte of ``folder``'s file system; returns the filler file."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def test_note_typed_on_a_full_disk_is_kept_and_the_close_asks(small_disk: Path, make_window, monkeypatch,
                                                              tmp_path: Path) -> None:
    w = make_window("en")
    w.detail.show_target("rec:6")
    filler = fill(small_disk)
    text = "Position on recommendation 6. " * 2000  # 60,000 characters: more than the disk has left
    w.note.note.editor.setPlainText(text)
    assert not w.note.note.save()
    assert w.note.note.text() == text and w.note.note.property("unsaved")
    assert w.bookmarks.store.note("recommendation", 6) == ""

    asked = []
    monkeypatch.setattr(note_editor, "ask_unsaved", lambda parent, drafts: asked.append(drafts) or "keep")
    assert not w.close()  # the window stays; nothing is lost
    assert asked and "full" in asked[0][("recommendation", 6)].error

    filler.unlink()  # space again: the retry saves it
    w.bookmarks.drafts.retry()
    assert not w.note.note.property("unsaved")
    assert w.close()
    assert BookmarkStore(small_disk / "bookmarks.sqlite").note("recommendation", 6) == text


def test_close_on_a_full_disk_saves_the_note_elsewhere(small_disk: Path, make_window, monkeypatch,
                                                        tmp_path: Path) -> None:
    w = make_window("zh")
    w.detail.show_target("rec:6")
    fill(small_disk)
    w.note.note.editor.setPlainText("磁盘已满时写下的立场。" * 3000)
    out = tmp_path / "rescued.txt"
    monkeypatch.setattr(note_editor, "ask_unsaved", lambda parent, drafts: "save")
    monkeypatch.setattr(note_editor, "choose_text_file", lambda parent: str(out))
    assert w.close()
    assert "磁盘已满时写下的立场。" * 3000 in out.read_text(encoding="utf-8")
