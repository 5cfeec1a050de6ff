"""Property-based fuzzing of model and weights files with hypothesis (issue 13): a small valid
``.keras`` and ``.weights.h5``, made once with Keras, cut short at any point or with bytes
changed anywhere, go through the entry points that read them without building a model
(``read_layout``, ``model_files.architecture_for``, ``parse_reference``).

Each must give its answer or refuse the file with an ExplorerError of one printable line in our
words, within the deadline; the files as made give what they hold.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from explorer.core.base.errors import ExplorerError, user_message
from explorer.core.sources import model_files
from explorer.core.sources.lookup import parse_reference
from explorer.core.weights.layout import read_layout

CASES = itertools.count()  # a file of its own for each case: HDF5 keeps what it opened by name
TINY = "simple-cnn:input_shape=8x8x1,filters=2,classes=2"
LAYOUT = (("conv2d", ((3, 3, 1, 2), (2,))), ("dense", ((32, 2), (2,))))


class Files(dict[str, bytes]):
    """The bytes of files by suffix, written short in hypothesis' reports (the bytes would be
    125 kB of them)."""

    def __repr__(self) -> str:
        return f"Files({', '.join(self)})"


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Files:
    """The bytes of a .keras model and a .weights.h5 file of a tiny simple-cnn, as Keras writes
    them (seconds: the one TensorFlow import of this module)."""
    folder = tmp_path_factory.mktemp("made")
    model = parse_reference(TINY).build()
    model.save(folder / "tiny.keras")
    model.save_weights(folder / "tiny.weights.h5")
    return Files((s, (folder / f"tiny{s}").read_bytes()) for s in (".keras", ".weights.h5"))


# Where to cut a file (None: not cut, else a position taken modulo its size) and which bytes to
# change (positions likewise): drawn before the file is known, so no draw depends on its bytes.
CUTS = st.none() | st.integers(0, 2**20)
FLIPS = st.lists(st.tuples(st.integers(0, 2**20), st.integers(0, 255)), max_size=8)


def _damage(data: bytes, cut: int | None, flips: list[tuple[int, int]]) -> bytes:
    changed = bytearray(data)
    for position, value in flips:
        changed[position % len(data)] = value
    return bytes(changed[: cut % len(data)] if cut is not None else changed)


def _answers(read: Callable[[str], object], path: str) -> None:
    """``read(path)`` answers or refuses the file in one printable line of our words."""
    try:
        read(path)
    except ExplorerError as error:
        message = user_message(error)
        assert message.isprintable() and "unexpected" not in message, message
        assert len(message) < 600, message
        event(type(error).__name__)
    else:
        event("read")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("damaged")


def test_the_files_as_made_give_what_they_hold(made, folder: Path) -> None:
    for suffix, data in made.items():
        path = folder / f"whole{suffix}"
        path.write_bytes(data)
        layout = read_layout(str(path))
        assert tuple((e.layer, e.shapes) for e in layout.entries) == LAYOUT
    assert model_files.architecture_for(str(folder / "whole.keras")).params[0].name == "trust"


@settings(max_examples=250, deadline=2000)
@given(CUTS, FLIPS)
def test_a_damaged_keras_file_is_refused_in_one_line(made, folder: Path, cut, flips) -> None:
    path = folder / f"damaged{next(CASES)}.keras"
    path.write_bytes(_damage(made[".keras"], cut, flips))
    for read in (read_layout, model_files.architecture_for, parse_reference):
        _answers(read, str(path))


@settings(max_examples=250, deadline=2000)
@given(CUTS, FLIPS)
@example(None, [(120, 0)])  # found: RuntimeError: Object visitation failed (addr overflow, ...)
@example(None, [(152, 0)])
def test_a_damaged_weights_file_is_refused_in_one_line(made, folder: Path, cut, flips) -> None:
    path = folder / f"damaged{next(CASES)}.weights.h5"
    path.write_bytes(_damage(made[".weights.h5"], cut, flips))
    _answers(read_layout, str(path))


@settings(max_examples=150, deadline=2000)
@given(st.integers(0, 2**20))
def test_a_weights_file_cut_short_is_refused_in_one_line(made, folder: Path, cut: int) -> None:
    path = folder / f"cut{next(CASES)}.weights.h5"
    path.write_bytes(_damage(made[".weights.h5"], cut, []))
    _answers(read_layout, str(path))
