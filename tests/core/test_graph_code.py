"""Code export of graph designs (issue 16): several Inputs and outputs, merges, attention's
query and value, residual blocks on a branch, layers left out; Sequential only for a chain."""

from __future__ import annotations

from typing import Any

import pytest

from explorer.core.analysis.build import summarize
from explorer.core.exports.code import CodeExportError, code_for_design
from explorer.core.sources.designs.examples import examples_folder
from explorer.core.sources.designs.files import load, reference_for
from explorer.core.sources.designs.model import Design, DesignLayer


def _layer(kind: str, name: str, inputs: tuple[str, ...] | None = None, **args: Any) -> DesignLayer:
    return DesignLayer(kind, name, tuple(args.items()), inputs=inputs)


def _input(name: str, *shape: int) -> DesignLayer:
    return _layer("Input", name, shape=shape)


def _dense(name: str, units: int, inputs: tuple[str, ...] | None = None) -> DesignLayer:
    return _layer("Dense", name, inputs, units=units)


CHAIN_START = (_input("input_layer", 8), _dense("a", 4), _dense("b", 4))


@pytest.mark.parametrize(
    ("layers", "outputs", "reason"),
    [
        (
            (*CHAIN_START, _input("extra", 4), _layer("Add", "add", ("b", "extra"))),
            None,
            "it has 2 Inputs (input_layer, extra)",
        ),
        (
            (*CHAIN_START, _layer("Add", "add", ("a", "b"))),
            None,
            "Add add takes 2 inputs",
        ),
        (
            (*CHAIN_START, _dense("c", 4, ("a",))),
            ("b", "c"),
            "Dense a feeds 2 layers (b, c)",
        ),
        (
            (_dense("a", 4, ("input_layer",)), _input("input_layer", 8), _dense("b", 4, ("a",))),
            None,
            "its first layer Dense a is not its Input",
        ),
        ((*CHAIN_START, _dense("c", 4, ())), ("b",), "Dense c has no input"),
        (
            (_input("input_layer", 8), _dense("a", 4, ("b",)), _dense("b", 4, ("input_layer",))),
            ("a",),
            "Dense a does not take the layer before it (input_layer)",
        ),
        (CHAIN_START, ("a", "b"), "its outputs are a, b, not its last layer alone"),
        (CHAIN_START, ("a",), "its outputs are a, not its last layer alone"),
    ],
)
def test_sequential_only_for_a_chain_with_what_breaks_the_chain(
    layers: tuple[DesignLayer, ...], outputs: tuple[str, ...] | None, reason: str
) -> None:
    design = Design("net", layers, outputs)
    with pytest.raises(CodeExportError) as caught:
        code_for_design(design, "sequential")
    assert str(caught.value) == (
        f"net cannot be written as a Sequential model: {reason}; use the functional or "
        "subclassing style"
    )


def _block(name: str, inputs: tuple[str, ...]) -> DesignLayer:
    args = {"block": "basic", "filters": 4, "strides": 2, "style": "paper"}
    return DesignLayer("ResidualBlock", name, tuple(args.items()), inputs=inputs)


# Every kind of merge, attention with a query and a value and self-attention, a residual block on
# a branch, three Inputs and three outputs; a layer that leads to no output and one that cannot
# work, both left out.
EVERY_MERGE = Design(
    "every merge",
    (
        _input("sequence", 6, 8),
        _input("context", 4, 8),
        _layer("MultiHeadAttention", "cross", ("sequence", "context"), num_heads=2, key_dim=4),
        _layer("MultiHeadAttention", "self_attention", ("sequence",), num_heads=2, key_dim=4),
        _layer("Add", "total", ("cross", "self_attention")),
        _layer("Subtract", "difference", ("cross", "self_attention")),
        _layer("Multiply", "product", ("total", "difference")),
        _layer("Average", "mean", ("total", "difference", "product")),
        _layer("Maximum", "top", ("mean", "product")),
        _layer("Dot", "scores", ("top", "sequence"), axes=-1),
        _layer("GlobalAveragePooling1D", "pooled", ("top",)),
        _dense("classes", 3, ("pooled",)),
        _dense("unused", 2, ("pooled",)),
        _input("image", 8, 8, 3),
        _block("block1", ("image",)),
        _layer("UpSampling2D", "up", ("block1",)),
        _layer(
            "Conv2DTranspose",
            "back",
            ("block1",),
            filters=3,
            kernel_size=3,
            strides=2,
            padding="same",
        ),
        _layer("Concatenate", "joined", ("up", "back", "image")),
        _layer("Conv2D", "too_big", ("joined",), kernel_size=9),
        _layer("GlobalAveragePooling2D", "image_pooled", ("joined",)),
        _dense("score", 1, ("image_pooled",)),
    ),
    outputs=("classes", "scores", "score"),
)


def _leaves(summary: Any) -> dict[str, tuple]:
    return {
        row.name: (row.type, row.output_shapes, row.params, row.trainable_params, row.macs)
        for row in summary.layers
        if row.is_leaf
    }


def test_functional_and_subclassing_write_any_graph() -> None:
    """One Keras test: the code of a design using every graph feature builds the explorer's own
    model, in both styles that can hold it."""
    from tests.core.test_codegen import run_code

    expected = summarize(reference_for(EVERY_MERGE))
    for style in ("functional", "subclassing"):
        code = code_for_design(EVERY_MERGE, style)
        assert (
            "    # left out, Dense unused: not part of the model: it leads to no output\n" in code
        )
        assert "# left out, it cannot work: Conv2D too_big: kernel 9×9 is larger" in code
        generated = run_code(code)
        assert generated.totals == expected.totals
        assert _leaves(generated) == _leaves(expected)
        if style == "functional":
            assert generated.layers == expected.layers  # the same order and connections too
    functional = code_for_design(EVERY_MERGE, "functional")
    assert (
        '    cross = layers.MultiHeadAttention(2, 4, name="cross")(sequence, context)\n'
        in functional
    )
    assert (
        '    self_attention = layers.MultiHeadAttention(2, 4, name="self_attention")'
        "(sequence, sequence)\n" in functional
    )
    assert '    mean = layers.Average(name="mean")([total, difference, product])\n' in functional
    assert (
        "    return keras.Model([sequence, context, image], [classes, scores, score], "
        'name="every merge")\n'
    ) in functional
    subclassing = code_for_design(EVERY_MERGE, "subclassing")
    assert "        sequence, context, image = inputs\n" in subclassing
    assert "        return [classes, scores, score]\n" in subclassing


@pytest.mark.parametrize(
    ("layers", "reason"),
    [
        ((_dense("a", 4, ()),), "it has no Input"),
        (
            (*CHAIN_START[:2], _layer("Add", "add", ("input_layer", "a"))),
            "none of its outputs works",
        ),
    ],
)
def test_a_design_with_no_model_in_it_is_refused_in_every_style(
    layers: tuple[DesignLayer, ...], reason: str
) -> None:
    design = Design("net", layers)
    for style in ("sequential", "functional", "subclassing"):
        with pytest.raises(CodeExportError) as caught:
            code_for_design(design, style)
        assert str(caught.value) == f"net has nothing to write: {reason}"


def test_an_expanded_block_is_written_as_its_layers() -> None:
    """Expand Block turns a residual block into wired layers: the code writes them one by one,
    beside the blocks still folded into their helper, and builds the same model."""
    from tests.core.test_codegen import run_code

    design = load(examples_folder() / "mini-resnet.design.json").expand_block("block2")
    expected = summarize(reference_for(design))
    assert expected.totals.params == 78_714  # as before the expansion
    functional = code_for_design(design, "functional")
    assert (
        '    x = layers.Add(name="block2_add")([block2_2_bn, block2_0_bn])\n'
        '    x = layers.ReLU(name="block2_out")(x)\n'
        "    x = basic_block(x, filters=64, strides=2, "
    ) in functional
    for code in (functional, code_for_design(design, "subclassing")):
        generated = run_code(code)
        assert _leaves(generated) == _leaves(expected)
        assert generated.totals == expected.totals
    with pytest.raises(CodeExportError, match=": Add block2_add takes 2 inputs; use"):
        code_for_design(design, "sequential")
