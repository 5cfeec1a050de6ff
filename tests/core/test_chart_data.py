"""chart_series: leaf layers in model order, with exact parameter counts and feature-map sizes."""

from __future__ import annotations

import pytest

from explorer.core.analysis.chart_data import chart_series, point_text


def test_resnet50_series(summary_of):
    summary = summary_of("resnet50")
    series = chart_series(summary)
    assert len(summary.layers) == 176
    assert len(series) == 176
    assert series.rows == tuple(range(176))
    assert series.names[0] == "conv1_pad"
    assert max(series.params) == 2_359_296
    assert series.cumulative_params[-1] == 25_610_152 == summary.totals.params
    assert series.cumulative_params[:3] == (0, 9_408, 9_664)  # pad, conv1_conv, conv1_bn
    conv1 = series.names.index("conv1_conv")
    assert series.spatial[conv1] == 112 * 112
    assert series.channels[conv1] == 64
    assert series.channels[series.names.index("predictions")] == 1000
    assert series.spatial[series.names.index("predictions")] is None  # (None, 1000)
    assert series.macs == tuple(row.macs for row in summary.layers)
    assert sum(series.macs) == summary.totals.macs


def test_convnext_series_skips_nested_models(summary_of):
    summary = summary_of("convnext_tiny")
    series = chart_series(summary)
    containers = [i for i, row in enumerate(summary.layers) if row.is_container]
    assert containers == [1, 28, 55, 130]
    assert len(series) == len(summary.layers) - 4 == 156
    assert set(series.rows).isdisjoint(containers)
    assert series.rows[:3] == (0, 2, 3)
    for point, row in enumerate(series.rows):
        assert series.names[point] == summary.layers[row].name
        assert series.params[point] == summary.layers[row].params
    assert series.names[1] == "convnext_tiny_stem_conv"
    assert series.cumulative_params[-1] == 28_589_128 == summary.totals.params
    assert series.point_of(2) == 1
    assert series.point_of(1) is None  # the stem's nested model has no point of its own


def test_point_text(summary_of):
    series = chart_series(summary_of("resnet50"))
    point = series.names.index("conv3_block1_2_conv")
    assert point_text(series, point, "params") == "conv3_block1_2_conv — 147,456 params"
    assert point_text(series, 0, "feature_maps") == (
        "conv1_pad — 52,900 positions (H×W), 3 channels"
    )
    with pytest.raises(ValueError, match="unknown chart"):
        point_text(series, 0, "latency")
