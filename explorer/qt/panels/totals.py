"""Totals of the current model in a strip under the views: parameters, memory and cost, with a
batch size."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QSpinBox, QWidget

from explorer.core.analysis.summary import Totals
from explorer.core.base.units import (
    BYTES_PER_ACTIVATION,
    activation_bytes,
    binary_and_decimal,
    short_count,
)

EMPTY = "—"
_ROWS_PER_COLUMN = 3
_COLUMNS = 3
_UNITS_TIP = "MiB = 2^20 bytes, MB = 10^6 bytes: both are in use, so both are shown."

# key, label, tooltip
_ROWS: tuple[tuple[str, str, str], ...] = (
    ("params", "Parameters", "All weights of the model"),
    ("trainable", "Trainable", "Weights that training updates"),
    ("non_trainable", "Non-trainable", "Weights kept by statistics or frozen"),
    ("weights", "Weights memory", _UNITS_TIP),
    ("macs", "MACs per sample", "Multiply-accumulates for one sample"),
    ("flops", "FLOPs (2 × MACs)", "Each multiply-accumulate counts as two floating-point ops"),
    (
        "activations",
        "Activations per sample",
        f"Every layer output kept at once, float32 ({BYTES_PER_ACTIVATION} bytes). {_UNITS_TIP}",
    ),
    (
        "batch_activations",
        "Batch activations",
        f"Activations for the batch size below (the spin box): what training holds for the "
        f"backward pass. "
        f"{_UNITS_TIP}",
    ),
)


def _count_text(n: int) -> str:
    return f"{n:,} ({short_count(n)})" if n >= 1000 else f"{n:,}"


class TotalsPanel(QWidget):
    """Totals of the current model: parameters, memory, cost."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._totals: Totals | None = None
        self._values: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 2)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        for index, (key, title, tip) in enumerate(_ROWS):
            value = QLabel(EMPTY)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setToolTip(tip)
            label = QLabel(f"{title}:")
            label.setToolTip(tip)
            self._place(grid, index, label, value)
            self._values[key] = value

        self.batch_size = QSpinBox()
        self.batch_size.setRange(1, 65536)
        self.batch_size.setValue(32)
        self.batch_size.setToolTip("Samples per step; only the batch activations depend on it")
        self.batch_size.valueChanged.connect(self._show_batch_activations)
        batch_row = QWidget()
        batch_layout = QHBoxLayout(batch_row)
        batch_layout.setContentsMargins(0, 0, 0, 0)
        batch_layout.addWidget(self.batch_size)
        batch_layout.addStretch(1)
        self._place(grid, len(_ROWS), QLabel("Batch size:"), batch_row)
        for column in range(1, 2 * _COLUMNS, 2):
            grid.setColumnStretch(column, 1)

    @staticmethod
    def _place(grid: QGridLayout, index: int, label: QLabel, value: QWidget) -> None:
        """Three rows per column pair, filled column by column: a wide, short panel."""
        row, pair = index % _ROWS_PER_COLUMN, index // _ROWS_PER_COLUMN
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(label, row, 2 * pair)
        grid.addWidget(value, row, 2 * pair + 1)

    def set_totals(self, totals: Totals | None) -> None:
        self._totals = totals
        if totals is None:
            for label in self._values.values():
                label.setText(EMPTY)
            return
        per_sample = activation_bytes(totals.activation_elements)
        texts = {
            "params": f"{totals.params:,}",
            "trainable": f"{totals.trainable_params:,}",
            "non_trainable": f"{totals.non_trainable_params:,}",
            "weights": binary_and_decimal(totals.weights_bytes),
            "macs": _count_text(totals.macs),
            "flops": _count_text(2 * totals.macs),
            "activations": binary_and_decimal(per_sample),
        }
        for key, text in texts.items():
            self._values[key].setText(text)
        self._show_batch_activations(self.batch_size.value())

    def _show_batch_activations(self, batch: int) -> None:
        if self._totals is None:
            self._values["batch_activations"].setText(EMPTY)
            return
        n_bytes = activation_bytes(self._totals.activation_elements, batch)
        self._values["batch_activations"].setText(binary_and_decimal(n_bytes))

    def text_of(self, key: str) -> str:
        return self._values[key].text()
