"""The Graph view in the window, against a fake worker client: drawing, folding, colours,
selection linked with the table, search, export."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

from PySide6.QtCore import Qt

from explorer.qt.panels.graph import COLOR_KEY, GraphPanel
from explorer.qt.state import WindowState
from tests.qt.conftest import pick
from tests.recorded import recorded


def show_graph(qtbot, window) -> GraphPanel:
    window.show_graph()
    qtbot.waitUntil(lambda: window.graph.drawing is not None)
    return window.graph


def box_ids(panel: GraphPanel) -> list[str]:
    assert panel.drawing is not None
    return [box.id for box in panel.drawing.boxes]


def test_a_big_model_opens_folded_to_blocks_and_opens_by_double_click(qtbot, window) -> None:
    graph = show_graph(qtbot, window)  # resnet50: 176 layers
    assert window.views.currentWidget() is graph
    assert graph.fold.currentData() == "blocks"
    ids = box_ids(graph)
    assert len(ids) == 24 and ids[6] == "block:conv2_block1"
    graph.toggle("block:conv2_block1")
    assert len(box_ids(graph)) == 24 - 1 + 12  # a bottleneck block with its projection
    assert "conv2_block1_0_conv" in box_ids(graph)
    graph.fold_around("conv2_block1_0_conv")  # folds its block again
    assert len(box_ids(graph)) == 24
    graph.fold.setCurrentIndex(graph.fold.findData("stages"))
    graph.fold.activated.emit(graph.fold.currentIndex())
    assert box_ids(graph) == [
        f"stage:{name}" for name in ("stem", "conv2_x", "conv3_x", "conv4_x", "conv5_x", "head")
    ]
    # The keyboard opens the selected folded box.
    graph._boxes["stage:head"].setSelected(True)
    graph.view.setFocus()
    qtbot.keyClick(graph.view, Qt.Key.Key_Return)
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
    graph.unfold("block:conv2_block2")
    assert "conv2_block2_1_conv" in box_ids(graph)
    graph.fold_or_close("conv2_block2_1_conv")
    assert "block:conv2_block2" in box_ids(graph)
    graph.unfold("block:conv2_block2")
    graph.fold_or_close("block:conv2_block2")  # the open block's frame
    assert "block:conv2_block2" in graph.folded()
