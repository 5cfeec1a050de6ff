"""The layer table shows a summary's real values, sorts by numbers, filters, and copies TSV."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView

from explorer.core.analysis.summary import ModelSummary
from explorer.qt.panels.layer_table import LayerTableView
from explorer.qt.panels.layer_table_model import LayerTableModel

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ROWS_1_2_TSV = (
    "#\tName\tType\tOutput shape\tParams\tTrainable\tMACs\tReceptive field\tConnected to\n"
    "1\tconv1_pad\tZeroPadding2D\t(None, 230, 230, 3)\t0\t0\t0\t1 /1\t\n"
    "2\tconv1_conv\tConv2D\t(None, 112, 112, 64)\t9408\t9408\t118013952\t7 /2\tconv1_pad\n"
)


@pytest.fixture(scope="module")
def resnet50(summary_of) -> ModelSummary:
    return summary_of("resnet50")


@pytest.fixture(scope="module")
def convnext_tiny(summary_of) -> ModelSummary:
    return summary_of("convnext_tiny")


@pytest.fixture
def view(qtbot, resnet50: ModelSummary) -> LayerTableView:
    widget = LayerTableView()
    qtbot.addWidget(widget)
    widget.set_summary(resnet50)
    return widget


def cell(view: LayerTableView, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole):
    """What the view shows at ``row`` (in view order)."""
    return view.proxy.index(row, column).data(role)


def last_row(view: LayerTableView) -> int:
    return view.model.rowCount() - 1


def test_rows_headers_and_display_values(view: LayerTableView, resnet50: ModelSummary) -> None:
    model = view.model
    assert model.summary() is resnet50
    assert model.rowCount() == 176 == view.visible_row_count()
    view.show()
    view.resize(1600, 600)  # wide enough for every title on one line
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)] == [
        "#",
        "Name",
        "Type",
        "Output shape",
        "Params",
        "Trainable",
        "MACs",
        "Receptive field",
        "Connected to",
    ]
    # Narrower, the columns shrink down to their titles' longest words, which take two lines.
    view.resize(560, 600)
    header = view.table.horizontalHeader()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)]
    assert titles[3] == "Output\nshape" and titles[7] == "Receptive\nfield"
    assert view.table.columnWidth(7) >= header.fontMetrics().horizontalAdvance("Receptive") + 16
    assert model.titles()[7] == "Receptive field"  # exports and copies keep one line
    assert [cell(view, 0, c) for c in range(9)] == [
        "1",
        "conv1_pad",
        "ZeroPadding2D",
        "(None, 230, 230, 3)",
        "0",
        "0",
        "0",
        "1 /1",
        "",
    ]
    assert [cell(view, 1, c) for c in range(9)] == [
        "2",
        "conv1_conv",
        "Conv2D",
        "(None, 112, 112, 64)",
        "9,408",
        "9,408",
        "118,013,952",
        "7 /2",
        "conv1_pad",
    ]
    assert cell(view, last_row(view), 7) == "whole"  # predictions, after global pooling
    assert cell(view, 1, 7, Qt.ItemDataRole.ToolTipRole) == (
        "Each output of conv1_conv sees 7×7 input pixels; neighbouring outputs are 2 pixels "
        "apart. Where paths meet, the largest over all paths."
    )
    last = model.rowCount() - 1
    assert model.row(last).name == "predictions"
    assert cell(view, last, 4) == "2,049,000"
    assert cell(view, last, 4, Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert cell(view, last, 4, LayerTableModel.SORT_ROLE) == 2_049_000
    assert cell(view, last, 8, Qt.ItemDataRole.TextAlignmentRole) == LEFT
    assert cell(view, 0, 3, Qt.ItemDataRole.ToolTipRole) == (
        "158,700 activation elements per sample, 619.92 KiB (634.80 kB) at float32\n"
        "output = 224 + 6 = 230 (zeros around)"
    )
    assert cell(view, 0, 1, Qt.ItemDataRole.ToolTipRole) == "conv1_pad\nZeroPadding2D layer"
    macs_tip = model.headerData(6, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert macs_tip == "Multiply-accumulates for one sample; FLOPs ≈ 2 × MACs"
    assert model.headerData(5, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


def test_table_set_up(view: LayerTableView) -> None:
    table = view.table
    assert table.isSortingEnabled()
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert table.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection
    assert table.alternatingRowColors()
    assert table.verticalHeader().isHidden()
    assert table.horizontalHeader().stretchLastSection()
    assert view.filter_edit.placeholderText() == "Filter layers by name or type (Ctrl+F)"
    assert view.filter_edit.isClearButtonEnabled()
    assert [a.text() for a in table.actions()] == ["Copy", "Select all"]
    assert table.columnWidth(1) <= 320


def test_sort_by_params_descending(view: LayerTableView, resnet50: ModelSummary) -> None:
    view.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    shown = [cell(view, r, 1) for r in range(6)]
    # Not the classifier: the 3x3 convolutions of stage 5 hold 512*512*9 weights each.
    assert shown == [
        "conv5_block1_2_conv",
        "conv5_block2_2_conv",
        "conv5_block3_2_conv",
        "conv5_block1_0_conv",
        "predictions",
        "conv5_block1_3_conv",
    ]
    assert cell(view, 0, 4) == "2,359,296"
    expected = sorted(resnet50.layers, key=lambda row: row.params, reverse=True)
    assert [cell(view, r, 4, LayerTableModel.SORT_ROLE) for r in range(176)] == [
        row.params for row in expected
    ]
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert cell(view, 0, 1) == "conv1_pad"
    # The model's own order: the proxy keeps it without sorting again on each new model.
    assert view.proxy.sortColumn() == -1
    assert [cell(view, r, 1).strip() for r in range(176)] == [r.name for r in resnet50.layers]
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert cell(view, 0, 1) == "predictions" and view.proxy.sortColumn() == 0


def test_filter_by_name_and_type(view: LayerTableView, resnet50: ModelSummary) -> None:
    view.filter_edit.setText("bn")
    bn_rows = [r.name for r in resnet50.layers if r.type == "BatchNormalization"]
    assert len(bn_rows) == 53
    assert all(name.endswith("_bn") for name in bn_rows)
    assert view.visible_row_count() == len(bn_rows)
    assert [cell(view, r, 1) for r in range(view.visible_row_count())] == bn_rows

    view.filter_edit.setText("Dense")
    assert view.visible_row_count() == 1
    assert cell(view, 0, 1) == "predictions"
    view.filter_edit.setText("DENSE")
    assert view.visible_row_count() == 1

    view.filter_edit.setText("")
    assert view.visible_row_count() == 176


def test_set_summary_keeps_filter_and_sort(view: LayerTableView, resnet50: ModelSummary) -> None:
    view.filter_edit.setText("conv5_block1")
    view.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    shown = [cell(view, r, 1) for r in range(view.visible_row_count())]
    assert shown[0] == "conv5_block1_2_conv"
    view.set_summary(None)
    assert view.model.rowCount() == 0 == view.visible_row_count()
    assert view.selection_as_tsv() == ""
    view.set_summary(resnet50)
    assert view.filter_edit.text() == "conv5_block1"
    assert [cell(view, r, 1) for r in range(view.visible_row_count())] == shown


def test_selection_as_tsv_and_ctrl_c(qtbot, view: LayerTableView) -> None:
    assert view.selection_as_tsv() == ""
    view.table.selectRow(1)
    view.table.selectionModel().select(
        view.proxy.index(0, 0),
        view.table.selectionModel().SelectionFlag.Select
        | view.table.selectionModel().SelectionFlag.Rows,
    )
    assert view.selection_as_tsv() == ROWS_1_2_TSV

    QGuiApplication.clipboard().clear()
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == ROWS_1_2_TSV

    qtbot.keyClick(view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(view.table.selectionModel().selectedRows()) == 176

    # Ctrl+F is the window's (Edit → Find Layer): tests/qt/test_shortcuts.py
    assert view.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu


def test_nested_rows_are_indented_and_containers_bold(qtbot, convnext_tiny: ModelSummary) -> None:
    view = LayerTableView()
    qtbot.addWidget(view)
    view.set_summary(convnext_tiny)
    containers = [i for i, row in enumerate(convnext_tiny.layers) if row.is_container]
    assert len(containers) == 4
    stem = containers[0]
    assert cell(view, stem, 1) == "convnext_tiny_stem"
    assert cell(view, stem + 1, 1) == "    convnext_tiny_stem_conv"
    assert cell(view, stem + 1, 1, Qt.ItemDataRole.ToolTipRole) == (
        "convnext_tiny_stem/convnext_tiny_stem_conv\nConv2D layer"
    )
    font = cell(view, stem, 1, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert cell(view, stem + 1, 1, Qt.ItemDataRole.FontRole) is None
    assert all(cell(view, i, 1, Qt.ItemDataRole.FontRole).bold() for i in containers)

    view.table.selectRow(stem + 1)
    copied = view.selection_as_tsv().splitlines()[1].split("\t")
    assert copied[:3] == [str(stem + 2), "convnext_tiny_stem_conv", "Conv2D"]

    view.filter_edit.setText("stem")  # the path matches, so the container keeps its layers
    assert [cell(view, r, 1).strip() for r in range(view.visible_row_count())] == [
        "convnext_tiny_stem",
        "convnext_tiny_stem_conv",
        "convnext_tiny_stem_layernorm",
    ]  # words only: not convnext_tiny_prestem_normalization
    view.set_summary(None)
    assert view.visible_row_count() == 0
    assert view.model.summary() is None


def test_the_filter_matches_words_not_any_letters(view: LayerTableView, resnet50) -> None:
    view.filter_edit.setText("add")
    names = [cell(view, r, 1) for r in range(view.visible_row_count())]
    assert len(names) == 16 and all(name.endswith("_add") for name in names)  # no ZeroPadding2D
    view.filter_edit.setText("pad")
    assert [cell(view, r, 1) for r in range(view.visible_row_count())] == ["conv1_pad", "pool1_pad"]
    view.filter_edit.setText("block2 relu")  # every word, anywhere in name, type or path
    names = [cell(view, r, 1) for r in range(view.visible_row_count())]
    assert len(names) == 4 * 3 and all("_block2_" in n for n in names)  # three ReLUs a block


def test_the_selected_layer_s_numbers_are_explained_under_the_table(view, resnet50) -> None:
    from explorer.qt.panels.layer_table_model import DETAILS_HINT

    assert view.details.text() == DETAILS_HINT
    view.table.selectRow(1)  # conv1_conv
    view.table.setCurrentIndex(view.proxy.index(1, 0))
    assert view.details.text() == (
        "<b>conv1_conv</b> (Conv2D): params = 7·7·3·64 = 9,408 (no bias) · "
        "MACs = 112·112·64 · 7·7·3 = 118,013,952 · output = ⌊(230 − 7)/2⌋ + 1 = 112 (no padding)"
    )
    view.select_row(2)  # conv1_bn, chosen in the graph or the charts
    assert view.details.text().startswith("<b>conv1_bn</b> (BatchNormalization): params = 4·64")


def test_the_numbers_tooltips_show_how_they_come_about(view, resnet50) -> None:
    """Params, trainable, MACs and output shape cells explain themselves on hover."""
    model = view.model
    conv = model.index(1, 4)  # conv1_conv (row 0 is the zero padding)
    assert model.data(model.index(1, 1)) == "conv1_conv"
    assert model.data(conv, Qt.ItemDataRole.ToolTipRole) == (
        "params = 7·7·3·64 = 9,408 (no bias)\n"
        "MACs = 112·112·64 · 7·7·3 = 118,013,952\n"
        "output = ⌊(230 − 7)/2⌋ + 1 = 112 (no padding)"
    )
    macs = model.data(model.index(1, 6), Qt.ItemDataRole.ToolTipRole)
    assert "MACs = 112·112·64 · 7·7·3 = 118,013,952" in macs.splitlines()
    shape = model.data(model.index(1, 3), Qt.ItemDataRole.ToolTipRole).splitlines()
    assert shape[0] == "802,816 activation elements per sample, 3.06 MiB (3.21 MB) at float32"
    assert shape[-1] == "output = ⌊(230 − 7)/2⌋ + 1 = 112 (no padding)"
    bn = model.data(model.index(2, 5), Qt.ItemDataRole.ToolTipRole)
    assert bn.startswith("params = 4·64")
