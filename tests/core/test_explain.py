"""Formulas written out with a layer's own values, and only when they give the summary's
numbers exactly."""

from __future__ import annotations

from explorer.core.analysis.explain import explain


def lines_of(summary, name: str) -> list[str]:
    index = next(i for i, row in enumerate(summary.layers) if row.name == name)
    return explain(summary, index)


def test_the_seed_cnn_s_convolution_and_dense(summary_of) -> None:
    summary = summary_of("simple-cnn")
    assert lines_of(summary, "conv2d") == [
        "params = (3·3·3 + 1)·16 = 448",
        "MACs = 112·112·16 · 3·3·3 = 5,419,008",
        'output = ⌈224/2⌉ = 112 (padding "same": zeros around)',
    ]
    assert lines_of(summary, "dense") == [
        "params = (200704 + 1)·1000 = 200,705,000",
        "MACs = 200704·1000 = 200,704,000",
    ]
    assert lines_of(summary, "flatten") == ["output = 112·112·16 = 200,704 values"]


def test_resnet50_stem_normalisation_pooling_and_head(summary_of) -> None:
    summary = summary_of("resnet50")
    assert lines_of(summary, "conv1_conv") == [
        "params = 7·7·3·64 = 9,408 (no bias)",
        "MACs = 112·112·64 · 7·7·3 = 118,013,952",
        "output = ⌊(230 − 7)/2⌋ + 1 = 112 (no padding)",
    ]
    assert lines_of(summary, "conv1_bn") == [
        "params = 4·64 = 256: γ and β are trained (128); the moving mean and variance are not "
        "(128), they follow the batches' statistics"
    ]
    assert lines_of(summary, "pool1_pool") == [
        "No parameters: a pooling window only takes the maximum or the average.",
        "output = ⌊(114 − 3)/2⌋ + 1 = 56 (no padding)",
    ]
    assert lines_of(summary, "conv2_block1_2_conv")[-1] == (
        'output = 56 (padding "same", stride 1: the size is kept)'
    )
    assert lines_of(summary, "predictions") == [
        "params = (2048 + 1)·1000 = 2,049,000",
        "MACs = 2048·1000 = 2,048,000",
    ]


def test_layers_without_parameters_say_what_they_do(summary_of) -> None:
    summary = summary_of("resnet50")
    assert lines_of(summary, "conv1_pad") == ["output = 224 + 6 = 230 (zeros around)"]
    assert lines_of(summary, "conv1_relu") == [
        "No parameters: ReLU acts on each value alone; the shape stays."
    ]
    assert lines_of(summary, "conv2_block1_add") == [
        "No parameters: adds its 2 inputs, value by value."
    ]
    assert lines_of(summary, "avg_pool") == [
        "No parameters: the average over each channel's 7·7 positions."
    ]


def test_no_formula_that_would_not_give_the_number(summary_of) -> None:
    # ConvNeXt's depthwise 7x7 is a grouped Conv2D: the plain formula would be wrong, so
    # only the output size is written out.
    summary = summary_of("convnext_tiny")
    assert lines_of(summary, "convnext_tiny_stage_0_block_0_depthwise_conv") == [
        'output = 56 (padding "same", stride 1: the size is kept)'
    ]
