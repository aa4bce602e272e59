"""Helpers shared by the reference-window tests: compiled translations, a window factory, scans."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from models.entities import Recommendation

ROOT = Path(__file__).resolve().parent.parent


def ensure_qm() -> None:
    """Compile the app's .ts files if `make i18n` has not (build outputs, gitignored)."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in (ROOT / "resources" / "i18n").glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


def plain(markdown: str) -> str:
    """Markdown as the reader sees it: no escapes, no footnote references, no autolink brackets."""
    text = re.sub(r"\[\^\d+\]", "", markdown)
    text = re.sub(r"\\(.)", r"\1", text)
    return text


def content_of(rec: Recommendation) -> str:
    parts = [rec.text, "；".join(rec.sectors), rec.implementation, *rec.highlights, rec.activities]
    parts += [fn.text for fn in rec.footnotes]
    return "\n".join(plain(p) for p in parts)


def scan(repo, term: str) -> set[int]:
    """Recommendations whose content contains ``term`` (case-insensitive), by plain substring scan."""
    needle = term.lower()
    return {s.number for s in repo.summaries() if needle in content_of(repo.recommendation(s.number)).lower()}


def type_text(widget, text: str) -> None:
    """Type any Unicode text as key events (QTest.keyClicks only handles ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )
