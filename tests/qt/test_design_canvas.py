"""The design canvas through its real widgets, against a fake worker client: an Inception-style
block built by palette drops and port drags, a wrong Add fixed by a projection, moves, deletes,
blocks and outputs from the context menu, undo and redo of each, save and open."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from explorer.core.sources.designs import files as design_files
from explorer.core.sources.designs.model import Design
from tests.qt.canvas_driver import (
    LEFT,
    NONE,
    click_box,
    drag_box,
    drop,
    open_canvas,
    set_args,
    wire,
)

PROBLEM_ADD = (
    "Add add: inputs (None, 56, 56, 64) and (None, 28, 28, 128) differ; use a projection "
    "(1×1 Conv2D with strides 2)"
)


def menu_action(canvas, item, text: str):
    menu = canvas.view.menu_for(item)
    (action,) = [a for a in menu.actions() if a.text() == text]
    return action


def walk_history(designer) -> None:
    """Redo what is undone, undo every step back to the start, then redo them all: each design
    comes back exactly."""
    stack, seen = designer.undo_stack, []
    while stack.canRedo():
        designer.redo_action.trigger()
    while stack.canUndo():
        seen.append(designer.design)
        designer.undo_action.trigger()
    for design in reversed(seen):
        designer.redo_action.trigger()
        assert designer.design == design
    assert not stack.canRedo()


def build_inception(canvas) -> list[Design]:
    """The four branches of an Inception block over a 28×28×192 input, concatenated; the
    design after each step."""
    designer = canvas.designer
    steps = [designer.design]

    def step(name: str | None = None) -> str:
        """Record the design after one action (``name``: the layer it added, passed on)."""
        assert designer.design != steps[-1]
        steps.append(designer.design)
        return name or ""

    set_args(canvas, "input_layer", shape=(28, 28, 192))
    step()
    one = step(drop(canvas, "Conv2D", -200, 200))
    set_args(canvas, one, filters=64, kernel_size=1)
    step()
    reduce3 = step(drop(canvas, "Conv2D", 100, 200))
    reduce5 = step(drop(canvas, "Conv2D", 400, 200))
    pool = step(drop(canvas, "MaxPooling2D", 700, 200))
    three = step(drop(canvas, "Conv2D", 100, 400))
    five = step(drop(canvas, "Conv2D", 400, 400))
    project = step(drop(canvas, "Conv2D", 700, 400))
    merge = step(drop(canvas, "Concatenate", 250, 600))
    for name, args in (
        (reduce3, {"filters": 96, "kernel_size": 1}),
        (reduce5, {"filters": 16, "kernel_size": 1}),
        (pool, {"pool_size": 3, "strides": 1, "padding": "same"}),
        (three, {"filters": 128, "kernel_size": 3, "padding": "same"}),
        (five, {"filters": 32, "kernel_size": 5, "padding": "same"}),
        (project, {"filters": 32, "kernel_size": 1}),
    ):
        set_args(canvas, name, **args)
        step()
    for source, target in (
        ("input_layer", one),
        ("input_layer", reduce3),
        ("input_layer", reduce5),
        ("input_layer", pool),
        (reduce3, three),
        (reduce5, five),
        (pool, project),
    ):
        wire(canvas, source, target)
        step()
    for slot, branch in enumerate((one, three, five, project)):
        wire(canvas, branch, merge, slot)  # each time onto the free port
        step()
    # The output mark followed the wiring: from the Input to the 1×1 branch wired from it, then
    # on to the merge; no other wire moved it (their sources were not outputs).
    assert designer.design.output_names() == (merge,)
    assert canvas.nodes[merge].look.output
    menu_action(canvas, canvas.nodes[merge], "Mark as Output").trigger()  # already: no step
    assert designer.design == steps[-1]
    return steps


def test_build_an_inception_block_by_drops_and_port_drags(qtbot, window, fake) -> None:
    canvas = open_canvas(qtbot, window)
    designer = canvas.designer
    steps = build_inception(canvas)
    design = designer.design
    assert [layer.name for layer in design.layers] == [
        "input_layer",
        "conv2d",
        "conv2d_1",
        "conv2d_2",
        "max_pooling2d",
        "conv2d_3",
        "conv2d_4",
        "conv2d_5",
        "concatenate",
    ]
    assert design.inputs_of("concatenate") == ("conv2d", "conv2d_3", "conv2d_4", "conv2d_5")
    assert design.inputs_of("conv2d_5") == ("max_pooling2d",)
    assert design.output_names() == ("concatenate",)
    assert design.layer("conv2d").position == (-300.0, 171.0)  # centred where it was dropped
    shapes = {r.name: r.output_shape for r in designer.checks}
    assert shapes == {
        "input_layer": (None, 28, 28, 192),
        "conv2d": (None, 28, 28, 64),
        "conv2d_1": (None, 28, 28, 96),
        "conv2d_2": (None, 28, 28, 16),
        "max_pooling2d": (None, 28, 28, 192),
        "conv2d_3": (None, 28, 28, 128),
        "conv2d_4": (None, 28, 28, 32),
        "conv2d_5": (None, 28, 28, 32),
        "concatenate": (None, 28, 28, 256),
    }
    assert all(r.ok for r in designer.checks)
    # On the canvas: the merge's ports are labelled in order, one free; nothing red or grey.
    merge = canvas.nodes["concatenate"].look
    assert merge.ports == ("1", "2", "3", "4", "5")
    assert merge.connected == 4
    assert merge.shape == "(None, 28, 28, 256)"
    assert merge.output and merge.note is None
    assert len(canvas.wires) == 11 and not any(w.bad for w in canvas.wires)
    # Every step was one undo step, and the window built the design each time.
    assert designer.undo_stack.count() == len(steps) - 1
    assert fake.builds()[-1] == design_files.to_json(design)
    # Undo goes back through every step exactly, and redo forward again.
    for before in reversed(steps[:-1]):
        designer.undo_action.trigger()
        assert designer.design == before
        assert set(canvas.nodes) == {layer.name for layer in before.layers}
    for after in steps[1:]:
        designer.redo_action.trigger()
        assert designer.design == after
    assert len(canvas.wires) == 11


def test_a_wrong_add_shows_its_reason_and_a_projection_fixes_it(qtbot, window) -> None:
    canvas = open_canvas(qtbot, window)
    designer = canvas.designer
    set_args(canvas, "input_layer", shape=(56, 56, 64))
    conv = drop(canvas, "Conv2D", 350, 200)
    set_args(canvas, conv, filters=128, strides=2, padding="same")
    add = drop(canvas, "Add", 100, 400)
    wire(canvas, "input_layer", conv)
    wire(canvas, "input_layer", add, 0)
    wire(canvas, conv, add, 1)
    menu_action(canvas, canvas.nodes[add], "Mark as Output").trigger()
    result = designer.checks[designer.design.index(add)]
    assert result.problem == PROBLEM_ADD
    node = canvas.nodes[add]
    assert node.look.problem and node.note is not None
    assert node.note.toPlainText() == PROBLEM_ADD  # written under the box, not only a tip
    assert node.note.isVisible()
    into_add = sorted((w.slot, w.bad) for w in canvas.wires if w.target == add)
    assert into_add == [(slot, slot in result.bad_inputs) for slot in (0, 1)]
    assert any(bad for _, bad in into_add)
    # The projection: a 1×1 Conv2D with strides 2 on the shortcut, wired onto the Add's first
    # port (it replaces the input there).
    project = drop(canvas, "Conv2D", -150, 200)
    set_args(canvas, project, filters=128, kernel_size=1, strides=2)
    wire(canvas, "input_layer", project)
    wire(canvas, project, add, 0)
    assert designer.design.inputs_of(add) == (project, conv)
    result = designer.checks[designer.design.index(add)]
    assert result.ok and result.output_shape == (None, 28, 28, 128)
    assert canvas.nodes[add].note is None and not canvas.nodes[add].look.problem
    assert not any(w.bad for w in canvas.wires)
    # Undo brings the reason back, on the box and on its connection.
    designer.undo_action.trigger()
    assert canvas.nodes[add].note.toPlainText() == PROBLEM_ADD
    assert any(w.bad for w in canvas.wires if w.target == add)


def test_refusals_moves_deletes_and_escape(qtbot, window) -> None:
    canvas = open_canvas(qtbot, window)
    designer, view = canvas.designer, canvas.view
    a = drop(canvas, "Conv2D", 100, 250)
    b = drop(canvas, "ReLU", 100, 450)
    wire(canvas, "input_layer", a)
    wire(canvas, a, b)
    count, before = designer.undo_stack.count(), designer.design
    # A cycle is refused with its reason; nothing changes.
    wire(canvas, b, a)
    assert designer.design == before and designer.undo_stack.count() == count
    assert canvas.message.isVisible()
    assert canvas.message.text() == (
        "Conv2D conv2d: connecting re_lu to conv2d would make a cycle: conv2d already feeds re_lu"
    )
    # Escape while drawing a connection cancels it.
    start = view.mapFromScene(canvas.nodes[a].output.centre())
    QTest.mousePress(view.viewport(), LEFT, NONE, start)
    assert view.wiring is not None
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert view.wiring is None
    QTest.mouseRelease(view.viewport(), LEFT, NONE, start)
    assert designer.design == before
    # A layer with no input says so in red; wired but leading to no output, it is grey.
    loose = drop(canvas, "Dense", 450, 450)
    assert canvas.nodes[loose].note.toPlainText() == "Dense dense: has no input: connect one"
    assert canvas.nodes[loose].look.problem
    wire(canvas, a, loose)
    assert canvas.nodes[loose].note.toPlainText() == "not part of the model"
    assert not canvas.nodes[loose].look.problem
    # Two selected boxes move together: one undo step, both positions set.
    canvas.scene.clearSelection()
    canvas.nodes[a].setSelected(True)
    canvas.nodes[b].setSelected(True)
    count, before = designer.undo_stack.count(), designer.design
    drag_box(canvas, a, 60, 20)
    assert designer.undo_stack.count() == count + 1
    moved = designer.design
    for name in (a, b):
        x, y = before.layer(name).position or (0.0, 0.0)
        assert moved.layer(name).position == (x + 60, y + 20)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the window's Undo
    assert designer.design == before
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(view, Qt.Key.Key_Z, shift_ctrl)
    assert designer.design == moved
    # A click selects in the layer list too; the list selects on the canvas.
    canvas.scene.clearSelection()
    click_box(canvas, b)
    assert designer.layers.currentRow() == designer.design.index(b)
    designer.layers.setCurrentRow(designer.design.index(a))
    assert canvas.selected_names() == {a}
    # Delete: a connection (selected), then a layer; one step each.
    canvas.scene.clearSelection()
    (link,) = [w for w in canvas.wires if (w.source, w.target) == (a, b)]
    link.setSelected(True)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert designer.design.inputs_of(b) == ()
    click_box(canvas, loose)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert loose not in {layer.name for layer in designer.design.layers}
    designer.undo_action.trigger()
    designer.undo_action.trigger()
    assert designer.design == moved
    walk_history(designer)


def test_blocks_from_the_context_menu(qtbot, window, monkeypatch) -> None:
    canvas = open_canvas(qtbot, window)
    designer = canvas.designer
    set_args(canvas, "input_layer", shape=(16, 16, 8))
    block = drop(canvas, "ResidualBlock", 100, 250)
    wire(canvas, "input_layer", block)
    menu_action(canvas, canvas.nodes[block], "Mark as Output").trigger()
    before = designer.design
    menu_action(canvas, canvas.nodes[block], "Expand Block").trigger()
    expanded = designer.design
    members = expanded.groups()[block]
    assert len(members) > 3 and set(members) <= set(canvas.nodes)
    assert block in canvas.frames  # drawn open, in a frame
    # Double-click folds it into one box, and back.
    canvas.view.centerOn(canvas.nodes[members[0]])
    pixel = canvas.view.mapFromScene(canvas.nodes[members[0]].mapToScene(QPointF(100, 30)))
    QTest.mouseDClick(canvas.view.viewport(), LEFT, NONE, pixel)
    assert set(canvas.blocks) == {block} and not set(members) & set(canvas.nodes)
    # Its connections to the rest end on the folded box; those inside are not drawn.
    box = canvas.blocks[block]
    into = [w for w in canvas.wires if w.source == "input_layer"]
    assert len(into) == 2  # the main path and the projection shortcut
    assert all(w.target in members and w.path().currentPosition() == box.top() for w in into)
    assert all(w.source not in members or w.target not in members for w in canvas.wires)
    assert designer.design == expanded  # folding is the view's, not an edit
    canvas.toggle_fold(block)
    assert block in canvas.frames
    # Ungroup, then group two of its layers again under a name the user gives.
    menu_action(canvas, canvas.frames[block], f"Ungroup {block}").trigger()
    assert designer.design.groups() == {}
    canvas.scene.clearSelection()
    for name in members[:2]:
        canvas.nodes[name].setSelected(True)
    monkeypatch.setattr(canvas, "ask_block_name", lambda: "stem")
    menu_action(canvas, canvas.nodes[members[0]], "Group as Block…").trigger()
    assert designer.design.groups() == {"stem": tuple(members[:2])}
    grouped = designer.design
    designer.undo_action.trigger()
    assert designer.design.groups() == {}
    designer.undo_action.trigger()
    assert designer.design == expanded
    designer.redo_action.trigger()
    designer.redo_action.trigger()
    assert designer.design == grouped
    designer.undo_action.trigger()
    designer.undo_action.trigger()
    designer.undo_action.trigger()
    assert designer.design == before
    walk_history(designer)


def test_auto_layout_is_one_step_and_save_then_open_gives_the_same_json(
    qtbot, window, tmp_path
) -> None:
    canvas = open_canvas(qtbot, window)
    designer, designs = canvas.designer, window.designs
    build_inception(canvas)
    count = designer.undo_stack.count()
    canvas.layout_button.click()
    assert designer.undo_stack.count() == count + 1
    laid = designer.design
    assert all(layer.position is not None for layer in laid.layers)
    assert laid.layer("input_layer").position[1] < laid.layer("conv2d").position[1]
    assert laid.layer("conv2d_3").position[1] < laid.layer("concatenate").position[1]
    path = tmp_path / "inception.design.json"
    assert designs.save_design_as(str(path))
    text = path.read_text()
    assert text == design_files.to_json(laid)
    assert designs.open_design(str(path))
    assert designer.design == laid
    assert designer.undo_stack.count() == 0  # a file opened: a new history
    again = tmp_path / "again.design.json"
    assert designs.save_design_as(str(again))
    assert again.read_text() == text


def test_attention_s_ports_are_named_in_the_window_s_language(qtbot, window) -> None:
    from explorer.qt import i18n

    canvas = open_canvas(qtbot, window)
    set_args(canvas, "input_layer", shape=(10, 16))
    attention = drop(canvas, "MultiHeadAttention", 100, 250)
    assert canvas.nodes[attention].look.ports == ("query",)  # one input: self-attention
    wire(canvas, "input_layer", attention, 0)
    assert canvas.nodes[attention].look.ports == ("query", "value")
    project = drop(canvas, "Dense", 400, 250)
    wire(canvas, "input_layer", project)
    wire(canvas, project, attention, 1)
    assert canvas.designer.design.inputs_of(attention) == ("input_layer", project)
    assert canvas.designer.design.output_names() == (attention,)  # passed on by the first wire
    loose = drop(canvas, "Dense", 700, 250)
    wire(canvas, "input_layer", loose)  # the Input is no output now: nothing passed on
    assert canvas.nodes[attention].look.ports == ("query", "value")  # takes no more
    window.set_language(i18n.CHINESE)
    assert canvas.nodes[attention].look.ports == ("query（查询）", "value（值）")  # noqa: RUF001 - Chinese punctuation
    assert canvas.layout_button.text() == "自动布局"
    assert canvas.nodes[loose].look.note == "不属于模型"


def test_edit_design_is_offered_while_a_design_is_on_screen(qtbot, window) -> None:
    from tests.qt.conftest import pick

    graph = window.graph
    window.show_view(graph)
    assert not graph.edit_button.isVisible() and not graph.edit_action.isEnabled()  # resnet50
    canvas = open_canvas(qtbot, window)
    assert graph.edit_button.isVisible() and graph.edit_action.isChecked()
    assert graph.pages.currentWidget() is canvas and not graph.color.isVisible()
    pick(qtbot, window, "resnet18")  # a catalog model: its drawing, no editing
    assert not graph.edit_action.isChecked() and not graph.edit_button.isVisible()
    assert graph.pages.currentWidget() is graph.view and graph.color.isVisible()


def test_the_drawing_folds_a_design_s_named_block(window) -> None:
    """Group as Block's name, whatever it is, folds in the Graph view's drawing (the window's
    summary here is ResNet18's recorded one, whose first layers the design names)."""
    from explorer.core.analysis.graph import folded_groups
    from explorer.core.sources.designs.model import DesignLayer
    from tests.recorded import recorded

    design = Design(
        "stemmed",
        (
            DesignLayer("Input", "input_layer", (("shape", (224, 224, 3)),)),
            DesignLayer("Conv2D", "conv1_conv", (("filters", 64),), group="stem"),
            DesignLayer("BatchNormalization", "conv1_bn", group="stem"),
        ),
    )
    window.show_view(window.graph)
    window.state.show(design_files.reference_for(design), recorded("resnet18"))
    graph = window.graph.graph
    assert graph.group("block:stem").members == ("conv1_conv", "conv1_bn")
    assert "block:stem" in folded_groups(graph, "blocks")


def test_a_tall_design_opens_readable_from_its_top_a_small_one_whole(qtbot, window) -> None:
    """At 1024x768 the U-Net's 18 rows fitted were a quarter of their size, unreadable: it opens
    at READABLE from the Input down; Fit still shows it all. The Inception block fits as it is."""
    from explorer.qt.panels.design_canvas import READABLE
    from tests.qt.conftest import open_example

    window.resize(1024, 768)
    window.show_view(window.graph)
    open_example(window, "small-unet")
    window.graph.edit_action.trigger()
    canvas = window.canvas
    qtbot.waitUntil(canvas.view.isVisible)
    view = canvas.view
    assert view.transform().m11() == READABLE
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(canvas.nodes["image"].sceneBoundingRect())  # the Input, at the top
    assert not shown.contains(canvas.nodes["mask"].sceneBoundingRect())
    canvas.fit_button.click()
    assert view.transform().m11() < READABLE  # all of it, small
    open_example(window, "inception-block")
    assert READABLE <= view.transform().m11() <= 1.0
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert all(shown.contains(node.sceneBoundingRect()) for node in canvas.nodes.values())


def test_connect_from_the_keyboard(qtbot, window) -> None:
    """A layer chosen in the list (arrow keys), the Menu key on the canvas: its menu, beside its
    box, offers Connect to each layer that may take its output, none that would make a cycle."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QMenu

    canvas = open_canvas(qtbot, window)
    designer = canvas.designer
    dense = drop(canvas, "Dense", 100, 250)
    relu = drop(canvas, "ReLU", 100, 450)

    def connect_menu(name: str) -> QMenu:
        designer.select(name)
        assert canvas.selected_names() == {name}
        origin = QPoint(0, 0)
        keyboard = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, origin, origin)
        item, where = canvas.view.menu_place(keyboard)
        assert item is canvas.nodes[name]
        corner = canvas.view.mapFromScene(item.sceneBoundingRect().bottomLeft())
        assert where == canvas.view.viewport().mapToGlobal(corner)  # beside its box
        (action,) = [a for a in canvas.view.menu_for(item).actions() if a.text() == "Connect to"]
        return action.menu()

    offered = connect_menu("input_layer").actions()
    assert [a.text() for a in offered] == [f"Dense {dense}", f"ReLU {relu}"]
    offered[0].trigger()
    assert designer.design.inputs_of(dense) == ("input_layer",)
    assert designer.design.output_names() == (dense,)  # the mark passed on
    offered = connect_menu(dense).actions()
    assert [a.text() for a in offered] == [f"ReLU {relu}"]  # not the Input, nothing feeding it
    offered[0].trigger()
    assert designer.design.inputs_of(relu) == (dense,)
    assert designer.design.output_names() == (relu,)
    assert not connect_menu(relu).isEnabled()  # everything else feeds it
    designer.undo_action.trigger()
    assert designer.design.inputs_of(relu) == ()
