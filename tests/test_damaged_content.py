"""A content database damaged inside (a corrupt page in a table): a typed error, a dialog saying
the installation is damaged, a non-zero exit on the command line, never a traceback."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from models.repository import ContentDamaged, ContentRepository

ROOT = Path(__file__).resolve().parent.parent


def damage(source: Path, target: Path, table: str) -> Path:
    """A copy of ``source`` whose b-tree pages of ``table`` (found through dbstat) are overwritten."""
    shutil.copy(source, target)
    with sqlite3.connect(target) as conn:
        pages = [p for (p,) in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype != 'overflow'", (table,))]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    assert pages, table
    with open(target, "r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * size)
            handle.write(b"\xff" * 64)
    return target


@pytest.fixture
def bad_recommendations(content_db: Path, tmp_path: Path) -> Path:
    return damage(content_db, tmp_path / "bad-recommendations.sqlite", "recommendations")


@pytest.fixture
def bad_highlights(content_db: Path, tmp_path: Path) -> Path:
    return damage(content_db, tmp_path / "bad-highlights.sqlite", "highlights")


def test_repository_raises_a_typed_error(bad_recommendations: Path, bad_highlights: Path) -> None:
    with pytest.raises(ContentDamaged, match="reinstall"):
        ContentRepository(bad_recommendations).summaries()
    repo = ContentRepository(bad_highlights)
    assert len(repo.summaries()) == 45  # the rest still reads
    with pytest.raises(ContentDamaged, match="damaged"):
        repo.recommendation(6)
    repo.close()


def test_start_up_shows_the_damage_dialog_and_exits_4(bad_recommendations: Path, qapp, monkeypatch) -> None:
    import ui.app as app_module

    shown: list[str] = []
    monkeypatch.setenv("DA_NAVIGATOR_DB", str(bad_recommendations))
    monkeypatch.setattr(app_module, "show_content_error", lambda parent, exc, damaged=True: shown.append(str(exc)))
    monkeypatch.setattr(qapp, "exec", lambda: pytest.fail("the window must not start"))
    monkeypatch.setattr(app_module, "make_app", lambda: qapp)  # the shared app keeps its style for later tests
    code = app_module.run_app(app_module.argparse.Namespace(lang="en", open=None))
    assert code == 4 and len(shown) == 1 and "reinstall" in shown[0]


def test_a_click_on_damaged_content_shows_the_dialog_and_closes(bad_highlights: Path, qtbot, monkeypatch) -> None:
    import ui.app as app_module
    from models.settings import Settings
    from ui.main_window import MainWindow

    shown: list[str] = []
    monkeypatch.setattr(app_module, "show_content_error", lambda parent, exc, damaged=True: shown.append(str(exc)))
    repo = ContentRepository(bad_highlights)
    window = MainWindow(repo, settings=Settings())
    qtbot.addWidget(window)
    window.show()
    with app_module.ContentGuard(app_module.QApplication.instance()) as guard:
        QTimer.singleShot(0, lambda: window.detail.show_target("rec:6"))  # as a click would, in the loop
        qtbot.waitUntil(lambda: guard.code == 4, timeout=5000)
        QTimer.singleShot(0, lambda: window.detail.show_target("rec:7"))  # later clicks: no second box
        app_module.QApplication.processEvents()
    assert len(shown) == 1 and "reinstall" in shown[0]
    assert not window.isVisible()


@pytest.mark.parametrize("args", [("--print-summary", "6", "--output", "r6.pdf"), ("--export-json", "c.json")])
@pytest.mark.parametrize("table", ["recommendations", "highlights"])
def test_command_line_exits_4_without_a_traceback(content_db: Path, tmp_path: Path, args, table) -> None:
    db = damage(content_db, tmp_path / "bad.sqlite", table)
    env = {**os.environ, "DA_NAVIGATOR_DB": str(db), "QT_QPA_PLATFORM": "offscreen",
           "DA_NAVIGATOR_USER_DIR": str(tmp_path / "user")}
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 4, run.stderr
    assert "Traceback" not in run.stderr and "reinstall" in run.stderr
    assert not (tmp_path / args[-1]).exists()


def test_self_test_still_detects_the_damage(content_db: Path, tmp_path: Path) -> None:
    db = damage(content_db, tmp_path / "bad.sqlite", "highlights")
    report = tmp_path / "report.json"
    env = {**os.environ, "DA_NAVIGATOR_DB": str(db), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--self-test", str(report)], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and '"database"' in report.read_text(encoding="utf-8")
    assert "quick_check" in report.read_text(encoding="utf-8")
