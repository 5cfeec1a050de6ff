"""Typed parameter specs: one description drives validation, the CLI parser and the GUI form."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from explorer.core.base.errors import SHOWN_LIMIT, ParameterError, shown
from explorer.core.base.shapes import FixedShape, format_shape
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text

Value = int | float | str | bool | FixedShape
_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


def _not_allowed(value: object, allowed: str) -> Text:
    return Text(
        QT_TRANSLATE_NOOP("Core", "{value} is not {allowed}"), value=shown(value), allowed=allowed
    )


def _out_of_range(value: str, allowed: str) -> Text:
    return Text(
        QT_TRANSLATE_NOOP("Core", "{value} is out of range: expected {allowed}"),
        value=value,
        allowed=allowed,
    )


def _integer(text: str, *bounds: int) -> int | None:
    """The integer written ``text`` (digits after a sign), or None when it has more digits than
    any of ``bounds``: ``int()`` refuses more than 4,300 digits, leading zeros included, and is
    slow long before."""
    digits = text.lstrip("+-").lstrip("0") or "0"
    if len(digits) > max(len(str(abs(bound))) for bound in bounds):
        return None
    return -int(digits) if text.startswith("-") else int(digits)


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
        return Text(
            QT_TRANSLATE_NOOP("Core", "an integer from {low:,} to {high:,}"),
            low=self.minimum,
            high=self.maximum,
        )

    def coerce(self, value: object) -> int:
        if isinstance(value, str):
            text = value.strip().replace("_", "")
            if not re.fullmatch(r"[+-]?\d+", text):
                raise ParameterError(self.name, _not_allowed(value, self.allowed()))
            number = _integer(text, self.minimum, self.maximum)
            if number is None:
                raise ParameterError(self.name, _out_of_range(shown(value), self.allowed()))
            value = number
        if isinstance(value, bool) or not isinstance(value, int):
            raise ParameterError(self.name, _not_allowed(value, self.allowed()))
        if not self.minimum <= value <= self.maximum:
            raise ParameterError(self.name, _out_of_range(shown(value), self.allowed()))
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
        return Text(
            QT_TRANSLATE_NOOP("Core", "a number from {low:g} to {high:g}"),
            low=self.minimum,
            high=self.maximum,
        )

    def coerce(self, value: object) -> float:
        if isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                raise ParameterError(self.name, _not_allowed(value, self.allowed())) from None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ParameterError(self.name, _not_allowed(value, self.allowed()))
        if not self.minimum <= value <= self.maximum:
            # An int (from a design's JSON) may be too large for a float, so it is shown as is.
            text = f"{value:g}" if isinstance(value, float) else shown(value)
            raise ParameterError(self.name, _out_of_range(text, self.allowed()))
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
        return Text(QT_TRANSLATE_NOOP("Core", "one of {choices}"), choices=", ".join(self.choices))

    def coerce(self, value: object) -> str:
        if not isinstance(value, str) or value.strip().lower() not in self.choices:
            raise ParameterError(self.name, _not_allowed(value, self.allowed()))
        return value.strip().lower()


@dataclass(frozen=True)
class BoolParam:
    name: str
    default: bool
    help: str
    label: str = ""  # shown instead of the name; empty: the name made readable
    kind = "bool"

    def allowed(self) -> str:
        return QT_TRANSLATE_NOOP("Core", "true or false")

    def coerce(self, value: object) -> bool:
        if isinstance(value, str):
            text = value.strip().lower()
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
        if isinstance(value, bool):
            return value
        raise ParameterError(self.name, _not_allowed(value, self.allowed()))


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
    # Also a sequence: steps x features (``100x16``) or steps alone (``100``: token ids, or a
    # vector); a design's Input takes them. Steps are sides, features channels.
    sequence: bool = False
    kind = "shape"

    @property
    def rank(self) -> int:
        return len(self.default)

    @property
    def ranks(self) -> tuple[int, ...]:
        """The numbers of sizes a value may have: the default's, and 2 and 1 for a sequence."""
        return (self.rank, 2, 1) if self.sequence else (self.rank,)

    def allowed(self) -> str:
        if self.sequence:
            return Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "an image written like {example}, a sequence of steps x features like "
                    "100x16, or steps alone like 100 (token ids); sides and steps from {low:,} "
                    "to {high:,}, channels and features from 1 to {channels:,}",
                ),
                example=format_shape(self.default),
                low=self.min_size,
                high=self.max_size,
                channels=self.max_channels,
            )
        template = (
            QT_TRANSLATE_NOOP(
                "Core",
                "{rank} positive integers written like {example}, each side from {low:,} "
                "({note}) to {high:,}, channels from 1 to {channels:,}",
            )
            if self.min_note
            else QT_TRANSLATE_NOOP(
                "Core",
                "{rank} positive integers written like {example}, each side from {low:,} "
                "to {high:,}, channels from 1 to {channels:,}",
            )
        )
        return Text(
            template,
            rank=self.rank,
            example=format_shape(self.default),
            low=self.min_size,
            note=self.min_note,
            high=self.max_size,
            channels=self.max_channels,
        )

    def _not_a_shape(self, value: object) -> ParameterError:
        if self.sequence:
            return ParameterError(
                self.name,
                Text(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "{value} is not a valid shape: expected an image like {example}, a "
                        "sequence like 100x16 or token ids like 100",
                    ),
                    value=shown(value),
                    example=format_shape(self.default),
                ),
            )
        return ParameterError(
            self.name,
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{value} is not a valid shape: expected {rank} integers written like {example}",
                ),
                value=shown(value),
                rank=self.rank,
                example=format_shape(self.default),
            ),
        )

    def coerce(self, value: object) -> FixedShape:
        if isinstance(value, str):
            # Split, then strip: "\s*[x×,]\s*" as one pattern takes quadratic time on long runs
            # of spaces.
            parts = [p.strip() for p in re.split("[x×,]", value.strip().strip("()[]").lower())]
            if len(parts) not in self.ranks or not all(re.fullmatch(r"\d+", p) for p in parts):
                raise self._not_a_shape(value)
            sizes = [_integer(p, self.max_size, self.max_channels) for p in parts]
            if None in sizes:
                raise ParameterError(self.name, _out_of_range(shown(value), self.allowed()))
            value = tuple(sizes)
        if (
            not isinstance(value, (tuple, list))
            or len(value) not in self.ranks
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        ):
            raise self._not_a_shape(value)
        shape = tuple(value)
        *sides, channels = shape if len(shape) > 1 else (*shape, 1)  # steps alone: no channels
        written = format_shape(shape)  # a design's JSON may give sides of thousands of digits
        written = written if len(written) <= SHOWN_LIMIT else shown(written)
        if self.min_reason and min(sides) < self.min_size and max(sides) <= self.max_size:
            template = (
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{shape} is too small: {reason}, so height and width must be at least {low:,}",
                )
                if len(sides) == 2
                else QT_TRANSLATE_NOOP(
                    "Core", "{shape} is too small: {reason}, so each side must be at least {low:,}"
                )
            )
            raise ParameterError(
                self.name,
                Text(template, shape=written, reason=self.min_reason, low=self.min_size),
            )
        if any(not self.min_size <= s <= self.max_size for s in sides) or not (
            1 <= channels <= self.max_channels
        ):
            raise ParameterError(self.name, _out_of_range(written, self.allowed()))
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
    return ParameterError(
        name,
        Text(
            QT_TRANSLATE_NOOP("Core", "unknown parameter for {owner} (known: {known})"),
            owner=owner,
            known=known,
        ),
    )


def label_of(spec: Param) -> str:
    """What a form calls the parameter: ``input_shape`` -> "Input shape"."""
    return spec.label or spec.name.replace("_", " ").strip().capitalize()


# What ``label_of`` makes of the parameter names of the catalog and of the layer kinds, marked
# for translation here (lupdate reads only literals): the window shows translated(label_of(spec)).
READABLE_NAMES = (
    QT_TRANSLATE_NOOP("Core", "Activation"),
    QT_TRANSLATE_NOOP("Core", "Api"),
    QT_TRANSLATE_NOOP("Core", "Block"),
    QT_TRANSLATE_NOOP("Core", "Classes"),
    QT_TRANSLATE_NOOP("Core", "Depth"),
    QT_TRANSLATE_NOOP("Core", "Depth multiplier"),
    QT_TRANSLATE_NOOP("Core", "Epsilon"),
    QT_TRANSLATE_NOOP("Core", "Filters"),
    QT_TRANSLATE_NOOP("Core", "Heads"),
    QT_TRANSLATE_NOOP("Core", "Hidden"),
    QT_TRANSLATE_NOOP("Core", "Input shape"),
    QT_TRANSLATE_NOOP("Core", "Intermediate"),
    QT_TRANSLATE_NOOP("Core", "Kernel size"),
    QT_TRANSLATE_NOOP("Core", "Layers"),
    QT_TRANSLATE_NOOP("Core", "Max positions"),
    QT_TRANSLATE_NOOP("Core", "MLP dim"),
    QT_TRANSLATE_NOOP("Core", "Padding"),
    QT_TRANSLATE_NOOP("Core", "Patch size"),
    QT_TRANSLATE_NOOP("Core", "Pool size"),
    QT_TRANSLATE_NOOP("Core", "Rate"),
    QT_TRANSLATE_NOOP("Core", "Sequence length"),
    QT_TRANSLATE_NOOP("Core", "Shape"),
    QT_TRANSLATE_NOOP("Core", "Strides"),
    QT_TRANSLATE_NOOP("Core", "Style"),
    QT_TRANSLATE_NOOP("Core", "Units"),
    QT_TRANSLATE_NOOP("Core", "Use bias"),
    QT_TRANSLATE_NOOP("Core", "Variant"),
    QT_TRANSLATE_NOOP("Core", "Vocab size"),
    QT_TRANSLATE_NOOP("Core", "Width"),
)
