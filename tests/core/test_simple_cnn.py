"""The seed's first model: the numbers its printed summary shows, in all three API styles."""

from __future__ import annotations

import pytest

SEED_ROWS = [
    ("conv2d", "Conv2D", (None, 112, 112, 16), 448),
    ("flatten", "Flatten", (None, 200704), 0),
    ("dense", "Dense", (None, 1000), 200_705_000),
]


@pytest.mark.parametrize("api", ["sequential", "functional", "subclassing"])
def test_every_api_reports_the_seed_summary(summary_of, api: str) -> None:
    summary = summary_of(f"simple-cnn:api={api}")
    rows = [(r.name, r.type, r.output_shape, r.params) for r in summary.layers]
    assert rows == SEED_ROWS
    assert summary.totals.params == 200_705_448
    assert summary.totals.trainable_params == 200_705_448
    assert summary.totals.non_trainable_params == 0
    assert summary.totals.weights_bytes == 200_705_448 * 4
    # MACs: 112*112*16 outputs x 3*3*3 each; 200,704 x 1,000 for the Dense layer.
    assert [r.macs for r in summary.layers] == [5_419_008, 0, 200_704_000]
    assert [r.activation_elements for r in summary.layers] == [200_704, 200_704, 1000]
    assert [r.inbound for r in summary.layers] == [(), ("conv2d",), ("flatten",)]


def test_parameters_change_the_model(summary_of) -> None:
    summary = summary_of(
        "simple-cnn:input_shape=32x32x1,filters=8,kernel_size=5,strides=1,classes=10"
    )
    conv, flatten, dense = summary.layers
    assert conv.output_shape == (None, 32, 32, 8)
    assert conv.params == 5 * 5 * 1 * 8 + 8
    assert flatten.output_shape == (None, 32 * 32 * 8)
    assert dense.params == 32 * 32 * 8 * 10 + 10
    assert summary.totals.macs == 32 * 32 * 8 * 25 + 8192 * 10
