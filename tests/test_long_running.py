"""Long-running use: repeated exports free their dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QProgressDialog

from tests.test_printing_gui import window  # noqa: F401 - fixture
from ui import printing


def _flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_pdf_exports_free_their_progress_dialogs(window, repo, tmp_path: Path) -> None:  # noqa: F811
    _flush_deletes()
    before = len(window.findChildren(QProgressDialog))
    for i in range(5):
        assert printing.export_summary_pdf(window, repo, [6], path=tmp_path / f"r{i}.pdf") is not None
    _flush_deletes()
    assert len(window.findChildren(QProgressDialog)) == before
