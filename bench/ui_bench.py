"""Reference-window benchmarks (issue 3), run by ``make bench`` through bench/run.py.

* start-up: ``python main.py`` until the window is painted with the tree filled, against a bare
  PySide6 QMainWindow (bench/baseline_app.py: tree + text browser) started side by side,
  alternating, in the same run (offscreen platform, fresh settings, median of BENCH_RUNS);
* keystroke → on screen: one key event into the search box (leading edge of the debounce), then the
  event loop until every layout and repaint the key caused is done, median and p95 over 30 fixed
  queries, in a 1400x900 window (sidebar, result list and tree all shown, as a delegate sees them);
* selecting another recommendation in the tree → detail pane rendered and repainted: median over
  all 45 recommendations.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STARTUP_BUDGET = 1.4  # python main.py vs a bare PySide6 window (tree + text browser), same run
# Starts are sampled more often than the rest: on this shared machine one start varies by up to ±25 %.
STARTUP_RUNS = int(os.environ.get("BENCH_STARTUP_RUNS", "15"))
KEYSTROKE_MEDIAN_MS, KEYSTROKE_P95_MS = 16.0, 25.0  # keystroke → results updated and repainted

QUERIES = [
    "专",
    "权",
    "法",
    "国",  # 1 character
    "专利",
    "版权",
    "商标",
    "创新",
    "妇女",
    "数据",  # 2
    "中小企业",
    "知识产权",
    "技术转让",
    "最不发达国家",
    "公有领域",  # 3+
    "TISC",
    "WIPO",
    "GREEN",
    "PCT",
    "CDIP/33/3",
    "IP-TAD",
    "SCCR",
    "covid",
    "专利 版权",
    "中小企业 妇女",
    "技术 转让 非洲",
    "WIPO 学院",
    "TISC 网络",
    "发展议程 项目",
    "数据库 专利",
]


def _env(tmp: str) -> dict[str, str]:
    env = dict(os.environ)
    # Installed apps (and the frozen bundle) run from bytecode; this machine's environment sets
    # PYTHONDONTWRITEBYTECODE, which would make every start recompile our modules from source.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        DA_NAVIGATOR_SETTINGS_DIR=f"{tmp}/settings",
        DA_NAVIGATOR_USER_DIR=f"{tmp}/user",
    )
    return env


def _start_time(cmd: list[str], env: dict[str, str], stamp: Path) -> tuple[float, float]:
    """(wall ms to the first painted window, CPU ms of the process up to that paint) for one start."""
    from ui.ready_probe import read_ready

    stamp.unlink(missing_ok=True)
    env = dict(env, DA_NAVIGATOR_BENCH_READY=str(stamp))
    t0 = time.time()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, timeout=60, stdout=subprocess.DEVNULL)
    painted, cpu = read_ready(stamp)
    return (painted - t0) * 1000, cpu * 1000


def startup(runs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(tmp)
        stamp = Path(tmp) / "ready"
        app_cmd = [sys.executable, "main.py"]
        base_cmd = [sys.executable, "bench/baseline_app.py"]
        _start_time(app_cmd, env, stamp)  # warm the OS file cache for both
        _start_time(base_cmd, env, stamp)
        app, base = [], []
        for _ in range(runs):
            app.append(_start_time(app_cmd, env, stamp))
            base.append(_start_time(base_cmd, env, stamp))
    value, baseline = statistics.median(a for a, _ in app), statistics.median(b for b, _ in base)
    cpu, cpu_base = statistics.median(c for _, c in app), statistics.median(c for _, c in base)
    ratio = value / baseline
    return {
        "name": f"python main.py → window painted, tree filled (median of {runs})",
        "value": round(value, 1),
        "unit": "ms",
        "baseline": round(baseline, 1),
        "ratio": round(ratio, 2),
        "budget": f"<= {STARTUP_BUDGET:g}x baseline",
        "ok": ratio <= STARTUP_BUDGET,
        "samples": [round(a, 1) for a, _ in app],
        "baseline_samples": [round(b, 1) for b, _ in base],
        "cpu_ms": round(cpu, 1),
        "baseline_cpu_ms": round(cpu_base, 1),
        "cpu_ratio": round(cpu / cpu_base, 2),
        "min_ratio": round(min(a for a, _ in app) / min(b for b, _ in base), 2),
        "note": "wall clock from spawn to the first paint with the tree filled (DA_NAVIGATOR_BENCH_READY); "
        "cpu_ms is the process's CPU time up to that paint, less sensitive to other load on the machine; "
        "min_ratio compares the fastest starts (the least disturbed by other load)",
    }


WINDOW = (1400, 900)


def _window():
    """The main window at WINDOW size, started as ui.app.run_app starts it: no garbage collection while
    it is built, then one collection and gc.freeze() after its first paint (without that, every later
    collection walks ~37,000 start-up objects the app itself never walks again)."""
    import gc

    tmp = tempfile.mkdtemp()
    if os.environ.setdefault("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        # The offscreen screen is 800x800 unless configured: a 1400x900 window would be cut to it, and at
        # that width the window folds its sidebar away, so the result list would never be drawn.
        screen = Path(tmp) / "screen.json"
        screen.write_text('{"screens": [{"name": "bench", "width": 1920, "height": 1080, "logicalDpi": 96}]}')
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    os.environ.update(DA_NAVIGATOR_SETTINGS_DIR=f"{tmp}/settings", DA_NAVIGATOR_USER_DIR=f"{tmp}/user")
    sys.path.insert(0, str(ROOT))
    from models.repository import ContentRepository
    from ui.app import make_app
    from ui.i18n import Translations
    from ui.main_window import MainWindow

    gc.disable()  # as main.py does before the window is built
    app = make_app()
    translations = Translations()
    translations.switch("zh")
    window = MainWindow(ContentRepository(), translations)
    window.resize(*WINDOW)
    window.show()
    window.finish_startup()
    app.processEvents()
    from ui.app import resume_collection

    resume_collection()  # connected to window.started by run_app
    app.setCursorFlashTime(0)  # a blinking text cursor would repaint between the screen checks
    if window.size().toTuple() != WINDOW or window.sidebar.width() < 200:
        raise RuntimeError(f"the window is {window.size().toTuple()} (sidebar {window.sidebar.width()} px), "
                           f"not {WINDOW} with its sidebar")
    return app, window


def settle(app) -> None:
    """Run the event loop until the window is up to date: a text that changes height is laid out in
    one pass, the layout it changes in the next, and painted in the last."""
    for _ in range(3):
        app.processEvents()


def on_screen(app, window) -> bool:
    """Whether what the window last put on screen equals a fresh render of it: nothing left stale."""
    screen = app.primaryScreen().grabWindow(window.winId()).toImage()
    fresh = window.grab().toImage()
    return screen.convertToFormat(fresh.format()) == fresh


def keystrokes(app, window, runs: int) -> list[dict]:
    """Per query: the median over ``runs`` of one key press into the search box until the tree, the
    result list, the facets and the filter chips are updated and, second figure, on screen (every
    layout and repaint the key caused, whatever the app chose to repaint). Once per query the screen is
    compared with a fresh render of the window: a change left unpainted would make a fast figure false."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    sidebar = window.sidebar
    updated, shown, cpu, every, stale = [], [], [], [], []
    for query in QUERIES:
        up, sh = [], []
        for run in range(runs):
            sidebar.search.setText(query[:-1])
            sidebar.apply_now()
            sidebar._timer.stop()  # a pause before the last keystroke: no debounce pending
            settle(app)
            press = QKeyEvent(
                QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, query[-1]
            )
            c0, t0 = time.thread_time(), time.perf_counter()
            QApplication.sendEvent(sidebar.search, press)
            t1 = time.perf_counter()
            settle(app)
            t2, c2 = time.perf_counter(), time.thread_time()
            up.append((t1 - t0) * 1000)
            sh.append((t2 - t0) * 1000)
            cpu.append((c2 - c0) * 1000)
            assert sidebar.state.query == query, (sidebar.state.query, query)
            if run == 0 and not on_screen(app, window):
                stale.append(query)
        updated.append(statistics.median(up))
        shown.append(statistics.median(sh))
        every.extend(sh)
    rows = []
    for label, values, budget in (
        ("updated (models, counts, facets, chips)", updated, None),
        ("updated and on screen", shown, KEYSTROKE_MEDIAN_MS),
    ):
        value = statistics.median(values)
        rows.append(
            {
                "name": f"keystroke → {label} (median over {len(QUERIES)} queries)",
                "value": round(value, 2),
                "unit": "ms",
                "baseline": None,
                "ratio": None,
                "budget": f"<= {budget:g} ms" if budget else None,
                "ok": (value <= budget and not stale) if budget else None,
                "max": round(max(values), 2),
                "per_query": {q: round(v, 2) for q, v in zip(QUERIES, values, strict=True)},
            }
        )
    p95 = statistics.quantiles(every, n=20)[-1]
    rows.append({
        "name": f"keystroke → updated and on screen, p95 of all {len(every)} presses",
        "value": round(p95, 2), "unit": "ms", "baseline": None, "ratio": None,
        "budget": f"<= {KEYSTROKE_P95_MS:g} ms", "ok": p95 <= KEYSTROKE_P95_MS and not stale,
    })
    rows[1]["cpu_ms_median"] = round(statistics.median(cpu), 2)
    rows[1]["stale_after"] = stale  # queries whose screen differed from a fresh render: must be empty
    rows[1]["note"] = (
        f"window {WINDOW[0]}x{WINDOW[1]} with the sidebar's result list shown; timed from the key event "
        "until the event loop has done every layout and repaint it caused (bench.ui_bench.settle)"
    )
    return rows


def selection(app, window, runs: int) -> dict:
    window.sidebar.clear_all()
    model, tree = window.tree_model, window.tree
    samples, cpu = [], []
    for _ in range(runs):
        for n in [*range(1, 46)]:
            index = model.index_for(f"rec:{n % 45 + 1}")
            tree.setCurrentIndex(model.index_for(f"rec:{n}"))
            app.processEvents()
            c0, t0 = time.thread_time(), time.perf_counter()
            tree.setCurrentIndex(index)
            window.detail.browser.viewport().repaint()
            samples.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.thread_time() - c0) * 1000)
    value = statistics.median(samples)
    return {
        "name": "select another recommendation → detail rendered (median, all 45)",
        "value": round(value, 2),
        "unit": "ms",
        "baseline": None,
        "ratio": None,
        "budget": "<= 30 ms",
        "ok": value <= 30,
        "max": round(max(samples), 2),
        "p90": round(sorted(samples)[int(len(samples) * 0.9)], 2),
        "cpu_ms_median": round(statistics.median(cpu), 2),
    }


def run() -> list[dict]:
    runs = int(os.environ.get("BENCH_RUNS", "7"))
    rows = [startup(STARTUP_RUNS)]
    app, window = _window()
    rows.extend(keystrokes(app, window, max(3, runs)))
    rows.append(selection(app, window, max(3, runs // 2)))
    window.close()
    return rows


if __name__ == "__main__":
    for row in run():
        print(
            f"{row['name']}: {row['value']} {row['unit']} (baseline {row['baseline']}, budget {row['budget']}, "
            f"ok={row['ok']})"
        )
