"""What build.spec leaves out of the bundle, as plain rules over PyInstaller TOC entries.

A TOC entry is ``(dest_name, src_path, typecode)``. The rules are documented, with the reasons,
in docs/bundle.md; this module is importable without PyInstaller so tests can check them.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from pathlib import PurePosixPath

Entry = tuple[str, str, str]

#: Qt libraries the app loads (on Linux the ICU libraries are QtCore's own dependencies; Windows Qt
#: uses the system's ICU).
QT_LIBS_KEPT = {"Core", "Gui", "Widgets", "PrintSupport", "DBus", "XcbQpa", "Svg"}
#: PySide6 extension modules the app imports.
PYSIDE_MODULES_KEPT = {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtSvg"}
#: Qt plugins kept, by plugin folder; a set of file stems without Linux's "lib" prefix, or None for the
#: whole folder. Linux and Windows names side by side (libqxcb.so, qwindows.dll).
PLUGINS_KEPT: dict[str, set[str] | None] = {
    # X11 (and XWayland), Windows; headless and the self-test (offscreen, minimal). Not qdirect2d.
    "platforms": {"qxcb", "qwindows", "qoffscreen", "qminimal"},
    "platformthemes": {"qxdgdesktopportal"},  # portal file dialogs; gtk3 theme needs GTK
    "platforminputcontexts": None,  # ibus / compose: Chinese input methods (Linux)
    "xcbglintegrations": None,  # xcb plugin looks for them; tiny
    "imageformats": {"qico", "qsvg"},  # PNG is built into QtGui
    "iconengines": {"qsvgicon"},
    "printsupport": None,  # CUPS printers (Windows printing is built into QtPrintSupport)
    "styles": {"qmodernwindowsstyle"},  # the native Windows 10/11 look
}
#: Files under PySide6/ that match no other rule and are left out: Mesa's software OpenGL for Windows
#: (20 MB; QtWidgets paints with the raster engine and the app has no OpenGL surface).
OTHER_LEFT_OUT = {"opengl32sw.dll"}
#: Qt translations kept (the app's own .qm files live under resources/i18n).
TRANSLATIONS_KEPT = {"qtbase_zh_CN.qm", "qtbase_en.qm"}
#: Python packages the app never imports at run time (build, test and importer tooling).
PYTHON_EXCLUDES = [
    "tkinter", "_tkinter", "unittest", "pydoc", "pydoc_data", "lib2to3", "distutils", "setuptools",
    "pip", "pytest", "_pytest", "hypothesis", "fontTools", "PyInstaller", "pycountry", "sqlite_utils",
    "markdown", "data", "tools", "bench", "tests",
]

_QT_LIB = re.compile(r"(?:lib)?Qt6(\w+?)\.(?:so|dll)")
_PYSIDE_MODULE = re.compile(r"^PySide6/(Qt\w+)\.(abi3\.so|pyd|pyi)$")


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def keep_qt_file(dest: str) -> bool:
    """Decide for one file under PySide6/ (libraries, plugins, translations, modules)."""
    parts = _parts(dest)
    name = parts[-1]
    match = _QT_LIB.match(name)
    if match:
        return match.group(1) in QT_LIBS_KEPT
    module = _PYSIDE_MODULE.match("/".join(parts))
    if module:
        return module.group(1) in PYSIDE_MODULES_KEPT
    if "plugins" in parts:
        index = parts.index("plugins")
        if len(parts) < index + 3:
            return False
        kept = PLUGINS_KEPT.get(parts[index + 1], set())
        return kept is None or name.split(".")[0].removeprefix("lib") in kept
    if "translations" in parts:
        return name in TRANSLATIONS_KEPT
    if parts[:3] in (("PySide6", "Qt", "qml"), ("PySide6", "Qt", "metatypes")) or name in OTHER_LEFT_OUT:
        return False
    return not ({"include", "typesystems", "glue", "scripts", "doc"} & set(parts[:2]))


def filter_qt(entries: Iterable[Entry]) -> list[Entry]:
    """Drop unused Qt libraries, plugins, translations and PySide6 modules; keep everything else."""
    kept = []
    for entry in entries:
        dest = entry[0].replace("\\", "/")
        if (dest.startswith("PySide6/") or _QT_LIB.match(PurePosixPath(dest).name)) and not keep_qt_file(dest):
            continue
        kept.append(entry)
    return kept


def needed_sonames(paths: Iterable[str]) -> set[str]:
    """Every shared library the given ELF files load, transitively (via ldd), by file name."""
    names: set[str] = set()
    for path in paths:
        try:
            out = subprocess.run(["ldd", path], capture_output=True, text=True, check=False).stdout
        except OSError:
            continue
        for line in out.splitlines():
            left, _, right = line.strip().partition(" => ")
            names.add(left.strip())
            if right and not right.startswith("not found"):
                names.add(PurePosixPath(right.split(" (")[0]).name)
    return names


def drop_unloaded_system_libs(binaries: list[Entry]) -> tuple[list[Entry], list[str]]:
    """Remove host libraries that only the filtered-out plugins needed (e.g. GTK, Kerberos, OpenSSL).

    A top-level ``lib*.so*`` file is kept only if some kept Qt library, plugin or Python extension
    loads it. Returns (kept entries, dropped names).
    """
    def is_system(dest: str) -> bool:
        return "/" not in dest.replace("\\", "/") and dest.startswith("lib") and ".so" in dest

    roots = [src for dest, src, _ in binaries if not is_system(dest)]
    roots += [src for dest, src, _ in binaries if dest.startswith(("libpython", "libshiboken", "libpyside"))]
    needed = needed_sonames(roots)
    kept, dropped = [], []
    for entry in binaries:
        dest = entry[0]
        if is_system(dest) and dest not in needed and not dest.startswith(("libpython", "libshiboken", "libpyside")):
            dropped.append(dest)
        else:
            kept.append(entry)
    return kept, sorted(dropped)
