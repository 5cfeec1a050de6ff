"""The shape check: every layer's output shape, or why it cannot work, without TensorFlow.

Layers are checked in a topological order (``Design.order``); each gets the shapes its inputs
give (``layer_shapes`` and ``merge_shapes`` hold the rules). A layer that cannot work is skipped:
with one input, what takes it gets that input's shape (as a chain always did); with several,
what takes it says its input does not work. A layer that leads to no output is "not part of the
model" (``connected``). A design whose layers all take the previous one (the list designer's)
must start with its one Input, as before; a wired design may have several.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from explorer.core.base.shapes import Shape
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.sources.designs.kinds import kind_of
from explorer.core.sources.designs.layer_shapes import (
    LAST_STATE,
    SEQUENCE,
    Unusable,
    last_state_only,
    output_shape,
)
from explorer.core.sources.designs.merge_shapes import merged_shape

if TYPE_CHECKING:
    from explorer.core.sources.designs.design_layer import DesignLayer
    from explorer.core.sources.designs.graph import Graph


@dataclass(frozen=True)
class LayerCheck:
    index: int
    name: str
    kind: str
    input_shape: Shape | None  # the first input's (None: no working input)
    output_shape: Shape | None  # None: the layer cannot work and is skipped
    problem: str | None = None
    input_shapes: tuple[Shape | None, ...] = ()  # one per input, in order
    connected: bool = True  # False: it leads to no output ("not part of the model")
    bad_inputs: tuple[int, ...] = ()  # the input slots the problem is about
    inputs: tuple[str, ...] = ()  # the layers it takes, in order
    # What the layers that take this one get: its own output, or if it is skipped, what its one
    # input passes on (the working layer that makes it, and its shape); None: nothing.
    source: str | None = None
    passed_shape: Shape | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


_PROBLEMS = {
    "first": QT_TRANSLATE_NOOP(
        "Core", "{layer}: no input: the first layer of a design must be an Input"
    ),
    "unwired": QT_TRANSLATE_NOOP("Core", "{layer}: has no input: connect one"),
    "broken": QT_TRANSLATE_NOOP("Core", "{layer}: its input {source} does not work"),
    "unused": QT_TRANSLATE_NOOP("Core", "{layer}: not part of the model: it leads to no output"),
    "dead end": QT_TRANSLATE_NOOP(
        "Core", "{layer}: not part of the model: it leads only to layers that do not work"
    ),
    "not first": QT_TRANSLATE_NOOP("Core", "{layer}: Input must be the first layer"),
    "embedding": QT_TRANSLATE_NOOP(
        "Core",
        "{layer}: an Embedding looks up token ids, so it must come right after the Input",
    ),
}


def token_ids(results: tuple[LayerCheck, ...]) -> bool:
    """Whether the first Input holds token ids (integers): an Embedding that works takes it."""
    return bool(results) and results[0].name in token_inputs(results)


def token_inputs(results: tuple[LayerCheck, ...]) -> set[str]:
    """The Inputs that hold token ids (integers): an Embedding that works takes each."""
    return {result.inputs[0] for result in results if result.kind == "Embedding" and result.ok}


def in_model(design: Graph, results: tuple[LayerCheck, ...]) -> set[str]:
    """The layers a model of ``design`` is made of: those that work, from the outputs back
    through what each takes (a skipped layer's input stands for it)."""
    by_name = {result.name: result for result in results}
    made: set[str] = set()
    waiting = [by_name[output].source for output in design.output_names()]
    while waiting:
        name = waiting.pop()
        if name is not None and name not in made:
            made.add(name)
            waiting.extend(by_name[source].source for source in by_name[name].inputs)
    return made


def left_out(design: Graph, results: tuple[LayerCheck, ...]) -> list[tuple[str, str]]:
    """Each layer a model of ``design`` leaves out, with the reason, in design order."""
    made = in_model(design, results)
    return [(result.name, _reason(result)) for result in results if result.name not in made]


def _reason(result: LayerCheck) -> str:
    if result.problem is not None:
        return result.problem
    why = "dead end" if result.connected else "unused"
    return Text(_PROBLEMS[why], layer=f"{result.kind} {result.name}")


def missing_input(design: Graph) -> str | None:
    """What a design has where its Input must be (``"Flatten f"``, ``"no layers"``), or None.

    The one test of the rule that a design starts with an Input; each caller says it its way."""
    if not design.layers:
        return QT_TRANSLATE_NOOP("Core", "no layers")
    first = design.layers[0]
    return None if first.kind == "Input" else f"{first.kind} {first.name}"


def check(design: Graph) -> tuple[LayerCheck, ...]:
    """Each layer's output shape, or the reason it cannot work (and is skipped), in design
    order."""
    listed = all(layer.inputs is None for layer in design.layers if layer.kind != "Input")
    listed = listed and design.outputs is None
    sources: dict[str, tuple[str, ...]] = {}  # what each layer takes, as checked
    found: dict[str, LayerCheck] = {}
    for name in design.order():
        layer = design.layer(name)
        index = design.index(name)
        taken = design.inputs_of(name)
        if listed and layer.kind == "Input" and index:  # the list designer's rule
            taken = (design.layers[index - 1].name,)
        sources[name] = taken
        found[name] = _checked(design, layer, index, taken, found)
    connected = set(design.output_names())
    waiting = list(connected)
    while waiting:
        for source in sources[waiting.pop()]:
            if source not in connected:
                connected.add(source)
                waiting.append(source)
    return tuple(
        _with_connection(found[layer.name], layer.name in connected) for layer in design.layers
    )


def _with_connection(result: LayerCheck, connected: bool) -> LayerCheck:
    return result if connected else replace(result, connected=False)


def _checked(
    design: Graph,
    layer: DesignLayer,
    index: int,
    taken: tuple[str, ...],
    found: dict[str, LayerCheck],
) -> LayerCheck:
    """``layer``'s check, from the checks of the layers it takes (``found``)."""
    label = f"{layer.kind} {layer.name}"
    given = tuple(found[source] for source in taken)
    shapes = tuple(result.passed_shape for result in given)
    out: Shape | None = None
    problem: str | None = None
    bad: tuple[int, ...] = ()
    if layer.kind == "Input":
        if taken:
            problem = Text(_PROBLEMS["not first"], layer=label)
        else:
            out = (None, *layer.values["shape"])
    elif not taken:
        first = index == 0 and layer.inputs is None
        problem = Text(_PROBLEMS["first" if first else "unwired"], layer=label)
    elif None in shapes:
        bad = tuple(slot for slot, shape in enumerate(shapes) if shape is None)
        problem = Text(_PROBLEMS["broken"], layer=label, source=taken[bad[0]])
    elif layer.kind == "Embedding" and design.layer(taken[0]).kind != "Input":
        problem = Text(_PROBLEMS["embedding"], layer=label)
    else:
        try:
            out = _shape(layer, shapes)
        except Unusable as unusable:
            problem = Text("{layer}: {reason}", layer=label, reason=unusable.reason)
            bad = unusable.slots
            last = given[0].source
            if layer.kind in SEQUENCE and last is not None and last_state_only(design.layer(last)):
                problem = Text(LAST_STATE, problem=problem, source=last)
    source: str | None = layer.name
    if out is None:  # skipped: a layer of one input passes on what it was given
        source = given[0].source if len(given) == 1 else None
    return LayerCheck(
        index,
        layer.name,
        layer.kind,
        shapes[0] if shapes else None,
        out,
        problem,
        shapes,
        True,
        bad,
        taken,
        source,
        out if out is not None else (shapes[0] if len(given) == 1 else None),
    )


def _shape(layer: DesignLayer, shapes: tuple[Shape | None, ...]) -> Shape:
    known = tuple(shape for shape in shapes if shape is not None)
    kind = kind_of(layer.kind)
    count = len(known)
    if count < kind.min_inputs:
        raise Unusable(
            Text(
                QT_TRANSLATE_NOOP("Core", "takes at least {least} inputs, not {count}"),
                least=kind.min_inputs,
                count=count,
            )
        )
    if kind.max_inputs is not None and count > kind.max_inputs:
        raise Unusable(
            Text(
                QT_TRANSLATE_NOOP("Core", "takes one input, not {count}")
                if kind.max_inputs == 1
                else QT_TRANSLATE_NOOP("Core", "takes {most} inputs, not {count}"),
                most=kind.max_inputs,
                count=count,
            ),
            tuple(range(kind.max_inputs, count)),
        )
    if count > 1:
        return merged_shape(layer, known)
    return output_shape(layer, known[0])
