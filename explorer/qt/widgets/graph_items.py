"""The items the Graph view draws: a layer's box that paints its own text."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from explorer.core.analysis.graph import NODE_HEIGHT
from explorer.core.exports.graphs import BoxText
from explorer.qt.i18n import translated

ID_KEY = 0  # item data: the box or group id
TEXT_DETAIL = 0.3  # below this zoom a box is drawn without its text (unreadable there)


def box_id(item: QGraphicsItem | None) -> str | None:
    while item is not None:
        value = item.data(ID_KEY)
        if isinstance(value, str):
            return value
        item = item.parentItem()
    return None


class BoxItem(QGraphicsRectItem):
    """A box that paints its three lines of text itself: one item a layer, so a graph of
    hundreds of layers is made in a few milliseconds and only what is visible is drawn."""

    def __init__(self, rect: QRectF, text: BoxText, fonts: tuple[QFont, QFont]) -> None:
        super().__init__(rect)
        self.text = text
        self._fonts = fonts
        self.retranslate()

    def retranslate(self) -> None:
        """The box's lines in the current language (a layer's name and type stay)."""
        text = self.text
        lines = (translated(text.title), translated(text.subtitle), text.shape)
        self._lines = tuple(fit_text(line) for line in lines)
        self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        super().paint(painter, option, widget)
        if option.levelOfDetailFromTransform(painter.worldTransform()) < TEXT_DETAIL:
            return
        rect = self.rect()
        painter.setPen(QColor("#000000"))
        for line, words in enumerate(self._lines):
            painter.setFont(self._fonts[0 if line == 0 else 1])
            baseline = rect.y() + 14 + line * (NODE_HEIGHT - 8) / 3
            painter.drawText(QPointF(rect.x() + 6, baseline), words)


class EdgesItem(QGraphicsPathItem):
    """Every edge of the drawing as one path: drawn, never hit by the mouse (a click or a tool
    tip finds the box under it without testing hundreds of edges)."""

    def shape(self) -> QPainterPath:
        return QPainterPath()


def fit_text(text: str, room: int = 38) -> str:
    return text if len(text) <= room else text[: room - 1] + "…"
