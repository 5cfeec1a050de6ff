"""The shape check of wired designs: merges, several inputs and outputs, what is not part of the
model; and the new kinds' shapes, compared with Keras."""

from __future__ import annotations

from typing import Any

import pytest

from explorer.core.sources.designs.model import Design, DesignLayer
from explorer.core.sources.designs.shapes import LayerCheck, check, left_out


def layer(kind: str, name: str, *inputs: str, **args: object) -> DesignLayer:
    return DesignLayer(kind, name, tuple(args.items()), inputs or None)


def image(name: str, *shape: int) -> DesignLayer:
    return layer("Input", name, shape=shape)


def _by_name(design: Design) -> dict[str, LayerCheck]:
    return {result.name: result for result in check(design)}


def test_an_add_of_two_sizes_suggests_the_projection() -> None:
    design = Design(
        "net",
        (
            image("image", 56, 56, 64),
            layer("Conv2D", "conv", filters=128, strides=2, padding="same"),
            layer("Add", "add_1", "image", "conv"),
        ),
    )
    add = _by_name(design)["add_1"]
    assert add.problem == (
        "Add add_1: inputs (None, 56, 56, 64) and (None, 28, 28, 128) differ; use a projection "
        "(1×1 Conv2D with strides 2)"
    )
    assert add.input_shapes == ((None, 56, 56, 64), (None, 28, 28, 128))
    assert add.bad_inputs == (0, 1)
    assert add.output_shape is None
    assert add.inputs == ("image", "conv")
    channels = Design(
        "net", (image("image", 8, 8, 64), layer("Conv2D", "conv", filters=32, padding="same"))
    ).add_layer(layer("Add", "add", "image", "conv"))
    assert check(channels)[-1].problem == (
        "Add add: inputs (None, 8, 8, 64) and (None, 8, 8, 32) differ; use a projection "
        "(1×1 Conv2D with 64 filters)"
    )
    vectors = Design(
        "net",
        (image("v", 10), layer("Dense", "d", units=4), layer("Multiply", "m", "v", "d")),
    )
    assert check(vectors)[-1].problem == "Multiply m: inputs (None, 10) and (None, 4) differ"


def test_merges_concatenate_and_count_their_inputs() -> None:
    design = Design(
        "net",
        (
            image("a", 56, 56, 8),
            image("b", 28, 28, 8),
            layer("Concatenate", "cat", "a", "b"),
            layer("Concatenate", "cat2", "a", "a", "a", axis=1),
            layer("Subtract", "sub", "a", "a", "a"),
            layer("Add", "lonely", "a"),
            layer("Dense", "two", "a", "b"),
            DesignLayer("Dense", "none", inputs=()),
            layer("Maximum", "max", "a", "a"),
            layer("Average", "after", "cat", "max"),
        ),
    )
    found = _by_name(design)
    assert found["cat"].problem == "Concatenate cat: shapes differ on axis 1 (56 vs 28)"
    assert found["cat"].bad_inputs == (0, 1)
    assert found["cat2"].output_shape == (None, 168, 56, 8)
    assert found["sub"].problem == "Subtract sub: takes 2 inputs, not 3"
    assert found["sub"].bad_inputs == (2,)
    assert found["lonely"].problem == "Add lonely: takes at least 2 inputs, not 1"
    assert found["two"].problem == "Dense two: takes one input, not 2"
    assert found["none"].problem == "Dense none: has no input: connect one"
    assert found["max"].output_shape == (None, 56, 56, 8)
    assert found["after"].problem == "Average after: its input cat does not work"
    assert found["after"].bad_inputs == (0,)
    assert found["after"].input_shapes == (None, (None, 56, 56, 8))
    # A skipped layer of one input passes its input on, as in a chain.
    assert found["lonely"].passed_shape == (None, 56, 56, 8)
    assert found["lonely"].source == "a"


def test_what_leads_to_no_output_is_not_part_of_the_model() -> None:
    design = Design(
        "net",
        (
            image("image", 8, 8, 3),
            layer("Conv2D", "main", filters=4, padding="same"),
            layer("Conv2D", "side", "image", filters=4, padding="same"),
            layer("Conv2D", "wide", "image", filters=5, padding="same"),
            layer("Add", "add", "main", "wide"),
            layer("Flatten", "flat", "main"),
        ),
        outputs=("add", "flat"),
    )
    found = _by_name(design)
    assert [name for name, result in found.items() if not result.connected] == ["side"]
    assert left_out(design, check(design)) == [
        ("side", "Conv2D side: not part of the model: it leads to no output"),
        (
            "wide",
            "Conv2D wide: not part of the model: it leads only to layers that do not work",
        ),
        (
            "add",
            "Add add: inputs (None, 8, 8, 4) and (None, 8, 8, 5) differ; use a projection "
            "(1×1 Conv2D with 5 filters)",
        ),
    ]


def test_attention_takes_a_query_and_a_value() -> None:
    design = Design(
        "net",
        (
            image("text", 20, 16),
            image("memory", 7, 32),
            image("picture", 8, 8, 3),
            layer("MultiHeadAttention", "cross", "text", "memory", num_heads=2, key_dim=8),
            layer("MultiHeadAttention", "self", "text", num_heads=2, key_dim=8),
            layer("MultiHeadAttention", "bad", "text", "picture", num_heads=2, key_dim=8),
        ),
    )
    found = _by_name(design)
    assert found["cross"].output_shape == (None, 20, 16)
    assert found["self"].output_shape == (None, 20, 16)
    assert found["bad"].problem == (
        "MultiHeadAttention bad: needs a 3-D input (batch, steps, features), not (None, 8, 8, 3)"
    )
    assert found["bad"].bad_inputs == (1,)


KERAS_CASES: list[tuple[str, list[tuple[int, ...]], dict[str, Any]]] = [
    ("Conv2DTranspose", [(7, 9, 3)], {"filters": 4, "kernel_size": 3, "strides": 2}),
    ("Conv2DTranspose", [(7, 9, 3)], {"filters": 4, "kernel_size": 2, "strides": 3}),
    ("Conv2DTranspose", [(7, 9, 3)], {"filters": 4, "kernel_size": 5, "padding": "same"}),
    (
        "Conv2DTranspose",
        [(7, 9, 3)],
        {"filters": 4, "kernel_size": 4, "strides": 2, "padding": "same"},
    ),
    ("UpSampling2D", [(7, 9, 3)], {"size": 3}),
    ("Add", [(8, 8, 4), (1, 1, 4)], {}),
    ("Add", [(8, 8, 4), (8, 4)], {}),  # Keras broadcasts a lower rank too
    ("Multiply", [(8, 8, 4), (8, 1, 1), (8, 8, 4)], {}),
    ("Concatenate", [(4, 5, 2), (4, 5, 3)], {}),
    ("Concatenate", [(4, 5, 2), (4, 1, 2)], {"axis": 2}),
    ("Concatenate", [(4, 5, 2), (3, 5, 2)], {"axis": -3}),
    ("Dot", [(6,), (6,)], {"axes": 1}),
    ("Dot", [(5, 6), (7, 6)], {"axes": -1}),
    ("Dot", [(5, 6), (5, 7)], {"axes": 1}),
]


@pytest.mark.parametrize(("kind", "shapes", "args"), KERAS_CASES)
def test_the_new_kinds_agree_with_keras(kind: str, shapes: list, args: dict) -> None:
    import keras

    inputs = [image(f"in{slot}", *shape) for slot, shape in enumerate(shapes)]
    names = tuple(item.name for item in inputs)
    design = Design("probe", (*inputs, layer(kind, "probe", *names, **args)))
    tensors = [keras.Input(shape) for shape in shapes]
    made = getattr(keras.layers, kind)(**args)
    expected = tuple(made(tensors if len(tensors) > 1 else tensors[0]).shape)
    assert check(design)[-1].output_shape == expected
