"""Weights files: atomic saves, compatibility reports read with h5py, loads that change nothing
unless the whole file fits."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from explorer.core import weights
from explorer.core.analysis.build import build_model
from explorer.core.base.files import FileWriteError
from explorer.core.sources.lookup import parse_reference

SMALL = "input_shape=32x32x3,classes=10"


def full(text: str):
    return build_model(parse_reference(text), preview=False).model


def arrays(model) -> list[np.ndarray]:
    return [np.array(w) for w in model.get_weights()]


@pytest.fixture(scope="module")
def resnet34_file(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("weights") / "resnet34.weights.h5")
    model = full(f"resnet34:{SMALL}")
    weights.save_weights(model, path)
    return path, arrays(model)


@pytest.mark.parametrize(
    "text",
    [
        f"simple-cnn:{SMALL}",
        "simple-cnn:api=subclassing,input_shape=32x32x3",
        f"resnet34:{SMALL}",
        f"resnet50:{SMALL}",
    ],
)
def test_save_then_load_is_bit_identical(tmp_path, text: str) -> None:
    model = full(text)
    path = str(tmp_path / "model.weights.h5")
    assert weights.save_weights(model, path) == tmp_path / "model.weights.h5"
    loaded, report = weights.load(parse_reference(text), path)
    assert report.loads_fully and report.count("matched") == len(report.rows) > 0
    before, after = arrays(model), arrays(loaded)
    assert len(before) == len(after) == len(model.weights)
    assert all(
        a.dtype == b.dtype and np.array_equal(a, b) for a, b in zip(before, after, strict=True)
    )
    assert loaded is not model
    assert sorted(os.listdir(tmp_path)) == ["model.weights.h5"]  # no temporary file left


def test_the_layout_is_read_without_keras(resnet34_file) -> None:
    path, _ = resnet34_file
    layout = weights.read_layout(path)
    assert layout.format == "keras"
    by_layer = {e.layer: e for e in layout.entries}
    assert by_layer["conv1_conv"].shapes == ((7, 7, 3, 64),)
    assert by_layer["conv1_bn"].shapes == ((64,),) * 4
    assert by_layer["predictions"].shapes == ((512, 10), (10,))
    assert len(layout.entries) == 73  # 36 convolutions, 36 BN, 1 Dense


MISMATCHES = [
    # (architecture, counts of matched / shape mismatch / missing / extra)
    ("resnet34:input_shape=32x32x3,classes=5", (72, 1, 0, 0)),  # other number of classes
    (f"resnet18:{SMALL}", (15, 26, 0, 32)),  # the file has extra blocks
    (f"resnet50:{SMALL}", (16, 57, 34, 0)),  # another architecture
]


@pytest.mark.parametrize(("text", "counts"), MISMATCHES)
def test_a_mismatching_file_is_reported_and_changes_nothing(resnet34_file, text, counts) -> None:
    path, _ = resnet34_file
    on_screen = full(text)
    before = arrays(on_screen)
    report = weights.check(parse_reference(text), path)
    statuses = ("matched", "shape mismatch", "missing", "extra")
    assert tuple(report.count(s) for s in statuses) == counts
    assert not report.loads_fully
    with pytest.raises(weights.WeightsMismatchError) as caught:
        weights.load(parse_reference(text), path)
    assert caught.value.report == report
    assert str(caught.value).startswith(f"{path}: would NOT load (")
    assert all(np.array_equal(a, b) for a, b in zip(before, arrays(on_screen), strict=True))


def test_the_classes_mismatch_names_the_layer_and_both_shapes(resnet34_file) -> None:
    path, _ = resnet34_file
    report = weights.check(parse_reference("resnet34:input_shape=32x32x3,classes=5"), path)
    (row,) = [r for r in report.rows if r.status != "matched"]
    assert row == weights.ReportRow(
        "predictions", "shape mismatch", ((512, 5), (5,)), ((512, 10), (10,)), "predictions"
    )


def test_a_failed_save_keeps_the_previous_file(tmp_path, resnet34_file, monkeypatch) -> None:
    path = tmp_path / "keep.weights.h5"
    previous = Path(resnet34_file[0]).read_bytes()
    path.write_bytes(previous)
    model = full(f"resnet34:{SMALL}")

    def crash_midway(filepath: str) -> None:
        with open(filepath, "wb") as stream:
            stream.write(b"\x89HDF\r\n half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(model, "save_weights", crash_midway)
    with pytest.raises(FileWriteError, match="No space left on device"):
        weights.save_weights(model, str(path))
    assert path.read_bytes() == previous
    assert sorted(os.listdir(tmp_path)) == ["keep.weights.h5"]


def test_a_name_keras_cannot_write_gets_the_right_suffix_offered(tmp_path) -> None:
    with pytest.raises(weights.WeightsError) as caught:
        weights.save_weights(object(), str(tmp_path / "model.h5"))
    assert str(caught.value) == (
        f"{tmp_path}/model.h5: Keras 3 weights files must end in .weights.h5; "
        f"save as {tmp_path}/model.weights.h5"
    )
    assert weights.suggested_name("model.keras") == "model.weights.h5"
    assert weights.suggested_name("model") == "model.weights.h5"
    assert not (tmp_path / "model.h5").exists()


def test_bad_files_give_one_clear_line(tmp_path, resnet34_file, monkeypatch) -> None:
    truncated = tmp_path / "cut.weights.h5"
    truncated.write_bytes(Path(resnet34_file[0]).read_bytes()[:4096])
    text_file = tmp_path / "notes.weights.h5"
    text_file.write_text("not weights")
    cases = {
        str(tmp_path / "absent.weights.h5"): f"{tmp_path}/absent.weights.h5: no such file",
        str(truncated): f"{truncated} is truncated or damaged: ",
        str(text_file): f"{text_file} is not an HDF5 file (expected .weights.h5, .h5 or .keras)",
        str(tmp_path): f"{tmp_path} is a folder, not a weights file",
    }
    for path, message in cases.items():
        with pytest.raises(weights.WeightsError) as caught:
            weights.read_layout(path)
        assert str(caught.value).startswith(message), path
        assert "\n" not in str(caught.value)

    import h5py

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(h5py, "File", denied)  # root reads everything, so simulate it
    with pytest.raises(weights.WeightsError, match=r"^.*resnet34.weights.h5: permission denied$"):
        weights.read_layout(resnet34_file[0])


def test_weights_inside_a_keras_model_file(tmp_path, resnet34_file) -> None:
    model = full(f"resnet34:{SMALL}")
    archive = str(tmp_path / "model.keras")
    model.save(archive)
    layout = weights.read_layout(archive)
    assert layout.format == "keras" and len(layout.entries) == 73
    loaded, report = weights.load(parse_reference(f"resnet34:{SMALL}"), archive)
    assert report.loads_fully
    assert all(np.array_equal(a, b) for a, b in zip(arrays(model), arrays(loaded), strict=True))


def test_statuses_are_their_words_worst_first() -> None:
    import json
    import pickle

    Status = weights.Status  # noqa: N806 - the enum, under its own name
    assert [s.label for s in Status] == ["shape mismatch", "missing", "extra", "matched"]
    assert [s.severity for s in Status] == [0, 1, 2, 3]
    assert f"{Status.SHAPE_MISMATCH}" == str(Status.SHAPE_MISMATCH) == "shape mismatch"
    assert Status.MISSING == "missing" and json.dumps([Status.EXTRA]) == '["extra"]'
    assert pickle.loads(pickle.dumps(Status.MATCHED)) is Status.MATCHED
    assert Status.EXTRA.explanation == "the file has weights the model has no place for"
    row = weights.ReportRow("dense", "extra", (), ((10,),), "dense")
    assert row.status is Status.EXTRA
    report = weights.CompatibilityReport("w.h5", "keras", (row,))
    assert list(report.counts().items()) == [
        (Status.MATCHED, 0),
        (Status.SHAPE_MISMATCH, 0),
        (Status.MISSING, 0),
        (Status.EXTRA, 1),
    ]
    assert report.summary_line() == (
        "w.h5: would NOT load (0 matched, 0 shape mismatch, 0 missing, 1 extra layers)"
    )
