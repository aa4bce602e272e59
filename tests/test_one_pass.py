"""A keystroke is laid out and painted in one turn of the event loop, in the window as a delegate sees it
(1400×900, the sidebar's result list and facets shown: a window this size needs a larger offscreen screen
than the tests' own, so it runs in a process of its own, built as ``make bench`` builds it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ONE_KEY = """
    import json, sys
    sys.path.insert(0, ".")
    import qt_compat
    qt_compat.apply()
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication
    from bench import ui_bench

    app, window = ui_bench._window()
    seen = []

    class Spy(QObject):
        def eventFilter(self, obj, event):
            if event.type() in (QEvent.Type.Paint, QEvent.Type.LayoutRequest):
                parent = obj.parent()
                where = parent.metaObject().className() if obj.objectName() == "qt_scrollarea_viewport" else ""
                seen.append(f"{event.type().name} {obj.metaObject().className()} {where}".strip())
            return False

    spy = Spy()
    window.sidebar.set_query("专利")  # the result list's first showing, which lays it out once more
    ui_bench.settle(app)
    window.sidebar.clear_all()
    window.sidebar.search.setFocus()
    ui_bench.settle(app)
    app.installEventFilter(spy)
    passes = []
    for text in ("专", "利"):  # the first key into the empty box, then one that narrows the result
        window.sidebar._timer.stop()  # a pause between the keys: each is applied at once
        seen.clear()
        key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, text)
        QApplication.sendEvent(window.sidebar.search, key)  # as an input method delivers it
        app.processEvents()
        first = list(seen)
        seen.clear()
        for _ in range(5):
            app.processEvents()
        passes.append({"query": window.sidebar.state.query, "first": first, "later": list(seen)})
    print(json.dumps(passes))
"""


def test_a_key_is_laid_out_and_painted_in_one_pass():
    """A key in the search box changes the tree, the result list, the facet counts, the chip line and
    the status bar. All of it is laid out before the window paints, and the first turn of the event
    loop paints all of it; the next turns find nothing left to lay out or paint. They used to paint the
    facet list, the chip line and the sidebar a second time, Qt's clear button faded in over them, and a
    key that narrowed the result had the list laid out by a timer and painted again."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(ONE_KEY)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    first_key, second_key = json.loads(out.stdout.strip().splitlines()[-1])
    assert (first_key["query"], second_key["query"]) == ("专", "专利")
    for key in first_key, second_key:
        painted = set(key["first"])
        assert {"Paint QWidget RecommendationTree", "Paint QWidget SearchResultView",
                "Paint QWidget QListWidget", "Paint FilterChips"} <= painted, (key["query"], painted)
        assert key["later"] == [], key["query"]
