"""Wired designs built with Keras: several inputs and outputs, the parts left out, and blocks
expanded into their layers; every count checked against a model written with Keras by hand."""

from __future__ import annotations

import pytest

from explorer.core.analysis.build import summarize
from explorer.core.sources.designs.files import left_out, reference_for
from explorer.core.sources.designs.keras_build import build_design
from explorer.core.sources.designs.model import Design, DesignError, DesignLayer


def layer(kind: str, name: str, *inputs: str, **args: object) -> DesignLayer:
    return DesignLayer(kind, name, tuple(args.items()), inputs or None)


INCEPTION = Design(
    "inception",
    (
        layer("Input", "image", shape=(28, 28, 192)),
        layer("Conv2D", "b1", "image", filters=64, kernel_size=1),
        layer("Conv2D", "b2_reduce", "image", filters=96, kernel_size=1),
        layer("Conv2D", "b2", filters=128, padding="same"),
        layer("Conv2D", "b3_reduce", "image", filters=16, kernel_size=1),
        layer("Conv2D", "b3", filters=32, kernel_size=5, padding="same"),
        layer("MaxPooling2D", "b4_pool", "image", pool_size=3, strides=1, padding="same"),
        layer("Conv2D", "b4", filters=32, kernel_size=1),
        layer("Concatenate", "mixed", "b1", "b2", "b3", "b4"),
    ),
)


def test_an_inception_block_builds_as_keras_builds_it() -> None:
    import keras

    x = keras.Input((28, 28, 192))
    conv = keras.layers.Conv2D
    branches = [
        conv(64, 1)(x),
        conv(128, 3, padding="same")(conv(96, 1)(x)),
        conv(32, 5, padding="same")(conv(16, 1)(x)),
        conv(32, 1)(keras.layers.MaxPooling2D(3, 1, padding="same")(x)),
    ]
    expected = keras.Model(x, keras.layers.Concatenate()(branches))
    model = build_design(INCEPTION)
    assert model.count_params() == expected.count_params() == 163_696
    assert tuple(model.output.shape) == (None, 28, 28, 256)
    assert [w.shape for w in model.weights] == [w.shape for w in expected.weights]


def test_two_inputs_two_outputs_and_what_is_left_out() -> None:
    import keras

    design = Design(
        "two-heads",
        (
            layer("Input", "picture", shape=(32, 32, 3)),
            layer("Conv2D", "conv", filters=8),
            layer("GlobalAveragePooling2D", "pool"),
            layer("Input", "metadata", shape=(5,)),
            layer("Dense", "meta", units=8, activation="relu"),
            layer("Concatenate", "joined", "pool", "meta"),
            layer("Dense", "label", units=10, activation="softmax"),
            layer("Dense", "score", "joined", units=1),
            layer("Dense", "unused", "joined", units=3),
            layer("Conv2D", "wrong", "meta"),  # a 4-D layer on a vector: skipped
        ),
        outputs=("label", "score", "wrong"),
    )
    picture, metadata = keras.Input((32, 32, 3)), keras.Input((5,))
    pooled = keras.layers.GlobalAveragePooling2D()(keras.layers.Conv2D(8, 3)(picture))
    meta = keras.layers.Dense(8, activation="relu")(metadata)
    joined = keras.layers.Concatenate()([pooled, meta])
    outputs = [keras.layers.Dense(10, activation="softmax")(joined), keras.layers.Dense(1)(joined)]
    expected = keras.Model([picture, metadata], [*outputs, meta])
    model = build_design(design)
    assert model.count_params() == expected.count_params() == 224 + 48 + 170 + 17
    assert [t.name for t in model.inputs] == ["picture", "metadata"]
    # The skipped output gives what it was given: the metadata's Dense.
    assert [tuple(t.shape) for t in model.outputs] == [(None, 10), (None, 1), (None, 8)]
    assert [layer.name for layer in model.layers] == [
        "picture", "conv", "metadata", "pool", "meta", "joined", "label", "score",
    ]  # fmt: skip
    reference = reference_for(design)
    assert left_out(reference) == [
        ("unused", "Dense unused: not part of the model: it leads to no output"),
        (
            "wrong",
            "Conv2D wrong: needs a 4-D input (batch, height, width, channels), not (None, 8)",
        ),
    ]
    rows = summarize(reference).layers  # the table leaves the Inputs out
    assert [(row.name, row.output_shape, row.params, row.inbound) for row in rows] == [
        ("conv", (None, 30, 30, 8), 224, ()),
        ("pool", (None, 8), 0, ("conv",)),
        ("meta", (None, 8), 48, ()),
        ("joined", (None, 16), 0, ("pool", "meta")),
        ("label", (None, 10), 170, ("joined",)),
        ("score", (None, 1), 17, ("joined",)),
    ]


def test_an_expanded_block_builds_the_same_model() -> None:
    design = Design(
        "blocks",
        (
            layer("Input", "image", shape=(16, 16, 32)),
            layer("ResidualBlock", "block1", block="bottleneck", filters=16, strides=2),
            layer("ResidualBlock", "block2", filters=64, style="tutorial"),
            layer("GlobalAveragePooling2D", "pool"),
        ),
    )
    expanded = design.expand_block("block1").expand_block("block2")
    assert expanded.groups().keys() == {"block1", "block2"}
    whole, parts = build_design(design), build_design(expanded)
    assert parts.count_params() == whole.count_params() == 6_528 + 74_368
    assert [layer.name for layer in parts.layers] == [layer.name for layer in whole.layers]
    assert [tuple(w.shape) for w in parts.weights] == [tuple(w.shape) for w in whole.weights]
    assert tuple(parts.output.shape) == (None, 64)


def test_a_design_none_of_whose_outputs_works_is_refused() -> None:
    design = Design(
        "net", (layer("Input", "image", shape=(4,)), DesignLayer("Dense", "d", inputs=()))
    )
    with pytest.raises(DesignError) as caught:
        build_design(design)
    assert str(caught.value) == "design 'net' cannot be built: none of its outputs works"


def test_every_new_kind_builds_as_keras_builds_it() -> None:
    import keras

    design = Design(
        "kinds",
        (
            layer("Input", "image", shape=(8, 8, 4)),
            layer("Conv2DTranspose", "up", filters=6, strides=2, padding="same"),
            layer("UpSampling2D", "repeat", "image", size=2),
            layer("Conv2D", "wide", filters=6, kernel_size=1),
            layer("Subtract", "difference", "up", "wide"),
            layer("Multiply", "product", "up", "wide"),
            layer("Average", "mean", "difference", "product"),
            layer("Maximum", "top", "mean", "up"),
            layer("GlobalAveragePooling2D", "pool"),
            layer("Input", "text", shape=(20, 16)),
            layer("Input", "memory", shape=(7, 32)),
            layer("MultiHeadAttention", "cross", "text", "memory", num_heads=2, key_dim=8),
            layer("GlobalAveragePooling1D", "sequence"),
            layer("Dense", "vector", units=6),
            layer("Dot", "similarity", "pool", "vector", axes=1, normalize=True),
        ),
    )
    image, text, memory = keras.Input((8, 8, 4)), keras.Input((20, 16)), keras.Input((7, 32))
    up = keras.layers.Conv2DTranspose(6, 3, strides=2, padding="same")(image)
    wide = keras.layers.Conv2D(6, 1)(keras.layers.UpSampling2D(2)(image))
    mean = keras.layers.Average()(
        [keras.layers.Subtract()([up, wide]), keras.layers.Multiply()([up, wide])]
    )
    pool = keras.layers.GlobalAveragePooling2D()(keras.layers.Maximum()([mean, up]))
    attended = keras.layers.MultiHeadAttention(2, 8)(text, memory)
    vector = keras.layers.Dense(6)(keras.layers.GlobalAveragePooling1D()(attended))
    out = keras.layers.Dot(axes=1, normalize=True)([pool, vector])
    expected = keras.Model([image, text, memory], out)
    model = build_design(design)
    assert model.count_params() == expected.count_params() == 222 + 30 + 272 + 2 * 528 + 272 + 102
    assert tuple(model.output.shape) == (None, 1)
    assert tuple(model.get_layer("cross").output.shape) == (None, 20, 16)
    assert [t.name for t in model.inputs] == ["image", "text", "memory"]
