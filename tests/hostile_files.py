"""Every kind of hostile file the program may be handed, and the CLI run on each in a child
with bounded address space, measuring its time and memory.

``HOSTILE_FILES`` lists each file with the command that opens it and the one line it must be
refused with. ``opened`` runs that command in a fresh Python whose address space is limited to
its own baseline plus 1 GiB (``resource.setrlimit``), and reports the seconds the command took
and the memory it added: what it would cost a lab machine. The test
(``tests/core/test_hostile_resources.py``) holds every file to that line, 1 GiB and 10 s;
``python -m tests.hostile_files`` prints the figures::

    .venv/bin/python -m tests.hostile_files
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from explorer.core.base.units import GIB, MIB

ALLOWED = GIB  # address space a file may add to the program's baseline
ALLOWED_S = 10.0  # seconds a file may take to be refused

# The child: takes its baseline after its imports (TensorFlow's too, where the command needs
# it), limits its address space to baseline + ALLOWED, runs the command, and writes its figures
# from /proc (VmPeak: address space, VmHWM: resident memory) to the file named last.
_CHILD = """
import json, resource, sys, time
if sys.argv[1] == "tf":
    from explorer.core.base.runtime import import_keras
    import_keras()  # as the CLI imports it: quiet
from explorer.cli import main

def status():
    lines = open("/proc/self/status").read().splitlines()
    return {l.split(":")[0]: int(l.split()[1]) * 1024 for l in lines if l.endswith(" kB")}

args, out = sys.argv[2:-1], sys.argv[-1]
before = status()
resource.setrlimit(resource.RLIMIT_AS, (before["VmSize"] + ALLOWED,) * 2)
started = time.perf_counter()
try:
    code = main(args)
except SystemExit as ended:
    code = ended.code
seconds = time.perf_counter() - started
after = status()
figures = {
    "code": code,
    "seconds": seconds,
    "address_space": after["VmPeak"] - before["VmSize"],
    "resident": after["VmHWM"] - before["VmRSS"],
    "baseline": before["VmRSS"],
}
open(out, "w").write(json.dumps(figures))
"""


@dataclass(frozen=True)
class Hostile:
    """A file, the command that opens it, and the line it is refused with."""

    name: str  # what the file is, in a few words
    make: Callable[[Path], None]  # writes the file(s) into a folder
    args: tuple[str, ...]  # the CLI command, run in that folder
    line: str  # its stderr: exactly one line
    tensorflow: bool = False  # the command imports TensorFlow before its refusal
    builds: bool = False  # a file at the limits, which Keras builds: its time is Keras's


@dataclass(frozen=True)
class Figures:
    code: int
    stderr: str
    seconds: float
    address_space: int  # bytes of address space added to the baseline, at the peak
    resident: int  # bytes of resident memory added to the baseline, at the peak
    baseline: int  # resident bytes before the command (imports done)


def opened(case: Hostile, folder: Path) -> Figures:
    """Make ``case``'s file in ``folder`` and run its command there in a limited child."""
    case.make(folder)
    out = folder / ".figures.json"
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _CHILD.replace("ALLOWED", str(ALLOWED)),
            "tf" if case.tensorflow else "-",
            *case.args,
            str(out),
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "EXPLORER_CACHE_DIR": "off"},  # measured, not read from a cache
    )
    if not out.exists():  # the child failed before it could measure
        raise AssertionError(f"{case.name}: the child ended {done.returncode}: {done.stderr}")
    figures = json.loads(out.read_text())
    return Figures(stderr=done.stderr, **figures)


# --- the files -------------------------------------------------------------------------------


def zip_bomb(path: Path, name: str, size: int, others: dict[str, str] | None = None) -> None:
    """A zip whose member ``name`` unpacks to ``size`` spaces from about ``size`` / 1,000 bytes
    (one compressed MiB, flushed so that it can be repeated, written ``size / MiB`` times),
    after the small members ``others``."""
    with zipfile.ZipFile(path, "w") as archive:  # the small members, then the bomb appended
        for other, text in (others or {}).items():
            archive.writestr(other, text)
    entries, offset = _entries(path)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)  # a raw deflate stream, as zip has
    spaces = b" " * MIB
    block = compressor.compress(spaces) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.flush()
    crc = 0
    for _ in range(size // MIB):
        crc = zlib.crc32(spaces, crc)
    packed, encoded = len(block) * (size // MIB) + len(end), name.encode()
    sizes = (crc, packed, size, len(encoded))
    with open(path, "r+b") as out:
        out.seek(offset)
        out.truncate()
        start = out.tell()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, *sizes, 0) + encoded)
        for _ in range(size // MIB):
            out.write(block)
        out.write(end)
        directory = out.tell()
        entry = struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, *sizes, *[0] * 5, start
        )
        out.write(b"".join(entries) + entry + encoded)
        count, length = len(entries) + 1, out.tell() - directory
        out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, length, directory, 0))


def _entries(path: Path) -> tuple[list[bytes], int]:
    """The central directory entries of a zip written by ``zipfile``, and where they start."""
    data = path.read_bytes()
    end = data.rindex(b"PK\x05\x06")
    count, length, start = struct.unpack("<H2L", data[end + 10 : end + 20])
    entries, at = [], start
    for _ in range(count):
        names, extras, comments = struct.unpack("<3H", data[at + 28 : at + 34])
        size = 46 + names + extras + comments
        entries.append(data[at : at + size])
        at += size
    assert at == start + length
    return entries, start


SIMPLE_CONFIG = json.dumps(
    {
        "class_name": "Sequential",
        "config": {
            "name": "s",
            "layers": [
                {"class_name": "InputLayer", "config": {"batch_shape": [None, 4]}},
                {"class_name": "Dense", "config": {"units": 2}},
            ],
        },
    }
)


def _keras(path: Path, **members: str | bytes) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def _design(layers: list[dict], name: str = "d") -> str:
    first = {"type": "Input", "name": "input_layer", "args": {"shape": [32, 32, 256]}}
    return json.dumps(
        {
            "format": "keras-architecture-explorer.design",
            "version": 1,
            "name": name,
            "layers": [first, *layers],
        }
    )


def _conv(number: int) -> dict:
    return {"type": "Conv2D", "name": f"c{number}", "args": {"filters": 256, "kernel_size": 3,
            "padding": "same"}}  # fmt: skip


def _chain(path: Path, layers: int) -> None:
    """A .keras file of a Sequential model: an input and ``layers`` - 1 ReLU layers, as
    Keras 3.15 writes it (a few bytes a layer, compressed)."""
    policy = {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
              "registered_name": None}  # fmt: skip
    first = {"module": "keras.layers", "class_name": "InputLayer", "config": {
        "batch_shape": [None, 4], "dtype": "float32", "sparse": False, "ragged": False,
        "name": "input_layer", "optional": False}, "registered_name": None}  # fmt: skip
    relus = [{"module": "keras.layers", "class_name": "ReLU", "config": {
        "name": f"r{number}", "trainable": True, "dtype": policy, "max_value": None,
        "negative_slope": 0.0, "threshold": 0.0}, "registered_name": None}
        for number in range(layers - 1)]  # fmt: skip
    config = {"module": "keras", "class_name": "Sequential", "config": {
        "name": "chain", "trainable": True, "dtype": policy, "layers": [first, *relus],
        "build_input_shape": [None, 4]}, "registered_name": None,
        "build_config": {"input_shape": [None, 4]}, "compile_config": {}}  # fmt: skip
    _keras(path, **{"config.json": json.dumps(config)})


def _weights(path: Path, make: Callable) -> None:
    import h5py

    with h5py.File(path, "w") as handle:
        make(handle)


def _fifo(name: str) -> Callable[[Path], None]:
    return lambda folder: os.mkfifo(folder / name)


def _link(name: str, target: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).symlink_to(target)


def _many_members(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(40_000):
            archive.writestr(f"m{number:05d}", b"")


def _compound(handle) -> None:
    import numpy as np

    record = np.zeros(2, dtype=[("a", "f4"), ("b", "i4")])
    handle.create_dataset("layers/dense/vars/0", data=record)


def _fill_bomb(handle) -> None:  # 8 GiB of fill value, stored in nothing
    handle.create_dataset("layers/dense/vars/0", shape=(2**31,), dtype="f4", chunks=(2**20,))


def _deep_groups(handle) -> None:  # 3,000 groups in one another: 11 s when not limited
    group = handle.create_group("layers/dense")
    for _ in range(3_000):
        group = group.create_group("g")


def _blocks(count: int) -> str:
    block = {"block": "bottleneck", "filters": 4, "strides": 1, "style": "paper"}
    return _design(
        [{"type": "ResidualBlock", "name": f"b{i}", "args": block} for i in range(count)]
    )


def _legacy_config(path: Path) -> None:
    import h5py

    with h5py.File(path, "w", libver="latest") as handle:
        handle.attrs["model_config"] = "[" + " " * (17 * MIB) + "]"


LONG = "'" + "n" * 39 + "…" + "n" * 20 + "' (2,000,000 characters)"
HDF5_START = b"\x89HDF\r\n\x1a\n"  # the signature, and then nothing an HDF5 file has
DEEP = "[" * 50_000 + "]" * 50_000
SIMPLE = "simple-cnn:input_shape=8x8x1,classes=2"
BOMB = 2 * GIB
CONFIG_TOO_LARGE = (
    "config.json would unpack to more than 16.0 MiB, the most a model configuration may be"
)
UNBUILDABLE = json.dumps({"class_name": "Foo", "config": {}})
FOO = (
    "error: foo.keras could not be rebuilt: Could not locate class 'Foo'. Make sure custom classes "
    "and functions are decorated with `@keras.saving.register_keras_serializable()`. If they are "
    "already decorated, make sure they are all imported so that the decorator is run before "
    "trying to load them. Full object config: {'class_name': 'Foo', 'co…"
)

HOSTILE_FILES: tuple[Hostile, ...] = (
    Hostile("a named pipe as a design", _fifo("f.design.json"), ("summary", "f.design.json"),
            "error: f.design.json is a named pipe (FIFO), not a design file"),
    Hostile("a named pipe as a model file", _fifo("f.keras"), ("summary", "f.keras"),
            "error: f.keras is a named pipe (FIFO), not a model file"),
    Hostile("a named pipe as weights", _fifo("f.weights.h5"),
            ("weights", "check", SIMPLE, "f.weights.h5"),
            "error: f.weights.h5 is a named pipe (FIFO), not a weights file"),
    Hostile("/dev/zero as a model file", _link("z.keras", "/dev/zero"), ("summary", "z.keras"),
            "error: z.keras is a device, not a model file"),
    Hostile("/dev/zero as weights", _link("z.weights.h5", "/dev/zero"),
            ("weights", "load", SIMPLE, "z.weights.h5"),
            "error: z.weights.h5 is a device, not a weights file"),
    Hostile("/dev/urandom as a design", _link("r.design.json", "/dev/urandom"),
            ("summary", "r.design.json"), "error: r.design.json is a device, not a design file"),
    Hostile("a folder as a model file", lambda folder: (folder / "x.keras").mkdir(),
            ("summary", "x.keras"), "error: x.keras is a folder, not a model file"),
    Hostile(".keras zip bomb (config.json: 2 GiB)",
            lambda folder: zip_bomb(folder / "bomb.keras", "config.json", BOMB),
            ("summary", "bomb.keras"), f"error: bomb.keras: {CONFIG_TOO_LARGE}"),
    Hostile(".keras zip bomb (weights: 2 GiB)",
            lambda folder: zip_bomb(folder / "wbomb.keras", "model.weights.h5", BOMB,
                                    {"config.json": SIMPLE_CONFIG}),
            ("weights", "check", SIMPLE, "wbomb.keras"),
            "error: wbomb.keras: model.weights.h5 is compressed more than 200:1, as only a zip "
            "bomb is; it was not unpacked"),
    Hostile(".keras with 40,000 members", lambda folder: _many_members(folder / "many.keras"),
            ("summary", "many.keras"),
            "error: many.keras lists more files than a model file can hold (over 1.0 MiB of "
            "names)"),
    Hostile(".keras config nested 50,000 deep",
            lambda folder: _keras(folder / "deep.keras", **{"config.json": DEEP}),
            ("summary", "deep.keras"),
            "error: deep.keras: config.json is nested more than 100 levels deep"),
    Hostile(".keras config a JSON list",
            lambda folder: _keras(folder / "list.keras", **{"config.json": "[1, 2]"}),
            ("summary", "list.keras"),
            "error: list.keras: config.json is not a Keras model configuration"),
    Hostile(".keras config of an unknown class",
            lambda folder: _keras(folder / "foo.keras", **{"config.json": UNBUILDABLE}),
            ("summary", "foo.keras"),
            FOO, tensorflow=True),
    Hostile("legacy .h5 with a 17 MiB model_config",
            lambda folder: _legacy_config(folder / "legacy.h5"), ("summary", "legacy.h5"),
            "error: legacy.h5: model_config is larger than 16.0 MiB, the most a model "
            "configuration may be"),
    Hostile("design nested 50,000 deep",
            lambda folder: (folder / "deep.design.json").write_text(DEEP),
            ("summary", "deep.design.json"),
            "error: deep.design.json is nested more than 100 levels deep"),
    Hostile("design of 20 MiB",
            lambda folder: (folder / "big.design.json").write_text(" " * (20 * MIB)),
            ("summary", "big.design.json"),
            "error: big.design.json is larger than 8.0 MiB, the most a design file may be"),
    Hostile("design of 100,000 layers",
            lambda folder: (folder / "long.design.json").write_text(
                _design([{"type": "ReLU"}] * 100_000)),
            ("summary", "long.design.json"),
            "error: long.design.json: a design has at most 5,000 layers; this one has 100,001"),
    Hostile("design of 5,000 layers (the most; built)",
            lambda folder: (folder / "most.design.json").write_text(
                _design([_conv(number) for number in range(4_999)])),
            ("summary", "most.design.json", "--format", "json"), "", tensorflow=True,
            builds=True),
    Hostile(".keras of 25,001 layers in 80 KB",
            lambda folder: _chain(folder / "chain.keras", 25_001), ("summary", "chain.keras"),
            "error: chain.keras: config.json: a model may have at most 5,000 layers; this one "
            "has 25,001"),
    Hostile(".keras Sequential of 5,000 layers (built)",
            lambda folder: _chain(folder / "chain.keras", 5_000),
            ("summary", "chain.keras", "--format", "json"), "", tensorflow=True, builds=True),
    Hostile("design with a 2,000,000-character layer name",
            lambda folder: (folder / "name.design.json").write_text(
                _design([{"type": "ReLU", "name": "n" * 2_000_000}])),
            ("code", "name.design.json"),
            f"error: name.design.json: layer 2 (ReLU {LONG}): name: {LONG} is not a usable layer "
            "name: at most 100 characters"),
    Hostile("weights of records (compound dtype)",
            lambda folder: _weights(folder / "records.weights.h5", _compound),
            ("weights", "check", SIMPLE, "records.weights.h5"),
            "error: records.weights.h5: the array 'layers/dense/vars/0' holds compound values; "
            "Keras loads only real floating-point or integer weights"),
    Hostile("weights of 8 GiB fill value (HDF5 bomb)",
            lambda folder: _weights(folder / "fill.weights.h5", _fill_bomb),
            ("weights", "load", SIMPLE, "fill.weights.h5"),
            "error: fill.weights.h5: the array 'layers/dense/vars/0' would unpack to 8.0 GiB "
            "from 0 bytes stored, as only a decompression bomb does; Keras refuses it"),
    Hostile("weights of groups 3,000 deep",
            lambda folder: _weights(folder / "deep.weights.h5", _deep_groups),
            ("weights", "check", SIMPLE, "deep.weights.h5"),
            "error: deep.weights.h5: its groups are nested more than 64 deep"),
    Hostile("design of 4,999 ResidualBlocks",
            lambda folder: (folder / "blocks.design.json").write_text(_blocks(4_999)),
            ("summary", "blocks.design.json"),
            "error: blocks.design.json: a design has at most 5,000 layers, a ResidualBlock "
            "counting as the 13 it may become; this one has 64,988"),
    Hostile("design with a 5,000-digit number",
            lambda folder: (folder / "digits.design.json").write_text(
                _design([]).replace("256]", "9" * 5_000 + "]")),
            ("summary", "digits.design.json"),
            "error: digits.design.json holds a number of 5,000 digits; at most 100"),
    Hostile("weights cut to 100 bytes",
            lambda folder: (folder / "cut.weights.h5").write_bytes(HDF5_START + b"\0" * 92),
            ("weights", "check", SIMPLE, "cut.weights.h5"),
            "error: cut.weights.h5 is damaged or cannot be read: Unable to synchronously open "
            "file (bad byte number in an address)"),
)  # fmt: skip


def main() -> None:
    """Print each hostile file's figures: the table the README and closing notes quote."""
    import tempfile

    print(f"{'file':48} {'exit':>4} {'time':>8} {'+memory':>9} {'+address':>9}")
    for case in HOSTILE_FILES:
        with tempfile.TemporaryDirectory() as folder:
            figures = opened(case, Path(folder))
        print(
            f"{case.name:48} {figures.code:>4} {figures.seconds:>7.2f}s "
            f"{figures.resident / MIB:>7.1f}Mi {figures.address_space / MIB:>7.1f}Mi"
        )


if __name__ == "__main__":
    main()
