"""Parameter specs parse CLI text and typed GUI values alike, and say what is allowed."""

from __future__ import annotations

import pytest

from explorer.core.base.errors import ParameterError
from explorer.core.params.specs import (
    BoolParam,
    ChoiceParam,
    FloatParam,
    IntParam,
    ShapeParam,
    find_param,
)
from explorer.core.params.values import format_value, parse_assignments, resolve

SHAPE = ShapeParam("input_shape", (224, 224, 3), "input", min_size=32)


def test_int_param() -> None:
    spec = IntParam("filters", 16, 1, 4096, "help")
    assert spec.coerce("32") == 32
    assert spec.coerce(" 1_024 ") == 1024
    assert spec.coerce(7) == 7
    for bad in ("", "1e3", "3.0", True, 2.0, None):
        with pytest.raises(
            ParameterError, match=r"^filters: .* is not an integer from 1 to 4,096$"
        ):
            spec.coerce(bad)
    with pytest.raises(ParameterError, match=r"^filters: 5000 is out of range"):
        spec.coerce(5000)


def test_float_choice_bool_params() -> None:
    rate = FloatParam("rate", 0.5, 0.0, 1.0, "help")
    assert rate.coerce("0.25") == 0.25
    with pytest.raises(ParameterError, match=r"^rate: 1.5 is out of range: expected a number"):
        rate.coerce(1.5)
    api = ChoiceParam("api", "a", ("a", "b"), "help")
    assert api.coerce(" B ") == "b"
    assert BoolParam("bias", True, "help").coerce("off") is False
    with pytest.raises(ParameterError, match=r"^bias: 'maybe' is not true or false$"):
        BoolParam("bias", True, "help").coerce("maybe")


def test_shape_param() -> None:
    assert SHAPE.coerce("64x48x1") == (64, 48, 1)
    assert SHAPE.coerce("(64, 48, 1)") == (64, 48, 1)
    assert SHAPE.coerce("64×48×1") == (64, 48, 1)
    assert SHAPE.coerce([64, 48, 1]) == (64, 48, 1)
    for bad in ("224x224", "224x224x3x1", "axbxc", "-1x2x3", (224, 224), (224.0, 224, 3)):
        with pytest.raises(ParameterError, match=r"is not a valid shape: expected 3 integers"):
            SHAPE.coerce(bad)
    with pytest.raises(ParameterError, match=r"^input_shape: 31x64x3 is out of range"):
        SHAPE.coerce("31x64x3")
    with pytest.raises(ParameterError, match=r"channels from 1 to 4,096$"):
        SHAPE.coerce("64x64x0")


def test_resolve_and_assignments() -> None:
    specs = (SHAPE, IntParam("classes", 1000, 1, 10, "help"))
    assert resolve(specs, {"classes": "3"}, owner="x") == {
        "input_shape": (224, 224, 3),
        "classes": 3,
    }
    assert parse_assignments(["a=1", " b = 2x2x3 "], source="--set") == {"a": "1", "b": "2x2x3"}
    with pytest.raises(ParameterError, match=r"^--set: 'a' is not NAME=VALUE$"):
        parse_assignments(["a"], source="--set")
    assert format_value((1, 2, 3)) == "1x2x3"
    assert format_value(True) == "true"


def test_find_param_is_the_one_lookup_by_name() -> None:
    from explorer.core.sources.catalog import get
    from explorer.core.sources.designs.kinds import kind_of

    resnet = get("resnet50")
    assert find_param(resnet.params, "classes") is resnet.param("classes") is resnet.params[1]
    assert kind_of("Dense").param("units").default == 10
    with pytest.raises(KeyError):
        resnet.param("colour")
    with pytest.raises(KeyError):
        kind_of("Dense").param("filters")
