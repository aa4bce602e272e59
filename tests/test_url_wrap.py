"""Issue 11 item 13: a URL in the cover note never wraps right after ``http://``; copying it is exact."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QTextCursor, QTextDocument

from models.page_html import render_cover
from ui.detail_pane import DetailPane


def _lines_with_url(html: str, width: int) -> list[str]:
    doc = QTextDocument()
    doc.setHtml(html)
    doc.setTextWidth(width)
    doc.documentLayout().documentSize()  # lay out now
    block, lines = doc.begin(), []
    while block.isValid():
        if "wipo.int/tad" in block.text().replace("\u2060", ""):
            layout, text = block.layout(), block.text()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                lines.append(text[line.textStart() : line.textStart() + line.textLength()])
        block = block.next()
    return lines


def test_cover_note_url_keeps_its_scheme_with_the_host(repo, qapp):
    html, _ = render_cover(repo.document(), repo.cover_note())
    assert "http://www.wipo.int/tad" in repo.cover_note()  # the source's URL (CDIP/33/2, paragraph 4)
    for width in range(60, 420, 4):  # includes widths where the line used to end with "http://"
        lines = _lines_with_url(html, width)
        assert lines, width
        assert not any(line.rstrip().endswith(("http://", "http:/", "http:")) for line in lines), (width, lines)


def test_copied_url_has_no_invisible_characters(repo, qtbot):
    pane = DetailPane(repo, lambda: None)
    qtbot.addWidget(pane)
    pane.show_target("cover")
    browser = pane.browser
    text = browser.toPlainText()
    start = text.index("http://")
    cursor = browser.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(text.index("/tad", start) + 4, QTextCursor.MoveMode.KeepAnchor)
    browser.setTextCursor(cursor)
    browser.copy()
    assert QGuiApplication.clipboard().text() == "http://www.wipo.int/tad"
    assert "\u2060" not in pane.citation()
