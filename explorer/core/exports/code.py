"""Python source for a design (or simple-cnn, or a ResNet) in one of Keras's three API styles.

The code reads like a tutorial: ``import keras``, ``from keras import layers``, a
``build_model()`` that returns the model, and a ``__main__`` that prints its summary. Only
arguments that differ from Keras's defaults are written, plus every layer's name, so the model
it builds has the same layers, shapes and parameters as the explorer's own build. Residual
blocks become one helper per kind of block: a function (functional) or a Layer class
(subclassing). Layers the shape check rejects are left out, with a comment saying why.

The functional and subclassing styles write any design (several Inputs and outputs, merges,
attention's query and value; ``code_graph`` wires them); the Sequential style only a chain, one
layer after another on one input: any other design is refused with what makes it not a chain.
In the subclassing style each layer is an attribute named after it as Python reads the name:
distinct, valid and none of the model's own, whatever the name (``summary``, ``__class__``);
the layer itself keeps its exact name.
"""

from __future__ import annotations

from collections.abc import Callable

from explorer.core.base.choices import STYLES
from explorer.core.base.errors import SHOWN_LIMIT, ExplorerError, shown
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.exports.code_calls import (
    HELPER_NAMES,
    Call,
    block_class,
    block_function,
    design_layer_call,
    items_lines,
    literal,
)
from explorer.core.exports.code_chain import chain_refusal
from explorer.core.exports.code_graph import Plan, Step, plan_of
from explorer.core.exports.code_names import CODE_NAMES, GRAPH_NAME, class_name, python_names
from explorer.core.references.architecture import Reference
from explorer.core.sources.copies import design_from_reference
from explorer.core.sources.designs.blocks import needs_projection
from explorer.core.sources.designs.kinds import KINDS
from explorer.core.sources.designs.model import Design, layer_label
from explorer.core.sources.designs.sequence_kinds import SELF_ATTENTION
from explorer.core.sources.designs.shapes import LayerCheck, check, in_model


class CodeExportError(ExplorerError):
    """A design that cannot be written in the style asked for."""


def _named(name: str) -> str:
    """A design's or layer's name in a message: as it is (both are one printable line), or cut
    around "…" when long."""
    return name if len(name) <= SHOWN_LIMIT else shown(name)


def _refuse_nothing(design: Design, results: tuple[LayerCheck, ...]) -> None:
    """Refuses a design with no model in it, in any style (as its Keras build does)."""
    if not any(layer.kind == "Input" for layer in design.layers):
        reason = QT_TRANSLATE_NOOP("Core", "it has no Input")
    elif not in_model(design, results):
        reason = QT_TRANSLATE_NOOP("Core", "none of its outputs works")
    else:
        return
    raise CodeExportError(
        Text(
            QT_TRANSLATE_NOOP("Core", "{name} has nothing to write: {reason}"),
            name=_named(design.name),
            reason=reason,
        )
    )


def _helpers(steps: list[Step], write: Callable[[str, str], list[str]]) -> list[str]:
    """One helper per kind of residual block the design uses, in order of first use."""
    kinds = [
        (str(step.layer.values["block"]), str(step.layer.values["style"]))
        for step in steps
        if step.layer.kind == "ResidualBlock"
    ]
    return [line for kind in dict.fromkeys(kinds) for line in [*write(*kind), "", ""]]


def _dtype(plan: Plan, step: Step) -> str:
    """An Input's dtype argument: token ids for an Embedding are integers."""
    return ', dtype="int32"' if step.layer.name in plan.token_inputs else ""


def _input(plan: Plan, step: Step, *, named: bool) -> str:
    label = f", name={literal(step.layer.name)}" if named else ""
    return f"keras.Input(shape={tuple(step.layer.values['shape'])!r}{_dtype(plan, step)}{label})"


def _skipped(step: Step, indent: str) -> str:
    if step.result.problem is not None:
        return f"{indent}# left out, it cannot work: {step.left_out}"
    return f"{indent}# left out, {step.left_out}"


def _arguments(step: Step, sources: list[str]) -> str:
    """What a layer is called with: a merge takes a list; attention, the query and the value
    (self-attention: the sequence as both); any other layer, its one input."""
    if step.layer.kind in SELF_ATTENTION:
        return f"({sources[0]}, {sources[-1]})"
    if KINDS[step.layer.kind].max_inputs != 1:
        return f"([{', '.join(sources)}])"
    return f"({sources[0]})"


def _one_or_list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"[{', '.join(names)}]"


def _sequential(design: Design, results: tuple[LayerCheck, ...]) -> list[str]:
    refusal = chain_refusal(design)
    if refusal is None and any(layer.kind in SELF_ATTENTION for layer in design.layers):
        attention = next(layer for layer in design.layers if layer.kind in SELF_ATTENTION)
        refusal = Text(
            QT_TRANSLATE_NOOP(
                "Core",
                "its layer {layer} is self-attention, called with the sequence twice (as query "
                "and value), and a Sequential model calls each layer with one input",
            ),
            layer=layer_label(attention.kind, _named(attention.name)),
        )
    if refusal is None and any(layer.kind == "ResidualBlock" for layer in design.layers):
        block = next(layer for layer in design.layers if layer.kind == "ResidualBlock")
        refusal = Text(
            QT_TRANSLATE_NOOP(
                "Core",
                "its residual block {block} adds a shortcut, and Sequential models are one "
                "straight line of layers",
            ),
            block=_named(block.name),
        )
    if refusal is not None:
        raise CodeExportError(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{design} cannot be written as a Sequential model: {reason}; use the "
                    "functional or subclassing style",
                ),
                design=_named(design.name),
                reason=refusal,
            )
        )
    plan = plan_of(design, results, CODE_NAMES)
    lines = ["def build_model():", "    return keras.Sequential(", "        ["]
    lines.append(f"            {_input(plan, plan.inputs[0], named=True)},")
    for step in plan.steps:
        if step.left_out is None:
            lines += design_layer_call(step.layer, None).lines(" " * 12, "", ",")
        else:
            lines.append(_skipped(step, " " * 12))
    return [*lines, "        ],", f"        name={literal(design.name)},", "    )"]


def _functional(design: Design, results: tuple[LayerCheck, ...]) -> list[str]:
    plan = plan_of(design, results, CODE_NAMES | HELPER_NAMES)
    lines = ["def build_model():"]
    lines += [
        f"    {plan.variables[s.layer.name]} = {_input(plan, s, named=True)}" for s in plan.inputs
    ]
    for step in plan.steps:
        if step.left_out is not None:
            lines.append(_skipped(step, "    "))
            continue
        sources, target = plan.sources_of(step), f"{plan.variables[step.layer.name]} = "
        if step.layer.kind == "ResidualBlock":
            lines += design_layer_call(step.layer, sources[0]).lines("    ", target)
        else:
            call = design_layer_call(step.layer, sources[0])
            lines += call.applied("    ", target, _arguments(step, sources))
    model = Call(
        "keras.Model",
        (
            _one_or_list(plan.input_variables()),
            _one_or_list(plan.output_variables()),
            f"name={literal(design.name)}",
        ),
    )
    return _helpers(plan.written(), block_function) + lines + model.lines("    ", "return ")


def _build_lines(plan: Plan, cls: str) -> list[str]:
    """``build_model()``: a symbolic call builds every layer, unless TensorFlow cannot trace the
    model's call() through a layer's name (``été``, ``_x``): then a batch of zeros does."""
    lines = ["def build_model():", f"    model = {cls}()"]
    if all(GRAPH_NAME.fullmatch(step.layer.name) for step in plan.written()):
        lines.append(
            "    # Keras 3: model.build() does not build the layers inside; a symbolic call does."
        )
        given = [_input(plan, step, named=False) for step in plan.inputs]
    else:
        lines += [
            "    # Keras 3: model.build() does not build the layers inside; a call does. Not a",
            "    # symbolic one: TensorFlow cannot trace layers whose names are not ASCII or",
            "    # begin with _ (they name its graph scopes), so the model gets a batch of zeros.",
        ]
        given = [
            f"keras.ops.zeros({(1, *step.layer.values['shape'])!r}{_dtype(plan, step)})"
            for step in plan.inputs
        ]
    if len(given) == 1:
        lines.append(f"    model({given[0]})")
    else:
        lines += items_lines(given, "    ", "model(", ")")
    return [*lines, "    return model"]


def _subclassing(design: Design, results: tuple[LayerCheck, ...]) -> list[str]:
    cls = class_name(design.name)
    plan = plan_of(design, results, CODE_NAMES | {cls})
    init = [
        f"class {cls}(keras.Model):",
        "    def __init__(self, **kwargs):",
        f"        super().__init__(name={literal(design.name)}, **kwargs)",
    ]
    call = ["    def call(self, inputs):"]
    if len(plan.inputs) > 1:
        call.append(f"        {', '.join(plan.input_variables())} = inputs")
    attributes = python_names([step.layer.name for step in plan.written()])
    for step in plan.steps:
        if step.left_out is not None:
            init.append(_skipped(step, "        "))
            continue
        values, shape = step.layer.values, step.result.input_shape
        projection = step.layer.kind == "ResidualBlock" and needs_projection(
            int(values["strides"]),
            int(shape[-1]),  # type: ignore[index, arg-type]  # known: the layer works
            str(values["block"]),
            int(values["filters"]),
        )
        attribute = attributes[step.layer.name]
        init += design_layer_call(step.layer, None, projection).lines(
            "        ", f"self.{attribute} = "
        )
        target = plan.variables[step.layer.name]
        arguments = _arguments(step, plan.sources_of(step))
        call.append(f"        {target} = self.{attribute}{arguments}")
    call.append(f"        return {_one_or_list(plan.output_variables())}")
    build = _build_lines(plan, cls)
    return [*_helpers(plan.written(), block_class), *init, "", *call, "", "", *build]


def code_for_design(design: Design, style: str = "functional") -> str:
    if style not in STYLES:
        raise CodeExportError(
            Text(
                QT_TRANSLATE_NOOP("Core", "unknown code style {style} (known: {known})"),
                style=shown(style),
                known=", ".join(STYLES),
            )
        )
    results = check(design)
    _refuse_nothing(design, results)
    write = {"sequential": _sequential, "functional": _functional, "subclassing": _subclassing}
    body = write[style](design, results)
    title = design.name.replace("\\", "").replace('"', "'")  # safe inside the docstring
    header = [
        f'"""{title}: written by Keras Architecture Explorer ({style} API)."""',
        "",
        "import keras",
        "from keras import layers",
        "",
        "",
    ]
    footer = ["", "", 'if __name__ == "__main__":', "    build_model().summary()"]
    return "\n".join([*header, *body, *footer]) + "\n"


def code_for(reference: Reference, style: str = "functional") -> str:
    """Code for a design reference, simple-cnn or a ResNet (copied into a design first)."""
    return code_for_design(design_from_reference(reference), style)
