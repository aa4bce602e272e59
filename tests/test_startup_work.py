"""Issue 10 "Performance": the first paint does no work twice and nothing it does not need."""

from __future__ import annotations

from ui.detail_pane import DetailPane


def test_the_first_page_is_rendered_once(repo, qtbot):
    pane = DetailPane(repo, lambda: None)  # built hidden, like the main window's pane at start-up
    qtbot.addWidget(pane)
    renders = []
    real = pane._render
    pane._render = lambda *a: renders.append(a[0]) or real(*a)
    pane.show_target("cover")
    pane.resize(900, 600)
    pane.show()  # showing must not render the page it has just rendered again
    qtbot.waitExposed(pane)
    assert renders == ["cover"]
    pane.apply_palette()  # a real change still re-renders
    assert renders == ["cover", "cover"]


def test_reading_measure_uses_the_viewport_width(repo, qtbot):
    pane = DetailPane(repo, lambda: None)
    qtbot.addWidget(pane)
    pane.show_target("rec:6")
    pane.resize(1600, 700)
    pane.show()
    qtbot.waitExposed(pane)
    browser = pane.browser
    assert browser.page_width() == browser.viewport().width()
    fmt = browser.document().rootFrame().frameFormat()
    line = browser.viewport().width() - fmt.leftMargin() - fmt.rightMargin()
    measure = browser.fontMetrics().horizontalAdvance("中" * 45)
    assert abs(line - measure) <= 2


def test_the_fonts_and_database_are_prefetched_before_qt_is_imported(content_db, monkeypatch):
    """main.py asks the OS to read the bundled fonts and the content database in the background
    (posix_fadvise WILLNEED) before it imports PySide6; a missing file is skipped, and where the
    call does not exist (Windows) nothing is done."""
    import os

    from models import paths

    advised: list[tuple[int, int]] = []
    monkeypatch.setattr(os, "posix_fadvise", lambda fd, offset, length, advice: advised.append(
        (os.fstat(fd).st_size, advice)), raising=False)
    monkeypatch.setenv("DA_NAVIGATOR_DB", str(content_db))
    fonts = [paths.resource("fonts", name) for name in paths.FONT_FILES]
    assert all(f.is_file() for f in fonts)  # make test builds them first
    assert paths.prefetch_startup_files() == 5
    assert advised == [(f.stat().st_size, os.POSIX_FADV_WILLNEED) for f in fonts] + [
        (content_db.stat().st_size, os.POSIX_FADV_WILLNEED)]

    advised.clear()
    monkeypatch.setenv("DA_NAVIGATOR_DB", str(content_db.with_name("missing.sqlite")))
    assert paths.prefetch_startup_files() == 4

    monkeypatch.delattr(os, "posix_fadvise")
    assert paths.prefetch_startup_files() == 0


def test_main_prefetches_before_it_imports_qt(monkeypatch):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    script = (
        "import sys, os, main, models.paths as p\n"
        "seen = []\n"
        "p.prefetch_startup_files = lambda: seen.append('PySide6' in sys.modules) or 0\n"
        "main.main(['--export-json', os.devnull])\n"
        "print(seen)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip().splitlines()[-1] == "[False]", out.stderr
