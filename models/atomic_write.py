"""The one way DA Navigator writes a file: completely, or not at all.

Every writer (PDF export, JSON content export, bookmark export, the self-test report) hands its
bytes to :func:`write_bytes`. The bytes go to a temporary file in the target's folder, are flushed
and fsynced, and only then renamed over the target, so a full disk, a cancelled export or a crash
leaves either the old file or the complete new one, never a truncated file. The target must be a
regular file (or not exist yet): a device such as ``/dev/full``, a folder or a pipe is never replaced.
Missing folders are not created. Any failure raises :class:`WriteFailed`, whose message names the
path and the reason.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path


class WriteFailed(OSError):
    """The file was not written (the old one, if any, is untouched); ``str()`` names path and reason."""

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


def _fail(code: int, path: Path, reason: str | None = None) -> WriteFailed:
    return WriteFailed(code, reason or os.strerror(code), str(path))


def check_target(path: Path | str) -> Path:
    """The absolute target to write, after the checks that need no writing; raises WriteFailed.

    Symbolic links are followed (the file they point to is replaced, the link stays).
    """
    path = Path(path).expanduser()
    if str(path) in ("", ".") or path.name in ("", ".", ".."):
        raise _fail(errno.EINVAL, path, "no file name given")
    path = Path(os.path.realpath(path))
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise _fail(exc.errno or errno.EIO, path, exc.strerror) from exc
    if mode is not None and stat.S_ISDIR(mode):
        raise _fail(errno.EISDIR, path)
    if mode is not None and not stat.S_ISREG(mode):
        raise _fail(errno.EINVAL, path, "not a regular file (a device, pipe or socket is never replaced)")
    if not path.parent.is_dir():
        raise _fail(errno.ENOENT, path, f"folder does not exist: {path.parent}")
    return path


def write_bytes(path: Path | str, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (temporary file, fsync, rename); returns the real path."""
    target = check_target(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise _fail(exc.errno or errno.EIO, target, exc.strerror) from exc
    try:
        try:
            with os.fdopen(fd, "wb") as handle:
                view = memoryview(data)
                while view:  # os.write may write less than asked: loop until all is out
                    view = view[handle.write(view):]
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, _mode_for(target))
            os.replace(tmp, target)
        except OSError as exc:
            raise _fail(exc.errno or errno.EIO, target, exc.strerror) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)
    return target


def write_text(path: Path | str, text: str, encoding: str = "utf-8") -> Path:
    """``write_bytes`` of ``text`` encoded (UTF-8 by default)."""
    return write_bytes(path, text.encode(encoding))


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 minus the umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no folder handles to sync."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
