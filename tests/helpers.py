"""Helpers shared by test modules."""

from __future__ import annotations

import os

import numpy as np


def h5_arrays(path: str | os.PathLike[str]) -> dict[str, np.ndarray]:
    """Every dataset of an HDF5 file by its path inside the file."""
    import h5py

    found: dict[str, np.ndarray] = {}
    with h5py.File(path) as handle:
        handle.visititems(
            lambda name, item: (
                found.__setitem__(name, item[()]) if isinstance(item, h5py.Dataset) else None
            )
        )
    return found


def same_arrays(first: str | os.PathLike[str], second: str | os.PathLike[str]) -> bool:
    """Two weights files hold the same arrays, bit for bit and dtype for dtype."""
    a, b = h5_arrays(first), h5_arrays(second)
    return sorted(a) == sorted(b) and all(
        a[key].dtype == b[key].dtype and np.array_equal(a[key], b[key]) for key in a
    )
