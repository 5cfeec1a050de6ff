"""Designs as graphs: reading the wiring, and every edit by name with each of its refusals."""

from __future__ import annotations

import pytest

from explorer.core.base.errors import ParameterError
from explorer.core.sources.designs.kinds import KINDS
from explorer.core.sources.designs.model import Design, DesignLayer


def _input(name: str = "image", shape: tuple[int, ...] = (32, 32, 3)) -> DesignLayer:
    return DesignLayer("Input", name, (("shape", shape),))


def _conv(name: str, *inputs: str, filters: int = 8) -> DesignLayer:
    return DesignLayer("Conv2D", name, (("filters", filters),), inputs or None)


def _chain() -> Design:
    return Design("net", (_input(), _conv("a"), _conv("b"), _conv("c")))


def _branches() -> Design:
    """image -> a -> b, image -> c; add takes b and c."""
    return Design(
        "net",
        (
            _input(),
            _conv("a"),
            _conv("b"),
            _conv("c", "image"),
            DesignLayer("Add", "add", inputs=("b", "c")),
        ),
    )


def _refusal(edit: object) -> str:
    assert callable(edit)
    with pytest.raises(ParameterError) as caught:
        edit()
    return str(caught.value)


def test_kinds_say_how_many_inputs_they_take_and_name_their_ports() -> None:
    counts = {kind: (k.min_inputs, k.max_inputs) for kind, k in KINDS.items()}
    assert counts["Input"] == (0, 0)
    assert counts["Conv2D"] == counts["Dense"] == counts["ResidualBlock"] == (1, 1)
    assert counts["Add"] == counts["Concatenate"] == counts["Maximum"] == (2, None)
    assert counts["Subtract"] == counts["Dot"] == (2, 2)
    assert counts["MultiHeadAttention"] == (1, 2)
    assert KINDS["MultiHeadAttention"].port_names(2) == ("query", "value")
    assert KINDS["MultiHeadAttention"].port_names(1) == ("query",)
    assert KINDS["Subtract"].port_names(2) == ("x", "− y")
    assert KINDS["Dot"].port_names(2) == ("x", "y")
    assert KINDS["Concatenate"].port_names(3) == ("1", "2", "3")
    assert KINDS["Conv2D"].port_names(1) == ("",)
    assert DesignLayer("Concatenate", "cat").values == {"axis": -1}
    assert DesignLayer("Conv2DTranspose", "up").values == {
        "filters": 32,
        "kernel_size": 3,
        "strides": 1,
        "padding": "valid",
        "activation": "linear",
        "use_bias": True,
    }
    assert DesignLayer("UpSampling2D", "u").values == {"size": 2}
    assert DesignLayer("Dot", "d").values == {"axes": -1, "normalize": False}


def test_a_layer_knows_its_inputs_position_and_group() -> None:
    assert _input().inputs == ()  # an Input always takes none
    assert _conv("a").inputs is None  # the previous layer
    placed = DesignLayer("Add", "add", inputs=["a", "b"], position=(1, 2.5), group="blk")
    assert (placed.inputs, placed.position, placed.group) == (("a", "b"), (1.0, 2.5), "blk")
    assert _refusal(lambda: DesignLayer("Input", "i", inputs=("a",))) == (
        "inputs: an Input takes no input"
    )
    assert _refusal(lambda: DesignLayer("Add", "add", inputs="ab")) == (
        "inputs: must be a list of layer names"
    )
    assert _refusal(lambda: DesignLayer("Add", "add", position=(1.0, float("nan")))) == (
        "position: must be two finite numbers [x, y]"
    )
    assert _refusal(lambda: DesignLayer("Add", "add", group="2 x")).startswith(
        "group: '2 x' is not a usable layer name"
    )


def test_reading_a_chain_and_a_graph() -> None:
    chain = _chain()
    assert chain.inputs_of("image") == ()
    assert chain.inputs_of("b") == ("a",)
    assert chain.output_names() == ("c",)
    assert chain.consumers("a") == (("b", 0),)
    assert chain.consumers("c") == ()
    assert chain.is_chain()
    assert chain.order() == ("image", "a", "b", "c")
    assert chain.layer("b") == chain.layers[2]
    with pytest.raises(KeyError):
        chain.layer("nope")
    graph = _branches()
    assert graph.consumers("image") == (("a", 0), ("c", 0))
    assert graph.consumers("c") == (("add", 1),)
    assert not graph.is_chain()
    assert graph.groups() == {}
    # Design order may be any order: the topological order follows the list among the ready.
    shuffled = Design("net", (graph.layers[4], *graph.explicit().layers[:4]))
    assert shuffled.order() == ("image", "a", "b", "c", "add")
    assert Design("net").output_names() == ()


def test_a_design_refuses_unknown_inputs_outputs_and_cycles() -> None:
    layers = (_input(), _conv("a"), _conv("b"))
    assert _refusal(lambda: Design("net", (*layers, _conv("c", "conv9")))) == (
        "Conv2D c: input 'conv9' is not a layer of this design"
    )
    assert _refusal(lambda: Design("net", layers, outputs=("zz",))) == (
        "outputs: 'zz' is not a layer of this design"
    )
    assert _refusal(lambda: Design("net", layers, outputs=())) == (
        "outputs: the list of outputs is empty: leave it out for the last layer"
    )
    assert _refusal(lambda: Design("net", layers, outputs=("a", "a"))) == (
        "outputs: 'a' is listed twice"
    )
    looped = (_input(), _conv("a", "b"), _conv("b"))  # b takes a (the previous), a takes b
    assert _refusal(lambda: Design("net", looped)) == (
        "Conv2D a: its inputs make a cycle: a → b → a"
    )


def test_explicit_writes_out_every_input_and_the_outputs() -> None:
    explicit = _chain().explicit()
    assert [layer.inputs for layer in explicit.layers] == [(), ("image",), ("a",), ("b",)]
    assert explicit.outputs == ("c",)
    assert explicit.is_chain()
    # Adding a layer now changes no wiring: it takes nothing and is not an output.
    added = explicit.add_layer(DesignLayer("Dense", "d", inputs=()))
    assert added.output_names() == ("c",)
    assert added.inputs_of("d") == ()
    # A chain layer added to a chain design takes the last layer and becomes the output.
    assert _chain().add_layer(DesignLayer("Dense", "d")).output_names() == ("d",)


def test_remove_layer_drops_it_from_consumers_and_outputs() -> None:
    graph = _branches().set_output("b", True)
    removed = graph.remove_layer("b")
    assert removed.inputs_of("add") == ("c",)
    assert removed.output_names() == ("add",)
    # A chain layer after the removed one takes the layer before it, as in the list designer.
    assert _chain().remove_layer("b").inputs_of("c") == ("a",)
    # The only explicit output removed: the last layer is the output again.
    assert _branches().set_output("c", True).set_output("add", False).remove_layer(
        "c"
    ).output_names() == ("add",)
    assert _refusal(lambda: graph.remove_layer("zz")) == (
        "layer: no layer is called 'zz' in design 'net'"
    )


def test_connect_appends_replaces_and_refuses() -> None:
    graph = _branches()
    three = graph.connect("a", "add")
    assert three.inputs_of("add") == ("b", "c", "a")
    assert graph.connect("a", "add", 0).inputs_of("add") == ("a", "c")  # slot 0 replaced
    assert graph.connect("a", "add", 2).inputs_of("add") == ("b", "c", "a")
    assert graph.connect("image", "b").inputs_of("b") == ("image",)  # one input: replaced
    assert graph.inputs_of("add") == ("b", "c")  # untouched
    assert _refusal(lambda: graph.connect("zz", "add")) == (
        "layer: no layer is called 'zz' in design 'net'"
    )
    assert _refusal(lambda: graph.connect("a", "image")) == ("Input image: an Input takes no input")
    assert _refusal(lambda: graph.connect("a", "a")) == (
        "Conv2D a: a layer cannot take its own output"
    )
    assert _refusal(lambda: graph.connect("add", "a")) == (
        "Conv2D a: connecting add to a would make a cycle: a already feeds add"
    )
    assert _refusal(lambda: graph.connect("b", "add")) == "Add add: already takes b"
    assert _refusal(lambda: graph.connect("a", "add", 3)) == (
        "Add add: 3 is not one of its input slots (0 to 2)"
    )
    subtract = Design("net", (*graph.layers[:4], DesignLayer("Subtract", "sub", inputs=("b", "c"))))
    assert _refusal(lambda: subtract.connect("a", "sub")) == (
        "Subtract sub: takes 2 inputs at most: disconnect one first"
    )


def test_disconnect_and_outputs() -> None:
    graph = _branches()
    assert graph.disconnect("b", "add").inputs_of("add") == ("c",)
    assert graph.disconnect("image", "a").inputs_of("a") == ()
    assert graph.disconnect("image", "a").inputs_of("b") == ("a",)  # the rest stays wired
    assert _refusal(lambda: graph.disconnect("a", "add")) == "Add add: does not take a"
    two = graph.set_output("b", True)
    assert two.output_names() == ("add", "b")
    assert two.set_output("add", False).output_names() == ("b",)
    assert two.set_output("b", True) == two
    assert _refusal(lambda: graph.set_output("add", False)) == (
        "outputs: a design needs at least one output: mark another layer first"
    )


def test_an_output_wired_on_passes_its_mark_to_a_layer_leading_nowhere() -> None:
    """The canvas's rule after each connection: a chain drawn from an output ends in it."""
    graph = _branches().explicit().add_layer(DesignLayer("Dense", "head", inputs=()))
    wired = graph.connect("add", "head")
    assert wired.output_names() == ("add",)  # connecting alone moves no mark
    assert wired.carry_output("add", "head").output_names() == ("head",)
    # Not an output, or the layer it now feeds already leads to one: nothing changes.
    assert graph.connect("c", "head").carry_output("c", "head") == graph.connect("c", "head")
    two = graph.set_output("b", True).connect("b", "head")
    assert two.carry_output("b", "head").output_names() == ("add", "head")
    fed = _branches().connect("c", "b")  # b leads to add, an output: b keeps its place
    assert fed.carry_output("c", "b") == fed


def test_placed_moves_several_layers_in_one_edit() -> None:
    placed = _branches().placed({"a": (10.0, 20.0), "add": (0, -5)})
    assert placed.layer("a").position == (10.0, 20.0)
    assert placed.layer("add").position == (0.0, -5.0)
    assert placed.layer("b").position is None
    assert _refusal(lambda: _branches().placed({"zz": (1.0, 1.0)})) == (
        "layer: no layer is called 'zz' in design 'net'"
    )


def test_rename_and_index_edits_keep_the_wiring() -> None:
    graph = _branches().set_output("c", True)
    renamed = graph.rename(3, "side")
    assert renamed.inputs_of("add") == ("b", "side")
    assert renamed.output_names() == ("add", "side")
    changed = graph.with_args(4 - 1, filters=16)
    assert changed.layer("c").inputs == ("image",)
    assert changed.layer("c").values["filters"] == 16
    moved = graph.explicit().move(3, 1)
    assert [layer.name for layer in moved.layers] == ["image", "c", "a", "b", "add"]
    assert moved.inputs_of("add") == ("b", "c")
    assert graph.remove(2).inputs_of("add") == ("c",)


def test_groups() -> None:
    graph = _branches().group_as_block(["a", "b"], "left")
    assert graph.groups() == {"left": ("a", "b")}
    assert graph.layer("a").group == "left"
    assert graph.ungroup("left") == _branches()
    assert _refusal(lambda: graph.group_as_block([], "x")) == (
        "block: choose the layers to group first"
    )
    assert _refusal(lambda: graph.group_as_block(["c"], "left")) == (
        "block: 'left' is already the name of a block or a layer"
    )
    assert _refusal(lambda: graph.group_as_block(["c"], "add")) == (
        "block: 'add' is already the name of a block or a layer"
    )
    assert _refusal(lambda: graph.group_as_block(["a"], "other")) == (
        "Conv2D a: already in block left: ungroup it first"
    )
    assert _refusal(lambda: graph.ungroup("right")) == "block: no block is called 'right'"


def test_expand_block_wires_its_layers_as_the_block_builds_them() -> None:
    design = Design(
        "net",
        (
            _input(shape=(32, 32, 16)),
            DesignLayer("ResidualBlock", "block1", (("filters", 32), ("strides", 2))),
            DesignLayer("GlobalAveragePooling2D", "pool"),
        ),
    )
    expanded = design.expand_block("block1")
    assert [(layer.name, layer.kind, layer.inputs) for layer in expanded.layers] == [
        ("image", "Input", ()),
        ("block1_1_conv", "Conv2D", ("image",)),
        ("block1_1_bn", "BatchNormalization", ("block1_1_conv",)),
        ("block1_1_relu", "ReLU", ("block1_1_bn",)),
        ("block1_2_conv", "Conv2D", ("block1_1_relu",)),
        ("block1_2_bn", "BatchNormalization", ("block1_2_conv",)),
        ("block1_0_conv", "Conv2D", ("image",)),
        ("block1_0_bn", "BatchNormalization", ("block1_0_conv",)),
        ("block1_add", "Add", ("block1_2_bn", "block1_0_bn")),
        ("block1_out", "ReLU", ("block1_add",)),
        ("pool", "GlobalAveragePooling2D", None),
    ]
    assert expanded.inputs_of("pool") == ("block1_out",)
    assert set(expanded.groups()["block1"]) == {layer.name for layer in expanded.layers[1:10]}
    assert expanded.layer("block1_0_conv").values["kernel_size"] == 1
    assert expanded.layer("block1_0_conv").values["strides"] == 2
    assert expanded.layer("block1_1_bn").values["epsilon"] == 1e-5
    # No projection where the shape stays: the input itself is added.
    same = Design("net", (_input(shape=(8, 8, 64)), DesignLayer("ResidualBlock", "b1")))
    assert same.expand_block("b1").inputs_of("b1_add") == ("b1_2_bn", "image")
    assert same.explicit().expand_block("b1").output_names() == ("b1_out",)
    assert _refusal(lambda: design.expand_block("pool")) == (
        "GlobalAveragePooling2D pool: only a ResidualBlock expands into layers"
    )
    lonely = Design("net", (DesignLayer("ResidualBlock", "b1"),))
    assert _refusal(lambda: lonely.expand_block("b1")) == (
        "ResidualBlock b1: cannot expand a block without a working 4-D input: connect one first"
    )
