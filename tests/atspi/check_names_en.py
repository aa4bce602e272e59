#!/usr/bin/python3
"""The English UI through AT-SPI: every control named, tree rows in words (issue 11 item 12)."""

from __future__ import annotations

import time

import pyatspi
from atspi_util import app_frame, check, children, find, finish, settle, status_text, unnamed_controls

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
finish()
