"""Start-up probe for benchmarks: with ``DA_NAVIGATOR_BENCH_READY=FILE`` set, the app writes the
wall-clock time (``time.time()``) of the main window's first paint to FILE, then the process's CPU
time up to it (``time.process_time()``, seconds; less sensitive to other load on the machine), and quits.
``read_ready(FILE)`` parses both. ``mark(name)`` records a start-up phase (wall clock and CPU
time), written after them one per line: where the time to the first paint goes (``make startup-phases``).

Inactive (a no-op) unless the variable is set. bench/baseline_app.py does the same for the baseline,
so frozen and unfrozen start-up can be compared side by side (bench/bundle_bench.py, bench/ui_bench.py).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

ENV = "DA_NAVIGATOR_BENCH_READY"
_marks: list[tuple[str, float, float]] = []


def mark(name: str) -> None:
    """Record that start-up reached ``name`` (only while the bench variable is set)."""
    if ENV in os.environ:
        _marks.append((name, time.time(), time.process_time()))


class _ReadyProbe(QObject):
    def __init__(self, path: Path, ready: Callable[[], bool]) -> None:
        super().__init__()
        self._path: Path | None = path
        self._ready = ready

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if self._path is not None and event.type() == QEvent.Type.Paint and self._ready():
            path, self._path = self._path, None
            stamp, cpu = time.time(), time.process_time()
            QTimer.singleShot(0, lambda: self._finish(path, stamp, cpu))
        return False

    @staticmethod
    def _finish(path: Path, stamp: float, cpu: float) -> None:
        lines = [f"{stamp:.6f} {cpu:.6f}", *(f"{name} {at:.6f} {used:.6f}" for name, at, used in _marks)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        QCoreApplication.quit()


def read_ready(path: Path) -> tuple[float, float]:
    """(wall-clock stamp, CPU seconds) from a probe file; CPU is 0.0 from a probe that wrote none."""
    fields = path.read_text(encoding="utf-8").splitlines()[0].split()
    return float(fields[0]), float(fields[1]) if len(fields) > 1 else 0.0


def read_marks(path: Path) -> list[tuple[str, float, float]]:
    """The start-up phases a probe file lists: (name, wall-clock stamp, CPU seconds), in order."""
    rows = [line.rsplit(maxsplit=2) for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    return [(name, float(at), float(used)) for name, at, used in rows]


def install_ready_probe(window: QObject, ready: Callable[[], bool] = lambda: True) -> QObject | None:
    """Watch ``window`` if the bench variable is set; ``ready`` says whether its content is filled."""
    target = os.environ.get(ENV)
    if not target:
        return None
    probe = _ReadyProbe(Path(target), ready)
    probe.setParent(window)
    window.installEventFilter(probe)
    return probe
