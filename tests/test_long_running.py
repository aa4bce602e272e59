"""Long-running use: repeated exports free their dialogs; a long session keeps its memory within
budget (slow: left out of `make test`, run by .ci/run)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QProgressDialog

from tests.test_printing_gui import window  # noqa: F401 - fixture
from ui import printing

ROOT = Path(__file__).resolve().parent.parent


def _flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_pdf_exports_free_their_progress_dialogs(window, repo, tmp_path: Path) -> None:  # noqa: F811
    _flush_deletes()
    before = len(window.findChildren(QProgressDialog))
    for i in range(5):
        assert printing.export_summary_pdf(window, repo, [6], path=tmp_path / f"r{i}.pdf") is not None
    _flush_deletes()
    assert len(window.findChildren(QProgressDialog)) == before


@pytest.mark.slow
def test_a_session_of_10000_operations_stays_within_30_mb(content_db: Path, tmp_path: Path) -> None:
    """Random reader operations (pages, searches, zoom, history, bookmarks) in a fresh app process,
    measured from after a 500-operation warm-up to the end."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DA_NAVIGATOR_USER_DIR": str(tmp_path / "user"),
           "DA_NAVIGATOR_SETTINGS_DIR": str(tmp_path / "settings")}
    run = subprocess.run([sys.executable, "-m", "tests.soak_session", "10000", str(content_db)], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=1800)
    assert run.returncode == 0, run.stderr[-3000:]
    start, end = map(float, re.fullmatch(r"start (\S+) end (\S+)\n", run.stdout).groups())
    print(f"RSS {start:.0f} MB -> {end:.0f} MB over 10,000 operations")
    assert end - start < 30
