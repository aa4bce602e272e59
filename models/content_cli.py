"""Command-line tasks on the bundled content (``--export-json``, ``--print-summary``): a missing or
damaged content database is one line on stderr and exit code 4, never a traceback."""

from __future__ import annotations

import sys
from collections.abc import Callable

from models import exit_codes
from models.repository import ContentError, ContentRepository


def run_on_content(task: Callable[[ContentRepository], int]) -> int:
    """Open the content database, run ``task`` on it and return its exit code (4 if the content fails)."""
    try:
        repo = ContentRepository()
    except ContentError as error:
        print(f"error: {error}", file=sys.stderr)
        return exit_codes.CONTENT
    try:
        return task(repo)
    except ContentError as error:
        print(f"error: {error}", file=sys.stderr)
        return exit_codes.CONTENT
    finally:
        repo.close()
