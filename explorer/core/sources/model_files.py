"""Model files (``.keras`` and legacy tf.keras ``.h5``) as architecture references.

A model file opens from its stored configuration only: the layer table needs no weights, so
none are read, and a file with Python code in it (a ``Lambda`` layer) is refused unless the user
says they trust it (``FILE:trust=true``, or the window's "I trust this file").
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.core.base.errors import ExplorerError, one_line, shown, shown_path
from explorer.core.base.reading import (
    LAYER_LIMIT,
    open_zip,
    parse_json,
    read_member,
    regular_file,
    too_large_error,
)
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.base.units import MIB
from explorer.core.params.specs import BoolParam, Value
from explorer.core.references.architecture import Architecture
from explorer.core.sources.sequential import built_once_objects

if TYPE_CHECKING:
    import keras

MODEL_SUFFIXES = (".keras", ".h5", ".hdf5")
FAMILY = QT_TRANSLATE_NOOP("Core", "Model files")
TRUST = BoolParam(
    "trust",
    False,
    QT_TRANSLATE_NOOP(
        "Core", "Run Python code stored in the file (Lambda layers): only for files you trust"
    ),
    label=QT_TRANSLATE_NOOP("Core", "I trust this file"),
)


CONFIG_LIMIT = 16 * MIB  # config.json or model_config; ResNet-152's is 0.5 MiB, 11 levels deep
REASON_LIMIT = 300  # characters of Keras's reason kept: it may echo the whole configuration
MODEL_FILE = QT_TRANSLATE_NOOP("Core", "a model file")
CONFIGURATION = QT_TRANSLATE_NOOP("Core", "a model configuration")
# What reading a damaged zip or HDF5 file raises, besides BadZipFile: a bad deflate stream,
# an encrypted member ("password required"), an unknown compression method, a cut-off file.
ZIP_ERRORS = (OSError, zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, EOFError)


class ModelFileError(ExplorerError):
    """A model file that cannot be opened; nothing on screen changes."""


def is_model_file(text: str) -> bool:
    path = Path(text)
    return path.suffix.lower() in MODEL_SUFFIXES and not text.endswith(".weights.h5")


def architecture_for(path: str) -> Architecture:
    """A catalog-like entry for one file: its id is the path, its only parameter ``trust``.

    The stored configuration is read and checked here, so that a file that is not a model is
    refused before TensorFlow is imported (the build reads it again: it may be seconds later)."""
    _config(path)
    file = Path(path)
    return Architecture(
        id=str(path),
        title=file.name,
        family=FAMILY,
        description=Text(
            QT_TRANSLATE_NOOP(
                "Core", "The model stored in {file}. Its layers come from the file's configuration."
            ),
            file=shown_path(file),
        ),
        params=(TRUST,),
        build=partial(load_architecture, str(path)),
    )


def _legacy_config(file: Path, path: str) -> bytes:
    """The ``model_config`` attribute of a tf.keras ``.h5`` file, no larger than CONFIG_LIMIT.

    A fixed-size attribute is measured before it is read. tf.keras stores a variable-length
    string, whose size HDF5 tells only by reading it; it is then no larger than the file (an
    HDF5 attribute is never compressed), and it is measured before it is decoded."""
    import h5py

    with h5py.File(file, "r") as handle:
        if "model_config" not in handle.attrs:
            raise ModelFileError(
                Text(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "{path} holds weights only, no model: load it as weights into an "
                        "architecture instead",
                    ),
                    path=shown_path(path),
                )
            )
        too_large = too_large_error(
            f"{shown_path(path)}: model_config", CONFIG_LIMIT, CONFIGURATION, ModelFileError
        )
        if handle.attrs.get_id("model_config").get_storage_size() > CONFIG_LIMIT:
            raise too_large
        value = handle.attrs["model_config"]
    data = value.encode() if isinstance(value, str) else value
    if not isinstance(data, bytes):
        raise _not_a_configuration(f"{shown_path(path)}: model_config")
    if len(data) > CONFIG_LIMIT:
        raise too_large
    return data


def _not_a_configuration(where: str) -> ModelFileError:
    return ModelFileError(
        Text(QT_TRANSLATE_NOOP("Core", "{where} is not a Keras model configuration"), where=where)
    )


def _config(path: str) -> tuple[dict[str, Any], bool]:
    """The stored configuration, and whether it is a legacy tf.keras one; read with bounded
    time and memory whatever the path names (``base.reading``)."""
    file = regular_file(path, MODEL_FILE, ModelFileError)
    try:
        legacy = not zipfile.is_zipfile(file)
        if legacy:
            where, data = f"{shown_path(path)}: model_config", _legacy_config(file, path)
        else:
            with open_zip(file, MODEL_FILE, ModelFileError) as archive:
                where = f"{shown_path(path)}: config.json"
                data = read_member(
                    archive, "config.json", path, CONFIGURATION, CONFIG_LIMIT, ModelFileError
                )
        text = data.decode("utf-8")
        config = parse_json(text, where, ModelFileError)
    except ModelFileError:
        raise
    except KeyError:
        raise ModelFileError(
            Text(
                QT_TRANSLATE_NOOP("Core", "{path} is a zip file but not a .keras model file"),
                path=shown_path(path),
            )
        ) from None
    except (*ZIP_ERRORS, ValueError) as error:
        raise ModelFileError(
            Text(
                QT_TRANSLATE_NOOP("Core", "{path} cannot be opened as a model file: {error}"),
                path=shown_path(path),
                error=one_line(str(error))[:REASON_LIMIT],
            )
        ) from None
    if not (
        isinstance(config, dict)
        and isinstance(config.get("class_name"), str)
        and isinstance(config.get("config"), dict)
    ):
        raise _not_a_configuration(where)
    layers = _count_layers(config)
    if layers > LAYER_LIMIT:
        raise ModelFileError(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{where}: a model may have at most {limit:,} layers; this one has {count:,}",
                ),
                where=where,
                limit=LAYER_LIMIT,
                count=layers,
            )
        )
    return config, legacy


def _count_layers(config: dict[str, Any]) -> int:
    """The layers a configuration lists, nested models' layers included (no recursion)."""
    count, stack = 0, [config]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            inner = item.get("layers")
            if isinstance(inner, list):
                count += len(inner)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count


def load_architecture(path: str, values: Mapping[str, Value]) -> keras.Model:
    """The model described by the file, built from its configuration (no weights read)."""
    import keras
    from keras.src.saving.serialization_lib import SafeModeScope

    from explorer.core.sources.catalog.transformers import keras_layers

    keras_layers()  # the catalog's own layers, registered: a saved ViT or BERT opens
    config, legacy = _config(path)
    try:
        with SafeModeScope(safe_mode=not values["trust"]):
            objects = built_once_objects(config, legacy=legacy)
            if legacy:
                from keras.src.legacy.saving.saving_utils import model_from_config

                model = model_from_config(config, custom_objects=objects)
            else:
                model = keras.saving.deserialize_keras_object(
                    config, custom_objects=objects, safe_mode=not values["trust"]
                )
    except KeyError as error:  # a configuration that lacks what its class needs
        raise ModelFileError(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core", "{path} could not be rebuilt: its configuration has no {key}"
                ),
                path=shown_path(path),
                key=shown(str(error).strip("'\"")),
            )
        ) from None
    except (ValueError, TypeError, AttributeError, IndexError) as error:
        text = str(error)
        if "arbitrary code execution" in text or "safe_mode" in text:
            raise ModelFileError(
                Text(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "{path} contains Python code (a Lambda layer) and was not opened: "
                        "open it only if you trust the file (add :trust=true, or tick "
                        "'I trust this file')",
                    ),
                    path=shown_path(path),
                )
            ) from None
        # Keras wraps a layer's refusal ("Received filters=-1") in one about deserialising its
        # model: the first failure in the chain says what is wrong.
        cause: BaseException = error
        for _ in range(20):
            if cause.__cause__ is None and cause.__context__ is None:
                break
            cause = cause.__cause__ or cause.__context__  # type: ignore[assignment]  # not None
        text = str(cause)
        first = text.strip().splitlines()[0] if text.strip() else type(cause).__name__
        raise ModelFileError(
            Text(
                QT_TRANSLATE_NOOP("Core", "{path} could not be rebuilt: {error}"),
                path=shown_path(path),
                error=first if len(first) <= REASON_LIMIT else first[:REASON_LIMIT] + "…",
            )
        ) from None
    if not isinstance(model, keras.Model):  # a layer on its own, say
        member = "model_config" if legacy else "config.json"
        raise _not_a_configuration(f"{shown_path(path)}: {member}")
    return model


def holds_model(path: str) -> bool:
    """Whether ``path`` stores a whole model (else, at most weights); reads no model code.

    True also for a path that is not a regular file (or not there), so that opening it as a
    model says what is wrong with it."""
    try:
        file = regular_file(path, MODEL_FILE, ModelFileError)
        if zipfile.is_zipfile(file):
            with open_zip(file, MODEL_FILE, ModelFileError) as archive:
                return "config.json" in archive.namelist()
        import h5py

        with h5py.File(file, "r") as handle:
            return "model_config" in handle.attrs
    except ModelFileError:
        return True
    except ZIP_ERRORS:
        return False
