"""Print / preview / PDF export of summaries and briefing packs, for the window and the command line.

The window calls (parent, repo, numbers, store, reviews=…) — ``store`` is the BookmarkStore or None,
``reviews`` Annex II review recommendation numbers (printed when ``numbers`` is empty):

* ``print_summary``        Ctrl+P: print preview (QPrintPreviewDialog) of the first number's summary
* ``export_summary_pdf``   save the first number's summary as a PDF (or an editable .odt)
* ``export_briefing_pack`` choose recommendations and review recommendations (bookmarked ones
                           preselected), save one PDF with progress and cancel, or an editable .odt
* ``preview_summary(parent, repo, number, note)`` and ``print_summary_cli(spec, output)`` (main.py)

All of them paint through ui.print_render.PrintJob, so the PDF is exactly what Print prints.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QStatusBar, QWidget

from models import exit_codes, print_html
from ui.messages import show_message
from ui.print_render import (
    PrintCancelled,
    PrintJob,
    briefing_job,
    ensure_gui_app,
    page_layout,
    review_job,
    summary_job,
    write_odt,
    write_pdf,
)
from ui.window_geometry import fit_to_screen

if TYPE_CHECKING:
    from models.bookmarks import BookmarkStore
    from models.repository import ContentRepository

KIND = "recommendation"
REVIEW = "review"


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def default_page_size() -> str:
    """Letter where the locale measures in inches (US), A4 elsewhere; DA_NAVIGATOR_PAGE_SIZE overrides."""
    forced = os.environ.get("DA_NAVIGATOR_PAGE_SIZE", "").lower()
    if forced in ("a4", "letter"):
        return forced
    return "letter" if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem else "a4"


def notes_for(store: BookmarkStore | None, numbers: Sequence[int], kind: str = KIND) -> dict[int, str]:
    """The user's notes for ``numbers`` of ``kind`` (empty without a store)."""
    if store is None:
        return {}
    out = {}
    for n in numbers:
        note = store.note(kind, n)
        if note.strip():
            out[n] = note
    return out


def default_file_name(repo: ContentRepository, numbers: Sequence[int], reviews: Sequence[int] = ()) -> str:
    symbol = repo.document().symbol.replace("/", "-")
    if len(numbers) == 1 and not reviews:
        return f"{symbol}-rec{numbers[0]}.pdf"
    if len(reviews) == 1 and not numbers:
        return f"{symbol}-review{reviews[0]}.pdf"
    return f"{symbol}-briefing-{len(numbers) + len(reviews)}.pdf"


def _single_job(
    repo: ContentRepository, store: BookmarkStore | None, numbers: Sequence[int], reviews: Sequence[int]
) -> PrintJob:
    """The first recommendation's summary, else the first review recommendation's page."""
    if numbers:
        return summary_job(repo, numbers[0], notes_for(store, numbers[:1]).get(numbers[0], ""))
    return review_job(repo, reviews[0], notes_for(store, reviews[:1], REVIEW).get(reviews[0], ""))


# --- window entry points --------------------------------------------------------------
def preview_summary(parent: QWidget | None, repo: ContentRepository, number: int, note: str = "") -> int:
    """Show the print preview of one summary; returns the dialog's result (1 = printed)."""
    return _preview(parent, summary_job(repo, number, note))


def print_summary(parent: QWidget | None, repo: ContentRepository, numbers: Sequence[int],
                  store: BookmarkStore | None = None, reviews: Sequence[int] = ()) -> None:
    if not numbers and not reviews:
        _no_selection(parent)
        return
    _preview(parent, _single_job(repo, store, numbers, reviews))


def export_summary_pdf(
    parent: QWidget | None,
    repo: ContentRepository,
    numbers: Sequence[int],
    store: BookmarkStore | None = None,
    path: str | Path | None = None,
    reviews: Sequence[int] = (),
    status: QStatusBar | None = None,
) -> Path | None:
    """Ask for a file name (unless ``path``) and write the first number's summary (or the first review
    recommendation's page); returns the file. ``status`` (the window's status bar) says where it went."""
    if not numbers and not reviews:
        _no_selection(parent)
        return None
    name = default_file_name(repo, numbers[:1], [] if numbers else reviews[:1])
    return _save(parent, _single_job(repo, store, numbers, reviews), name, path, status)


def export_briefing_pack(
    parent: QWidget | None,
    repo: ContentRepository,
    numbers: Sequence[int] = (),
    store: BookmarkStore | None = None,
    path: str | Path | None = None,
    chosen: Sequence[int] | None = None,
    reviews: Sequence[int] = (),
    chosen_reviews: Sequence[int] = (),
    status: QStatusBar | None = None,
) -> Path | None:
    """Let the user choose recommendations and Annex II review recommendations (bookmarked preselected,
    else ``numbers`` / ``reviews``), then export as PDF or .odt.

    ``chosen`` (with ``chosen_reviews``) skips the choice (tests, or a caller with its own selection).
    """
    if chosen is None:
        from ui.briefing_dialog import BriefingDialog

        marked = sorted(store.numbers(KIND)) if store is not None else []
        marked_reviews = sorted(store.numbers(REVIEW)) if store is not None else []
        dialog = BriefingDialog(repo, marked or list(numbers), marked, parent,
                                reviews_checked=marked_reviews or list(reviews), reviews_bookmarked=marked_reviews)
        if not dialog.exec():
            return None
        chosen, chosen_reviews = dialog.selected(), dialog.selected_reviews()
    if not chosen and not chosen_reviews:
        return None
    job = briefing_job(repo, list(chosen), notes_for(store, chosen), list(chosen_reviews),
                       notes_for(store, chosen_reviews, REVIEW))
    return _save(parent, job, default_file_name(repo, chosen, chosen_reviews), path, status)


# --- helpers ----------------------------------------------------------------------------
def _warn(parent: QWidget | None, title: str, text: str) -> None:
    """A warning whose text (file names, reasons) is shown as plain text, never as HTML."""
    show_message(parent, QMessageBox.Icon.Warning, title, text)


def _no_selection(parent: QWidget | None) -> None:
    show_message(parent, QMessageBox.Icon.Information, tr("Print"), tr("Select a recommendation first."))


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
    fit_to_screen(dialog)  # never taller than the screen (a 900 px laptop screen)
    return dialog.exec()


def _save(parent: QWidget | None, job: PrintJob, file_name: str, path: str | Path | None,
          status: QStatusBar | None = None) -> Path | None:
    """Write ``job`` to ``path`` or where the user says: a PDF, or an editable .odt."""
    if path is None:
        from ui.file_dialogs import save_file

        pdf, odt = tr("PDF files (*.pdf)"), tr("Editable document (*.odt)")
        chosen, kind = save_file(parent, tr("Export"), file_name, f"{pdf};;{odt}")
        if not chosen:
            return None
        suffix = ".odt" if kind == odt or chosen.lower().endswith(".odt") else ".pdf"
        path = chosen if chosen.lower().endswith(suffix) else chosen + suffix
    path = Path(path)
    if path.suffix.lower() == ".odt":
        return _save_odt(parent, job, path, status)
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
    except OSError as exc:  # WriteFailed names the path and the reason; the old file is untouched
        _warn(parent, tr("Export as PDF"), tr("The PDF was not saved; any earlier file of that name is "
                                               "unchanged.\n\n%1").replace("%1", str(exc)))
        return None
    finally:
        progress.close()
        progress.deleteLater()  # parented to the window: without this every export leaks a dialog
    if status is not None:
        status.showMessage(tr("Saved %1 (%2 pages)").replace("%1", str(path)).replace("%2", str(pages)), 8000)
    return path


def _save_odt(parent: QWidget | None, job: PrintJob, path: Path, status: QStatusBar | None = None) -> Path | None:
    try:
        write_odt(job, path)
    except OSError as exc:  # WriteFailed names the path and the reason; the old file is untouched
        _warn(parent, tr("Export"), tr("Could not write %1:\n%2").replace("%1", str(path)).replace("%2", str(exc)))
        return None
    if status is not None:
        status.showMessage(tr("Saved %1").replace("%1", str(path)), 8000)
    return path


# --- command line -----------------------------------------------------------------------
def print_summary_cli(spec: str, output: str | None) -> int:
    """``main.py --print-summary 6 [--output r6.pdf]``; several numbers make a briefing pack.

    Exit codes: 0 written, 2 bad numbers, 3 the file could not be written (the old one is
    untouched), 4 the content database is missing or damaged. Never a traceback.
    """
    ensure_gui_app()
    from models.content_cli import run_on_content

    return run_on_content(lambda repo: _print_cli(repo, spec, output))


def _print_cli(repo: ContentRepository, spec: str, output: str | None) -> int:
    try:
        numbers = print_html.parse_numbers(spec, [s.number for s in repo.summaries()])
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exit_codes.USAGE
    notes = notes_for(_user_store(repo), numbers)
    job = summary_job(repo, numbers[0], notes.get(numbers[0], "")) if len(numbers) == 1 else (
        briefing_job(repo, numbers, notes))
    target = Path(output or default_file_name(repo, numbers))
    try:
        pages = write_pdf(job, target, default_page_size())
    except OSError as exc:
        print(f"error: the PDF was not written: {exc}", file=sys.stderr)
        return exit_codes.WRITE
    print(f"{target}: {pages} page{'' if pages == 1 else 's'}")
    return 0


def _user_store(repo: ContentRepository) -> object | None:
    """The user's bookmark store if one exists (never created just to print); None on any problem."""
    from models.bookmarks import BookmarkStore, BookmarkStoreError
    from models.paths import BOOKMARK_FILE, user_data

    data = user_data(create=False)  # the window's folder; nothing is created just to print
    if data.folder is None:
        print(f"warning: notes not included: {data.message()}", file=sys.stderr)
        return None
    path = data.folder / BOOKMARK_FILE
    if not path.exists():
        return None
    doc = repo.document()
    try:
        store = BookmarkStore(path, (doc.symbol, doc.language))
    except (BookmarkStoreError, OSError) as exc:
        print(f"warning: notes not included: {exc}", file=sys.stderr)
        return None
    if store.recovery is not None:
        print(f"warning: {store.recovery.message()}", file=sys.stderr)
    return store
