"""Never a silent zero (issue 14): a layer whose MACs have no formula here (a custom layer, a
Lambda) or need a size the model leaves unknown is "not counted" in every output, and the totals
name it; element-wise layers stay 0 by the documented convention."""

from __future__ import annotations

import csv
import io
import json

import pytest

from explorer.core.analysis.graph import lay_out, model_graph
from explorer.core.analysis.summary import ModelSummary, summarize_model
from explorer.core.exports.comparisons import compare_rows
from explorer.core.exports.graphs import NOT_COUNTED_FILL, fill_colors, graph_svg
from explorer.core.exports.summaries import render_summary


@pytest.fixture(scope="module")
def mixed() -> ModelSummary:
    """Dense 8 -> 16 (counted), a custom layer with a kernel, a Lambda, BatchNormalization and
    ReLU (0 by convention), Dense 16 -> 4 (counted)."""
    import keras
    from keras import layers

    class Mixer(layers.Layer):  # a custom layer: its call could do anything
        def build(self, input_shape):
            self.kernel = self.add_weight(shape=(input_shape[-1], input_shape[-1]))

        def call(self, x):
            return keras.ops.matmul(x, self.kernel)

    inputs = keras.Input((8,))
    x = layers.Dense(16, name="dense_in")(inputs)
    x = Mixer(name="mixer")(x)
    x = layers.Lambda(lambda t: t * 2.0, name="double")(x)
    x = layers.BatchNormalization(name="bn")(x)
    x = layers.ReLU(name="relu")(x)
    out = layers.Dense(4, name="dense_out")(x)
    return summarize_model(keras.Model(inputs, out, name="mixed"), "mixed")


def test_rows_and_totals_say_which_layers_are_not_counted(mixed: ModelSummary) -> None:
    macs = {row.name: row.macs for row in mixed.layers}
    assert macs == {
        "dense_in": 8 * 16,
        "mixer": None,
        "double": None,
        "bn": 0,
        "relu": 0,
        "dense_out": 16 * 4,
    }
    assert mixed.totals.macs == 8 * 16 + 16 * 4 == 192  # of the layers counted
    assert mixed.totals.uncounted == ("mixer", "double")


def test_every_format_says_not_counted_never_zero(mixed: ModelSummary) -> None:
    text = render_summary(mixed, "text")
    mixer_line = next(line for line in text.splitlines() if "mixer (Mixer)" in line)
    assert "not counted" in mixer_line and " 0 " not in mixer_line.split("not counted")[0][-12:]
    assert "MACs per sample:              192 (2 layers not counted: mixer, double)" in text
    assert "FLOPs per sample (2 x MACs):  384 (2 layers not counted)" in text

    rows = list(csv.DictReader(io.StringIO(render_summary(mixed, "csv"))))
    assert [row["macs"] for row in rows] == ["128", "not counted", "not counted", "0", "0", "64"]

    markdown = render_summary(mixed, "markdown")
    assert "| 2 | `mixer` (Mixer) | (None, 16) | 256 | 256 | not counted |" in markdown
    assert "- **MACs per sample:** 192 (2 layers not counted: mixer, double)" in markdown

    data = json.loads(render_summary(mixed, "json"))
    assert [layer["macs"] for layer in data["layers"]] == [128, None, None, 0, 0, 64]
    assert data["totals"]["macs"] == 192
    assert data["totals"]["uncounted"] == ["mixer", "double"]


def test_the_graph_greys_boxes_not_counted_and_says_so(mixed: ModelSummary) -> None:
    drawing = lay_out(model_graph(mixed))
    fills = fill_colors(drawing, "macs")
    assert fills["mixer"] == fills["double"] == NOT_COUNTED_FILL
    assert fills["bn"] == "#ffffff" and fills["dense_in"] != NOT_COUNTED_FILL  # 0 is white
    svg = graph_svg(drawing, "mixed", "", "macs")
    assert "<title>mixer: 256 params, not counted MACs</title>" in svg
    assert "on a log scale; grey: not counted" in svg
    assert "grey" not in graph_svg(drawing, "mixed", "", "params")


def test_a_comparison_counts_the_layers_left_out(mixed: ModelSummary) -> None:
    _, rows = compare_rows([mixed, mixed])
    assert ["Layers not counted in MACs", "2", "2", "+0 (+0.0%)"] in rows
    assert ["MACs per sample", "192", "192", "+0 (+0.0%)"] in rows


def test_a_nested_model_with_a_layer_not_counted_is_not_counted_itself() -> None:
    import keras
    from keras import layers

    inner_in = keras.Input((8,))
    inner = keras.Model(
        inner_in, layers.Lambda(lambda t: t + 1, name="plus")(layers.Dense(8, name="d")(inner_in))
    )
    inputs = keras.Input((8,))
    summary = summarize_model(keras.Model(inputs, layers.Dense(2, name="out")(inner(inputs))))
    macs = {row.path: row.macs for row in summary.layers}
    assert macs[inner.name] is None  # its sum would leave a layer out
    assert macs[f"{inner.name}/d"] == 64 and macs[f"{inner.name}/plus"] is None
    assert summary.totals.macs == 64 + 16 and summary.totals.uncounted == (f"{inner.name}/plus",)


def test_sizes_left_unknown_make_a_cost_unknown_not_zero() -> None:
    """An LSTM and a Dense over sequences of any length: their MACs depend on it."""
    import keras
    from keras import layers

    sequence = keras.Input((None, 8))
    per_step = layers.Dense(4, name="per_step")(sequence)
    last = layers.LSTM(2, name="lstm")(per_step)
    summary = summarize_model(keras.Model(sequence, layers.Dense(1, name="head")(last)))
    assert {row.name: row.macs for row in summary.layers} == {
        "per_step": None,
        "lstm": None,
        "lstm_cell": 4 * (4 * 2 + 2 * 2),  # one step of the LSTM is known, their count is not
        "head": 2,
    }
    assert summary.totals.uncounted == ("per_step", "lstm")


def test_tensor_products_are_counted_and_element_wise_layers_are_zero() -> None:
    """Dot and ``ops.matmul``/``ops.einsum`` multiply tensors: counted; pooling, Add,
    normalisation, Dropout, Reshape: 0 by the convention."""
    import keras
    from keras import layers

    a, b = keras.Input((5, 6)), keras.Input((7, 6))
    dot = layers.Dot(axes=(2, 2), name="dot")([a, b])  # (5, 7), each over 6
    product = keras.ops.matmul(a, keras.ops.transpose(b, (0, 2, 1)))  # (5, 7), each over 6
    summed = keras.ops.einsum("bqd,bkd->bqk", a, b)  # 5 x 7 x 6
    x = layers.Add(name="add")([dot, product, summed])
    x = layers.LayerNormalization(name="norm")(x)
    x = layers.Dropout(0.1, name="drop")(layers.MaxPooling1D(name="pool")(x))
    out = layers.Reshape((14,), name="flat")(x)
    summary = summarize_model(keras.Model([a, b], out))
    macs = {row.type: row.macs for row in summary.layers}
    assert macs["Dot"] == macs["Matmul"] == macs["Einsum"] == 5 * 7 * 6
    assert macs["Transpose"] == 0
    for kind in ("Add", "LayerNormalization", "Dropout", "MaxPooling1D", "Reshape"):
        assert macs[kind] == 0, kind
    assert summary.totals.uncounted == ()


def test_keras_applications_layers_are_counted() -> None:
    """ConvNeXt's LayerScale and Inception-ResNet's scaled sum are keras.applications' own
    classes, element-wise: 0, not "not counted"."""
    import keras
    from keras.src.applications.convnext import LayerScale

    x = keras.Input((4, 4, 8))
    summary = summarize_model(keras.Model(x, LayerScale(1e-6, 8, name="scale")(x)))
    assert summary.layers[0].macs == 0 and summary.totals.uncounted == ()


def test_the_graph_coloured_by_kind_tells_sequence_layers_apart() -> None:
    """Recurrent teal, attention pink, embeddings amber: not the grey of "other"."""
    import keras
    from keras import layers

    tokens = keras.Input((10,), dtype="int32")
    x = layers.Embedding(50, 8, name="embed")(tokens)
    x = layers.MultiHeadAttention(2, 4, name="mha")(x, x)
    x = layers.Bidirectional(layers.GRU(4), name="bigru")(x)
    out = layers.Dense(2, name="head")(x)
    summary = summarize_model(keras.Model(tokens, out), "kinds")
    fills = fill_colors(lay_out(model_graph(summary)), "type")
    assert fills == {"embed": "#ffcc80", "mha": "#f48fb1", "bigru": "#80cbc4", "head": "#ce93d8"}
