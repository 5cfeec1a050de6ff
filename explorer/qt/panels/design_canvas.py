"""The design canvas: the design's layers as boxes with ports, wired by dragging from an output
port to an input port, edited in place (the Graph view's edit mode).

The canvas edits nothing itself: every action makes the next immutable ``Design`` and hands it
to the designer's undo stack (``DesignerPanel.edit``), one step an action; the canvas draws
whatever the designer shows, so undo, redo and the layer list cannot drift from it. A refused
action (a cycle, too many inputs) is explained under the canvas and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, QSignalBlocker, Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGraphicsScene,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from explorer.core.base.errors import ParameterError, user_message
from explorer.core.exports.summaries import shape_text
from explorer.core.sources.designs.kinds import KINDS
from explorer.core.sources.designs.model import Design, DesignLayer, new_layer
from explorer.core.sources.designs.shapes import LayerCheck
from explorer.qt.i18n import follow, translate, translated
from explorer.qt.panels.design_canvas_view import CanvasView
from explorer.qt.panels.designer import DesignerPanel
from explorer.qt.widgets.design_items import (
    BlockItem,
    FrameItem,
    NodeItem,
    NodeLook,
    WireItem,
)
from explorer.qt.widgets.design_layout import NODE_H, NODE_W, auto_layout, positions

Words = Callable[[], str]
MARGIN = 400.0  # scene room around the layers: space to drop the next ones
READABLE = 0.6  # the smallest scale a box's text reads at: a tall design opens at it


def _names(names: Iterable[str]) -> str:
    return ", ".join(names)


def pinned(design: Design) -> Design:
    """``design`` with its inputs written out and every layer where the canvas shows it, so a
    structural edit moves nothing the user sees (an unplaced layer would be laid out again)."""
    design = design.explicit()
    shown = positions(design)
    loose = {layer.name: shown[layer.name] for layer in design.layers if layer.position is None}
    return design.placed(loose) if loose else design


def port_labels(design: Design, layer: DesignLayer) -> tuple[str, ...]:
    """The labels of the input ports a layer shows: one a connection, and one more free port
    while it takes more (at least as many as it needs); a one-input layer's is unlabelled."""
    kind = KINDS[layer.kind]
    if kind.max_inputs == 0:
        return ()
    count = len(design.inputs_of(layer.name))
    most = kind.max_inputs
    shown = max(count + 1 if most is None or count < most else count, kind.min_inputs, 1)
    if most == 1:
        return ("",)
    names = kind.port_names(shown if most is None else min(shown, most))
    return tuple(translated(name) for name in names)  # query, value; numbers stay


class DesignCanvas(QWidget):
    """The canvas with its tools (auto-layout, fit) and the line that says why an action was
    refused."""

    def __init__(self, designer: DesignerPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.designer = designer
        self.nodes: dict[str, NodeItem] = {}
        self.wires: list[WireItem] = []
        self.blocks: dict[str, BlockItem] = {}
        self.frames: dict[str, FrameItem] = {}
        self.folded: set[str] = set()  # the blocks drawn as one box (the view's, not the design's)
        self._syncing = False  # selecting in the list because the canvas did, or back
        self._stale = True  # the design changed while the canvas was hidden
        self._refusal: Words = lambda: ""
        self.scene = QGraphicsScene(self)
        self.scene.selectionChanged.connect(self._on_selection_changed)
        self.view = CanvasView(self, self)
        self.view.setScene(self.scene)
        self.layout_button = QPushButton()
        self.layout_button.clicked.connect(self.auto_layout)
        self.fit_button = QPushButton()
        self.fit_button.clicked.connect(self.fit)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.message = QLabel()  # on its own paper: red on pink reads in light and dark colours
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; background: #fde7e9; padding: 3px;")
        self.message.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.hint, 1)
        bar.addWidget(self.layout_button)
        bar.addWidget(self.fit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        designer.design_changed.connect(self._on_design_changed)
        designer.layers.currentRowChanged.connect(self._follow_list)
        follow(self, self._retranslate)

    def _retranslate(self) -> None:
        self.layout_button.setText(translate("DesignCanvas", "Auto-layout"))
        self.layout_button.setToolTip(
            translate("DesignCanvas", "Lay every layer out again along its connections")
        )
        self.fit_button.setText(translate("DesignCanvas", "Fit"))
        self.fit_button.setToolTip(translate("DesignCanvas", "Show the whole design"))
        self.hint.setText(
            translate(
                "DesignCanvas",
                "Drag a kind from the palette here; drag from a layer's bottom port to another "
                "layer's top port to connect; right-click for more.",
            )
        )
        self.message.setText(self._refusal())
        if not self._stale:
            self.draw()  # the boxes' words

    # --- drawing ----------------------------------------------------------------------------

    @Slot(object)
    def _on_design_changed(self, _design: Design) -> None:
        self._stale = True
        if self.isVisible():
            self.draw()
            if self.designer.undo_stack.count() == 0:  # a design opened or begun
                self.start_view()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.draw()
            self.start_view()

    def draw(self) -> None:
        """Draw the designer's design as it is now, keeping the selection."""
        self._stale = False
        design, checks = self.designer.design, self.designer.checks
        kept = self.selected_names()
        self.scene.clear()
        self.nodes, self.wires, self.blocks, self.frames = {}, [], {}, {}
        where = positions(design)
        groups = design.groups()
        self.folded &= set(groups)
        inside = {m: block for block in self.folded for m in groups[block]}
        outputs = set(design.output_names())
        for layer, result in zip(design.layers, checks, strict=True):
            if layer.name in inside:
                continue
            node = NodeItem(self._look(design, layer, result, layer.name in outputs))
            node.setPos(*where[layer.name])
            self.scene.addItem(node)
            self.nodes[layer.name] = node
        for block, members in groups.items():
            corners = [where[m] for m in members]
            if block in self.folded:
                corner = QPointF(min(x for x, _ in corners), min(y for _, y in corners))
                lines = (
                    translate("DesignCanvas", "{block} (block)").format(block=block),
                    translate("DesignCanvas", "{count} layers · double-click to open").format(
                        count=len(members)
                    ),
                )
                item = BlockItem(block, corner, lines)
                self.scene.addItem(item)
                self.blocks[block] = item
            else:
                rect = QRectF()
                for x, y in corners:
                    rect = rect.united(QRectF(x, y, NODE_W, NODE_H))
                label = translate("DesignCanvas", "{block} · double-click to fold").format(
                    block=block
                )
                frame = FrameItem(block, rect.adjusted(-16, -24, 16, 16), label)
                self.scene.addItem(frame)
                self.frames[block] = frame
        self._wire(design, checks, inside)
        self.scene.setSceneRect(
            self.scene.itemsBoundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        )
        # The boxes selected before, as long as they hold the list's layer (an edit may select
        # another: a connection selects the layer it feeds); else that layer alone.
        listed = self.designer.selected_name() or ""
        chosen = kept & set(self.nodes) if listed in kept else {listed}
        with QSignalBlocker(self.scene):
            for name in chosen & set(self.nodes):
                self.nodes[name].setSelected(True)

    def _wire(self, design: Design, checks: tuple[LayerCheck, ...], inside: dict[str, str]) -> None:
        for layer, result in zip(design.layers, checks, strict=True):
            for slot, source in enumerate(design.inputs_of(layer.name)):
                if source in inside and inside[source] == inside.get(layer.name):
                    continue  # within a folded block
                ends = (self._end(source, None, inside), self._end(layer.name, slot, inside))
                bad = slot in result.bad_inputs
                wire = WireItem(source, layer.name, slot, ends, bad)
                self.scene.addItem(wire)
                self.wires.append(wire)
                for name in (source, layer.name):
                    if name in self.nodes:
                        self.nodes[name].wires.append(wire)

    def _end(self, name: str, slot: int | None, inside: dict[str, str]) -> Callable[[], QPointF]:
        """Where a wire ends at layer ``name``: its port, or its folded block's edge."""
        if name in inside:
            block = self.blocks[inside[name]]
            return block.bottom if slot is None else block.top
        return self.nodes[name].port(slot).centre

    def _look(
        self, design: Design, layer: DesignLayer, result: LayerCheck, output: bool
    ) -> NodeLook:
        note, problem = None, False
        if result.problem is not None:
            note, problem = translated(result.problem), True
        elif not result.connected:
            note = translate("DesignCanvas", "not part of the model")
        shape = shape_text(result.output_shape) if result.output_shape is not None else "—"
        return NodeLook(
            layer.name,
            layer.kind,
            shape,
            port_labels(design, layer),
            len(design.inputs_of(layer.name)),
            output,
            note,
            problem,
            translate("DesignCanvas", "output"),
        )

    def start_view(self) -> None:
        """All of the design when its boxes can still be read so, else readable from its top
        (``READABLE``): Fit shows all of it on demand."""
        self.fit()
        if self.view.transform().m11() >= READABLE:
            return
        rect = self.scene.itemsBoundingRect().adjusted(-20, -20, 20, 20)
        self.view.resetTransform()
        self.view.scale(READABLE, READABLE)
        half = self.view.viewport().height() / READABLE / 2
        self.view.centerOn(rect.center().x(), rect.top() + half)

    def fit(self) -> None:
        rect = self.scene.itemsBoundingRect().adjusted(-20, -20, 20, 20)
        self.view.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.view.transform().m11() > 1.0:  # never blown up past its size
            self.view.resetTransform()
            self.view.centerOn(rect.center())

    # --- selection --------------------------------------------------------------------------

    def selected_names(self) -> set[str]:
        return {item.name for item in self.scene.selectedItems() if isinstance(item, NodeItem)}

    def selected_wires(self) -> list[WireItem]:
        return [item for item in self.scene.selectedItems() if isinstance(item, WireItem)]

    @Slot()
    def _on_selection_changed(self) -> None:
        names = self.selected_names()
        if len(names) == 1 and not self._syncing:
            self._syncing = True
            self.designer.select(names.pop())
            self._syncing = False

    @Slot(int)
    def _follow_list(self, row: int) -> None:
        if self._syncing or not 0 <= row < len(self.designer.design.layers):
            return
        node = self.nodes.get(self.designer.design.layers[row].name)
        if node is None or (node.isSelected() and len(self.scene.selectedItems()) == 1):
            return
        self._syncing = True
        self.scene.clearSelection()
        node.setSelected(True)
        self.view.ensureVisible(node)
        self._syncing = False

    # --- editing: each one undo step of the designer ----------------------------------------

    def say(self, words: Words) -> None:
        """Say under the canvas why the last action was refused (nothing, to clear it)."""
        self._refusal = words
        self.message.setText(words())
        self.message.setVisible(bool(words()))

    def apply(
        self, change: Callable[[Design], Design], words: Words, selected: str | None = None
    ) -> bool:
        """Make the change on the design as one undo step; a refusal is said, nothing changes."""
        try:
            after = change(self.designer.design)
        except ParameterError as error:
            message = user_message(error)  # "Add add: takes 2 inputs, not 3"
            self.say(lambda: translated(message))
            return False
        self.say(lambda: "")
        if after == self.designer.design:
            return False
        self.designer.edit(after, words, selected)
        return True

    def add(self, kind: str, at: QPointF) -> bool:
        """A new ``kind`` layer, not connected yet, its box centred at ``at``."""
        corner = (round(at.x() - NODE_W / 2, 1), round(at.y() - NODE_H / 2, 1))
        layer = new_layer(self.designer.design, kind)
        name = layer.name
        placed = replace(layer, inputs=(), position=corner)
        return self.apply(
            lambda d: pinned(d).add_layer(placed),
            lambda: translate("DesignCanvas", "Add {name}").format(name=name),
            name,
        )

    def connect(self, source: str, target: str, slot: int | None) -> bool:
        """``source``'s output into ``target``'s input ``slot`` (None: a new last input); an
        output wired on to a layer leading nowhere passes its mark on (``carry_output``)."""
        if KINDS[self.designer.design.layer(target).kind].max_inputs == 1:
            slot = None  # its one input, replaced
        return self.apply(
            lambda d: pinned(d).connect(source, target, slot).carry_output(source, target),
            lambda: translate("DesignCanvas", "Connect {source} to {target}").format(
                source=source, target=target
            ),
            target,
        )

    def delete_selected(self) -> bool:
        """The selected layers and connections, in one step."""
        names = sorted(self.selected_names(), key=self.designer.design.index)
        pairs = list(
            dict.fromkeys(
                (w.source, w.target)
                for w in self.selected_wires()
                if w.source not in names and w.target not in names
            )
        )
        if not names and not pairs:
            return False

        def change(design: Design) -> Design:
            design = pinned(design)
            for name in names:
                design = design.remove_layer(name)
            for source, target in pairs:
                design = design.disconnect(source, target)
            return design

        what = _names([*names, *(f"{s} → {t}" for s, t in pairs)])
        return self.apply(
            change, lambda: translate("DesignCanvas", "Delete {what}").format(what=what)
        )

    def moved(self, places: dict[str, tuple[float, float]]) -> bool:
        """Layers dragged to new places: one step however many moved together."""
        what = _names(places)
        return self.apply(
            lambda d: d.placed(places),
            lambda: translate("DesignCanvas", "Move {what}").format(what=what),
        )

    def auto_layout(self) -> bool:
        done = self.apply(
            lambda d: d.placed(auto_layout(d)), lambda: translate("DesignCanvas", "Auto-layout")
        )
        self.fit()
        return done

    def set_output(self, name: str, output: bool) -> bool:
        """Mark ``name`` as a model output, or no longer. A design begun on the canvas has its
        Input as its output until something is marked: the first mark takes the Input's place."""

        def change(design: Design) -> Design:
            if not output:
                return design.set_output(name, False)
            before = design.output_names()
            design = design.set_output(name, True)
            if all(design.layer(o).kind == "Input" for o in before):
                for placeholder in before:
                    design = design.set_output(placeholder, False)
            return design

        def words() -> str:
            if output:
                return translate("DesignCanvas", "Mark {name} as an output").format(name=name)
            return translate("DesignCanvas", "{name} no longer an output").format(name=name)

        return self.apply(change, words, name)

    def expand(self, name: str) -> bool:
        return self.apply(
            lambda d: pinned(d).expand_block(name),
            lambda: translate("DesignCanvas", "Expand {name}").format(name=name),
        )

    def group(self, names: Iterable[str], block: str | None = None) -> bool:
        """The layers ``names`` as a named block; the name is asked for when not given."""
        chosen = sorted(names, key=self.designer.design.index)
        if not chosen:
            return False
        block = block if block is not None else self.ask_block_name()
        if not block:
            return False
        return self.apply(
            lambda d: d.group_as_block(chosen, block),
            lambda: translate("DesignCanvas", "Group {what} as {block}").format(
                what=_names(chosen), block=block
            ),
        )

    def ask_block_name(self) -> str:
        taken = set(self.designer.design.groups())
        default = next(f"block{n}" for n in range(1, len(taken) + 2) if f"block{n}" not in taken)
        name, ok = QInputDialog.getText(
            self,
            translate("DesignCanvas", "Group as Block"),
            translate("DesignCanvas", "The block's name:"),
            text=default,
        )
        return name.strip() if ok else ""

    def ungroup(self, block: str) -> bool:
        self.folded.discard(block)
        return self.apply(
            lambda d: d.ungroup(block),
            lambda: translate("DesignCanvas", "Ungroup {block}").format(block=block),
        )

    def toggle_fold(self, block: str) -> None:
        """Fold a block into one box, or open it (the view's choice: no undo step)."""
        self.folded ^= {block}
        self.draw()
