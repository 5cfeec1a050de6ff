"""Totals of the current model in a strip under the views: parameters, memory and cost, with a
batch size."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QSpinBox, QWidget

from explorer.core.analysis.cost import uncounted_note
from explorer.core.analysis.summary import Totals
from explorer.core.base.units import (
    BYTES_PER_ACTIVATION,
    activation_bytes,
    binary_and_decimal,
    short_bytes,
    short_count,
)
from explorer.qt.i18n import follow, translate, translated
from explorer.qt.state import MAX_BATCH_SIZE

EMPTY = "—"
_COLUMNS = 3
_KEYS = (
    "params",
    "trainable",
    "non_trainable",
    "weights",
    "macs",
    "flops",
    "activations",
    "batch_activations",
)


def _rows() -> tuple[tuple[str, str], ...]:
    """Each figure's label and tool tip, in the order of ``_KEYS``, in the current language."""
    units = translate(
        "Totals", "MiB = 2^20 bytes, MB = 10^6 bytes: both are in use, so both are shown."
    )
    return (
        (translate("Totals", "Parameters"), translate("Totals", "All weights of the model")),
        (translate("Totals", "Trainable"), translate("Totals", "Weights that training updates")),
        (
            translate("Totals", "Non-trainable"),
            translate("Totals", "Weights kept by statistics or frozen"),
        ),
        (translate("Totals", "Weights memory"), units),
        (
            translate("Totals", "MACs per sample"),
            translate("Totals", "Multiply-accumulates for one sample"),
        ),
        (
            translate("Totals", "FLOPs (2 × MACs)"),
            translate("Totals", "Each multiply-accumulate counts as two floating-point ops"),
        ),
        (
            translate("Totals", "Activations per sample"),
            translate(
                "Totals", "Every layer output kept at once, float32 ({bytes} bytes). {units}"
            ).format(bytes=BYTES_PER_ACTIVATION, units=units),
        ),
        (
            translate("Totals", "Batch activations"),
            translate(
                "Totals",
                "Every layer's output for the batch size below (the spin box), at float32. "
                "Training keeps only some of them: the Memory view counts what it keeps, at "
                "the chosen precision. {units}",
            ).format(units=units),
        ),
    )


def _labelled(title: str) -> str:
    return translate("Totals", "{label}:").format(label=title)


def _count_text(n: int) -> str:
    return f"{n:,} ({short_count(n)})" if n >= 1000 else f"{n:,}"


def _with_note(text: str, totals: Totals) -> str:
    """MACs with "(2 layers not counted)" when some layers' MACs are not known."""
    note = translated(uncounted_note(totals.uncounted, named=False))
    return f"{text} {note}" if note else text


def _note_after(totals: Totals) -> str:
    """The short line's end: " · MACs (2 layers not counted)", or nothing."""
    note = translated(uncounted_note(totals.uncounted, named=False))
    return f" · MACs {note}" if note else ""


class TotalsPanel(QWidget):
    """Totals of the current model: parameters, memory, cost."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._totals: Totals | None = None
        self._values: dict[str, QLabel] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(4, 4, 4, 2)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(2)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._pairs: list[tuple[QLabel, QWidget]] = []
        for key in _KEYS:
            value = QLabel(EMPTY)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._pairs.append((QLabel(), value))
            self._values[key] = value

        self.batch_size = QSpinBox()
        self.batch_size.setRange(1, MAX_BATCH_SIZE)
        self.batch_size.setValue(32)
        self.batch_size.valueChanged.connect(self._show_batch_activations)
        batch_row = QWidget()
        batch_layout = QHBoxLayout(batch_row)
        batch_layout.setContentsMargins(0, 0, 0, 0)
        batch_layout.addWidget(self.batch_size)
        batch_layout.addStretch(1)
        self._pairs.append((QLabel(), batch_row))
        for label, _ in self._pairs:
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.compact = QLabel(EMPTY, self)  # everything on one line, when the grid is too wide
        self.compact.setWordWrap(True)
        self.compact.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.columns = -1
        self._arrange(_COLUMNS)
        follow(self, self._retranslate)

    def _retranslate(self) -> None:
        *pairs, (batch_label, _) = self._pairs
        for (label, value), (title, tip) in zip(pairs, _rows(), strict=True):
            label.setText(_labelled(title))
            label.setToolTip(tip)
            value.setToolTip(tip)
        batch_label.setText(_labelled(translate("Totals", "Batch size")))
        self.batch_size.setToolTip(
            translate("Totals", "Samples per step; only the batch activations depend on it")
        )
        self.compact.setToolTip(
            translate(
                "Totals",
                "The totals in short; widen the window or make the text smaller "
                "(Ctrl+-) for every figure in full",
            )
        )
        self.set_totals(self._totals)  # the short line and the notes in new words
        if self.isVisible():
            self._fit()  # the labels are as long as the language makes them

    def _arrange(self, columns: int) -> None:
        """``columns`` label-value pairs a row, filled column by column; 0: one short line
        (large text on a small screen) with the batch size beside it."""
        if columns == self.columns:
            return
        self.columns = columns
        for label, value in self._pairs:
            self._grid.removeWidget(label)
            self._grid.removeWidget(value)
        self._grid.removeWidget(self.compact)
        for column in range(2 * _COLUMNS):
            self._grid.setColumnStretch(column, 0)
        *pairs, (batch_label, batch_row) = self._pairs
        self.compact.setVisible(columns == 0)
        for label, value in pairs:
            label.setVisible(columns > 0)
            value.setVisible(columns > 0)
        if columns == 0:
            self._grid.addWidget(self.compact, 0, 0)
            self._grid.addWidget(batch_label, 0, 1)
            self._grid.addWidget(batch_row, 0, 2)
            self._grid.setColumnStretch(0, 1)
            return
        rows = -(-len(self._pairs) // columns)
        for index, (label, value) in enumerate(self._pairs):
            row, pair = index % rows, index // rows
            self._grid.addWidget(label, row, 2 * pair)
            self._grid.addWidget(value, row, 2 * pair + 1)
        for column in range(1, 2 * columns, 2):
            self._grid.setColumnStretch(column, 1)

    def _width_for(self, columns: int) -> int:
        """The width ``columns`` pairs a row need, from the texts shown now."""
        rows = -(-len(self._pairs) // columns)
        margins = self._grid.contentsMargins()
        spacing = self._grid.horizontalSpacing()
        width = margins.left() + margins.right()
        for start in range(0, len(self._pairs), rows):
            chunk = self._pairs[start : start + rows]
            width += max(label.sizeHint().width() for label, _ in chunk)
            width += max(value.sizeHint().width() for _, value in chunk) + 3 * spacing
        return width

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """The short line fits anywhere: the strip never holds the window wider."""
        return QSize(200, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """The grid if every figure fits in it at the width there is, else the short line."""
        self._arrange(_COLUMNS if self._width_for(_COLUMNS) <= self.width() else 0)

    def set_totals(self, totals: Totals | None) -> None:
        self._totals = totals
        if totals is None:
            for label in (*self._values.values(), self.compact):
                label.setText(EMPTY)
            return
        per_sample = activation_bytes(totals.activation_elements)
        texts = {
            "params": f"{totals.params:,}",
            "trainable": f"{totals.trainable_params:,}",
            "non_trainable": f"{totals.non_trainable_params:,}",
            "weights": binary_and_decimal(totals.weights_bytes),
            "macs": _with_note(_count_text(totals.macs), totals),
            "flops": _with_note(_count_text(2 * totals.macs), totals),
            "activations": binary_and_decimal(per_sample),
        }
        for key, text in texts.items():
            self._values[key].setText(text)
        tips = dict(zip(_KEYS, (tip for _, tip in _rows()), strict=False))
        for key in ("macs", "flops"):  # which layers are not counted, by name
            named = translated(uncounted_note(totals.uncounted))
            self._values[key].setToolTip(f"{tips[key]}\n{named}" if named else tips[key])
        self._show_batch_activations(self.batch_size.value())

    def _show_batch_activations(self, batch: int) -> None:
        if self._totals is None:
            self._values["batch_activations"].setText(EMPTY)
            return
        n_bytes = activation_bytes(self._totals.activation_elements, batch)
        self._values["batch_activations"].setText(binary_and_decimal(n_bytes))
        self._fit()  # longer figures may no longer fit the grid
        totals = self._totals
        self.compact.setText(
            translate(
                "Totals",
                "{params} parameters ({non_trainable} non-trainable) · weights {weights} · "
                "{macs} MACs · activations {activations} per sample, {batch} for the batch",
            ).format(
                params=f"{totals.params:,}",
                non_trainable=f"{totals.non_trainable_params:,}",
                weights=short_bytes(totals.weights_bytes),
                macs=short_count(totals.macs),
                activations=short_bytes(activation_bytes(totals.activation_elements)),
                batch=short_bytes(n_bytes),
            )
            + _note_after(totals)
        )

    def text_of(self, key: str) -> str:
        return self._values[key].text()
