"""Typed wrapper over QSettings for window state, zoom, language and view options.

Settings live in the per-user settings location, or in the user-data folder in portable mode
(``models.paths.user_data``); with no usable user-data folder they last for the session only.
Tests and benches point them at a temporary folder with ``DA_NAVIGATOR_SETTINGS_DIR``.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from models.paths import APPLICATION, ORGANIZATION, user_data

__all__ = ["APPLICATION", "LANGUAGES", "ORGANIZATION", "SessionSettings", "Settings", "open_settings"]
LANGUAGES = ("zh", "en")
ZOOM_RANGE = (-6, 12)


SETTINGS_FILE = "settings.ini"


class SessionSettings:
    """The part of QSettings' interface Settings uses, kept in memory: nothing is written anywhere."""

    def __init__(self) -> None:
        self._values: dict[str, object] = {}

    def value(self, key: str, default: object = None) -> object:
        return self._values.get(key, default)

    def setValue(self, key: str, value: object) -> None:  # noqa: N802 - QSettings' name
        self._values[key] = value

    def sync(self) -> None:
        pass

    def fileName(self) -> str:  # noqa: N802 - QSettings' name
        return ""


def open_settings() -> QSettings | SessionSettings:
    """INI settings under DA_NAVIGATOR_SETTINGS_DIR (tests), in the portable user-data folder, or in
    the per-user location; session-only when there is no user-data folder at all (HOME unset)."""
    override = os.environ.get("DA_NAVIGATOR_SETTINGS_DIR")
    if override:
        folder = Path(override)
        folder.mkdir(parents=True, exist_ok=True)
        return QSettings(str(folder / SETTINGS_FILE), QSettings.Format.IniFormat)
    data = user_data()
    if data.folder is None:
        return SessionSettings()
    if data.portable:
        return QSettings(str(data.folder / SETTINGS_FILE), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


class Settings:
    """Read and write the few values the window persists; bad stored values fall back to defaults."""

    def __init__(self, store: QSettings | SessionSettings | None = None) -> None:
        self._s = store if store is not None else open_settings()

    def sync(self) -> None:
        self._s.sync()

    # --- raw state blobs ------------------------------------------------------------
    def _bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def set_geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def set_window_state(self, value: QByteArray) -> None:
        self._s.setValue("window/state", value)

    def splitter(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    def set_splitter(self, value: QByteArray) -> None:
        self._s.setValue("window/splitter", value)

    # --- scalar preferences -----------------------------------------------------------
    def _int(self, key: str, default: int) -> int:
        try:
            return int(self._s.value(key, default))
        except (TypeError, ValueError):
            return default

    def zoom(self) -> int:
        low, high = ZOOM_RANGE
        return max(low, min(high, self._int("view/zoom", 0)))

    def set_zoom(self, steps: int) -> None:
        low, high = ZOOM_RANGE
        self._s.setValue("view/zoom", max(low, min(high, int(steps))))

    def language(self) -> str | None:
        value = self._s.value("ui/language")
        return value if value in LANGUAGES else None

    def set_language(self, lang: str) -> None:
        if lang in LANGUAGES:
            self._s.setValue("ui/language", lang)

    def grouping(self) -> str:
        value = self._s.value("view/grouping", "cluster")
        return value if value in ("cluster", "sector") else "cluster"

    def set_grouping(self, value: str) -> None:
        self._s.setValue("view/grouping", value)

    def last_target(self) -> str:
        value = self._s.value("view/last", "cover")
        return value if isinstance(value, str) else "cover"

    def set_last_target(self, value: str) -> None:
        self._s.setValue("view/last", value)

    def last_folder(self) -> str:
        """Where the last file dialog was used ("" before the first one)."""
        value = self._s.value("files/last_folder", "")
        return value if isinstance(value, str) else ""

    def set_last_folder(self, value: str) -> None:
        self._s.setValue("files/last_folder", value)
