"""The graph examples (issue 16): a small U-Net, an Inception-style block and a model of two
inputs and two outputs. Their numbers are Keras's, built here layer by layer from keras.layers;
their code, in every style that can hold them, builds the same model."""

from __future__ import annotations

from typing import Any

import pytest

from explorer.core.analysis.build import summarize
from explorer.core.analysis.summary import ModelSummary
from explorer.core.base.choices import STYLES
from explorer.core.exports.code import CodeExportError, code_for_design
from explorer.core.sources.designs.examples import examples_folder
from explorer.core.sources.designs.files import load, reference_for


def _unet() -> Any:
    import keras
    from keras import layers

    def twice(x: Any, filters: int, name: str) -> Any:
        for part in ("conv1", "conv2"):
            conv = layers.Conv2D(
                filters, 3, padding="same", activation="relu", name=f"{name}_{part}"
            )
            x = conv(x)
        return x

    image = keras.Input((64, 64, 1), name="image")
    enc1 = twice(image, 16, "enc1")
    enc2 = twice(layers.MaxPooling2D(name="pool1")(enc1), 32, "enc2")
    bottom = twice(layers.MaxPooling2D(name="pool2")(enc2), 64, "bottom")
    up2 = layers.Conv2DTranspose(32, 2, strides=2, name="up2")(bottom)
    dec2 = twice(layers.Concatenate(name="skip2")([up2, enc2]), 32, "dec2")
    up1 = layers.Conv2DTranspose(16, 2, strides=2, name="up1")(dec2)
    dec1 = twice(layers.Concatenate(name="skip1")([up1, enc1]), 16, "dec1")
    mask = layers.Conv2D(1, 1, activation="sigmoid", name="mask")(dec1)
    return keras.Model(image, mask)


def _inception() -> Any:
    import keras
    from keras import layers

    image = keras.Input((32, 32, 3), name="image")
    stem = layers.Conv2D(32, 3, padding="same", activation="relu", name="stem")(image)
    one = layers.Conv2D(16, 1, activation="relu", name="branch1x1")(stem)
    three = layers.Conv2D(24, 1, activation="relu", name="branch3x3_reduce")(stem)
    three = layers.Conv2D(32, 3, padding="same", activation="relu", name="branch3x3")(three)
    five = layers.Conv2D(4, 1, activation="relu", name="branch5x5_reduce")(stem)
    five = layers.Conv2D(8, 5, padding="same", activation="relu", name="branch5x5")(five)
    pool = layers.MaxPooling2D(3, strides=1, padding="same", name="branch_pool")(stem)
    pool = layers.Conv2D(8, 1, activation="relu", name="branch_pool_proj")(pool)
    mixed = layers.Concatenate(name="mixed")([one, three, five, pool])
    pooled = layers.GlobalAveragePooling2D(name="avg_pool")(mixed)
    return keras.Model(image, layers.Dense(10, activation="softmax", name="predictions")(pooled))


def _image_and_metadata() -> Any:
    import keras
    from keras import layers

    image = keras.Input((32, 32, 3), name="image")
    metadata = keras.Input((8,), name="metadata")
    x = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu", name="conv1")(image)
    x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu", name="conv2")(x)
    x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    m = layers.Dense(16, activation="relu", name="metadata_dense")(metadata)
    shared = layers.Concatenate(name="joined")([x, m])
    shared = layers.Dense(64, activation="relu", name="shared")(shared)
    category = layers.Dense(5, activation="softmax", name="category")(shared)
    price = layers.Dense(1, name="price")(shared)
    return keras.Model([image, metadata], [category, price])


# name: (Keras built here, parameters, output shapes, the Sequential style's refusal)
EXAMPLES = {
    "small-unet": (_unet, 116_753, [(None, 64, 64, 1)], "Concatenate skip2 takes 2 inputs"),
    "inception-block": (_inception, 11_014, [(None, 10)], "Concatenate mixed takes 4 inputs"),
    "image-and-metadata": (
        _image_and_metadata,
        8_758,
        [(None, 5), (None, 1)],
        "it has 2 Inputs (image, metadata)",
    ),
}


def _layers_of(model: Any) -> dict[str, tuple[int, tuple[int | None, ...]]]:
    """Each layer's parameters and output shape, by name (Inputs left out)."""
    return {
        layer.name: (layer.count_params(), tuple(layer.output.shape))
        for layer in model.layers
        if type(layer).__name__ != "InputLayer"
    }


def _params_of(model: Any) -> dict[str, int]:
    return {
        layer.name: layer.count_params()
        for layer in model.layers
        if type(layer).__name__ != "InputLayer"
    }


def _rows_of(summary: ModelSummary) -> dict[str, tuple[int, tuple[int | None, ...]]]:
    return {
        row.name: (row.params, row.output_shapes[0])
        for row in summary.layers
        if row.is_leaf and row.type != "InputLayer"
    }


@pytest.fixture(scope="module")
def keras_models() -> dict[str, Any]:
    return {name: make() for name, (make, *_rest) in EXAMPLES.items()}


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_example_has_the_numbers_of_keras_built_layer_by_layer(
    keras_models: dict[str, Any], name: str
) -> None:
    _make, params, outputs, _refusal = EXAMPLES[name]
    model = keras_models[name]
    assert model.count_params() == params
    assert [tuple(output.shape) for output in model.outputs] == outputs
    summary = summarize(reference_for(load(examples_folder() / f"{name}.design.json")))
    assert summary.totals.params == params
    assert _rows_of(summary) == _layers_of(model)


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_example_s_code_builds_the_same_model_in_every_style(
    keras_models: dict[str, Any], name: str
) -> None:
    import keras

    _make, params, outputs, refusal = EXAMPLES[name]
    design = load(examples_folder() / f"{name}.design.json")
    expected = _layers_of(keras_models[name])
    for style in STYLES:
        if style == "sequential":
            with pytest.raises(CodeExportError) as caught:
                code_for_design(design, style)
            assert str(caught.value) == (
                f"{name} cannot be written as a Sequential model: {refusal}; use the functional "
                "or subclassing style"
            )
            continue
        namespace: dict[str, Any] = {"__name__": "generated"}
        exec(compile(code_for_design(design, style), f"<{name} {style}>", "exec"), namespace)
        model = namespace["build_model"]()
        assert (style, model.count_params()) == (style, params)
        assert _params_of(model) == {n: p for n, (p, _s) in expected.items()}
        if style == "functional":
            assert _layers_of(model) == expected
            assert [tuple(output.shape) for output in model.outputs] == outputs
        else:
            shapes = [layer.values["shape"] for layer in design.layers if layer.kind == "Input"]
            given = [keras.Input(shape) for shape in shapes]
            made = model(given[0] if len(given) == 1 else given)
            assert [tuple(t.shape) for t in keras.tree.flatten(made)] == outputs


def test_the_code_of_a_graph_reads_like_a_tutorial() -> None:
    """Inputs first, then the layers in order; ``x`` for what the next layer alone takes, the
    layer's name for a tensor taken later or twice, and lists for several inputs and outputs."""
    design = load(examples_folder() / "image-and-metadata.design.json")
    assert (
        "def build_model():\n"
        '    image = keras.Input(shape=(32, 32, 3), name="image")\n'
        '    metadata = keras.Input(shape=(8,), name="metadata")\n'
        '    x = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu", name="conv1")'
        "(image)\n"
        '    x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu", name="conv2")'
        "(x)\n"
        '    avg_pool = layers.GlobalAveragePooling2D(name="avg_pool")(x)\n'
        '    metadata_dense = layers.Dense(16, activation="relu", name="metadata_dense")'
        "(metadata)\n"
        '    x = layers.Concatenate(name="joined")([avg_pool, metadata_dense])\n'
        '    shared = layers.Dense(64, activation="relu", name="shared")(x)\n'
        '    category = layers.Dense(5, activation="softmax", name="category")(shared)\n'
        '    price = layers.Dense(1, name="price")(shared)\n'
        '    return keras.Model([image, metadata], [category, price], name="image-and-metadata")\n'
    ) in code_for_design(design, "functional")
    subclassing = code_for_design(design, "subclassing")
    assert "        image, metadata = inputs\n" in subclassing
    assert "        return [category, price]\n" in subclassing
    assert "    model([keras.Input(shape=(32, 32, 3)), keras.Input(shape=(8,))])\n" in subclassing
