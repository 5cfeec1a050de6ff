"""keras.applications entries report keras.applications' own counts; weights never download."""

from __future__ import annotations

import pytest

from explorer.core.sources.catalog import architectures

APPLICATIONS = [a for a in architectures() if a.family == "Keras applications"]


@pytest.mark.parametrize("arch", APPLICATIONS, ids=lambda a: a.id)
def test_totals_equal_keras_count_params(summary_of, arch) -> None:
    import keras

    from explorer.core.sources.catalog.applications import _ENTRIES

    constructor = {entry[0]: entry[1] for entry in _ENTRIES}[arch.id]
    for reference, kwargs in (
        (arch.id, {}),
        (
            f"{arch.id}:input_shape=96x128x3,classes=10",
            {"input_shape": (96, 128, 3), "classes": 10},
        ),
    ):
        with keras.StatelessScope(initialize_variables=False):
            plain = getattr(keras.applications, constructor)(weights=None, **kwargs)
        summary = summary_of(reference)
        assert summary.totals.params == plain.count_params(), reference
        trainable = sum(_size(w) for w in plain.trainable_weights)
        assert summary.totals.trainable_params == trainable
        assert summary.layers[-1].output_shape[-1] == kwargs.get("classes", 1000)


def _size(variable) -> int:
    size = 1
    for d in variable.shape:
        size *= d
    return size


def test_known_costs(summary_of) -> None:
    # Widely quoted multiply-accumulate counts at 224x224 (x 10^9).
    assert summary_of("vgg16").totals.macs / 1e9 == pytest.approx(15.47, abs=0.01)
    assert summary_of("mobilenet_v2").totals.macs / 1e9 == pytest.approx(0.30, abs=0.01)
    assert summary_of("mobilenet").totals.macs / 1e9 == pytest.approx(0.569, abs=0.01)
