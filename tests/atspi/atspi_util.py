"""Helpers for the AT-SPI checks (run by tools/atspi_check.sh with Debian's /usr/bin/python3 + pyatspi)."""

from __future__ import annotations

import os
import sys
import time

import pyatspi

APP_NAME = "DA Navigator"
FAILURES: list[str] = []


def check(name: str, ok: bool, detail: object = None) -> bool:
    """Record one assertion; the script's exit code is the number of failures."""
    print(("PASS " if ok else "FAIL ") + name + (f": {detail}" if detail is not None else ""), flush=True)
    if not ok:
        FAILURES.append(name)
    return ok


def finish() -> None:
    print(f"{len(FAILURES)} failed: {FAILURES}" if FAILURES else "all passed", flush=True)
    sys.exit(1 if FAILURES else 0)


def wait_for(fn, timeout: float = 20.0, step: float = 0.1):
    end = time.monotonic() + timeout
    while True:
        try:
            value = fn()
        except Exception:  # noqa: BLE001 - objects come and go while the app starts or repaints
            value = None
        if value or time.monotonic() > end:
            return value
        time.sleep(step)


def children(acc):
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            yield child


def has(acc, state) -> bool:
    return acc.getState().contains(state)


def interfaces(acc) -> list[str]:
    try:
        return list(acc.get_interfaces())
    except Exception:  # noqa: BLE001 - a dying object
        return []


def app_frame():
    """The app's main window, once it is on the AT-SPI desktop and its status bar is filled."""
    def find_frame():
        desktop = pyatspi.Registry.getDesktop(0)
        app = next((a for a in children(desktop) if a.name == APP_NAME), None)
        return next((c for c in children(app) if c.getRole() == pyatspi.ROLE_FRAME), None) if app else None

    frame = wait_for(find_frame, float(os.environ.get("ATSPI_APP_WAIT", "40")))
    if frame is None:
        check("the app appears on the AT-SPI desktop", False)
        finish()
    status = wait_for(lambda: find(frame, lambda a: a.getRole() == pyatspi.ROLE_STATUS_BAR))
    wait_for(lambda: sum(1 for c in children(status) if c.name) >= 2, 20)  # filled after the first paint
    wait_for(lambda: find(frame, lambda a: a.getRole() == pyatspi.ROLE_LIST and has(a, pyatspi.STATE_SHOWING)), 10)
    # Without a window manager, keys go to the window under the pointer.
    ext = frame.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    pyatspi.Registry.generateMouseEvent(ext.x + ext.width // 2, ext.y + ext.height // 2, "abs")
    return frame


def find(root, pred):
    return pyatspi.findDescendant(root, pred)


def find_all(root, pred) -> list:
    return pyatspi.findAllDescendants(root, pred)


def status_text(frame) -> str:
    bar = find(frame, lambda a: a.getRole() == pyatspi.ROLE_STATUS_BAR)
    return " | ".join(c.name for c in children(bar) if c.name)


def settle(read, quiet: float = 0.5, timeout: float = 5.0):
    """Wait until ``read()`` has not changed for ``quiet`` seconds; returns its last value."""
    last, since, end = read(), time.monotonic(), time.monotonic() + timeout
    while time.monotonic() < end:
        time.sleep(0.1)
        now = read()
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            break
    return last


def press(keysym: int, pause: float = 0.3) -> None:
    """A real key press through the registry (XTest)."""
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    time.sleep(pause)


XK_HOME, XK_DOWN, XK_RETURN, XK_TAB, XK_F1 = 0xFF50, 0xFF54, 0xFF0D, 0xFF09, 0xFFBE

# Roles a screen-reader user operates; each should have a name.
INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM, pyatspi.ROLE_MENU,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_ENTRY, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_LINK, pyatspi.ROLE_TREE_ITEM, pyatspi.ROLE_TABLE_CELL,
    pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TREE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_LIST, pyatspi.ROLE_TABLE,
    pyatspi.ROLE_SCROLL_BAR,
}


def unnamed_controls(root) -> list[str]:
    """Showing controls without a name, as role paths (Qt reports a line edit as "text")."""
    out = []

    def walk(acc, path):
        role = acc.getRole()
        path = f"{path}/{acc.getRoleName()}"
        interactive = role in INTERACTIVE or (role == pyatspi.ROLE_TEXT and has(acc, pyatspi.STATE_EDITABLE))
        if interactive and has(acc, pyatspi.STATE_SHOWING) and not acc.name.strip():
            out.append(path)
        for child in children(acc):
            walk(child, path)

    walk(root, "")
    return out
