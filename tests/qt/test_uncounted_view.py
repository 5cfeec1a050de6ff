"""The window never shows a silent 0 for a layer whose MACs are not counted (issue 14): the
layer table says "not counted" in italics and a faint colour, sorts it before every counted
layer, and explains why; the totals say how many layers are left out and name them; the MACs
chart marks them with a cross."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from explorer.core.analysis.summary import LayerRow, ModelSummary, Totals
from explorer.qt.i18n import set_language
from explorer.qt.panels.charts import ChartsPanel
from explorer.qt.panels.layer_table import LayerTableView
from explorer.qt.panels.totals import TotalsPanel

MACS = 6


def _row(
    name: str, type_: str, shape: tuple, params: int, macs: int | None, inbound=()
) -> LayerRow:
    return LayerRow(name, type_, (shape,), params, params, tuple(inbound), macs, shape[-1],
                    path=name)  # fmt: skip


@pytest.fixture(scope="module")
def mixed() -> ModelSummary:
    """The rows Keras gives for Dense(16) -> a custom layer -> Lambda -> Dense(4) on 8 inputs."""
    rows = (
        _row("dense_in", "Dense", (None, 16), 144, 128),
        _row("mixer", "Mixer", (None, 16), 256, None, ["dense_in"]),
        _row("double", "Lambda", (None, 16), 0, None, ["mixer"]),
        _row("dense_out", "Dense", (None, 4), 68, 64, ["double"]),
    )
    totals = Totals(468, 468, 0, 1872, 192, 52, uncounted=("mixer", "double"))
    return ModelSummary("mixed", (), "mixed", rows, totals)


def test_the_table_says_not_counted_in_its_own_style(qtbot, mixed: ModelSummary) -> None:
    view = LayerTableView()
    qtbot.addWidget(view)
    view.set_summary(mixed)
    model = view.model
    shown = [model.index(r, MACS).data() for r in range(4)]
    assert shown == ["128", "not counted", "not counted", "64"]
    font = model.index(1, MACS).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.italic()
    assert model.index(0, MACS).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(1, MACS).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, MACS).data(Qt.ItemDataRole.ForegroundRole) is None
    tip = model.index(2, MACS).data(Qt.ItemDataRole.ToolTipRole)
    assert "Its MACs are not counted: there is no formula for Lambda here" in tip
    view.table.sortByColumn(MACS, Qt.SortOrder.AscendingOrder)
    order = [view.proxy.index(r, 1).data() for r in range(4)]
    assert order[:2] == ["mixer", "double"] and order[2:] == ["dense_out", "dense_in"]


def test_the_table_says_it_in_chinese_too(qtbot, mixed: ModelSummary) -> None:
    view = LayerTableView()
    qtbot.addWidget(view)
    view.set_summary(mixed)
    try:
        set_language("zh_CN")
        assert view.model.index(1, MACS).data() == "未计入"
        assert view.model.index(0, MACS).data() == "128"
    finally:
        set_language("en")
    assert view.model.index(1, MACS).data() == "not counted"


def test_the_totals_count_and_name_the_layers_left_out(qtbot, mixed: ModelSummary) -> None:
    panel = TotalsPanel()
    qtbot.addWidget(panel)
    panel.set_totals(mixed.totals)
    assert panel.text_of("macs") == "192 (2 layers not counted)"
    assert panel.text_of("flops") == "384 (2 layers not counted)"
    assert panel._values["macs"].toolTip().endswith("(2 layers not counted: mixer, double)")
    assert panel.compact.text().endswith(" for the batch · MACs (2 layers not counted)")


def test_the_macs_chart_marks_them_with_a_cross(qtbot, mixed: ModelSummary) -> None:
    panel = ChartsPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.set_summary(mixed)
    panel.show()
    assert panel.macs_bars.opts["height"].tolist() == [128, 0, 0, 64]
    x, y = panel.uncounted_marks.getData()
    assert (x.tolist(), y.tolist()) == ([1.0, 2.0], [0.0, 0.0])
    title = panel.plots["macs"].getPlotItem().titleLabel.text
    assert "(× 2 not counted)" in title
    assert panel.series.macs == (128, None, None, 64)


def test_a_cell_is_shown_once_under_its_layer(qtbot) -> None:
    """An LSTM's cell: indented under the LSTM, one step's shape, "per step" in the window's
    language, and a tool tip that says whose step it is."""
    lstm = _row("lstm", "LSTM", (None, 32), 12_416, 40 * 12_288)
    cell = LayerRow("lstm_cell", "LSTMCell", ((None, 32),), 12_416, 12_416, (), 12_288, 32,
                    depth=1, path="lstm/lstm_cell", part_of="lstm")  # fmt: skip
    summary = ModelSummary(
        "t", (), "t", (lstm, cell), Totals(12_416, 12_416, 0, 49_664, 491_520, 32)
    )
    view = LayerTableView()
    qtbot.addWidget(view)
    view.set_summary(summary)
    model = view.model
    assert [model.index(1, c).data() for c in (1, 2, 3, 4, 6)] == [
        "    lstm_cell", "LSTMCell", "(None, 32) per step", "12,416", "12,288"
    ]  # fmt: skip
    assert model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole) == (
        "lstm/lstm_cell\nLSTMCell: one step of lstm"
    )
    assert "One step of lstm" in model.index(1, MACS).data(Qt.ItemDataRole.ToolTipRole)
    try:
        set_language("zh_CN")
        assert model.index(1, 3).data() == "(None, 32)\uff08每步\uff09"  # full-width brackets
    finally:
        set_language("en")
