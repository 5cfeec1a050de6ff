"""What the Graph view draws, made off the GUI thread: the layout, each box's text and colour,
every edge as one path, and a small picture of the whole drawing for the overview.

Nothing here is a widget or a scene item (those belong to the GUI thread): ``QPainterPath`` and
a ``QImage`` painted with ``QPainter`` may be made in any thread.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF

from explorer.core.analysis.graph import Drawing, ModelGraph, lay_out
from explorer.core.exports.graphs import BoxText, box_text, fill_colors

OVERVIEW_MAX = (120, 720)  # the overview picture's largest width and height, in pixels
EDGE_COLOR = "#546e7a"


@dataclass(frozen=True)
class Prepared:
    drawing: Drawing
    texts: dict[str, BoxText]
    fills: dict[str, str]  # box id -> "#rrggbb"
    edges: QPainterPath  # every edge with its arrowhead, in drawing units
    overview: QImage  # the whole drawing, small


def prepare(graph: ModelGraph, folded: Collection[str], color: str) -> Prepared:
    """Lay ``graph`` out with ``folded`` groups folded, coloured by ``color``."""
    drawing = lay_out(graph, folded)
    texts = {box.id: box_text(drawing, box.id) for box in drawing.boxes}
    fills = fill_colors(drawing, color)
    edges = edge_path(drawing)
    return Prepared(drawing, texts, fills, edges, overview_image(drawing, fills, edges))


def edge_path(drawing: Drawing) -> QPainterPath:
    """Each edge from the bottom of its source box, through its bends, to an arrowhead on top
    of its target box."""
    boxes = {box.id: box for box in drawing.boxes}
    path = QPainterPath()
    for source, target, bends in drawing.edges:
        a, b = boxes[source], boxes[target]
        path.moveTo(a.x + a.width / 2, a.y + a.height)
        for x, y in bends:
            path.lineTo(x, y)
        end = QPointF(b.x + b.width / 2, b.y)
        path.lineTo(end)
        path.addPolygon(QPolygonF([end, end + QPointF(-4, -8), end + QPointF(4, -8), end]))
    return path


def overview_image(drawing: Drawing, fills: dict[str, str], edges: QPainterPath) -> QImage:
    """The drawing at most ``OVERVIEW_MAX`` pixels: boxes in their colours and the edges."""
    width, height = max(drawing.width, 1.0), max(drawing.height, 1.0)
    scale = min(OVERVIEW_MAX[0] / width, OVERVIEW_MAX[1] / height)
    image = QImage(
        max(1, round(width * scale)), max(1, round(height * scale)), QImage.Format.Format_RGB32
    )
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    painter.setPen(QPen(QColor(EDGE_COLOR), 0))  # cosmetic: one pixel at any scale
    painter.drawPath(edges)
    outline = QPen(QColor("#37474f"), 0)
    for box in drawing.boxes:
        painter.setPen(outline)
        painter.setBrush(QColor(fills[box.id]))
        painter.drawRect(QRectF(box.x, box.y, box.width, box.height))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.end()
    return image
