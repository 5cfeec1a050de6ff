"""Choosing what to sweep: the parameters offered, the values, the messages, the table."""

from __future__ import annotations

import pytest

from explorer.core.base.errors import ParameterError, user_message
from explorer.core.sources.lookup import parse_reference


def test_sweep_axes_values_and_table() -> None:
    from explorer.core.analysis.summary import Totals
    from explorer.core.analysis.sweep import SweepPoint, sweep_axes, sweep_rows, sweep_values

    reference = parse_reference("simple-cnn:input_shape=64x64x1")
    axes = {
        a.param: (a.label, a.minimum, a.maximum, a.default, a.square) for a in sweep_axes(reference)
    }
    assert axes == {
        "input_shape": ("input size (square side)", 1, 8192, 64, True),
        "filters": ("filters", 1, 4096, 16, False),
        "kernel_size": ("kernel size", 1, 31, 3, False),
        "strides": ("strides", 1, 16, 2, False),
        "classes": ("classes", 1, 100_000, 1000, False),
    }
    assert sweep_values(reference, "input_shape", 32, 96, 32) == [
        (32, 32, 1),
        (64, 64, 1),
        (96, 96, 1),
    ]
    assert sweep_values(reference, "filters", 8, 10, 1) == [8, 9, 10]
    errors = {
        ("api", 1, 2, 1): "api: simple-cnn has no numeric parameter 'api' to sweep (it has: "
        "input_shape, filters, kernel_size, strides, classes)",
        ("filters", 1, 2, 0): "step: must be at least 1 (got 0)",
        ("filters", 9, 2, 1): "from: 9 is larger than 'to' (2)",
        ("filters", 1, 5000, 1): "to: 5000 is outside the range of filters: 1 to 4096",
        ("filters", 1, 102, 1): "step: 102 points are too many (at most 100); choose a larger step",
    }
    for args, message in errors.items():
        with pytest.raises(ParameterError) as raised:
            sweep_values(reference, *args)
        assert user_message(raised.value) == message
    totals = Totals(10, 8, 2, 40, 1_234_567, 1_048_576)
    rows = sweep_rows(
        [("cnn", [SweepPoint((32, 32, 1), totals), SweepPoint(7, None, "too small")])]
    )
    assert rows == [
        ["cnn", "32x32x1", "10", "1,234,567", "4.00"],
        ["cnn", "7", "-", "-", "too small"],
    ]
