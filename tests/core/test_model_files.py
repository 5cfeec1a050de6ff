"""Model files open from their stored configuration; Python code in them needs explicit trust."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.core.analysis.build import summarize
from explorer.core.sources.lookup import parse_reference
from explorer.core.sources.model_files import ModelFileError


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, str]:
    import keras

    folder = tmp_path_factory.mktemp("models")
    inputs = keras.Input((8,), name="numbers")
    doubled = keras.layers.Lambda(lambda t: t * 2, name="double")(inputs)
    keras.Model(inputs, keras.layers.Dense(3, name="head")(doubled)).save(folder / "lambda.keras")
    parse_reference("resnet18:input_shape=32x32x3,classes=10").build().save(folder / "r18.keras")
    return {"lambda": str(folder / "lambda.keras"), "r18": str(folder / "r18.keras")}


def test_a_keras_file_shows_the_same_table_as_its_architecture(files) -> None:
    from_file = summarize(parse_reference(files["r18"]))
    from_catalog = summarize(parse_reference("resnet18:input_shape=32x32x3,classes=10"))
    assert from_file.layers == from_catalog.layers
    assert from_file.totals == from_catalog.totals
    assert from_file.architecture == files["r18"]
    assert parse_reference(files["r18"]).architecture.family == "Model files"


def test_python_code_is_refused_unless_trusted(files) -> None:
    with pytest.raises(ModelFileError) as caught:
        summarize(parse_reference(files["lambda"]))
    assert str(caught.value) == (
        f"{files['lambda']} contains Python code (a Lambda layer) and was not opened: open it "
        "only if you trust the file (add :trust=true, or tick 'I trust this file')"
    )
    trusted = summarize(parse_reference(f"{files['lambda']}:trust=true"))
    assert [(r.name, r.type, r.output_shape) for r in trusted.layers] == [
        ("double", "Lambda", (None, 8)),
        ("head", "Dense", (None, 3)),
    ]
    assert (
        parse_reference(files["lambda"], {"trust": "true"}).text()
        == f"{files['lambda']}:trust=true"
    )


def test_a_legacy_full_model_file_opens(legacy_files) -> None:
    summary = summarize(parse_reference(str(legacy_files / "seed_resnet34_model.h5")))
    tutorial = summarize(parse_reference("resnet34:variant=tutorial,classes=10"))
    assert [(r.type, r.output_shape, r.params) for r in summary.layers] == [
        (r.type, r.output_shape, r.params) for r in tutorial.layers
    ]


def test_files_that_are_not_models(tmp_path, legacy_files) -> None:
    weights_only = str(legacy_files / "seed_resnet34.h5")
    with pytest.raises(ModelFileError, match="holds weights only, no model"):
        summarize(parse_reference(weights_only))
    with pytest.raises(ModelFileError, match=r"^.*absent\.keras: no such file$"):
        parse_reference(str(tmp_path / "absent.keras"))
    broken = tmp_path / "broken.keras"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ModelFileError, match="cannot be opened as a model file"):
        summarize(parse_reference(str(broken)))
    assert Path(weights_only).exists()


def test_a_long_sequential_model_is_built_once_with_the_same_table(tmp_path) -> None:
    """Keras rebuilds a Sequential model after each layer from_config adds (300 layers took 9 s,
    1,000 layers 127 s); the model file's is built once, and its table is what Keras's gives."""
    import json
    import zipfile

    import keras

    from explorer.core.analysis.summary import summarize_model
    from explorer.core.sources.sequential import REGISTERED_NAME
    from tests.hostile_files import _chain

    _chain(tmp_path / "chain.keras", 1_000)
    summary = summarize(parse_reference(str(tmp_path / "chain.keras")))
    assert len(summary.layers) == 999 and summary.layers[-1].name == "r998"  # and the input
    assert summary.layers[-1].output_shapes == ((None, 4),)

    _chain(tmp_path / "short.keras", 40)
    config = json.loads(zipfile.ZipFile(tmp_path / "short.keras").read("config.json"))
    plain = keras.saving.deserialize_keras_object(config)  # Keras's own, rebuilt 40 times
    ours = summarize(parse_reference(str(tmp_path / "short.keras")))
    assert ours.layers == summarize_model(plain, ours.architecture, ()).layers
    assert len(ours.layers) == 39
    assert REGISTERED_NAME not in json.dumps(config)  # the file's configuration is not changed
