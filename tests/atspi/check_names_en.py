#!/usr/bin/python3
"""The English UI through AT-SPI: every control named, tree rows in words (issue 11 item 12)."""

from __future__ import annotations

import time

import pyatspi
from atspi_util import (
    app_frame,
    check,
    children,
    find,
    finish,
    interfaces,
    settle,
    status_text,
    unnamed_controls,
    wait_for,
)

frame = app_frame()
missing = unnamed_controls(frame)
check("every showing control is named (English)", not missing, missing)
tree = find(frame, lambda a: a.getRole() == pyatspi.ROLE_TREE and a.name == "Recommendations")
check("the recommendation tree is named (English)", tree is not None)
rows = [c.name for c in children(tree)]
check("a starred row reads as words (English)",
      any(r.startswith("Recommendation 1, for immediate implementation, ") for r in rows), rows[:6])
search = find(frame, lambda a: a.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY) and a.name == "Search the report")
before = status_text(frame)
search.queryEditableText().setTextContents("WIPO GREEN")
time.sleep(0.2)
check("setTextContents runs the search (English)", settle(lambda: status_text(frame)) != before)
missing = unnamed_controls(frame)
check("every showing control is named while searching (English)", not missing, missing)

# Help ▸ Keyboard Shortcuts (F1), driven through the menu item's Action: the sheet as a screen reader reads it
item = find(frame, lambda a: a.getRole() == pyatspi.ROLE_MENU_ITEM and a.name.replace("&", "") == "Keyboard Shortcuts")
check("Help ▸ Keyboard Shortcuts is reachable", item is not None)
if item is not None:
    item.queryAction().doAction(0)
app = frame.parent
dialog = wait_for(lambda: next((c for c in children(app) if c.name.startswith("DA Navigator Help")), None), 5)
check("F1 opens the help window", dialog is not None, [c.name for c in children(app)])
if dialog is not None:
    sheet = find(dialog, lambda a: a.name == "Keyboard shortcuts" and "Text" in interfaces(a))
    text = sheet.queryText().getText(0, -1) if sheet else ""
    check("the shortcut sheet is readable", "Ctrl+K" in text and "F1" in text, text[:60])
    missing = unnamed_controls(dialog)
    check("every control of the help window is named", not missing, missing)
finish()
