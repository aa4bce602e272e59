"""Issue 10 "Performance": Qt's libraries and fontconfig are readied on a second thread at start-up
(models/warmup.py), before anything imports PySide6, and the QApplication waits for that work."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from models import warmup

ROOT = Path(__file__).resolve().parent.parent
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/maps")


def run(script: str, **env: str) -> list[str]:
    """Run ``script`` in a fresh interpreter in the project folder; its printed lines."""
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], cwd=ROOT, capture_output=True,
                         text=True, timeout=60, env={**os.environ, **env})
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_the_qt_libraries_are_found_in_load_order():
    found = warmup.libraries("linux")
    names = [Path(p).name for p in found]
    assert names == [Path(n).name for n in warmup.QT_LIBRARIES["linux"]]  # the wheel has every one
    assert names.index("libQt6Core.so.6") < names.index("libQt6Gui.so.6") < names.index("libQt6Widgets.so.6")
    assert warmup.libraries("darwin") == []


def test_the_windows_libraries_are_looked_up_in_the_bundle(tmp_path, monkeypatch):
    (tmp_path / "PySide6" / "plugins" / "platforms").mkdir(parents=True)
    for name in ("Qt6Core.dll", "Qt6Widgets.dll", "plugins/platforms/qwindows.dll"):  # no Qt6Gui.dll
        (tmp_path / "PySide6" / name).write_bytes(b"MZ")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert [Path(p).relative_to(tmp_path / "PySide6").as_posix() for p in warmup.libraries("win32")] == [
        "Qt6Core.dll", "Qt6Widgets.dll", "plugins/platforms/qwindows.dll"]


@linux_only
def test_the_thread_links_qt_and_fontconfig_without_importing_pyside():
    lines = run("""
        import sys
        from models import warmup
        print(warmup.start(), warmup.start())  # once per process
        warmup.finish()
        maps = open("/proc/self/maps").read()
        print("libQt6Widgets.so.6" in maps, "libqxcb.so" in maps, "libfontconfig" in maps)
        print("PySide6" in sys.modules)
    """)
    assert lines == ["True", "False", "True", "True", "True", "False"]


@linux_only
def test_the_warm_up_can_be_turned_off():
    lines = run("""
        from models import warmup
        print(warmup.start())
        warmup.finish()
        print("libQt6Widgets.so.6" in open("/proc/self/maps").read())
    """, DA_NAVIGATOR_NO_WARMUP="1")
    assert lines == ["False", "False"]


def test_a_library_that_cannot_be_loaded_is_skipped_quietly(tmp_path, monkeypatch):
    broken = tmp_path / "libQt6Core.so.6"
    broken.write_bytes(b"not a library")
    paths = [str(broken), str(tmp_path / "libQt6Gui.so.6")]
    done = warmup._thread.allocate_lock()
    done.acquire()
    warmup._work(paths, None, done)  # the real loader: nothing raised
    assert not done.locked()  # and finish() does not wait for a thread that has given up
    loaded = []
    monkeypatch.setattr(warmup, "_loader", lambda: lambda path: loaded.append(path) or 0)
    done.acquire()
    warmup._work(paths, "libfontconfig.so.1", done)
    assert loaded == [*paths, "libfontconfig.so.1"]  # each tried; FcInit only once fontconfig loads
    assert not done.locked()


@pytest.mark.parametrize("make", ["from ui.app import make_app as make",
                                  "from ui.print_render import ensure_gui_app as make"])
def test_the_application_is_made_only_after_the_warm_up(tmp_path, make):
    """The window's make_app() and the headless printer's ensure_gui_app() wait for the thread: Qt must not
    read fontconfig while the thread initialises it."""
    lines = run(make + "\n" + textwrap.dedent("""
        import time
        from models import warmup
        finished = []
        def slow(paths, fontconfig, done):
            time.sleep(0.5)
            finished.append(time.monotonic())
            done.release()
        warmup._work = slow
        warmup.start()
        app = make()
        print(bool(finished) and finished[0] <= time.monotonic())
    """), QT_QPA_PLATFORM="offscreen", DA_NAVIGATOR_SETTINGS_DIR=str(tmp_path))
    assert lines[-1] == "True"


def test_main_starts_the_warm_up_before_it_imports_qt():
    lines = run("""
        import os, sys, main
        from models import warmup
        seen = []
        warmup.start = lambda: seen.append("PySide6" in sys.modules) or False
        main.main(["--export-json", os.devnull])
        print(seen)
    """)
    assert lines[-1] == "[False]"


def test_the_bundle_starts_the_warm_up_in_its_first_runtime_hook():
    """PyInstaller runs build.spec's own runtime hooks before its hooks that import inspect and PySide6."""
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'runtime_hooks=[str(ROOT / "tools" / "pyi_rth_warmup.py")]' in spec
    hook = (ROOT / "tools" / "pyi_rth_warmup.py").read_text(encoding="utf-8")
    code = hook.split('"""')[-1]
    assert "warmup.start()" in code and "PySide6" not in code


POOLED_THREADS = """
    import os, qt_compat
    qt_compat.apply()
    from PySide6.QtWidgets import QApplication, QListWidget
    if os.environ.get("PLAIN_APP"):
        app = QApplication(["x", "-style", "fusion"])
    else:
        from ui.app import make_app
        app = make_app(["x"])
    print(os.environ.get("QT_NO_GUI_THREADPOOL"))
    view = QListWidget()  # a list 700 px high, and its scroll bar's gradient: fills Qt hands to its pool
    view.addItems([str(n) for n in range(300)])
    view.resize(400, 700)
    view.show()
    app.processEvents()
    for _ in range(5):
        view.repaint()
    names = [open(f"/proc/self/task/{t}/comm").read().strip() for t in os.listdir("/proc/self/task")]
    print(sum(n.startswith("Thread (pooled)") for n in names))
"""


@linux_only
def test_the_window_paints_without_qts_gui_thread_pool():
    """make_app turns Qt's GUI thread pool off (QT_NO_GUI_THREADPOOL): tall fills are painted on the GUI
    thread, not handed to pool threads and waited for. A plain application starts pool threads."""
    env = {key: value for key, value in os.environ.items() if key != "QT_NO_GUI_THREADPOOL"}
    env["QT_QPA_PLATFORM"] = "offscreen"  # this process's own make_app has set the variable: not inherited
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(POOLED_THREADS)], cwd=ROOT, capture_output=True,
                         text=True, timeout=60, env=env)
    assert out.returncode == 0 and out.stdout.split() == ["1", "0"], out.stderr
    if (os.cpu_count() or 1) > 1:  # the control: with two cores or more, Qt does use its pool
        out = subprocess.run([sys.executable, "-c", textwrap.dedent(POOLED_THREADS)], cwd=ROOT,
                             capture_output=True, text=True, timeout=60, env={**env, "PLAIN_APP": "1"})
        assert out.returncode == 0 and int(out.stdout.split()[1]) > 0, out.stderr
