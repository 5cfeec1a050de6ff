"""ChartsPanel: plots updated in place, hover and click mapped to layers, log scale, export."""

from __future__ import annotations

import struct

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QToolTip

from explorer.core.analysis.chart_data import chart_series
from explorer.core.base.errors import ExplorerError
from explorer.qt.panels.charts import ChartsPanel


@pytest.fixture
def panel(qtbot, summary_of) -> ChartsPanel:
    widget = ChartsPanel()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.set_summary(summary_of("resnet50"))
    return widget


def test_plots_hold_the_series(panel, summary_of):
    series = chart_series(summary_of("resnet50"))
    assert set(panel.plots) == {"params", "cumulative", "macs", "feature_maps"}
    heights = panel.params_bars.opts["height"]
    assert len(heights) == 176
    assert heights.tolist() == list(series.params)
    assert panel.macs_bars.opts["height"].tolist() == list(series.macs)
    # As given; getData() is what the view shows, clipped to its range until it autoranges.
    x, y = panel.cumulative_curve.xData, panel.cumulative_curve.yData
    assert len(x) == 176
    assert y[-1] == 25_610_152
    _, spatial = panel.spatial_curve.getData()
    assert spatial[series.names.index("conv1_conv")] == 112 * 112
    _, channels = panel.channels_curve.getData()
    assert channels[-1] == 1000
    assert np.isnan(spatial[-1])  # predictions is (None, 1000): no H×W
    labels = panel.plots["params"].getPlotItem()
    assert labels.getAxis("bottom").labelText == "layer (model order)"
    assert labels.getAxis("left").labelText == "parameters"


def test_set_summary_updates_the_same_items(panel, summary_of):
    items = [panel.params_bars, panel.macs_bars, panel.cumulative_curve, panel.spatial_curve]
    scene_items = {key: list(plot.getPlotItem().items) for key, plot in panel.plots.items()}
    panel.set_summary(summary_of("convnext_tiny"))
    assert [panel.params_bars, panel.macs_bars, panel.cumulative_curve, panel.spatial_curve] == (
        items
    )
    assert {key: list(p.getPlotItem().items) for key, p in panel.plots.items()} == scene_items
    assert len(panel.params_bars.opts["height"]) == 156
    panel.set_summary(None)
    assert len(panel.params_bars.opts["height"]) == 0
    assert (
        len(
            panel.cumulative_curve.getData()[0]
            if panel.cumulative_curve.getData()[0] is not None
            else []
        )
        == 0
    )
    assert panel.hover_text("params", 0.0) == ""
    assert panel.row_at(0.0) is None


def test_log_scale(panel):
    item = panel.plots["params"].getPlotItem()
    assert not item.ctrl.logYCheck.isChecked()
    panel.log_scale.setChecked(True)
    assert item.ctrl.logYCheck.isChecked()
    assert item.getAxis("left").logMode
    assert max(panel.params_bars.opts["height"]) == pytest.approx(np.log10(2_359_296))
    panel.set_log_scale(False)
    assert not panel.log_scale.isChecked()
    assert not item.ctrl.logYCheck.isChecked()
    assert max(panel.params_bars.opts["height"]) == 2_359_296


def test_hover_and_click_map_x_to_the_nearest_layer(panel, qtbot, summary_of):
    summary = summary_of("resnet50")
    assert panel.row_at(10.2) == 10
    assert panel.row_at(9.6) == 10
    assert panel.row_at(-0.7) is None
    assert panel.row_at(175.4) == 175
    assert panel.row_at(176.6) is None
    name = summary.layers[10].name
    assert panel.hover_text("params", 10.2) == f"{name} — {summary.layers[10].params:,} params"
    conv = next(i for i, row in enumerate(summary.layers) if row.name == "conv3_block1_2_conv")
    assert panel.hover_text("params", conv) == "conv3_block1_2_conv — 147,456 params"
    assert (
        panel.hover_text("macs", conv)
        == f"conv3_block1_2_conv — {summary.layers[conv].macs:,} MACs"
    )
    with qtbot.waitSignal(panel.layer_clicked, timeout=1000) as blocker:
        panel.click_at(10.2)
    assert blocker.args == [10]
    with qtbot.assertNotEmitted(panel.layer_clicked):
        assert panel.click_at(500.0) is None


def test_click_maps_back_to_summary_rows_past_nested_models(qtbot, summary_of):
    widget = ChartsPanel()
    qtbot.addWidget(widget)
    summary = summary_of("convnext_tiny")
    widget.set_summary(summary)
    assert widget.row_at(1.0) == 2  # row 1 is the stem's nested model, which has no bar
    assert summary.layers[widget.row_at(1.0)].name == "convnext_tiny_stem_conv"
    widget.highlight(2)
    assert widget.markers["params"].value() == 1
    widget.highlight(1)  # the nested model itself: nothing to mark
    assert not widget.markers["params"].isVisible()


def test_real_mouse_click_on_a_bar(panel, qtbot):
    plot = panel.plots["params"]
    panel.show()
    qtbot.waitExposed(panel)
    view = plot.getPlotItem().vb
    view.setRange(xRange=(0, 20), yRange=(0, 1), padding=0)
    scene_pos = view.mapViewToScene(QPointF(10.2, 0.5))
    assert panel._view_x("params", scene_pos) == pytest.approx(10.2, abs=0.1)
    with qtbot.waitSignal(panel.layer_clicked, timeout=1000) as blocker:
        qtbot.mouseClick(
            plot.viewport(), Qt.MouseButton.LeftButton, pos=plot.mapFromScene(scene_pos)
        )
    assert blocker.args == [10]
    panel._on_mouse_moved("params", scene_pos)  # what the scene's sigMouseMoved calls
    assert QToolTip.text() == f"{panel.series.names[10]} — {panel.series.params[10]:,} params"


def test_highlight(panel):
    panel.highlight(5)
    for marker in panel.markers.values():
        assert marker.isVisible()
        assert marker.value() == 5
    panel.highlight(None)
    assert not any(marker.isVisible() for marker in panel.markers.values())


def test_export(panel, tmp_path):
    png = tmp_path / "params.png"
    panel.export("params", str(png))
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = struct.unpack(">I", data[16:20])[0]  # for slides: at least 1600 px, 2x the plot
    plot_width = round(panel.plots["params"].getPlotItem().sceneBoundingRect().width())
    assert width == max(1600, 2 * plot_width)
    assert panel.plots["params"].getPlotItem().titleLabel.text == "Parameters per layer — resnet50"
    svg = tmp_path / "feature_maps.svg"
    panel.export("feature_maps", str(svg))
    text = svg.read_text()
    assert text.startswith("<?xml") or "<svg" in text
    with pytest.raises(ValueError, match=r"\.pdf"):
        panel.export("macs", str(tmp_path / "macs.pdf"))
    assert not (tmp_path / "macs.pdf").exists()


def test_export_button_and_the_plots_menu_use_our_exporter(qtbot, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from explorer.qt.panels.charts import ChartsPanel

    panel = ChartsPanel()
    qtbot.addWidget(panel)
    answers = [str(tmp_path / "macs.svg"), str(tmp_path / "cumulative.png")]
    asked = []

    def save_name(parent, title, name, filters):
        asked.append(name)
        return answers.pop(0), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    panel.exporter.choice.setCurrentIndex(2)
    assert panel.exporter.choice.currentData() == "macs"
    panel.exporter.button.click()
    assert "<svg" in (tmp_path / "macs.svg").read_text()
    # pyqtgraph's right-click "Export..." would open its own dialog and broken SVG exporter.
    action = panel.plots["cumulative"].scene().contextMenu[0]
    assert action.text() == "Export Chart…"
    action.trigger()
    assert (tmp_path / "cumulative.png").read_bytes()[:4] == b"\x89PNG"
    assert asked == ["macs.png", "cumulative.png"]

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    assert not panel.export_with_dialog("macs", str(tmp_path / "macs.gif"))
    assert shown == [
        "The chart was not exported.\n\ncannot export a chart as .gif; use .png or .svg"
    ]


def test_a_failed_export_leaves_the_old_file_whole(panel, tmp_path, monkeypatch) -> None:
    from pyqtgraph.exporters import ImageExporter

    old = tmp_path / "params.png"
    old.write_bytes(b"an older chart")
    monkeypatch.setattr(ImageExporter, "export", lambda self, name: None)  # Qt wrote nothing
    with pytest.raises(ExplorerError, match=r"params\.png: Qt wrote an empty file"):
        panel.export("params", str(old))
    assert old.read_bytes() == b"an older chart"
    assert [p.name for p in tmp_path.iterdir()] == ["params.png"]


def test_axes_read_as_si_numbers(panel, qtbot) -> None:
    panel.show()
    qtbot.wait(10)
    left = panel.plots["cumulative"].getPlotItem().getAxis("left")
    ticks = [
        text
        for level in left.tickValues(0, 25_610_152, 400)
        for text in left.tickStrings(level[1], 1, level[0])
    ]
    assert "20 M" in ticks and not any("e+" in text for text in ticks)
    assert "x1e" not in left.labelString()  # no "(x1e+07)" in the axis title
    panel.set_log_scale(True)
    log_axis = panel.plots["params"].getPlotItem().getAxis("left")
    assert log_axis.tickStrings([3.0, 6.0], 1, 1) == ["1 k", "1 M"]
