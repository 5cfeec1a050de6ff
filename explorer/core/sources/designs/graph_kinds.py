"""The kinds of layer that only a graph needs: merges of several inputs, and the way back up
(Conv2DTranspose, UpSampling2D) of a U-Net's decoder.

A merge takes its inputs in a defined order, shown on its ports: numbered for those where the
order only matters to Concatenate's layout, ``x`` and ``− y`` for Subtract.
"""

from __future__ import annotations

from explorer.core.base.texts import QT_TRANSLATE_NOOP
from explorer.core.params.specs import BoolParam, ChoiceParam, IntParam
from explorer.core.sources.designs.layer_kind import (
    KERNEL,
    USE_BIAS,
    LayerKind,
    activation,
    filters,
)


def _merge(kind: str, name: str, description: str) -> LayerKind:
    return LayerKind(kind, name, description, (), min_inputs=2, max_inputs=None)


_AXIS_HELP = QT_TRANSLATE_NOOP(
    "Core", "The axis the inputs are laid side by side on; -1 is the last (the channels)"
)

GRAPH_KINDS = (
    _merge(
        "Add",
        "add",
        QT_TRANSLATE_NOOP(
            "Core", "Adds its inputs element by element; they must all have the same shape."
        ),
    ),
    LayerKind(
        "Subtract",
        "subtract",
        QT_TRANSLATE_NOOP("Core", "x − y, element by element; both inputs have the same shape."),
        (),
        min_inputs=2,
        max_inputs=2,
        ports=("x", "− y"),
    ),
    _merge(
        "Multiply",
        "multiply",
        QT_TRANSLATE_NOOP(
            "Core", "Multiplies its inputs element by element; they must all have the same shape."
        ),
    ),
    _merge(
        "Average",
        "average",
        QT_TRANSLATE_NOOP(
            "Core", "Averages its inputs element by element; they must all have the same shape."
        ),
    ),
    _merge(
        "Maximum",
        "maximum",
        QT_TRANSLATE_NOOP(
            "Core",
            "Keeps the largest of its inputs element by element; they must all have the same "
            "shape.",
        ),
    ),
    LayerKind(
        "Concatenate",
        "concatenate",
        QT_TRANSLATE_NOOP(
            "Core",
            "Lays its inputs side by side along one axis (the channels by default); every "
            "other axis must agree.",
        ),
        (IntParam("axis", -1, -8, 8, _AXIS_HELP),),
        min_inputs=2,
        max_inputs=None,
    ),
    LayerKind(
        "Dot",
        "dot",
        QT_TRANSLATE_NOOP(
            "Core",
            "Dot products of its two inputs along one axis of each (the same axis for both).",
        ),
        (
            IntParam(
                "axes",
                -1,
                -8,
                8,
                QT_TRANSLATE_NOOP("Core", "The axis summed over, in both inputs; -1 is the last"),
            ),
            BoolParam(
                "normalize",
                False,
                QT_TRANSLATE_NOOP(
                    "Core", "Scale both inputs to length 1 first: the cosine similarity"
                ),
            ),
        ),
        ("axes",),
        min_inputs=2,
        max_inputs=2,
        ports=("x", "y"),
    ),
    LayerKind(
        "Conv2DTranspose",
        "conv2d_transpose",
        QT_TRANSLATE_NOOP(
            "Core",
            "The way back of a convolution: each input value spreads a learned kernel over the "
            "output, which is strides times larger.",
        ),
        (
            filters(32),
            KERNEL,
            IntParam(
                "strides",
                1,
                1,
                16,
                QT_TRANSLATE_NOOP(
                    "Core", "How many times larger the output is, in both directions"
                ),
            ),
            ChoiceParam(
                "padding",
                "valid",
                ("valid", "same"),
                QT_TRANSLATE_NOOP(
                    "Core",
                    "same: output = input × strides; valid: also the kernel's overhang, "
                    "input × strides + max(kernel − strides, 0)",
                ),
            ),
            activation(),
            USE_BIAS,
        ),
        ("filters", "kernel_size"),
    ),
    LayerKind(
        "UpSampling2D",
        "up_sampling2d",
        QT_TRANSLATE_NOOP(
            "Core", "Repeats every row and column size times: the image grows, nothing is learned."
        ),
        (
            IntParam(
                "size",
                2,
                1,
                64,
                QT_TRANSLATE_NOOP("Core", "How many times each row and column is repeated"),
            ),
        ),
    ),
)
