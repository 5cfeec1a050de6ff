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
from explorer.core.sources.designs.model import DesignError
from explorer.core.sources.designs.sequence_kinds import SELF_ATTENTION
from explorer.core.sources.designs.shapes import check, missing_input, token_ids

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
    import keras

    if missing_input(design) is not None:
        raise DesignError(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core", "design {name} cannot be built: its first layer must be an Input"
                ),
                name=shown(design.name),
            )
        )
    results = check(design)
    first = design.layers[0]
    dtype = "int32" if token_ids(results) else None  # None: Keras's float32
    inputs = keras.Input(shape=first.values["shape"], dtype=dtype, name=first.name)
    x = inputs
    for layer, result in zip(design.layers[1:], results[1:], strict=True):
        if not result.ok:
            continue
        if layer.kind == "ResidualBlock":
            x = _residual(layer, x)
            continue
        made = getattr(keras.layers, layer.kind)(
            **keras_arguments(layer.kind, layer.values), name=layer.name
        )
        # Self-attention: the sequence is the query and the value (and so the key).
        x = made(x, x) if layer.kind in SELF_ATTENTION else made(x)
    return keras.Model(inputs, x, name=design.name)
