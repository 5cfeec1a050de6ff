"""The point-and-click designer: a palette of layers, the design's layer list, the selected
layer's properties, undo and redo. Every change emits the new design; the window builds it.

Designs are immutable (``explorer.core.sources.designs.model``): an edit is a pair of snapshots on a
QUndoStack, so undo and redo cannot drift from what was shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from explorer.core.base.errors import ParameterError, user_message
from explorer.core.exports.summaries import shape_text
from explorer.core.sources.designs.kinds import KINDS
from explorer.core.sources.designs.model import (
    Design,
    DesignLayer,
    layer_kinds,
    new_layer,
)
from explorer.core.sources.designs.shapes import LayerCheck, check
from explorer.qt.i18n import follow, translate, translated
from explorer.qt.panels.designer_undo import DesignUndoKeys, Edit, moved_words
from explorer.qt.widgets.design_palette import PaletteList
from explorer.qt.widgets.param_form import ParameterForm

_PROBLEM = QColor("#b00020")
_PROBLEM_BACKGROUND = QColor("#fde7e9")


def starter_design() -> Design:
    """What New gives: an input to build on."""
    return Design("my-design", (DesignLayer("Input", "input_layer", (("shape", (32, 32, 3)),)),))


class DesignerPanel(QWidget):
    design_changed = Signal(object)  # Design

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.design = starter_design()
        self.checks: tuple[LayerCheck, ...] = check(self.design)
        self.undo_stack = QUndoStack(self)

        self.palette = PaletteList(layer_kinds())  # drags onto the design canvas too
        self.palette.setMinimumWidth(100)
        self.palette.setCurrentRow(1)
        self.palette.itemDoubleClicked.connect(lambda item: self.add_layer(item.text()))
        self.add_button = QPushButton()
        self.add_button.clicked.connect(lambda: self.add_layer(self.palette.currentItem().text()))

        self.layers = QListWidget()
        self.layers.setMinimumWidth(140)
        self.layers.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.layers.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.layers.currentRowChanged.connect(lambda _row: self._show_properties())
        self.layers.model().rowsMoved.connect(self._on_rows_dragged)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(lambda: self.delete_layer(self.layers.currentRow()))
        self.up_button = QPushButton()
        self.up_button.clicked.connect(lambda: self.move_layer(self.layers.currentRow(), -1))
        self.down_button = QPushButton()
        self.down_button.clicked.connect(lambda: self.move_layer(self.layers.currentRow(), 1))

        self.design_name = QLineEdit(self.design.name)
        self.design_name.editingFinished.connect(self._on_design_renamed)
        self.layer_name = QLineEdit()
        self.layer_name.editingFinished.connect(self._on_layer_renamed)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {_PROBLEM.name()};")
        self.properties = ParameterForm(resettable=False)
        self.properties.values_edited.connect(self._on_properties_edited)
        self.kind_label = QLabel()
        self.kind_label.setWordWrap(True)
        self.palette_label = QLabel()
        self.layers_label = QLabel()
        self.layer_name_label = QLabel()
        self.design_name_label = QLabel()

        # Made here rather than by QUndoStack.createUndoAction, whose "Undo" prefix could not
        # follow a change of language; the stack's signals keep them enabled and named.
        stack = self.undo_stack
        self.undo_action = QAction(self)
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(stack.undo)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.redo_action = QAction(self)
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)  # Ctrl+Y, Ctrl+Shift+Z
        self.redo_action.triggered.connect(stack.redo)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        for action in (self.undo_action, self.redo_action):
            action.setEnabled(False)
            self.addAction(action)  # window-wide: also in the Edit menu
        # The slots take the stack's texts, never the stack: it also signals while it is deleted.
        stack.undoTextChanged.connect(self._name_undo_action)
        stack.redoTextChanged.connect(self._name_redo_action)
        # In a property field, Ctrl+Z and Ctrl+Y undo and redo the design, not the field's text.
        self._undo_keys = DesignUndoKeys(self)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._on_focus_changed)
        # The window adds its file and code actions before these; what does not fit folds
        # into the toolbar's ">>" menu, so the dock can stay narrow.
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions([self.undo_action, self.redo_action])
        self._layout()
        self._show(self.design, 0)
        follow(self, self._retranslate)

    def _retranslate(self) -> None:
        """Every text of the panel in the current language, the undo history's included."""
        self.palette_label.setText(translate("Designer", "Palette"))
        self.layers_label.setText(translate("Designer", "Layers (drag to reorder)"))
        self.layer_name_label.setText(translate("Designer", "Name"))
        self.design_name_label.setText(translate("Designer", "Design"))
        self.add_button.setText(translate("Designer", "Add ▸"))
        self.add_button.setToolTip(
            translate(
                "Designer", "Insert the chosen kind after the selected layer (or double-click it)"
            )
        )
        self.delete_button.setText(translate("Designer", "Delete"))
        self.up_button.setText(translate("Designer", "Up"))
        self.down_button.setText(translate("Designer", "Down"))
        for row in range(self.palette.count()):
            item = self.palette.item(row)
            item.setToolTip(translated(KINDS[item.text()].description))
        self.undo_action.setStatusTip(translate("Designer", "Undo the last change to the design"))
        self.redo_action.setStatusTip(translate("Designer", "Redo the last change to the design"))
        for index in range(self.undo_stack.count()):
            command = self.undo_stack.command(index)
            if isinstance(command, Edit):
                command.setText(command.words())
        self._name_undo_action(self.undo_stack.undoText())
        self._name_redo_action(self.undo_stack.redoText())
        for row, result in enumerate(self.checks):
            self.layers.item(row).setToolTip(translated(result.problem or ""))
        self._describe_layer()

    @Slot(str)
    def _name_undo_action(self, change: str) -> None:
        self.undo_action.setText(
            translate("Designer", "Undo {change}").format(change=change)
            if change
            else translate("Designer", "Undo")
        )

    @Slot(str)
    def _name_redo_action(self, change: str) -> None:
        self.redo_action.setText(
            translate("Designer", "Redo {change}").format(change=change)
            if change
            else translate("Designer", "Redo")
        )

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.isAncestorOf(new):
            new.installEventFilter(self._undo_keys)

    def add_tools(self, actions: list[QAction]) -> None:
        """Put ``actions`` first on the designer's toolbar."""
        self.toolbar.insertActions(self.undo_action, actions)
        self.toolbar.insertSeparator(self.undo_action)

    def _layout(self) -> None:
        palette_box = QWidget()
        column = QVBoxLayout(palette_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.palette_label)
        column.addWidget(self.palette, 1)
        column.addWidget(self.add_button)
        layers_box = QWidget()
        column = QVBoxLayout(layers_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.layers_label)
        column.addWidget(self.layers, 1)
        row = QHBoxLayout()
        for button in (self.delete_button, self.up_button, self.down_button):
            row.addWidget(button)
        column.addLayout(row)
        lists = QSplitter(Qt.Orientation.Vertical)  # a narrow side panel: one above the other
        lists.setChildrenCollapsible(False)
        lists.addWidget(palette_box)
        lists.addWidget(layers_box)
        lists.setStretchFactor(1, 2)
        properties_box = QWidget()
        form = QFormLayout(properties_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.kind_label)
        form.addRow(self.layer_name_label, self.layer_name)
        form.addRow(self.problem)
        form.addRow(self.properties)
        header = QFormLayout()
        header.addRow(self.design_name_label, self.design_name)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addLayout(header)
        # A box layout, not a splitter: it gives the wrapped texts the height they need, and a
        # side panel too short for all of it scrolls (MainWindow puts the designer in one).
        layout.addWidget(lists, 3)
        layout.addWidget(properties_box, 2)

    # --- showing ---------------------------------------------------------------------------

    def _show(self, design: Design, row: int) -> None:
        """Show ``design`` with layer ``row`` selected, and announce it."""
        self.design = design
        self.checks = check(design)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        with QSignalBlocker(self.layers):
            self.layers.clear()
            for result in self.checks:
                item = QListWidgetItem(self._item_text(result))
                if not result.ok:
                    item.setForeground(QBrush(_PROBLEM))
                    item.setBackground(QBrush(_PROBLEM_BACKGROUND))
                    item.setIcon(warning)
                    item.setToolTip(translated(result.problem or ""))
                self.layers.addItem(item)
            self.layers.setCurrentRow(min(max(row, 0), len(design.layers) - 1))
        with QSignalBlocker(self.design_name):
            self.design_name.setText(design.name)
        self._show_properties()
        self.design_changed.emit(design)

    @staticmethod
    def _item_text(result: LayerCheck) -> str:
        shape = shape_text(result.output_shape) if result.output_shape is not None else "—"
        return f"{result.index + 1}. {result.name}  ({result.kind})  {shape}"

    def _show_properties(self) -> None:
        row = self.layers.currentRow()
        has_row = 0 <= row < len(self.design.layers)
        for widget in (self.delete_button, self.up_button, self.down_button, self.layer_name):
            widget.setEnabled(has_row)
        if not has_row:
            return
        layer = self.design.layers[row]
        with QSignalBlocker(self.layer_name):
            self.layer_name.setText(layer.name)
        if self.properties.architecture() is not KINDS[layer.kind]:
            self.properties.set_architecture(KINDS[layer.kind], layer.values)
        else:
            self.properties.set_values(layer.values)
            self.properties.clear_errors()
        self._describe_layer()

    def _describe_layer(self) -> None:
        """The selected layer's kind, what it does and why it cannot work, if it cannot."""
        row = self.layers.currentRow()
        if not 0 <= row < len(self.design.layers):
            return
        kind, result = self.design.layers[row].kind, self.checks[row]
        self.kind_label.setText(f"<b>{kind}</b> — {translated(KINDS[kind].description)}")
        self.problem.setText(translated(result.problem or ""))
        self.problem.setVisible(not result.ok)

    def problems(self) -> dict[str, str]:
        """Layer name -> why it cannot work, for every layer that cannot."""
        return {r.name: r.problem for r in self.checks if r.problem is not None}

    # --- editing ---------------------------------------------------------------------------

    def _edit(
        self,
        after: Design,
        row: int,
        words: Callable[[], str],
        merge_key: tuple[object, ...] | None = None,
    ) -> None:
        before = (self.design, self.layers.currentRow())
        self.undo_stack.push(Edit(self._show, before, (after, row), words, merge_key))

    def edit(self, after: Design, words: Callable[[], str], selected: str | None = None) -> None:
        """One undo step to ``after`` (a canvas edit), with layer ``selected`` selected (else the
        row selected now, as far as there are rows)."""
        names = [layer.name for layer in after.layers]
        row = names.index(selected) if selected in names else self.layers.currentRow()
        self._edit(after, row, words)

    def select(self, name: str) -> None:
        """Select layer ``name`` in the list and show its properties."""
        names = [layer.name for layer in self.design.layers]
        if name in names:
            self.layers.setCurrentRow(names.index(name))

    def selected_name(self) -> str | None:
        row = self.layers.currentRow()
        return self.design.layers[row].name if 0 <= row < len(self.design.layers) else None

    def add_layer(self, kind: str, **args: object) -> None:
        """Insert a new ``kind`` after the selected layer."""
        row = self.layers.currentRow() + 1 if self.design.layers else 0
        layer = new_layer(self.design, kind, **args)
        name = layer.name
        self._edit(
            self.design.insert(row, layer),
            row,
            lambda: translate("Designer", "Add {name}").format(name=name),
        )

    def delete_layer(self, row: int) -> None:
        if 0 <= row < len(self.design.layers):
            name = self.design.layers[row].name
            self._edit(
                self.design.remove(row),
                row,
                lambda: translate("Designer", "Delete {name}").format(name=name),
            )

    def move_layer(self, row: int, step: int) -> None:
        target = row + step
        if 0 <= row < len(self.design.layers) and 0 <= target < len(self.design.layers):
            after = self._moved(row, target)
            if after is not None:
                self._edit(after, target, moved_words(self.design.layers[row].name))

    def _moved(self, row: int, target: int) -> Design | None:
        """The design with layer ``row`` at ``target``; None when the move is refused (a layer
        that takes "the previous layer" would then take one that it feeds), which is said
        under the properties, and the list shows the design as it was."""
        try:
            return self.design.move(row, target)
        except ParameterError as error:
            message = user_message(error)  # "Conv2D y: its inputs make a cycle: y → x → y"
            self._show(self.design, row)
            self.properties.show_error(None, translated(message))
            return None

    def _on_rows_dragged(
        self, _parent: QModelIndex, start: int, _end: int, _target: QModelIndex, row: int
    ) -> None:
        """The list moved an item itself; redo the move on the design (after Qt is done)."""
        target = row if row < start else row - 1
        if target != start:
            name = self.design.layers[start].name
            QTimer.singleShot(0, lambda: self._drag_done(start, target, name))

    def _drag_done(self, start: int, target: int, name: str) -> None:
        after = self._moved(start, target)  # after Qt is done with the list's own move
        if after is not None:
            self._edit(after, target, moved_words(name))

    def _on_properties_edited(self) -> None:
        row = self.layers.currentRow()
        if not 0 <= row < len(self.design.layers):
            return
        try:
            after = self.design.with_args(row, self.properties.values())
        except ParameterError as error:
            self.properties.show_error(error.param, translated(error.message))
            return
        if after != self.design:
            name = self.design.layers[row].name
            self._edit(
                after,
                row,
                lambda: translate("Designer", "Change {name}").format(name=name),
                merge_key=("args", row),
            )

    def _on_layer_renamed(self) -> None:
        row = self.layers.currentRow()
        name = self.layer_name.text().strip()
        if not 0 <= row < len(self.design.layers) or name == self.design.layers[row].name:
            return
        try:
            after = self.design.rename(row, name)
        except ParameterError as error:
            self.properties.show_error(None, translated(error.message))
            return
        old = self.design.layers[row].name
        self._edit(
            after,
            row,
            lambda: translate("Designer", "Rename {old} to {new}").format(old=old, new=name),
        )

    def _on_design_renamed(self) -> None:
        name = self.design_name.text().strip()
        if name == self.design.name:
            return
        try:
            after = self.design.renamed(name)
        except ParameterError as error:
            self.properties.show_error(None, translated(error.message))
            with QSignalBlocker(self.design_name):
                self.design_name.setText(self.design.name)
            return
        self._edit(
            after,
            self.layers.currentRow(),
            lambda: translate("Designer", "Rename the design to {name}").format(name=name),
        )

    def set_design(self, design: Design) -> None:
        """Start over with ``design`` (opened or copied): undo history cleared, marked clean."""
        self.undo_stack.clear()
        self._show(design, len(design.layers) - 1)
        self.undo_stack.setClean()
