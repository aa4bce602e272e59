"""The bundle's pieces without building the bundle: filtering rules, font subset, self-test, bench probe."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools import bundle_filter as bf

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6PrintSupport.so.6", True),
        ("PySide6/Qt/lib/libicudata.so.73", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6Qml.so.6", False),
        ("PySide6/Qt/lib/libQt6Network.so.6", False),
        ("PySide6/Qt/lib/libQt6WaylandClient.so.6", False),
        ("PySide6/QtWidgets.abi3.so", True),
        ("PySide6/QtQml.abi3.so", False),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_help_zh_CN.qm", False),
        # Windows names (PyInstaller's destinations there use backslashes)
        ("PySide6\\Qt6Widgets.dll", True),
        ("PySide6\\Qt6PrintSupport.dll", True),
        ("PySide6\\Qt6Network.dll", False),
        ("PySide6\\Qt6Quick.dll", False),
        ("PySide6\\QtWidgets.pyd", True),
        ("PySide6\\QtNetwork.pyd", False),
        ("PySide6\\opengl32sw.dll", False),
        ("PySide6\\MSVCP140.dll", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6\\plugins\\platforms\\qoffscreen.dll", True),
        ("PySide6\\plugins\\platforms\\qdirect2d.dll", False),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
        ("PySide6\\plugins\\imageformats\\qico.dll", True),
        ("PySide6\\plugins\\imageformats\\qjpeg.dll", False),
        ("PySide6\\plugins\\tls\\qschannelbackend.dll", False),
        ("PySide6\\plugins\\networkinformation\\qnetworklistmanager.dll", False),
        ("PySide6\\plugins\\generic\\qtuiotouchplugin.dll", False),
        ("PySide6\\translations\\qtbase_zh_CN.qm", True),
        ("PySide6\\translations\\qtbase_de.qm", False),
    ],
)
def test_qt_files_kept_or_left_out(dest: str, kept: bool) -> None:
    assert bf.keep_qt_file(dest) is kept


def test_filter_keeps_everything_outside_pyside() -> None:
    entries = [
        ("base_library.zip", "/x/base_library.zip", "DATA"),
        ("resources/fonts/OFL.txt", "/x/OFL.txt", "DATA"),
        ("data/build/content.sqlite", "/x/content.sqlite", "DATA"),
        ("PySide6/Qt/lib/libQt6Quick.so.6", "/x/libQt6Quick.so.6", "BINARY"),
        ("libQt6Quick.so.6", "/x/libQt6Quick.so.6", "BINARY"),
    ]
    assert [e[0] for e in bf.filter_qt(entries)] == [
        "base_library.zip", "resources/fonts/OFL.txt", "data/build/content.sqlite"]


def test_host_libraries_only_kept_when_something_loads_them() -> None:
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqoffscreen.so"
    needed = bf.needed_sonames([str(plugin)])
    assert "libQt6Gui.so.6" in needed and "libfontconfig.so.1" in needed
    fontconfig = next(line.split(" => ")[1].split(" (")[0] for line in subprocess.run(
        ["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout.splitlines()
        if line.strip().startswith("libfontconfig.so.1"))
    entries = [
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", str(plugin), "BINARY"),
        ("libfontconfig.so.1", fontconfig, "BINARY"),
        ("libnothing-loads-me.so.1", "/bin/true", "BINARY"),
    ]
    kept, dropped = bf.drop_unloaded_system_libs(entries)
    assert dropped == ["libnothing-loads-me.so.1"]
    assert [e[0] for e in kept] == [e[0] for e in entries[:2]]


def test_excluded_python_packages_are_not_imported_by_the_app() -> None:
    """Nothing the app imports at run time is in the exclude list (it would be missing when frozen)."""
    code = (
        "import sys, os; os.environ['QT_QPA_PLATFORM']='offscreen'\n"
        "import main, selftest, ui.app, ui.main_window, models.repository\n"
        "print('\\n'.join(sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    loaded = {name.split(".")[0] for name in out.split()}
    assert not loaded & set(bf.PYTHON_EXCLUDES)


# --- the font subset -------------------------------------------------------------------------------
NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def test_wanted_characters_cover_the_content_and_the_ui(content_db: Path) -> None:
    from tools.build_font import database_text, drawable, gb2312_hanzi, source_text, wanted_characters

    wanted = wanted_characters(content_db)
    assert not drawable(database_text(content_db) | source_text()) - wanted
    assert {"建", "议", "专", "利", "，", "。", "★", "⚑", "A", "é", "\u3000", "\u2060"} <= wanted
    assert set(gb2312_hanzi()) <= wanted
    assert not {c for c in wanted if 0x2E80 <= ord(c) <= 0x2FDF or 0xE000 <= ord(c) <= 0xF8FF}


@pytest.mark.skipif(not NOTO.exists(), reason="fonts-noto-cjk is not installed")
def test_subset_renders_and_prints_chinese_with_no_system_fonts(tmp_path: Path) -> None:
    """Subset a few characters, then print them to PDF in a process whose fontconfig knows no fonts."""
    from tools.build_font import FAMILY, SC_FACE, Job, subset_face

    font = tmp_path / "fonts" / "DANavigatorCJK.otf"
    font.parent.mkdir()
    text = "建议 6：知识产权专利 TISC，《报告》。"
    subset_face(Job(NOTO, SC_FACE, FAMILY, "Regular", font), set(text) | set("0123456789"))
    from fontTools.ttLib import TTFont

    with TTFont(font) as subset:
        assert subset["name"].getDebugName(1) == FAMILY and SC_FACE == 2
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig><cachedir>{tmp_path}/cache</cachedir></fontconfig>')
    pdf = tmp_path / "out.pdf"
    script = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication, QPdfWriter, QTextDocument\n"
        "import models.fonts as f\n"
        "app = QGuiApplication([])\n"
        "f.bundled_font_files = lambda: [__import__('pathlib').Path(sys.argv[1])]\n"
        "assert f.register_bundled_font(app) == f.FAMILY\n"
        "doc = QTextDocument(); doc.setPlainText(sys.argv[3])\n"
        "doc.print_(QPdfWriter(sys.argv[2]))\n"
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", script, str(font), str(pdf), text], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    extracted = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "知识产权专利" in extracted.replace(" ", "")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "DANavigatorCJK" in fonts


def test_register_bundled_font_without_files_leaves_the_app_font_alone(qapp, monkeypatch) -> None:
    import models.fonts as fonts

    monkeypatch.setattr(fonts, "bundled_font_files", lambda: [])
    monkeypatch.setattr(fonts, "_registered", [])  # as in a process that has registered nothing yet
    monkeypatch.setattr(fonts, "_loaded", set())
    before = qapp.font().families()
    assert fonts.register_bundled_font(qapp) is None
    assert qapp.font().families() == before


# --- the self-test -----------------------------------------------------------------------------------
def _self_test(tmp_path: Path, db: Path) -> tuple[int, dict]:
    report = tmp_path / "report.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DA_NAVIGATOR_DB": str(db)}
    code = subprocess.run([sys.executable, "main.py", "--self-test", str(report)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120).returncode
    return code, json.loads(report.read_text(encoding="utf-8"))


def test_self_test_passes_on_the_built_database(tmp_path: Path, content_db: Path) -> None:
    code, report = _self_test(tmp_path, content_db)
    checks = {c["name"]: c for c in report["checks"]}
    assert code == 0 and report["ok"], report["failed"]
    assert checks["database"]["recommendations"] == 45
    assert checks["build_record"]["status"] == "skipped"  # no record beside a development database
    assert set(checks["search"]["terms"]) == {"专", "专利", "知识产权", "TISC"}
    assert all(t["missing"] == [] and t["hits"] > 0 for t in checks["search"]["terms"].values())
    assert checks["render"]["rendered"] == 45
    assert checks["user_data"]["status"] == "pass"
    assert report["versions"]["sqlite"] and report["versions"]["qt"].startswith("6.")
    if checks["pdf"]["status"] == "pass":
        assert checks["pdf"]["pages"] >= 1


def test_self_test_fails_on_a_database_that_does_not_match_its_record(tmp_path: Path, content_db: Path) -> None:
    db = tmp_path / "content.sqlite"
    db.write_bytes(content_db.read_bytes())
    (tmp_path / "content.sqlite.sha256").write_text("0" * 64 + "  content.sqlite\n")
    code, report = _self_test(tmp_path, db)
    assert code == 1 and report["failed"] == ["build_record"]


def test_self_test_reports_a_missing_database(tmp_path: Path) -> None:
    code, report = _self_test(tmp_path, tmp_path / "nowhere.sqlite")
    checks = {c["name"]: c for c in report["checks"]}
    assert code == 1 and checks["database"]["status"] == "fail"
    assert "nowhere.sqlite" in checks["database"]["error"]


# --- the bench probe and runner ------------------------------------------------------------------
def test_ready_probe_writes_the_first_paint_time(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QWidget

    from ui.ready_probe import ENV, install_ready_probe, read_ready

    target = tmp_path / "ready"
    monkeypatch.setenv(ENV, str(target))
    widget = QWidget()
    qtbot.addWidget(widget)
    calls = []
    assert install_ready_probe(widget, lambda: calls.append(1) or True) is not None
    widget.show()
    qtbot.waitUntil(target.exists, timeout=5000)
    stamp, cpu = read_ready(target)
    assert stamp > 1.7e9 and 0 < cpu < 60 and calls


def test_ready_probe_is_inert_without_the_variable(qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QWidget

    from ui.ready_probe import ENV, install_ready_probe

    monkeypatch.delenv(ENV, raising=False)
    widget = QWidget()
    qtbot.addWidget(widget)
    assert install_ready_probe(widget) is None


def test_bench_rows_and_table() -> None:
    from bench.frozen import row
    from bench.run import discover, table

    assert "bundle_bench" in discover()
    r = row("size", 90.0, "MB", 100.0, 1.0)
    assert r["ratio"] == 0.9 and r["ok"] is True and r["budget"] == "<= 1.0x baseline"
    assert row("start", 140.0, "ms", 100.0, 1.3)["ok"] is False
    assert row("zipped", 50.0, "MB", 60.0)["ok"] is None
    text = table([{"module": "bundle_bench", **r}])
    assert "bundle_bench" in text and "ok" in text.splitlines()[-1]


def test_self_test_prints_only_its_own_summary(tmp_path: Path, content_db: Path) -> None:
    """The PDF check calls the --print-summary code: its "file: N pages" line must not leak out."""
    report = tmp_path / "report.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DA_NAVIGATOR_DB": str(content_db)}
    run = subprocess.run([sys.executable, "main.py", "--self-test", str(report)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout == ""
    assert run.stderr.strip().startswith("self-test passed:") and "page" not in run.stderr
