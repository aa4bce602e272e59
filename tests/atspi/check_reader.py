#!/usr/bin/python3
"""The Chinese UI through AT-SPI, as a screen reader reaches, reads and drives it (issue 11 item 12).
Run by tools/atspi_check.sh (Xvfb, private D-Bus, AT-SPI bus, the app on xcb) with Debian's python3-pyatspi."""

from __future__ import annotations

import time

import pyatspi
from atspi_util import (
    XK_DOWN,
    XK_HOME,
    XK_RETURN,
    app_frame,
    check,
    children,
    find,
    finish,
    has,
    interfaces,
    press,
    settle,
    status_text,
    unnamed_controls,
    wait_for,
)

frame = app_frame()
tree = find(frame, lambda a: a.getRole() == pyatspi.ROLE_TREE and a.name == "建议")
check("the recommendation tree is named", tree is not None)


def cells():
    return [c for c in children(tree) if c.getRole() in (pyatspi.ROLE_TABLE_CELL, pyatspi.ROLE_TREE_ITEM)]


def focused_cell():
    return next((c for c in cells() if has(c, pyatspi.STATE_FOCUSED)), None)


# --- every control a screen reader reaches has a name --------------------------------------
missing = unnamed_controls(frame)
check("every showing control is named", not missing, missing)

# --- tree rows: words, level and parent ----------------------------------------------------
rec1 = next((c for c in cells() if c.name.startswith("建议 1，")), None)
check("a starred row reads as words", rec1 is not None and rec1.name.startswith("建议 1，需立即落实，"),
      rec1 and rec1.name)
check("a row says its level and parent", rec1 is not None and rec1.description.startswith("第 4 级，属于：A"),
      rec1 and rec1.description)

# --- the keyboard trap: real key presses from the top of the tree ---------------------------
tree.queryComponent().grabFocus()
time.sleep(0.3)
press(XK_HOME)
walk = [wait_for(lambda: focused_cell().name, 5)]
for _ in range(4):
    press(XK_DOWN)
    # wait for the cursor to move (a loaded machine delivers the key late); a trap never moves it on
    walk.append(wait_for(lambda: focused_cell().name if focused_cell().name != walk[-1] else None, 3)
                or (focused_cell().name if focused_cell() else None))
check("Down walks from the top past Annex I to recommendation 1", len(set(walk)) == 5
      and (walk[-1] or "").startswith("建议 1，"), walk)

# --- the detail pane follows and is readable ------------------------------------------------
def detail_text():
    pane = find(frame, lambda a: a.name == "建议详情" and "Text" in interfaces(a))
    return pane.queryText().getText(0, -1) if pane else ""


text = wait_for(lambda: detail_text() if detail_text().startswith("建议 1") else None, 5)
check("the detail pane shows the recommendation reached with the keyboard", bool(text), (text or "")[:40])

# --- search started by assistive technology (no key events) ---------------------------------
search = find(frame, lambda a: a.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY) and a.name == "搜索报告")
check("the search field is named", search is not None)
before = status_text(frame)
search.queryEditableText().setTextContents("TISC")
after = settle(lambda: status_text(frame))
check("setTextContents runs the search", after != before, f"{before!r} -> {after!r}")
results = wait_for(lambda: find(frame, lambda a: a.getRole() == pyatspi.ROLE_TREE and a.name == "搜索结果"), 5)
check("the result list is reachable", results is not None)
header = next((c for c in children(results) if c.getRole() == pyatspi.ROLE_TABLE_COLUMN_HEADER), None)
check("the result list's column header is named", header is None or header.name == "搜索结果", header and header.name)
missing = unnamed_controls(frame)
check("every showing control is named while searching (clear button)", not missing, missing)

# --- drive the result list: focus a hit, Enter opens it -------------------------------------
hit = next((c for c in children(results) if c.getRole() != pyatspi.ROLE_TABLE_COLUMN_HEADER), None)
check("the result list has rows", hit is not None, hit and hit.name)
results.queryComponent().grabFocus()
time.sleep(0.3)
press(XK_DOWN)
press(XK_RETURN, 0.3)
text = wait_for(lambda: detail_text() if "TISC" in detail_text() else None, 5) or detail_text()
check("Enter on a result opens it in the detail pane", "TISC" in text and text.startswith("建议"), text[:40])
finish()
