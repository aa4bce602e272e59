"""Save and open dialogs that start in the folder the user last used (else Documents), never in the
program's own folder or the working directory, and remember the folder chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from models.settings import Settings


def start_folder() -> Path:
    last = Settings().last_folder()
    if last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def _remember(path: str) -> None:
    settings = Settings()
    settings.set_last_folder(str(Path(path).parent))
    settings.sync()


def save_file(parent: QWidget | None, title: str, file_name: str, filters: str) -> tuple[str, str]:
    """(path, chosen filter), or ("", "") if cancelled."""
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(start_folder() / file_name), filters)
    if path:
        _remember(path)
    return path, chosen


def open_file(parent: QWidget | None, title: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder()), filters)
    if path:
        _remember(path)
    return path
