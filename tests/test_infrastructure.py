"""The test harness isolates user state, and the project's own set-up files agree with each other."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from models import paths

ROOT = Path(__file__).resolve().parent.parent


def test_user_data_dir_is_isolated_and_writable(isolated_user_state: Path) -> None:
    folder = paths.user_data_dir()
    assert folder.is_relative_to(isolated_user_state)
    probe = folder / "probe.txt"
    probe.write_text("写入", encoding="utf-8")
    assert probe.read_text(encoding="utf-8") == "写入"


def test_user_data_dir_is_outside_the_bundle() -> None:
    assert not paths.user_data_dir().is_relative_to(paths.ROOT / "resources")
    assert not paths.user_data_dir().is_relative_to(paths.CONTENT_DB.parent)


def test_qsettings_go_to_the_temporary_folder(isolated_user_state: Path) -> None:
    from PySide6.QtCore import QSettings

    settings = QSettings()
    settings.setValue("probe", 1)
    settings.sync()
    assert Path(settings.fileName()).is_relative_to(isolated_user_state)
    assert os.environ["DA_NAVIGATOR_SETTINGS_DIR"].startswith(str(isolated_user_state))


def test_requirements_are_all_pinned() -> None:
    lines = [ln.strip() for ln in (ROOT / "requirements.txt").read_text().splitlines()]
    specs = [ln for ln in lines if ln and not ln.startswith("#")]
    assert specs
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][0-9A-Za-z.]*", s) for s in specs), specs


def test_readme_gives_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme


def test_system_packages_cover_the_qt_plugins_the_app_loads() -> None:
    """tools/apt-packages.txt installs every library the xcb, offscreen and CUPS plugins link to."""
    import shutil
    import subprocess

    import PySide6

    if shutil.which("ldd") is None:
        pytest.skip("ldd is not installed")
    plugins = Path(PySide6.__file__).parent / "Qt" / "plugins"
    for plugin in ("platforms/libqxcb.so", "platforms/libqoffscreen.so", "printsupport/libcupsprintersupport.so",
                   "xcbglintegrations/libqxcb-glx-integration.so"):
        out = subprocess.run(["ldd", str(plugins / plugin)], capture_output=True, text=True, check=True).stdout
        assert "not found" not in out, f"{plugin}:\n{out}"


def test_qt_compat_patch_is_applied_exactly_while_pyside_leaks_none() -> None:
    """qt_compat.needed() must match reality: this fails once upstream fixes the leak (remove the
    patch then), and when a new PySide6 version leaks but is not listed in AFFECTED_PYSIDE."""
    import subprocess
    import sys

    import qt_compat

    probe = (
        "import sys\n"
        "from PySide6.QtCore import QObject\n"
        "o = QObject()\n"
        "before = sys.getrefcount(None)\n"
        "for _ in range(200): o.setObjectName('x')\n"
        "print(before - sys.getrefcount(None))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    leaks = int(out.stdout.strip()) >= 200
    assert leaks == qt_compat.needed(), (
        "PySide6 no longer leaks None: remove qt_compat" if not leaks else "PySide6 leaks None: list its version"
    )


def test_pyside_feature_scan_is_skipped_exactly_while_pyside_reads_sources() -> None:
    """qt_compat.skip_feature_scan() must match reality: PySide6 reads an imported module's source to
    see whether it uses ``__feature__`` (fails once it no longer does: remove the patch then), and with
    the patch nothing is read and Qt still works."""
    probe = (
        "import sys, inspect\n"
        "import PySide6.QtCore\n"
        "read = []\n"
        "original = inspect.getsource\n"
        "inspect.getsource = lambda obj: read.append(getattr(obj, '__name__', '')) or original(obj)\n"
        "if sys.argv[1] == 'patched':\n"
        "    import qt_compat\n"
        "    assert qt_compat.skip_feature_scan()\n"
        "from models.vocabulary import SECTIONS\n"
        "from PySide6.QtCore import QObject\n"
        "o = QObject(); o.setObjectName('x'); assert o.objectName() == 'x'\n"
        "print('models.vocabulary' in read)\n"
    )
    runs = {
        mode: subprocess.run([sys.executable, "-c", probe, mode], capture_output=True, text=True, check=True,
                             cwd=ROOT).stdout.strip()
        for mode in ("plain", "patched")
    }
    assert runs == {"plain": "True", "patched": "False"}, (
        "PySide6 no longer reads module sources on import: remove qt_compat.skip_feature_scan" if runs["plain"]
        != "True" else runs
    )


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="not a git checkout")
def test_portable_mode_from_a_checkout_leaves_git_status_clean() -> None:
    """``python main.py --portable`` keeps its data in <repo>/userdata (and a ``portable`` marker may sit
    beside main.py): neither shows up as an untracked file."""
    from models.paths import PORTABLE_FOLDER, PORTABLE_MARKER

    for path in (f"{PORTABLE_FOLDER}/bookmarks.sqlite", f"{PORTABLE_FOLDER}/settings.ini", PORTABLE_MARKER):
        assert subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT).returncode == 0, path
