"""Where bundled files and per-user files live, the same way in development and frozen builds.

User data (bookmarks, notes, settings) lives in ONE folder, decided by :func:`user_data` for every
entry point (window, ``--print-summary``, ``--self-test``):

1. ``DA_NAVIGATOR_USER_DIR`` (tests and benches);
2. portable mode (a file named ``portable`` in the app folder, or ``--portable``):
   ``<app folder>/userdata``, if that folder can be created and written to;
3. the per-user folder (QStandardPaths AppDataLocation, under the app's own names, whatever the
   running QCoreApplication is called).

When the per-user folder cannot be used (HOME unset, the folder cannot be created) there is no
folder: bookmarks are off, and :class:`UserData` says where the app tried and why.
"""

# No `from __future__ import annotations` here: NamedTuple turns string annotations into compiled
# ForwardRefs, ~0.3 ms a class on the start-up path; real annotations cost nothing.

import errno
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

# Project root in development; PyInstaller's unpack folder (sys._MEIPASS) when frozen.
ROOT = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))

CONTENT_DB = ROOT / "data" / "build" / "content.sqlite"
RESOURCES = ROOT / "resources"
#: The bundled font subsets under resources/fonts (built by tools/build_font.py; models/fonts.py loads them).
FONT_FILES = ("DANavigatorCJK.otf", "DANavigatorCJK-Bold.otf", "DANavigatorSymbols.ttf",
              "DANavigatorSymbols-Bold.ttf")

ORGANIZATION = "DA Navigator"
APPLICATION = "DA Navigator"
PORTABLE_MARKER = "portable"
PORTABLE_FOLDER = "userdata"
BOOKMARK_FILE = "bookmarks.sqlite"

_portable_requested = False


def content_db() -> Path:
    """The bundled content database (overridable with DA_NAVIGATOR_DB for tests and benches)."""
    return Path(os.environ.get("DA_NAVIGATOR_DB", CONTENT_DB))


def resource(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)


def prefetch_startup_files() -> int:
    """Ask the OS to start reading the big files start-up opens, the fonts (~4 MB) and the content
    database, in the background while Python imports Qt (Linux: ``posix_fadvise`` WILLNEED, which
    returns at once); on a cold start they are then in memory when the app opens them. Returns the
    number of files advised: 0 where the call does not exist (Windows) or for missing files."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return 0
    advised = 0
    for path in (*(resource("fonts", name) for name in FONT_FILES), content_db()):
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            advise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
            advised += 1
        except OSError:
            pass
        finally:
            os.close(fd)
    return advised


def app_dir() -> Path:
    """The folder the user installed or unpacked: the executable's folder when frozen, else the project root."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def request_portable(on: bool = True) -> None:
    """``--portable`` on the command line: the same as a ``portable`` marker file in the app folder."""
    global _portable_requested
    _portable_requested = on


def portable_requested() -> bool:
    return _portable_requested or (app_dir() / PORTABLE_MARKER).is_file()


class UserData(NamedTuple):
    """Where user data lives (``folder``; None when there is none) and what went wrong on the way."""

    folder: Path | None
    portable: bool = False
    # the portable folder that could not be used (the per-user folder is used instead)
    portable_refused: Path | None = None
    # the per-user folder that could not be used (then ``folder`` is None)
    refused: Path | None = None
    reason: str = ""

    def message(self) -> str:
        """A user-facing explanation in the UI language; empty when all is well."""
        from PySide6.QtCore import QCoreApplication

        # the reasons below are marked for translation; the system's own texts stay as they are
        reason = QCoreApplication.translate("UserData", self.reason)
        if self.folder is None:
            return (
                QCoreApplication.translate(
                    "UserData", "Bookmarks and notes are off: the app could not use the folder %1 (%2)."
                )
                .replace("%1", str(self.refused))
                .replace("%2", reason)
            )
        if self.portable_refused is not None:
            return (
                QCoreApplication.translate(
                    "UserData",
                    "Portable mode: the folder %1 cannot be written to (%2). "
                    "Bookmarks, notes and settings are kept in %3 instead.",
                )
                .replace("%1", str(self.portable_refused))
                .replace("%2", reason)
                .replace("%3", str(self.folder))
            )
        return ""


class UserDataUnavailable(OSError):
    """No folder for user data; ``str()`` is the user-facing message."""


def user_data(create: bool = True) -> UserData:
    """Decide the user-data folder, creating it unless ``create`` is False (readers such as
    ``--print-summary`` only look); never raises."""
    override = os.environ.get("DA_NAVIGATOR_USER_DIR")
    if override:
        folder = Path(override)
        problem = _create(folder) if create else ""
        return UserData(folder) if not problem else UserData(None, refused=folder, reason=problem)
    refused, why = None, ""
    if portable_requested():
        portable = app_dir() / PORTABLE_FOLDER
        why = _create(portable, probe=True) if create else _writable(portable)
        if not why:
            return UserData(portable, portable=True)
        refused = portable
    folder, problem = _per_user_folder()
    if not problem and create:
        problem = _create(folder)
    if problem:
        return UserData(None, portable_refused=refused, refused=folder, reason=problem)
    return UserData(folder, portable_refused=refused, reason=why)


def user_data_dir() -> Path:
    """The user-data folder; raises :class:`UserDataUnavailable` (a clear message) when there is none."""
    data = user_data()
    if data.folder is None:
        raise UserDataUnavailable(data.message())
    return data.folder


def _per_user_folder() -> tuple[Path, str]:
    """The platform's per-user data folder for this app, and why it cannot be used ("" if it can)."""
    from PySide6.QtCore import QDir, QStandardPaths

    with _app_names():
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    folder = Path(location) if location else Path("~", ORGANIZATION, APPLICATION)
    if sys.platform != "win32" and not os.environ.get("HOME") and not os.environ.get("XDG_DATA_HOME"):
        home = QDir.homePath()  # "/" without HOME: shown as $HOME/… rather than //.local/…
        if location.startswith(home):
            folder = Path("$HOME", location[len(home):].lstrip("/"))
        return folder, QT_TRANSLATE_NOOP("UserData", "the HOME environment variable is not set")
    if not location or not folder.is_absolute():
        return folder, QT_TRANSLATE_NOOP("UserData", "the system names no per-user data folder")
    return folder, ""


@contextmanager
def _app_names() -> Iterator[None]:
    """QStandardPaths builds app folders from QCoreApplication's names: use the app's own, always."""
    from PySide6.QtCore import QCoreApplication

    old = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    try:
        yield
    finally:
        QCoreApplication.setOrganizationName(old[0])
        QCoreApplication.setApplicationName(old[1])


def _create(folder: Path, probe: bool = False) -> str:
    """Create ``folder`` (and, with ``probe``, write and remove a file in it); the reason it failed, or ""."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if probe:
            test = folder / f".write-test-{os.getpid()}"
            test.write_bytes(b"")
            test.unlink()
    except OSError as exc:
        return _REASONS.get(exc.errno or 0) or exc.strerror or str(exc)
    return ""


def _writable(folder: Path) -> str:
    """Why ``folder`` (or, while it does not exist, its parent) cannot be written to, or ""."""
    target = folder if folder.exists() else folder.parent
    if not target.is_dir():
        return QT_TRANSLATE_NOOP("UserData", "a file of that name is in the way")
    return "" if os.access(target, os.W_OK) else QT_TRANSLATE_NOOP("UserData", "permission denied")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation; it is translated where it is shown."""
    return text


_REASONS = {
    errno.EACCES: QT_TRANSLATE_NOOP("UserData", "permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("UserData", "permission denied"),
    errno.EROFS: QT_TRANSLATE_NOOP("UserData", "read-only file system"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("UserData", "the disk is full"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("UserData", "a file of that name is in the way"),
    errno.EEXIST: QT_TRANSLATE_NOOP("UserData", "a file of that name is in the way"),
}
