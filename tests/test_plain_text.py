"""Text from files and users reaches the screen as plain text: message boxes, labels and tooltips."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.test_bookmarks_panel import panel  # noqa: F401 - fixture
from ui.messages import plain_tooltip

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = '<img src="file:///etc/passwd"><a href="https://example.invalid">click</a>'


@pytest.fixture
def boxes(monkeypatch) -> list[tuple[Qt.TextFormat, str]]:
    """Every QMessageBox shown: (text format, text); none blocks."""
    shown: list[tuple[Qt.TextFormat, str]] = []

    def record(box: QMessageBox) -> int:
        shown.append((box.textFormat(), box.text()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", record)
    for name in ("warning", "information", "critical"):  # the static helpers guess the format
        monkeypatch.setattr(QMessageBox, name, staticmethod(
            lambda parent, title, text, *a, **k: shown.append((Qt.TextFormat.AutoText, text))))
    return shown


def test_an_import_rejection_shows_the_files_text_literally(panel, boxes, tmp_path: Path) -> None:  # noqa: F811
    path = tmp_path / "evil.json"
    path.write_text(json.dumps({"format": "da-navigator-bookmarks", "version": HOSTILE, "bookmarks": []}))
    panel.import_from(str(path))
    assert len(boxes) == 1
    fmt, text = boxes[0]
    assert fmt == Qt.TextFormat.PlainText and "<img" in text


def test_no_message_box_guesses_the_format() -> None:
    """QMessageBox.warning/information/critical use Qt::AutoText: only ui/messages.py may build boxes."""
    static = re.compile(r"QMessageBox\.(warning|information|critical|question)\(")
    offenders = [p.name for p in ROOT.glob("ui/*.py") if static.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_tooltips_with_user_text_are_literal() -> None:
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(plain_tooltip(HOSTILE + "\nline two"))
    assert doc.toPlainText() == HOSTILE + "\nline two"
    assert plain_tooltip("") == ""
