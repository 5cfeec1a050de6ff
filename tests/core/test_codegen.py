"""Exported code, executed: the model it builds has the explorer's layers, shapes and parameters."""

from __future__ import annotations

from typing import Any

import pytest

from explorer.core.analysis.build import summarize
from explorer.core.analysis.summary import ModelSummary
from explorer.core.base.choices import STYLES
from explorer.core.exports.code import CodeExportError, code_for, code_for_design
from explorer.core.references.architecture import Architecture
from explorer.core.sources.designs.examples import examples_folder
from explorer.core.sources.designs.files import reference_for
from explorer.core.sources.designs.model import Design, DesignLayer
from explorer.core.sources.lookup import parse_reference

EXAMPLES = examples_folder()

REFERENCES = [
    *(
        str(EXAMPLES / f"{name}.design.json")
        for name in ("simple-cnn", "small-vgg", "mini-resnet", "text-classifier")
    ),
    "simple-cnn",
    "simple-cnn:api=subclassing,classes=10",
    "resnet18:input_shape=32x32x3,classes=10",
    "resnet50:input_shape=32x32x3,classes=10",
    "resnet18:variant=tutorial,classes=10",
    "resnet50:variant=tutorial,classes=10",
]
RESIDUAL = {"mini-resnet", "resnet18", "resnet50"}


def run_code(code: str) -> ModelSummary:
    """Execute ``code`` and summarize its ``build_model()`` the way the explorer does."""
    namespace: dict[str, Any] = {"__name__": "generated"}
    exec(compile(code, "<generated>", "exec"), namespace)
    generated = Architecture(
        "generated", "", "", "", (), build=lambda values: namespace["build_model"]()
    )
    return summarize(generated.resolve())


def _leaves(summary: ModelSummary) -> dict[str, tuple]:
    """Layers by name; a subclassed model nests each block's layers in a block layer."""
    return {
        row.name: (row.type, row.output_shape, row.params, row.trainable_params, row.macs)
        for row in summary.layers
        if not row.is_container
    }


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("text", REFERENCES)
def test_the_generated_code_builds_the_same_model(summary_of, text: str, style: str) -> None:
    reference = parse_reference(text)
    expected = summary_of(text)
    if style == "sequential" and any(name in text for name in RESIDUAL):
        with pytest.raises(CodeExportError, match="cannot be written as a Sequential model"):
            code_for(reference, style)
        return
    generated = run_code(code_for(reference, style))
    assert _leaves(generated) == _leaves(expected)
    assert generated.totals == expected.totals
    if style != "subclassing":
        assert generated.layers == expected.layers  # the same order and connections too


def test_the_code_reads_like_a_tutorial() -> None:
    code = code_for(parse_reference("simple-cnn"), "functional")
    assert code.startswith('"""simple-cnn: written by Keras Architecture Explorer (functional')
    assert "\nimport keras\nfrom keras import layers\n" in code
    assert (
        '    inputs = keras.Input(shape=(224, 224, 3), name="input_layer")\n'
        '    x = layers.Conv2D(16, 3, strides=2, padding="same", name="conv2d")(inputs)\n'
        '    x = layers.Flatten(name="flatten")(x)\n'
        '    x = layers.Dense(1000, name="dense")(x)\n'
        '    return keras.Model(inputs, x, name="simple-cnn")\n'
    ) in code
    assert code.endswith('if __name__ == "__main__":\n    build_model().summary()\n')
    resnet = code_for(parse_reference("resnet18"), "functional")
    assert "    shortcut = x\n" in resnet and "([x, shortcut])" in resnet
    assert resnet.count("def basic_block(") == 1
    assert max(len(line) for line in resnet.splitlines()) <= 100


def test_sequential_is_refused_for_residual_blocks_with_the_reason() -> None:
    with pytest.raises(CodeExportError) as caught:
        code_for(parse_reference(str(EXAMPLES / "mini-resnet.design.json")), "sequential")
    assert str(caught.value) == (
        "mini-resnet cannot be written as a Sequential model: its residual block "
        "block1 adds a shortcut, and Sequential models are one straight line of layers; use "
        "the functional or subclassing style"
    )


def test_left_out_layers_and_names_a_keras_model_already_uses() -> None:
    design = Design(
        "odd net",
        (
            DesignLayer("Input", "input_layer", (("shape", (6, 6, 2)),)),
            DesignLayer("Conv2D", "too_big", (("kernel_size", 9),)),
            DesignLayer("Flatten", "layers"),
            DesignLayer("Dense", "output", (("units", 3),)),
        ),
    )
    expected = summarize(reference_for(design))
    for style in STYLES:
        code = code_for_design(design, style)
        assert "# left out, it cannot work: Conv2D too_big: kernel 9×9 is larger" in code
        generated = run_code(code)
        assert _leaves(generated) == _leaves(expected)
    subclassing = code_for_design(design, "subclassing")
    assert "class OddNet(keras.Model):" in subclassing
    assert '        self.output_layer = layers.Dense(3, name="output")\n' in subclassing
    with pytest.raises(CodeExportError) as caught:
        code_for_design(design, "jax")
    assert str(caught.value) == (
        "unknown code style 'jax' (known: sequential, functional, subclassing)"
    )
