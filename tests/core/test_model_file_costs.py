"""Saved ``.keras`` files of models beyond CNNs (issue 14): opened as model files, their
parameters equal Keras's ``count_params()``, their shapes Keras's, and their MACs each layer's
formula, written out here."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.core.analysis.build import summarize
from explorer.core.sources.lookup import parse_reference


def opened(model, folder: Path) -> dict[str, tuple]:
    """The model saved as .keras and opened as a model file: each row's shapes and MACs."""
    path = folder / f"{model.name}.keras"
    model.save(path)
    summary = summarize(parse_reference(str(path)))
    assert summary.totals.params == model.count_params()
    return {row.name: (row.output_shapes, row.macs) for row in summary.layers}


def test_a_bidirectional_lstm_text_model(tmp_path) -> None:
    import keras
    from keras import layers

    tokens = keras.Input((40,), dtype="int32")
    x = layers.Embedding(1000, 64, name="embed")(tokens)
    x = layers.Bidirectional(layers.LSTM(32), name="bilstm")(x)
    out = layers.Dense(3, activation="softmax", name="head")(x)
    rows = opened(keras.Model(tokens, out, name="text"), tmp_path)
    assert rows["embed"] == (((None, 40, 64),), 0)
    assert rows["bilstm"] == (((None, 64),), 2 * 40 * 4 * (64 * 32 + 32 * 32))
    assert rows["head"] == (((None, 3),), 64 * 3)


def test_a_small_transformer_encoder(tmp_path) -> None:
    import keras
    from keras import layers

    tokens = keras.Input((12, 32))
    attended = layers.MultiHeadAttention(4, 8, name="mha")(tokens, tokens)
    x = layers.LayerNormalization(name="norm1")(layers.Add(name="add1")([tokens, attended]))
    hidden = layers.Dense(64, activation="gelu", name="mlp1")(x)
    x = layers.Add(name="add2")([x, layers.Dense(32, name="mlp2")(hidden)])
    out = layers.Dense(2, name="head")(layers.GlobalAveragePooling1D(name="pool")(x))
    rows = opened(keras.Model(tokens, out, name="encoder"), tmp_path)
    # Q, K, V and output projections 4 x 12 x 32 x 32; QKᵀ and AV 4 heads x 12 x 12 x 8, twice.
    assert rows["mha"] == (((None, 12, 32),), 4 * 12 * 32 * 32 + 2 * 4 * 12 * 12 * 8)
    assert rows["mlp1"][1] == 12 * 32 * 64 and rows["mlp2"][1] == 12 * 64 * 32
    assert rows["norm1"][1] == rows["add1"][1] == rows["pool"][1] == 0  # element-wise
    assert rows["head"] == (((None, 2),), 32 * 2)


def test_a_u_net_with_transposed_convolutions_and_concatenation(tmp_path) -> None:
    import keras
    from keras import layers

    image = keras.Input((16, 16, 3))
    down = layers.Conv2D(8, 3, padding="same", name="down")(image)
    pooled = layers.MaxPooling2D(name="pool")(down)
    up = layers.Conv2DTranspose(8, 2, strides=2, name="up")(pooled)
    joined = layers.Concatenate(name="skip")([down, up])
    out = layers.Conv2D(1, 1, name="mask")(joined)
    rows = opened(keras.Model(image, out, name="unet"), tmp_path)
    assert rows["down"] == (((None, 16, 16, 8),), 16 * 16 * 8 * 3 * 3 * 3)
    # Every input element times a 2 x 2 patch of each of the 8 output channels.
    assert rows["up"] == (((None, 16, 16, 8),), 8 * 8 * 8 * 2 * 2 * 8)
    assert rows["skip"] == (((None, 16, 16, 16),), 0)
    assert rows["mask"] == (((None, 16, 16, 1),), 16 * 16 * 16)


def test_a_model_of_several_inputs_and_outputs_with_conv1d_and_conv3d(tmp_path) -> None:
    import keras
    from keras import layers

    signal = keras.Input((50, 4), name="signal")
    volume = keras.Input((6, 6, 6, 2), name="volume")
    a = layers.GlobalAveragePooling1D(name="gap1")(layers.Conv1D(8, 5, name="c1")(signal))
    b = layers.GlobalAveragePooling3D(name="gap3")(layers.Conv3D(4, 3, name="c3")(volume))
    both = layers.Concatenate(name="both")([a, b])
    outs = [layers.Dense(1, name="score")(both), layers.Dense(3, name="kind")(both)]
    rows = opened(keras.Model([signal, volume], outs, name="multi"), tmp_path)
    assert rows["c1"] == (((None, 46, 8),), 46 * 8 * 5 * 4)
    assert rows["c3"] == (((None, 4, 4, 4, 4),), 4 * 4 * 4 * 4 * 3 * 3 * 3 * 2)
    assert rows["score"][1] == 12 and rows["kind"][1] == 36


@pytest.mark.parametrize("reset_after", [True, False])
def test_a_gru_with_time_distributed(tmp_path, reset_after: bool) -> None:
    import keras
    from keras import layers

    sequence = keras.Input((25, 8))
    x = layers.GRU(16, return_sequences=True, reset_after=reset_after, name="gru")(sequence)
    out = layers.TimeDistributed(layers.Dense(4), name="per_step")(x)
    rows = opened(keras.Model(sequence, out, name=f"gru{int(reset_after)}"), tmp_path)
    assert rows["gru"] == (((None, 25, 16),), 25 * 3 * (8 * 16 + 16 * 16))
    assert rows["per_step"] == (((None, 25, 4),), 25 * 16 * 4)
