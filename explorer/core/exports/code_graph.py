"""How a design's layers are wired in exported code: which are written, in what order, on
which tensors, and the Python variable that holds each one's output.

The wiring is the Keras build's (``keras_build.build_design``): layers in topological order,
those ``shapes.in_model`` leaves out left out (with a comment that says why: it cannot work, or
it leads to no output that works), a skipped layer's consumers on what it was given, the
model's inputs its Input layers that are part of it and its outputs the design's outputs that
work. A tensor read once, by the next layer written as its one input, is ``x`` (a
chain reads as a tutorial does: ``x = layers.Dense(10)(x)``); any other gets a variable named
after its layer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from explorer.core.exports.code_names import python_names
from explorer.core.sources.designs.model import Design, DesignLayer
from explorer.core.sources.designs.shapes import LayerCheck, in_model, left_out, token_inputs


@dataclass(frozen=True)
class Step:
    """One layer in the code: written, called on ``sources``, or left out for ``left_out``."""

    layer: DesignLayer
    result: LayerCheck
    sources: tuple[str, ...] = ()  # the layers whose outputs it takes, in its input order
    left_out: str | None = None


@dataclass(frozen=True)
class Plan:
    inputs: tuple[Step, ...]  # the model's Input layers, in the design's order
    steps: tuple[Step, ...]  # every other layer, in topological order
    outputs: tuple[str, ...]  # the layers whose outputs the model gives
    variables: dict[str, str]  # layer name -> the variable that holds its output
    token_inputs: frozenset[str]  # the Inputs of token ids (integers, for an Embedding)

    def written(self) -> list[Step]:
        return [step for step in self.steps if step.left_out is None]

    def sources_of(self, step: Step) -> list[str]:
        return [self.variables[source] for source in step.sources]

    def output_variables(self) -> list[str]:
        return [self.variables[name] for name in self.outputs]

    def input_variables(self) -> list[str]:
        return [self.variables[step.layer.name] for step in self.inputs]


def plan_of(design: Design, results: tuple[LayerCheck, ...], reserved: Collection[str]) -> Plan:
    """The design as code writes it; ``reserved``: names no variable may take."""
    checked = {result.name: result for result in results}
    made = in_model(design, results)
    reasons = dict(left_out(design, results))
    inputs: list[Step] = []
    steps: list[Step] = []
    for name in design.order():
        layer, result = design.layer(name), checked[name]
        if name not in made:
            steps.append(Step(layer, result, left_out=reasons[name]))
            continue
        # A skipped layer's consumers take what it was given (its ``source``).
        sources = tuple(str(checked[source].source) for source in result.inputs)
        (inputs if layer.kind == "Input" else steps).append(Step(layer, result, sources))
    found = (checked[output].source for output in design.output_names())
    outputs = tuple(name for name in dict.fromkeys(found) if name is not None)
    variables = _variables(inputs, steps, outputs, reserved)
    return Plan(tuple(inputs), tuple(steps), outputs, variables, frozenset(token_inputs(results)))


def _variables(
    inputs: list[Step], steps: list[Step], outputs: tuple[str, ...], reserved: Collection[str]
) -> dict[str, str]:
    body = [step for step in steps if step.left_out is None]
    named = python_names([step.layer.name for step in [*inputs, *body]], reserved)
    uses = Counter(source for step in body for source in step.sources) + Counter(outputs)
    variables = {step.layer.name: named[step.layer.name] for step in inputs}
    if len(inputs) == 1:
        variables[inputs[0].layer.name] = "inputs"
    for position, step in enumerate(body):
        name = step.layer.name
        last = position + 1 == len(body)
        read_next = not last and body[position + 1].sources == (name,)
        once = uses[name] == 1 and (read_next or (last and outputs == (name,)))
        variables[name] = "x" if once else named[name]
    return variables
