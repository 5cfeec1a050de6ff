"""A design -> a functional Keras model, leaving out the layers the shape check rejects."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from explorer.core.base.errors import shown
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.params.specs import Value
from explorer.core.sources.designs.blocks import (
    BlockLayer,
    block_layers,
    merge_layers,
    needs_projection,
)
from explorer.core.sources.designs.merge_shapes import MERGES
from explorer.core.sources.designs.model import DesignError
from explorer.core.sources.designs.sequence_kinds import SELF_ATTENTION
from explorer.core.sources.designs.shapes import check, in_model, token_inputs

if TYPE_CHECKING:
    import keras

    from explorer.core.sources.designs.model import Design, DesignLayer


def keras_arguments(kind: str, values: dict[str, Value]) -> dict[str, Value | None]:
    """A design layer's arguments as Keras keyword arguments."""
    args: dict[str, Value | None] = dict(values)
    if args.get("activation") == "linear":
        args["activation"] = None
    if kind in ("MaxPooling2D", "AveragePooling2D") and args["strides"] == 0:
        args["strides"] = None
    return args


def _residual(layer: DesignLayer, x: Any) -> Any:
    import keras

    values = layer.values
    block, style = str(values["block"]), str(values["style"])
    filters, strides = int(values["filters"]), int(values["strides"])

    def make(part: BlockLayer) -> Any:
        return getattr(keras.layers, part.type)(
            **dict(part.args), name=f"{layer.name}_{part.suffix}"
        )

    shortcut = x
    projection = needs_projection(strides, int(x.shape[-1]), block, filters)
    for part in block_layers(block, style, filters, strides):
        if not part.shortcut:
            x = make(part)(x)
        elif projection:
            shortcut = make(part)(shortcut)
    for part in merge_layers(style):
        x = make(part)([x, shortcut]) if part.type == "Add" else make(part)(x)
    return x


def build_design(design: Design) -> keras.Model:
    """A functional model from every Input that reaches an output to every output that works;
    the layers left out are ``shapes.left_out``'s."""
    import keras

    results = check(design)
    made = in_model(design, results)
    if not made:
        no_input = not any(layer.kind == "Input" for layer in design.layers)
        raise DesignError(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core", "design {name} cannot be built: its first layer must be an Input"
                )
                if no_input
                else QT_TRANSLATE_NOOP(
                    "Core", "design {name} cannot be built: none of its outputs works"
                ),
                name=shown(design.name),
            )
        )
    by_name = {result.name: result for result in results}
    tokens = token_inputs(results)
    tensors: dict[str, Any] = {}
    for name in design.order():
        if name not in made:
            continue
        layer = design.layer(name)
        if layer.kind == "Input":
            dtype = "int32" if name in tokens else None  # None: Keras's float32
            tensors[name] = keras.Input(shape=layer.values["shape"], dtype=dtype, name=name)
            continue
        given = [tensors[str(by_name[source].source)] for source in by_name[name].inputs]
        tensors[name] = _call(layer, given)
    inputs = [
        tensors[layer.name]
        for layer in design.layers
        if layer.name in tensors and layer.kind == "Input"
    ]
    outputs = dict.fromkeys(by_name[output].source for output in design.output_names())
    return keras.Model(
        _one_or_all(inputs),
        _one_or_all([tensors[name] for name in outputs if name is not None]),
        name=design.name,
    )


def _one_or_all(tensors: list[Any]) -> Any:
    """One tensor as itself (a model of one input or output, as Keras's own), more as a list."""
    return tensors[0] if len(tensors) == 1 else tensors


def _call(layer: DesignLayer, given: list[Any]) -> Any:
    import keras

    if layer.kind == "ResidualBlock":
        return _residual(layer, given[0])
    made = getattr(keras.layers, layer.kind)(
        **keras_arguments(layer.kind, layer.values), name=layer.name
    )
    if layer.kind in MERGES:
        return made(given)
    if layer.kind in SELF_ATTENTION:  # the query, and the value (and so the key)
        return made(given[0], given[-1])
    return made(given[0])
