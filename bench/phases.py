"""Where start-up time goes: ``make startup-phases`` (or ``python -m bench.phases [--frozen] [--runs N]``).

Starts the app (``python main.py`` offscreen, or the frozen bundle on an X display) N times, reads the
phases ``ui.ready_probe.mark`` records, and prints the median wall-clock time from launch to each phase
and the median CPU time spent in it. A diagnostic, not a benchmark with a budget: ``make bench``
holds the budgets (bench/ui_bench.py, bench/bundle_bench.py).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.frozen import APP_EXE, ROOT, display
from ui.ready_probe import ENV, read_marks, read_ready


def start(cmd: list[str], env: dict[str, str]) -> list[tuple[str, float, float]]:
    """One start: (phase, ms since launch, CPU ms used so far), ending with the first paint."""
    with tempfile.TemporaryDirectory(prefix="bench-phases-") as tmp:
        ready = Path(tmp) / "ready"
        child = {**os.environ, **env, ENV: str(ready), "DA_NAVIGATOR_USER_DIR": f"{tmp}/user",
                 "DA_NAVIGATOR_SETTINGS_DIR": f"{tmp}/settings"}
        child.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: from bytecode
        launched = time.time()
        subprocess.run(cmd, cwd=ROOT, env=child, check=True, timeout=60,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        painted, cpu = read_ready(ready)
        phases = [*read_marks(ready), ("first paint", painted, cpu)]
        return [(name, (at - launched) * 1000, used * 1000) for name, at, used in phases]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frozen", action="store_true", help="the bundle in dist/ (make dist), on X")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    runs: list[list[tuple[str, float, float]]] = []
    if args.frozen:
        with display() as env:
            start([str(APP_EXE)], env)  # unmeasured: caches
            runs = [start([str(APP_EXE)], env) for _ in range(args.runs)]
    else:
        env = {"QT_QPA_PLATFORM": "offscreen"}
        start([sys.executable, "main.py"], env)
        runs = [start([sys.executable, "main.py"], env) for _ in range(args.runs)]
    print(f"{'phase':<16}{'at (ms)':>10}{'CPU in phase (ms)':>20}   median of {args.runs}")
    before = 0.0
    for i, (name, _at, _used) in enumerate(runs[0]):
        at = statistics.median(r[i][1] for r in runs)
        used = statistics.median(r[i][2] for r in runs)
        print(f"{name:<16}{at:>10.0f}{used - before:>20.1f}")
        before = used
    return 0


if __name__ == "__main__":
    sys.exit(main())
