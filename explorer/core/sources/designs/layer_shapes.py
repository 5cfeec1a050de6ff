"""What one layer makes of its input shapes, or why it cannot work, without TensorFlow.

The rules are Keras's own (tests compare them with Keras): convolutions, pooling, padding and
residual blocks need a 4-D input; with ``padding="valid"`` the window must fit in the input.
Recurrent layers, attention, Conv1D and GlobalAveragePooling1D need a sequence, a 3-D input
(batch, steps, features); an Embedding takes token ids (batch, steps). Dense and Flatten take
any rank (Dense on a 4-D tensor works on the last axis, as in Keras); normalisation,
activations and Dropout keep the shape. The merges' rules (several inputs) are ``merge_shapes``'.
"""

from __future__ import annotations

from math import prod
from typing import TYPE_CHECKING

from explorer.core.base.shapes import Shape, shape_text
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.sources.designs.blocks import out_channels

if TYPE_CHECKING:
    from explorer.core.sources.designs.design_layer import DesignLayer


_SPATIAL = {
    "Conv2D",
    "Conv2DTranspose",
    "UpSampling2D",
    "DepthwiseConv2D",
    "SeparableConv2D",
    "MaxPooling2D",
    "AveragePooling2D",
    "GlobalAveragePooling2D",
    "ZeroPadding2D",
    "ResidualBlock",
}


SEQUENCE = {"Conv1D", "GlobalAveragePooling1D", "LSTM", "GRU", "MultiHeadAttention"}


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
        SEQUENCE,
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


class Unusable(Exception):
    """Why a layer cannot work; ``slots``: the inputs that reason is about (none: all)."""

    def __init__(self, reason: str, slots: tuple[int, ...] = ()) -> None:
        super().__init__(reason)
        self.reason = reason
        self.slots = slots


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
        raise Unusable(Text(_TOO_LARGE[what], size=size, height=height, width=width))
    return (height - size) // strides + 1, (width - size) // strides + 1


def _transposed(layer: DesignLayer, shape: Shape) -> tuple[int, int]:
    """A Conv2DTranspose's output height and width (Keras's deconv_output_length): strides
    times the input, and with padding valid the kernel's overhang too."""
    values = layer.values
    size, strides = int(values["kernel_size"]), int(values["strides"])
    overhang = max(size - strides, 0) if values["padding"] == "valid" else 0
    height, width = shape[1], shape[2]
    assert height is not None and width is not None
    return height * strides + overhang, width * strides + overhang


def needs_rank(layer: DesignLayer, shape: Shape) -> None:
    """Raises Unusable if ``layer`` needs another rank of input than ``shape``'s."""
    rank, needs = _RANK.get(layer.kind, (len(shape), ""))
    if len(shape) != rank:
        raise Unusable(Text(needs, shape=shape_text(shape)))


def output_shape(layer: DesignLayer, shape: Shape) -> Shape:
    """What ``layer`` makes of an input of ``shape``; raises Unusable with the reason."""
    values, kind = layer.values, layer.kind
    needs_rank(layer, shape)
    batch, channels = shape[0], shape[-1]
    if kind in SEQUENCE or kind == "Embedding":
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
    if kind == "Conv2DTranspose":
        return (batch, *_transposed(layer, shape), int(values["filters"]))
    if kind == "UpSampling2D":
        size = int(values["size"])
        return (batch, shape[1] * size, shape[2] * size, channels)  # type: ignore[operator]  # sizes all known
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
            raise Unusable(
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


# The most common slip in a recurrent stack: a second LSTM after one that gives only its last state.
LAST_STATE = QT_TRANSLATE_NOOP(
    "Core", "{problem}; {source} gives only its last state: tick its return_sequences"
)


def last_state_only(layer: DesignLayer) -> bool:
    return layer.kind in ("LSTM", "GRU") and not layer.values["return_sequences"]
