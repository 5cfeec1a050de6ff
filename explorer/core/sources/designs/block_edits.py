"""Blocks on the canvas: a ResidualBlock expanded into its layers, a selection grouped as a
named block (folded as one box), a block ungrouped again. Only ``group`` marks a block; the
layers and their wiring are the design's own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TypeVar

from explorer.core.base.errors import ParameterError, shown
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.sources.designs.blocks import block_layers, merge_layers, needs_projection
from explorer.core.sources.designs.design_layer import DesignLayer, check_name
from explorer.core.sources.designs.graph import Graph
from explorer.core.sources.designs.shapes import check
from explorer.core.sources.designs.wiring import renamed

_B = TypeVar("_B", bound="BlockEdits")


class BlockEdits(Graph):
    def expand_block(self: _B, name: str) -> _B:
        """The ResidualBlock ``name`` as the Keras layers it builds (same names, same
        parameters), wired as it wires them and grouped as block ``name``; whatever took the
        block takes its last layer."""
        block = self._named(name)
        if block.kind != "ResidualBlock":
            raise ParameterError(
                block.label,
                QT_TRANSLATE_NOOP("Core", "only a ResidualBlock expands into layers"),
            )
        shape = next(result.input_shape for result in check(self) if result.name == name)
        sources = self.inputs_of(name)
        if len(sources) != 1 or shape is None or len(shape) != 4 or shape[-1] is None:
            raise ParameterError(
                block.label,
                QT_TRANSLATE_NOOP(
                    "Core", "cannot expand a block without a working 4-D input: connect one first"
                ),
            )
        values = block.values
        kind, style = str(values["block"]), str(values["style"])
        filters, strides = int(values["filters"]), int(values["strides"])
        projection = needs_projection(strides, shape[-1], kind, filters)
        made: list[DesignLayer] = []
        ends = {False: sources[0], True: sources[0]}  # the last layer of each path
        for part in block_layers(kind, style, filters, strides):
            if part.shortcut and not projection:
                continue
            layer = DesignLayer(
                part.type, f"{name}_{part.suffix}", part.args, (ends[part.shortcut],), group=name
            )
            made.append(layer)
            ends[part.shortcut] = layer.name
        for part in merge_layers(style):
            taken = (ends[False], ends[True]) if part.type == "Add" else (made[-1].name,)
            made.append(
                DesignLayer(part.type, f"{name}_{part.suffix}", part.args, taken, group=name)
            )
        index = self.index(name)
        # The Keras names of the new layers are the block's own, so they are free once it goes.
        layers, outputs = renamed(
            (*self.layers[:index], *made, *self.layers[index + 1 :]),
            self.outputs,
            name,
            made[-1].name,
        )
        return self._evolve(layers=layers, outputs=outputs)

    def group_as_block(self: _B, names: Iterable[str], block: str) -> _B:
        """The named layers as one block called ``block`` (folded as one box on the canvas)."""
        chosen = tuple(dict.fromkeys(names))
        if not chosen:
            raise ParameterError(
                "block", QT_TRANSLATE_NOOP("Core", "choose the layers to group first")
            )
        check_name(block, "block")
        if block in self.groups() or block in self._indices:
            raise ParameterError(
                "block",
                Text(
                    QT_TRANSLATE_NOOP("Core", "{block} is already the name of a block or a layer"),
                    block=shown(block),
                ),
            )
        for name in chosen:
            layer = self._named(name)
            if layer.group is not None:
                raise ParameterError(
                    layer.label,
                    Text(
                        QT_TRANSLATE_NOOP("Core", "already in block {block}: ungroup it first"),
                        block=layer.group,
                    ),
                )
        return self._regrouped(set(chosen), block)

    def ungroup(self: _B, block: str) -> _B:
        """The layers of ``block`` as single layers again (nothing else changes)."""
        members = self.groups().get(block)
        if members is None:
            raise ParameterError(
                "block",
                Text(QT_TRANSLATE_NOOP("Core", "no block is called {block}"), block=shown(block)),
            )
        return self._regrouped(set(members), None)

    def _regrouped(self: _B, names: set[str], group: str | None) -> _B:
        layers = tuple(
            replace(layer, group=group) if layer.name in names else layer for layer in self.layers
        )
        return self._evolve(layers=layers)
