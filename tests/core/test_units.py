"""Byte counts and large counts written for people."""

from __future__ import annotations

import pytest

from explorer.core.base.units import (
    activation_bytes,
    axis_number,
    binary_and_decimal,
    short_bytes,
    short_count,
)


def test_units_are_labelled_honestly() -> None:
    assert binary_and_decimal(802_821_792) == "765.63 MiB (802.82 MB)"
    assert binary_and_decimal(3 * 2**30) == "3.00 GiB (3.22 GB)"
    assert binary_and_decimal(2048) == "2.00 KiB (2.05 kB)"
    assert binary_and_decimal(12) == "12 bytes"
    assert binary_and_decimal(5 * 2**40) == "5.00 TiB (5.50 TB)"


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (0, "0"),
        (999, "999"),
        (1_000, "1.00 k"),
        (38_649, "38.6 k"),
        (386_499, "386 k"),
        (999_499, "999 k"),
        (999_500, "1.00 M"),  # rounding moves up a unit instead of showing "1000 k"
        (3_857_973_248, "3.86 G"),
        (1_234_567_890_123, "1.23 T"),
        (5 * 10**15, "5000 T"),
    ],
)
def test_short_count_has_three_significant_digits(count: int, text: str) -> None:
    assert short_count(count) == text


def test_activations_are_counted_as_float32() -> None:
    # resnet152's 78,916,820 activation elements per sample (the CLI prints 301.04 MiB).
    assert activation_bytes(78_916_820) == 315_667_280
    assert activation_bytes(78_916_820, batch=32) == 32 * 315_667_280
    assert binary_and_decimal(activation_bytes(78_916_820)) == "301.04 MiB (315.67 MB)"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (0.5, "0.5"),
        (250, "250"),
        (999, "999"),
        (1000, "1 k"),
        (500_000, "500 k"),
        (2_000_000, "2 M"),
        (25_610_152, "25.6 M"),
        (3.9e9, "3.9 G"),
        (-2.5e7, "-25 M"),
        (1.2e13, "12 T"),
        (0.0001, "0.0001"),
    ],
)
def test_axis_numbers_are_si_never_e_notation(value: float, text: str) -> None:
    assert axis_number(value) == text


def test_short_bytes_are_binary_with_one_decimal() -> None:
    assert short_bytes(102_440_608) == "97.7 MiB"
    assert short_bytes(4_732_119_552) == "4.4 GiB"
    assert short_bytes(512) == "512 bytes"
