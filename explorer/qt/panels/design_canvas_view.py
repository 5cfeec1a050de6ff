"""The design canvas's view: what the mouse and the keys do there. A drop of a palette kind adds
a layer; a drag from an output port draws a connection (Escape cancels it); a drag of boxes
moves them (one step when let go); Delete removes what is selected; a double click folds or
opens a block; the context menu has the rest."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsView, QMenu, QWidget

from explorer.qt.i18n import translate
from explorer.qt.panels.designer import DesignerPanel
from explorer.qt.panels.graph_view import ZOOM_STEP
from explorer.qt.widgets.design_items import (
    SELECTED,
    BlockItem,
    FrameItem,
    NodeItem,
    PortItem,
    WireItem,
    wire_path,
)
from explorer.qt.widgets.design_palette import dropped_kind


class Canvas(Protocol):
    """What the view asks of the canvas (``design_canvas.DesignCanvas``)."""

    designer: DesignerPanel
    nodes: dict[str, NodeItem]
    folded: set[str]

    def add(self, kind: str, at: QPointF) -> bool: ...
    def connect(self, source: str, target: str, slot: int | None) -> bool: ...
    def moved(self, places: dict[str, tuple[float, float]]) -> bool: ...
    def delete_selected(self) -> bool: ...
    def set_output(self, name: str, output: bool) -> bool: ...
    def expand(self, name: str) -> bool: ...
    def group(self, names: Iterable[str], block: str | None = None) -> bool: ...
    def ungroup(self, block: str) -> bool: ...
    def toggle_fold(self, block: str) -> None: ...
    def auto_layout(self) -> bool: ...
    def fit(self) -> None: ...
    def selected_names(self) -> set[str]: ...
    def selected_wires(self) -> list[WireItem]: ...


def _owner(item: QGraphicsItem | None) -> QGraphicsItem | None:
    """The node, block, frame, wire or port an item under the mouse belongs to."""
    while item is not None and not isinstance(
        item, NodeItem | BlockItem | FrameItem | WireItem | PortItem
    ):
        item = item.parentItem()
    return item


class CanvasView(QGraphicsView):
    def __init__(self, canvas: Canvas, parent: QWidget) -> None:
        super().__init__(parent)
        self._canvas = canvas
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setBackgroundBrush(Qt.GlobalColor.white)  # paper, in every palette
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.wiring: tuple[PortItem, QGraphicsPathItem] | None = None  # a connection being drawn
        self._target: PortItem | None = None  # the input port it would end on
        self._pressed: dict[str, QPointF] = {}  # the boxes' places when the mouse went down

    def item_at(self, point: QPointF) -> QGraphicsItem | None:
        """The topmost node, port, wire, block or frame at view ``point`` (not the connection
        being drawn)."""
        for item in self.items(point.toPoint()):
            owner = _owner(item)
            if owner is not None:
                return owner
        return None

    # --- palette drops ------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if dropped_kind(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        if dropped_kind(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        kind = dropped_kind(event.mimeData())
        if kind is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self._canvas.add(kind, self.mapToScene(event.position().toPoint()))
        self.setFocus()

    # --- wiring and moving --------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        item = self.item_at(event.position())
        left = event.button() == Qt.MouseButton.LeftButton
        if left and isinstance(item, PortItem) and item.is_output:
            line = QGraphicsPathItem()
            line.setPen(QPen(SELECTED, 2.0, Qt.PenStyle.DashLine))
            line.setZValue(10)
            self.scene().addItem(line)
            self.wiring = (item, line)
            self._follow(event.position())
            event.accept()
            return
        self._pressed = {name: node.pos() for name, node in self._canvas.nodes.items()}
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self.wiring is not None:
            self._follow(event.position())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def _follow(self, point: QPointF) -> None:
        """The connection being drawn follows the mouse; the port it would end on lights."""
        assert self.wiring is not None
        start, line = self.wiring
        line.setPath(wire_path(start.centre(), self.mapToScene(point.toPoint())))
        item = self.item_at(point)
        target = item if isinstance(item, PortItem) and not item.is_output else None
        if target is not self._target:
            if self._target is not None:
                self._target.light(False)
            if target is not None:
                target.light(True)
            self._target = target

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self.wiring is not None:
            source = self.wiring[0].node.name
            item = self.item_at(event.position())
            self.cancel_wiring()
            event.accept()
            if isinstance(item, PortItem) and not item.is_output:
                self._canvas.connect(source, item.node.name, item.slot)
            elif isinstance(item, NodeItem):  # anywhere on the box: its next free input
                self._canvas.connect(source, item.name, None)
            return
        super().mouseReleaseEvent(event)
        pressed, self._pressed = self._pressed, {}
        moved = {
            name: (round(node.pos().x(), 1), round(node.pos().y(), 1))
            for name, node in self._canvas.nodes.items()
            if name in pressed and node.pos() != pressed[name]
        }
        if moved:
            self._canvas.moved(moved)

    def cancel_wiring(self) -> None:
        if self.wiring is not None:
            self.scene().removeItem(self.wiring[1])
            self.wiring = None
        if self._target is not None:
            self._target.light(False)
            self._target = None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        item = self.item_at(event.position())
        block = None
        if isinstance(item, BlockItem | FrameItem):
            block = item.block
        elif isinstance(item, NodeItem):
            block = self._canvas.designer.design.layer(item.name).group
        if block is not None:
            self._canvas.toggle_fold(block)
            event.accept()
        else:
            super().mouseDoubleClickEvent(event)

    # --- keys, zoom, menu ---------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key == Qt.Key.Key_Escape:
            if self.wiring is not None:
                self.cancel_wiring()
            else:
                self.scene().clearSelection()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._canvas.delete_selected()
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        """Ctrl+wheel zooms around the mouse; the wheel alone scrolls."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
            factor = ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP
            self.scale(factor, factor)
        else:
            super().wheelEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        item, where = self.menu_place(event)
        menu = self.menu_for(item)
        menu.exec(where)
        menu.deleteLater()

    def menu_place(self, event: QContextMenuEvent) -> tuple[QGraphicsItem | None, QPoint]:
        """What a context menu is for, and where it opens: under the mouse; from the keyboard
        (the Menu key, Shift+F10), the selected box, beside it. With its Connect to, a design
        can be wired without a mouse."""
        if event.reason() != QContextMenuEvent.Reason.Keyboard:
            return self.item_at(QPointF(event.pos())), event.globalPos()
        selected = [item for item in self.scene().selectedItems() if isinstance(item, NodeItem)]
        if not selected:
            return None, event.globalPos()
        self.ensureVisible(selected[0])
        corner = selected[0].sceneBoundingRect().bottomLeft()
        return selected[0], self.viewport().mapToGlobal(self.mapFromScene(corner))

    def _add_connect_menu(self, menu: QMenu, name: str) -> None:
        """Connect to ▸ each layer that may take ``name``'s output (not an Input, not one that
        feeds it: a cycle), into its next free input (a one-input layer's is replaced)."""
        canvas = self._canvas
        design = canvas.designer.design
        feeding = design.upstream(name)
        targets = [
            layer.name
            for layer in design.layers
            if layer.kind != "Input"
            and layer.name != name
            and layer.name not in feeding
            and name not in design.inputs_of(layer.name)
        ]
        connect = menu.addMenu(translate("DesignCanvas", "Connect to"))
        connect.setEnabled(bool(targets))
        for target in targets:
            connect.addAction(
                design.layer(target).label,
                lambda target=target: canvas.connect(name, target, None),
            )

    def menu_for(self, item: QGraphicsItem | None) -> QMenu:
        """The context menu for ``item`` (selected first if it was not)."""
        canvas = self._canvas
        if item is not None and not item.isSelected():
            self.scene().clearSelection()
            item.setSelected(True)
        menu = QMenu(self)
        design = canvas.designer.design
        if isinstance(item, PortItem):
            item = item.node
        if isinstance(item, NodeItem):
            name = item.name
            output = name in design.output_names()
            mark = menu.addAction(translate("DesignCanvas", "Mark as Output"))
            mark.setCheckable(True)
            mark.setChecked(output)
            mark.triggered.connect(lambda: canvas.set_output(name, not output))
            self._add_connect_menu(menu, name)
            if design.layer(name).kind == "ResidualBlock":
                menu.addAction(
                    translate("DesignCanvas", "Expand Block"), lambda: canvas.expand(name)
                )
        chosen = canvas.selected_names()
        if chosen:
            menu.addAction(
                translate("DesignCanvas", "Group as Block…"), lambda: canvas.group(chosen)
            )
        block = None
        if isinstance(item, BlockItem | FrameItem):
            block = item.block
        elif isinstance(item, NodeItem):
            block = design.layer(item.name).group
        if block is not None:
            if block in canvas.folded:
                fold = translate("DesignCanvas", "Open {block}")
            else:
                fold = translate("DesignCanvas", "Fold {block}")
            menu.addAction(fold.format(block=block), lambda: canvas.toggle_fold(block))
            menu.addAction(
                translate("DesignCanvas", "Ungroup {block}").format(block=block),
                lambda: canvas.ungroup(block),
            )
        if chosen or canvas.selected_wires():
            menu.addAction(translate("DesignCanvas", "Delete"), canvas.delete_selected)
        menu.addSeparator()
        menu.addAction(translate("DesignCanvas", "Auto-layout"), canvas.auto_layout)
        menu.addAction(translate("DesignCanvas", "Fit"), canvas.fit)
        return menu
