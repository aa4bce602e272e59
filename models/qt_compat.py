"""Work around a reference-count bug of PySide6 6.12 on Python 3.11.

Every Qt call that returns ``void`` (and some returning an empty QVariant) hands back ``None``
without taking a reference, so ``None``'s count drops by one per call; after a few thousand
calls CPython aborts with "none_dealloc: deallocating None" (``True`` leaks the same way on
some paths: "bool_dealloc"). Python 3.12+ made these singletons immortal (PEP 683), which
hides the bug there. On 3.11 we give them an effectively unbounded count once, at import
(imported by ``models/__init__``, before any Qt use).
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 48  # ~2.8e14 calls: centuries of continuous Qt calls


def protect_singletons() -> None:
    """Raise the reference counts of None, True and False by HEADROOM (CPython < 3.12; idempotent)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (None, True, False):
        if sys.getrefcount(obj) < HEADROOM:
            ctypes.c_ssize_t.from_address(id(obj)).value += HEADROOM


protect_singletons()
