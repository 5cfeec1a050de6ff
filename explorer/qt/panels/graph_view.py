"""The Graph view's drawing area: wheel zoom around the cursor, drag to pan, keys and double
clicks that fold and open groups, a context menu, and an overview in the corner."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QMenu, QWidget

from explorer.qt.i18n import translate
from explorer.qt.widgets.graph_items import box_id
from explorer.qt.widgets.graph_overview import Overview

ZOOM_STEP = 1.25
OVERVIEW_AT = 0.5  # the overview shows while less than this share of the drawing is in view


class Folding(Protocol):
    """What the view asks of its panel (``graph.GraphPanel``)."""

    def toggle(self, box_id: str) -> None: ...
    def folded(self) -> frozenset[str]: ...
    def unfold(self, box_id: str) -> None: ...
    def fold_or_close(self, box_id: str) -> None: ...
    def fold_around(self, box_id: str) -> None: ...
    def selected_box(self) -> str | None: ...
    def fit(self) -> None: ...
    def export(self, path: str | None = None) -> bool: ...


def area(rect: QRectF) -> float:
    return rect.width() * rect.height()


class GraphView(QGraphicsView):
    """Wheel zoom around the cursor, drag to pan; keys fold and unfold the selected box; an
    overview in the top right corner while the drawing is bigger than the view."""

    def __init__(self, panel: Folding, parent: QWidget) -> None:
        super().__init__(parent)
        self._panel = panel
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)  # the top stays in view
        self.setBackgroundBrush(QBrush(QColor("#ffffff")))
        self.overview = Overview(self)
        self.overview.hide()
        self.overview.moved.connect(self.centerOn)

    def zoom(self, factor: float) -> None:
        self.scale(factor, factor)
        self.update_overview()

    def update_overview(self) -> None:
        """Show where the view is, or hide the overview while half the drawing is in view."""
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        whole = self.sceneRect()
        seen = shown.intersected(whole)
        if whole.isEmpty() or area(seen) >= OVERVIEW_AT * area(whole):
            self.overview.hide()
            return
        self.overview.place(QRectF(self.viewport().geometry()))
        self.overview.set_shown(shown)
        self.overview.show()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt's name
        super().scrollContentsBy(dx, dy)
        self.update_overview()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.update_overview()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        self.zoom(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        item = self.itemAt(event.position().toPoint())
        target = box_id(item)
        if target is not None:
            self._panel.toggle(target)
        else:
            super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        """Right click: open or fold the box under the cursor, fit, export."""
        menu = QMenu(self)
        target = box_id(self.itemAt(event.pos()))
        if target is not None and target in self._panel.folded():
            menu.addAction(translate("Graph", "Open"), lambda: self._panel.unfold(target))
        elif target is not None:
            menu.addAction(translate("Graph", "Fold"), lambda: self._panel.fold_or_close(target))
        menu.addAction(translate("Graph", "Fit"), self._panel.fit)
        menu.addAction(translate("Graph", "Export…"), lambda: self._panel.export())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        selected = self._panel.selected_box()
        if selected is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._panel.unfold(selected)
        elif selected is not None and event.key() == Qt.Key.Key_Backspace:
            self._panel.fold_around(selected)
        else:
            super().keyPressEvent(event)
