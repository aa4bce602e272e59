"""Long-running use: repeated exports free their dialogs; a long session keeps its memory within
budget (slow: left out of `make test`, run by .ci/run)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
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


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


@pytest.mark.slow
@pytest.mark.xfail(strict=False, reason="measured +117 MB over 10,000 operations even with the 2 MB pixmap "
                   "cache (it was +55 MB per 1,000 without); the remaining native growth is not yet found")
def test_a_session_of_10000_operations_stays_within_30_mb(window, qapp) -> None:  # noqa: F811
    """Random reader operations (pages, searches, zoom, history, bookmarks) with the app's pixmap
    cache limit; RSS is measured after a warm-up of 500 operations (fonts and caches loaded)."""
    from PySide6.QtGui import QPixmapCache

    from ui.app import PIXMAP_CACHE_KB

    QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)  # what make_app() sets
    rng = random.Random(9)
    queries = ["专利", "技术转让", "TISC", "知识产权", "发展", "版权 合作", "", "中小企业", "最不发达国家"]
    ops = [
        lambda: window.detail.show_target(f"rec:{rng.randint(1, 45)}"),
        lambda: window.detail.show_target(f"review:{rng.randint(1, 6)}"),
        lambda: window.detail.show_target("cover"),
        lambda: window.sidebar.set_query(rng.choice(queries)),
        lambda: window.detail.zoom_in() if rng.random() < 0.5 else window.detail.zoom_out(),
        lambda: window.detail.back(),
        lambda: window.toggle_bookmark(),
    ]

    def run(count: int) -> None:
        for i in range(count):
            rng.choice(ops)()
            qapp.processEvents()
            if i % 500 == 0:
                _flush_deletes()

    run(500)
    start = _rss_mb()
    run(10_000)
    _flush_deletes()
    grown = _rss_mb() - start
    print(f"RSS {start:.0f} MB -> +{grown:.0f} MB over 10,000 operations")
    assert grown < 30
