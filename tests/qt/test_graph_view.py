"""The Graph view in the window, against a fake worker client: drawing, folding, colours,
selection linked with the table, search, export."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QPoint, Qt

from explorer.qt.panels.graph import COLOR_KEY, GraphPanel
from explorer.qt.state import WindowState
from tests.qt.conftest import TIMEOUT_MS, pick
from tests.recorded import recorded


def show_graph(qtbot, window) -> GraphPanel:
    if window.graph.pending() or window.graph.drawing is None:
        with qtbot.waitSignal(window.graph.drawn, timeout=TIMEOUT_MS):
            window.show_graph()
    else:
        window.show_graph()
    return window.graph


def redrawn(qtbot, graph: GraphPanel, change) -> None:
    """Make ``change`` and wait until the graph is laid out again and drawn."""
    with qtbot.waitSignal(graph.drawn, timeout=TIMEOUT_MS):
        change()


def box_ids(panel: GraphPanel) -> list[str]:
    assert panel.drawing is not None
    return [box.id for box in panel.drawing.boxes]


def test_a_big_model_opens_folded_to_blocks_and_opens_by_double_click(qtbot, window) -> None:
    graph = show_graph(qtbot, window)  # resnet50: 176 layers
    assert window.views.currentWidget() is graph
    assert graph.fold.currentData() == "blocks"
    ids = box_ids(graph)
    assert len(ids) == 24 and ids[6] == "block:conv2_block1"
    redrawn(qtbot, graph, lambda: graph.toggle("block:conv2_block1"))
    assert len(box_ids(graph)) == 24 - 1 + 12  # a bottleneck block with its projection
    assert "conv2_block1_0_conv" in box_ids(graph)
    redrawn(qtbot, graph, lambda: graph.fold_around("conv2_block1_0_conv"))  # its block again
    assert len(box_ids(graph)) == 24
    graph.fold.setCurrentIndex(graph.fold.findData("stages"))
    redrawn(qtbot, graph, lambda: graph.fold.activated.emit(graph.fold.currentIndex()))
    assert box_ids(graph) == [
        f"stage:{name}" for name in ("stem", "conv2_x", "conv3_x", "conv4_x", "conv5_x", "head")
    ]
    # The keyboard opens the selected folded box.
    graph._boxes["stage:head"].setSelected(True)
    graph.view.setFocus()
    redrawn(qtbot, graph, lambda: qtbot.keyClick(graph.view, Qt.Key.Key_Return))
    assert box_ids(graph)[-2:] == ["avg_pool", "predictions"]


def test_a_small_model_shows_every_layer_and_selection_follows_the_table(qtbot, window) -> None:
    pick(qtbot, window, "resnet18")
    graph = show_graph(qtbot, window)
    assert graph.fold.currentData() == "none"
    assert len(box_ids(graph)) == 70
    # The table selects a layer: the graph selects its box.
    window.state.select_layer(1)
    assert graph.selected_box() == "conv1_conv"
    # The graph selects a box: the table selects its row.
    graph.scene.clearSelection()
    graph._boxes["conv2_block1_2_conv"].setSelected(True)
    row = [r.path for r in recorded("resnet18").layers].index("conv2_block1_2_conv")
    assert window.state.selected_layer == row
    selected = window.table.table.selectionModel().selectedRows()
    assert [window.table.proxy.mapToSource(i).row() for i in selected] == [row]
    # Search centres a layer and selects it everywhere.
    graph.search.setText("conv4_block2_1_c")
    assert graph.find()
    assert graph.selected_box() == "conv4_block2_1_conv"
    graph.search.setText("nothing like it")
    assert not graph.find()
    assert graph.legend.text() == "No layer's name contains 'nothing like it'."


def test_the_colour_choice_is_remembered(qtbot, settings) -> None:
    state = WindowState()
    first = GraphPanel(state, settings)
    qtbot.addWidget(first)
    first.color.setCurrentIndex(first.color.findData("type"))
    assert settings.value(COLOR_KEY) == "type"
    second = GraphPanel(state, settings)
    qtbot.addWidget(second)
    assert second.color_key() == "type"


def test_ctrl_f_finds_in_the_view_that_is_shown(qtbot, window) -> None:
    window.find_layer()
    assert window.table.filter_edit.hasFocus() or window.focusWidget() is window.table.filter_edit
    show_graph(qtbot, window)
    window.find_layer()
    assert window.focusWidget() is window.graph.search


def test_export_png_at_twice_the_size_and_svg(qtbot, window, tmp_path) -> None:
    graph = show_graph(qtbot, window)
    assert graph.export(str(tmp_path / "g.svg"))
    root = ET.fromstring((tmp_path / "g.svg").read_text())
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts[:2] == [
        "ResNet50",
        "resnet50 · 25,610,152 parameters · 3.86 G MACs per sample · 176 layers",
    ]
    assert graph.export(str(tmp_path / "g.png"))
    data = (tmp_path / "g.png").read_bytes()
    assert struct.unpack(">II", data[16:24]) == (
        2 * int(root.get("width")),
        2 * int(root.get("height")),
    )


def test_fold_or_close_folds_a_layer_s_block_or_a_frame(qtbot, window) -> None:
    graph = show_graph(qtbot, window)
    redrawn(qtbot, graph, lambda: graph.unfold("block:conv2_block2"))
    assert "conv2_block2_1_conv" in box_ids(graph)
    redrawn(qtbot, graph, lambda: graph.fold_or_close("conv2_block2_1_conv"))
    assert "block:conv2_block2" in box_ids(graph)
    redrawn(qtbot, graph, lambda: graph.unfold("block:conv2_block2"))
    redrawn(qtbot, graph, lambda: graph.fold_or_close("block:conv2_block2"))  # the frame
    assert "block:conv2_block2" in graph.folded()


def test_a_chart_bar_and_a_box_select_each_other(qtbot, window) -> None:
    graph = show_graph(qtbot, window)  # resnet50, folded to blocks
    rows = [r.path for r in recorded("resnet50").layers]
    # A bar: the box that shows its layer (here its folded block) is selected.
    with qtbot.waitSignal(window.charts.layer_clicked):
        assert window.charts.click_at(10.2) == 10
    assert rows[10] == "conv2_block1_2_bn"
    assert graph.selected_box() == "block:conv2_block1"
    # A box: the charts mark its bar.
    graph.scene.clearSelection()
    graph._boxes["conv1_conv"].setSelected(True)
    assert window.state.selected_layer == rows.index("conv1_conv") == 1
    markers = window.charts.markers.values()
    assert [window.charts.row_at(m.value()) for m in markers] == [1] * len(markers)
    assert all(m.isVisible() for m in markers)


def test_the_overview_shows_where_the_view_is_and_moves_it(qtbot, window) -> None:
    window.resize(1024, 768)
    graph = show_graph(qtbot, window)
    overview = graph.view.overview
    graph.fold.setCurrentIndex(graph.fold.findData("none"))
    redrawn(qtbot, graph, lambda: graph.fold.activated.emit(0))  # every layer: 176 boxes
    assert len(box_ids(graph)) == 176
    assert overview.isVisible()
    assert overview.height() <= graph.view.viewport().height()
    shown = overview.shown()
    assert shown.top() < 100  # a new drawing starts at the top
    # A click low in the overview centres the view low in the drawing.
    bottom = overview.rect().bottom() - 2
    qtbot.mouseClick(overview, Qt.MouseButton.LeftButton, pos=QPoint(overview.width() // 2, bottom))
    moved = overview.shown()
    assert moved.height() == pytest.approx(shown.height(), abs=1)
    assert moved.bottom() > graph.drawing.height - 50
    # Fitting the whole drawing in the view hides the overview.
    graph.fit()
    assert not overview.isVisible()


def test_only_the_newest_layout_is_drawn(qtbot, window) -> None:
    graph = show_graph(qtbot, window)
    drawn = []
    graph.drawn.connect(lambda: drawn.append(box_ids(graph)))
    for fold in ("stages", "none", "blocks", "stages"):  # faster than they are laid out
        graph.fold.setCurrentIndex(graph.fold.findData(fold))
        graph.fold.activated.emit(graph.fold.currentIndex())
    qtbot.waitUntil(lambda: bool(drawn) and not graph.pending())
    assert drawn[-1] == box_ids(graph) and len(box_ids(graph)) == 6
    assert len(drawn) <= 2  # the layout under way when asked, then only the newest
