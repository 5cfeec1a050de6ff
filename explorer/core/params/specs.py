"""Typed parameter specs: one description drives validation, the CLI parser and the GUI form."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from explorer.core.base.errors import ParameterError
from explorer.core.base.shapes import FixedShape, format_shape

Value = int | float | str | bool | FixedShape
_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


def _number(n: float) -> str:
    return f"{n:,}"


@dataclass(frozen=True)
class IntParam:
    name: str
    default: int
    minimum: int
    maximum: int
    help: str
    label: str = ""  # shown instead of the name; empty: the name made readable
    zero_text: str = ""  # what 0 means, shown in place of it ("same as the pool size")
    kind = "int"

    def allowed(self) -> str:
        return f"an integer from {_number(self.minimum)} to {_number(self.maximum)}"

    def coerce(self, value: object) -> int:
        if isinstance(value, str):
            text = value.strip().replace("_", "")
            if not re.fullmatch(r"[+-]?\d+", text):
                raise ParameterError(self.name, f"{value!r} is not {self.allowed()}")
            value = int(text)
        if isinstance(value, bool) or not isinstance(value, int):
            raise ParameterError(self.name, f"{value!r} is not {self.allowed()}")
        if not self.minimum <= value <= self.maximum:
            raise ParameterError(self.name, f"{value} is out of range: expected {self.allowed()}")
        return value


@dataclass(frozen=True)
class FloatParam:
    name: str
    default: float
    minimum: float
    maximum: float
    help: str
    label: str = ""  # shown instead of the name; empty: the name made readable
    kind = "float"

    def allowed(self) -> str:
        return f"a number from {self.minimum:g} to {self.maximum:g}"

    def coerce(self, value: object) -> float:
        if isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                raise ParameterError(self.name, f"{value!r} is not {self.allowed()}") from None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ParameterError(self.name, f"{value!r} is not {self.allowed()}")
        if not self.minimum <= value <= self.maximum:
            raise ParameterError(self.name, f"{value:g} is out of range: expected {self.allowed()}")
        return float(value)


@dataclass(frozen=True)
class ChoiceParam:
    name: str
    default: str
    choices: tuple[str, ...]
    help: str
    label: str = ""  # shown instead of the name; empty: the name made readable
    kind = "choice"

    def allowed(self) -> str:
        return "one of " + ", ".join(self.choices)

    def coerce(self, value: object) -> str:
        if not isinstance(value, str) or value.strip().lower() not in self.choices:
            raise ParameterError(self.name, f"{value!r} is not {self.allowed()}")
        return value.strip().lower()


@dataclass(frozen=True)
class BoolParam:
    name: str
    default: bool
    help: str
    label: str = ""  # shown instead of the name; empty: the name made readable
    kind = "bool"

    def allowed(self) -> str:
        return "true or false"

    def coerce(self, value: object) -> bool:
        if isinstance(value, str):
            text = value.strip().lower()
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
        if isinstance(value, bool):
            return value
        raise ParameterError(self.name, f"{value!r} is not {self.allowed()}")


@dataclass(frozen=True)
class ShapeParam:
    """An input shape without the batch axis, written ``224x224x3`` (height x width x channels)."""

    name: str
    default: FixedShape
    help: str
    min_size: int = 1
    max_size: int = 8192
    max_channels: int = 4096
    label: str = ""
    min_reason: str = ""  # why the sides cannot be smaller than min_size
    min_note: str = ""  # a larger minimum elsewhere, e.g. "193 with variant=tutorial"
    kind = "shape"

    @property
    def rank(self) -> int:
        return len(self.default)

    def allowed(self) -> str:
        example = format_shape(self.default)
        return (
            f"{self.rank} positive integers written like {example}, each side from "
            f"{_number(self.min_size)}{f' ({self.min_note})' if self.min_note else ''} to "
            f"{_number(self.max_size)}, channels from 1 to {_number(self.max_channels)}"
        )

    def coerce(self, value: object) -> FixedShape:
        if isinstance(value, str):
            parts = re.split(r"\s*[x×,]\s*", value.strip().strip("()[]").lower())
            if len(parts) != self.rank or not all(re.fullmatch(r"\d+", p) for p in parts):
                raise ParameterError(
                    self.name,
                    f"{value!r} is not a valid shape: expected {self.rank} integers "
                    f"written like {format_shape(self.default)}",
                )
            value = tuple(int(p) for p in parts)
        if (
            not isinstance(value, (tuple, list))
            or len(value) != self.rank
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        ):
            raise ParameterError(
                self.name,
                f"{value!r} is not a valid shape: expected {self.rank} integers "
                f"written like {format_shape(self.default)}",
            )
        shape = tuple(value)
        *sides, channels = shape
        if self.min_reason and min(sides) < self.min_size and max(sides) <= self.max_size:
            raise ParameterError(
                self.name,
                f"{format_shape(shape)} is too small: {self.min_reason}, so "
                f"{'height and width' if len(sides) == 2 else 'each side'} must be at least "
                f"{_number(self.min_size)}",
            )
        if any(not self.min_size <= s <= self.max_size for s in sides) or not (
            1 <= channels <= self.max_channels
        ):
            raise ParameterError(
                self.name, f"{format_shape(shape)} is out of range: expected {self.allowed()}"
            )
        return shape


Param = IntParam | FloatParam | ChoiceParam | BoolParam | ShapeParam


def find_param(specs: Iterable[Param], name: str) -> Param:
    """The spec called ``name``; KeyError if there is none."""
    for spec in specs:
        if spec.name == name:
            return spec
    raise KeyError(name)


def unknown_param(specs: Iterable[Param], name: str, owner: str) -> ParameterError:
    """The error for a parameter ``owner`` does not have, listing those it has."""
    known = ", ".join(spec.name for spec in specs) or "none"
    return ParameterError(name, f"unknown parameter for {owner} (known: {known})")


def label_of(spec: Param) -> str:
    """What a form calls the parameter: ``input_shape`` -> "Input shape"."""
    return spec.label or spec.name.replace("_", " ").strip().capitalize()
