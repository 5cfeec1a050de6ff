"""Model files (``.keras`` and legacy tf.keras ``.h5``) as architecture references.

A model file opens from its stored configuration only: the layer table needs no weights, so
none are read, and a file with Python code in it (a ``Lambda`` layer) is refused unless the user
says they trust it (``FILE:trust=true``, or the window's "I trust this file").
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.core.base.errors import ExplorerError
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.params.specs import BoolParam, Value
from explorer.core.references.architecture import Architecture

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


class ModelFileError(ExplorerError):
    """A model file that cannot be opened; nothing on screen changes."""


def is_model_file(text: str) -> bool:
    path = Path(text)
    return path.suffix.lower() in MODEL_SUFFIXES and not text.endswith(".weights.h5")


def architecture_for(path: str) -> Architecture:
    """A catalog-like entry for one file: its id is the path, its only parameter ``trust``."""
    file = Path(path)
    if not file.exists():
        raise ModelFileError(Text(QT_TRANSLATE_NOOP("Core", "{path}: no such file"), path=path))
    return Architecture(
        id=str(path),
        title=file.name,
        family=FAMILY,
        description=Text(
            QT_TRANSLATE_NOOP(
                "Core", "The model stored in {file}. Its layers come from the file's configuration."
            ),
            file=str(file),
        ),
        params=(TRUST,),
        build=partial(load_architecture, str(path)),
    )


def _config(path: str) -> tuple[dict[str, Any], bool]:
    """The stored configuration, and whether it is a legacy tf.keras one."""
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                return json.loads(archive.read("config.json")), False
        import h5py

        with h5py.File(path, "r") as handle:
            text = handle.attrs.get("model_config")
            if text is None:
                raise ModelFileError(
                    Text(
                        QT_TRANSLATE_NOOP(
                            "Core",
                            "{path} holds weights only, no model: load it as weights into an "
                            "architecture instead",
                        ),
                        path=path,
                    )
                )
            return json.loads(text.decode() if isinstance(text, bytes) else text), True
    except ModelFileError:
        raise
    except KeyError:
        raise ModelFileError(
            Text(
                QT_TRANSLATE_NOOP("Core", "{path} is a zip file but not a .keras model file"),
                path=path,
            )
        ) from None
    except (OSError, ValueError, zipfile.BadZipFile) as error:
        raise ModelFileError(
            Text(
                QT_TRANSLATE_NOOP("Core", "{path} cannot be opened as a model file: {error}"),
                path=path,
                error=str(error),
            )
        ) from None


def load_architecture(path: str, values: Mapping[str, Value]) -> keras.Model:
    """The model described by the file, built from its configuration (no weights read)."""
    import keras
    from keras.src.saving.serialization_lib import SafeModeScope

    config, legacy = _config(path)
    try:
        with SafeModeScope(safe_mode=not values["trust"]):
            if legacy:
                from keras.src.legacy.saving.saving_utils import model_from_config

                return model_from_config(config)
            return keras.saving.deserialize_keras_object(config, safe_mode=not values["trust"])
    except (ValueError, TypeError) as error:
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
                    path=path,
                )
            ) from None
        first = text.strip().splitlines()[0] if text.strip() else type(error).__name__
        raise ModelFileError(
            Text(
                QT_TRANSLATE_NOOP("Core", "{path} could not be rebuilt: {error}"),
                path=path,
                error=first,
            )
        ) from None


def holds_model(path: str) -> bool:
    """Whether ``path`` stores a whole model (else, at most weights); reads no model code."""
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                return "config.json" in archive.namelist()
        import h5py

        with h5py.File(path, "r") as handle:
            return "model_config" in handle.attrs
    except (OSError, zipfile.BadZipFile):
        return False
