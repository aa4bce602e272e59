"""Application start-up: QApplication, fonts, palette, translators, repository, main window."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPixmapCache
from PySide6.QtWidgets import QApplication, QWidget

from models import exit_codes
from models.paths import resource
from models.settings import APPLICATION, ORGANIZATION, Settings
from models.target import Target
from ui.i18n import Translations

PIXMAP_CACHE_KB = 2048


# Windows taskbar identity (Company.Product.SubProduct): groups the app's windows under its icon.
APP_USER_MODEL_ID = "DANavigator.DANavigator.Reader"


def set_windows_app_id(platform: str | None = None) -> bool:
    """On Windows, give the process an explicit AppUserModelID (before any window exists), so the
    taskbar shows the app's own icon and groups its windows instead of showing python's; True if set."""
    if (platform or sys.platform) != "win32":
        return False
    import ctypes

    try:
        result = ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_USER_MODEL_ID)
    except (AttributeError, OSError):
        return False
    return result == 0  # S_OK


def make_app(argv: list[str] | None = None) -> QApplication:
    from models import warmup

    warmup.finish()  # Qt reads fontconfig from here on: not while the warm-up thread does
    # Qt's raster engine hands every fill 96 or more lines high (a scroll bar's gradient, a pane's
    # background) to a thread pool and waits for it. A window's fills are too small to gain: without the
    # pool a 789 px scroll bar repaints in 0.4 ms, not 3.1, and the whole window in ~3 ms, not 6.8
    # (docs/reader.md). Read when the pool is first wanted, so set before the application exists.
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    set_windows_app_id()
    if QApplication.instance() is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    # Fusion everywhere: it draws with the app's palette (ui/palette.py, every pair AA), where Windows'
    # own style paints selections in its light theme colour under our white selected text.
    app = QApplication.instance() or QApplication([*(argv or sys.argv[:1]), "-style", "fusion"])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("DA Navigator")
    from models.fonts import register_bundled_font

    register_bundled_font(app)
    # A small pixmap cache: without the app's style set-up, 1,000 mixed reader operations grew RSS
    # by 55 MB with Qt's 10 MB default and by 21 MB with 2 MB (see docs/guarantees.md).
    QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)
    from ui.palette import make_palette, system_is_dark

    app.setPalette(make_palette(system_is_dark()))  # every text colour at least WCAG AA (4.5:1)
    return app


def set_window_icon() -> None:
    """The windows' icon, set once the main window has started (after its first paint: on X11 Qt
    decodes and sends the 256 px image when a window is shown, ~4 ms the first paint does not need)."""
    icon = resource("icons", "app.png")
    if icon.exists():
        QGuiApplication.setWindowIcon(QIcon(str(icon)))


def resume_collection() -> None:
    """Garbage collection after the first paint (main.py turns it off for the window's start-up, whose
    objects live as long as the window): collect what start-up left over, then freeze the survivors,
    so that later collections, e.g. while a search is typed, do not walk them again."""
    if gc.isenabled():  # not started by main.py (tests call run_app): nothing to resume
        return
    gc.enable()
    gc.collect()
    gc.freeze()


def choose_language(requested: str | None, settings: Settings) -> str:
    """--lang, then the saved choice, then Chinese (the default)."""
    return requested or settings.language() or "zh"


def show_content_error(parent: QWidget | None, error: Exception, damaged: bool = True) -> None:
    """A modal box saying the installation is damaged (reinstall), with the reason as plain text."""
    title = QApplication.translate("app", "DA Navigator cannot continue")
    if damaged:
        text = QApplication.translate(
            "app", "The installation is damaged: the content database cannot be read. "
            "Please reinstall DA Navigator.\n\nDetails: %1")
    else:
        text = QApplication.translate("app", "The content database could not be opened:\n\n%1")
    from PySide6.QtWidgets import QMessageBox  # not at import: its type costs ~4 ms of start-up

    from ui.messages import show_message

    show_message(parent, QMessageBox.Icon.Critical, title, text.replace("%1", str(error)))


class ContentGuard:
    """While installed, a ContentError raised in any slot shows one dialog and closes the windows, so the
    app ends with exit_codes.CONTENT (closing normally: unsaved notes still get their prompt); no traceback.
    Any other exception goes to the previous ``sys.excepthook``."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.code = 0
        self._previous = sys.excepthook

    def __enter__(self) -> ContentGuard:
        self._previous = sys.excepthook
        sys.excepthook = self._hook
        return self

    def __exit__(self, *exc: object) -> None:
        sys.excepthook = self._previous

    def _hook(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        from models.repository import ContentError

        if not isinstance(value, ContentError):
            self._previous(kind, value, tb)
            return
        if self.code:  # already reported; the windows are closing
            return
        self.code = exit_codes.CONTENT
        show_content_error(self.app.activeWindow(), value)
        self.app.closeAllWindows()  # the last window closed ends app.exec(); run_app returns self.code


def run_app(args: argparse.Namespace) -> int:
    from ui.ready_probe import install_ready_probe, mark

    mark("imported")
    app = make_app()
    mark("application")
    settings = Settings()
    translations = Translations()
    translations.switch(choose_language(getattr(args, "lang", None), settings))
    from models.repository import ContentDamaged, ContentError, ContentRepository

    try:
        repo = ContentRepository()
        mark("repository")
    except ContentError as exc:
        show_content_error(None, exc, damaged=isinstance(exc, ContentDamaged))
        return exit_codes.CONTENT
    from ui.main_window import MainWindow

    mark("window module")
    with ContentGuard(app) as guard:
        try:
            window = MainWindow(repo, translations, settings)
            mark("window built")
            number = getattr(args, "open", None)
            if not window.detail.show_target(str(Target.rec(number)) if number else settings.last_target()):
                window.detail.show_target("cover")  # an unknown --open number or a stale saved page
            mark("page rendered")
        except ContentError as exc:  # damage found while building the window
            show_content_error(None, exc)
            repo.close()
            return exit_codes.CONTENT
        window.started.connect(set_window_icon)
        window.started.connect(resume_collection)
        install_ready_probe(window, lambda: window.tree_model.rowCount() > 0)  # bench only (env var)
        window.show()
        mark("shown")
        code = app.exec()
    repo.close()
    return guard.code or code
