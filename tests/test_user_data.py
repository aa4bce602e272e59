"""Where bookmarks, notes and settings live: one decision for every entry point, portable mode,
and clear words (in the UI language) when the folder cannot be used."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from ui_helpers import ensure_qm

from models import paths
from models.bookmarks import BookmarkStore
from models.settings import Settings, open_settings
from ui.i18n import Translations

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def real_locations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test overrides: the app decides its folders itself, under a temporary HOME, from a
    temporary app folder (so a ``portable`` marker there is harmless)."""
    for name in ("DA_NAVIGATOR_USER_DIR", "DA_NAVIGATOR_SETTINGS_DIR"):
        monkeypatch.delenv(name, raising=False)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    app = tmp_path / "app"
    app.mkdir()
    monkeypatch.setattr(paths, "app_dir", lambda: app)
    monkeypatch.setattr(paths, "_portable_requested", False)
    return tmp_path


def per_user(base: Path) -> Path:
    return base / "home" / "data" / paths.ORGANIZATION / paths.APPLICATION


@pytest.fixture
def english(qapp):
    ensure_qm()
    translations = Translations()
    translations.switch("en")
    yield translations


@pytest.fixture
def chinese(qapp):
    ensure_qm()
    translations = Translations()
    translations.switch("zh")
    yield translations
    translations.switch("en")


# --- the normal per-user folder ------------------------------------------------------------
def test_per_user_folder_whatever_the_running_application_is_called(real_locations: Path) -> None:
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.setApplicationName("da-navigator")  # what --print-summary's bare app was called
    data = paths.user_data()
    assert data.folder == per_user(real_locations) and not data.portable and data.message() == ""
    assert QCoreApplication.applicationName() == "da-navigator"  # the caller's names are left alone
    assert BookmarkStore().path == per_user(real_locations) / "bookmarks.sqlite"
    assert list((real_locations / "app").iterdir()) == []  # nothing in the app folder


# --- portable mode -------------------------------------------------------------------------
def test_portable_marker_keeps_bookmarks_notes_and_settings_in_the_app_folder(real_locations: Path) -> None:
    app = real_locations / "app"
    (app / "portable").write_text("", encoding="utf-8")
    data = paths.user_data()
    assert data == paths.UserData(app / "userdata", portable=True)
    store = BookmarkStore()
    store.set_note("recommendation", 6, "U 盘上的笔记")
    store.close()
    assert (app / "userdata" / "bookmarks.sqlite").is_file()
    settings = Settings()
    settings.set_zoom(3)
    settings.sync()
    assert (app / "userdata" / "settings.ini").is_file()
    assert Settings().zoom() == 3
    assert not per_user(real_locations).exists() and not (real_locations / "home" / "config").exists()


def test_portable_flag_does_the_same_without_a_marker(real_locations: Path) -> None:
    app = real_locations / "app"
    assert paths.user_data().folder == per_user(real_locations)
    paths.request_portable()
    assert paths.user_data().folder == app / "userdata"
    assert Path(open_settings().fileName()) == app / "userdata" / "settings.ini"


def test_main_accepts_portable(monkeypatch: pytest.MonkeyPatch) -> None:
    import main

    monkeypatch.setattr(paths, "_portable_requested", False)
    monkeypatch.setattr("export_cli.export_json_cli", lambda path: 0)
    assert main.main(["--portable", "--export-json", "x.json"]) == 0
    assert paths.portable_requested()


def test_unwritable_portable_folder_falls_back_and_says_so(real_locations: Path, english) -> None:
    app = real_locations / "app"
    (app / "portable").write_text("", encoding="utf-8")
    (app / "userdata").write_text("not a folder", encoding="utf-8")  # in the way, even for root
    data = paths.user_data()
    assert data.folder == per_user(real_locations) and not data.portable
    message = data.message()
    assert str(app / "userdata") in message and str(per_user(real_locations)) in message
    assert "cannot be written to" in message and "a file of that name is in the way" in message
    assert BookmarkStore().path.parent == per_user(real_locations)
    assert not Path(open_settings().fileName()).is_relative_to(app)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes to read-only folders")
def test_read_only_portable_folder_falls_back(real_locations: Path, english) -> None:
    app = real_locations / "app"
    (app / "portable").write_text("", encoding="utf-8")
    (app / "userdata").mkdir()
    (app / "userdata").chmod(0o555)
    try:
        data = paths.user_data()
    finally:
        (app / "userdata").chmod(0o755)
    assert data.folder == per_user(real_locations) and "permission denied" in data.message()


def test_window_tells_about_the_refused_portable_folder(real_locations: Path, repo, qtbot, chinese) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui.main_window import MainWindow

    app = real_locations / "app"
    (app / "portable").write_text("", encoding="utf-8")
    (app / "userdata").write_text("", encoding="utf-8")
    w = MainWindow(repo, chinese, Settings())
    qtbot.addWidget(w)
    w.finish_startup()
    box = w.findChild(QMessageBox, "bookmarkStoreProblem")
    assert box is not None and str(app / "userdata") in box.text() and "便携" in box.text()
    assert w.bookmarks.available  # bookmarks work, in the per-user folder
    box.close()


# --- no usable folder at all ---------------------------------------------------------------
def test_home_unset_turns_bookmarks_off_with_a_clear_message(real_locations: Path, monkeypatch, english) -> None:
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name)
    existed = Path("/.local").exists()
    data = paths.user_data()
    assert data.folder is None
    message = data.message()
    assert "Bookmarks and notes are off" in message and "HOME environment variable is not set" in message
    assert "$HOME/.local/share/DA Navigator/DA Navigator" in message  # where it tried, not //.local
    with pytest.raises(paths.UserDataUnavailable, match="Bookmarks and notes are off"):
        BookmarkStore()
    assert Path("/.local").exists() == existed  # nothing created at the file-system root
    settings = Settings()  # settings last for the session only
    settings.set_zoom(2)
    assert settings.zoom() == 2 and open_settings().fileName() == ""


def test_uncreatable_data_folder_names_the_path_and_reason(real_locations: Path, monkeypatch, chinese) -> None:
    blocker = real_locations / "blocker"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker / "data"))
    message = paths.user_data().message()
    assert str(blocker / "data") in message and "书签和备注" in message and "Errno" not in message


def test_window_without_a_data_folder_says_where_it_tried(real_locations: Path, monkeypatch, repo, qtbot,
                                                         english) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui.main_window import MainWindow

    monkeypatch.delenv("HOME")
    monkeypatch.delenv("XDG_DATA_HOME")
    w = MainWindow(repo, english, Settings())
    qtbot.addWidget(w)
    w.finish_startup()
    box = w.findChild(QMessageBox, "bookmarkStoreProblem")
    assert box is not None and "Bookmarks and notes are off" in box.text() and ".local" in box.text()
    assert "Errno" not in box.text() and not w.bookmarks.available
    box.close()


# --- store messages in the UI language ------------------------------------------------------------
def test_store_messages_follow_the_ui_language(tmp_path: Path, qapp) -> None:
    import sqlite3

    from models.bookmarks import StoreTooNewError

    path = tmp_path / "bookmarks.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    ensure_qm()
    translations = Translations()
    try:
        for lang, expected in (("en", "newer version"), ("zh", "更新版本")):
            translations.switch(lang)
            with pytest.raises(StoreTooNewError) as info:
                BookmarkStore(path)
            assert expected in str(info.value)
        translations.switch("en")
        with pytest.raises(ValueError, match="too long"):
            BookmarkStore(tmp_path / "other.sqlite").set_note("recommendation", 1, "x" * 100_001)
    finally:
        translations.switch("en")


# --- --print-summary reads the window's store ------------------------------------------------------
def test_print_summary_prints_notes_from_the_windows_store(real_locations: Path, content_db: Path) -> None:
    """No DA_NAVIGATOR_USER_DIR: the window's own store, found the same way by both entry points."""
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.setOrganizationName(paths.ORGANIZATION)  # as the window (ui.app.make_app) names itself
    QCoreApplication.setApplicationName(paths.APPLICATION)
    store = BookmarkStore()
    store.set_note("recommendation", 6, "窗口里写的笔记")
    store.close()
    data_home = real_locations / "home" / "data"
    before = sorted(p.relative_to(data_home) for p in data_home.rglob("*"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("DA_NAVIGATOR_")}
    env.update(DA_NAVIGATOR_DB=str(content_db), QT_QPA_PLATFORM="offscreen")
    out = real_locations / "r6.pdf"
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--print-summary", "6", "--output", str(out)],
                            cwd=real_locations, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "窗口里写的笔记" in "".join(text.split())
    after = sorted(p.relative_to(data_home) for p in data_home.rglob("*") if not p.name.endswith(("-wal", "-shm")))
    assert after == before  # no stray folder (such as da-navigator/) next to the store


# --- a read-only store is shown, not hidden -------------------------------------------------------
def _make_store(path: Path) -> None:
    store = BookmarkStore(path)
    store.set_note("recommendation", 6, "只读的笔记")
    store.close()


def test_read_only_store_is_shown_read_only(isolated_user_state: Path, monkeypatch, repo, qtbot, english) -> None:
    """The user may not write to the store (as root, pretend so): bookmarks and notes show, nothing edits."""
    from PySide6.QtWidgets import QMessageBox

    from models import bookmark_schema
    from ui.main_window import MainWindow

    path = paths.user_data_dir() / paths.BOOKMARK_FILE
    _make_store(path)
    real_access = os.access
    monkeypatch.setattr(bookmark_schema.os, "access",
                        lambda p, mode: False if Path(p) in (path, path.parent) else real_access(p, mode))
    w = MainWindow(repo, english, Settings())
    qtbot.addWidget(w)
    w.finish_startup()
    w.detail.show_target("rec:6")
    assert w.bookmarks.available and w.bookmarks.read_only
    assert w.bookmarks.is_bookmarked("rec:6") and w.bookmarks.note("rec:6") == "只读的笔记"
    assert not w.actions_.toggle_bookmark.isEnabled()
    box = w.findChild(QMessageBox, "bookmarkStoreProblem")
    assert box is not None and "read-only" in box.text() and str(path) in box.text()
    box.close()
    panel = w.extras.panel
    assert panel is not None and w.actions_.show_bookmarks.isEnabled()
    row = panel.rows[("recommendation", 6)]
    assert row.editor.toPlainText() == "只读的笔记" and row.editor.isReadOnly()
    assert not row.remove_button.isEnabled() and not panel.import_button.isEnabled()
    with pytest.raises(Exception, match="read-only"):
        w.bookmarks.store.add("recommendation", 7)


_READ_ONLY_CHECK = """
import sys
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from models.bookmarks import BookmarkStore
store = BookmarkStore(Path(sys.argv[1]))
print(store.read_only, store.note("recommendation", 6))
"""


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_store_in_a_read_only_folder_opens_for_reading(tmp_path: Path) -> None:
    """A store closed cleanly (WAL mode, no -wal/-shm files left) in a folder the user cannot write to."""
    import shutil
    import tempfile

    as_user: list[str] = []
    base = Path(tempfile.mkdtemp(prefix="da-ro-", dir="/tmp"))
    try:
        if os.geteuid() == 0:
            if not shutil.which("setpriv"):
                pytest.skip("needs setpriv to run as another user")
            as_user = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
        base.chmod(0o755)
        folder = base / "data"
        folder.mkdir()
        _make_store(folder / "bookmarks.sqlite")
        assert sorted(p.name for p in folder.iterdir()) == ["bookmarks.sqlite"]
        (folder / "bookmarks.sqlite").chmod(0o444)
        folder.chmod(0o555)
        result = subprocess.run([*as_user, sys.executable, "-c", _READ_ONLY_CHECK, str(folder / "bookmarks.sqlite"),
                                 str(ROOT)], capture_output=True, text=True, timeout=60)
        if as_user and "Permission denied" in result.stderr and "python" in result.stderr.lower():
            pytest.skip("the interpreter is not readable by nobody")
        assert result.returncode == 0, result.stderr
        assert result.stdout.split() == ["True", "只读的笔记"]
        assert sorted(p.name for p in folder.iterdir()) == ["bookmarks.sqlite"]
    finally:
        folder.chmod(0o755)
        shutil.rmtree(base)


def test_print_summary_without_home_says_notes_are_off(tmp_path: Path, content_db: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("DA_NAVIGATOR_") and k not in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME")}
    env.update(DA_NAVIGATOR_DB=str(content_db), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--print-summary", "6", "--output", "r6.pdf"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "notes not included" in result.stderr and "HOME environment variable is not set" in result.stderr
    assert (tmp_path / "r6.pdf").read_bytes().startswith(b"%PDF")
