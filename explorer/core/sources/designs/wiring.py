"""Edits of a design's wiring, by layer names: what the canvas does with a drag or a delete.

Each returns a new design, or refuses with a ParameterError naming the layer (``Add add_1:
...``) and leaves the design as it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any, TypeVar

from explorer.core.base.errors import ParameterError
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.sources.designs.design_layer import NO_INPUT, DesignLayer
from explorer.core.sources.designs.graph import Graph
from explorer.core.sources.designs.kinds import kind_of

_W = TypeVar("_W", bound="Wiring")


class Wiring(Graph):
    def _changed(self: _W, name: str, **changes: Any) -> _W:
        """The design with the layer called ``name`` changed."""
        layers = list(self.layers)
        index = self.index(name)
        layers[index] = replace(layers[index], **changes)
        return self._evolve(layers=tuple(layers))

    def explicit(self: _W) -> _W:
        """Every layer's inputs and the outputs written out: adding, moving or removing a
        layer then changes no other wiring (the canvas calls it before its first edit)."""
        layers = tuple(replace(layer, inputs=self.inputs_of(layer.name)) for layer in self.layers)
        return self._evolve(layers=layers, outputs=self.output_names() or None)

    def add_layer(self: _W, layer: DesignLayer) -> _W:
        """``layer`` at the end of the list (with inputs None it takes the last layer)."""
        return self._evolve(layers=(*self.layers, layer))

    def remove_layer(self: _W, name: str) -> _W:
        """Without ``name``: its consumers no longer take it, and it is no longer an output; a
        layer after it that takes "the previous layer" takes the one before it."""
        self._named(name)
        kept = tuple(
            layer
            if layer.inputs is None or name not in layer.inputs
            else replace(layer, inputs=tuple(source for source in layer.inputs if source != name))
            for layer in self.layers
            if layer.name != name
        )
        outputs = self.outputs
        if outputs is not None:
            outputs = tuple(output for output in outputs if output != name) or None
        return self._evolve(layers=kept, outputs=outputs)

    def renamed_references(self: _W, old: str, new: str) -> _W:
        """Every explicit input and output naming ``old`` names ``new`` (a layer renamed)."""
        layers, outputs = renamed(self.layers, self.outputs, old, new)
        return self._evolve(layers=layers, outputs=outputs)

    def connect(self: _W, source: str, target: str, slot: int | None = None) -> _W:
        """``target`` takes ``source``'s output: at input ``slot`` (replacing the one there),
        or after its inputs (slot None); a layer of one input has it replaced."""
        self._named(source)
        layer = self._named(target)
        kind = kind_of(layer.kind)
        if kind.max_inputs == 0:
            raise _refused(layer, NO_INPUT)
        if source == target:
            raise _refused(layer, QT_TRANSLATE_NOOP("Core", "a layer cannot take its own output"))
        if target in self.upstream(source):
            raise _refused(
                layer,
                QT_TRANSLATE_NOOP(
                    "Core",
                    "connecting {source} to {target} would make a cycle: {target} already "
                    "feeds {source}",
                ),
                source=source,
                target=target,
            )
        inputs = list(self.inputs_of(target))
        top = 1 if kind.max_inputs == 1 else len(inputs)  # the slots it may be given
        if slot is not None and not 0 <= slot <= top:
            raise _refused(
                layer,
                QT_TRANSLATE_NOOP("Core", "{slot} is not one of its input slots (0 to {last})"),
                slot=slot,
                last=top,
            )
        if kind.max_inputs == 1:
            return self._changed(target, inputs=(source,))
        if source in inputs and (slot is None or slot == len(inputs) or inputs[slot] != source):
            raise _refused(
                layer, QT_TRANSLATE_NOOP("Core", "already takes {source}"), source=source
            )
        if slot is not None and slot < len(inputs):
            inputs[slot] = source
        elif kind.max_inputs is not None and len(inputs) >= kind.max_inputs:
            raise _refused(
                layer,
                QT_TRANSLATE_NOOP("Core", "takes {count} inputs at most: disconnect one first"),
                count=kind.max_inputs,
            )
        else:
            inputs.append(source)
        return self._changed(target, inputs=tuple(inputs))

    def disconnect(self: _W, source: str, target: str) -> _W:
        """``target`` no longer takes ``source`` (the inputs after it move up a slot)."""
        self._named(source)
        layer = self._named(target)
        inputs = self.inputs_of(target)
        if source not in inputs:
            raise _refused(
                layer, QT_TRANSLATE_NOOP("Core", "does not take {source}"), source=source
            )
        return self._changed(target, inputs=tuple(name for name in inputs if name != source))

    def carry_output(self: _W, source: str, target: str) -> _W:
        """After ``source`` was connected to ``target``: when ``source`` is an output and
        ``target`` leads to none, the mark passes to ``target`` (in its place), so a chain drawn
        on the canvas ends in its output, as a list design does."""
        outputs = self.output_names()
        if source not in outputs or target in self.connected():
            return self
        return self._evolve(
            outputs=tuple(dict.fromkeys(target if name == source else name for name in outputs))
        )

    def set_output(self: _W, name: str, output: bool) -> _W:
        """Mark ``name`` as one of the model's outputs (after those marked), or unmark it."""
        self._named(name)
        outputs = list(self.output_names())
        if output and name not in outputs:
            outputs.append(name)
        elif not output and name in outputs:
            outputs.remove(name)
            if not outputs:
                raise ParameterError(
                    "outputs",
                    QT_TRANSLATE_NOOP(
                        "Core", "a design needs at least one output: mark another layer first"
                    ),
                )
        return self._evolve(outputs=tuple(outputs))

    def placed(self: _W, positions: Mapping[str, tuple[float, float]]) -> _W:
        """The named layers at these canvas positions, in one edit (one undo step)."""
        for name in positions:
            self._named(name)
        layers = tuple(
            replace(layer, position=positions[layer.name]) if layer.name in positions else layer
            for layer in self.layers
        )
        return self._evolve(layers=layers)


def renamed(
    layers: tuple[DesignLayer, ...], outputs: tuple[str, ...] | None, old: str, new: str
) -> tuple[tuple[DesignLayer, ...], tuple[str, ...] | None]:
    """``layers`` and ``outputs`` with every explicit mention of ``old`` naming ``new``."""

    def swap(names: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(new if name == old else name for name in names)

    layers = tuple(
        replace(layer, inputs=swap(layer.inputs))
        if layer.inputs is not None and old in layer.inputs
        else layer
        for layer in layers
    )
    return layers, None if outputs is None else swap(outputs)


def _refused(layer: DesignLayer, template: str, **values: object) -> ParameterError:
    return ParameterError(layer.label, Text(template, **values))
