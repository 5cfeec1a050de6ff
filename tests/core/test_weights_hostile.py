"""Weights files that look right but that Keras would refuse or load wrongly: arrays of text,
records, complex numbers or true/false values, and good files under a name that sends Keras to
the wrong reader. ``check`` refuses each with the same one line as ``load``, so a check that
passes means a load that succeeds; the renames these lines offer do load."""

from __future__ import annotations

import re
import shutil
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import h5py
import numpy as np
import pytest

from explorer.core import weights
from explorer.core.analysis.build import build_model
from explorer.core.sources.lookup import parse_reference

REFERENCE = parse_reference("simple-cnn:input_shape=8x8x1,classes=2")
BIAS = "layers/dense/vars/1"  # the last array of the file, a (2,) float32
HINT = "Keras loads only real floating-point or integer weights"


@pytest.fixture(scope="session")
def made(tmp_path_factory) -> dict[str, Path]:
    """One tiny model's weights written by Keras itself: Keras 3 weights, a .keras model file
    and tf.keras 2 (legacy) weights."""
    from keras.src.legacy.saving import legacy_h5_format

    folder = tmp_path_factory.mktemp("made")
    model = build_model(REFERENCE, preview=False).model
    model.save_weights(str(folder / "model.weights.h5"))
    model.save(str(folder / "model.keras"))
    with h5py.File(folder / "legacy.h5", "w") as handle:
        legacy_h5_format.save_weights_to_hdf5_group(handle, model)
    return {
        "keras": folder / "model.weights.h5",
        "archive": folder / "model.keras",
        "legacy": folder / "legacy.h5",
    }


def with_array(made: dict[str, Path], folder: Path, data: Any, name: str = BIAS) -> str:
    """A copy of the Keras 3 weights with the array ``name`` replaced by ``data`` (an array, or
    the keywords that make an empty dataset)."""
    path = folder / "hostile.weights.h5"
    shutil.copy(made["keras"], path)
    with h5py.File(path, "r+") as handle:
        if name in handle:
            del handle[name]
        handle.create_dataset(name, **(data if isinstance(data, dict) else {"data": data}))
    return str(path)


def refusals(path: str) -> tuple[str, str]:
    """The lines ``check`` and ``load`` refuse ``path`` with; no warning may be raised."""
    lines = []
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for operation in (weights.check, weights.load):
            with pytest.raises(weights.WeightsError) as caught:
                operation(REFERENCE, path)
            lines.append(str(caught.value))
    return lines[0], lines[1]


HOSTILE_ARRAYS: dict[str, tuple[Callable[[], Any], str]] = {
    "bytes": (lambda: np.array([b"ab", b"cd"]), "string"),
    "text": (lambda: np.array(["ab", "cd"], dtype=h5py.string_dtype()), "string"),
    "records": (lambda: np.zeros(2, dtype=[("a", "f4"), ("b", "i4")]), "compound"),
    "complex": (lambda: np.array([1 + 2j, 3 - 4j], dtype="c8"), "complex64"),
    "true/false": (lambda: np.array([True, False]), "bool"),
    "subarrays": (lambda: {"shape": (2,), "dtype": np.dtype("(3,)f4")}, "float32 subarray"),
    "opaque": (lambda: np.zeros(2, dtype="V4"), "opaque"),
}


@pytest.mark.parametrize("case", HOSTILE_ARRAYS)
def test_arrays_keras_cannot_take_are_refused_by_check_and_load_alike(made, tmp_path, case) -> None:
    data, dtype = HOSTILE_ARRAYS[case]
    path = with_array(made, tmp_path, data())
    assert refusals(path) == (f"{path}: the array '{BIAS}' holds {dtype} values; {HINT}",) * 2


def test_a_hostile_array_name_is_shown_escaped_and_cut(made, tmp_path) -> None:
    name = "layers/" + "evil\n\x1b[31m" * 10 + "/vars/0"
    path = with_array(made, tmp_path, np.array([b"x"]), name)
    shown = (
        r"'layers/evil\n\x1b[31mevil\n\x1b[31mevil\n\x1b[31mev…31mevil\n\x1b[31m/vars/0'"
        " (114 characters)"
    )
    assert refusals(path) == (f"{path}: the array {shown} holds string values; {HINT}",) * 2


def _soft_link(handle: h5py.File) -> None:
    handle["layers/dense/vars/1"] = h5py.SoftLink("/layers/conv2d/vars/1")


def _external_link(handle: h5py.File) -> None:
    handle["layers/dense/vars/1"] = h5py.ExternalLink("/etc/passwd", "/x")


def _external_data(handle: h5py.File) -> None:
    handle.create_dataset(BIAS, shape=(2,), dtype="f4", external=[("/dev/zero", 0, 8)])


def _virtual(handle: h5py.File) -> None:
    layout = h5py.VirtualLayout(shape=(2,), dtype="f4")
    layout[:] = h5py.VirtualSource("other.h5", "x", shape=(2,))
    handle.create_virtual_dataset(BIAS, layout)


def _bomb(handle: h5py.File) -> None:  # 8 GiB of fill value, stored in nothing
    handle.create_dataset(BIAS, shape=(2**31,), dtype="f4", chunks=(2**20,), compression="gzip")


def _group(handle: h5py.File) -> None:
    handle.create_group(BIAS)


STRUCTURES: dict[str, tuple[Callable[[h5py.File], None], str]] = {
    "soft link": (_soft_link, "'layers/dense/vars/1' is a link; Keras loads only what the file "
                  "holds itself"),
    "external link": (_external_link, "'layers/dense/vars/1' is a link; Keras loads only what "
                      "the file holds itself"),
    "external data": (_external_data, "the array 'layers/dense/vars/1' keeps its values in "
                      "other files"),
    "virtual data": (_virtual, "the array 'layers/dense/vars/1' keeps its values in other files"),
    "bomb": (_bomb, "the array 'layers/dense/vars/1' would unpack to 8.0 GiB from 0 bytes stored, "
             "as only a decompression bomb does; Keras refuses it"),
    "group": (_group, "'layers/dense/vars/1' is a group, not an array"),
    "numbering": (lambda handle: handle.create_dataset("layers/dense/vars/x", data=[1.0, 2.0]),
                  "the arrays in 'layers/dense/vars' are not numbered 0, 1, 2, …"),
}  # fmt: skip


@pytest.mark.parametrize("case", STRUCTURES)
def test_arrays_keras_s_reader_refuses_are_refused_by_check_and_load_alike(
    made, tmp_path, case
) -> None:
    damage, message = STRUCTURES[case]
    path = tmp_path / "hostile.weights.h5"
    shutil.copy(made["keras"], path)
    with h5py.File(path, "r+") as handle:
        del handle[BIAS]
        damage(handle)
    assert refusals(str(path)) == (f"{path}: {message}",) * 2


def test_a_legacy_file_is_held_to_keras_s_rules_too(made, tmp_path) -> None:
    path = tmp_path / "hostile.h5"
    shutil.copy(made["legacy"], path)
    with h5py.File(path, "r+") as handle:
        kernel = str(handle["dense"].attrs["weight_names"][0])  # "kernel": Keras 3 wrote it
        del handle["dense"][kernel]
        handle["dense"].create_dataset(kernel, data=np.zeros((256, 2), dtype="c16"))
    line = f"{path}: the array 'dense/{kernel}' holds complex128 values; {HINT}"
    assert refusals(str(path)) == (line, line)
    with h5py.File(path, "r+") as handle:
        del handle["dense"][kernel]
    assert refusals(str(path)) == (f"{path}: 'dense/{kernel}' is missing",) * 2
    with h5py.File(path, "r+") as handle:
        del handle["dense"]
        handle["dense"] = h5py.SoftLink("/conv2d")
    line = f"{path}: 'dense' is a link; Keras loads only what the file holds itself"
    assert refusals(str(path)) == (line, line)


@pytest.mark.parametrize("dtype", ["float16", "float64", "int64", "uint8"])
def test_real_numbers_of_any_width_load_as_the_model_s_floats(made, tmp_path, dtype) -> None:
    path = with_array(made, tmp_path, np.array([1, 2], dtype=dtype))
    assert weights.check(REFERENCE, path).loads_fully
    model, _ = weights.load(REFERENCE, path)
    bias = model.get_layer("dense").get_weights()[1]
    assert bias.dtype == np.float32 and bias.tolist() == [1.0, 2.0]


RENAMES = [
    # (the file copied, its new name, the line check and load both give)
    ("keras", "copy.bin", "{path} holds Keras 3 weights, which Keras loads only from a name "
     "ending in .weights.h5; rename it to {folder}/copy.bin.weights.h5"),
    ("keras", "copy.h5", "{path} holds Keras 3 weights, which Keras loads only from a name "
     "ending in .weights.h5; rename it to {folder}/copy.weights.h5"),
    ("keras", "copy.keras", "{path} holds Keras 3 weights, which Keras loads only from a name "
     "ending in .weights.h5; rename it to {folder}/copy.weights.h5"),
    ("archive", "copy.weights.h5", "{path} is a .keras model file, which Keras loads only from "
     "a name ending in .keras; rename it to {folder}/copy.keras"),
    ("archive", "copy.zip", "{path} is a .keras model file, which Keras loads only from "
     "a name ending in .keras; rename it to {folder}/copy.zip.keras"),
    ("legacy", "copy.weights.h5", "{path} holds tf.keras 2 weights, which Keras loads only "
     "from a name ending in .h5 or .hdf5 (not .weights.h5); rename it to {folder}/copy.h5"),
    ("legacy", "copy.H5", "{path} holds tf.keras 2 weights, which Keras loads only "
     "from a name ending in .h5 or .hdf5 (not .weights.h5); rename it to {folder}/copy.H5.h5"),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "name", "message"), RENAMES)
def test_a_name_that_sends_keras_to_another_reader_is_refused_and_the_rename_loads(
    made, tmp_path, kind, name, message
) -> None:
    path = str(tmp_path / name)
    shutil.copy(made[kind], path)
    line = message.format(path=path, folder=tmp_path)
    assert refusals(path) == (line, line)
    offered = re.fullmatch(r".*; rename it to (.*)", line)
    assert offered is not None
    shutil.copy(path, offered[1])
    report = weights.check(REFERENCE, offered[1])
    assert report.loads_fully and report.format == ("legacy" if kind == "legacy" else "keras")
    model, _ = weights.load(REFERENCE, offered[1])
    assert model.get_layer("dense").get_weights()[1].shape == (2,)


@pytest.mark.parametrize("name", ["model.weights.h5", "model.keras", "legacy.h5"])
def test_the_files_keras_wrote_pass_under_their_own_names(made, name) -> None:
    path = str(next(p for p in made.values() if p.name == name))
    assert weights.check(REFERENCE, path).loads_fully
    weights.load(REFERENCE, path)


def test_bfloat16_loads_only_as_keras_marks_it(made, tmp_path) -> None:
    """Keras writes bfloat16 as two opaque bytes marked dtype="bfloat16"; unmarked, they are
    just bytes."""
    import ml_dtypes

    path = with_array(made, tmp_path, np.array([1.5, 2], dtype=ml_dtypes.bfloat16))
    assert refusals(path) == (f"{path}: the array '{BIAS}' holds opaque values; {HINT}",) * 2
    with h5py.File(path, "r+") as handle:
        handle[BIAS].attrs["dtype"] = "bfloat16"
    assert weights.check(REFERENCE, path).loads_fully
    model, _ = weights.load(REFERENCE, path)
    assert model.get_layer("dense").get_weights()[1].tolist() == [1.5, 2.0]
