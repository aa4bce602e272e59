"""``python main.py --export-json FILE``: write the content model as JSON (models/export.py)."""

from __future__ import annotations

import sys

from models import exit_codes
from models.content_cli import run_on_content
from models.export import export_json
from models.repository import ContentRepository


def export_json_cli(target: str) -> int:
    """Exit code (models/exit_codes.py): 0 written, 3 not written (an old file is untouched), 4 content."""
    return run_on_content(lambda repo: _export(repo, target))


def _export(repo: ContentRepository, target: str) -> int:
    try:
        path = export_json(repo, target)
    except OSError as error:
        print(f"error: 无法写入 / cannot write {error}", file=sys.stderr)
        return exit_codes.WRITE
    print(f"wrote {path}")
    return exit_codes.OK
