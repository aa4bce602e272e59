"""Page layout and painting of summaries and briefing packs, for PDF, printers and the preview.

One code path for every output: a ``PrintJob`` holds HTML parts (from models.print_html), lays
each out as a QTextDocument at a fixed reference resolution (96 dpi, design metrics, so the
pages break the same on every machine and device) and paints them page by page on any
QPagedPaintDevice (QPdfWriter, QPrinter) with a running header and a footer carrying the
source citation, the print date and "第 N / M 页". Chinese text stays real text in the PDF.
"""

from __future__ import annotations

import errno
import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentWriter,
    QTextFormat,
    QTextOption,
)

from models import print_html
from models.atomic_write import WriteFailed, check_target, write_bytes
from models.entities import Document

if TYPE_CHECKING:
    from models.repository import ContentRepository

REF_DPI = 96  # layout resolution; painting scales to the device's
MARGINS_MM = QMarginsF(18, 12, 18, 12)
HEADER_PT = 22.0  # running header band (inside the margins)
FOOTER_PT = 24.0
PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
FALLBACK_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Noto Sans"]

Progress = Callable[[int, int], bool]  # (pages done, pages total) -> keep going?


class PrintCancelled(Exception):
    """The user cancelled a long export; nothing was kept."""


def page_layout(size: str = "a4") -> QPageLayout:
    page = QPageSize(PAGE_SIZES.get(size.lower(), QPageSize.PageSizeId.A4))
    return QPageLayout(page, QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter)


_font_families: list[str] | None = None


def print_families() -> list[str]:
    """Bundled CJK subset first (registered once), then common system CJK fonts."""
    global _font_families
    if _font_families is None:
        families: list[str] = []
        try:
            from models.fonts import bundled_families, register_bundled_font

            if register_bundled_font():
                families += bundled_families()
        except (ImportError, RuntimeError):
            pass
        _font_families = families + FALLBACK_FAMILIES
    return _font_families


def print_font(point_size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(print_families())
    font.setPointSizeF(point_size)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    # Noto CJK's language-specific forms replace digits after "/" with glyphs Qt's PDF writer
    # cannot map back to text (CDIP/33/2 would copy as "CDIP/ /"): keep the default forms.
    font.setFeature(QFont.Tag("locl"), 0)
    return font


_reference: QImage | None = None


def _reference_device() -> QImage:
    global _reference
    if _reference is None:
        _reference = QImage(4, 4, QImage.Format.Format_ARGB32)
        dpm = round(REF_DPI / 0.0254)
        _reference.setDotsPerMeterX(dpm)
        _reference.setDotsPerMeterY(dpm)
    return _reference


@dataclass
class Part:
    """One unit that starts on a new page: a summary, the cover or the table of contents."""

    html: str
    header: str = ""  # right side of the running header ("" on the cover: no header)
    detail: str = ""  # after the header: the cluster's title
    citation: str = ""  # footer, left
    doc: QTextDocument | None = field(default=None, repr=False)
    first_page: int = 0  # 1-based, set by layout

    @property
    def pages(self) -> int:
        return self.doc.pageCount() if self.doc else 0


class PrintJob:
    """Parts laid out for one page layout, then painted on any paged device."""

    def __init__(self, document: Document, parts: Sequence[Part], title: str, printed: str | None = None) -> None:
        self.document = document
        self.parts = list(parts)
        self.title = title  # e.g. "建议 6" or "简报材料（3 项建议）"
        self.printed = printed or print_html.printed_date()
        self.on_layout: Callable[[PrintJob], None] | None = None  # e.g. rebuild a table of contents
        self.contents: list[Part] = self.parts  # the parts an editable copy holds (no page-numbered TOC)
        self._size = QSizeF()

    @property
    def page_count(self) -> int:
        return sum(p.pages for p in self.parts)

    # --- layout -------------------------------------------------------------------
    def layout(self, layout: QPageLayout) -> int:
        """Lay out every part for ``layout``'s paint rectangle; returns the page count."""
        rect = layout.paintRect(QPageLayout.Unit.Point)
        px = REF_DPI / 72
        self._size = QSizeF(rect.width() * px, (rect.height() - HEADER_PT - FOOTER_PT) * px)
        for part in self.parts:
            self._layout_part(part)
        if self.on_layout:
            self.on_layout(self)
        self._number_pages()
        return self.page_count

    def _layout_part(self, part: Part) -> None:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(_reference_device())
        doc.setUseDesignMetrics(True)
        doc.setDocumentMargin(0)
        doc.setDefaultFont(print_font(10.5))
        doc.setDefaultStyleSheet(print_html.stylesheet())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # long URLs, pasted runs
        doc.setDefaultTextOption(option)
        doc.setHtml(part.html)
        doc.setPageSize(self._size)
        part.doc = doc

    def relayout(self, part: Part) -> None:
        """Lay out one part again (after its HTML changed) with the current page size."""
        self._layout_part(part)
        self._number_pages()

    def _number_pages(self) -> None:
        page = 1
        for part in self.parts:
            part.first_page = page
            page += part.pages

    # --- painting -----------------------------------------------------------------
    def paint(self, device: QPagedPaintDevice, progress: Progress | None = None) -> None:
        """Paint all pages on ``device`` (already configured); raises PrintCancelled if asked to stop."""
        self.layout(device.pageLayout())
        total = self.page_count
        painter = QPainter()
        if not painter.begin(device):
            raise OSError("无法开始打印（输出设备不可用）")
        try:
            done = 0
            for part in self.parts:
                for index in range(part.pages):
                    if done:
                        device.newPage()
                    self._paint_page(painter, device, part, index, done + 1, total)
                    done += 1
                    if progress is not None and not progress(done, total):
                        raise PrintCancelled
        finally:
            painter.end()

    def _paint_page(self, painter: QPainter, device: QPagedPaintDevice, part: Part, index: int,
                    page: int, total: int) -> None:
        res = device.resolution()
        scale = res / REF_DPI
        pt = res / 72
        area = device.pageLayout().paintRectPixels(res)
        width, height = area.width(), area.height()
        header_h, footer_h = HEADER_PT * pt, FOOTER_PT * pt
        grey = QColor("#5a6570")
        painter.setPen(grey)
        if part.header:
            band = QRectF(0, 0, width, header_h - 6 * pt)
            right = part.header + (f" · {part.detail}" if part.detail else "")
            painter.setFont(print_font(8, bold=True))
            used = painter.boundingRect(band, Qt.AlignmentFlag.AlignRight, right).width()
            painter.drawText(band, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right)
            painter.setFont(print_font(8))
            left = painter.fontMetrics().elidedText(
                f"{self.document.symbol} · {self.document.title}", Qt.TextElideMode.ElideRight,
                int(max(0.0, width - used - 12 * pt)),
            )
            painter.drawText(band, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, left)
            painter.setPen(QPen(QColor("#9fb3c8"), 0.6 * pt))
            painter.drawLine(QPointF(0, header_h - 5 * pt), QPointF(width, header_h - 5 * pt))
        # body
        doc = part.doc
        assert doc is not None
        page_h = self._size.height()
        painter.save()
        painter.translate(0, header_h)
        painter.scale(scale, scale)
        painter.setClipRect(QRectF(0, 0, self._size.width(), page_h))
        painter.translate(0, -index * page_h)
        doc.drawContents(painter, QRectF(0, index * page_h, self._size.width(), page_h))
        painter.restore()
        # footer
        top = height - footer_h
        painter.setPen(QPen(QColor("#c8d3de"), 0.5 * pt))
        painter.drawLine(QPointF(0, top + 6 * pt), QPointF(width, top + 6 * pt))
        painter.setPen(grey)
        painter.setFont(print_font(8))
        band = QRectF(0, top + 8 * pt, width, footer_h - 8 * pt)
        if part.citation:
            painter.drawText(band, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, part.citation)
        painter.drawText(band, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                         f"打印日期：{self.printed}")
        painter.drawText(band, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         f"第 {page} / {total} 页")


# --- building jobs ---------------------------------------------------------------------
def _cluster_titles(repo: ContentRepository) -> dict[str, str]:
    return {c.id: c.title for c in repo.clusters()}


def summary_part(
    repo: ContentRepository, number: int, note: str = "", clusters: Mapping[str, str] | None = None
) -> Part:
    doc = repo.document()
    rec = repo.recommendation(number)
    clusters = clusters if clusters is not None else _cluster_titles(repo)
    body = print_html.summary_html(doc, rec, clusters.get(rec.cluster, ""), note)
    return Part(body, header=print_html.summary_title(rec), detail=clusters.get(rec.cluster, ""),
                citation=print_html.citation(doc, number))


def review_part(repo: ContentRepository, number: int, note: str = "") -> Part:
    """An Annex II review recommendation: its text and the progress reported (KeyError if unknown)."""
    doc = repo.document()
    rev = repo.review(number)
    return Part(print_html.review_html(doc, rev, note), header=print_html.review_title(rev), detail="附件二",
                citation=print_html.review_citation(doc, number))


def review_job(repo: ContentRepository, number: int, note: str = "") -> PrintJob:
    part = review_part(repo, number, note)
    return PrintJob(repo.document(), [part], title=part.header)


def summary_job(repo: ContentRepository, number: int, note: str = "") -> PrintJob:
    """One recommendation's summary (KeyError if the number is unknown)."""
    part = summary_part(repo, number, note)
    return PrintJob(repo.document(), [part], title=part.header)


def briefing_job(
    repo: ContentRepository,
    numbers: Sequence[int],
    notes: Mapping[int, str] | None = None,
    reviews: Sequence[int] = (),
    review_notes: Mapping[int, str] | None = None,
) -> PrintJob:
    """Cover, table of contents (with page numbers), one summary per recommendation, then the chosen
    Annex II review recommendations."""
    notes, review_notes = notes or {}, review_notes or {}
    doc = repo.document()
    clusters = _cluster_titles(repo)
    recs = [repo.recommendation(n) for n in numbers]
    revs = [repo.review(n) for n in reviews]
    entries = [(r.number, r.immediate, r.title) for r in recs]
    labels = [(print_html.rec_label(n, i), t) for n, i, t in entries]
    labels += [(print_html.review_label(r.number), r.title) for r in revs]
    cover = Part(print_html.cover_html(doc, entries, reviews=[(r.number, r.title) for r in revs]))
    toc = Part(print_html.toc_html([print_html.TocEntry(label, t, 999) for label, t in labels]), header="目录")
    parts = [summary_part(repo, r.number, notes.get(r.number, ""), clusters) for r in recs]
    parts += [review_part(repo, r.number, review_notes.get(r.number, "")) for r in revs]
    count = f"{len(recs)} 项建议" + (f"、{len(revs)} 项独立审查建议" if revs else "")
    job = PrintJob(doc, [cover, toc, *parts], title=f"简报材料（{count}）")
    job.contents = [cover, *parts]  # what an editable copy holds (its page numbers would be wrong)

    def fill_toc(job: PrintJob) -> None:
        job._number_pages()  # TOC laid out with placeholders: its length is already right
        toc.html = print_html.toc_html(
            [print_html.TocEntry(label, t, p.first_page) for (label, t), p in zip(labels, parts, strict=True)]
        )
        job.relayout(toc)

    job.on_layout = fill_toc
    return job


def write_pdf(job: PrintJob, path: Path | str, size: str = "a4", progress: Progress | None = None) -> int:
    """Write ``job`` as a PDF, completely or not at all; returns the page count.

    The PDF is painted into memory, then handed to models.atomic_write: a cancelled or failed
    export (full disk, read-only folder, a device as target) leaves the old file untouched and
    raises PrintCancelled or WriteFailed (an OSError naming the path and the reason).
    """
    target = check_target(path)  # fail before painting 48 pages for a folder that cannot take them
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setPageLayout(page_layout(size))
    writer.setTitle(f"{job.document.symbol} · {job.title}")
    writer.setCreator("DA Navigator")
    job.paint(writer, progress)
    del writer  # ends the PDF (trailer written into the buffer)
    data = buffer.data().data()
    buffer.close()
    if not data.startswith(b"%PDF") or b"%%EOF" not in data[-64:]:
        raise WriteFailed(errno.EIO, "the PDF writer produced an incomplete file", str(target))
    write_bytes(target, data)
    return job.page_count


def editable_document(job: PrintJob) -> QTextDocument:
    """The job as one editable QTextDocument: each part on a new page, its source citation under it."""
    doc = QTextDocument()
    doc.setDefaultStyleSheet(print_html.stylesheet())
    font = QFont()  # fonts the recipient is likely to have (the bundled subset is the app's own)
    font.setFamilies(["Microsoft YaHei", "SimSun", "Noto Sans CJK SC", "PingFang SC"])
    font.setPointSizeF(10.5)
    doc.setDefaultFont(font)
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, f"{job.document.symbol} · {job.title}")
    cursor = QTextCursor(doc)
    for i, part in enumerate(job.contents):
        if i:
            block = QTextBlockFormat()
            block.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            cursor.insertBlock(block, QTextCharFormat())
        source = f'<p class="legend">{html.escape(part.citation)}</p>' if part.citation else ""
        cursor.insertHtml(part.html + source)
    return doc


def write_odt(job: PrintJob, path: Path | str) -> int:
    """Write ``job`` as an OpenDocument text (.odt, with Qt's own writer) that a delegation can edit,
    completely or not at all (models.atomic_write); returns the number of parts written."""
    target = check_target(path)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not QTextDocumentWriter(buffer, b"odf").write(editable_document(job)):
        raise WriteFailed(errno.EIO, "the OpenDocument writer failed", str(target))
    write_bytes(target, buffer.data().data())
    buffer.close()
    return len(job.contents)


def ensure_gui_app() -> QGuiApplication:
    """A QGuiApplication for headless use (fonts and painting need one)."""
    app = QGuiApplication.instance()
    if app is None:
        import os

        from models import warmup

        warmup.finish()  # as make_app: Qt reads fontconfig only once the warm-up thread is done with it
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["da-navigator"])
    return app  # type: ignore[return-value]
