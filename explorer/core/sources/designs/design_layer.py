"""One layer of a design: its kind, name, complete arguments, and where it sits in the graph."""

from __future__ import annotations

import keyword
from dataclasses import dataclass
from math import isfinite
from typing import Any

from explorer.core.base.errors import SHOWN_LIMIT, ParameterError, shown
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.params.values import resolve
from explorer.core.sources.designs.kinds import block_names, kind_of

__all__ = ["MAX_NAME_LENGTH", "DesignLayer", "check_name", "layer_label"]


def layer_label(kind: str, name: str) -> str:
    """``Conv2D conv1``: a layer as messages name it. A kind or name read from a file may be
    long or hold control characters: it is then shown as ``shown`` shows any echoed input."""
    return " ".join(
        part if len(part) <= SHOWN_LIMIT and part.isprintable() else shown(part)
        for part in (kind, name)
    )


NO_INPUT = QT_TRANSLATE_NOOP("Core", "an Input takes no input")

# Keras's own names are far shorter (conv5_block3_3_conv: 18 characters). Exported code writes a
# name several times (a block's in each of its layers): a name of megabytes made hundreds of
# megabytes of Python.
MAX_NAME_LENGTH = 100


def check_name(name: str, param: str = "name") -> None:
    """Refuses a name that cannot be a Keras layer name and a Python identifier in code."""
    if not name.isidentifier() or keyword.iskeyword(name):
        raise ParameterError(
            param,
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{name} is not a usable layer name: use letters, digits and _, "
                    "not starting with a digit",
                ),
                name=shown(name),
            ),
        )
    if len(name) > MAX_NAME_LENGTH:
        raise ParameterError(
            param,
            Text(
                QT_TRANSLATE_NOOP(
                    "Core", "{name} is not a usable layer name: at most {limit} characters"
                ),
                name=shown(name),
                limit=MAX_NAME_LENGTH,
            ),
        )


@dataclass(frozen=True)
class DesignLayer:
    """One layer: its kind (``Conv2D``), its unique name and every argument, in spec order.

    Arguments given as text or left out are coerced or filled in with the defaults, so two
    layers that build the same thing compare equal. ``inputs`` names the layers it takes, in
    order; None takes the previous layer of the list (a chain, as in a version 1 file), and an
    Input always takes none (``()``). ``position`` is where the user put it on the canvas (None:
    laid out), ``group`` the named block it belongs to (folded as one box).
    """

    kind: str
    name: str
    args: tuple[tuple[str, Any], ...] = ()  # as given; __post_init__ makes each a Value
    inputs: tuple[str, ...] | None = None
    position: tuple[float, float] | None = None
    group: str | None = None

    def __post_init__(self) -> None:
        spec = kind_of(self.kind)
        check_name(self.name)
        label = layer_label(self.kind, self.name)
        given = dict(self.args)
        for name in given:
            if name not in {p.name for p in spec.params}:
                known = ", ".join(p.name for p in spec.params) or "none"
                raise ParameterError(
                    name,
                    Text(
                        QT_TRANSLATE_NOOP("Core", "unknown argument of {layer} (known: {known})"),
                        layer=label,
                        known=known,
                    ),
                )
        values = resolve(spec.params, given, owner=label)
        object.__setattr__(self, "args", tuple(values.items()))
        object.__setattr__(self, "inputs", self._checked_inputs())
        object.__setattr__(self, "position", self._checked_position())
        if self.group is not None:
            check_name(str(self.group), "group")

    def _checked_inputs(self) -> tuple[str, ...] | None:
        inputs: object = self.inputs  # as given: a file's list, or anything
        if inputs is None:
            return () if self.kind == "Input" else None
        if not isinstance(inputs, (tuple, list)) or not all(isinstance(n, str) for n in inputs):
            raise ParameterError(
                "inputs",
                QT_TRANSLATE_NOOP("Core", "must be a list of layer names"),
            )
        if inputs and self.kind == "Input":
            raise ParameterError("inputs", NO_INPUT)
        return tuple(inputs)

    def _checked_position(self) -> tuple[float, float] | None:
        position: object = self.position  # as given
        if position is None:
            return None
        numbers = tuple(position) if isinstance(position, (tuple, list)) else ()
        if len(numbers) != 2 or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) and isfinite(v) for v in numbers
        ):
            raise ParameterError(
                "position",
                QT_TRANSLATE_NOOP("Core", "must be two finite numbers [x, y]"),
            )
        return (float(numbers[0]), float(numbers[1]))

    @property
    def label(self) -> str:
        return layer_label(self.kind, self.name)

    @property
    def values(self) -> dict[str, Any]:
        """Each argument's value, of its spec's type: which type (int, str, a shape...) depends
        on the argument's name, so it reads as Any."""
        return dict(self.args)

    def keras_names(self) -> tuple[str, ...]:
        """The names of the Keras layers this layer becomes (a ResidualBlock, several)."""
        return block_names(self.name) if self.kind == "ResidualBlock" else (self.name,)
