"""The design canvas's items: a layer's box with its ports, a connection, a block's frame and a
folded block. The canvas is white paper in every palette (as the Graph view is), so the items
use fixed colours."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from explorer.qt.widgets.design_layout import NODE_H, NODE_W, ROW
from explorer.qt.widgets.graph_items import fit_text

PORT_RADIUS = 6.0
INK = QColor("#1b1b1b")
OUTLINE = QColor("#37474f")
PROBLEM = QColor("#b00020")
PROBLEM_FILL = QColor("#fde7e9")
UNUSED = QColor("#78909c")
UNUSED_FILL = QColor("#eceff1")
SELECTED = QColor("#1565c0")
WIRE = QColor("#546e7a")
BAD_WIRE = QColor("#d50000")
OUTPUT = QColor("#2e7d32")
FREE_PORT = QColor("#ffffff")


@dataclass(frozen=True)
class NodeLook:
    """What a layer's box shows, in the current language."""

    name: str
    kind: str
    shape: str  # its output shape, or "—"
    ports: tuple[str, ...]  # the input ports' labels in slot order ("" for a single input)
    connected: int  # the first ``connected`` ports have a connection
    output: bool  # a model output
    note: str | None  # why it cannot work, or that it is not part of the model
    problem: bool  # the note is a problem (red), not a remark (grey)
    output_word: str  # "output", translated


def _fonts() -> tuple[QFont, QFont, QFont]:
    title, line, small = QFont(), QFont(), QFont()
    title.setPointSizeF(8.5)
    title.setBold(True)
    line.setPointSizeF(7.5)
    small.setPointSizeF(6.5)
    return title, line, small


class PortItem(QGraphicsEllipseItem):
    """An input port (``slot`` 0, 1, ...) or the output port (``slot`` None) of ``node``."""

    def __init__(self, node: NodeItem, slot: int | None, centre: QPointF, free: bool) -> None:
        r = PORT_RADIUS
        super().__init__(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r), node)
        self.node, self.slot = node, slot
        self.setPen(QPen(OUTLINE, 1.2))
        self.setBrush(QBrush(FREE_PORT if free else OUTLINE))
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAcceptHoverEvents(True)

    @property
    def is_output(self) -> bool:
        return self.slot is None

    def centre(self) -> QPointF:
        return self.mapToScene(self.rect().center())

    def light(self, on: bool) -> None:
        """Marked as the port a connection being drawn would end on."""
        self.setPen(QPen(SELECTED, 3.0) if on else QPen(OUTLINE, 1.2))


class NodeItem(QGraphicsRectItem):
    """A layer: kind and name, output shape, its input ports on top (labelled when it takes
    several), its output port below; red with its problem written under it, or grey."""

    def __init__(self, look: NodeLook) -> None:
        super().__init__(QRectF(0, 0, NODE_W, NODE_H))
        self.look = look
        self.name = look.name
        self.wires: list[WireItem] = []
        self._fonts = _fonts()
        flags = QGraphicsItem.GraphicsItemFlag
        self.setFlags(flags.ItemIsSelectable | flags.ItemIsMovable | flags.ItemSendsGeometryChanges)
        fill, edge = QColor("#ffffff"), OUTLINE
        if look.note is not None:
            fill, edge = (PROBLEM_FILL, PROBLEM) if look.problem else (UNUSED_FILL, UNUSED)
        self.setBrush(QBrush(fill))
        self.setPen(QPen(edge, 2.0 if look.problem else 1.2))
        count = len(look.ports)
        self.inputs = [
            PortItem(
                self, slot, QPointF(NODE_W * (slot + 1) / (count + 1), 0), slot >= look.connected
            )
            for slot in range(count)
        ]
        for port, label in zip(self.inputs, look.ports, strict=True):
            if label:
                text = QGraphicsSimpleTextItem(label, self)
                text.setFont(self._fonts[2])
                text.setBrush(QBrush(INK))
                width = text.boundingRect().width()
                text.setPos(port.rect().center().x() - width / 2, PORT_RADIUS + 1)
        self.output = PortItem(self, None, QPointF(NODE_W / 2, NODE_H), False)
        self.note: QGraphicsTextItem | None = None
        if look.note is not None:
            self.note = QGraphicsTextItem(self)
            self.note.setPlainText(look.note)
            self.note.setTextWidth(NODE_W + 40)
            self.note.setDefaultTextColor(PROBLEM if look.problem else UNUSED)
            self.note.setFont(self._fonts[1])
            self.note.setPos(-20, NODE_H + PORT_RADIUS)
        self.setToolTip(look.note or "")

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        selected = self.isSelected()
        painter.setPen(QPen(SELECTED, 3.0) if selected else self.pen())
        painter.setBrush(self.brush())
        painter.drawRoundedRect(self.rect(), 4, 4)
        look, (title, line, small) = self.look, self._fonts
        top = 16.0 if any(look.ports) else 6.0  # under the ports' labels
        ink = PROBLEM if look.problem else UNUSED if look.note else INK
        painter.setPen(ink)
        painter.setFont(title)
        painter.drawText(QPointF(8, top + 12), fit_text(f"{look.kind}  {look.name}", 30))
        painter.setFont(line)
        painter.drawText(QPointF(8, top + 27), look.shape)
        if look.output:
            tag = QRectF(NODE_W - 58, NODE_H - 16, 52, 13)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(OUTPUT)
            painter.drawRoundedRect(tag, 3, 3)
            painter.setPen(QColor("#ffffff"))
            painter.setFont(small)
            painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, f"▼ {look.output_word}")

    def port(self, slot: int | None) -> PortItem:
        return self.output if slot is None else self.inputs[min(slot, len(self.inputs) - 1)]

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:  # noqa: N802 - Qt's name
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for wire in self.wires:
                wire.follow()
        return super().itemChange(change, value)


def wire_path(start: QPointF, end: QPointF) -> QPainterPath:
    """A connection from an output port down (or around) to an input port. One that skips
    rows straight down (a shortcut) bows out to the left, past the boxes between its ends."""
    path = QPainterPath(start)
    bend = max(40.0, abs(end.y() - start.y()) / 2)
    side = QPointF(0, 0)
    if end.y() - start.y() > 1.5 * ROW and abs(end.x() - start.x()) < NODE_W / 2:
        side = QPointF(-1.2 * NODE_W, 0)
    path.cubicTo(start + QPointF(0, bend) + side, end - QPointF(0, bend) + side, end)
    return path


class WireItem(QGraphicsPathItem):
    """A connection from ``source``'s output to ``target``'s input ``slot``; red when the
    target's problem is about this input. Either end may be a folded block's box."""

    def __init__(
        self,
        source: str,
        target: str,
        slot: int,
        ends: tuple[Callable[[], QPointF], Callable[[], QPointF]],
        bad: bool,
    ) -> None:
        super().__init__()
        self.source, self.target, self.slot, self.bad = source, target, slot, bad
        self._ends = ends
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(-1)
        self.follow()

    def follow(self) -> None:
        self.setPath(wire_path(self._ends[0](), self._ends[1]()))

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(10)  # easy to click
        return stroker.createStroke(self.path())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        colour = SELECTED if self.isSelected() else BAD_WIRE if self.bad else WIRE
        painter.setPen(QPen(colour, 3.0 if self.bad or self.isSelected() else 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())


class FrameItem(QGraphicsRectItem):
    """An open block: a dashed frame around its layers, its name on top; double-click folds."""

    def __init__(self, block: str, rect: QRectF, label: str) -> None:
        super().__init__(rect)
        self.block = block
        self.setPen(QPen(QColor("#90a4ae"), 1.2, Qt.PenStyle.DashLine))
        self.setBrush(QBrush(QColor("#f5f8fa")))
        self.setZValue(-2)
        text = QGraphicsSimpleTextItem(label, self)
        text.setBrush(QBrush(QColor("#455a64")))
        text.setPos(rect.x() + 6, rect.y() + 3)


class BlockItem(QGraphicsRectItem):
    """A folded block: one box in place of its layers; double-click opens it."""

    def __init__(self, block: str, corner: QPointF, lines: tuple[str, str]) -> None:
        super().__init__(QRectF(0, 0, NODE_W, NODE_H))
        self.block = block
        self.lines = lines
        self.setPos(corner)
        self.setBrush(QBrush(QColor("#e3f2fd")))
        self.setPen(QPen(OUTLINE, 2.5))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self._fonts = _fonts()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(QPen(SELECTED, 3.0) if self.isSelected() else self.pen())
        painter.setBrush(self.brush())
        painter.drawRoundedRect(self.rect(), 6, 6)
        painter.setPen(INK)
        painter.setFont(self._fonts[0])
        painter.drawText(QPointF(8, 22), fit_text(self.lines[0], 30))
        painter.setFont(self._fonts[1])
        painter.drawText(QPointF(8, 40), fit_text(self.lines[1], 38))

    def top(self) -> QPointF:
        return self.mapToScene(QPointF(NODE_W / 2, 0))

    def bottom(self) -> QPointF:
        return self.mapToScene(QPointF(NODE_W / 2, NODE_H))
