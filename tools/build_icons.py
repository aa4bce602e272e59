"""Render the SVG icons to PNG at build time: resources/icons/png/NAME.png (24 px) and NAME@2x.png (48 px).

    QT_QPA_PLATFORM=offscreen python -m tools.build_icons   (make does it: `make icons`)

The app loads the PNGs (ui/actions.py ``icon``): an SVG icon makes Qt load QtSvg and its two
plugins at start-up, ~2 MB of memory and ~2 ms that PNGs at 1x and 2x do not need. The SVGs stay
the sources; the PNGs are build outputs, never committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons"
TARGET = SOURCE / "png"
SIZES = {"": 24, "@2x": 48}  # the toolbar's 24 px at 1x; 2x covers 125–200 % screens and the page's 40 px


def main() -> int:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication, QIcon

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (QIcon needs it)
    TARGET.mkdir(exist_ok=True)
    sources = sorted(SOURCE.glob("*.svg"))
    for svg in sources:
        icon = QIcon(str(svg))
        for suffix, side in SIZES.items():
            out = TARGET / f"{svg.stem}{suffix}.png"
            if not icon.pixmap(QSize(side, side)).save(str(out)):
                print(f"build_icons: could not write {out}", file=sys.stderr)
                return 1
    print(f"build_icons: {len(sources)} icons at {', '.join(f'{s} px' for s in SIZES.values())} in {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
