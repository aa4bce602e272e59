"""Shared fixtures: offscreen Qt, an isolated per-test user store and settings, a freshly built DB."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: no display needed, and nothing from the developer's session leaks in.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import qt_compat  # noqa: E402

qt_compat.apply()  # before any Qt call (PySide6 6.12 None refcount bug on 3.11)


@pytest.fixture(scope="session", autouse=True)
def app_fonts(qapp) -> None:
    """The bundled fonts registered once, as make_app does, so every test draws with the app's fonts
    whichever test runs first (printing registers them too: tests used to depend on their order)."""
    from models.fonts import register_bundled_font

    register_bundled_font(qapp)


@pytest.fixture(autouse=True)
def isolated_user_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user-data and settings folders; the real ones are never touched."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("DA_NAVIGATOR_USER_DIR", str(base / "data"))
    monkeypatch.setenv("DA_NAVIGATOR_SETTINGS_DIR", str(base / "settings"))
    from PySide6.QtCore import QCoreApplication, QSettings

    # Belt and braces for any QSettings() built without models.settings.open_settings().
    QCoreApplication.setOrganizationName("DA Navigator tests")
    QCoreApplication.setApplicationName("DA Navigator tests")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(base / "qsettings"))
    from models import names

    names.set_language("zh")  # display names as printed, whatever language an earlier test left
    return base


@pytest.fixture(scope="session")
def content_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The content database, built once per session from the source (never a stale data/build file)."""
    path = tmp_path_factory.mktemp("content") / "content.sqlite"
    result = subprocess.run(
        [sys.executable, "-m", "data.build", "--output", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not path.exists():
        pytest.fail(f"data.build failed ({result.returncode}):\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return path


@pytest.fixture
def repo(content_db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """A ContentRepository over the session's database (DA_NAVIGATOR_DB points there too)."""
    from models.repository import ContentRepository

    monkeypatch.setenv("DA_NAVIGATOR_DB", str(content_db))
    repository = ContentRepository(content_db)
    yield repository
    repository.close()


@pytest.fixture
def make_window(repo, qtbot) -> Iterator[object]:
    """A factory of reference windows in a UI language ("zh" or "en"), shown, finished and active, as
    run_app starts them. One Translations object serves them all and is switched back to English after."""
    from ui_helpers import ensure_qm

    from models.settings import Settings
    from ui.i18n import Translations
    from ui.main_window import MainWindow

    ensure_qm()
    translations = Translations()

    def make(lang: str = "zh") -> MainWindow:
        translations.switch(lang)
        window = MainWindow(repo, translations, Settings())
        qtbot.addWidget(window)
        window.show()
        window.finish_startup()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
        return window

    yield make
    translations.switch("en")


@pytest.fixture
def window(make_window) -> object:
    """The reference window in Chinese, the default UI language."""
    return make_window("zh")
