"""Draw the application icon with QtGui: resources/icons/app.png (256 px) and app.ico (16–256 px).

    QT_QPA_PLATFORM=offscreen python -m tools.make_icon
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    """A blue rounded tile with a white compass needle and "DA"."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    tile = QRectF(8 * s, 8 * s, 240 * s, 240 * s)
    grad = QLinearGradient(tile.topLeft(), tile.bottomRight())
    grad.setColorAt(0, QColor("#1f6fb2"))
    grad.setColorAt(1, QColor("#0b3d6b"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(grad)
    p.drawRoundedRect(tile, 48 * s, 48 * s)
    p.setPen(QPen(QColor(255, 255, 255, 90), max(1.0, 6 * s)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QPointF(128 * s, 128 * s), 92 * s, 92 * s)
    needle = QPainterPath()
    needle.moveTo(196 * s, 60 * s)
    needle.lineTo(140 * s, 140 * s)
    needle.lineTo(116 * s, 116 * s)
    needle.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#f2b705"))
    p.drawPath(needle)
    if size >= 32:
        font = QFont("DejaVu Sans")
        font.setBold(True)
        font.setPixelSize(int(84 * s))
        p.setFont(font)
        p.setPen(QColor("white"))
        p.drawText(QRectF(0, 120 * s, 230 * s, 110 * s), Qt.AlignmentFlag.AlignCenter, "DA")
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(images: list[QImage]) -> bytes:
    """An ICO file whose entries are PNG-compressed (valid since Windows Vista)."""
    pngs = [png_bytes(im) for im in images]
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries = b""
    for image, png in zip(images, pngs, strict=True):
        side = image.width() % 256  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    return header + entries + b"".join(pngs)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts need it)
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(ICON_DIR / "app.png"))
    (ICON_DIR / "app.ico").write_bytes(ico_bytes([draw(n) for n in SIZES]))
    print(f"make_icon: wrote {ICON_DIR / 'app.png'} and app.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
