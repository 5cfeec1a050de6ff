"""Drive the design canvas as a user does: drops from the palette (real QDropEvents carrying the
palette's own drag data), port drags and box drags with the mouse on the view, keys."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QSpinBox

from explorer.qt.main_window import MainWindow
from explorer.qt.panels.design_canvas import DesignCanvas

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def open_canvas(qtbot, window: MainWindow) -> DesignCanvas:
    """A new design, the Graph view in Edit design mode."""
    assert window.designs.new_design()
    window.show_view(window.graph)
    assert window.graph.edit_action.isEnabled()
    window.graph.edit_action.trigger()
    canvas = window.canvas
    qtbot.waitUntil(canvas.view.isVisible)
    assert window.designer_dock.isVisible()
    return canvas


def _in_view(canvas: DesignCanvas, *points: QPointF) -> list[QPoint]:
    """View pixels of scene ``points``, the view scrolled (not zoomed) to show them all."""
    view = canvas.view
    view.resetTransform()
    middle = sum(points, QPointF()) / len(points)
    view.centerOn(middle)
    pixels = [view.mapFromScene(point) for point in points]
    if not all(view.viewport().rect().contains(p) for p in pixels):
        canvas.fit()
        pixels = [view.mapFromScene(point) for point in points]
    assert all(view.viewport().rect().contains(p) for p in pixels), pixels
    return pixels


def drop(canvas: DesignCanvas, kind: str, x: float, y: float) -> str:
    """Drag ``kind`` from the palette and drop it centred at scene (x, y); its new name."""
    palette = canvas.designer.palette
    (item,) = palette.findItems(kind, Qt.MatchFlag.MatchExactly)
    data = palette.mimeData([item])
    (pixel,) = _in_view(canvas, QPointF(x, y))
    view = canvas.view
    copy = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(pixel, copy, data, LEFT, NONE)
    view.dragEnterEvent(enter)
    assert enter.isAccepted()
    view.dropEvent(QDropEvent(QPointF(pixel), copy, data, LEFT, NONE))
    name = canvas.designer.selected_name()
    assert name is not None and canvas.designer.design.layer(name).kind == kind
    return name


def wire(canvas: DesignCanvas, source: str, target: str, slot: int = 0) -> None:
    """Press on ``source``'s output port, move to ``target``'s input port ``slot``, let go."""
    start = canvas.nodes[source].output.centre()
    end = canvas.nodes[target].inputs[slot].centre()
    a, b = _in_view(canvas, start, end)
    viewport = canvas.view.viewport()
    QTest.mousePress(viewport, LEFT, NONE, a)
    QTest.mouseMove(viewport, (a + b) / 2)
    QTest.mouseMove(viewport, b)
    QTest.mouseRelease(viewport, LEFT, NONE, b)


def drag_box(canvas: DesignCanvas, name: str, dx: float, dy: float) -> None:
    """Drag the box of ``name`` by its title by (dx, dy) scene units (at 100 %)."""
    node = canvas.nodes[name]
    start = node.mapToScene(QPointF(100, 30))
    a, b = _in_view(canvas, start, start + QPointF(dx, dy))
    viewport = canvas.view.viewport()
    QTest.mousePress(viewport, LEFT, NONE, a)
    for step in range(1, 5):
        QTest.mouseMove(viewport, a + (b - a) * step / 4)
    QTest.mouseRelease(viewport, LEFT, NONE, b)


def click_box(canvas: DesignCanvas, name: str, modifier=NONE) -> None:
    (pixel,) = _in_view(canvas, canvas.nodes[name].mapToScene(QPointF(100, 30)))
    QTest.mouseClick(canvas.view.viewport(), LEFT, modifier, pixel)


def set_args(canvas: DesignCanvas, name: str, **values: object) -> None:
    """Change ``name``'s arguments in the designer's properties, as a user types them."""
    designer = canvas.designer
    designer.select(name)
    for key, value in values.items():
        editor = designer.properties.editor(key)
        if isinstance(editor, QSpinBox):
            editor.setValue(value)
        elif isinstance(editor, QComboBox):
            editor.setCurrentText(str(value))
        else:
            editor.set_value(value)
            designer.properties.values_edited.emit()
    assert all(designer.design.layer(name).values[k] == v for k, v in values.items())
