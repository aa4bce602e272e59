"""Benchmark runner: ``make bench`` (or ``python -m bench.run [--only NAME ...] [--runs N]``).

Contract for bench modules (add your own as ``bench/<topic>_bench.py``):

* The module exposes ``run() -> list[dict]``. Each dict is one measured figure:

  ``name``      str    what was measured, e.g. "cold start (median of 7)"
  ``value``     float  the figure
  ``unit``      str    "ms", "MB", "x", ...
  ``baseline``  float | None   the same figure for the baseline measured in the same run
  ``ratio``     float | None   value / baseline
  ``budget``    str | None     the budget in words, e.g. "<= 1.3x baseline" or "<= 16 ms"
  ``ok``        bool | None    whether the budget holds (None: no budget, reported only)

  Optional keys (``note``, ``runs``, ``samples``, anything JSON-serialisable) are kept in results.json.
* Each module runs in its own Python process (Qt state never leaks between modules) with the project
  root as working directory and ``BENCH_RUNS`` set (repetitions; modules may use their own default).
  Use medians of repeated runs, and measure the baseline side by side in the same run.
* A module that raises is reported as one failed row; the runner goes on with the others.

The runner prints a table and writes bench/results.json with the machine description (CPU, cores,
memory, Python/Qt/SQLite versions, commit). It exits 1 if any budget fails (``--no-fail`` to report only).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results.json"


def discover() -> list[str]:
    return sorted(p.stem for p in BENCH.glob("*_bench.py"))


def machine() -> dict[str, Any]:
    """Where the figures come from."""
    info: dict[str, Any] = {"nproc": os.cpu_count(), "platform": platform.platform(),
                            "python": platform.python_version(), "sqlite": sqlite3.sqlite_version}
    try:
        cpu = Path("/proc/cpuinfo").read_text()
        info["cpu"] = next((ln.split(":", 1)[1].strip() for ln in cpu.splitlines() if ln.startswith("model name")),
                           platform.processor())
        mem = Path("/proc/meminfo").read_text().split("\n", 1)[0].split()
        info["memory_gib"] = round(int(mem[1]) / 1024 / 1024, 1)
    except OSError:
        info["cpu"] = platform.processor()
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        info.update(qt=qVersion(), pyside6=PySide6.__version__)
    except ImportError:
        pass
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    info["commit"] = commit.stdout.strip() or None
    return info


def run_module(name: str) -> list[dict[str, Any]]:
    """Run one module in this process (the child side of run_isolated)."""
    try:
        rows = importlib.import_module(f"bench.{name}").run()
    except Exception as exc:  # noqa: BLE001 - a broken bench is a failed row, not a crashed runner
        return [{"name": "module failed", "value": None, "unit": "", "baseline": None, "ratio": None,
                 "budget": None, "ok": False, "error": f"{type(exc).__name__}: {exc}",
                 "traceback": traceback.format_exc()}]
    return [dict(row) for row in rows]


def run_isolated(name: str, runs: int | None) -> list[dict[str, Any]]:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = Path(handle.name)
    env = dict(os.environ)
    if runs:
        env["BENCH_RUNS"] = str(runs)
    try:
        proc = subprocess.run([sys.executable, "-m", "bench.run", "--child", name, str(out)], cwd=ROOT, env=env,
                              check=False)
        text = out.read_text(encoding="utf-8") if out.exists() else ""
        rows = json.loads(text) if text else []
        if proc.returncode != 0 or not rows:
            rows.append({"name": "module process failed", "value": proc.returncode, "unit": "exit code",
                         "baseline": None, "ratio": None, "budget": None, "ok": False})
        return rows
    finally:
        out.unlink(missing_ok=True)


def fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"
    return str(value)


def table(rows: list[dict[str, Any]]) -> str:
    head = ("module", "name", "value", "unit", "baseline", "ratio", "budget", "ok")
    body = [(r["module"], r.get("name", ""), fmt(r.get("value")), r.get("unit", ""), fmt(r.get("baseline")),
             fmt(r.get("ratio")), r.get("budget") or "", {True: "ok", False: "FAIL", None: ""}[r.get("ok")])
            for r in rows]
    widths = [max(len(str(x)) for x in col) for col in zip(head, *body, strict=True)]
    lines = ["  ".join(str(x).ljust(w) for x, w in zip(line, widths, strict=True)) for line in (head, *body)]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the bench/*_bench.py modules.")
    parser.add_argument("--only", nargs="*", help="module names (e.g. bundle_bench)")
    parser.add_argument("--runs", type=int, help="repetitions per measurement (BENCH_RUNS)")
    parser.add_argument("--no-fail", action="store_true", help="exit 0 even if a budget fails")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--child", nargs=2, metavar=("MODULE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        import qt_compat

        qt_compat.apply()  # the bench modules use Qt in this child process
        name, out = args.child
        Path(out).write_text(json.dumps(run_module(name), ensure_ascii=False, default=str), encoding="utf-8")
        return 0

    modules = args.only or discover()
    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    rows: list[dict[str, Any]] = []
    for name in modules:
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        module_rows = run_isolated(name, args.runs)
        for row in module_rows:
            rows.append({"module": name, **row})
        print(f"bench: {name} done in {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    report = {"started": started, "machine": machine(), "modules": modules, "rows": rows}
    if args.only and args.output.exists():  # a partial run keeps the other modules' last figures
        try:
            old = json.loads(args.output.read_text(encoding="utf-8"))["rows"]
        except (ValueError, KeyError):
            old = []
        report["rows"] = [r for r in old if r.get("module") not in modules] + rows
    args.output.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    print(table(rows))
    print(f"\nmachine: {report['machine']}\nwritten: {args.output}")
    failed = [f"{r['module']}: {r.get('name')}" for r in rows if r.get("ok") is False]
    if failed:
        print("budgets not met: " + "; ".join(failed), file=sys.stderr)
    return 1 if failed and not args.no_fail else 0


if __name__ == "__main__":
    sys.exit(main())
