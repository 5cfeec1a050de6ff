"""Hostile files: a named pipe, a device, a folder, a zip bomb, JSON nested 50,000 deep, a file
of gigabytes. Each is refused in one line, in well under 2 s, before it is opened or unpacked;
the zip bomb's refusal also fits in a small address space (checked in a subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from explorer.core.base.errors import user_message
from explorer.core.base.units import GIB, MIB
from explorer.core.references.lessons import LessonFileError, load_lesson, read_lesson
from explorer.core.sources.designs.files import DesignFileError
from explorer.core.sources.lookup import parse_reference
from explorer.core.sources.model_files import ModelFileError, holds_model
from explorer.core.weights import WeightsError, read_layout
from tests.hostile_files import zip_bomb

BOMB_SIZE = 2 * GIB  # what the bomb's config.json unpacks to: 2 GiB of spaces
BASELINE = 64 * MIB  # address space of the CLI up to its refusal: 30 MiB (VmPeak)


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bomb") / "bomb.keras"
    zip_bomb(path, "config.json", BOMB_SIZE)
    return path


def refused(call: Callable[[], Any], kind: type[Exception]) -> str:
    """The one line ``call`` is refused with, checked to come in under 2 s."""
    started = time.perf_counter()
    with pytest.raises(kind) as caught:
        call()
    assert time.perf_counter() - started < 2
    message = user_message(caught.value)
    assert "\n" not in message
    return message


@pytest.fixture
def fifo(tmp_path) -> Iterator[Callable[[str], Path]]:
    """Named pipes in ``tmp_path``. A writer waits on each, so that code that wrongly opens one
    reads an empty pipe and fails the test instead of hanging it."""
    made: list[Path] = []

    def make(name: str) -> Path:
        path = tmp_path / name
        os.mkfifo(path)
        made.append(path)
        threading.Thread(target=lambda: os.close(os.open(path, os.O_WRONLY)), daemon=True).start()
        return path

    yield make
    for path in made:  # a reader lets the waiting writer go
        os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))


def test_only_regular_files_are_opened(tmp_path, fifo, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    fifo("f.design.json"), fifo("m.keras"), fifo("w.weights.h5"), fifo("a.lesson.json")
    Path("z.keras").symlink_to("/dev/zero")
    Path("x.keras").mkdir()
    assert refused(lambda: parse_reference("f.design.json"), DesignFileError) == (
        "f.design.json is a named pipe (FIFO), not a design file"
    )
    assert refused(lambda: parse_reference("m.keras"), ModelFileError) == (
        "m.keras is a named pipe (FIFO), not a model file"
    )
    assert refused(lambda: parse_reference("z.keras:trust=true"), ModelFileError) == (
        "z.keras is a device, not a model file"
    )
    assert refused(lambda: parse_reference("x.keras"), ModelFileError) == (
        "x.keras is a folder, not a model file"
    )
    assert refused(lambda: read_layout("w.weights.h5"), WeightsError) == (
        "w.weights.h5 is a named pipe (FIFO), not a weights file"
    )
    assert refused(lambda: read_layout("z.keras"), WeightsError) == (
        "z.keras is a device, not a weights file"
    )
    assert refused(lambda: load_lesson("a.lesson.json"), LessonFileError) == (
        "a.lesson.json is a named pipe (FIFO), not a lesson file"
    )
    nul = refused(lambda: parse_reference("a\x00b.keras"), ModelFileError)
    assert nul.endswith("b.keras cannot be read: embedded null byte")
    # The window asks "weights only?" of files that hold no model; these go on to be explained.
    assert all(holds_model(name) for name in ("m.keras", "z.keras", "x.keras"))


def test_files_larger_than_their_limit_are_not_read(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name, size in (("big.design.json", 8 * MIB + 1), ("big.lesson.json", MIB + 1)):
        with open(name, "wb") as sparse:  # no disk used: the size alone is refused
            sparse.truncate(size)
    assert refused(lambda: parse_reference("big.design.json"), DesignFileError) == (
        "big.design.json is larger than 8.0 MiB, the most a design file may be"
    )
    assert refused(lambda: load_lesson("big.lesson.json"), LessonFileError) == (
        "big.lesson.json is larger than 1.0 MiB, the most a lesson file may be"
    )


def _keras_file(path: Path, **members: bytes | str) -> str:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name.replace("_", "."), data)
    return path.name


def test_json_nested_deeper_than_100_levels_is_refused_before_parsing(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    deep = "[" * 50_000 + "]" * 50_000
    Path("deep.design.json").write_text(deep)
    assert refused(lambda: parse_reference("deep.design.json"), DesignFileError) == (
        "deep.design.json is nested more than 100 levels deep"
    )
    inline = '{"format": ' + "{" * 50_000
    assert refused(lambda: parse_reference(inline), DesignFileError) == (
        "design is nested more than 100 levels deep"
    )
    _keras_file(tmp_path / "deep.keras", config_json=deep)
    assert refused(lambda: parse_reference("deep.keras"), ModelFileError) == (
        "deep.keras: config.json is nested more than 100 levels deep"
    )
    assert refused(lambda: read_lesson(deep, "a.lesson.json"), LessonFileError) == (
        "a.lesson.json is nested more than 100 levels deep"
    )
    # 100 levels are allowed (then it is simply no design), brackets inside strings not counted.
    for allowed in ("[" * 100 + "]" * 100, json.dumps({"name": "[{" * 50_000})):
        Path("ok.design.json").write_text(allowed)
        assert refused(lambda: parse_reference("ok.design.json"), DesignFileError) == (
            'ok.design.json is not a design file: "format" is not '
            '"keras-architecture-explorer.design"'
        )


def test_a_zip_bomb_is_refused_before_it_is_unpacked(bomb, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(bomb.parent)
    assert zipfile.ZipFile(bomb).getinfo("config.json").file_size == BOMB_SIZE
    assert refused(lambda: parse_reference("bomb.keras"), ModelFileError) == (
        "bomb.keras: config.json would unpack to more than 16.0 MiB, the most a model "
        "configuration may be"
    )
    # Under the size limit but compressed 1,000:1: only a bomb is; not unpacked either.
    zip_bomb(tmp_path / "small.keras", "config.json", 10 * MIB)
    monkeypatch.chdir(tmp_path)
    assert refused(lambda: parse_reference("small.keras"), ModelFileError) == (
        "small.keras: config.json is compressed more than 200:1, as only a zip bomb is; "
        "it was not unpacked"
    )
    # A table of contents of millions of files is refused before zipfile reads it.
    with zipfile.ZipFile("many.keras", "w") as archive:
        for number in range(4_300):  # 246 bytes each in the table: just over 1 MiB
            archive.writestr(f"{number:0200d}", b"")
    assert refused(lambda: parse_reference("many.keras"), ModelFileError) == (
        "many.keras lists more files than a model file can hold (over 1.0 MiB of names)"
    )
    assert refused(lambda: read_layout("many.keras"), WeightsError) == (
        "many.keras lists more files than a weights file can hold (over 1.0 MiB of names)"
    )


def test_a_keras_config_that_is_not_a_model_is_named(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    cases = {
        "[1, 2]": "list.keras: config.json is not a Keras model configuration",
        '{"class_name": "Model"}': "keys.keras: config.json is not a Keras model configuration",
        "{": "json.keras cannot be opened as a model file: Expecting property name enclosed in "
        "double quotes: line 1 column 2 (char 1)",
        b"\xff": "utf8.keras cannot be opened as a model file: 'utf-8' codec can't decode byte "
        "0xff in position 0: invalid start byte",
    }
    for (config, message), name in zip(
        cases.items(), ("list", "keys", "json", "utf8"), strict=True
    ):
        file = _keras_file(tmp_path / f"{name}.keras", config_json=config)
        assert refused(lambda file=file: parse_reference(file), ModelFileError) == message
    _keras_file(tmp_path / "no-config.keras", metadata_json="{}")
    assert refused(lambda: parse_reference("no-config.keras"), ModelFileError) == (
        "no-config.keras is a zip file but not a .keras model file"
    )


def test_a_configuration_keras_cannot_rebuild_as_a_model_is_named(tmp_path, monkeypatch) -> None:
    """What passes the checks above goes to Keras (this test imports it): a layer alone is no
    model, and Keras's reason, which may echo the whole configuration, is cut."""
    import keras  # noqa: F401 (imported before the clock starts)

    monkeypatch.chdir(tmp_path)
    dense = {"module": "keras.layers", "class_name": "Dense", "config": {"units": 3}}
    _keras_file(tmp_path / "layer.keras", config_json=json.dumps(dense))
    assert refused(lambda: parse_reference("layer.keras").build(), ModelFileError) == (
        "layer.keras: config.json is not a Keras model configuration"
    )
    unknown = {"class_name": "Foo", "config": {"padding": "x" * 5_000}}
    _keras_file(tmp_path / "foo.keras", config_json=json.dumps(unknown))
    message = refused(lambda: parse_reference("foo.keras").build(), ModelFileError)
    assert message.startswith("foo.keras could not be rebuilt: Could not locate class 'Foo'.")
    assert len(message) == len("foo.keras could not be rebuilt: ") + 300 + len("…")


def test_a_legacy_model_config_is_measured_before_it_is_decoded(tmp_path, monkeypatch) -> None:
    import h5py
    import numpy as np

    monkeypatch.chdir(tmp_path)
    large = "[" + " " * (16 * MIB) + "]"
    values = {
        "text": large,  # variable length, as tf.keras writes it: read, then measured
        "fixed": np.bytes_(large.encode()),  # fixed length: measured before it is read
        "numbers": np.arange(4),
    }
    for name, value in values.items():
        with h5py.File(f"{name}.h5", "w", libver="latest") as handle:  # large attributes
            handle.attrs["model_config"] = value
    too_large = ": model_config is larger than 16.0 MiB, the most a model configuration may be"
    assert refused(lambda: parse_reference("text.h5"), ModelFileError) == "text.h5" + too_large
    assert refused(lambda: parse_reference("fixed.h5"), ModelFileError) == "fixed.h5" + too_large
    assert refused(lambda: parse_reference("numbers.h5"), ModelFileError) == (
        "numbers.h5: model_config is not a Keras model configuration"
    )


# The CLI in a child that may use at most {limit} bytes of address space and, at its exit,
# prints its peak address space and resident memory (VmPeak, VmHWM) from /proc. The child
# measures itself: its ru_maxrss would include the test process's, inherited through exec.
LIMITED_CLI = """
import atexit, resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
atexit.register(lambda: print(open("/proc/self/status").read()))
from explorer.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _kib(status: str, key: str) -> int:
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith(key))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux's /proc measures it")
def test_the_cli_refuses_a_zip_bomb_in_a_small_address_space(bomb) -> None:
    """No TensorFlow is imported (the file is checked as the reference is read), nothing is
    unpacked: the refusal fits in the CLI's own 30 MiB of address space plus 1 GiB, which
    unpacking the 2 GiB config.json could not."""
    done = subprocess.run(
        [sys.executable, "-c", LIMITED_CLI.format(limit=BASELINE + GIB), "summary", "bomb.keras"],
        cwd=bomb.parent,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (
        1,
        "error: bomb.keras: config.json would unpack to more than 16.0 MiB, the most a model "
        "configuration may be\n",
    )
    assert _kib(done.stdout, "VmPeak:") * 1024 < BASELINE  # the address space it used
    assert _kib(done.stdout, "VmHWM:") * 1024 < BASELINE  # its peak resident memory
