"""A focus ring that can be seen from the back of a lab: a thick rounded frame in the
highlight colour around whichever control has the keyboard focus.

Qt's own focus indication (Fusion's one-pixel line) is nearly invisible on a projector, and a
style sheet would replace the style's look (and stop fonts from following the text size). The
ring is one small widget of the window, drawn above everything, following the focused control
when the focus moves or the control (or anything around it: a scrolled form) moves or resizes,
and cut where a scroll area cuts the control.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen, QRegion
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QMenu, QMenuBar, QWidget

WIDTH = 3  # pixels of ring outside the control
_FOLLOW = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide)


class FocusRing(QWidget):
    """The ring around the focused control of the widgets under ``root``."""

    def __init__(self, root: QWidget) -> None:
        super().__init__(root)
        self.setObjectName("focus_ring")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._root = root
        self._watched: list[QWidget] = []  # the focused control and what holds it
        self.hide()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._on_focus_changed)

    def target(self) -> QWidget | None:
        return self._watched[0] if self._watched else None

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for widget in self._watched:
            if shiboken6.isValid(widget):  # a control closed with the focus in it is gone
                widget.removeEventFilter(self)
        self._watched = []
        if not self._rings(new):
            self.hide()
            return
        assert new is not None
        widget: QWidget | None = new
        while widget is not None and widget is not self._root:
            widget.installEventFilter(self)
            self._watched.append(widget)
            widget = widget.parentWidget()
        self._place()

    def _rings(self, widget: QWidget | None) -> bool:
        return (
            widget is not None
            and widget is not self._root
            and self._root.isAncestorOf(widget)
            and not isinstance(widget, QMenu | QMenuBar)
        )

    def _place(self) -> None:
        target = self.target()
        if target is None or not target.isVisible():
            self.hide()
            return
        ring = QRect(target.mapTo(self._root, QPoint(0, 0)), target.size())
        ring = ring.adjusted(-WIDTH, -WIDTH, WIDTH, WIDTH)
        shown = ring.intersected(self._root.rect())
        for holder in self._watched[1:]:  # cut where a scroll area cuts the control
            if isinstance(holder.parentWidget(), QAbstractScrollArea):
                viewport = QRect(holder.mapTo(self._root, QPoint(0, 0)), holder.size())
                shown = shown.intersected(viewport)
        if shown.isEmpty():
            self.hide()
            return
        self.setGeometry(ring)
        self.setMask(QRegion(shown.translated(-ring.topLeft())))
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _FOLLOW:
            self._place()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = self.palette().color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(colour, WIDTH - 0.5))
        inset = WIDTH / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), 4, 4)
