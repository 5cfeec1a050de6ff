"""The catalog's transformers: published counts, MACs written out, Keras's own counts and shapes,
bad parameters, weights and .keras files, stages."""

from __future__ import annotations

import json

import numpy as np
import pytest

from explorer.core import weights
from explorer.core.analysis.build import build_model, summarize
from explorer.core.analysis.stages import compare_stages, stages
from explorer.core.analysis.sweep import (
    attention_growth,
    by_tokens,
    run_sweep,
    square_inputs,
    sweep_rows,
)
from explorer.core.base.errors import ParameterError
from explorer.core.exports.summaries import render_summary
from explorer.core.sources.lookup import parse_reference

# timm's vit_{tiny,small,base}_patch16_224 and Hugging Face's bert-base-uncased (with pooler)
# and google/bert_uncased_L-2_H-128_A-2.
PUBLISHED = {
    "vit_ti16": 5_717_416,
    "vit_s16": 22_050_664,
    "vit_b16": 86_567_656,
    "bert_tiny": 4_385_920,
    "bert_base": 109_482_240,
}
SMALL_VIT = "vit_ti16:input_shape=32x32x3,patch_size=8,depth=2,classes=10"
SMALL_BERT = "bert_tiny:sequence_length=16,vocab_size=100"


@pytest.mark.parametrize("text", sorted(PUBLISHED))
def test_published_parameter_counts(summary_of, text: str) -> None:
    assert summary_of(text).totals.params == PUBLISHED[text]
    assert summary_of(text).totals.non_trainable_params == 0


def test_vit_b16_parameters_by_hand() -> None:
    width, mlp, tokens, patch = 768, 3072, 14 * 14 + 1, 16
    block = (
        2 * 2 * width  # two LayerNorms
        + 4 * (width * width + width)  # query, key, value, output projections
        + (width * mlp + mlp)
        + (mlp * width + width)
    )
    total = (
        (patch * patch * 3 * width + width)  # the patch embedding, a 16x16/16 convolution
        + width  # the class token
        + tokens * width  # position embeddings
        + 12 * block
        + 2 * width  # the final LayerNorm
        + (width * 1000 + 1000)
    )
    assert total == PUBLISHED["vit_b16"]


def test_vit_b16_macs_with_and_without_the_attention_products(summary_of) -> None:
    summary = summary_of("vit_b16")
    width, mlp, tokens, heads = 768, 3072, 197, 12
    patches = 16 * 16 * 3 * width * 196
    projections = 4 * tokens * width * width
    products = heads * tokens * tokens * (2 * width // heads)  # QKᵀ and AV, 64 wide each
    mlps = 2 * tokens * width * mlp
    total = patches + 12 * (projections + products + mlps) + width * 1000
    assert summary.totals.macs == total == 17_563_828_224
    assert round(summary.totals.macs / 1e9, 2) == 17.56
    assert round((summary.totals.macs - 12 * products) / 1e9, 2) == 16.85  # timm's "16.9"
    attention = [row for row in summary.layers if row.type == "MultiHeadAttention"]
    assert len(attention) == 12
    assert {row.macs for row in attention} == {projections + products}


def test_bert_base_macs_at_512_tokens(summary_of) -> None:
    hidden, inter, length, layers = 768, 3072, 512, 12
    per_layer = (
        4 * length * hidden * hidden + 2 * length * length * hidden + 2 * length * hidden * inter
    )
    assert summary_of("bert_base").totals.macs == layers * per_layer + hidden * hidden


def test_summary_json_equals_keras_counts_and_shapes(summary_of) -> None:
    """``explorer summary vit_b16 --format json`` against the Keras model itself (a preview:
    shapes and counts are exact without 350 MB of weights)."""
    model = build_model(parse_reference("vit_b16")).model
    data = json.loads(render_summary(summary_of("vit_b16"), "json"))
    assert data["totals"]["params"] == model.count_params() == PUBLISHED["vit_b16"]
    layers = {layer.name: layer for layer in model.layers if layer.name != "image"}
    assert [row["name"] for row in data["layers"]] == list(layers)
    for row in data["layers"]:
        layer = layers[row["name"]]
        assert row["output_shape"] == list(layer.output.shape), row["name"]
        assert row["params"] == layer.count_params(), row["name"]
    assert data["layers"][3] == {
        "name": "position_embedding",
        "type": "PositionEmbedding",
        "output_shape": [None, 197, 768],
        "params": 197 * 768,
        "trainable_params": 197 * 768,
        "inbound": ["class_token"],
        "macs": 0,
        "activation_elements": 197 * 768,
    }


def test_bert_reads_two_inputs_and_keeps_its_positions_as_the_sequence_shrinks(
    summary_of,
) -> None:
    short = summarize(parse_reference("bert_base:sequence_length=128"))
    assert short.totals.params == PUBLISHED["bert_base"]  # the table keeps its 512 rows
    rows = {row.name: row for row in short.layers}
    assert rows["position_embedding"].params == 512 * 768
    assert rows["token_embedding"].output_shapes == ((None, 128, 768),)
    assert rows["pooler"].output_shapes == ((None, 768),)
    assert rows["first_token"].inbound == ("encoder_block12_norm2",)
    smaller = summarize(parse_reference("bert_base:sequence_length=128,max_positions=128"))
    assert PUBLISHED["bert_base"] - smaller.totals.params == (512 - 128) * 768


@pytest.mark.parametrize(
    ("text", "param", "words"),
    [
        ("vit_b16:input_shape=100x100x3", "input_shape", "multiples of patch_size (16)"),
        ("vit_b16:patch_size=32,input_shape=48x48x3", "input_shape", "32x32 patches"),
        ("vit_s16:heads=5", "heads", "width=384 cannot be split into 5 heads"),
        ("bert_base:hidden=100", "heads", "hidden=100 cannot be split into 12 heads"),
        ("bert_tiny:sequence_length=513", "sequence_length", "max_positions is 512"),
        ("vit_ti16:input_shape=8192x8192x3", "input_shape", "262,145 tokens"),
        ("bert_tiny:layers=0", "layers", "out of range"),
    ],
)
def test_bad_parameters_name_the_parameter(text: str, param: str, words: str) -> None:
    with pytest.raises(ParameterError) as refused:
        parse_reference(text)
    assert refused.value.param == param
    assert words in str(refused.value)


def test_weights_and_keras_files_round_trip(tmp_path) -> None:
    """Full builds of small ViT and BERT: weights saved and loaded bit for bit; a ``.keras``
    file Keras saves opens as a model file with the same counts."""
    import keras

    for text in (SMALL_VIT, SMALL_BERT):
        reference = parse_reference(text)
        model = build_model(reference, preview=False).model
        path = str(tmp_path / "model.weights.h5")
        weights.save_weights(model, path)
        loaded, report = weights.load(reference, path)
        assert report.loads_fully and report.count("matched") == len(report.rows)
        for before, after in zip(model.get_weights(), loaded.get_weights(), strict=True):
            assert np.array_equal(before, after)
        saved = tmp_path / f"{reference.architecture.id}.keras"
        model.save(saved)
        reopened = summarize(parse_reference(str(saved)))
        assert reopened.totals.params == model.count_params()
        assert reopened.totals.macs == summarize(reference).totals.macs
        again = keras.saving.load_model(saved)
        assert np.array_equal(again.get_weights()[2], model.get_weights()[2])
    assert summarize(parse_reference(SMALL_VIT)).totals.params == (
        (8 * 8 * 3 * 192 + 192) + 192 + 17 * 192 + 2 * 444_864 + 2 * 192 + (192 * 10 + 10)
    )


def test_stages_are_embedding_encoder_head(summary_of) -> None:
    vit = stages(summary_of("vit_b16"))
    assert [s.name for s in vit] == ["embedding", "encoder", "head"]
    assert [s.layers for s in vit] == [4, 12 * 7, 3]
    assert [s.params for s in vit] == [590_592 + 768 + 151_296, 12 * 7_087_872, 1_536 + 769_000]
    assert sum(s.macs for s in vit) == summary_of("vit_b16").totals.macs
    bert = stages(summary_of("bert_tiny"))
    assert [(s.name, s.layers) for s in bert] == [("embedding", 5), ("encoder", 14), ("head", 2)]
    assert bert[0].params == 30_522 * 128 + 512 * 128 + 2 * 128 + 2 * 128


def test_vit_against_resnet50_shares_only_the_head(summary_of) -> None:
    comparison = compare_stages([summary_of("resnet50"), summary_of("vit_b16")])
    assert comparison.names == (
        "stem", "conv2_x", "conv3_x", "conv4_x", "conv5_x", "embedding", "encoder", "head",
    )  # fmt: skip
    resnet, vit = comparison.per_model
    assert vit[:5] == (None,) * 5 and resnet[5:7] == (None, None)
    assert [resnet[7].params, vit[7].params] == [2_049_000, 770_536]


def test_a_sequence_length_sweep_shows_the_square_of_the_tokens() -> None:
    """BERT-Tiny's MACs: L x (4h² + 2hi) per layer for the projections and the MLP, linear in
    L; 2hL² per layer for QKᵀ and AV; h² for the pooler. Doubling L doubles the first, the
    products grow 4x: MACs(2L) - 2 MACs(L) = layers x 2h x (4L² - 2L²) - h²."""
    layers, hidden, inter = 2, 128, 512
    points = run_sweep(parse_reference("bert_tiny"), "sequence_length", [64, 128, 600])
    short, long, refused = points
    assert long.totals.macs - 2 * short.totals.macs == layers * 2 * hidden * (
        4 * 64**2 - 2 * 64**2
    ) - hidden * hidden  # fmt: skip
    assert [short.tokens, long.tokens] == [64, 128]
    assert short.attention_macs == layers * 2 * hidden * 64**2 == 2_097_152
    assert long.attention_macs == 4 * short.attention_macs
    assert short.totals.macs - short.attention_macs == (
        layers * 64 * (4 * hidden**2 + 2 * hidden * inter) + hidden**2
    )
    assert refused.totals is None and "max_positions is 512" in refused.error
    assert by_tokens(points)
    assert attention_growth(points) == (
        "From 64 to 128 tokens (x2.00), the attention products QKᵀ and AV grow x4.00, with "
        "the square of the tokens; the other MACs grow x2.00."
    )
    rows = sweep_rows([("bert_tiny", points)], attention=True)
    assert 25_182_208 + 2_097_152 == 27_279_360  # the two lines above, at L = 64
    assert rows[0] == ["bert_tiny", "64", "4,385,920", "27,279,360", "0.78", "64", "2,097,152"]
    assert rows[2][2:4] == ["-", "-"] and rows[2][5:] == ["-", "-"]


def test_an_input_side_sweep_counts_vit_tokens() -> None:
    sides = square_inputs((224, 224, 3), [112, 224])
    points = run_sweep(parse_reference("vit_ti16"), "input_shape", sides)
    assert [p.tokens for p in points] == [7 * 7 + 1, 14 * 14 + 1]
    assert [p.attention_macs for p in points] == [12 * 2 * 192 * t * t for t in (50, 197)]
    depth = run_sweep(parse_reference("vit_ti16"), "depth", [1, 2])
    assert not by_tokens(depth)  # the same 197 tokens: plotted against depth
    resnet = run_sweep(parse_reference("resnet18"), "classes", [10])
    assert (resnet[0].tokens, resnet[0].attention_macs) == (None, 0)
    assert attention_growth(resnet) is None
