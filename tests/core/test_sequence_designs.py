"""Sequence layers in designs: the shape check, the Keras build and the summary agree, with the
parameter and MAC counts written out by hand here."""

from __future__ import annotations

from typing import Any

import pytest

from explorer.core.analysis.build import summarize
from explorer.core.base.errors import ParameterError
from explorer.core.exports.code import CodeExportError, code_for_design
from explorer.core.sources.designs.files import from_json, reference_for, to_json
from explorer.core.sources.designs.keras_build import build_design
from explorer.core.sources.designs.model import Design, DesignLayer
from explorer.core.sources.designs.shapes import check


def layer(kind: str, name: str, **args: object) -> DesignLayer:
    return DesignLayer(kind, name, tuple(args.items()))


def tokens(steps: int) -> DesignLayer:
    return layer("Input", "input_layer", shape=(steps,))


# Token ids, 20 steps, through every sequence kind. Each row: the output shape, then the
# parameters and the MACs of one sample, counted by hand.
STACK = Design(
    "every-kind",
    (
        tokens(20),
        layer("Embedding", "emb", input_dim=1000, output_dim=16),
        layer("Conv1D", "conv", filters=8, kernel_size=3),
        layer("LSTM", "lstm", units=12, return_sequences=True),
        layer("GRU", "gru", units=10, return_sequences=True),
        layer("MultiHeadAttention", "attention", num_heads=2, key_dim=4),
        layer("LayerNormalization", "norm"),
        layer("Dense", "per_step", units=6),
        layer("Dropout", "drop", rate=0.1),
        layer("GlobalAveragePooling1D", "pool"),
        layer("Dense", "out", units=3, activation="softmax"),
    ),
)
T = 18  # steps after the 3-step convolution without padding: 20 - 3 + 1
EXPECTED = {
    "emb": ((None, 20, 16), 1000 * 16, 0),  # a lookup: no multiplication
    "conv": ((None, T, 8), 3 * 16 * 8 + 8, T * 8 * 3 * 16),
    # 4 gates, each: input kernel, recurrent kernel, bias; per step 4 x (d x u + u x u) MACs.
    "lstm": ((None, T, 12), 4 * (8 * 12 + 12 * 12 + 12), T * 4 * (8 * 12 + 12 * 12)),
    # reset_after (Keras's default): 3 gates with two biases each.
    "gru": ((None, T, 10), 3 * (12 * 10 + 10 * 10 + 2 * 10), T * 3 * (12 * 10 + 10 * 10)),
    # query, key, value: 10 -> 2 heads x 4 (+ bias); output: 2 x 4 -> 10 (+ bias); MACs: the
    # four projections over T steps, then QKᵀ and AV: heads x T x T x (4 + 4).
    "attention": (
        (None, T, 10),
        3 * (10 * 2 * 4 + 2 * 4) + (2 * 4 * 10 + 10),
        4 * T * 10 * 2 * 4 + 2 * T * T * (4 + 4),
    ),
    "norm": ((None, T, 10), 2 * 10, 0),
    "per_step": ((None, T, 6), 10 * 6 + 6, T * 10 * 6),
    "drop": ((None, T, 6), 0, 0),
    "pool": ((None, 6), 0, 0),
    "out": ((None, 3), 6 * 3 + 3, 6 * 3),
}


def test_every_sequence_kind_has_keras_shapes_parameters_and_hand_counted_macs() -> None:
    checked = {c.name: c.output_shape for c in check(STACK)[1:]}
    assert checked == {name: shape for name, (shape, _, _) in EXPECTED.items()}
    model = build_design(STACK)
    assert model.inputs[0].dtype == "int32"  # token ids
    keras_rows = {
        lay.name: (tuple(lay.output.shape), lay.count_params()) for lay in model.layers[1:]
    }
    assert keras_rows == {name: (shape, params) for name, (shape, params, _) in EXPECTED.items()}
    summary = summarize(reference_for(STACK))
    rows = {row.name: (row.output_shapes[0], row.params, row.macs) for row in summary.layers}
    # Each recurrent layer's cell, once under it: one step's shape and MACs (not counted again).
    assert rows.pop("lstm_cell") == (
        (None, 12),
        4 * (8 * 12 + 12 * 12 + 12),
        4 * (8 * 12 + 12 * 12),
    )
    assert rows.pop("gru_cell") == (
        (None, 10),
        3 * (12 * 10 + 10 * 10 + 2 * 10),
        3 * (12 * 10 + 10 * 10),
    )
    assert rows == EXPECTED
    assert summary.totals.params == model.count_params() == 18_581
    assert summary.totals.macs == sum(macs for _, _, macs in EXPECTED.values()) == 48_114


@pytest.mark.parametrize(
    ("padding", "strides", "steps"), [("valid", 2, 9), ("same", 2, 10), ("causal", 3, 7)]
)
def test_conv1d_padding_and_strides_as_keras(padding: str, strides: int, steps: int) -> None:
    design = Design(
        "c",
        (
            layer("Input", "input_layer", shape=(20, 16)),
            layer("Conv1D", "conv", filters=8, kernel_size=3, strides=strides, padding=padding),
        ),
    )
    assert check(design)[1].output_shape == (None, steps, 8)
    assert tuple(build_design(design).layers[1].output.shape) == (None, steps, 8)


def test_recurrent_layers_give_their_last_state_unless_asked_for_every_step() -> None:
    design = Design(
        "r",
        (
            layer("Input", "input_layer", shape=(30, 5)),
            layer("GRU", "gru", units=7),
            layer("Dense", "out", units=2),
        ),
    )
    assert [c.output_shape for c in check(design)] == [(None, 30, 5), (None, 7), (None, 2)]
    model = build_design(design)
    assert model.inputs[0].dtype == "float32"  # features, not token ids
    assert model.count_params() == 3 * (5 * 7 + 7 * 7 + 2 * 7) + 7 * 2 + 2 == 310


WRONG_ORDERS = [
    (
        (tokens(20), layer("Embedding", "emb"), layer("Flatten", "flat"), layer("LSTM", "lstm")),
        "LSTM lstm: needs a 3-D input (batch, steps, features), not (None, 1280)",
    ),
    (
        (tokens(20), layer("Embedding", "emb"), layer("LSTM", "first"), layer("GRU", "second")),
        "GRU second: needs a 3-D input (batch, steps, features), not (None, 32); first gives only "
        "its last state: tick its return_sequences",
    ),
    (
        (tokens(20), layer("Embedding", "emb"), layer("Conv2D", "conv2d")),
        "Conv2D conv2d: needs a 4-D input (batch, height, width, channels), not (None, 20, 64)",
    ),
    (
        (
            layer("Input", "input_layer", shape=(20, 16)),
            layer("Dense", "d"),
            layer("Embedding", "e"),
        ),
        "Embedding e: an Embedding looks up token ids, so it must come right after the Input",
    ),
    (
        (layer("Input", "input_layer", shape=(32, 32, 3)), layer("Embedding", "e")),
        "Embedding e: needs token ids (batch, steps), not (None, 32, 32, 3): give the Input one "
        "size, the number of steps",
    ),
    (
        (tokens(20), layer("Dense", "d", units=8), layer("MultiHeadAttention", "mha")),
        "MultiHeadAttention mha: needs a 3-D input (batch, steps, features), not (None, 8)",
    ),
    (
        (layer("Input", "input_layer", shape=(32, 32, 3)), layer("GlobalAveragePooling1D", "p")),
        "GlobalAveragePooling1D p: needs a 3-D input (batch, steps, features), not "
        "(None, 32, 32, 3)",
    ),
    (
        (layer("Input", "input_layer", shape=(4, 16)), layer("Conv1D", "c", kernel_size=5)),
        "Conv1D c: kernel 5 is longer than its 4 steps; use padding same or causal, or a smaller "
        "size",
    ),
]


@pytest.mark.parametrize(("layers", "message"), WRONG_ORDERS)
def test_a_wrong_order_is_refused_naming_the_layer_and_left_out(
    layers: tuple[DesignLayer, ...], message: str
) -> None:
    design = Design("wrong", layers)
    results = check(design)
    assert [r.problem for r in results] == [None] * (len(layers) - 1) + [message]
    assert results[-1].output_shape is None
    model = build_design(design)  # the refused layer is left out; the rest builds
    assert [lay.name for lay in model.layers] == [lay.name for lay in layers[:-1]]


def test_the_input_takes_an_image_a_sequence_or_token_ids() -> None:
    shapes = [
        layer("Input", "i", shape=text).values["shape"] for text in ("100", "100x16", "8x8x3")
    ]
    assert shapes == [(100,), (100, 16), (8, 8, 3)]
    with pytest.raises(ParameterError) as caught:
        layer("Input", "i", shape="2x2x2x2")
    assert str(caught.value) == (
        "shape: '2x2x2x2' is not a valid shape: expected an image like 224x224x3, a sequence "
        "like 100x16 or token ids like 100"
    )
    with pytest.raises(ParameterError) as caught:
        layer("Input", "i", shape="100x5000")
    assert str(caught.value) == (
        "shape: 100x5000 is out of range: expected an image written like 224x224x3, a sequence "
        "of steps x features like 100x16, or steps alone like 100 (token ids); sides and steps "
        "from 1 to 8,192, channels and features from 1 to 4,096"
    )


def test_a_sequence_design_file_reads_back_as_written() -> None:
    text = to_json(STACK)
    assert '{"type": "Input", "name": "input_layer", "args": {"shape": [20]}}' in text
    assert (
        '{"type": "LSTM", "name": "lstm", "args": {"units": 12, "return_sequences": true}}' in text
    )
    assert from_json(text) == STACK
    assert to_json(from_json(text)) == text


def _run(code: str) -> Any:
    namespace: dict[str, Any] = {"__name__": "generated"}
    exec(compile(code, "<generated>", "exec"), namespace)
    return namespace["build_model"]()


def test_self_attention_is_exported_functional_and_subclassing_not_sequential() -> None:
    functional = code_for_design(STACK, "functional")
    assert (
        '    inputs = keras.Input(shape=(20,), dtype="int32", name="input_layer")\n' in functional
    )
    assert '    x = layers.MultiHeadAttention(2, 4, name="attention")(x, x)\n' in functional
    subclassing = code_for_design(STACK, "subclassing")
    assert "        x = self.attention(x, x)\n" in subclassing
    assert '    model(keras.Input(shape=(20,), dtype="int32"))\n' in subclassing
    for code in (functional, subclassing):
        assert _run(code).count_params() == 18_581
    with pytest.raises(CodeExportError) as caught:
        code_for_design(STACK, "sequential")
    assert str(caught.value) == (
        "every-kind cannot be written as a Sequential model: its layer MultiHeadAttention "
        "attention is self-attention, called with the sequence twice (as query and value), and "
        "a Sequential model calls each layer with one input; use the functional or subclassing "
        "style"
    )


def test_a_recurrent_stack_is_exported_in_all_three_styles() -> None:
    design = Design("stack", tuple(lay for lay in STACK.layers if lay.kind != "MultiHeadAttention"))
    expected = build_design(design).count_params()
    assert expected == 18_581 - 354
    sequential = code_for_design(design, "sequential")
    assert (
        '            keras.Input(shape=(20,), dtype="int32", name="input_layer"),\n' in sequential
    )
    assert '            layers.LSTM(12, return_sequences=True, name="lstm"),\n' in sequential
    for style in ("sequential", "functional", "subclassing"):
        assert _run(code_for_design(design, style)).count_params() == expected
