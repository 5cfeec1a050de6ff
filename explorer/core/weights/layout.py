"""What a weights file holds, read with h5py (no model code runs): Keras 3 ``.weights.h5``
(entries keyed by the path Keras gives each layer, ``layers/conv2d_3``), the weights inside a
``.keras`` archive (the same layout), and legacy tf.keras 2.x ``.h5`` files, weights only or whole
models, which Keras loads layer by layer in order."""

from __future__ import annotations

import logging
import math
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from explorer.core.base.errors import ExplorerError, one_line, shown, shown_path
from explorer.core.base.reading import check_member, open_zip, regular_file
from explorer.core.base.shapes import FixedShape
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.base.units import GIB, short_bytes

log = logging.getLogger(__name__)
KERAS_SUFFIX = ".weights.h5"
WEIGHTS_FILE = QT_TRANSLATE_NOOP("Core", "a weights file")
GROUP_DEPTH_LIMIT = 64  # Keras nests a layer of a model in a model about 6 groups deep
MEMBER = "model.weights.h5"  # the weights inside a .keras model file
MEMBER_LIMIT = 1024 * GIB  # any model's weights; the member's compression ratio is what is checked


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
def _open_h5(path: str) -> Iterator[tuple[Any, bool]]:
    """h5py.File for ``path`` (or the weights inside a .keras archive, then True), errors made
    plain."""
    import h5py

    try:
        target = regular_file(path, WEIGHTS_FILE, WeightsError)  # never a pipe or a device
        if zipfile.is_zipfile(target):
            with open_zip(target, WEIGHTS_FILE, WeightsError) as archive:
                if MEMBER not in archive.namelist():
                    raise _not_a_model_file(path)
                # Read in place, as Keras reads it: the member may be gigabytes.
                info = check_member(archive, MEMBER, path, WEIGHTS_FILE, MEMBER_LIMIT, WeightsError)
                with archive.open(info) as stream, h5py.File(stream, "r") as handle:
                    yield handle, True
            return
        with h5py.File(target, "r") as handle:
            yield handle, False
    except FileNotFoundError:
        raise WeightsError(f"{shown_path(path)}: no such file") from None
    except PermissionError:
        raise WeightsError(f"{shown_path(path)}: permission denied") from None
    except IsADirectoryError:
        raise WeightsError(f"{shown_path(path)} is a folder, not a weights file") from None
    except zipfile.BadZipFile as error:
        raise WeightsError(f"{shown_path(path)} is a damaged .keras file: {error}") from None
    except OSError as error:
        text = str(error)
        if "signature" in text:
            raise WeightsError(
                f"{shown_path(path)} is not an HDF5 file (expected .weights.h5, .h5 or .keras)"
            ) from None
        if "truncated" in text or "eof" in text.lower():
            raise WeightsError(f"{shown_path(path)} is truncated or damaged: {text}") from None
        raise WeightsError(f"{shown_path(path)} is damaged or cannot be read: {text}") from None
    except (RuntimeError, KeyError, ValueError) as error:  # h5py on a damaged header or heap
        reason = one_line(str(error).strip("'\""))[:200]
        raise WeightsError(f"{shown_path(path)} is damaged or cannot be read: {reason}") from None


def _text(value: Any) -> str:
    return value.decode("utf8") if isinstance(value, bytes) else str(value)


# A real floating-point or integer array is what ``Variable.assign`` takes without loss or
# complaint; anything else (text, records, complex numbers, true/false) Keras either refuses
# only after a part of the model was loaded, or takes silently and wrongly (complex numbers lose
# their imaginary parts). The kinds are NumPy's: f float, i signed, u unsigned integer.
LOADABLE_KINDS = "fiu"
BOMB_FLOOR, BOMB_EXPANSION = 4 * GIB, 1000  # as keras.src.saving.saving_lib has them
_SUFFIXES = (KERAS_SUFFIX, ".h5", ".hdf5", ".keras", ".weights")  # stripped before renaming
# How Keras's load_weights picks a reader by name (it never looks inside): the suffixes that
# lead to the reader of each kind of content, and the message naming the right one.
_NAMES = {
    "archive": (
        (".keras",),
        QT_TRANSLATE_NOOP(
            "Core",
            "{path} is a .keras model file, which Keras loads only from a name ending in "
            ".keras; rename it to {name}",
        ),
    ),
    "keras": (
        (KERAS_SUFFIX,),
        QT_TRANSLATE_NOOP(
            "Core",
            "{path} holds Keras 3 weights, which Keras loads only from a name ending in "
            ".weights.h5; rename it to {name}",
        ),
    ),
    "legacy": (
        (".h5", ".hdf5"),
        QT_TRANSLATE_NOOP(
            "Core",
            "{path} holds tf.keras 2 weights, which Keras loads only from a name ending in .h5 "
            "or .hdf5 (not .weights.h5); rename it to {name}",
        ),
    ),
}


def renamed(path: str, suffix: str) -> str:
    """``path`` with its weights or model suffix replaced by ``suffix``, or with ``suffix``
    added: ``copy.h5`` -> ``copy.weights.h5``, ``copy.bin`` -> ``copy.bin.keras``."""
    for old in _SUFFIXES:
        if path.endswith(old):
            return path[: -len(old)] + suffix
    return path + suffix


def _require_loadable_name(path: str, content: str) -> None:
    """Refuse a name under which Keras would pick another reader than the content needs (a
    Keras 3 file named ``.h5`` goes to the legacy reader, one named ``.bin`` to none at all), so
    that a check that passes means a load that succeeds. Keras's test is case-sensitive."""
    suffixes, message = _NAMES[content]
    if path.endswith(suffixes) and not (content == "legacy" and path.endswith(KERAS_SUFFIX)):
        return
    name = renamed(path, suffixes[0])
    raise WeightsError(Text(message, path=shown_path(path), name=one_line(name)))


def _dtype_name(dtype: Any) -> str:
    import h5py

    if dtype.kind in "SU" or h5py.check_string_dtype(dtype) is not None:
        return "string"
    if dtype.names:
        return "compound"
    if dtype.subdtype is not None:
        return f"{dtype.subdtype[0].name} subarray"
    return "opaque" if dtype.kind == "V" else str(dtype.name)


def _loadable(array: Any) -> bool:
    """Keras writes bfloat16 as two opaque bytes marked ``dtype="bfloat16"`` and reads it back."""
    dtype = array.dtype
    if dtype.kind == "V" and dtype.itemsize == 2 and not dtype.names:
        return _text(array.attrs.get("dtype", "")) == "bfloat16"
    return dtype.kind in LOADABLE_KINDS and dtype.subdtype is None


def _size(array: Any) -> int:
    return int(math.prod(array.shape)) * int(array.dtype.itemsize)


def _stored(array: Any) -> int:
    return int(array.id.get_storage_size())


def _bomb(array: Any) -> bool:
    """Keras's own rule: an array over 4 GiB must not unpack to over 1,000 times what is
    stored (an HDF5 "shape bomb" declares terabytes and stores a fill value)."""
    return _size(array) > BOMB_FLOOR and _size(array) > BOMB_EXPANSION * _stored(array)


def _member(path: str, group: Any, name: str) -> Any:
    """``group[name]``, refused as Keras's reader refuses it: links (which could lead into
    other files) and members that are missing."""
    import h5py

    current = group
    for part in name.split("/"):
        shown_name = shown(f"{current.name}/{part}".lstrip("/"))
        if not part or part not in current:
            template = QT_TRANSLATE_NOOP("Core", "{path}: {variable} is missing")
            raise WeightsError(Text(template, path=shown_path(path), variable=shown_name))
        if current.get(part, getclass=True, getlink=True) is not h5py.HardLink:
            template = QT_TRANSLATE_NOOP(
                "Core", "{path}: {variable} is a link; Keras loads only what the file holds itself"
            )
            raise WeightsError(Text(template, path=shown_path(path), variable=shown_name))
        current = current[part]
    return current


def _shape(path: str, group: Any, name: str) -> FixedShape:
    """The shape of the array ``group[name]``, after making sure that Keras can take it: what
    its reader refuses and what ``Variable.assign`` refuses or takes wrongly is refused now."""
    import h5py

    array = _member(path, group, name)
    values: dict[str, Any] = {"path": one_line(path), "variable": shown(array.name.lstrip("/"))}
    if not isinstance(array, h5py.Dataset):
        template = QT_TRANSLATE_NOOP("Core", "{path}: {variable} is a group, not an array")
    elif array.external or array.is_virtual:
        template = QT_TRANSLATE_NOOP(
            "Core", "{path}: the array {variable} keeps its values in other files"
        )
    elif _bomb(array):
        template = QT_TRANSLATE_NOOP(
            "Core",
            "{path}: the array {variable} would unpack to {size} from {stored} stored, as only "
            "a decompression bomb does; Keras refuses it",
        )
        values |= {"size": short_bytes(_size(array)), "stored": short_bytes(_stored(array))}
    elif not _loadable(array):
        template = QT_TRANSLATE_NOOP(
            "Core",
            "{path}: the array {variable} holds {dtype} values; Keras loads only real "
            "floating-point or integer weights",
        )
        values["dtype"] = _dtype_name(array.dtype)
    else:
        return tuple(int(d) for d in array.shape)
    raise WeightsError(Text(template, **values))


def _legacy_entry(path: str, root: Any, name: str) -> WeightsEntry:
    """One layer of a tf.keras 2 file: a group whose ``weight_names`` lists its arrays."""
    import h5py

    group = _member(path, root, name)
    if not isinstance(group, h5py.Group):
        template = QT_TRANSLATE_NOOP("Core", "{path}: {layer} is an array, not a layer's group")
        raise WeightsError(Text(template, path=shown_path(path), layer=shown(name)))
    names = [_text(w) for w in group.attrs.get("weight_names", [])]
    return WeightsEntry(name, name, tuple(_shape(path, group, w) for w in names))


def _not_a_model_file(path: str) -> WeightsError:
    return WeightsError(f"{shown_path(path)} is a zip file but not a .keras model file")


def read_layout(path: str) -> WeightsLayout:
    """What a weights file holds, read with h5py: no model code runs. Everything Keras would
    refuse or get wrong in loading it is refused here, so ``check`` and ``load`` agree."""
    import h5py

    with _open_h5(path) as (handle, archive):
        root = handle  # the legacy reader's choice: the layers of a whole model, if it is one
        if "layer_names" not in handle.attrs and "model_weights" in handle:
            root = _member(path, handle, "model_weights")
        if "layer_names" in root.attrs:
            if archive:
                raise _not_a_model_file(path)
            entries = [_legacy_entry(path, root, _text(n)) for n in root.attrs["layer_names"]]
            _require_loadable_name(path, "legacy")
            return WeightsLayout(path, "legacy", tuple(e for e in entries if e.shapes))
        found: list[WeightsEntry] = []

        def visit(name: str, item: Any) -> None:
            if name.count("/") >= GROUP_DEPTH_LIMIT:  # each name is a whole path: quadratic
                template = QT_TRANSLATE_NOOP(
                    "Core", "{path}: its groups are nested more than {limit} deep"
                )
                raise WeightsError(Text(template, path=shown_path(path), limit=GROUP_DEPTH_LIMIT))
            if (name.endswith("/vars") or name == "vars") and isinstance(item, h5py.Group):
                arrays = [str(i) for i in range(len(item))]  # as Keras asks for them
                if sorted(item.keys()) != sorted(arrays):
                    template = QT_TRANSLATE_NOOP(
                        "Core", "{path}: the arrays in {group} are not numbered 0, 1, 2, …"
                    )
                    raise WeightsError(Text(template, path=shown_path(path), group=shown(name)))
                if arrays:
                    key = name[: -len("/vars")] if name != "vars" else ""
                    layer = _text(item.attrs.get("name", key))
                    found.append(
                        WeightsEntry(key, layer, tuple(_shape(path, item, a) for a in arrays))
                    )

        handle.visititems(visit)
        if not found and "layers" not in handle:
            raise WeightsError(f"{shown_path(path)} holds no Keras weights (no layers found)")
        _require_loadable_name(path, "archive" if archive else "keras")
        return WeightsLayout(path, "keras", tuple(found))
