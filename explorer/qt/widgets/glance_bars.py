"""Bars for the comparison at one glance: per quantity, one bar per model, as long as its share
of the largest, in the model's colour, with its value."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from explorer.core.base.units import short_count
from explorer.qt.widgets.plots import colour


class GlanceBars(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, list[int]]] = []
        self._labels: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_values(self, labels: list[str], rows: list[tuple[str, list[int]]]) -> None:
        """``labels``: the models, in the pinned order (the legend); ``rows``: (quantity, one
        value per model)."""
        self._labels, self._rows = labels, rows
        self.updateGeometry()
        self.update()

    def values(self) -> list[tuple[str, list[int]]]:
        return list(self._rows)

    def _bar_height(self) -> int:
        return self.fontMetrics().height()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        models = len(self._rows[0][1]) if self._rows else 0
        legend = self._bar_height() + 6 if self._rows else 0
        return QSize(300, legend + len(self._rows) * (models * (self._bar_height() + 2) + 8))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        metrics = self.fontMetrics()
        names = [name for name, _ in self._rows]
        label_width = max((metrics.horizontalAdvance(n) for n in names), default=0) + 12
        value_width = metrics.horizontalAdvance("000.0 M ")
        room = max(10, self.width() - label_width - value_width)
        bar, y = self._bar_height(), 0
        text = self.palette().windowText().color()
        x = float(label_width)
        for index, label in enumerate(self._labels):  # the legend: a swatch and a name each
            painter.fillRect(QRectF(x, y + 2, bar - 4, bar - 4), QColor(colour(index)))
            painter.setPen(text)
            painter.drawText(
                QRectF(x + bar, y, self.width(), bar), Qt.AlignmentFlag.AlignVCenter, label
            )
            x += bar + metrics.horizontalAdvance(label) + 16
        y += bar + 6 if self._rows else 0
        for name, values in self._rows:
            top = max(values, default=0)
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y, label_width - 6, bar),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            for index, value in enumerate(values):
                length = room * value / top if top else 0
                painter.fillRect(QRectF(label_width, y, max(length, 1), bar), QColor(colour(index)))
                painter.setPen(text)
                painter.drawText(
                    QRectF(label_width + length + 4, y, value_width, bar),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    short_count(value),
                )
                y += bar + 2
            y += 6
        painter.end()
