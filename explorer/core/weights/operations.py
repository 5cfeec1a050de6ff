"""Save, check and load weights.

Keras loads a mismatching file part way and then raises, or loads a file with extra blocks
silently. So nothing is loaded before a compatibility report says the file fits completely, and
loading goes into a fresh model that replaces the old one only on success. Saving writes to a
temporary name in the same folder and renames it at the end."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from explorer.core.base.errors import one_line, shown_path
from explorer.core.base.files import FileWriteError, atomic_path, writable_target
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.references.architecture import Reference
from explorer.core.weights.compatibility import CompatibilityReport, compare
from explorer.core.weights.layout import KERAS_SUFFIX, WeightsError, read_layout, renamed


def suggested_name(path: str) -> str:
    """``model.h5`` -> ``model.weights.h5``: Keras 3 writes only names ending so."""
    return path if path.endswith(KERAS_SUFFIX) else renamed(path, KERAS_SUFFIX)


def check_save_target(path: str) -> None:
    """Raise now what saving to ``path`` would raise only at the end: real weights take
    seconds to minutes to build, so callers check the name and folder before building."""
    shown, target = shown_path(path), Path(path)
    if not path.endswith(KERAS_SUFFIX):
        message = QT_TRANSLATE_NOOP(
            "Core", "{path}: Keras 3 weights files must end in {suffix}; save as {name}"
        )
        better = shown_path(suggested_name(path))
        raise WeightsError(Text(message, path=shown, suffix=KERAS_SUFFIX, name=better))
    folder = target.parent
    try:
        writable_target(path)  # a folder, a device, a named pipe: refused as the write would
        if not folder.is_dir():
            problem = QT_TRANSLATE_NOOP("Core", "cannot write {path}: there is no folder {folder}")
        elif not os.access(folder, os.W_OK | os.X_OK):
            problem = QT_TRANSLATE_NOOP(
                "Core", "cannot write {path}: the folder {folder} is not writable"
            )
        else:
            return
    except (OSError, ValueError) as failure:  # a name too long, a NUL character
        reason = getattr(failure, "strerror", None) or str(failure)
        problem = QT_TRANSLATE_NOOP("Core", "cannot write {path}: {reason}")
        raise FileWriteError(Text(problem, path=shown, reason=reason)) from None
    raise FileWriteError(Text(problem, path=shown, folder=shown_path(folder)))


def save_weights(model: Any, path: str) -> Path:
    """Write ``model``'s weights atomically: a failure leaves any previous file untouched."""
    check_save_target(path)
    with atomic_path(path, suffix=KERAS_SUFFIX) as temporary:
        model.save_weights(str(temporary))
    return Path(path)


def check(reference: Reference, path: str) -> CompatibilityReport:
    """Compare ``path`` with the architecture, from shapes alone (a preview; no weights)."""
    from explorer.core.analysis.build import build_model

    layout = read_layout(path)
    return compare(build_model(reference, preview=True).model, layout)


def load(reference: Reference, path: str) -> tuple[Any, CompatibilityReport]:
    """A fresh model with the file's weights; raises, changing nothing, unless all fit."""
    from explorer.core.analysis.build import build_model

    report = check(reference, path)
    if not report.loads_fully:
        raise WeightsMismatchError(report)
    model = build_model(reference, preview=False).model
    try:
        model.load_weights(path)
    except (ValueError, OSError, KeyError) as error:
        reason = one_line(str(error))[:300]
        raise WeightsError(f"{shown_path(path)} could not be loaded: {reason}") from error
    return model, report


class WeightsMismatchError(WeightsError):
    """The file does not fit the architecture; the report says where."""

    def __init__(self, report: CompatibilityReport) -> None:
        self.report = report
        super().__init__(report.summary_line())
