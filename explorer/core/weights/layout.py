"""What a weights file holds, read with h5py (no model code runs): Keras 3 ``.weights.h5``
(entries keyed by the path Keras gives each layer, ``layers/conv2d_3``), the weights inside a
``.keras`` archive (the same layout), and legacy tf.keras 2.x ``.h5`` files, weights only or whole
models, which Keras loads layer by layer in order."""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from explorer.core.base.errors import ExplorerError
from explorer.core.base.reading import open_zip, regular_file
from explorer.core.base.shapes import FixedShape
from explorer.core.base.texts import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
KERAS_SUFFIX = ".weights.h5"
WEIGHTS_FILE = QT_TRANSLATE_NOOP("Core", "a weights file")


class WeightsError(ExplorerError):
    """A weights file that cannot be read, written or loaded; nothing was changed."""


@dataclass(frozen=True)
class WeightsEntry:
    key: str  # where the arrays live: "layers/conv2d_3" (Keras 3) or the layer name (legacy)
    layer: str  # the layer's name
    shapes: tuple[FixedShape, ...]


@dataclass(frozen=True)
class WeightsLayout:
    path: str
    format: str  # "keras" (.weights.h5 / .keras) or "legacy" (tf.keras 2.x .h5)
    entries: tuple[WeightsEntry, ...]


@contextmanager
def _open_h5(path: str) -> Iterator[Any]:
    """h5py.File for ``path`` (or the weights inside a .keras archive), errors made plain."""
    import h5py

    try:
        target = regular_file(path, WEIGHTS_FILE, WeightsError)  # never a pipe or a device
        if zipfile.is_zipfile(target):
            with open_zip(target, WEIGHTS_FILE, WeightsError) as archive:
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
        root = handle.get("model_weights", handle)
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
