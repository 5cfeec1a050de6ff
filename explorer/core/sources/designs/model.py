"""Designs: layers the user puts together and wires, edited by pure operations.

A :class:`Design` is immutable; every edit returns a new one, so undo and redo keep snapshots.
Each layer's arguments are complete and validated by its kind's specs (``kinds``), every Keras
layer name in a design is unique, every input and output names a layer of the design, and the
wiring has no cycle. Whether the layers fit together is not enforced: :func:`shapes.check`
says, layer by layer, and :func:`keras_build.build_design` leaves out the layers that do not fit.
Reading the wiring is ``graph``'s, editing it ``wiring``'s and ``block_edits``'; the edits by
list position (the list designer's) are here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from explorer.core.base.errors import ExplorerError, ParameterError, shown
from explorer.core.base.reading import LAYER_LIMIT
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.params.specs import Value
from explorer.core.sources.designs.block_edits import BlockEdits
from explorer.core.sources.designs.design_layer import MAX_NAME_LENGTH, DesignLayer, layer_label
from explorer.core.sources.designs.kinds import KINDS, kind_of
from explorer.core.sources.designs.wiring import Wiring, renamed

__all__ = [
    "MAX_LAYERS",
    "MAX_NAME_LENGTH",
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


@dataclass(frozen=True)
class Design(Wiring, BlockEdits):
    name: str
    layers: tuple[DesignLayer, ...] = field(default=())
    outputs: tuple[str, ...] | None = None  # None: the last layer

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
        self._check_wiring()

    def _check_wiring(self) -> None:
        for layer in self.layers:
            for source in layer.inputs or ():
                if source not in self._indices:
                    raise ParameterError(
                        layer.label,
                        Text(
                            QT_TRANSLATE_NOOP(
                                "Core", "input {input} is not a layer of this design"
                            ),
                            input=shown(source),
                        ),
                    )
        if self.outputs is not None:
            object.__setattr__(self, "outputs", tuple(self.outputs))
            self._check_outputs(self.outputs)
        cycle = self.cycle()
        if cycle is not None:
            raise ParameterError(
                self.layer(cycle[0]).label,
                Text(
                    QT_TRANSLATE_NOOP("Core", "its inputs make a cycle: {cycle}"),
                    cycle=" → ".join(cycle),
                ),
            )

    def _check_outputs(self, outputs: tuple[str, ...]) -> None:
        if not outputs:
            raise ParameterError(
                "outputs",
                QT_TRANSLATE_NOOP(
                    "Core", "the list of outputs is empty: leave it out for the last layer"
                ),
            )
        given: tuple[object, ...] = outputs  # as given: from a file, anything
        for position, output in enumerate(given):
            if not isinstance(output, str) or output not in self._indices:
                raise ParameterError(
                    "outputs",
                    Text(
                        QT_TRANSLATE_NOOP("Core", "{name} is not a layer of this design"),
                        name=shown(output),
                    ),
                )
            if output in given[:position]:
                raise ParameterError(
                    "outputs",
                    Text(QT_TRANSLATE_NOOP("Core", "{name} is listed twice"), name=shown(output)),
                )

    def _evolve(self, **changes: Any) -> Design:
        return replace(self, **changes)

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
        return self._evolve(layers=tuple(layers))

    def append(self, layer: DesignLayer) -> Design:
        return self.insert(len(self.layers), layer)

    def remove(self, index: int) -> Design:
        return self.remove_layer(self.layers[self._position(index)].name)

    def move(self, source: int, destination: int) -> Design:
        """The layer at ``source`` ends up at position ``destination``."""
        layers = list(self.layers)
        layer = layers.pop(self._position(source))
        layers.insert(self._position(destination), layer)
        return self._evolve(layers=tuple(layers))

    def replace(self, index: int, layer: DesignLayer) -> Design:
        """``layer`` in place of the one at ``index``; a new name is also the one the other
        layers' inputs and the outputs use."""
        layers = list(self.layers)
        old = layers[self._position(index)].name
        layers[index] = layer
        if layer.name == old:
            return self._evolve(layers=tuple(layers))
        renamed_layers, outputs = renamed(tuple(layers), self.outputs, old, layer.name)
        return self._evolve(layers=renamed_layers, outputs=outputs)

    def with_args(
        self, index: int, args: Mapping[str, object] | None = None, **more: object
    ) -> Design:
        """Change some arguments of one layer; values are checked by the kind's specs."""
        layer = self.layers[self._position(index)]
        changed = {**layer.values, **(args or {}), **more}
        return self.replace(index, replace(layer, args=tuple(changed.items())))

    def rename(self, index: int, name: str) -> Design:
        layer = self.layers[self._position(index)]
        return self.replace(index, replace(layer, name=name.strip()))

    def renamed(self, name: str) -> Design:
        return self._evolve(name=name.strip())

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
