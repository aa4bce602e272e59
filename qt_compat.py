"""Work around a reference-count bug of PySide6 6.12 on Python 3.11, and skip its source scan of every
imported module (both applied by the entry points).

Every Qt call that returns ``void`` (and some returning an empty QVariant) hands back ``None``
without taking a reference, so ``None``'s count drops by one per call; after a few thousand
calls CPython aborts with "none_dealloc: deallocating None" (``True`` leaks the same way on
some paths: "bool_dealloc"). Python 3.12+ made these singletons immortal (PEP 683), which
hides the bug there. ``apply()`` gives them an effectively unbounded count once; main.py,
selftest.py, tests/conftest.py and the bench/doc scripts call it before any Qt use.
tests/test_infrastructure.py fails once an affected version no longer leaks, so the patch goes then.

PySide6 also reads the source of every module imported after it (``shibokensupport.feature``,
PYSIDE-2029) to see whether it uses ``from __feature__ import``: ~80 files and ~12 ms of every
``python main.py`` start (frozen builds have no sources to read). The app uses no ``__feature__``
switch, so ``skip_feature_scan()`` answers "no" without reading; tests/test_infrastructure.py fails
once PySide6 no longer reads sources there, so that patch goes then.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 48  # ~2.8e14 calls: centuries of continuous Qt calls
AFFECTED_PYSIDE = ("6.12.0",)  # versions seen to leak None (upstream bug, not fixed as of 6.12.0)


def needed(pyside_version: str | None = None) -> bool:
    """Whether this interpreter and PySide6 version need the patch."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if pyside_version is None:
        import PySide6

        pyside_version = PySide6.__version__
    return pyside_version in AFFECTED_PYSIDE


def apply() -> bool:
    """Raise the counts of None, True and False by HEADROOM when needed (idempotent); True if patched.
    Also ``skip_feature_scan()``."""
    skip_feature_scan()
    if not needed():
        return False
    for obj in (None, True, False):
        if sys.getrefcount(obj) < HEADROOM:
            ctypes.c_ssize_t.from_address(id(obj)).value += HEADROOM
    return True


def skip_feature_scan() -> bool:
    """Mark every module imported from now on as not using ``__feature__`` without reading its source
    (PySide6 6.12.0 only, where that check is ``_mod_uses_pyside``); True if the check was replaced."""
    import PySide6

    feature = sys.modules.get("shibokensupport.feature")
    if PySide6.__version__ not in AFFECTED_PYSIDE or not hasattr(feature, "_mod_uses_pyside"):
        return False
    feature._mod_uses_pyside = _uses_no_feature
    return True


def _uses_no_feature(module: object) -> bool:
    return False
