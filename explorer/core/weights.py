"""Weights files: save atomically, read their layout with h5py, compare before loading, load.

Keras loads a mismatching file part way and then raises, or loads a file with extra blocks
silently. So nothing is loaded before a compatibility report says the file fits completely, and
loading goes into a fresh model that replaces the old one only on success.

Formats read: Keras 3 ``.weights.h5`` (entries keyed by the path Keras gives each layer,
``layers/conv2d_3``), the weights inside a ``.keras`` archive (the same layout), and legacy
tf.keras 2.x ``.h5`` files, weights only or whole models, which Keras loads layer by layer in
order.
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from explorer.core.catalog import Reference
from explorer.core.errors import ExplorerError
from explorer.core.files import atomic_path

log = logging.getLogger(__name__)

Shape = tuple[int, ...]
KERAS_SUFFIX = ".weights.h5"


class WeightsError(ExplorerError):
    """A weights file that cannot be read, written or loaded; nothing was changed."""


@dataclass(frozen=True)
class WeightsEntry:
    key: str  # where the arrays live: "layers/conv2d_3" (Keras 3) or the layer name (legacy)
    layer: str  # the layer's name
    shapes: tuple[Shape, ...]


@dataclass(frozen=True)
class WeightsLayout:
    path: str
    format: str  # "keras" (.weights.h5 / .keras) or "legacy" (tf.keras 2.x .h5)
    entries: tuple[WeightsEntry, ...]


@dataclass(frozen=True)
class ReportRow:
    layer: str  # the model's layer name, or the file's when the model has no such layer
    status: str  # "matched", "shape mismatch", "missing" (from the file), "extra" (in the file)
    expected: tuple[Shape, ...]
    found: tuple[Shape, ...]
    file_layer: str = ""


@dataclass(frozen=True)
class CompatibilityReport:
    path: str
    format: str
    rows: tuple[ReportRow, ...]

    def count(self, status: str) -> int:
        return sum(row.status == status for row in self.rows)

    @property
    def loads_fully(self) -> bool:
        return all(row.status == "matched" for row in self.rows)

    def summary_line(self) -> str:
        counts = ", ".join(
            f"{self.count(status)} {status}"
            for status in ("matched", "shape mismatch", "missing", "extra")
        )
        verdict = "loads completely" if self.loads_fully else "would NOT load"
        return f"{self.path}: {verdict} ({counts} layers)"


# --- reading files ----------------------------------------------------------------------------


@contextmanager
def _open_h5(path: str) -> Iterator[Any]:
    """h5py.File for ``path`` (or the weights inside a .keras archive), errors made plain."""
    import h5py

    target = Path(path)
    try:
        if zipfile.is_zipfile(target):
            with zipfile.ZipFile(target) as archive:
                if "model.weights.h5" not in archive.namelist():
                    raise WeightsError(f"{path} is a zip file but not a .keras model file")
                data = io.BytesIO(archive.read("model.weights.h5"))
            with h5py.File(data, "r") as handle:
                yield handle
            return
        with h5py.File(target, "r") as handle:
            yield handle
    except FileNotFoundError:
        raise WeightsError(f"{path}: no such file") from None
    except PermissionError:
        raise WeightsError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise WeightsError(f"{path} is a folder, not a weights file") from None
    except zipfile.BadZipFile as error:
        raise WeightsError(f"{path} is a damaged .keras file: {error}") from None
    except OSError as error:
        text = str(error)
        if "signature" in text:
            raise WeightsError(
                f"{path} is not an HDF5 file (expected .weights.h5, .h5 or .keras)"
            ) from None
        if "truncated" in text or "eof" in text.lower():
            raise WeightsError(f"{path} is truncated or damaged: {text}") from None
        raise WeightsError(f"{path} is damaged or cannot be read: {text}") from None


def _text(value: Any) -> str:
    return value.decode("utf8") if isinstance(value, bytes) else str(value)


def read_layout(path: str) -> WeightsLayout:
    """What a weights file holds, read with h5py: no model code runs."""
    with _open_h5(path) as handle:
        root = handle["model_weights"] if "model_weights" in handle else handle
        if "layer_names" in root.attrs:
            entries = [
                WeightsEntry(
                    _text(name),
                    _text(name),
                    tuple(
                        tuple(root[_text(name)][_text(w)].shape)
                        for w in root[_text(name)].attrs.get("weight_names", [])
                    ),
                )
                for name in root.attrs["layer_names"]
            ]
            return WeightsLayout(path, "legacy", tuple(e for e in entries if e.shapes))
        found: list[WeightsEntry] = []

        def visit(name: str, item: Any) -> None:
            if name.endswith("/vars") or name == "vars":
                arrays = sorted(item.keys(), key=int)
                if arrays:
                    key = name[: -len("/vars")] if name != "vars" else ""
                    layer = _text(item.attrs.get("name", key))
                    found.append(
                        WeightsEntry(key, layer, tuple(tuple(item[a].shape) for a in arrays))
                    )

        handle.visititems(visit)
        if not found and "layers" not in handle:
            raise WeightsError(f"{path} holds no Keras weights (no layers found)")
        return WeightsLayout(path, "keras", tuple(found))


# --- what a model expects -----------------------------------------------------------------------


def expected_keras_layout(model: Any) -> list[WeightsEntry]:
    """The entries ``model.save_weights`` would write, from shapes only (previews stay empty)."""
    from keras.src.saving import saving_lib

    class Recorder(saving_lib.H5IOStore):  # type: ignore[misc]
        def __init__(self) -> None:  # no file: the shapes are all we need
            self.entries: dict[str, tuple[str, list[Shape]]] = {}
            self._key = ""
            self._name = ""

        def __bool__(self) -> bool:
            return True

        def make(self, path: str, metadata: dict[str, Any] | None = None) -> Recorder:
            self._key, self._name = path, (metadata or {}).get("name", path)
            return self

        def __setitem__(self, index: str, value: Any) -> None:
            entry = self.entries.setdefault(self._key, (self._name, []))
            entry[1].append(tuple(int(d) for d in value.shape))

    recorder = Recorder()
    saving_lib._save_state(model, recorder, None, "", set())
    return [
        WeightsEntry(key, name, tuple(shapes)) for key, (name, shapes) in recorder.entries.items()
    ]


def expected_legacy_layout(model: Any) -> list[WeightsEntry]:
    """Layers with weights in ``model.layers`` order, as the legacy loader pairs them."""
    entries = []
    for layer in model.layers:
        weights = layer.trainable_weights + layer.non_trainable_weights
        if weights:
            entries.append(
                WeightsEntry(layer.name, layer.name, tuple(tuple(w.shape) for w in weights))
            )
    return entries


def compare(model: Any, layout: WeightsLayout) -> CompatibilityReport:
    rows: list[ReportRow] = []
    if layout.format == "legacy":
        expected = expected_legacy_layout(model)
        for mine, theirs in zip(expected, layout.entries, strict=False):
            status = "matched" if mine.shapes == theirs.shapes else "shape mismatch"
            rows.append(ReportRow(mine.layer, status, mine.shapes, theirs.shapes, theirs.layer))
        pairs = min(len(expected), len(layout.entries))
        rows += [ReportRow(e.layer, "missing", e.shapes, ()) for e in expected[pairs:]]
        rows += [ReportRow(e.layer, "extra", (), e.shapes, e.layer) for e in layout.entries[pairs:]]
    else:
        expected_by_key = {e.key: e for e in expected_keras_layout(model)}
        found_by_key = {e.key: e for e in layout.entries}
        for key, mine in expected_by_key.items():
            theirs = found_by_key.get(key)
            if theirs is None:
                rows.append(ReportRow(mine.layer, "missing", mine.shapes, ()))
            else:
                status = "matched" if mine.shapes == theirs.shapes else "shape mismatch"
                rows.append(ReportRow(mine.layer, status, mine.shapes, theirs.shapes, theirs.layer))
        rows += [
            ReportRow(e.layer, "extra", (), e.shapes, e.layer)
            for key, e in found_by_key.items()
            if key not in expected_by_key
        ]
    return CompatibilityReport(layout.path, layout.format, tuple(rows))


# --- the three operations -----------------------------------------------------------------------


def suggested_name(path: str) -> str:
    """``model.h5`` -> ``model.weights.h5``: Keras 3 writes only names ending so."""
    if path.endswith(KERAS_SUFFIX):
        return path
    for old in (".h5", ".hdf5", ".keras", ".weights"):
        if path.endswith(old):
            return path[: -len(old)] + KERAS_SUFFIX
    return path + KERAS_SUFFIX


def save_weights(model: Any, path: str) -> Path:
    """Write ``model``'s weights atomically: a failure leaves any previous file untouched."""
    if not path.endswith(KERAS_SUFFIX):
        raise WeightsError(
            f"{path}: Keras 3 weights files must end in {KERAS_SUFFIX}; "
            f"save as {suggested_name(path)}"
        )
    with atomic_path(path, suffix=KERAS_SUFFIX) as temporary:
        model.save_weights(str(temporary))
    return Path(path)


def check(reference: Reference, path: str) -> CompatibilityReport:
    """Compare ``path`` with the architecture, from shapes alone (a preview; no weights)."""
    from explorer.core.build import build_model

    layout = read_layout(path)
    return compare(build_model(reference, preview=True).model, layout)


def load(reference: Reference, path: str) -> tuple[Any, CompatibilityReport]:
    """A fresh model with the file's weights; raises, changing nothing, unless all fit."""
    from explorer.core.build import build_model

    report = check(reference, path)
    if not report.loads_fully:
        raise WeightsMismatchError(report)
    model = build_model(reference, preview=False).model
    try:
        model.load_weights(path)
    except (ValueError, OSError, KeyError) as error:
        raise WeightsError(f"{path} could not be loaded: {error}") from error
    return model, report


class WeightsMismatchError(WeightsError):
    """The file does not fit the architecture; the report says where."""

    def __init__(self, report: CompatibilityReport) -> None:
        self.report = report
        super().__init__(report.summary_line())
