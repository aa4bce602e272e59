"""Print / preview / PDF export of summaries and briefing packs, for the window and the command line.

The window calls (parent, repo, numbers, store) — ``store`` is the BookmarkStore or None:

* ``print_summary``        Ctrl+P: print preview (QPrintPreviewDialog) of the first number's summary
* ``export_summary_pdf``   save the first number's summary as a PDF
* ``export_briefing_pack`` choose recommendations (bookmarked ones preselected), save one PDF with
                           progress and cancel
* ``preview_summary(parent, repo, number, note)`` and ``print_summary_cli(spec, output)`` (main.py)

All of them paint through ui.print_render.PrintJob, so the PDF is exactly what Print prints.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from models import print_html
from ui.print_render import (
    PrintCancelled,
    PrintJob,
    briefing_job,
    ensure_gui_app,
    page_layout,
    summary_job,
    write_pdf,
)

KIND = "recommendation"


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def default_page_size() -> str:
    """Letter where the locale measures in inches (US), A4 elsewhere; DA_NAVIGATOR_PAGE_SIZE overrides."""
    forced = os.environ.get("DA_NAVIGATOR_PAGE_SIZE", "").lower()
    if forced in ("a4", "letter"):
        return forced
    return "letter" if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem else "a4"


def notes_for(store: object | None, numbers: Sequence[int]) -> dict[int, str]:
    """The user's notes for ``numbers`` (empty without a store)."""
    if store is None:
        return {}
    out = {}
    for n in numbers:
        note = store.note(KIND, n)  # type: ignore[attr-defined]
        if note.strip():
            out[n] = note
    return out


def default_file_name(repo: object, numbers: Sequence[int]) -> str:
    symbol = repo.document().symbol.replace("/", "-")  # type: ignore[attr-defined]
    if len(numbers) == 1:
        return f"{symbol}-rec{numbers[0]}.pdf"
    return f"{symbol}-briefing-{len(numbers)}.pdf"


# --- window entry points --------------------------------------------------------------
def preview_summary(parent: QWidget | None, repo: object, number: int, note: str = "") -> int:
    """Show the print preview of one summary; returns the dialog's result (1 = printed)."""
    return _preview(parent, summary_job(repo, number, note))


def print_summary(parent: QWidget | None, repo: object, numbers: Sequence[int], store: object | None = None) -> None:
    if not numbers:
        _no_selection(parent)
        return
    preview_summary(parent, repo, numbers[0], notes_for(store, numbers[:1]).get(numbers[0], ""))


def export_summary_pdf(
    parent: QWidget | None,
    repo: object,
    numbers: Sequence[int],
    store: object | None = None,
    path: str | Path | None = None,
) -> Path | None:
    """Ask for a file name (unless ``path``) and write the first number's summary; returns the file."""
    if not numbers:
        _no_selection(parent)
        return None
    job = summary_job(repo, numbers[0], notes_for(store, numbers[:1]).get(numbers[0], ""))
    return _save(parent, repo, job, [numbers[0]], path)


def export_briefing_pack(
    parent: QWidget | None,
    repo: object,
    numbers: Sequence[int] = (),
    store: object | None = None,
    path: str | Path | None = None,
    chosen: Sequence[int] | None = None,
) -> Path | None:
    """Let the user choose recommendations (bookmarked preselected, else ``numbers``), then export.

    ``chosen`` skips the choice (tests, or a caller with its own selection).
    """
    if chosen is None:
        from ui.briefing_dialog import BriefingDialog

        marked = sorted(store.numbers(KIND)) if store is not None else []  # type: ignore[attr-defined]
        dialog = BriefingDialog(repo, marked or list(numbers), marked, parent)
        if not dialog.exec():
            return None
        chosen = dialog.selected()
    if not chosen:
        return None
    job = briefing_job(repo, list(chosen), notes_for(store, chosen))
    return _save(parent, repo, job, list(chosen), path)


# --- helpers ----------------------------------------------------------------------------
def _no_selection(parent: QWidget | None) -> None:
    QMessageBox.information(parent, tr("Print"), tr("Select a recommendation first."))


def _printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(default_page_size()))
    return printer


def _preview(parent: QWidget | None, job: PrintJob) -> int:
    printer = _printer()
    printer.setDocName(job.title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(tr("Print Preview — %1").replace("%1", job.title))
    dialog.paintRequested.connect(lambda device: job.paint(device))
    dialog.resize(900, 1000)
    return dialog.exec()


def _save(parent: QWidget | None, repo: object, job: PrintJob, numbers: list[int],
          path: str | Path | None) -> Path | None:
    if path is None:
        chosen, _ = QFileDialog.getSaveFileName(
            parent, tr("Export as PDF"), default_file_name(repo, numbers), tr("PDF files (*.pdf)")
        )
        if not chosen:
            return None
        path = chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf"
    path = Path(path)
    progress = QProgressDialog(tr("Writing %1…").replace("%1", path.name), tr("Cancel"), 0, 100, parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)

    def step(done: int, total: int) -> bool:
        progress.setMaximum(total)
        progress.setValue(done)
        QApplication.processEvents()
        return not progress.wasCanceled()

    try:
        pages = write_pdf(job, path, default_page_size(), step)
    except PrintCancelled:
        return None
    except OSError as exc:
        QMessageBox.warning(parent, tr("Export as PDF"), tr("Could not write %1:\n%2").replace(
            "%1", str(path)).replace("%2", str(exc)))
        return None
    finally:
        progress.close()
    window = parent.window() if parent is not None else None
    status = getattr(window, "statusBar", None)
    if callable(status):
        status().showMessage(tr("Saved %1 (%2 pages)").replace("%1", str(path)).replace("%2", str(pages)), 8000)
    return path


# --- command line -----------------------------------------------------------------------
def print_summary_cli(spec: str, output: str | None) -> int:
    """``main.py --print-summary 6 [--output r6.pdf]``; several numbers make a briefing pack."""
    ensure_gui_app()
    from models.repository import ContentError, ContentRepository

    try:
        repo = ContentRepository()
    except ContentError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    try:
        numbers = print_html.parse_numbers(spec, [s.number for s in repo.summaries()])
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    notes = notes_for(_user_store(repo), numbers)
    job = summary_job(repo, numbers[0], notes.get(numbers[0], "")) if len(numbers) == 1 else (
        briefing_job(repo, numbers, notes))
    target = Path(output or default_file_name(repo, numbers))
    try:
        pages = write_pdf(job, target, default_page_size())
    except OSError as exc:
        print(f"error: cannot write {target}: {exc}", file=sys.stderr)
        return 1
    print(f"{target}: {pages} page(s)")
    return 0


def _user_store(repo: object) -> object | None:
    """The user's bookmark store if one exists (never created just to print); None on any problem."""
    from models.bookmarks import BookmarkStore, BookmarkStoreError
    from models.paths import BOOKMARK_FILE, user_data

    folder = user_data(create=False).folder  # the window's folder; nothing is created just to print
    path = folder / BOOKMARK_FILE if folder is not None else None
    if path is None or not path.exists():
        return None
    doc = repo.document()  # type: ignore[attr-defined]
    try:
        store = BookmarkStore(path, (doc.symbol, doc.language))
    except (BookmarkStoreError, OSError) as exc:
        print(f"warning: notes not included: {exc}", file=sys.stderr)
        return None
    if store.recovery is not None:
        print(f"warning: {store.recovery.message()}", file=sys.stderr)
    return store
