"""An editor per parameter spec, so every architecture gets a form without code of its own."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from explorer.core.base.shapes import FixedShape
from explorer.core.params.specs import (
    BoolParam,
    ChoiceParam,
    FloatParam,
    IntParam,
    Param,
    ShapeParam,
    Value,
    label_of,
)
from explorer.core.references.architecture import Architecture
from explorer.core.sources.designs.kinds import LayerKind
from explorer.qt.i18n import follow, translate, translated

SpinBox = TypeVar("SpinBox", QSpinBox, QDoubleSpinBox)

# One stylesheet on the form: a dynamic ``invalid`` property turns an editor's border red.
_STYLE = """
QLabel[error="true"] { color: #c62828; }
QSpinBox[invalid="true"], QDoubleSpinBox[invalid="true"], QComboBox[invalid="true"] {
    border: 1px solid #c62828;
}
QCheckBox[invalid="true"] { color: #c62828; }
"""


class _WheelGuard(QObject):
    """Lets a scrolling form scroll past an unfocused editor instead of changing its value."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        wheel = event.type() == QEvent.Type.Wheel
        if wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # ignored, so the parent (a scroll area) gets the wheel
            return True
        return False


def _guard_wheel(widget: QWidget) -> None:
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(_WheelGuard(widget))


def _number_box(box: SpinBox, minimum: float, maximum: float) -> SpinBox:
    """Keyboard tracking off: typing "120" is one edit, not "1", "12" and "120"."""
    box.setRange(minimum, maximum)  # type: ignore[arg-type]  # whole numbers for a QSpinBox
    box.setGroupSeparatorShown(True)
    box.setKeyboardTracking(False)
    _guard_wheel(box)
    return box


def _error_label() -> QLabel:
    label = QLabel()
    label.setProperty("error", True)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def _set_invalid(editor: QWidget, invalid: bool) -> None:
    """Re-polishes, because Qt applies property selectors only when a widget is polished."""
    for widget in [editor, *editor.findChildren(QAbstractSpinBox)]:
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


_SHAPE_BOX_WIDTH = 58  # pixels: "1,024" and the arrows; larger values scroll in the box


class ShapeEditor(QWidget):
    """height x width x channels as spin boxes, so a shape cannot be typed malformed. A spec that
    also takes a sequence gets a choice above them: an image, a sequence (steps x features) or
    token ids (steps), each showing its own spin boxes."""

    value_changed = Signal()

    def __init__(self, spec: ShapeParam, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spec = spec
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        self.rank_choice: QComboBox | None = None
        if spec.sequence:
            self.rank_choice = QComboBox()
            self.rank_choice.setObjectName("rank")
            for rank in spec.ranks:
                self.rank_choice.addItem("", rank)
            _guard_wheel(self.rank_choice)
            self.rank_choice.currentIndexChanged.connect(self._on_rank_chosen)
            column.addWidget(self.rank_choice)
        row = QHBoxLayout()
        column.addLayout(row)
        self._spins: list[QSpinBox] = []
        self._times: list[QLabel] = []
        for index in range(spec.rank):
            spin = _number_box(QSpinBox(), 1, spec.max_size)
            spin.setMinimumWidth(_SHAPE_BOX_WIDTH)  # three fit a narrow side panel
            spin.valueChanged.connect(self.value_changed)
            if index:
                self._times.append(QLabel())
                row.addWidget(self._times[-1])
            row.addWidget(spin, 1)
            self._spins.append(spin)
        self._rank = spec.rank
        self._show_rank(spec.rank)
        self.set_value(spec.default)
        follow(self, self._retranslate)

    def _names(self, rank: int) -> tuple[str, ...]:
        if rank == self._spec.rank:
            sides = rank - 1
            names = (
                ("height", "width") if sides == 2 else tuple(f"side_{i + 1}" for i in range(sides))
            )
            return (*names, "channels")
        return ("steps", "features")[:rank]

    def _show_rank(self, rank: int) -> None:
        """Shows the first ``rank`` spin boxes, named and bounded for that kind of shape."""
        self._rank = rank
        spec, names = self._spec, self._names(rank)
        for index, spin in enumerate(self._spins):
            shown_here = index < rank
            spin.setVisible(shown_here)
            if index:
                self._times[index - 1].setVisible(shown_here)
            if shown_here:
                spin.setObjectName(names[index])
                wide = names[index] in ("channels", "features")
                with QSignalBlocker(spin):  # a value clamped here is no edit: set_value follows
                    spin.setRange(
                        1 if wide else spec.min_size, spec.max_channels if wide else spec.max_size
                    )
        if self.rank_choice is not None:
            with QSignalBlocker(self.rank_choice):
                self.rank_choice.setCurrentIndex(self.rank_choice.findData(rank))
        self._retranslate()

    def _on_rank_chosen(self, _index: int) -> None:
        """The first size stays (height or steps); an image is square, and channels or
        features start as the default's channels."""
        assert self.rank_choice is not None
        first, channels = self._spins[0].value(), self._spec.default[-1]
        rank = int(self.rank_choice.currentData())
        image = (*(first,) * (self._spec.rank - 1), channels)
        self.set_value({self._spec.rank: image, 2: (first, channels), 1: (first,)}[rank])
        self.value_changed.emit()

    def _retranslate(self) -> None:
        for times in self._times:
            times.setText(translate("ParameterForm", "x"))
        if self.rank_choice is not None:
            kinds = {
                self._spec.rank: translate("ParameterForm", "image: height x width x channels"),
                2: translate("ParameterForm", "sequence: steps x features"),
                1: translate("ParameterForm", "token ids or a vector: steps"),
            }
            for index in range(self.rank_choice.count()):
                self.rank_choice.setItemText(index, kinds[int(self.rank_choice.itemData(index))])
        tips = {
            "height": translate("ParameterForm", "Height: {low} to {high}"),
            "width": translate("ParameterForm", "Width: {low} to {high}"),
            "channels": translate("ParameterForm", "Channels: {low} to {high}"),
            "steps": translate("ParameterForm", "Steps: {low} to {high}"),
            "features": translate("ParameterForm", "Features: {low} to {high}"),
        }
        for number, spin in enumerate(self._spins, start=1):
            tip = tips.get(
                spin.objectName(), translate("ParameterForm", "Side {number}: {low} to {high}")
            )
            spin.setToolTip(
                tip.format(number=number, low=f"{spin.minimum():,}", high=f"{spin.maximum():,}")
            )

    def focus_widgets(self) -> list[QWidget]:
        """What Tab visits, in order (a hidden spin box is skipped by Qt)."""
        return [*([self.rank_choice] if self.rank_choice is not None else []), *self._spins]

    def value(self) -> FixedShape:
        return tuple(spin.value() for spin in self._spins[: self._rank])

    def set_value(self, shape: FixedShape) -> None:
        if len(shape) not in self._spec.ranks:
            raise ValueError(f"expected {self._spec.ranks} values, got {shape!r}")
        if len(shape) != self._rank:
            self._show_rank(len(shape))
        for spin, size in zip(self._spins, shape, strict=False):
            with QSignalBlocker(spin):
                spin.setValue(size)


@dataclass(frozen=True)
class _Field:
    """An editor and what the form needs of it, so the widget type is looked at only once."""

    editor: QWidget
    edited: SignalInstance
    read: Callable[[], Value]
    write: Callable[[Any], None]
    error: QLabel = field(default_factory=_error_label)


def _make_field(spec: Param) -> _Field:
    """The spec type picks the widget; ranges and choices come from the spec itself."""
    if isinstance(spec, (IntParam, FloatParam)):
        number = QSpinBox() if isinstance(spec, IntParam) else QDoubleSpinBox()
        if isinstance(number, QDoubleSpinBox):
            number.setDecimals(4)
            number.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        _number_box(number, spec.minimum, spec.maximum)
        if isinstance(spec, IntParam) and spec.zero_text and spec.minimum == 0:
            zero = spec.zero_text  # "same as the pool size", not "0"
            follow(number, lambda: number.setSpecialValueText(translated(zero)))
        return _Field(number, number.valueChanged, number.value, number.setValue)
    if isinstance(spec, ChoiceParam):
        return _choice_field(spec)
    if isinstance(spec, BoolParam):
        box = QCheckBox()
        return _Field(box, box.toggled, box.isChecked, box.setChecked)
    shape = ShapeEditor(spec)
    return _Field(shape, shape.value_changed, shape.value, shape.set_value)


def _name_row(spec: Param, label: QLabel, editor: QWidget) -> None:
    """A row's label, and its help with what is allowed as the label's and editor's tip."""
    label.setText(translated(label_of(spec)))
    tip = translate("ParameterForm", "{help}\nAllowed: {allowed}").format(
        help=translated(spec.help), allowed=translated(spec.allowed())
    )
    label.setToolTip(tip)
    editor.setToolTip(tip)


def _choice_field(spec: ChoiceParam) -> _Field:
    """Each choice is shown in the current language where the core marks it ("paper"; values
    such as "relu" stay as they are); the value read and written is the choice itself."""
    combo = QComboBox()
    for choice in spec.choices:
        combo.addItem(choice, choice)
    _guard_wheel(combo)

    def name_choices() -> None:
        for index, choice in enumerate(spec.choices):
            combo.setItemText(index, translated(choice))

    def write(value: str) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    follow(combo, name_choices)
    return _Field(combo, combo.currentIndexChanged, combo.currentData, write)


class ParameterForm(QWidget):
    """The parameters of one architecture; validation stays in the core specs."""

    values_edited = Signal()
    editors_changed = Signal()  # new editors: the window puts them in its Tab order

    def __init__(self, parent: QWidget | None = None, *, resettable: bool = True) -> None:
        super().__init__(parent)
        self._resettable = resettable
        self._architecture: Architecture | LayerKind | None = None
        self._fields: dict[str, _Field] = {}
        self._rows = QWidget()
        self._general_error = _error_label()
        self._empty = QLabel()
        self._empty.setWordWrap(True)
        self._empty.hide()
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("reset_button")
        self.reset_button.setEnabled(False)
        self.reset_button.clicked.connect(self.reset_to_defaults)
        self._layout = QVBoxLayout(self)
        for widget in (self._rows, self._empty, self._general_error):
            self._layout.addWidget(widget)
        self._layout.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._layout.addStretch(1)
        self.setStyleSheet(_STYLE)
        follow(self, self._retranslate)

    def _retranslate(self) -> None:
        self._empty.setText(
            translate("ParameterForm", "Nothing to set here: a design is changed in the Designer.")
        )
        self.reset_button.setText(translate("ParameterForm", "Reset to defaults"))

    def set_architecture(
        self, architecture: Architecture | LayerKind, values: Mapping[str, Value] | None = None
    ) -> None:
        """Rebuilds the editors; the old ones are silenced first so no stale edit escapes."""
        old = self._rows
        for widget in [old, *old.findChildren(QWidget)]:
            widget.blockSignals(True)
        self._layout.removeWidget(old)
        old.hide()
        old.deleteLater()
        self._architecture = architecture
        self._fields = {}
        self._rows = QWidget()
        rows = QFormLayout(self._rows)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # In a narrow dock the label goes above its editor instead of squeezing it.
        rows.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for spec in architecture.params:
            rows.addRow(*self._row(spec))
        self._layout.insertWidget(0, self._rows)
        self.reset_button.setEnabled(True)
        self.reset_button.setVisible(self._resettable and bool(architecture.params))
        self._empty.setVisible(self._resettable and not architecture.params)
        self.clear_errors()
        self.set_values({spec.name: spec.default for spec in architecture.params})
        self.set_values(values or {})
        self.editors_changed.emit()

    def focus_chain(self) -> list[QWidget]:
        """The form's widgets that Tab visits, top to bottom."""
        chain: list[QWidget] = []
        for row in self._fields.values():
            editor = row.editor
            chain += editor.focus_widgets() if isinstance(editor, ShapeEditor) else [editor]
        if self.reset_button.isVisibleTo(self):
            chain.append(self.reset_button)
        return chain

    def _row(self, spec: Param) -> tuple[QLabel, QWidget]:
        row = self._fields[spec.name] = _make_field(spec)
        row.editor.setObjectName(spec.name)
        row.edited.connect(self._edited)
        label = QLabel()
        label.setBuddy(row.editor)
        follow(label, lambda: _name_row(spec, label, row.editor))
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(row.editor)
        column.addWidget(row.error)
        return label, cell

    def _edited(self) -> None:
        self.values_edited.emit()

    def architecture(self) -> Architecture | LayerKind | None:
        return self._architecture

    def editor(self, name: str) -> QWidget:
        return self._fields[name].editor

    def values(self) -> dict[str, Value]:
        return {name: row.read() for name, row in self._fields.items()}

    def set_values(self, values: Mapping[str, Value]) -> None:
        """Values are coerced by their specs (text is fine); names this form lacks are skipped."""
        if self._architecture is None:
            return
        for spec in self._architecture.params:
            if spec.name in values:
                row = self._fields[spec.name]
                with QSignalBlocker(row.editor):
                    row.write(spec.coerce(values[spec.name]))

    def reset_to_defaults(self) -> None:
        if self._architecture is None:
            return
        self.set_values({spec.name: spec.default for spec in self._architecture.params})
        self.clear_errors()
        self.values_edited.emit()

    def show_error(self, param: str | None, message: str) -> None:
        """One error at a time, the one the core raised, next to the editor it names."""
        self.clear_errors()
        row = self._fields.get(param) if param is not None else None
        if row is not None:
            _set_invalid(row.editor, True)
        label = row.error if row is not None else self._general_error
        label.setText(message)
        label.show()

    def clear_errors(self) -> None:
        for row in self._fields.values():
            row.error.clear()
            row.error.hide()
            _set_invalid(row.editor, False)
        self._general_error.clear()
        self._general_error.hide()

    def error_text(self, name: str | None) -> str:
        return (self._general_error if name is None else self._fields[name].error).text()
