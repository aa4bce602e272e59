"""Printing and the bookmarks panel inside the assembled window: preview, PDF export, briefing pack."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QProgressDialog

from tests.test_printing import pdf_pages, pdf_text, squash
from ui import printing
from ui.briefing_dialog import BriefingDialog


@pytest.fixture
def window(make_window, qtbot):
    w = make_window("zh")
    qtbot.waitUntil(lambda: w.extras.panel is not None, timeout=5000)
    return w



def test_window_wires_printing_and_panel(window, qtbot) -> None:
    a = window.actions_
    window.detail.show_target("rec:6")
    assert a.print_summary.isEnabled() and a.export_pdf.isEnabled() and a.briefing_pack.isEnabled()
    assert a.print_summary.shortcut().toString() == "Ctrl+P"
    panel = window.extras.panel
    assert panel is not None
    a.toggle_bookmark.trigger()
    qtbot.waitUntil(lambda: (("recommendation", 6) in panel.rows), timeout=2000)
    with qtbot.waitSignal(panel.openRequested):
        panel.rows[("recommendation", 6)].open()


def test_preview_paints_the_summary(window, repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "preview.pdf"

    def fake_exec(dialog: QPrintPreviewDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        dialog.paintRequested.emit(printer)  # what the preview (and then Print) does
        return 1

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    window.bookmarks.store.set_note("recommendation", 13, "预览中的笔记")
    printing.print_summary(window, repo, [13], window.bookmarks.store)
    text = squash(pdf_text(out))
    assert "建议13" in text and "与建议14、17合并报告" in text and "预览中的笔记" in text


def test_export_pdf_and_status_message(window, repo, tmp_path: Path) -> None:
    out = tmp_path / "r6.pdf"
    assert printing.export_summary_pdf(window, repo, [6], None, path=out, status=window.statusBar()) == out
    assert pdf_pages(out) == 1
    assert "r6.pdf" in window.statusBar().currentMessage()


def test_briefing_pack_preselects_bookmarks(window, repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = window.bookmarks.store
    for n in (45, 3):
        store.add("recommendation", n)
    seen: list[list[int]] = []

    def fake_exec(dialog: BriefingDialog) -> int:
        seen.append(dialog.selected())
        return 1

    monkeypatch.setattr(BriefingDialog, "exec", fake_exec)
    out = tmp_path / "pack.pdf"
    assert printing.export_briefing_pack(window, repo, [6], store, path=out) == out
    assert seen == [[3, 45]]
    text = squash(pdf_text(out, 2))
    assert "目录" in text and "建议3" in text and "建议45" in text


def test_briefing_dialog_shortcuts(repo, qtbot) -> None:
    dialog = BriefingDialog(repo, [6], bookmarked=[1, 2])
    qtbot.addWidget(dialog)
    assert dialog.selected() == [6]
    dialog.check(None)
    assert len(dialog.selected()) == 45
    dialog.check({1, 2})
    assert dialog.selected() == [1, 2]
    dialog.check(set())
    assert dialog.selected() == []


def test_cancelled_export_leaves_nothing(window, repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    out = tmp_path / "pack.pdf"
    assert printing.export_briefing_pack(window, repo, [], None, path=out, chosen=list(range(1, 46))) is None
    assert not out.exists() and list(tmp_path.iterdir()) == []
