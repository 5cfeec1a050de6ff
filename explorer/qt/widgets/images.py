"""SVG drawings rendered to PNG with Qt's own SVG renderer (no Cairo, no Graphviz)."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from explorer.core.base.errors import ExplorerError
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.base.units import short_count

PNG_SIDE_LIMIT = 32_767  # QPainter's coordinates are 16-bit on some paint engines
PNG_PIXELS_LIMIT = 200_000_000  # 800 MB of ARGB; a folded ResNet-152 at 2x is under 20 M


class ImageError(ExplorerError):
    """A drawing that cannot be made into a PNG; nothing is written."""


def svg_to_png(svg: str, scale: float = 2.0) -> bytes:
    """``svg`` at ``scale`` times its size (2: sharp on high-density screens and slides)."""
    if QGuiApplication.instance() is None:  # headless use: fonts need an application
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _keep.append(QGuiApplication(sys.argv[:1]))
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        raise ImageError(QT_TRANSLATE_NOOP("Core", "the drawing could not be read as SVG"))
    size = renderer.defaultSize()
    width, height = round(size.width() * scale), round(size.height() * scale)
    if max(width, height) > PNG_SIDE_LIMIT or width * height > PNG_PIXELS_LIMIT:
        raise ImageError(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "the drawing is {width:,} × {height:,} pixels, more than a PNG is made of "
                    "here (at most {side:,} a side, {pixels} pixels): save it as SVG, or fold it",
                ),
                width=width,
                height=height,
                side=PNG_SIDE_LIMIT,
                pixels=short_count(PNG_PIXELS_LIMIT),
            )
        )
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    if image.isNull():  # the memory for it could not be had
        raise ImageError(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core", "no memory for a picture of {width:,} × {height:,} pixels"
                ),
                width=width,
                height=height,
            )
        )
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


_keep: list[QGuiApplication] = []  # the application made here lives as long as the process
