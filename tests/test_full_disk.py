"""A real full disk and a read-only folder (small tmpfs mounts; needs root, so behind the ``tmpfs``
marker, which `make test` leaves out and .ci/run runs): exports fail loudly and keep the old file."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.tmpfs
ROOT = Path(__file__).resolve().parent.parent
OLD = b"%PDF-1.4 the good old file"


def _mount(where: Path, options: str) -> None:
    where.mkdir(exist_ok=True)
    run = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True,
                         text=True)
    if run.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {run.stderr.strip()}")


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 KB tmpfs holding an old PDF, then filled to the last byte."""
    where = tmp_path / "full"
    _mount(where, "size=256k,mode=0777")
    try:
        (where / "r6.pdf").write_bytes(OLD)
        with open(where / "filler", "wb", buffering=0) as filler:
            try:
                while True:
                    filler.write(b"\0" * 4096)
            except OSError:
                pass
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    where = tmp_path / "ro"
    _mount(where, "size=64k,ro")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _main(*args: str, content_db: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DA_NAVIGATOR_DB": str(content_db), "QT_QPA_PLATFORM": "offscreen",
           "DA_NAVIGATOR_USER_DIR": str(cwd / "user")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=180)


def test_print_summary_on_a_full_disk(full_disk: Path, content_db: Path, tmp_path: Path) -> None:
    run = _main("--print-summary", "6", "--output", str(full_disk / "r6.pdf"), content_db=content_db,
                cwd=tmp_path)
    assert run.returncode == 3 and "No space left on device" in run.stderr, run.stderr
    assert "page" not in run.stdout
    assert (full_disk / "r6.pdf").read_bytes() == OLD
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler", "r6.pdf"]


def test_window_export_on_a_full_disk(full_disk: Path, repo, qtbot, monkeypatch) -> None:
    from ui import printing

    warnings: list[str] = []
    monkeypatch.setattr(printing, "_warn", lambda parent, title, text: warnings.append(text))
    assert printing.export_summary_pdf(None, repo, [6], path=full_disk / "r6.pdf") is None
    assert len(warnings) == 1 and "No space left on device" in warnings[0] and "r6.pdf" in warnings[0]
    assert (full_disk / "r6.pdf").read_bytes() == OLD


def test_output_into_a_read_only_folder(read_only: Path, content_db: Path, tmp_path: Path) -> None:
    target = read_only / "r6.pdf"
    run = _main("--print-summary", "6", "--output", str(target), content_db=content_db, cwd=tmp_path)
    assert run.returncode == 3 and str(target) in run.stderr and "Read-only file system" in run.stderr
    assert "QPainter" not in run.stderr


def test_self_test_report_on_a_full_disk_or_read_only(full_disk: Path, read_only: Path,
                                                      content_db: Path, tmp_path: Path) -> None:
    quick = _main("--self-test", str(read_only / "report.json"), content_db=content_db, cwd=tmp_path)
    assert quick.returncode == 3 and "Read-only file system" in quick.stderr, quick.stderr
    full = _main("--self-test", str(full_disk / "report.json"), content_db=content_db, cwd=tmp_path)
    assert full.returncode == 3 and "No space left on device" in full.stderr, full.stderr[-2000:]
    assert not (full_disk / "report.json").exists()
