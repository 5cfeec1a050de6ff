"""Designs: a stack of layers the user puts together, edited by pure operations.

A :class:`Design` is immutable; every edit returns a new one, so undo and redo keep snapshots.
Each layer's arguments are complete and validated by its kind's specs (``kinds``), and
every Keras layer name in a design is unique. Whether the layers fit together is not enforced:
:func:`shapes.check` says, layer by layer, and :func:`keras_build.build_design` leaves out the
layers that do not fit.
"""

from __future__ import annotations

import keyword
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from explorer.core.base.errors import SHOWN_LIMIT, ExplorerError, ParameterError, shown
from explorer.core.base.reading import LAYER_LIMIT
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.params.specs import Value
from explorer.core.params.values import resolve
from explorer.core.sources.designs.kinds import KINDS, block_names, kind_of

__all__ = [
    "MAX_LAYERS",
    "Design",
    "DesignError",
    "DesignLayer",
    "input_layer",
    "layer_kinds",
    "layer_label",
    "new_layer",
    "repeated_name",
]


class DesignError(ExplorerError):
    """A design that cannot be turned into a model or into code."""


BLOCK_LAYERS = 13  # the most Keras layers a ResidualBlock becomes (bottleneck, projection)
MAX_LAYERS = LAYER_LIMIT  # a design file of more is refused with this number, before Keras builds


def layer_label(kind: str, name: str) -> str:
    """``Conv2D conv1``: a layer as messages name it. A kind or name read from a file may be
    long or hold control characters: it is then shown as ``shown`` shows any echoed input."""
    return " ".join(
        part if len(part) <= SHOWN_LIMIT and part.isprintable() else shown(part)
        for part in (kind, name)
    )


# Keras's own names are far shorter (conv5_block3_3_conv: 18 characters). Exported code writes a
# name several times (a block's in each of its layers): a name of megabytes made hundreds of
# megabytes of Python.
MAX_NAME_LENGTH = 100


def _check_name(name: str) -> None:
    if not name.isidentifier() or keyword.iskeyword(name):
        raise ParameterError(
            "name",
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
            "name",
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
    layers that build the same thing compare equal.
    """

    kind: str
    name: str
    args: tuple[tuple[str, Any], ...] = ()  # as given; __post_init__ makes each a Value

    def __post_init__(self) -> None:
        spec = kind_of(self.kind)
        _check_name(self.name)
        given = dict(self.args)
        for name in given:
            if name not in {p.name for p in spec.params}:
                known = ", ".join(p.name for p in spec.params) or "none"
                raise ParameterError(
                    name,
                    Text(
                        QT_TRANSLATE_NOOP("Core", "unknown argument of {layer} (known: {known})"),
                        layer=layer_label(self.kind, self.name),
                        known=known,
                    ),
                )
        values = resolve(spec.params, given, owner=layer_label(self.kind, self.name))
        object.__setattr__(self, "args", tuple(values.items()))

    @property
    def values(self) -> dict[str, Any]:
        """Each argument's value, of its spec's type: which type (int, str, a shape...) depends
        on the argument's name, so it reads as Any."""
        return dict(self.args)

    def keras_names(self) -> tuple[str, ...]:
        """The names of the Keras layers this layer becomes (a ResidualBlock, several)."""
        return block_names(self.name) if self.kind == "ResidualBlock" else (self.name,)


@dataclass(frozen=True)
class Design:
    name: str
    layers: tuple[DesignLayer, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.name.strip() or "/" in self.name or not self.name.isprintable():
            raise ParameterError(
                "name",
                Text(
                    QT_TRANSLATE_NOOP(
                        "Core", "{name} is not a usable design name: one line, no '/'"
                    ),
                    name=shown(self.name),
                ),
            )
        if len(self.name) > MAX_NAME_LENGTH:  # it becomes a class name and a title in code
            raise ParameterError(
                "name",
                Text(
                    QT_TRANSLATE_NOOP(
                        "Core", "{name} is not a usable design name: at most {limit} characters"
                    ),
                    name=shown(self.name),
                    limit=MAX_NAME_LENGTH,
                ),
            )
        if len(self.layers) > MAX_LAYERS:
            raise ParameterError(
                "layers",
                Text(
                    QT_TRANSLATE_NOOP(
                        "Core", "a design has at most {limit:,} layers; this one has {count:,}"
                    ),
                    limit=MAX_LAYERS,
                    count=len(self.layers),
                ),
            )
        blocks = sum(layer.kind == "ResidualBlock" for layer in self.layers)
        expanded = len(self.layers) + (BLOCK_LAYERS - 1) * blocks
        if expanded > MAX_LAYERS:  # 4,999 blocks were 65,000 Keras layers: a 49 s build
            raise ParameterError(
                "layers",
                Text(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "a design has at most {limit:,} layers, a ResidualBlock counting as the "
                        "{each} it may become; this one has {count:,}",
                    ),
                    limit=MAX_LAYERS,
                    each=BLOCK_LAYERS,
                    count=expanded,
                ),
            )
        repeated = repeated_name(self.layers)
        if repeated is not None:
            raise repeated[1]

    def index(self, name: str) -> int:
        for position, layer in enumerate(self.layers):
            if layer.name == name:
                return position
        raise KeyError(name)

    def _with(self, layers: list[DesignLayer]) -> Design:
        return replace(self, layers=tuple(layers))

    def _position(self, index: int, *, end: bool = False) -> int:
        last = len(self.layers) if end else len(self.layers) - 1
        if not 0 <= index <= last:
            raise ParameterError(
                "index",
                Text(
                    QT_TRANSLATE_NOOP("Core", "{index} is not a layer position from 0 to {last}"),
                    index=index,
                    last=last,
                ),
            )
        return index

    def insert(self, index: int, layer: DesignLayer) -> Design:
        layers = list(self.layers)
        layers.insert(self._position(index, end=True), layer)
        return self._with(layers)

    def append(self, layer: DesignLayer) -> Design:
        return self.insert(len(self.layers), layer)

    def remove(self, index: int) -> Design:
        layers = list(self.layers)
        del layers[self._position(index)]
        return self._with(layers)

    def move(self, source: int, destination: int) -> Design:
        """The layer at ``source`` ends up at position ``destination``."""
        layers = list(self.layers)
        layer = layers.pop(self._position(source))
        layers.insert(self._position(destination), layer)
        return self._with(layers)

    def replace(self, index: int, layer: DesignLayer) -> Design:
        layers = list(self.layers)
        layers[self._position(index)] = layer
        return self._with(layers)

    def with_args(
        self, index: int, args: Mapping[str, object] | None = None, **more: object
    ) -> Design:
        """Change some arguments of one layer; values are checked by the kind's specs."""
        layer = self.layers[self._position(index)]
        changed = {**layer.values, **(args or {}), **more}
        return self.replace(index, DesignLayer(layer.kind, layer.name, tuple(changed.items())))

    def rename(self, index: int, name: str) -> Design:
        layer = self.layers[self._position(index)]
        return self.replace(index, replace(layer, name=name.strip()))

    def renamed(self, name: str) -> Design:
        return replace(self, name=name.strip())

    def unique_name(self, kind: str) -> str:
        """Keras's automatic naming: ``conv2d``, then ``conv2d_1``, ``conv2d_2``, ..."""
        base = kind_of(kind).default_name
        taken = {n for layer in self.layers for n in layer.keras_names()}
        # Blocks count from 1 (block1, block2): their layers read block2_1_conv, not block_1_1_conv.
        counter = int(kind == "ResidualBlock")
        candidate = f"{base}{counter}" if counter else base
        while not taken.isdisjoint(DesignLayer(kind, candidate).keras_names()):
            counter += 1
            candidate = f"{base}{counter}" if kind == "ResidualBlock" else f"{base}_{counter}"
        return candidate


def repeated_name(layers: tuple[DesignLayer, ...]) -> tuple[int, ParameterError] | None:
    """The position of the first layer that reuses a Keras name of an earlier one, with the
    refusal that says so; one pass, so a long design is checked in linear time."""
    seen: dict[str, str] = {}
    for position, layer in enumerate(layers):
        for keras_name in layer.keras_names():
            if keras_name in seen:
                return position, ParameterError(
                    "name",
                    Text(
                        QT_TRANSLATE_NOOP(
                            "Core",
                            "{name} is already used by layer {layer}: layer names must be unique",
                        ),
                        name=shown(keras_name),
                        layer=shown(seen[keras_name]),
                    ),
                )
            seen[keras_name] = layer.name
    return None


def new_layer(design: Design, kind: str, **args: object) -> DesignLayer:
    """A layer of ``kind`` with a name not yet used in ``design`` (not inserted)."""
    return DesignLayer(kind, design.unique_name(kind), tuple(args.items()))


def input_layer(shape: Value) -> DesignLayer:
    """The Input a design starts with, under Keras's own name for it."""
    return DesignLayer("Input", kind_of("Input").default_name, (("shape", shape),))


def layer_kinds() -> tuple[str, ...]:
    """Every kind a design can hold, in the palette's order."""
    return tuple(KINDS)
