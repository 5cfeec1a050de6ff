"""Reading a design as a graph: who takes whom, in which order, and what the model gives out.

A layer's ``inputs`` of None takes the previous layer of the list, so a version 1 design (a
chain) and a wired one read the same way here. ``Graph`` is the part of ``Design`` that only
reads; the edits (``wiring``, ``block_edits``) and ``Design`` itself build on it.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from functools import cached_property
from itertools import pairwise
from typing import Any, TypeVar

from explorer.core.base.errors import ParameterError, shown
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.sources.designs.design_layer import DesignLayer

_G = TypeVar("_G", bound="Graph")


class Graph:
    """What ``Design`` reads its layers and outputs with (``Design`` holds the fields)."""

    name: str
    layers: tuple[DesignLayer, ...]
    outputs: tuple[str, ...] | None

    def _evolve(self: _G, **changes: Any) -> _G:
        """A copy with ``changes`` to its fields, validated again (``Design`` implements it)."""
        raise NotImplementedError

    @cached_property
    def _indices(self) -> dict[str, int]:
        return {layer.name: index for index, layer in enumerate(self.layers)}

    @cached_property
    def _resolved(self) -> dict[str, tuple[str, ...]]:
        resolved: dict[str, tuple[str, ...]] = {}
        for index, layer in enumerate(self.layers):
            if layer.inputs is not None:
                resolved[layer.name] = layer.inputs
            else:
                resolved[layer.name] = (self.layers[index - 1].name,) if index else ()
        return resolved

    def index(self, name: str) -> int:
        """The layer's position in the list; KeyError if no layer has that name."""
        return self._indices[name]

    def layer(self, name: str) -> DesignLayer:
        return self.layers[self._indices[name]]

    def inputs_of(self, name: str) -> tuple[str, ...]:
        """The names of the layers ``name`` takes, in order (None resolved to the previous)."""
        return self._resolved[name]

    def consumers(self, name: str) -> tuple[tuple[str, int], ...]:
        """Each (layer, input slot) that takes ``name``'s output, in design order."""
        if name not in self._indices:
            raise KeyError(name)
        return tuple(
            (layer.name, slot)
            for layer in self.layers
            for slot, source in enumerate(self._resolved[layer.name])
            if source == name
        )

    def output_names(self) -> tuple[str, ...]:
        """What the model gives out: the marked outputs, else the last layer."""
        if self.outputs is not None:
            return self.outputs
        return (self.layers[-1].name,) if self.layers else ()

    def order(self) -> tuple[str, ...]:
        """Every layer after all those it takes; among those ready, the list's order."""
        done, cycle = _topological(self.layers, self._resolved, self._indices)
        assert cycle is None, "a Design refuses cycles when made"
        return done

    def cycle(self) -> list[str] | None:
        """A cycle in the wiring (names in the data's direction, the first again at the end),
        or None; every input must name a layer."""
        return _topological(self.layers, self._resolved, self._indices)[1]

    def is_chain(self) -> bool:
        """One Input first, each other layer taking the one before it, the last the only
        output: what Sequential and a version 1 file can hold."""
        layers = self.layers
        if not layers or layers[0].kind != "Input":
            return False
        return all(
            layer.kind != "Input" and self._resolved[layer.name] == (previous.name,)
            for previous, layer in pairwise(layers)
        ) and self.output_names() == (layers[-1].name,)

    def groups(self) -> dict[str, tuple[str, ...]]:
        """Each named block and its layers, in design order."""
        found: dict[str, list[str]] = {}
        for layer in self.layers:
            if layer.group is not None:
                found.setdefault(layer.group, []).append(layer.name)
        return {group: tuple(names) for group, names in found.items()}

    def upstream(self, name: str) -> set[str]:
        """Every layer whose output reaches ``name`` (its inputs, their inputs, ...)."""
        seen: set[str] = set()
        waiting = list(self._resolved[name])
        while waiting:
            source = waiting.pop()
            if source not in seen:
                seen.add(source)
                waiting.extend(self._resolved[source])
        return seen

    def connected(self) -> set[str]:
        """The layers that are part of the model: the outputs and all that reach them."""
        names = set(self.output_names())
        for output in self.output_names():
            names |= self.upstream(output)
        return names

    def _named(self, name: str) -> DesignLayer:
        """The layer called ``name``; an edit given an unknown name is refused so."""
        if name not in self._indices:
            raise ParameterError(
                "layer",
                Text(
                    QT_TRANSLATE_NOOP("Core", "no layer is called {name} in design {design}"),
                    name=shown(name),
                    design=shown(self.name),
                ),
            )
        return self.layer(name)


def _topological(
    layers: tuple[DesignLayer, ...],
    inputs: dict[str, tuple[str, ...]],
    indices: dict[str, int],
) -> tuple[tuple[str, ...], list[str] | None]:
    """The layers in a topological order, list order among those ready, and a cycle if there
    is one (its names in order, the first repeated at the end). Inputs must name layers."""
    waiting = {layer.name: len(set(inputs[layer.name])) for layer in layers}
    takers: dict[str, list[str]] = {layer.name: [] for layer in layers}
    for layer in layers:
        for source in set(inputs[layer.name]):
            takers[source].append(layer.name)
    ready = [indices[name] for name, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    done: list[str] = []
    while ready:
        name = layers[heapq.heappop(ready)].name
        done.append(name)
        for taker in takers[name]:
            waiting[taker] -= 1
            if waiting[taker] == 0:
                heapq.heappush(ready, indices[taker])
    if len(done) == len(layers):
        return tuple(done), None
    return tuple(done), _cycle(set(waiting) - set(done), inputs, layers, indices)


def _cycle(
    left: set[str],
    inputs: dict[str, tuple[str, ...]],
    layers: Iterable[DesignLayer],
    indices: dict[str, int],
) -> list[str]:
    """A cycle among ``left`` (the layers a topological order could not place: each takes
    one of them), in the direction the data flows."""
    start = next(layer.name for layer in layers if layer.name in left)
    path: list[str] = []
    seen: dict[str, int] = {}
    name = start
    while name not in seen:
        seen[name] = len(path)
        path.append(name)
        name = next(source for source in inputs[name] if source in left)
    loop = path[seen[name] :]  # walked against the flow: each takes the next
    loop.reverse()
    first = min(range(len(loop)), key=lambda at: indices[loop[at]])  # from the earliest layer
    loop = loop[first:] + loop[:first]
    return [*loop, loop[0]]
