"""The Graph view: the model on screen drawn as boxes and arrows, folded by stage or block,
coloured by a quantity, and linked to the table's selection.

The drawing comes from ``explorer.core.analysis.graph`` (the same layout ``explorer graph``
writes), laid out in a thread of Qt's pool (``widgets.graph_scene.prepare``), so the GUI thread
only places items. A click selects a layer; a double click (or Enter) opens a folded group, and a
double click on an open group's frame (or Backspace on one of its layers) folds it again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, QSettings, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.core.analysis.graph import (
    Drawing,
    ModelGraph,
    folded_groups,
    model_graph,
    with_blocks,
)
from explorer.core.base.choices import COLORS, FOLDS
from explorer.core.exports.graphs import model_svg
from explorer.core.references.architecture import Reference
from explorer.core.sources.designs.files import FAMILY as DESIGNS
from explorer.core.sources.designs.files import design_blocks
from explorer.qt.i18n import follow, translate, translated
from explorer.qt.panels.graph_texts import (
    box_tip,
    color_labels,
    color_words,
    fold_labels,
    group_tip,
)
from explorer.qt.panels.graph_view import ZOOM_STEP, GraphView
from explorer.qt.state import WindowState
from explorer.qt.widgets import font_scale
from explorer.qt.widgets.graph_items import ID_KEY, BoxItem, EdgesItem, box_id
from explorer.qt.widgets.graph_scene import EDGE_COLOR, Prepared, prepare
from explorer.qt.widgets.images import svg_to_png
from explorer.qt.widgets.plots import set_item_texts
from explorer.qt.widgets.text_files import save_bytes, save_text

COLOR_KEY = "graph/color"
FOLD_AT = 150  # layers: a bigger model opens folded to blocks


@dataclass(frozen=True)
class _Request:
    graph: ModelGraph
    folded: frozenset[str]
    color: str
    first: bool  # a new model: start at the top, readable


def _prepare(request: _Request) -> tuple[_Request, Prepared]:
    return request, prepare(request.graph, request.folded, request.color)


class GraphPanel(QWidget):
    drawn = Signal()  # the scene shows the newest layout
    _prepared = Signal(object)  # (request, Prepared), from the layout thread
    _failed = Signal(object)  # the exception, from the layout thread

    def __init__(
        self, state: WindowState, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._state = state
        self._settings = settings
        self.graph: ModelGraph | None = None
        self.drawing: Drawing | None = None
        self._rows: dict[str, int] = {}  # layer id -> summary row
        self._folded: frozenset[str] = frozenset()
        self._boxes: dict[str, BoxItem] = {}
        self._frames: dict[str, QGraphicsRectItem] = {}  # the open groups' frames
        # What the legend says, made again in the new language after a change of language.
        self._legend: Callable[[], str] = lambda: ""
        self._running = False  # a layout is being made in the pool
        self._wanted: _Request | None = None  # the layout to make next
        self._ready: tuple[_Request, Prepared] | None = None  # made, not drawn yet (hidden)
        self._stale: bool | None = None  # hidden when asked: lay out when shown (first?)
        title_font, line_font = QFont(self.font()), QFont(self.font())
        title_font.setPointSizeF(8.0)
        title_font.setBold(True)
        line_font.setPointSizeF(7.5)
        self._fonts = (title_font, line_font)

        self.color = QComboBox()
        for key in COLORS:
            self.color.addItem(key, key)  # texts: _retranslate
        saved = str(settings.value(COLOR_KEY, "params"))
        self.color.setCurrentIndex(max(0, self.color.findData(saved)))
        self.color.currentIndexChanged.connect(self._on_color_changed)
        self.fold = QComboBox()
        for key in FOLDS:
            self.fold.addItem(key, key)
        self.fold.activated.connect(self._on_fold_chosen)
        self.search = QLineEdit()
        self.search.returnPressed.connect(self.find)
        self.fit_button = QPushButton()
        self.fit_button.clicked.connect(self.fit)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(lambda: self.export())
        self.legend = QLabel()
        self.legend.setWordWrap(True)  # never holds the window wider
        self.scene = QGraphicsScene(self)
        self.scene.selectionChanged.connect(self._on_selection_changed)
        self.view = GraphView(self, self)
        self.view.setScene(self.scene)
        # A design is edited on its canvas (``add_editor``), in the drawing's place.
        self.pages = QStackedWidget()
        self.pages.addWidget(self.view)
        self.editor: QWidget | None = None
        self.edit_action = QAction(self)
        self.edit_action.setCheckable(True)
        self.edit_action.setEnabled(False)
        self.edit_action.toggled.connect(self._on_edit_toggled)
        self.edit_button = QToolButton()
        self.edit_button.setDefaultAction(self.edit_action)
        self.edit_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.edit_button.hide()  # while the model on screen is not a design

        self.color_label, self.fold_label = QLabel(), QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.edit_button)
        for label, widget in ((self.color_label, self.color), (self.fold_label, self.fold)):
            bar.addWidget(label)
            bar.addWidget(widget)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.fit_button)
        bar.addWidget(self.export_button)
        bar.addStretch(0)  # takes the room only while the drawing's tools are hidden
        self._drawing_tools: tuple[QWidget, ...] = (
            self.color_label,
            self.color,
            self.fold_label,
            self.fold,
            self.search,
            self.fit_button,
            self.export_button,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.legend)
        # Ctrl+= / Ctrl+- / Ctrl+0 are the window's (text size); they zoom and fit the drawing
        # while it has the focus (MainWindow.zoom).
        state.model_shown.connect(self._on_model_shown)
        state.open_requested.connect(self._set_editable)  # a design: before it is built
        state.layer_selected.connect(self.show_layer)
        self._prepared.connect(self._on_prepared)  # queued: emitted in the pool's thread
        self._failed.connect(self._on_failed)
        follow(self, self._retranslate)

    def _retranslate(self) -> None:
        self.edit_action.setText(translate("Graph", "Edit design"))
        self.edit_action.setToolTip(
            translate(
                "Graph",
                "Edit the design on a canvas: drop layers from the palette, wire ports, "
                "select and delete",
            )
        )
        self.color_label.setText(translate("Graph", "Colour"))
        self.fold_label.setText(translate("Graph", "Fold"))
        set_item_texts(self.color, color_labels().__getitem__)
        self.color.setToolTip(translate("Graph", "What the boxes' colour shows"))
        set_item_texts(self.fold, fold_labels().__getitem__)
        self.fold.setToolTip(
            translate("Graph", "Draw each block or stage as one box with its totals")
        )
        self.search.setPlaceholderText(translate("Graph", "Find a layer (Ctrl+F)"))
        self.fit_button.setText(translate("Graph", "Fit"))
        self.fit_button.setToolTip(translate("Graph", "Show the whole graph (Ctrl+0)"))
        self.export_button.setText(translate("Graph", "Export…"))
        self.export_button.setToolTip(
            translate("Graph", "Save the drawing as PNG (twice the pixels) or SVG")
        )
        self.legend.setText(self._legend())
        for box in self._boxes.values():
            box.retranslate()
        self._set_tips()

    def _say(self, legend: Callable[[], str]) -> None:
        """Shows ``legend()`` under the drawing now and again after a change of language."""
        self._legend = legend
        self.legend.setText(legend())

    # --- editing a design ---------------------------------------------------------------------

    def add_editor(self, editor: QWidget) -> None:
        """``editor`` (the design canvas) takes the drawing's place while Edit design is on,
        which it can be while the model on screen is a design."""
        self.editor = editor
        self.pages.addWidget(editor)

    def editing(self) -> bool:
        return self.editor is not None and self.pages.currentWidget() is self.editor

    @Slot(bool)
    def _on_edit_toggled(self, on: bool) -> None:
        if self.editor is None:
            return
        self.pages.setCurrentWidget(self.editor if on else self.view)
        for widget in self._drawing_tools:
            widget.setVisible(not on)
        self.legend.setVisible(not on)
        if on:
            self.editor.setFocus()
        elif self._stale is not None:  # the design changed while it was edited
            first, self._stale = self._stale, None
            self.redraw(first=first)

    @Slot(object)
    def _set_editable(self, reference: Reference | None) -> None:
        """Edit design is offered while the model on screen (or on its way) is a design."""
        design = reference is not None and reference.architecture.family == DESIGNS
        editable = design and self.editor is not None
        self.edit_action.setEnabled(editable)
        self.edit_button.setVisible(editable)  # the bar stays narrow for the rest
        if not design:
            self.edit_action.setChecked(False)

    # --- the model --------------------------------------------------------------------------

    @Slot()
    def _on_model_shown(self) -> None:
        self._set_editable(self._state.reference)
        summary = self._state.summary
        if summary is None:
            return
        # A design's named blocks fold as the drawing's own do.
        blocks = design_blocks(self._state.reference) if self._state.reference else {}
        self.graph = with_blocks(model_graph(summary), blocks)
        nodes = {node.id for node in self.graph.nodes}  # a nested model is its layers
        self._rows = {row.path: i for i, row in enumerate(summary.layers) if row.path in nodes}
        fold = "blocks" if len(self.graph.nodes) > FOLD_AT else "none"
        self.fold.setCurrentIndex(self.fold.findData(fold))
        self._folded = folded_groups(self.graph, fold)
        self.redraw(first=True)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale is not None:  # the model changed while the view was hidden
            first, self._stale = self._stale, None
            self.redraw(first=first)
        elif self._ready is not None:  # drawn once the layouts have given the view its size
            QTimer.singleShot(0, self._show_ready)

    def _show_ready(self) -> None:
        if self._ready is not None and self.isVisible():
            self._show(*self._ready)

    def redraw(self, first: bool = False) -> None:
        """Lay the graph out again with the folding and colours as they are, in the pool; it is
        drawn when it is made, and ``drawn`` is emitted. A hidden view waits until shown."""
        if self.graph is None:
            return
        if not self.isVisible() or self.editing():  # laid out when shown: no work unseen
            self._stale = first or bool(self._stale)
            self._ready = None
            return
        first = first or (self._wanted is not None and self._wanted.first)
        self._wanted = _Request(self.graph, self._folded, self.color_key(), first)
        self._ready = None  # out of date
        if not self._running:
            self._start()

    def pending(self) -> bool:
        """Is a newer drawing than the one on screen on its way (``drawn`` will be emitted)?"""
        return (
            self._running
            or self._wanted is not None
            or self._ready is not None
            or self._stale is not None
        )

    def _start(self) -> None:
        request, self._wanted = self._wanted, None
        assert request is not None
        self._running = True
        QThreadPool.globalInstance().start(lambda: self._prepare_in_pool(request))

    def _prepare_in_pool(self, request: _Request) -> None:
        """In a thread of the pool: the signals carry the result to the GUI thread."""
        try:
            result: object = _prepare(request)
            signal = self._prepared
        except Exception as error:  # noqa: BLE001 - shown in the legend, never lost
            result, signal = error, self._failed
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile: nobody waits
            signal.emit(result)

    @Slot(object)
    def _on_prepared(self, result: tuple[_Request, Prepared]) -> None:
        self._running = False
        if self._wanted is not None:  # superseded while it was made
            self._start()
        elif self.isVisible():
            self._show(*result)
        else:
            self._ready = result

    @Slot(object)
    def _on_failed(self, error: Exception) -> None:
        self._running = False
        self._wanted = None
        self._say(
            lambda: translate("Graph", "The graph could not be laid out: {error}").format(
                error=translated(str(error))
            )
        )

    def _show(self, request: _Request, prepared: Prepared) -> None:
        self._ready = None
        self.drawing = prepared.drawing
        self.scene.clear()
        self._boxes, self._frames = {}, {}
        self._draw(prepared)
        rect = QRectF(0, 0, prepared.drawing.width, prepared.drawing.height)
        self.scene.setSceneRect(rect.adjusted(-20, -20, 20, 20))
        self.view.overview.set_picture(prepared.overview, rect)
        self._update_legend()
        if request.first:
            self.start_view()
        self.show_layer(self._state.selected_layer)
        self.view.update_overview()
        self.drawn.emit()

    def _draw(self, prepared: Prepared) -> None:
        drawing, fills = prepared.drawing, prepared.fills
        frame = QPen(QColor("#b0bec5"), 1, Qt.PenStyle.DashLine)
        for region in drawing.regions:
            group = drawing.graph.group(region.id)
            item = self.scene.addRect(
                QRectF(region.x - 8, region.y - 8, region.width + 16, region.height + 16),
                frame,
                QBrush(QColor("#f3f6f7" if group.kind == "stage" else "#f8fafb")),
            )
            item.setZValue(-2 if group.kind == "stage" else -1)
            item.setData(ID_KEY, region.id)
            self._frames[region.id] = item
        edges = EdgesItem(prepared.edges)
        edges.setPen(QPen(QColor(EDGE_COLOR), 1.3))
        self.scene.addItem(edges)
        outline, thick = QPen(QColor("#37474f"), 1.0), QPen(QColor("#37474f"), 2.0)
        for box in drawing.boxes:
            text = prepared.texts[box.id]
            item = BoxItem(QRectF(box.x, box.y, box.width, box.height), text, self._fonts)
            item.setBrush(QBrush(QColor(fills[box.id])))
            item.setPen(thick if box.id in drawing.folded else outline)
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
            item.setData(ID_KEY, box.id)
            self.scene.addItem(item)
            self._boxes[box.id] = item
        self._set_tips()

    def _set_tips(self) -> None:
        """The tool tips of the frames and boxes on screen, in the current language."""
        if self.drawing is None:
            return
        for group_id, frame in self._frames.items():
            frame.setToolTip(group_tip(self.drawing.graph.group(group_id)))
        for key, item in self._boxes.items():
            item.setToolTip(box_tip(item.text, key in self.drawing.folded))

    def color_key(self) -> str:
        return str(self.color.currentData())

    def _update_legend(self) -> None:
        if self.graph is not None and self.drawing is not None:
            self._say(self._drawing_legend)

    def _drawing_legend(self) -> str:
        """What the drawing on screen shows: its size, and what its colours mean."""
        assert self.graph is not None and self.drawing is not None
        key = self.color_key()
        if key == "type":
            scale = translate("Graph", "by layer kind")
        else:
            scale = translate("Graph", "white (none) to red (the most), log scale")
            if key == "macs" and any(node.macs is None for node in self.graph.nodes):
                scale = translate("Graph", "{scale}, grey: not counted").format(scale=scale)
        return translate(
            "Graph",
            "{layers} layers, {boxes} boxes · colour: {colour}, {scale} · double-click a box "
            "or frame to open or fold it",
        ).format(
            layers=len(self.graph.nodes),
            boxes=len(self.drawing.boxes),
            colour=color_words()[key],
            scale=scale,
        )

    # --- folding ----------------------------------------------------------------------------

    def toggle(self, box_id: str) -> None:
        if box_id in self._folded:
            self.unfold(box_id)
        elif box_id.partition(":")[0] in ("stage", "block", "model"):
            self._set_folded(self._folded | {box_id})

    def folded(self) -> frozenset[str]:
        return self._folded

    def fold_or_close(self, box_id: str) -> None:
        """Fold a group's frame, or the innermost group around a layer."""
        if box_id.partition(":")[0] in ("stage", "block", "model"):
            self.toggle(box_id)
        else:
            self.fold_around(box_id)

    def unfold(self, box_id: str) -> None:
        if box_id in self._folded:
            self._set_folded(self._folded - {box_id})

    def fold_around(self, box_id: str) -> None:
        """Fold the innermost open group that holds the layer ``box_id``."""
        if self.graph is None or box_id in self._folded:
            return
        node = self.graph.node(box_id)
        if node.groups:
            self._set_folded(self._folded | {node.groups[-1]})

    def _set_folded(self, folded: frozenset[str]) -> None:
        self._folded = folded
        self.redraw()

    @Slot(int)
    def _on_fold_chosen(self, _index: int) -> None:
        if self.graph is not None:
            self._folded = folded_groups(self.graph, str(self.fold.currentData()))
            self.redraw(first=True)

    @Slot(int)
    def _on_color_changed(self, _index: int) -> None:
        self._settings.setValue(COLOR_KEY, self.color_key())
        if self.drawing is not None:
            self.redraw()

    # --- selection --------------------------------------------------------------------------

    def selected_box(self) -> str | None:
        items = self.scene.selectedItems()
        return box_id(items[0]) if items else None

    @Slot()
    def _on_selection_changed(self) -> None:
        selected = self.selected_box()
        if selected is not None and selected in self._rows:
            self._state.select_layer(self._rows[selected])

    @Slot(object)
    def show_layer(self, row: int | None) -> None:
        """Select and centre the box that shows summary row ``row`` (its group's when folded)."""
        if row is None or self.drawing is None or self._state.summary is None:
            return
        selected = self._state.summary.layers[row]
        path = selected.part_of or selected.path  # an RNN's cell: its layer's box
        if path not in self._rows:
            return  # a nested model's own row: it is drawn as its layers
        item = self._boxes.get(self.drawing.shown_as(path))
        if item is None or item.isSelected():
            return
        self.scene.blockSignals(True)
        self.scene.clearSelection()
        item.setSelected(True)
        self.scene.blockSignals(False)
        self.view.centerOn(item)

    def find(self) -> bool:
        """Centre the first layer whose name holds the search text, and select it."""
        text = self.search.text().strip().lower()
        if not text or self.graph is None:
            return False
        for node in self.graph.nodes:
            if text in node.id.lower():
                self._state.select_layer(self._rows[node.id])
                self.show_layer(self._rows[node.id])
                return True
        wanted = repr(self.search.text())
        self._say(
            lambda: translate("Graph", "No layer's name contains {text}.").format(text=wanted)
        )
        return False

    def start_view(self) -> None:
        """Readable at once: 100 % (less if the graph is wider than the view), from the top."""
        self.view.resetTransform()
        rect = self.scene.sceneRect()
        room = self.view.viewport().width()
        scale = font_scale.factor()  # larger text: a closer view
        if rect.width() * scale > room > 0:
            scale = room / rect.width()
        self.view.scale(scale, scale)
        self.view.centerOn(rect.center().x(), rect.top())
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.minimum())
        self.view.update_overview()

    def zoom(self, steps: int) -> None:
        """Ctrl+= and Ctrl+- while the drawing has the focus: ``steps`` zoom steps in or out."""
        self.view.zoom(ZOOM_STEP**steps)

    def set_text_scale(self, old: float, new: float) -> None:
        """The window's text got bigger or smaller: so does the drawing on screen."""
        if old > 0:
            self.view.zoom(new / old)

    def fit(self) -> None:
        self.view.fitInView(self.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        most = font_scale.factor()  # never blow a small graph up past the text size
        if self.view.transform().m11() > most:
            self.view.resetTransform()
            self.view.scale(most, most)
        self.view.update_overview()

    # --- export -----------------------------------------------------------------------------

    def svg(self) -> str:
        reference, summary = self._state.reference, self._state.summary
        assert self.drawing is not None and reference is not None and summary is not None
        return model_svg(self.drawing, reference, summary.totals, self.color_key())

    def export(self, path: str | None = None) -> bool:
        """PNG (twice the drawing's pixels) or SVG, by the file's suffix, written atomically."""
        if self.drawing is None:
            return False
        title, what = translate("Graph", "Export Graph"), translate("Graph", "graph")
        if path is None:
            stem = Path(str(self._state.reference.text() if self._state.reference else "graph"))
            suggested = f"{stem.name.replace(':', '_')}-graph.png"
            path, _ = QFileDialog.getSaveFileName(
                self, title, suggested, translate("Graph", "PNG image (*.png);;SVG drawing (*.svg)")
            )
            if not path:
                return False
        if path.lower().endswith(".svg"):
            return save_text(self, title, what, path, self.svg()) is not None
        if not path.lower().endswith(".png"):
            path += ".png"
        return save_bytes(self, title, what, path, lambda: svg_to_png(self.svg())) is not None
