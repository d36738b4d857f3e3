"""The application icon: drawn as resources/icons/stockdesk.svg, shipped as PNG sizes, .ico and .icns.

`python -m stockdesk.ui.icons` renders the PNG/ICO/ICNS files from the SVG again.
"""

from __future__ import annotations

import struct
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QIcon, QImage, QPainter

from stockdesk.paths import resources_dir

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def icons_dir():
    return resources_dir() / "icons"


def app_icon() -> QIcon:
    icon = QIcon()
    for size in SIZES:
        path = icons_dir() / f"stockdesk-{size}.png"
        if path.exists():
            icon.addFile(str(path))
    return icon


def _render(size: int) -> QImage:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(icons_dir() / "stockdesk.svg"))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def _ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG images (supported since Vista)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in pngs.items():
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def _icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG images."""
    chunks = b"".join(ICNS_TYPES[size] + struct.pack(">I", 8 + len(png)) + png for size, png in pngs.items())
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def render_all() -> None:
    pngs = {size: _png_bytes(_render(size)) for size in SIZES}
    for size, png in pngs.items():
        (icons_dir() / f"stockdesk-{size}.png").write_bytes(png)
    (icons_dir() / "stockdesk.ico").write_bytes(_ico({s: pngs[s] for s in ICO_SIZES}))
    (icons_dir() / "stockdesk.icns").write_bytes(_icns({s: pngs[s] for s in ICNS_TYPES}))


if __name__ == "__main__":
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    render_all()
