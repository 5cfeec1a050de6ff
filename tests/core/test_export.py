"""Exporters: exact text, CSV and Markdown for the seed's model, and the comparison table."""

from __future__ import annotations

import csv
import io

from explorer.core.exports.comparisons import compare_csv, compare_text
from explorer.core.exports.summaries import render_summary, summary_csv

SEED_TEXT = """\
Architecture: simple-cnn (api=sequential, input_shape=224x224x3, filters=16, kernel_size=3, strides=2, classes=1000)

#  Layer (type)       Output shape               Params    Trainable         MACs  Connected to
-----------------------------------------------------------------------------------------------
1  conv2d (Conv2D)    (None, 112, 112, 16)          448          448    5,419,008
2  flatten (Flatten)  (None, 200704)                  0            0            0  conv2d
3  dense (Dense)      (None, 1000)          200,705,000  200,705,000  200,704,000  flatten
-----------------------------------------------------------------------------------------------
Total params:                 200,705,448
Trainable params:             200,705,448
Non-trainable params:         0
Weights memory:               765.63 MiB (802.82 MB)
MACs per sample:              206,123,008
FLOPs per sample (2 x MACs):  412,246,016
Activations per sample:       402,408 elements, 1.54 MiB (1.61 MB) at float32
"""  # noqa: E501


def test_text_reads_like_model_summary_with_costs(summary_of) -> None:
    assert render_summary(summary_of("simple-cnn"), "text") == SEED_TEXT


def test_csv_has_one_row_per_layer_with_raw_numbers(summary_of) -> None:
    rows = list(csv.DictReader(io.StringIO(summary_csv(summary_of("simple-cnn")))))
    assert [r["name"] for r in rows] == ["conv2d", "flatten", "dense"]
    assert rows[2] == {
        "index": "3",
        "name": "dense",
        "path": "dense",
        "type": "Dense",
        "depth": "0",
        "output_shape": "(None, 1000)",
        "params": "200705000",
        "trainable_params": "200705000",
        "macs": "200704000",
        "activation_elements": "1000",
        "inbound": "flatten",
    }


def test_markdown_table(summary_of) -> None:
    lines = render_summary(summary_of("simple-cnn"), "markdown").splitlines()
    assert (
        lines[4] == "| # | Layer (type) | Output shape | Params | Trainable | MACs | Connected to |"
    )
    assert lines[5] == "| ---: | --- | --- | ---: | ---: | ---: | --- |"
    assert lines[8] == (
        "| 3 | `dense` (Dense) | (None, 1000) | 200,705,000 | 200,705,000 | 200,704,000 | flatten |"
    )
    assert "- **Weights memory:** 765.63 MiB (802.82 MB)" in lines


def test_comparison_shows_differences_to_the_first_model(summary_of) -> None:
    models = [summary_of("resnet34"), summary_of("resnet50")]
    text = compare_text(models).splitlines()
    assert text[0] == "1. resnet34 (input_shape=224x224x3, classes=1000, variant=paper)"
    trainable = next(line for line in text if line.startswith("Trainable params"))
    assert trainable.split() == [
        "Trainable",
        "params",
        "21,797,672",
        "25,557,032",
        "+3,759,360",
        "(+17.2%)",
    ]
    rows = list(csv.reader(io.StringIO(compare_csv(models))))
    assert rows[0] == ["Quantity", "1. resnet34", "2. resnet50", "2. resnet50 vs 1."]
    assert rows[2] == ["Trainable params", "21797672", "25557032", "3759360"]


def test_the_comparison_at_one_glance(summary_of) -> None:
    from explorer.core.exports.comparisons import glance_lines, glance_values

    r34, r50 = summary_of("resnet34"), summary_of("resnet50")
    assert glance_lines(["resnet34", "resnet50"], [r34, r50]) == [
        "resnet50 vs resnet34: parameters +17.4 %, MACs +5.3 %, activations +171.6 %"
    ]
    assert glance_values([r34, r50]) == [
        ("parameters", [21_814_696, 25_610_152]),
        ("MACs", [3_663_761_408, 3_857_973_248]),
        ("activations", [13_611_220, 36_969_684]),
    ]
    assert glance_lines(["resnet50"], [r50]) == []
