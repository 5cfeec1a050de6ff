"""Weights the seed's readers saved with tf.keras 2.x (``model.save_weights('model.h5')``) load
bit for bit into ``variant=tutorial`` ResNets. The files come from ``make legacy-fixtures``."""

from __future__ import annotations

import numpy as np
import pytest

from explorer.core import weights
from explorer.core.sources.lookup import parse_reference


@pytest.mark.parametrize("depth", [34, 50])
def test_seed_weights_load_bit_exactly_into_the_tutorial_variant(legacy_files, depth) -> None:
    reference = parse_reference(f"resnet{depth}:variant=tutorial,classes=10")
    path = str(legacy_files / f"seed_resnet{depth}.h5")
    layout = weights.read_layout(path)
    assert layout.format == "legacy"
    model, report = weights.load(reference, path)
    assert report.loads_fully and report.count("matched") == len(layout.entries)
    expected = np.load(legacy_files / f"seed_resnet{depth}.npz")
    weighted = [layer for layer in model.layers if layer.weights]
    loaded = {
        f"{i}_{j}": np.asarray(weight.numpy())
        for i, layer in enumerate(weighted)
        for j, weight in enumerate(layer.trainable_weights + layer.non_trainable_weights)
    }
    assert sorted(loaded) == sorted(expected.files)
    for key in expected.files:
        assert loaded[key].dtype == expected[key].dtype
        assert np.array_equal(loaded[key], expected[key]), key


def test_a_legacy_full_model_file_gives_its_weights(legacy_files) -> None:
    reference = parse_reference("resnet34:variant=tutorial,classes=10")
    model, report = weights.load(reference, str(legacy_files / "seed_resnet34_model.h5"))
    assert report.loads_fully and report.format == "legacy"
    expected = np.load(legacy_files / "seed_resnet34.npz")
    assert np.array_equal(model.get_layer("predictions").get_weights()[0], expected["72_0"])


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        (
            "resnet34:variant=tutorial,classes=5",
            "(72 matched, 1 shape mismatch, 0 missing, 0 extra",
        ),
        ("resnet34:variant=paper,classes=10", "would NOT load ("),
        ("resnet18:variant=tutorial,classes=10", "0 missing, 32 extra layers)"),
    ],
)
def test_legacy_mismatches_are_reported_before_loading(legacy_files, text, summary) -> None:
    report = weights.check(parse_reference(text), str(legacy_files / "seed_resnet34.h5"))
    assert not report.loads_fully
    assert summary in report.summary_line()
    with pytest.raises(weights.WeightsMismatchError):
        weights.load(parse_reference(text), str(legacy_files / "seed_resnet34.h5"))
