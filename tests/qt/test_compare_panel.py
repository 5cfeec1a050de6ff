"""Pinning models and reading the comparison tables, in the window."""

from __future__ import annotations

from explorer.qt.panels.compare import ComparePanel
from explorer.qt.state import WindowState
from tests.qt.conftest import TIMEOUT_MS, open_window, pick
from tests.qt.conftest import model_cells as cells


def compare_panel(qtbot) -> tuple[ComparePanel, WindowState]:
    state = WindowState()
    panel = ComparePanel(state)
    qtbot.addWidget(panel)
    return panel, state


def test_pin_resnet34_and_resnet50_and_read_the_tables(qtbot, settings) -> None:
    window = open_window(qtbot, settings)
    pick(qtbot, window, "resnet34")
    assert window.pin_action.shortcut().toString() == "Ctrl+D"
    window.pin_action.trigger()
    assert window.views.currentWidget() is window.table  # one pinned model: nothing to compare
    pick(qtbot, window, "resnet50")
    window.pin_current()
    compare = window.compare
    assert window.views.currentWidget() is compare  # the second pin shows the comparison
    assert compare.glance.text() == (
        "resnet50 vs resnet34: parameters +17.4 %, MACs +5.3 %, activations +171.6 %"
    )
    assert compare.glance_bars.values()[0] == ("parameters", [21_814_696, 25_610_152])
    assert compare.glance.isVisible() and compare.glance_bars.height() > 0
    assert compare.labels.stringList() == ["1. resnet34", "2. resnet50"]
    totals = cells(compare.totals_table.table)
    assert totals[1] == ["Trainable params", "21,797,672", "25,557,032", "+3,759,360 (+17.2%)"]
    stages = cells(compare.stages_table.table)
    assert [row[0] for row in stages] == [
        "stem",
        "conv2_x",
        "conv3_x",
        "conv4_x",
        "conv5_x",
        "head",
    ]
    assert stages[4] == [
        "conv5_x",
        "(None, 7, 7, 512)",
        "13,121,536",
        "642,252,800",
        "(None, 7, 7, 2048)",
        "14,987,264",
        "732,168,192",
    ]
    # Pinned models stay while the current architecture changes.
    pick(qtbot, window, "vgg16")
    assert [pinned.label for pinned in window.state.pinned()] == ["resnet34", "resnet50"]
    # A model without stages: totals still compare, the stage table explains why it is empty.
    window.pin_current()
    assert compare.totals_table.table.columnCount() == 1 + 3 + 2
    assert compare.stages_table.table.rowCount() == 0
    assert compare.stages_note.text().startswith("By stage: only when every pinned model")
    window.state.unpin([2])
    assert compare.stages_table.table.rowCount() == 6
    compare.clear_button.click()
    assert compare.totals_table.table.rowCount() == 0 and compare.labels.stringList() == []
    window.close()


def test_one_architecture_at_two_input_sizes(qtbot, settings) -> None:
    window = open_window(qtbot, settings)
    pick(qtbot, window, "resnet18")
    window.pin_current()
    with qtbot.waitSignal(window.client.build_finished, timeout=TIMEOUT_MS):
        window.form.editor("input_shape").set_value((112, 112, 3))
        window.form.values_edited.emit()
    window.pin_current()
    totals = cells(window.compare.totals_table.table)
    params, macs = totals[0], totals[4]
    assert params[3] == "+0 (+0.0%)"  # global pooling: the same parameters at any input size
    # A quarter of the area: a little over a quarter of the MACs (the classifier stays).
    assert macs[3] == "-1,328,713,728 (-73.2%)"
    window.close()


def test_charts_follow_the_table_and_a_clicked_bar_selects_its_row(qtbot, settings) -> None:
    window = open_window(qtbot, settings)  # resnet50
    charts = window.charts
    assert len(charts.series) == 176
    with qtbot.waitSignal(charts.layer_clicked) as clicked:
        charts.click_at(10.2)
    assert clicked.args == [10]
    selected = window.table.table.selectionModel().selectedRows()
    assert [window.table.proxy.mapToSource(i).row() for i in selected] == [10]
    # Selecting a row highlights its bar.
    window.state.select_layer(42)
    assert [m.value() for m in charts.markers.values()] == [42] * len(charts.markers)
    window.close()


def test_the_comparison_is_copied_and_exported(qtbot, tmp_path, summary_of) -> None:
    import csv
    import io
    import json

    from PySide6.QtGui import QGuiApplication

    from explorer.core.exports.comparisons import compare_markdown

    panel, state = compare_panel(qtbot)
    assert not panel.export_button.isEnabled()
    r34, r50 = summary_of("resnet34"), summary_of("resnet50")
    state.pin("resnet34", r34)
    state.pin("resnet50", r50)
    panel.copy_markdown()
    # With the training memory at the Memory view's setup (batch 32, Adam, float32).
    assert QGuiApplication.clipboard().text() == compare_markdown([r34, r50], state.training)
    assert panel.export(str(tmp_path / "c.csv"))
    rows = list(csv.reader(io.StringIO((tmp_path / "c.csv").read_text())))
    assert rows[2] == ["Trainable params", "21797672", "25557032", "3759360"]
    assert rows[-1] == [
        "Training memory bytes (batch 32, adam, float32)",
        "1474239104",
        "3117883008",
        "1643643904",
    ]
    assert panel.export(str(tmp_path / "c.json"))
    found = json.loads((tmp_path / "c.json").read_text())
    assert len(found["stages"]) == 6
    assert found["training_memory"] == {
        "batch": 32,
        "optimizer": "adam",
        "precision": "float32",
        "total_bytes": [1_474_239_104, 3_117_883_008],
    }
    assert panel.export(str(tmp_path / "c.md"))
    assert "### By stage" in (tmp_path / "c.md").read_text()


def test_overlaid_charts_with_a_legend(qtbot, summary_of) -> None:
    from explorer.core.analysis.chart_data import chart_series
    from explorer.core.analysis.stages import stages

    panel, state = compare_panel(qtbot)
    r34, r50 = summary_of("resnet34"), summary_of("resnet50")
    state.pin("resnet34", r34)
    assert panel.charts is None  # made only when first shown
    state.pin("resnet50", r50)
    panel.tabs.setCurrentIndex(1)
    charts = panel.charts
    assert charts is not None and panel.tabs.currentWidget() is charts

    depth = charts.plots["depth"].getPlotItem()
    curves = depth.listDataItems()
    assert [c.name() for c in curves] == ["1. resnet34", "2. resnet50"]
    for curve, summary in zip(curves, [r34, r50], strict=True):
        y = curve.yData  # as given; getData() is what the view shows, clipped to its range
        assert list(y) == list(chart_series(summary).cumulative_params)
        assert y[-1] == summary.totals.params
    legend = [label.text for _, label in charts.legends["depth"].items]
    assert legend == ["1. resnet34", "2. resnet50"]

    # Grouped bars: one per model in each stage, heights the stages' parameters.
    bars = [i for i in charts.plots["stages"].getPlotItem().items if hasattr(i, "opts")]
    assert [list(b.opts["height"]) for b in bars] == [
        [s.params for s in stages(r34)],
        [s.params for s in stages(r50)],
    ]
    assert charts.bars.groups == ("stem", "conv2_x", "conv3_x", "conv4_x", "conv5_x", "head")
    assert [label.text for _, label in charts.legends["stages"].items] == legend
    # conv5_x is group 4; the left bar of a group is the first model.
    assert charts.bar_at(4 - 0.2) == (0, 4) and charts.bar_at(4 + 0.2) == (1, 4)
    assert charts.bar_at(4.45) is None
    assert charts.bar_text(1, 4) == "conv5_x — 2. resnet50: 14,987,264 parameters"
    charts.metric.setCurrentIndex(1)  # MACs
    assert charts.bar_text(0, 4) == "conv5_x — 1. resnet34: 642,252,800 macs"
    title = charts.plots["stages"].getPlotItem().titleLabel.text
    assert title == "MACs per stage — 1. resnet34, 2. resnet50"  # the title names the models
    depth_title = charts.plots["depth"].getPlotItem().titleLabel.text
    assert depth_title == "Parameters up to each layer — 1. resnet34, 2. resnet50"

    # Unpinning redraws; a model without stages turns the bars into totals.
    state.unpin([0])
    assert [c.name() for c in depth.listDataItems()] == ["1. resnet50"]
    assert charts.plots["depth"].getPlotItem().titleLabel.text.endswith("— 1. resnet50")
    state.pin("simple-cnn", summary_of("simple-cnn"))
    assert charts.bars.groups == ("total",) and not charts.bars.by_stage
    assert charts.bars.values == ((r50.totals.macs,), (summary_of("simple-cnn").totals.macs,))


def test_tables_copy_as_tsv_and_export(qtbot, tmp_path, summary_of) -> None:
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtGui import QGuiApplication

    panel, state = compare_panel(qtbot)
    state.pin("resnet34", summary_of("resnet34"))
    state.pin("resnet50", summary_of("resnet50"))
    table = panel.stages_table
    table.copy_action.trigger()  # nothing selected: the whole table
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t") == [
        "Stage",
        "1. output",
        "1. params",
        "1. MACs",
        "2. output",
        "2. params",
        "2. MACs",
    ]
    assert len(lines) == 7
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().select(table.model().index(4, 0), flags)
    table.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == (
        "\t".join(lines[0].split("\t")) + "\n"
        "conv5_x\t(None, 7, 7, 512)\t13121536\t642252800\t(None, 7, 7, 2048)\t14987264\t732168192\n"
    )
    assert table.export(str(tmp_path / "stages.csv"))
    assert (tmp_path / "stages.csv").read_text().splitlines()[5] == (
        'conv5_x,"(None, 7, 7, 512)",13121536,642252800,"(None, 7, 7, 2048)",14987264,732168192'
    )
    assert table.export(str(tmp_path / "stages.md"))
    assert (tmp_path / "stages.md").read_text().splitlines()[1] == (
        "| --- | --- | ---: | ---: | --- | ---: | ---: |"
    )
