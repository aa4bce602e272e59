"""Where bundled files and per-user files live, the same way in development and frozen builds."""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: Project root in development; PyInstaller's unpack folder (sys._MEIPASS) when frozen.
ROOT = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))

CONTENT_DB = ROOT / "data" / "build" / "content.sqlite"
RESOURCES = ROOT / "resources"


def content_db() -> Path:
    """The bundled content database (overridable with DA_NAVIGATOR_DB for tests and benches)."""
    return Path(os.environ.get("DA_NAVIGATOR_DB", CONTENT_DB))


def resource(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)


def user_data_dir() -> Path:
    """Writable per-user folder (QStandardPaths.AppDataLocation); created on demand."""
    override = os.environ.get("DA_NAVIGATOR_USER_DIR")
    if override:
        path = Path(override)
    else:
        from PySide6.QtCore import QStandardPaths

        path = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    path.mkdir(parents=True, exist_ok=True)
    return path
