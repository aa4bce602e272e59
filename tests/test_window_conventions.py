"""Desktop conventions: the window comes back on a screen and fits it, the Windows taskbar identity,
PDF export without a printer, and nothing written inside the app folder."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QGuiApplication

from models.settings import Settings
from ui.i18n import Translations
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent


def saved_geometry(rect: QRect, screen_width: int, screen: int = 0, maximized: bool = False) -> QByteArray:
    """A QWidget::saveGeometry() blob (format 3.0) as another machine or monitor set-up would leave it."""
    edges = struct.pack(">iiii", rect.left(), rect.top(), rect.right(), rect.bottom())
    return QByteArray(struct.pack(">IHH", 0x1D9D0CB, 3, 0) + edges + edges
                      + struct.pack(">ibbi", screen, maximized, 0, screen_width) + edges)


def open_window(repo, qtbot) -> MainWindow:
    w = MainWindow(repo, Translations(), Settings())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def assert_on_a_screen(w: MainWindow) -> None:
    """The whole window (inside its frame) is on one screen, title bar included."""
    inner, frame = w.geometry(), w.frameGeometry()
    areas = [s.availableGeometry() for s in QGuiApplication.screens()]
    assert any(area.contains(inner) and frame.top() >= area.top() for area in areas), (frame, areas)


@pytest.mark.parametrize("rect", [QRect(20000, 20000, 700, 500), QRect(-9000, -9000, 700, 500),
                                  QRect(50, -4000, 700, 500), QRect(0, 0, 5000, 4000)],
                         ids=["far-right", "far-left", "above", "huge"])
@pytest.mark.parametrize("other_monitors", [False, True], ids=["same-screen", "other-screen-set-up"])
def test_saved_geometry_outside_every_screen_comes_back_on_screen(repo, qtbot, rect, other_monitors) -> None:
    primary = QGuiApplication.primaryScreen()
    width = primary.geometry().width() + (1920 if other_monitors else 0)
    Settings().set_geometry(saved_geometry(rect, width, screen=2 if other_monitors else 0))
    w = open_window(repo, qtbot)
    assert_on_a_screen(w)
    assert w.width() >= 400 and w.height() >= 300  # a real window, not Qt's 200x100 fallback


def test_default_size_fits_a_small_or_high_dpi_screen(repo, qtbot) -> None:
    """1360x860 does not fit 1280x720 (1920x1080 at 150%), nor the 800x800 offscreen screen."""
    w = open_window(repo, qtbot)
    assert_on_a_screen(w)
    area, frame = QGuiApplication.primaryScreen().availableGeometry(), w.frameGeometry()
    assert frame.width() == min(1360, area.width()) or w.width() == 1360
    assert frame.height() == min(860, area.height()) or w.height() == 860


def test_a_geometry_that_fits_is_restored_exactly(repo, qtbot) -> None:
    Settings().set_geometry(saved_geometry(QRect(40, 60, 600, 450), QGuiApplication.primaryScreen().geometry().width()))
    w = open_window(repo, qtbot)
    assert (w.width(), w.height()) == (600, 450)
    assert_on_a_screen(w)


# --- Windows taskbar identity ---------------------------------------------------------------------
def test_windows_app_user_model_id(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctypes

    from ui import app

    calls = []

    class Shell32:
        @staticmethod
        def SetCurrentProcessExplicitAppUserModelID(value: str) -> int:  # noqa: N802 - the Win32 name
            calls.append(value)
            return 0

    monkeypatch.setattr(ctypes, "windll", type("WinDLL", (), {"shell32": Shell32})(), raising=False)
    assert app.set_windows_app_id("win32") is True
    assert calls == [app.APP_USER_MODEL_ID] and " " not in calls[0] and len(calls[0]) <= 128
    assert app.set_windows_app_id("linux") is False and len(calls) == 1
    calls.clear()
    monkeypatch.setattr(sys, "platform", "win32")
    app.make_app()  # start-up sets it before any window exists
    assert calls == [app.APP_USER_MODEL_ID]


# --- PDF without a printer -----------------------------------------------------------------------
def test_pdf_export_needs_no_printer(repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp) -> None:
    import ui.printing as printing

    def no_printer(*_args, **_kwargs):
        raise AssertionError("PDF export must not need a printer")

    monkeypatch.setattr(printing, "QPrinter", no_printer)
    monkeypatch.setattr(printing, "QPrintPreviewDialog", no_printer)
    out = printing.export_summary_pdf(None, repo, [6], None, tmp_path / "r6.pdf")
    assert out is not None and out.read_bytes().startswith(b"%PDF")
    pack = printing.export_briefing_pack(None, repo, [], None, tmp_path / "pack.pdf", chosen=[6, 12])
    assert pack is not None and pack.read_bytes().startswith(b"%PDF")


def test_print_summary_with_no_printing_system(content_db: Path, tmp_path: Path) -> None:
    """No CUPS server reachable (no printer installed): the command line still writes the PDF."""
    env = {**os.environ, "DA_NAVIGATOR_DB": str(content_db), "QT_QPA_PLATFORM": "offscreen",
           "CUPS_SERVER": str(tmp_path / "no-cups.sock"), "DA_NAVIGATOR_USER_DIR": str(tmp_path / "user")}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--print-summary", "6", "--output", "r6.pdf"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "r6.pdf").read_bytes().startswith(b"%PDF")


# --- nothing written inside the app folder ------------------------------------------------------------
def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    skip = {".git", ".venv", "__pycache__", ".pytest_cache", ".ruff_cache"}
    found = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if d not in skip]
        for name in filenames:
            path = Path(dirpath, name)
            st = path.lstat()
            found[str(path.relative_to(folder))] = (st.st_size, st.st_mtime_ns)
    return found


def test_the_app_writes_nothing_inside_its_folder(content_db: Path, tmp_path: Path) -> None:
    """The window (started and closed), --print-summary and --self-test, with no test overrides:
    user data goes to the per-user folders, the app folder (here the project root) is untouched."""
    before = _snapshot(ROOT)
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DA_NAVIGATOR_")}
    env.update(DA_NAVIGATOR_DB=str(content_db), QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1",
               HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_CACHE_HOME=str(home / "cache"), DA_NAVIGATOR_BENCH_READY=str(tmp_path / "ready"))
    for args in ([], ["--print-summary", "6"], ["--self-test", "report.json"]):
        result = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=tmp_path, env=env,
                                capture_output=True, text=True, timeout=180)
        assert result.returncode == 0, (args, result.stderr[-2000:])
    assert (tmp_path / "ready").exists() and (home / "config" / "DA Navigator" / "DA Navigator.ini").exists()
    assert _snapshot(ROOT) == before


def test_the_app_draws_with_fusion_on_every_platform() -> None:
    """Windows' own style paints a selected row in a light theme colour under the palette's white
    selected text (unreadable); Fusion draws with the app's AA palette everywhere (even when the
    environment asks for another style)."""
    probe = (
        "import qt_compat; qt_compat.apply()\n"
        "from ui.app import make_app\n"
        "app = make_app()\n"
        "print(app.style().name())\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_STYLE_OVERRIDE": "windows"})
    assert out.stdout.strip() == "fusion"
