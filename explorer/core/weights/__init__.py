"""Weights files: layout read with h5py, compatibility with a model, save / check / load.

The package presents the operations and the report; its modules hold the parts."""

from explorer.core.weights.compatibility import CompatibilityReport, ReportRow, Status, compare
from explorer.core.weights.layout import (
    KERAS_SUFFIX,
    WeightsEntry,
    WeightsError,
    WeightsLayout,
    read_layout,
)
from explorer.core.weights.operations import (
    WeightsMismatchError,
    check,
    check_save_target,
    load,
    save_weights,
    suggested_name,
)

__all__ = [
    "KERAS_SUFFIX",
    "CompatibilityReport",
    "ReportRow",
    "Status",
    "WeightsEntry",
    "WeightsError",
    "WeightsLayout",
    "WeightsMismatchError",
    "check",
    "check_save_target",
    "compare",
    "load",
    "read_layout",
    "save_weights",
    "suggested_name",
]
