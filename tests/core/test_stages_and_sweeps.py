"""Stage tables behind the comparison, and sweeps behind the charts."""

from __future__ import annotations

import json

import pytest

from explorer.core.analysis.build import summarize
from explorer.core.analysis.stages import compare_stages, stages
from explorer.core.analysis.sweep import run_sweep, square_inputs
from explorer.core.base.errors import ParameterError
from explorer.core.exports.comparisons import compare_json, compare_text
from explorer.core.sources.lookup import parse_reference

STAGE_NAMES = ("stem", "conv2_x", "conv3_x", "conv4_x", "conv5_x", "head")


@pytest.mark.parametrize(
    "text",
    [
        "resnet34",
        "resnet50",
        "resnet34:variant=tutorial",
        "resnet50:variant=tutorial",
        "resnet50_v2",
    ],
)
def test_stage_totals_add_up_to_the_model_totals(summary_of, text: str) -> None:
    summary = summary_of(text)
    found = stages(summary)
    assert tuple(stage.name for stage in found) == STAGE_NAMES
    assert sum(s.layers for s in found) == len(summary.layers)
    assert sum(s.params for s in found) == summary.totals.params
    assert sum(s.trainable_params for s in found) == summary.totals.trainable_params
    assert sum(s.macs for s in found) == summary.totals.macs
    assert sum(s.activation_elements for s in found) == summary.totals.activation_elements


def test_resnet34_against_resnet50_by_stage(summary_of) -> None:
    r34, r50 = summary_of("resnet34"), summary_of("resnet50")
    comparison = compare_stages([r34, r50])
    assert comparison.names == STAGE_NAMES
    conv5 = [model[4] for model in comparison.per_model]
    assert [s.output_shape for s in conv5] == [(None, 7, 7, 512), (None, 7, 7, 2048)]
    # 3 basic blocks of 512 channels vs 3 bottlenecks widening to 2048: where ResNet50 grows.
    assert [s.params for s in conv5] == [13_121_536, 14_987_264]
    head = [model[5] for model in comparison.per_model]
    assert [s.params for s in head] == [513_000, 2_049_000]
    text = compare_text([r34, r50])
    assert "\nBy stage:\n" in text
    assert any(line.split()[:2] == ["conv5_x", "(None,"] for line in text.splitlines())
    stages_json = json.loads(compare_json([r34, r50]))["stages"]
    assert [s["name"] for s in stages_json] == list(STAGE_NAMES)
    assert stages_json[4]["models"][1]["params"] == 14_987_264


def test_models_without_stages_compare_by_totals_only(summary_of) -> None:
    assert stages(summary_of("vgg16")) is None
    assert compare_stages([summary_of("resnet34"), summary_of("vgg16")]) is None
    assert "By stage" not in compare_text([summary_of("resnet34"), summary_of("vgg16")])
    assert "stages" not in json.loads(compare_json([summary_of("resnet34"), summary_of("vgg16")]))


def test_each_sweep_point_equals_a_separate_summary() -> None:
    reference = parse_reference("resnet50")
    shapes = square_inputs((224, 224, 3), [16, 64, 128, 224])
    seen = []
    points = run_sweep(reference, "input_shape", shapes, on_point=lambda i, p: seen.append(i))
    assert seen == [0, 1, 2, 3]
    assert points[0].totals is None
    assert points[0].error.startswith("input_shape: 16x16x3 is too small: the network halves")
    for point in points[1:]:
        separate = summarize(parse_reference("resnet50", {"input_shape": point.value}))
        assert point.totals == separate.totals
    assert points[-1].totals == summarize(reference).totals
    # Parameters do not depend on the input size (global pooling); MACs grow with its area.
    assert len({p.totals.params for p in points[1:]}) == 1
    assert points[2].totals.macs > points[1].totals.macs


def test_a_sweep_stops_when_asked_and_names_unknown_parameters() -> None:
    reference = parse_reference("simple-cnn:input_shape=32x32x3")
    done: list[int] = []
    points = run_sweep(
        reference,
        "classes",
        [1, 2, 3],
        on_point=lambda i, p: done.append(i),
        should_stop=lambda: len(done) >= 2,
    )
    assert [p.value for p in points] == [1, 2]
    # conv 3x3x3x16 + 16 = 448; the 16x16x16 feature map feeds 4,096 inputs (+1 bias) a class.
    assert [p.totals.params for p in points] == [448 + 4097 * 1, 448 + 4097 * 2]
    with pytest.raises(ParameterError, match=r"^colour: unknown parameter for simple-cnn \(known"):
        run_sweep(reference, "colour", ["red"])
    with pytest.raises(ParameterError) as caught:  # the message resolve gives, too
        run_sweep(reference, "colour", ["red"])
    assert str(caught.value) == (
        "colour: unknown parameter for simple-cnn "
        "(known: api, input_shape, filters, kernel_size, strides, classes)"
    )
