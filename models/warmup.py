"""Start-up work that needs no Python, done on a second core while the first one imports.

Before the window can open, the process links Qt's libraries (~35 ms of relocations on a warm start,
disk reads on a cold one) and fontconfig reads its configuration and caches (~12 ms, at the first
text measured). Both are C code that runs without the GIL, so :func:`start` hands them to a thread
at the very start of the process (main.py, or the bundle's first runtime hook), and the main thread
imports Python modules meanwhile. The loader then finds the libraries already linked, and Qt's
``FcInit()`` finds fontconfig ready. :func:`finish` waits for the thread before the QApplication is
made, so Qt never touches fontconfig while the thread does.

Nothing here is needed for correctness: a library that is missing or fails to load is skipped, and
Qt loads it (or reports it) as usual. Imports only what the interpreter has already loaded, and
ctypes, so that the thread starts within a millisecond; no Qt import.
"""

from __future__ import annotations

import _thread
import ctypes
import os
import sys

# What the first paint loads (the Qt libraries, the platform plugin and the compose input method; Qt
# only reads the other plugins' metadata), dependencies first: the loader holds a process-wide lock
# for each library it links and the main thread's imports of extension modules wait for it, so the
# units are kept small.
QT_LIBRARIES = {
    "linux": ("Qt/lib/libicuuc.so.73", "Qt/lib/libicui18n.so.73", "Qt/lib/libQt6Core.so.6",
              "Qt/lib/libQt6DBus.so.6", "Qt/lib/libQt6Gui.so.6", "Qt/lib/libQt6Widgets.so.6",
              "Qt/lib/libQt6XcbQpa.so.6", "Qt/plugins/platforms/libqxcb.so",
              "Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so"),
    "win32": ("Qt6Core.dll", "Qt6Gui.dll", "Qt6Widgets.dll", "plugins/platforms/qwindows.dll"),
}
FONTCONFIG = {"linux": "libfontconfig.so.1"}
DISABLE = "DA_NAVIGATOR_NO_WARMUP"  # set (to anything) to do all of this on the main thread, as Qt would

_done: _thread.LockType | None = None  # held by the thread until its work is over
# What happened, for the self-test: started before PySide6 was imported, libraries linked and not.
state: dict[str, object] = {"before_qt": None, "linked": [], "failed": [], "fontconfig": False}


def platform_key() -> str:
    return "win32" if sys.platform == "win32" else "linux" if sys.platform.startswith("linux") else ""


def pyside_dir() -> str | None:
    """PySide6's folder, found without importing it (the bundle's copy when frozen)."""
    if getattr(sys, "frozen", False):
        return os.path.join(getattr(sys, "_MEIPASS", os.path.dirname(sys.executable)), "PySide6")
    for entry in sys.path:
        candidate = os.path.join(entry or os.curdir, "PySide6")
        if os.path.isfile(os.path.join(candidate, "__init__.py")):
            return candidate
    return None


def libraries(platform: str | None = None) -> list[str]:
    """The Qt libraries the thread links, those that exist, in load order."""
    folder = pyside_dir()
    names = QT_LIBRARIES.get(platform_key() if platform is None else platform, ())
    paths = [os.path.join(folder, *name.split("/")) for name in names] if folder else []
    return [p for p in paths if os.path.isfile(p)]


def fontconfig_library() -> str | None:
    """The fontconfig Qt will use: the bundle's copy when frozen, else the system's (by soname)."""
    name = FONTCONFIG.get(platform_key())
    if name is None:
        return None
    bundled = os.path.join(getattr(sys, "_MEIPASS", ""), name)
    return bundled if getattr(sys, "_MEIPASS", None) and os.path.isfile(bundled) else name


def _loader():
    """The OS's library loader as a ctypes function: ctypes releases the GIL while a foreign function
    runs (``ctypes.CDLL(path)`` itself holds it, so the main thread could not import meanwhile)."""
    if sys.platform == "win32":
        load = ctypes.WinDLL("kernel32", use_last_error=True).LoadLibraryExW
        load.argtypes, load.restype = (ctypes.c_wchar_p, ctypes.c_void_p, ctypes.c_uint32), ctypes.c_void_p
        flags = 0x1000 | 0x100  # LOAD_LIBRARY_SEARCH_DEFAULT_DIRS | _DLL_LOAD_DIR: its own folder first
        return lambda path: load(path, None, flags)
    dlopen = ctypes.CDLL(None).dlopen
    dlopen.argtypes, dlopen.restype = (ctypes.c_char_p, ctypes.c_int), ctypes.c_void_p
    mode = os.RTLD_NOW  # as Python loads extension modules: every symbol bound now, here
    return lambda path: dlopen(os.fsencode(path), mode)


def _work(paths: list[str], fontconfig: str | None, done: _thread.LockType) -> None:
    try:
        load = _loader()
        for path in paths:  # one that fails is Qt's to load, or to report, as it would without this
            state["linked" if load(path) else "failed"].append(os.path.basename(path))
        if fontconfig is not None and load(fontconfig):
            state["fontconfig"] = bool(ctypes.CDLL(fontconfig).FcInit())  # loaded: CDLL only looks it up
    except (OSError, AttributeError):
        pass  # nothing lost: Qt does the same work itself when it needs it
    finally:
        done.release()


def start() -> bool:
    """Start the thread, once per process; False if it was not started (already, or disabled)."""
    global _done
    if _done is not None or os.environ.get(DISABLE):
        return False
    state["before_qt"] = "PySide6" not in sys.modules
    _done = _thread.allocate_lock()
    _done.acquire()
    _thread.start_new_thread(_work, (libraries(), fontconfig_library(), _done))
    return True


def finish(timeout: float = 5.0) -> None:
    """Wait for the thread's work to end (call before the QApplication is made)."""
    if _done is not None and _done.acquire(timeout=timeout):
        _done.release()
