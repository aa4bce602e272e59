"""Bidirectional controls in a note are stored as typed but cannot reorder the text around them,
on screen (the detail page) or on paper (the printed summary)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument, QTextLayout

from models.bidi import FSI, PDI, balance_line, isolate
from models.bookmarks import BookmarkStore

RLO, PDF, RLI, LRE = "\u202e", "\u202c", "\u2067", "\u202a"
# Each line opens something it never closes, or closes what it never opened.
HOSTILE = f"abc{RLO}def\n{PDI}{PDF}ghi\n{RLI}jkl{LRE}mn"


def test_lines_are_balanced_and_isolated() -> None:
    assert balance_line(f"a{RLO}b") == f"a{RLO}b{PDF}"
    assert balance_line(f"{PDI}a{PDF}b") == "ab"
    assert balance_line(f"{RLI}a{LRE}b{PDI}c") == f"{RLI}a{LRE}b{PDI}c"  # a PDI closes the embedding too
    assert isolate("plain\nlines") == "plain\nlines"
    lines = isolate(HOSTILE).split("\n")
    assert all(line.startswith(FSI) and line.endswith(PDI) for line in lines)


def test_the_store_keeps_the_controls(tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path / "b.sqlite")
    store.set_note("recommendation", 6, HOSTILE)
    assert store.note("recommendation", 6) == HOSTILE


def _visual_order(html: str, marker: str) -> list[int]:
    """x positions of the characters of ``marker`` as laid out by Qt (left to right = increasing)."""
    doc = QTextDocument()
    doc.setHtml(html)
    doc.setTextWidth(2000)
    doc.size()  # lays the document out
    text = doc.toPlainText()
    start = text.index(marker)
    block = doc.findBlock(start)
    layout: QTextLayout = block.layout()
    xs = []
    for i in range(len(marker)):
        pos = start + i - block.position()
        line = layout.lineForTextPosition(pos)
        assert line.isValid()
        xs.append(line.cursorToX(pos)[0])
    return xs


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("where", ["page", "print"])
def test_text_after_the_note_keeps_its_order(repo, where: str) -> None:
    """A following line of the note (same paragraph on screen) reads left to right despite the RLO."""
    note = f"abc{RLO}def\nXYZ after"
    if where == "page":
        from models.page_html import render_recommendation

        html = render_recommendation(repo.recommendation(6), note=note)[0]
    else:
        from models import print_html

        html = print_html.summary_html(repo.document(), repo.recommendation(6), "", note)
    xs = _visual_order(html, "XYZ")
    assert xs == sorted(xs) and len(set(xs)) == 3
