"""Helpers for benchmarks of frozen bundles: start-up timing, peak memory, size on disk, an X server.

Start-up is measured from process launch to the first paint of the main window with its tree
filled, reported by the app itself through the DA_NAVIGATOR_BENCH_READY probe (ui.ready_probe,
and the same code inlined in bench/baseline_app.py); peak RSS comes from the kernel (wait4).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ui.ready_probe import read_ready

ROOT = Path(__file__).resolve().parent.parent
APP_EXE = ROOT / "dist" / "DA Navigator" / "DA Navigator"
BUILD = ROOT / "bench" / "build"
BASELINE_EXE = BUILD / "dist" / "baseline" / "baseline"
MB = 1024 * 1024


def runs(default: int = 7) -> int:
    return max(1, int(os.environ.get("BENCH_RUNS", default)))


def median(values: list[float]) -> float:
    return statistics.median(values)


@dataclass
class Start:
    seconds: float  # launch to first paint with the tree filled
    cpu_seconds: float  # the process's CPU time up to that paint (less sensitive to other load)
    peak_rss_mb: float
    exit_code: int


def can_drop_caches() -> bool:
    return os.geteuid() == 0 and os.access("/proc/sys/vm/drop_caches", os.W_OK)


def drop_caches() -> None:
    """Evict the page cache so the next start reads the bundle from disk (a true cold start)."""
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def start_once(exe: Path, env: dict[str, str] | None = None, cold: bool = False, timeout: float = 60) -> Start:
    """Launch ``exe``, wait for its ready probe and its exit; return timing and peak RSS."""
    with tempfile.TemporaryDirectory(prefix="bench-start-") as tmp:
        ready = Path(tmp) / "ready"
        child_env = {**os.environ, **(env or {}), "DA_NAVIGATOR_BENCH_READY": str(ready),
                     "DA_NAVIGATOR_USER_DIR": f"{tmp}/user", "DA_NAVIGATOR_SETTINGS_DIR": f"{tmp}/settings",
                     "HOME": tmp, "XDG_DATA_HOME": f"{tmp}/data", "XDG_CONFIG_HOME": f"{tmp}/config"}
        child_env.pop("QT_QPA_PLATFORM", None)
        if cold:
            drop_caches()
        launched = time.time()
        proc = subprocess.Popen([str(exe)], env=child_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                raise TimeoutError(f"{exe} did not start and quit within {timeout} s")
            time.sleep(0.005)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if not ready.exists():
            raise RuntimeError(f"{exe} exited ({proc.returncode}) without reporting a painted window")
        stamp, cpu = read_ready(ready)
        return Start(stamp - launched, cpu, usage.ru_maxrss / 1024, proc.returncode)


@contextmanager
def display() -> Iterator[dict[str, str]]:
    """Environment for a real X display: the current one, or a private Xvfb started for the bench."""
    if os.environ.get("DISPLAY"):
        yield {"DISPLAY": os.environ["DISPLAY"]}
        return
    if shutil.which("Xvfb") is None:
        raise RuntimeError("no $DISPLAY and no Xvfb (apt-get install xvfb)")
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield {"DISPLAY": f":{number}"}
    finally:
        server.terminate()
        server.wait(timeout=10)


def disk_usage(folder: Path) -> int:
    """Bytes on disk (allocated blocks), symlinks not followed."""
    return sum(p.lstat().st_blocks * 512 for p in folder.rglob("*") if not p.is_symlink())


def zipped_size(folder: Path) -> int:
    """Size of a deflate-compressed zip of the folder (level 6, what most zip tools default to)."""
    with tempfile.TemporaryDirectory(prefix="bench-zip-") as tmp:
        target = Path(tmp) / "bundle.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in sorted(folder.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    archive.write(path, path.relative_to(folder.parent))
        return target.stat().st_size


def row(name: str, value: float, unit: str, baseline: float | None = None, limit: float | None = None,
        budget: str | None = None, **extra: object) -> dict[str, object]:
    """One result row; with ``limit`` the budget is ``value / baseline <= limit``."""
    ratio = value / baseline if baseline else None
    ok = None if limit is None or ratio is None else ratio <= limit
    return {"name": name, "value": round(value, 3), "unit": unit, "baseline": baseline and round(baseline, 3),
            "ratio": ratio and round(ratio, 3), "budget": budget or (f"<= {limit}x baseline" if limit else None),
            "ok": ok, **extra}
