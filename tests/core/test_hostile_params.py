"""Hostile parameter text: huge numbers, control characters, pasted files, names given twice.

Every case ends as one ParameterError line in our words, with what was given echoed escaped and
cut (``shown``); nothing reaches ``int()`` with thousands of digits or a quadratic regex.
"""

from __future__ import annotations

import time

import pytest

from explorer.core.base.errors import ParameterError, one_line, shown
from explorer.core.params.specs import FloatParam, IntParam, ShapeParam
from explorer.core.params.values import parse_assignments
from explorer.core.sources.lookup import parse_reference

CLASSES = IntParam("classes", 1000, 1, 100_000, "")
RATE = FloatParam("rate", 0.5, 0.0, 1.0, "")
SHAPE = ShapeParam("input_shape", (224, 224, 3), "")
NINES = "9" * 5000
SHAPE_ALLOWED = (
    "3 positive integers written like 224x224x3, each side from 1 to 8,192, "
    "channels from 1 to 4,096"
)


def test_shown_is_the_repr_of_short_values() -> None:
    assert shown("ten") == "'ten'"
    assert shown("a\nb\x1b[2J\u202e") == "'a\\nb\\x1b[2J\\u202e'"
    assert shown("网络") == "'网络'"
    assert shown(2.5) == "2.5"
    assert shown([1, "x"]) == "[1, 'x']"


def test_shown_cuts_long_values_in_the_middle_and_says_how_long() -> None:
    text = "a" * 50 + "\n" + "b" * 99_949
    assert shown(text) == "'" + "a" * 39 + "…" + "b" * 20 + "' (100,000 characters)"
    assert shown("x" * 60) == "'" + "x" * 60 + "'"  # the limit itself is not cut
    assert shown(list(range(100))) == (
        "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, … 95, 96, 97, 98, 99] (390 characters)"
    )


def test_one_line_escapes_what_is_not_printable_and_keeps_the_rest() -> None:
    assert one_line("classes: 'ten' × 网") == "classes: 'ten' × 网"
    assert one_line("a\nb\r\tc\x00\x1b[31m\u2028\ud800") == (
        "a\\nb\\r\\tc\\x00\\x1b[31m\\u2028\\ud800"
    )


def message(spec: IntParam | FloatParam | ShapeParam, value: object) -> str:
    with pytest.raises(ParameterError) as caught:
        spec.coerce(value)
    return str(caught.value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            NINES,
            "classes: '" + "9" * 39 + "…" + "9" * 20 + "' (5,000 characters) is out of range: "
            "expected an integer from 1 to 100,000",
        ),
        (
            "-" + NINES,
            "classes: '-" + "9" * 38 + "…" + "9" * 20 + "' (5,001 characters) is out of range: "
            "expected an integer from 1 to 100,000",
        ),
        ("999999", "classes: 999999 is out of range: expected an integer from 1 to 100,000"),
        ("1e999", "classes: '1e999' is not an integer from 1 to 100,000"),
        ("\x1b[2J", "classes: '\\x1b[2J' is not an integer from 1 to 100,000"),
        (10**4000, None),  # an int from code: shown cut, never str() of 4,000 digits raw
    ],
)
def test_integers_of_any_length_are_refused_in_our_words(value: object, expected: str) -> None:
    text = message(CLASSES, value)
    if expected is None:
        assert (
            text.startswith("classes: 1000000000") and "(4,001 characters) is out of range" in text
        )
    else:
        assert text == expected


def test_leading_zeros_do_not_count_as_digits() -> None:
    assert CLASSES.coerce("0" * 5000 + "7") == 7


def test_floats_of_any_size_are_refused_in_our_words() -> None:
    assert message(RATE, NINES) == "rate: inf is out of range: expected a number from 0 to 1"
    assert message(RATE, 10**400) == (
        "rate: " + "1" + "0" * 38 + "…" + "0" * 20 + " (401 characters) is out of range: "
        "expected a number from 0 to 1"
    )
    assert message(RATE, "nan") == "rate: nan is out of range: expected a number from 0 to 1"


def test_shapes_with_huge_sides_are_out_of_range() -> None:
    assert message(SHAPE, NINES + "x2x3") == (
        "input_shape: '" + "9" * 39 + "…" + "9" * 16 + "x2x3' (5,004 characters) is out of range: "
        "expected " + SHAPE_ALLOWED
    )


def test_long_runs_of_spaces_in_a_shape_take_linear_time() -> None:
    start = time.perf_counter()
    text = "1" + " " * 100_000 + "1"
    assert message(SHAPE, text) == (
        "input_shape: '1" + " " * 38 + "…" + " " * 19 + "1' (100,002 characters) is not a valid "
        "shape: expected 3 integers written like 224x224x3"
    )
    assert SHAPE.coerce(" 1 " + " " * 100_000 + "x 2 x 3") == (1, 2, 3)
    assert time.perf_counter() - start < 1  # one pattern with \s* on both sides took minutes


def test_a_name_given_twice_is_refused() -> None:
    with pytest.raises(ParameterError) as caught:
        parse_assignments(["classes=1", " classes = 2"], source="--set")
    assert str(caught.value) == "classes: given twice, as '1' and as '2'"
    assert caught.value.param == "classes"


def test_a_long_item_without_equals_is_cut() -> None:
    with pytest.raises(ParameterError) as caught:
        parse_assignments(["x" * 1000], source="--set")
    assert (
        str(caught.value)
        == "--set: '" + "x" * 39 + "…" + "x" * 20 + "' (1,000 characters) is not NAME=VALUE"
    )


def test_a_hostile_parameter_name_is_shown_escaped() -> None:
    with pytest.raises(ParameterError) as caught:
        parse_reference("resnet50:\x1b[31m=5")
    assert str(caught.value) == (
        "'\\x1b[31m': unknown parameter for resnet50 (known: input_shape, classes, variant)"
    )
    assert caught.value.param == "\x1b[31m"  # the form still gets the name as it was given


def test_the_whole_reference_as_the_source_is_cut() -> None:
    reference = "simple-cnn:classes=" + NINES + ",oops"
    with pytest.raises(ParameterError) as caught:
        parse_reference(reference)
    assert str(caught.value) == (
        "'simple-cnn:classes=" + "9" * 20 + "…" + "9" * 15 + ",oops' (5,024 characters): "
        "'oops' is not NAME=VALUE"
    )


def test_a_reference_with_a_5000_digit_value_names_the_parameter() -> None:
    with pytest.raises(ParameterError) as caught:
        parse_reference("simple-cnn:filters=" + NINES)
    assert caught.value.param == "filters"
    assert str(caught.value).endswith(
        "(5,000 characters) is out of range: expected an integer from 1 to 4,096"
    )
