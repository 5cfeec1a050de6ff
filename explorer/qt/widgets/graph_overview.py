"""The Graph view's overview: the whole drawing, small, with a frame around the part the view
shows; a click or a drag there moves the view."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from explorer.qt.i18n import follow, translate

MARGIN = 8  # pixels between the overview and the view's edges
MIN_WIDTH = 28


class Overview(QWidget):
    moved = Signal(QPointF)  # centre the view here, in drawing units

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage()
        self._drawing = QRectF()  # the part of the scene the picture shows
        self._shown = QRectF()  # the part the view shows
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        follow(
            self,
            lambda: self.setToolTip(
                translate("GraphOverview", "Where the view is: click or drag to move it")
            ),
        )

    def set_picture(self, image: QImage, drawing: QRectF) -> None:
        self._image, self._drawing = image, drawing
        self.update()

    def set_shown(self, shown: QRectF) -> None:
        self._shown = shown
        self.update()

    def shown(self) -> QRectF:
        return QRectF(self._shown)

    def place(self, room: QRectF) -> None:
        """Take the top right corner of ``room`` (the view's viewport), as big as the picture
        allows but no taller than the room."""
        if self._image.isNull():
            return
        height = min(float(self._image.height()), room.height() - 2 * MARGIN)
        width = max(MIN_WIDTH, min(float(self._image.width()), height * self._aspect()))
        height = min(height, width / self._aspect())
        self.setGeometry(
            round(room.right() - width - MARGIN),
            round(room.top() + MARGIN),
            round(width),
            round(height),
        )

    def _aspect(self) -> float:
        return self._image.width() / max(1, self._image.height())

    def _target(self) -> QRectF:
        """Where the picture is painted: as big as fits, centred, its aspect kept."""
        w, h = float(self.width()), float(self.height())
        scale = min(w / max(1, self._image.width()), h / max(1, self._image.height()))
        iw, ih = self._image.width() * scale, self._image.height() * scale
        return QRectF((w - iw) / 2, (h - ih) / 2, iw, ih)

    def _to_widget(self, rect: QRectF) -> QRectF:
        target, drawing = self._target(), self._drawing
        sx = target.width() / max(1e-9, drawing.width())
        sy = target.height() / max(1e-9, drawing.height())
        return QRectF(
            target.x() + (rect.x() - drawing.x()) * sx,
            target.y() + (rect.y() - drawing.y()) * sy,
            rect.width() * sx,
            rect.height() * sy,
        )

    def to_drawing(self, point: QPointF) -> QPointF:
        target, drawing = self._target(), self._drawing
        return QPointF(
            drawing.x() + (point.x() - target.x()) * drawing.width() / max(1e-9, target.width()),
            drawing.y() + (point.y() - target.y()) * drawing.height() / max(1e-9, target.height()),
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(self._target(), self._image)
        frame = self._to_widget(self._shown).intersected(QRectF(self.rect()).adjusted(0, 0, -1, -1))
        painter.setPen(QPen(QColor("#1565c0"), 2))
        painter.setBrush(QColor(21, 101, 192, 40))
        painter.drawRect(frame)
        painter.setPen(QPen(QColor("#90a4ae"), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(self.rect()).adjusted(0, 0, -1, -1))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.moved.emit(self.to_drawing(event.position()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.moved.emit(self.to_drawing(event.position()))
