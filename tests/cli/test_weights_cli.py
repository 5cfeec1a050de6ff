"""`explorer weights save|check|load`: exit statuses and reports, end to end."""

from __future__ import annotations

import json

import pytest

from explorer.core.sources.lookup import parse_reference
from tests.cli.test_cli import run_cli
from tests.helpers import same_arrays

REF = "resnet34:input_shape=32x32x3,classes=10"


def test_save_check_load_round_trip_and_mismatch(tmp_path) -> None:
    import keras

    path = str(tmp_path / "r34.weights.h5")
    status, out, err = run_cli("weights", "save", REF, path)
    assert (status, err) == (0, "")
    assert out == f"saved fresh weights of {REF} to {path}\n"
    saved = (tmp_path / "r34.weights.h5").read_bytes()

    status, out, err = run_cli("weights", "check", REF, path)
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        f"{path}: loads completely (73 matched, 0 shape mismatch, 0 missing, 0 extra layers)",
        "Format: keras",
    ]

    status, out, err = run_cli("weights", "load", REF, path, "--format", "json")
    assert (status, err) == (0, "")
    report = json.loads(out)
    assert report["loads_fully"] is True and report["counts"]["matched"] == 73

    # The CLI wrote what a plain Keras model of the same architecture reads back exactly.
    from explorer.core.analysis.build import build_model
    from explorer.core.sources.lookup import parse_reference

    model = build_model(parse_reference(REF), preview=False).model
    model.load_weights(path)
    assert keras.ops.convert_to_numpy(model.get_layer("predictions").kernel).shape == (512, 10)

    other = "resnet34:input_shape=32x32x3,classes=5"
    for action in ("check", "load"):
        status, out, err = run_cli("weights", action, other, path)
        assert status == 1
        assert err == (
            f"error: {path}: would NOT load (72 matched, 1 shape mismatch, 0 missing, "
            "0 extra layers)\n"
        )
        assert "predictions  shape mismatch  (512, 5), (5,)  (512, 10), (10,)  predictions" in out
    assert (tmp_path / "r34.weights.h5").read_bytes() == saved  # checking never writes


def test_save_refuses_a_name_keras_cannot_write(tmp_path) -> None:
    status, out, err = run_cli("weights", "save", "resnet18", str(tmp_path / "model.h5"))
    assert (status, out) == (1, "")
    assert err == (
        f"error: {tmp_path}/model.h5: Keras 3 weights files must end in .weights.h5; "
        f"save as {tmp_path}/model.weights.h5\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_bad_files_and_usage(tmp_path) -> None:
    status, _, err = run_cli("weights", "check", "resnet18", str(tmp_path / "none.weights.h5"))
    assert (status, err) == (1, f"error: {tmp_path}/none.weights.h5: no such file\n")
    status, _, err = run_cli("weights", "frobnicate", "resnet18", "x")
    assert status == 2 and "usage: explorer weights" in err


@pytest.mark.parametrize(
    "ref", ["simple-cnn:input_shape=32x32x3,classes=10", "resnet50:input_shape=32x32x3,classes=10"]
)
def test_cli_written_weights_round_trip_bit_exactly(tmp_path, ref) -> None:
    from explorer.core import weights

    first, second = tmp_path / "a.weights.h5", tmp_path / "b.weights.h5"
    assert run_cli("weights", "save", ref, str(first))[0] == 0
    status, out, _ = run_cli("weights", "load", ref, str(first))
    assert status == 0 and "loads completely" in out
    model, _ = weights.load(parse_reference(ref), str(first))
    weights.save_weights(model, str(second))
    assert same_arrays(first, second)


def test_summary_of_a_model_file_and_trust(tmp_path) -> None:
    import keras

    inputs = keras.Input((8,))
    path = tmp_path / "lambda.keras"
    keras.Model(inputs, keras.layers.Lambda(lambda t: t + 1, name="plus_one")(inputs)).save(path)
    status, out, err = run_cli("summary", str(path))
    assert (status, out) == (1, "")
    assert err.startswith(f"error: {path} contains Python code (a Lambda layer) and was not opened")
    status, out, err = run_cli("summary", f"{path}:trust=true", "--format", "csv")
    assert (status, err) == (0, "")
    assert out.splitlines()[1].startswith("1,plus_one,plus_one,Lambda,0,")
    assert out.splitlines()[1].endswith(",0,0,not counted,8,")  # its MACs: not a silent 0
    status, out, err = run_cli("summary", f"{path}:trust=true")
    assert "MACs per sample:              0 (1 layer not counted: plus_one)" in out.splitlines()
