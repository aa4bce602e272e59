"""Files are written completely or not at all (models/atomic_write.py), and every writer uses it.

A full disk is simulated without root by a file-size limit (RLIMIT_FSIZE): writes past it fail
with EFBIG, exactly where a full disk fails with ENOSPC. The real tmpfs runs are in test_full_disk.py.
"""

from __future__ import annotations

import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from models.atomic_write import WriteFailed, write_bytes, write_text

ROOT = Path(__file__).resolve().parent.parent


def limit_file_size(limit: int):
    """A preexec_fn: files of this process tree cannot grow past ``limit`` bytes (a 'full disk')."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_new_file_is_complete_with_usual_permissions(tmp_path: Path) -> None:
    target = write_text(tmp_path / "out.json", "内容\n")
    assert target.read_text(encoding="utf-8") == "内容\n"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


def test_existing_file_keeps_its_permissions_and_a_symlink_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_text(link, "new")
    assert link.is_symlink() and real.read_text() == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_full_disk_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    old = tmp_path / "report.pdf"
    old.write_bytes(b"%PDF old and good")
    script = ("import sys; from models.atomic_write import write_bytes, WriteFailed\n"
              "try: write_bytes(sys.argv[1], b'x' * 200_000)\n"
              "except WriteFailed as e: print(e); sys.exit(3)\n")
    run = subprocess.run([sys.executable, "-c", script, str(old)], cwd=ROOT, capture_output=True, text=True,
                         preexec_fn=limit_file_size(50_000), timeout=60)
    assert run.returncode == 3, run.stderr
    assert str(old) in run.stdout and "too large" in run.stdout.lower()
    assert old.read_bytes() == b"%PDF old and good"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_a_device_a_folder_or_a_pipe_is_never_replaced(tmp_path: Path) -> None:
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode), "this machine's /dev/full was replaced by a file"
    with pytest.raises(WriteFailed, match="not a regular file"):
        write_bytes("/dev/full", b"x")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(WriteFailed, match="not a regular file"):
        write_bytes(fifo, b"x")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    with pytest.raises(WriteFailed, match="Is a directory"):
        write_bytes(tmp_path, b"x")


def test_missing_folder_is_named_and_not_created(tmp_path: Path) -> None:
    with pytest.raises(WriteFailed, match="folder does not exist") as caught:
        write_bytes(tmp_path / "no" / "such" / "file.pdf", b"x")
    assert str(tmp_path / "no" / "such" / "file.pdf") in str(caught.value)
    assert not (tmp_path / "no").exists()


def test_every_writer_goes_through_the_atomic_module() -> None:
    """No other module renames temporary files or fsyncs on its own (one writer, one behaviour)."""
    offenders = []
    for path in [*ROOT.glob("models/*.py"), *ROOT.glob("ui/*.py"), *ROOT.glob("*.py")]:
        if path.name == "atomic_write.py":
            continue
        text = path.read_text(encoding="utf-8")
        if any(call in text for call in ("os.replace(", "os.rename(", "os.fsync(", ".part\"")):
            offenders.append(path.name)
    assert offenders == []


# --- command line ---------------------------------------------------------------------------------
def _main(*args: str, cwd: Path, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120, env={**os.environ, **(env or {})}, **kw)


@pytest.mark.parametrize("option", ["--print-summary", "--export-json", "--self-test", "--db"])
def test_empty_arguments_are_usage_errors(tmp_path: Path, option: str) -> None:
    run = _main(option, "", cwd=tmp_path, env={"QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 2 and "empty" in run.stderr, run.stderr


def test_print_summary_on_a_full_disk_exits_3_and_keeps_the_old_pdf(content_db: Path, tmp_path: Path) -> None:
    old = tmp_path / "r6.pdf"
    old.write_bytes(b"%PDF-1.4 the good old file")
    run = _main("--print-summary", "6", "--output", str(old), cwd=tmp_path,
                env={"DA_NAVIGATOR_DB": str(content_db), "QT_QPA_PLATFORM": "offscreen",
                     "DA_NAVIGATOR_USER_DIR": str(tmp_path / "user")},
                preexec_fn=limit_file_size(30_000))
    assert run.returncode == 3, (run.returncode, run.stdout, run.stderr)
    assert "page" not in run.stdout and str(old) in run.stderr and "Traceback" not in run.stderr
    assert old.read_bytes() == b"%PDF-1.4 the good old file"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "user") == ["r6.pdf"]


def test_print_summary_never_replaces_a_device(content_db: Path, tmp_path: Path) -> None:
    run = _main("--print-summary", "6", "--output", "/dev/full", cwd=tmp_path,
                env={"DA_NAVIGATOR_DB": str(content_db), "QT_QPA_PLATFORM": "offscreen",
                     "DA_NAVIGATOR_USER_DIR": str(tmp_path / "user")})
    assert run.returncode == 3 and "/dev/full" in run.stderr and "not a regular file" in run.stderr
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_export_json_on_a_full_disk_exits_3_and_keeps_the_old_file(content_db: Path, tmp_path: Path) -> None:
    old = tmp_path / "content.json"
    old.write_text("{}")
    run = _main("--export-json", str(old), cwd=tmp_path, env={"DA_NAVIGATOR_DB": str(content_db)},
                preexec_fn=limit_file_size(10_000))
    assert run.returncode == 3 and str(old) in run.stderr, run.stderr
    assert old.read_text() == "{}" and [p.name for p in tmp_path.iterdir()] == ["content.json"]


# --- the self-test report ---------------------------------------------------------------------------
@pytest.mark.parametrize("where", ["folder", "missing_parent", "device"])
def test_self_test_report_that_cannot_be_written_is_exit_3(tmp_path: Path, where: str, capsys) -> None:
    from selftest import run_self_test

    report = {"folder": tmp_path, "missing_parent": tmp_path / "a" / "b" / "r.json",
              "device": Path("/dev/full")}[where]
    assert run_self_test(report) == 3  # not 1 (a failed check), decided before any check runs
    err = capsys.readouterr().err
    assert "report cannot be written" in err and str(report) in err
    assert not (tmp_path / "a").exists()


def test_self_test_report_on_a_full_disk_is_exit_3(tmp_path: Path, content_db: Path) -> None:
    report = tmp_path / "report.json"
    run = _main("--self-test", str(report), cwd=ROOT, env={"DA_NAVIGATOR_DB": str(content_db),
                                                           "QT_QPA_PLATFORM": "offscreen"},
                preexec_fn=limit_file_size(2_000))
    assert run.returncode == 3, (run.returncode, run.stderr[-2000:])
    assert "report cannot be written" in run.stderr and not report.exists()
