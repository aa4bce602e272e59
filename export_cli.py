"""``python main.py --export-json FILE``: write the content model as JSON (models/export.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from models.export import export_json
from models.repository import ContentError, ContentRepository


def export_json_cli(target: str) -> int:
    """Exit code: 0 written, 2 content database unusable, 3 file not writable."""
    path = Path(target).expanduser().resolve()
    try:
        repo = ContentRepository()
        export_json(repo, path)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 2
    except OSError as error:
        print(f"无法写入 {path}：{error.strerror}\nCannot write {path}: {error.strerror}", file=sys.stderr)
        return 3
    print(f"wrote {path}")
    return 0
