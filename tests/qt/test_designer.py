"""The designer through its real widgets: palette, layer list, properties, undo and redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QSpinBox

from explorer.core.exports.summaries import shape_text
from explorer.core.sources.designs import files as design_files
from explorer.core.sources.designs.shapes import check
from explorer.qt.panels.designer import DesignerPanel
from explorer.qt.widgets.param_form import ShapeEditor

MINI_RESNET = "resources/designs/mini-resnet.design.json"


@pytest.fixture
def designer(qtbot) -> DesignerPanel:
    panel = DesignerPanel()
    qtbot.addWidget(panel)
    return panel


def rows(panel: DesignerPanel) -> list[str]:
    return [panel.layers.item(i).text() for i in range(panel.layers.count())]


def choose(panel: DesignerPanel, kind: str) -> None:
    (item,) = panel.palette.findItems(kind, Qt.MatchFlag.MatchExactly)
    panel.palette.setCurrentItem(item)


def test_build_a_stack_with_the_palette_edit_undo_and_redo(qtbot, designer) -> None:
    announced = []
    designer.design_changed.connect(announced.append)
    assert rows(designer) == ["1. input_layer  (Input)  (None, 32, 32, 3)"]
    for kind in ("Conv2D", "Flatten", "Dense"):
        choose(designer, kind)
        designer.add_button.click()
    assert rows(designer) == [
        "1. input_layer  (Input)  (None, 32, 32, 3)",
        "2. conv2d  (Conv2D)  (None, 30, 30, 32)",
        "3. flatten  (Flatten)  (None, 28800)",
        "4. dense  (Dense)  (None, 10)",
    ]
    assert announced[-1] is designer.design and len(announced) == 3

    # The property editor is generated from the selected layer's arguments.
    designer.layers.setCurrentRow(1)
    assert designer.kind_label.text().startswith("<b>Conv2D</b>")
    designer.properties.editor("filters").setValue(16)
    designer.properties.editor("filters").setValue(8)  # the same spin box: one undo step
    designer.properties.editor("padding").setCurrentText("same")
    assert designer.design.layers[1].values["filters"] == 8
    assert rows(designer)[1] == "2. conv2d  (Conv2D)  (None, 32, 32, 8)"
    assert designer.undo_stack.count() == 4  # three adds and one merged change of conv2d
    designer.undo_action.trigger()
    assert designer.design.layers[1].values["filters"] == 32
    assert designer.design.layers[1].values["padding"] == "valid"
    assert designer.layers.currentRow() == 1
    assert designer.properties.editor("filters").value() == 32  # the form follows the design
    designer.redo_action.trigger()
    assert rows(designer)[1] == "2. conv2d  (Conv2D)  (None, 32, 32, 8)"

    # Rename, reorder with the buttons, delete; each one step back.
    designer.layer_name.setText("features")
    designer.layer_name.editingFinished.emit()
    assert [layer.name for layer in designer.design.layers] == [
        "input_layer",
        "features",
        "flatten",
        "dense",
    ]
    designer.layers.setCurrentRow(3)
    designer.up_button.click()
    assert [layer.name for layer in designer.design.layers][2:] == ["dense", "flatten"]
    assert designer.layers.currentRow() == 2
    designer.delete_button.click()
    assert [layer.name for layer in designer.design.layers] == [
        "input_layer",
        "features",
        "flatten",
    ]
    for _ in range(3):
        designer.undo_action.trigger()
    assert [layer.name for layer in designer.design.layers] == [
        "input_layer",
        "conv2d",
        "flatten",
        "dense",
    ]
    assert designer.undo_action.text() == "Undo Change conv2d"


def test_a_bad_value_is_explained_and_changes_nothing(designer) -> None:
    designer.layer_name.setText("2bad")
    designer.layer_name.editingFinished.emit()
    assert designer.design.layers[0].name == "input_layer"
    assert designer.properties.error_text(None) == (
        "'2bad' is not a usable layer name: use letters, digits and _, not starting with a digit"
    )
    assert designer.undo_stack.count() == 0


def test_an_impossible_layer_is_highlighted_and_the_rest_stays_usable(designer) -> None:
    designer.layers.setCurrentRow(0)
    designer.properties.editor("shape").set_value((3, 3, 1))
    designer.properties.values_edited.emit()
    choose(designer, "Conv2D")
    designer.add_layer("Conv2D", kernel_size=7)
    designer.add_layer("Flatten")
    reason = (
        "Conv2D conv2d: kernel 7×7 is larger than its 3×3 input; use padding same or a smaller size"
    )
    assert designer.problems() == {"conv2d": reason}
    item = designer.layers.item(1)
    assert item.toolTip() == reason
    assert item.foreground().color().name() == "#b00020"
    assert item.text() == "2. conv2d  (Conv2D)  —"
    # The layer after it still gets a shape: the impossible one is left out.
    assert designer.layers.item(2).text() == "3. flatten  (Flatten)  (None, 9)"
    designer.layers.setCurrentRow(1)
    assert designer.problem.isVisibleTo(designer) and designer.problem.text() == reason
    designer.properties.editor("padding").setCurrentText("same")
    assert designer.problems() == {}
    assert designer.layers.item(2).text() == "3. flatten  (Flatten)  (None, 288)"


def test_dragging_a_layer_moves_it_and_undo_moves_it_back(qtbot, designer) -> None:
    designer.set_design(design_files.load(MINI_RESNET))
    names = [layer.name for layer in designer.design.layers]
    model = designer.layers.model()
    assert model.moveRow(QModelIndex(), 8, QModelIndex(), 4)  # predictions above block1
    qtbot.waitUntil(lambda: designer.undo_stack.count() == 1)
    moved = [layer.name for layer in designer.design.layers]
    assert moved == [*names[:4], "predictions", *names[4:8]]
    assert rows(designer)[4].startswith("5. predictions  (Dense)")
    assert [r.text() for r in [designer.layers.item(i) for i in range(9)]] == [
        f"{c.index + 1}. {c.name}  ({c.kind})  "
        + (shape_text(c.output_shape) if c.output_shape else "—")
        for c in check(designer.design)
    ]
    designer.undo_action.trigger()
    assert [layer.name for layer in designer.design.layers] == names


def test_a_move_that_would_make_a_cycle_is_refused_and_changes_nothing(qtbot, designer) -> None:
    """x takes the previous layer, y takes x by name: y above x would have x take y."""
    from explorer.core.sources.designs.model import Design, DesignLayer

    image = DesignLayer("Input", "image", (("shape", (8, 8, 3)),))
    x = DesignLayer("Conv2D", "x", (("filters", 4),))
    y = DesignLayer("Conv2D", "y", (("filters", 4),), inputs=("x",))
    designer.set_design(Design("mixed", (image, x, y)))
    before = designer.design
    error = "Conv2D y: its inputs make a cycle: y → x → y"
    designer.move_layer(2, -1)  # the Up button
    assert designer.design == before and designer.undo_stack.count() == 0
    assert designer.properties._general_error.text() == error
    assert designer.properties._general_error.isVisibleTo(designer)
    model = designer.layers.model()
    assert model.moveRow(QModelIndex(), 2, QModelIndex(), 1)  # dragged in the list
    qtbot.wait(50)  # the move is redone on the design after Qt's own
    assert designer.design == before and designer.undo_stack.count() == 0
    assert [designer.layers.item(i).text().split("  ")[0] for i in range(3)] == [
        "1. image",
        "2. x",
        "3. y",
    ]


def test_a_pooling_stride_of_0_reads_as_the_pool_size(qtbot, designer) -> None:
    choose(designer, "MaxPooling2D")
    designer.add_button.click()
    strides = designer.properties.editor("strides")
    assert strides.value() == 0
    assert strides.text() == "same as the pool size"
    strides.setValue(1)
    assert strides.text() == "1"


def test_a_text_model_from_the_palette_token_ids_embedding_and_lstm(qtbot, designer) -> None:
    designer.layers.setCurrentRow(0)
    shape = designer.properties.editor("shape")
    assert isinstance(shape, ShapeEditor) and shape.rank_choice is not None
    assert [shape.rank_choice.itemText(i) for i in range(shape.rank_choice.count())] == [
        "image: height x width x channels",
        "sequence: steps x features",
        "token ids or a vector: steps",
    ]
    shape.rank_choice.setCurrentIndex(2)  # token ids: the first size stays, as steps
    assert designer.design.layers[0].values["shape"] == (32,)
    assert designer.undo_stack.count() == 1  # one step, whatever the spin boxes did
    assert [s.objectName() for s in shape.findChildren(QSpinBox) if s.isVisibleTo(shape)] == [
        "steps"
    ]
    for kind in ("Embedding", "LSTM", "GlobalAveragePooling1D", "Dense"):
        choose(designer, kind)
        designer.add_button.click()
    assert rows(designer) == [
        "1. input_layer  (Input)  (None, 32)",
        "2. embedding  (Embedding)  (None, 32, 64)",
        "3. lstm  (LSTM)  (None, 32)",
        "4. global_average_pooling1d  (GlobalAveragePooling1D)  —",
        "5. dense  (Dense)  (None, 10)",
    ]
    assert designer.problems() == {
        "global_average_pooling1d": "GlobalAveragePooling1D global_average_pooling1d: needs a "
        "3-D input (batch, steps, features), not (None, 32); lstm gives only its last state: "
        "tick its return_sequences"
    }
    # The LSTM's form is generated from its kind: units, and a box for every step's output.
    designer.layers.setCurrentRow(2)
    assert designer.kind_label.text().startswith("<b>LSTM</b> — Long short-term memory")
    assert designer.properties.editor("units").value() == 32
    designer.properties.editor("return_sequences").setChecked(True)
    assert rows(designer)[2:4] == [
        "3. lstm  (LSTM)  (None, 32, 32)",
        "4. global_average_pooling1d  (GlobalAveragePooling1D)  (None, 32)",
    ]
    assert designer.problems() == {}
    designer.undo_action.trigger()
    assert designer.design.layers[2].values["return_sequences"] is False
    assert list(designer.problems()) == ["global_average_pooling1d"]
    # Back to an image: a square one, the steps as its sides, 3 channels as by default.
    designer.layers.setCurrentRow(0)
    shape = designer.properties.editor("shape")  # a new form: the LSTM's was shown
    assert isinstance(shape, ShapeEditor) and shape.rank_choice is not None
    assert shape.rank_choice.currentIndex() == 2 and shape.value() == (32,)
    shape.rank_choice.setCurrentIndex(0)
    assert designer.design.layers[0].values["shape"] == (32, 32, 3)
    assert designer.problems()["embedding"] == (
        "Embedding embedding: needs token ids (batch, steps), not (None, 32, 32, 3): give the "
        "Input one size, the number of steps"
    )
