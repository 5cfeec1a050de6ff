"""MACs of layers beyond convolutions and Dense (issue 14, first step): recurrent layers,
attention and EinsumDense, per sample and one call, each against its formula worked by hand."""

from __future__ import annotations

import json

import pytest

from explorer.core.analysis.summary import summarize_model


def macs_by_layer(inputs, outputs) -> dict[str, int]:
    import keras

    model = keras.Model(inputs, outputs)
    return {row.name: row.macs for row in summarize_model(model, "test", ()).layers}


def test_a_bidirectional_lstm_counts_both_directions() -> None:
    """The issue's text classifier: the LSTM counted 0, now 2 x 40 x 4 x (64 x 32 + 32 x 32)."""
    import keras
    from keras import layers

    tokens = keras.Input((40,), dtype="int32")
    x = layers.Embedding(1000, 64, name="embed")(tokens)
    x = layers.Bidirectional(layers.LSTM(32), name="bilstm")(x)
    out = layers.Dense(1, name="head")(x)
    macs = macs_by_layer(tokens, out)
    assert macs["embed"] == 0  # a lookup
    assert macs["bilstm"] == 2 * 40 * 4 * (64 * 32 + 32 * 32) == 983_040
    assert macs["head"] == 64


@pytest.mark.parametrize("reset_after", [True, False])
def test_recurrent_layers_count_every_gate_at_every_step(reset_after: bool) -> None:
    import keras
    from keras import layers

    sequence = keras.Input((10, 8))
    gru = layers.GRU(16, reset_after=reset_after, return_sequences=True, name="gru")(sequence)
    simple = layers.SimpleRNN(4, name="simple")(gru)
    macs = macs_by_layer(sequence, simple)
    assert macs["gru"] == 10 * 3 * (8 * 16 + 16 * 16) == 11_520
    assert macs["simple"] == 10 * (16 * 4 + 4 * 4) == 800


def test_attention_counts_its_projections_and_both_products() -> None:
    import keras
    from keras import layers

    tokens = keras.Input((6, 16))
    mha = layers.MultiHeadAttention(num_heads=2, key_dim=8, name="mha")(tokens, tokens)
    gqa = layers.GroupQueryAttention(4, 4, 2, name="gqa")(mha, mha)
    other = keras.Input((9, 16))
    dot = layers.Attention(name="dot")([gqa, other])
    macs = macs_by_layer([tokens, other], dot)
    # Q, K, V: 6 x 16 x 2 x 8 each; output: 6 x 2 x 8 x 16; QKᵀ and AV: 2 x 6 x 6 x 8 each.
    assert macs["mha"] == 3 * 6 * 16 * 2 * 8 + 6 * 2 * 8 * 16 + 2 * 6 * 6 * (8 + 8) == 7_296
    # Q: 4 heads, K and V: 2 heads, of 4; output 4 x 4 -> 16; products over the 4 query heads.
    assert macs["gqa"] == 6 * 16 * 4 * 4 + 2 * 6 * 16 * 2 * 4 + 6 * 4 * 4 * 16 + 4 * 6 * 6 * 8
    assert macs["dot"] == 6 * 9 * (16 + 16)


def test_a_gated_attention_counts_its_gate_projection_too() -> None:
    import keras
    from keras import layers

    tokens = keras.Input((6, 16))
    gated = layers.MultiHeadAttention(2, 8, use_gate=True, name="gated")(tokens, tokens)
    plain = 3 * 6 * 16 * 2 * 8 + 6 * 2 * 8 * 16 + 2 * 6 * 6 * (8 + 8)
    assert macs_by_layer(tokens, gated)["gated"] == plain + 6 * 16 * 2 * 8


def test_einsum_dense_counts_every_index_combination() -> None:
    import keras
    from keras import layers

    x = keras.Input((5, 3))
    a = layers.EinsumDense("abc,cd->abd", output_shape=(5, 4), name="explicit")(x)
    b = layers.EinsumDense("...b,bc->...c", output_shape=4, name="ellipsis")(a)
    macs = macs_by_layer(x, b)
    assert macs["explicit"] == 5 * 3 * 4
    assert macs["ellipsis"] == 5 * 4 * 4


def test_time_distributed_counts_its_layer_at_every_step_in_one_row() -> None:
    """A GRU and TimeDistributed(Dense) printed the inner Dense's shape 25 times in one row,
    and the GRU's cell once per step; each is now one row with its own shape and cost."""
    import keras
    from keras import layers

    sequence = keras.Input((25, 8))
    x = layers.GRU(16, return_sequences=True, name="gru")(sequence)
    out = layers.TimeDistributed(layers.Dense(4, name="dense"), name="per_step")(x)
    summary = summarize_model(keras.Model(sequence, out), "test", ())
    assert [(r.name, r.output_shapes, r.macs) for r in summary.layers if r.is_leaf] == [
        ("gru", ((None, 25, 16),), 25 * 3 * (8 * 16 + 16 * 16)),
        ("per_step", ((None, 25, 4),), 25 * 16 * 4),
    ]
    # Each shows the layer it runs at every step once, under it (the next test has more).
    assert [r.name for r in summary.layers if r.part_of] == ["gru_cell", "dense"]
    assert summary.totals.params == 3 * (8 * 16 + 16 * 16 + 2 * 16) + 16 * 4 + 4


@pytest.mark.parametrize("sequences", [True, False])
def test_conv_lstm_convolves_input_and_state_into_four_gates_at_every_step(sequences) -> None:
    import keras
    from keras import layers

    frames = keras.Input((5, 8, 8, 2))
    out = layers.ConvLSTM2D(6, 3, padding="same", return_sequences=sequences, name="clstm")(frames)
    macs = macs_by_layer(frames, out)
    # 5 steps x 8 x 8 positions x (3 x 3 x 2 + 3 x 3 x 6) x 4 gates x 6 filters
    assert macs["clstm"] == 5 * 8 * 8 * (3 * 3 * 2 + 3 * 3 * 6) * 4 * 6 == 552_960


def test_a_layer_called_many_times_with_one_shape_shows_it_once_with_its_count() -> None:
    import keras
    from keras import layers

    from explorer.core.exports.summaries import output_shape_text, summary_json

    steps = [keras.Input((8,)) for _ in range(25)]
    shared = layers.Dense(4, name="shared")
    out = layers.Concatenate(name="joined")([shared(step) for step in steps])
    summary = summarize_model(keras.Model(steps, out), "test", ())
    row = next(r for r in summary.layers if r.name == "shared")
    assert output_shape_text(row) == "(None, 4) ×25"
    assert row.macs == 25 * 8 * 4 and row.params == 8 * 4 + 4  # every call; weights once
    layers_json = json.loads(summary_json(summary))["layers"]
    assert layers_json[0]["output_shape"] == [[None, 4]] * 25  # the documented list


def test_cells_appear_once_under_their_layer_with_one_step() -> None:
    """An RNN's cell (each direction's) and TimeDistributed's layer: one row under the layer,
    one step's shape and MACs; counted nowhere else (totals, JSON, the layer count)."""
    import keras
    from keras import layers

    from explorer.core.exports.summaries import render_summary

    tokens = keras.Input((40,), dtype="int32")
    x = layers.Embedding(1000, 64, name="embed")(tokens)
    lstm = layers.LSTM(32, return_sequences=True, name="lstm")  # its directions' names follow
    x = layers.Bidirectional(lstm, name="bilstm")(x)
    x = layers.GRU(16, name="gru")(x)
    steps = keras.Input((25, 8))
    per_step = layers.TimeDistributed(layers.Dense(4, name="inner"), name="td")(steps)
    model = keras.Model([tokens, steps], [layers.Dense(3, name="head")(x), per_step])
    summary = summarize_model(model, "test", ())
    rows = [(r.path, r.type, r.output_shapes, r.params, r.macs, r.part_of) for r in summary.layers]
    lstm_step = 4 * (64 * 32 + 32 * 32)
    assert rows == [
        ("embed", "Embedding", ((None, 40, 64),), 64_000, 0, ""),
        ("bilstm", "Bidirectional", ((None, 40, 64),), 24_832, 2 * 40 * lstm_step, ""),
        ("bilstm/forward_lstm/lstm_cell", "LSTMCell", ((None, 32),), 12_416, lstm_step, "bilstm"),
        ("bilstm/backward_lstm/lstm_cell", "LSTMCell", ((None, 32),), 12_416, lstm_step, "bilstm"),
        ("gru", "GRU", ((None, 16),), 3_936, 40 * 3 * (64 * 16 + 16 * 16), ""),
        ("gru/gru_cell", "GRUCell", ((None, 16),), 3_936, 3 * (64 * 16 + 16 * 16), "gru"),
        ("head", "Dense", ((None, 3),), 51, 48, ""),
        ("td", "TimeDistributed", ((None, 25, 4),), 36, 25 * 32, ""),
        ("td/inner", "Dense", ((None, 4),), 36, 32, "td"),
    ]
    assert summary.totals.params == model.count_params() == 92_855
    assert summary.totals.macs == 983_040 + 153_600 + 48 + 800  # the parts are not added
    text = render_summary(summary, "text")
    assert "    gru_cell (GRUCell)                  (None, 16) per step   3,936" in text
    data = json.loads(render_summary(summary, "json"))
    assert [layer["name"] for layer in data["layers"]] == ["embed", "bilstm", "gru", "head", "td"]
