"""Designs: validated layers, pure edits, unique names, and a shape check that agrees with Keras."""

from __future__ import annotations

import pytest

from explorer.core.base.errors import ParameterError
from explorer.core.params.specs import label_of
from explorer.core.sources.designs.keras_build import build_design
from explorer.core.sources.designs.kinds import KINDS, block_names
from explorer.core.sources.designs.model import (
    Design,
    DesignError,
    DesignLayer,
    new_layer,
)
from explorer.core.sources.designs.shapes import check

CONV_ARGS = "filters, kernel_size, strides, padding, activation, use_bias"


def _input(shape: tuple[int, ...] = (32, 32, 3)) -> DesignLayer:
    return DesignLayer("Input", "input_layer", (("shape", shape),))


def test_layer_arguments_are_complete_coerced_and_validated() -> None:
    layer = DesignLayer("Conv2D", "c", (("filters", "8"), ("padding", "SAME")))
    assert layer.args == (
        ("filters", 8),
        ("kernel_size", 3),
        ("strides", 1),
        ("padding", "same"),
        ("activation", "linear"),
        ("use_bias", True),
    )
    assert layer == DesignLayer("Conv2D", "c", tuple(reversed(layer.args)))
    with pytest.raises(ParameterError) as caught:
        DesignLayer("Conv2D", "c", (("filters", 0),))
    assert str(caught.value) == "filters: 0 is out of range: expected an integer from 1 to 4,096"
    with pytest.raises(ParameterError) as caught:
        DesignLayer("Conv2D", "c", (("filter", 8),))
    assert str(caught.value) == f"filter: unknown argument of Conv2D c (known: {CONV_ARGS})"
    with pytest.raises(
        ParameterError, match=r"^type: unknown layer type 'Conv3D' \(known: Input, "
    ):
        DesignLayer("Conv3D", "c")
    with pytest.raises(ParameterError) as caught:
        DesignLayer("Dense", "2nd dense")
    assert str(caught.value) == (
        "name: '2nd dense' is not a usable layer name: use letters, digits and _, "
        "not starting with a digit"
    )


def test_every_kind_can_drive_a_generated_form() -> None:
    for kind in KINDS.values():
        assert kind.description
        for spec in kind.params:
            assert spec.help and label_of(spec)
            assert spec.coerce(spec.default) == spec.default
        assert set(kind.required) <= {spec.name for spec in kind.params}


def test_a_block_reserves_the_names_of_every_layer_it_may_have() -> None:
    parts = ("1_conv", "1_bn", "1_relu", "2_conv", "2_bn", "2_relu", "3_conv", "3_bn")
    assert block_names("b") == tuple(f"b_{p}" for p in (*parts, "0_conv", "0_bn", "add", "out"))
    assert DesignLayer("ResidualBlock", "b").keras_names() == block_names("b")


def test_edits_return_new_designs_and_names_stay_unique() -> None:
    empty = Design("net", (_input(),))
    one = empty.append(new_layer(empty, "Conv2D", filters=8))
    two = one.append(new_layer(one, "Conv2D"))
    three = two.insert(1, new_layer(two, "Conv2D"))
    assert [x.name for x in three.layers] == ["input_layer", "conv2d_2", "conv2d", "conv2d_1"]
    assert empty.layers == (_input(),)  # untouched
    blocks = three.append(new_layer(three, "ResidualBlock"))
    blocks = blocks.append(new_layer(blocks, "ResidualBlock"))
    assert [x.name for x in blocks.layers[-2:]] == ["block1", "block2"]

    moved = three.move(3, 1)
    assert [x.name for x in moved.layers] == ["input_layer", "conv2d_1", "conv2d_2", "conv2d"]
    assert moved.move(1, 3) == three
    assert three.remove(2).layers == (three.layers[0], three.layers[1], three.layers[3])
    changed = three.with_args(2, strides="2", padding="same")
    assert changed.layers[2].values["strides"] == 2 and three.layers[2].values["strides"] == 1
    assert changed.rename(2, "stem").layers[2].name == "stem"

    with pytest.raises(ParameterError) as caught:
        three.rename(1, "conv2d")
    assert str(caught.value) == (
        "name: 'conv2d' is already used by layer 'conv2d': layer names must be unique"
    )
    with pytest.raises(ParameterError) as caught:  # a block's own layers count as names too
        blocks.rename(1, "block2_add")
    assert str(caught.value) == (
        "name: 'block2_add' is already used by layer 'block2_add': layer names must be unique"
    )
    with pytest.raises(ParameterError) as caught:
        three.with_args(1, strides=0)
    assert str(caught.value) == "strides: 0 is out of range: expected an integer from 1 to 16"
    with pytest.raises(ParameterError) as caught:
        three.remove(4)
    assert str(caught.value) == "index: 4 is not a layer position from 0 to 3"


# (input shape, Flatten first?, kind, arguments): each is also built with Keras itself.
KERAS_CASES = [
    ((3, 3, 1), False, "Conv2D", {"filters": 4, "kernel_size": 7}),
    ((3, 3, 1), False, "Conv2D", {"filters": 4, "kernel_size": 7, "padding": "same"}),
    ((3, 5, 1), False, "Conv2D", {"filters": 4, "kernel_size": 4}),
    ((9, 8, 2), False, "Conv2D", {"filters": 4, "kernel_size": 3, "strides": 2}),
    ((9, 8, 2), False, "Conv2D", {"filters": 4, "kernel_size": 3, "strides": 4, "padding": "same"}),
    ((3, 3, 2), False, "DepthwiseConv2D", {"kernel_size": 7}),
    ((8, 8, 2), False, "DepthwiseConv2D", {"kernel_size": 3, "depth_multiplier": 3}),
    ((8, 7, 2), False, "SeparableConv2D", {"filters": 5, "kernel_size": 2, "strides": 3}),
    ((2, 2, 1), False, "MaxPooling2D", {"pool_size": 3}),
    ((2, 2, 1), False, "MaxPooling2D", {"pool_size": 3, "padding": "same"}),
    ((7, 9, 1), False, "AveragePooling2D", {"pool_size": 7}),
    ((5, 5, 1), False, "MaxPooling2D", {"pool_size": 2, "strides": 1}),
    ((5, 6, 3), False, "GlobalAveragePooling2D", {}),
    ((5, 6, 3), False, "ZeroPadding2D", {"padding": 2}),
    ((5, 6, 3), False, "Dense", {"units": 7}),  # Keras applies Dense to the last axis
    ((5, 6, 3), False, "Flatten", {}),
    ((5, 6, 3), False, "BatchNormalization", {}),
    ((5, 6, 3), True, "BatchNormalization", {}),
    ((5, 6, 3), True, "Dropout", {"rate": 0.25}),
    ((5, 6, 3), True, "Activation", {"activation": "softmax"}),
    ((5, 6, 3), True, "ReLU", {}),
    ((5, 6, 3), True, "Dense", {"units": 7}),
    ((5, 6, 3), True, "Flatten", {}),
    ((5, 6, 3), True, "Conv2D", {"filters": 4, "kernel_size": 1}),
    ((5, 6, 3), True, "MaxPooling2D", {}),
    ((5, 6, 3), True, "GlobalAveragePooling2D", {}),
    ((5, 6, 3), True, "ZeroPadding2D", {}),
]


@pytest.mark.parametrize(("shape", "flat", "kind", "args"), KERAS_CASES)
def test_the_shape_check_agrees_with_keras(shape, flat: bool, kind: str, args: dict) -> None:
    import keras

    layers = [_input(shape), *([DesignLayer("Flatten", "flat")] if flat else [])]
    design = Design("probe", (*layers, DesignLayer(kind, "probe", tuple(args.items()))))
    result = check(design)[-1]
    try:
        x = keras.Input(shape)
        x = keras.layers.Flatten()(x) if flat else x
        expected = tuple(getattr(keras.layers, kind)(**args)(x).shape)
    except ValueError:
        expected = None
    assert result.output_shape == expected
    assert (result.problem is None) == (expected is not None)


def test_the_reasons_name_the_layer_and_the_values() -> None:
    design = Design(
        "net",
        (
            _input((8, 6, 3)),
            DesignLayer("Conv2D", "big", (("kernel_size", 7),)),
            DesignLayer("Flatten", "flatten"),
            DesignLayer("ZeroPadding2D", "pad"),
            DesignLayer("Input", "again"),
        ),
    )
    assert [r.problem for r in check(design)] == [
        None,
        "Conv2D big: kernel 7×7 is larger than its 8×6 input; use padding same or a smaller size",
        None,
        "ZeroPadding2D pad: needs a 4-D input (batch, height, width, channels), not (None, 144)",
        "Input again: Input must be the first layer",
    ]
    headless = Design("net", (DesignLayer("Dense", "dense"),))
    assert check(headless)[0].problem == (
        "Dense dense: no input: the first layer of a design must be an Input"
    )
    with pytest.raises(DesignError) as caught:
        build_design(headless)
    assert str(caught.value) == "design 'net' cannot be built: its first layer must be an Input"


def test_a_layer_that_cannot_work_is_left_out_and_the_rest_still_builds() -> None:
    from explorer.core.analysis.build import summarize
    from explorer.core.sources.designs.files import reference_for

    design = Design(
        "net",
        (
            _input((8, 8, 3)),
            DesignLayer("Conv2D", "conv1", (("filters", 4), ("kernel_size", 7))),
            DesignLayer("Conv2D", "conv2", (("filters", 4), ("kernel_size", 3))),  # 3 > 2
            DesignLayer("Flatten", "flatten"),
            DesignLayer("Dense", "dense", (("units", 10),)),
        ),
    )
    results = check(design)
    assert [r.output_shape for r in results] == [
        (None, 8, 8, 3),
        (None, 2, 2, 4),
        None,
        (None, 16),
        (None, 10),
    ]
    rows = summarize(reference_for(design)).layers
    assert [(r.name, r.output_shape, r.params) for r in rows] == [
        ("conv1", (None, 2, 2, 4), 7 * 7 * 3 * 4 + 4),
        ("flatten", (None, 16), 0),
        ("dense", (None, 10), 16 * 10 + 10),
    ]
