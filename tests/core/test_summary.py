"""The summary engine on hand-built models: nesting, shared layers, and the cost of each kind."""

from __future__ import annotations

import pytest

from explorer.core.analysis.summary import summarize_model


def _nested_functional():
    import keras

    block = keras.Sequential(
        [
            keras.Input(shape=(8, 8, 4)),
            keras.layers.Conv2D(4, 3, padding="same", name="inner_conv"),
            keras.layers.ReLU(name="inner_relu"),
        ],
        name="block",
    )
    inputs = keras.Input(shape=(8, 8, 4), name="image")
    x = block(inputs)
    x = keras.layers.Add(name="add")([x, inputs])
    x = keras.layers.GlobalAveragePooling2D(name="gap")(x)
    outputs = keras.layers.Dense(3, name="head")(x)
    return keras.Model(inputs, outputs, name="outer")


def test_models_nested_inside_models_are_indented_rows() -> None:
    summary = summarize_model(_nested_functional())
    rows = [
        (r.path, r.depth, r.type, r.output_shape, r.params, r.macs, r.is_container)
        for r in summary.layers
    ]
    conv_macs = 8 * 8 * 4 * (3 * 3 * 4)
    assert rows == [
        ("block", 0, "Sequential", (None, 8, 8, 4), 148, conv_macs, True),
        ("block/inner_conv", 1, "Conv2D", (None, 8, 8, 4), 148, conv_macs, False),
        ("block/inner_relu", 1, "ReLU", (None, 8, 8, 4), 0, 0, False),
        ("add", 0, "Add", (None, 8, 8, 4), 0, 0, False),
        ("gap", 0, "GlobalAveragePooling2D", (None, 4), 0, 0, False),
        ("head", 0, "Dense", (None, 3), 15, 12, False),
    ]
    assert summary.layers[3].inbound == ("block",)
    assert summary.layers[2].inbound == ("inner_conv",)
    # Totals count every weight once and every leaf's cost once.
    assert summary.totals.params == 148 + 15
    assert summary.totals.macs == conv_macs + 12
    assert summary.totals.activation_elements == 3 * 256 + 4 + 3
    assert summary.layers[0].activation_elements == 2 * 256


def _subclassed_with_block():
    import keras

    class Residual(keras.layers.Layer):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.conv = keras.layers.Conv2D(2, 1, name="proj")
            self.norm = keras.layers.BatchNormalization(name="norm")

        def call(self, x):
            return x + self.norm(self.conv(x))

    class Net(keras.Model):
        def __init__(self):
            super().__init__(name="net")
            self.res = Residual(name="res")
            self.flat = keras.layers.Flatten(name="flat")
            self.out = keras.layers.Dense(5, name="out")

        def call(self, x):
            return self.out(self.flat(self.res(x)))

    model = Net()
    model(keras.Input(shape=(4, 4, 2)))
    return model


def test_subclassed_models_and_layers_with_sublayers_are_traced() -> None:
    summary = summarize_model(_subclassed_with_block())
    rows = [
        (r.path, r.type, r.output_shape, r.params, r.trainable_params, r.inbound)
        for r in summary.layers
    ]
    assert rows == [
        ("res", "Residual", (None, 4, 4, 2), 6 + 8, 6 + 4, ()),
        ("res/proj", "Conv2D", (None, 4, 4, 2), 6, 6, ()),
        ("res/norm", "BatchNormalization", (None, 4, 4, 2), 8, 4, ("proj",)),
        ("flat", "Flatten", (None, 32), 0, 0, ("res",)),
        ("out", "Dense", (None, 5), 165, 165, ("flat",)),
    ]
    assert summary.totals.non_trainable_params == 4
    assert summary.totals.macs == 16 * 2 * 2 + 32 * 5


def test_a_shared_layer_is_one_row_with_every_call() -> None:
    import keras

    shared = keras.layers.Dense(4, name="shared")
    a, b = keras.Input(shape=(3,), name="a"), keras.Input(shape=(6, 3), name="b")
    model = keras.Model([a, b], [shared(a), shared(b)])
    (row,) = summarize_model(model).layers
    assert row.output_shapes == ((None, 4), (None, 6, 4))
    assert row.output_shape == [(None, 4), (None, 6, 4)]
    assert row.params == 16
    assert row.macs == 4 * 3 + 6 * 4 * 3
    assert row.activation_elements == 4 + 24


@pytest.mark.parametrize(
    ("make_layer", "input_shape", "macs"),
    [
        # Conv2D: outputs x (kernel area x input channels).
        (
            lambda layers: layers.Conv2D(8, 3, strides=2, padding="same"),
            (16, 16, 4),
            8 * 8 * 8 * 3 * 3 * 4,
        ),
        (lambda layers: layers.Conv2D(8, 3, groups=2), (10, 10, 4), 8 * 8 * 8 * 3 * 3 * 2),
        (lambda layers: layers.Conv1D(5, 3), (10, 2), 8 * 5 * 3 * 2),
        (lambda layers: layers.Conv3D(2, 2), (3, 3, 3, 1), 2 * 2 * 2 * 2 * 8),
        # Depthwise: one kernel per channel (x multiplier).
        (lambda layers: layers.DepthwiseConv2D(3, depth_multiplier=2), (6, 6, 3), 4 * 4 * 6 * 9),
        # Separable: depthwise, then a 1x1 pointwise mix.
        (lambda layers: layers.SeparableConv2D(7, 3), (6, 6, 3), 4 * 4 * 3 * 9 + 4 * 4 * 3 * 7),
        # Transposed: every input element meets a kernel-sized patch of each output channel.
        (lambda layers: layers.Conv2DTranspose(5, 3, strides=2), (4, 4, 2), 4 * 4 * 2 * 9 * 5),
        # Dense on a sequence: once per position.
        (lambda layers: layers.Dense(6), (10, 4), 10 * 4 * 6),
        # Element-wise layers multiply by no weights.
        (lambda layers: layers.BatchNormalization(), (4, 4, 3), 0),
        (lambda layers: layers.MaxPooling2D(), (4, 4, 3), 0),
    ],
)
def test_macs_of_each_layer_kind(make_layer, input_shape, macs: int) -> None:
    import keras

    model = keras.Sequential([keras.Input(shape=input_shape), make_layer(keras.layers)])
    (row,) = summarize_model(model).layers
    assert row.macs == macs


def test_weights_bytes_follow_each_variable_dtype() -> None:
    import keras

    model = keras.Sequential(
        [keras.Input(shape=(10,)), keras.layers.Dense(10, dtype="float16"), keras.layers.Dense(2)]
    )
    assert summarize_model(model).totals.weights_bytes == 110 * 2 + 22 * 4


def test_an_unbuilt_subclassed_model_is_refused() -> None:
    import keras

    class Empty(keras.Model):
        def call(self, x):
            return x

    with pytest.raises(ValueError, match="is not built"):
        summarize_model(Empty())
