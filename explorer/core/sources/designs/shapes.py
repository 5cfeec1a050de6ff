"""The shape check: every layer's output shape, or why it cannot work, without TensorFlow.

The rules are Keras's own (tests compare them with Keras): convolutions, pooling, padding and
residual blocks need a 4-D input; with ``padding="valid"`` the window must fit in the input.
Recurrent layers, self-attention, Conv1D and GlobalAveragePooling1D need a sequence, a 3-D input
(batch, steps, features); an Embedding takes token ids (batch, steps) straight from the Input.
Dense and Flatten take any rank (Dense on a 4-D tensor works on the last axis, as in Keras);
normalisation, activations and Dropout keep the shape.
A layer that cannot work is skipped: the next layer gets the shape the skipped one was given.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import prod
from typing import TYPE_CHECKING

from explorer.core.base.shapes import Shape, shape_text
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.sources.designs.blocks import out_channels

if TYPE_CHECKING:
    from explorer.core.sources.designs.design_layer import DesignLayer
    from explorer.core.sources.designs.graph import Graph as Design


_SPATIAL = {
    "Conv2D",
    "DepthwiseConv2D",
    "SeparableConv2D",
    "MaxPooling2D",
    "AveragePooling2D",
    "GlobalAveragePooling2D",
    "ZeroPadding2D",
    "ResidualBlock",
}


_SEQUENCE = {"Conv1D", "GlobalAveragePooling1D", "LSTM", "GRU", "MultiHeadAttention"}


# The input rank a kind needs, and what it says of another.
_RANK = {
    **dict.fromkeys(
        _SPATIAL,
        (
            4,
            QT_TRANSLATE_NOOP(
                "Core", "needs a 4-D input (batch, height, width, channels), not {shape}"
            ),
        ),
    ),
    **dict.fromkeys(
        _SEQUENCE,
        (3, QT_TRANSLATE_NOOP("Core", "needs a 3-D input (batch, steps, features), not {shape}")),
    ),
    "Embedding": (
        2,
        QT_TRANSLATE_NOOP(
            "Core",
            "needs token ids (batch, steps), not {shape}: give the Input one size, the number "
            "of steps",
        ),
    ),
}


@dataclass(frozen=True)
class LayerCheck:
    index: int
    name: str
    kind: str
    input_shape: Shape | None  # None: the design has no Input before this layer
    output_shape: Shape | None  # None: the layer cannot work and is skipped
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


class _Unusable(Exception):
    pass


_TOO_LARGE = {
    "kernel": QT_TRANSLATE_NOOP(
        "Core",
        "kernel {size}×{size} is larger than its {height}×{width} input; use padding same or a "
        "smaller size",
    ),
    "pool": QT_TRANSLATE_NOOP(
        "Core",
        "pool {size}×{size} is larger than its {height}×{width} input; use padding same or a "
        "smaller size",
    ),
}


def _window(layer: DesignLayer, what: str, size: int, shape: Shape) -> tuple[int, int]:
    """Output height and width of a square window sliding over ``shape`` (``what``: kernel or
    pool)."""
    values = layer.values
    strides = int(values["strides"]) or size  # pooling: 0 means the pool size
    height, width = shape[1], shape[2]
    assert height is not None and width is not None
    if values["padding"] == "same":
        return -(-height // strides), -(-width // strides)
    if size > min(height, width):
        raise _Unusable(Text(_TOO_LARGE[what], size=size, height=height, width=width))
    return (height - size) // strides + 1, (width - size) // strides + 1


def output_shape(layer: DesignLayer, shape: Shape) -> Shape:
    """What ``layer`` makes of an input of ``shape``; raises _Unusable with the reason."""
    values, kind = layer.values, layer.kind
    rank, needs = _RANK.get(kind, (len(shape), ""))
    if len(shape) != rank:
        raise _Unusable(Text(needs, shape=shape_text(shape)))
    batch, channels = shape[0], shape[-1]
    if kind in _SEQUENCE or kind == "Embedding":
        return _sequence_shape(layer, shape)
    if kind in ("Conv2D", "DepthwiseConv2D", "SeparableConv2D"):
        size = int(values["kernel_size"])
        height, width = _window(layer, "kernel", size, shape)
        if kind == "DepthwiseConv2D":
            assert channels is not None
            return (batch, height, width, channels * int(values["depth_multiplier"]))
        return (batch, height, width, int(values["filters"]))
    if kind in ("MaxPooling2D", "AveragePooling2D"):
        height, width = _window(layer, "pool", int(values["pool_size"]), shape)
        return (batch, height, width, channels)
    if kind == "GlobalAveragePooling2D":
        return (batch, channels)
    if kind == "ZeroPadding2D":
        pad = 2 * int(values["padding"])
        return (batch, shape[1] + pad, shape[2] + pad, channels)  # type: ignore[operator]  # sizes all known
    if kind == "ResidualBlock":
        strides = int(values["strides"])
        height, width = (-(-side // strides) for side in shape[1:3])  # type: ignore[operator]  # sizes all known
        return (batch, height, width, out_channels(str(values["block"]), int(values["filters"])))
    if kind == "Flatten":
        return (batch, prod(shape[1:]))  # type: ignore[arg-type]  # sizes all known
    if kind == "Dense":
        return (*shape[:-1], int(values["units"]))
    return shape  # BatchNormalization, ReLU, Activation, Dropout


def _sequence_shape(layer: DesignLayer, shape: Shape) -> Shape:
    """What a sequence layer makes of ``shape``: (batch, steps) for an Embedding, else
    (batch, steps, features)."""
    values, kind = layer.values, layer.kind
    batch, steps = shape[0], shape[1]
    if kind == "Embedding":
        return (batch, steps, int(values["output_dim"]))
    if kind == "GlobalAveragePooling1D":
        return (batch, shape[2])
    if kind in ("LSTM", "GRU"):
        units = int(values["units"])
        return (batch, steps, units) if values["return_sequences"] else (batch, units)
    if kind == "Conv1D":
        size, strides = int(values["kernel_size"]), int(values["strides"])
        assert steps is not None
        if values["padding"] != "valid":  # same, and causal: zeros before the sequence
            return (batch, -(-steps // strides), int(values["filters"]))
        if size > steps:
            raise _Unusable(
                Text(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "kernel {size} is longer than its {steps} steps; use padding same or "
                        "causal, or a smaller size",
                    ),
                    size=size,
                    steps=steps,
                )
            )
        return (batch, (steps - size) // strides + 1, int(values["filters"]))
    return shape  # MultiHeadAttention: the output has the query's shape


def token_ids(results: tuple[LayerCheck, ...]) -> bool:
    """Whether the Input holds token ids (integers): an Embedding that works comes next."""
    return len(results) > 1 and results[1].kind == "Embedding" and results[1].ok


def missing_input(design: Design) -> str | None:
    """What a design has where its Input must be (``"Flatten f"``, ``"no layers"``), or None.

    The one test of the rule that a design starts with an Input; each caller says it its way."""
    if not design.layers:
        return QT_TRANSLATE_NOOP("Core", "no layers")
    first = design.layers[0]
    return None if first.kind == "Input" else f"{first.kind} {first.name}"


def check(design: Design) -> tuple[LayerCheck, ...]:
    """Each layer's output shape, or the reason it cannot work (and is skipped)."""
    results: list[LayerCheck] = []
    shape: Shape | None = None
    last: DesignLayer | None = None  # the last layer that works
    for index, layer in enumerate(design.layers):
        label = f"{layer.kind} {layer.name}"
        problem: str | None = None
        out: Shape | None = None
        if layer.kind == "Input":
            if index == 0:
                out = (None, *layer.values["shape"])
            else:
                problem = Text(
                    QT_TRANSLATE_NOOP("Core", "{layer}: Input must be the first layer"), layer=label
                )
        elif shape is None:
            problem = Text(
                QT_TRANSLATE_NOOP(
                    "Core", "{layer}: no input: the first layer of a design must be an Input"
                ),
                layer=label,
            )
        elif layer.kind == "Embedding" and index != 1:
            problem = Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{layer}: an Embedding looks up token ids, so it must come right after the "
                    "Input",
                ),
                layer=label,
            )
        else:
            try:
                out = output_shape(layer, shape)
            except _Unusable as unusable:
                problem = Text("{layer}: {reason}", layer=label, reason=unusable.args[0])
                if layer.kind in _SEQUENCE and last is not None and _last_state_only(last):
                    problem = Text(_LAST_STATE, problem=problem, source=last.name)
        results.append(LayerCheck(index, layer.name, layer.kind, shape, out, problem))
        shape = out if out is not None else shape
        last = layer if out is not None else last
    return tuple(results)


# The most common slip in a recurrent stack: a second LSTM after one that gives only its last state.
_LAST_STATE = QT_TRANSLATE_NOOP(
    "Core", "{problem}; {source} gives only its last state: tick its return_sequences"
)


def _last_state_only(layer: DesignLayer) -> bool:
    return layer.kind in ("LSTM", "GRU") and not layer.values["return_sequences"]
