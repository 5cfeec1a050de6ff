"""Byte counts for people: binary and decimal units side by side, each labelled."""

from __future__ import annotations

from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text

MIB = 1024**2
GIB = 1024**3
_SUFFIXES = ("", "k", "M", "G", "T")
_UNITS = (("TiB", "TB", 4), ("GiB", "GB", 3), ("MiB", "MB", 2), ("KiB", "kB", 1))


def _bytes(n_bytes: int) -> str:
    return Text(QT_TRANSLATE_NOOP("Core", "{count:,} bytes"), count=n_bytes)


def binary_and_decimal(n_bytes: int) -> str:
    """765.63 MiB (802.82 MB): MiB are 2**20 bytes, MB 10**6; both are in use, so show both."""
    for binary, decimal, power in _UNITS:
        if n_bytes >= 1024**power:
            return f"{n_bytes / 1024**power:,.2f} {binary} ({n_bytes / 1000**power:,.2f} {decimal})"
    return _bytes(n_bytes)


def short_count(n: int) -> str:
    """3,857,973,248 -> "3.86 G": three significant digits, rounded half up in integers."""
    digits = len(str(n))
    if digits > 3:
        factor = 10 ** (digits - 3)
        n = (n + factor // 2) // factor * factor
        digits = len(str(n))
    power = min((digits - 1) // 3, len(_SUFFIXES) - 1)
    decimals = max(0, 2 - (digits - 1 - 3 * power)) if power else 0
    return f"{n / 1000**power:.{decimals}f} {_SUFFIXES[power]}".rstrip()


def short_bytes(n_bytes: int) -> str:
    """765.6 MiB: binary units only, one decimal, for a short line (the full figure is
    ``binary_and_decimal``)."""
    for binary, _, power in _UNITS:
        if n_bytes >= 1024**power:
            return f"{n_bytes / 1024**power:,.1f} {binary}"
    return _bytes(n_bytes)


def axis_number(value: float) -> str:
    """A chart axis's tick: 25,600,000 -> "25.6 M", 2.5e9 -> "2.5 G", 0.5 -> "0.5"; never
    e-notation. Up to three significant digits, trailing zeros dropped."""
    magnitude = abs(value)
    power = 0
    while power < len(_SUFFIXES) - 1 and magnitude >= 1000 ** (power + 1) * 0.9995:
        power += 1
    scaled = value / 1000**power
    text = f"{scaled:.3g}"
    if "e" in text:  # below 0.001: not on these charts' axes, but never e-notation
        text = f"{scaled:.6f}".rstrip("0").rstrip(".")
    return f"{text} {_SUFFIXES[power]}".rstrip()


BYTES_PER_ACTIVATION = 4  # activations are counted as float32


def activation_bytes(elements: int, batch: int = 1) -> int:
    """The memory of ``elements`` activations per sample, for ``batch`` samples, at float32."""
    return elements * BYTES_PER_ACTIVATION * batch
