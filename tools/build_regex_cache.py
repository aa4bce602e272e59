"""Write the bundle's regular-expression cache (models/regex_cache.py): `python tools/build_regex_cache.py OUT`.

Run by build.spec in a fresh interpreter (the one that is bundled, also under wine): it imports what
start-up imports, records every pattern compiled meanwhile and writes their programs to OUT.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models import regex_cache  # noqa: E402  (after the path)

START_UP = ("argparse", "PySide6.QtWidgets", "main", "qt_compat", "ui.app", "ui.ready_probe",
            "models.repository", "ui.main_window")


def main(out: str) -> int:
    import importlib

    with regex_cache.record() as seen:
        for name in START_UP:
            importlib.import_module(name)
        sys.modules["main"].parse_args([])  # argparse compiles one more on its first parse
    Path(out).write_bytes(regex_cache.build(seen))
    print(f"build_regex_cache: {len(set(seen))} patterns -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
