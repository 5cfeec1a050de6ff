"""The layer kinds a design is made of, each with typed argument specs (the property editor's form).

A spec's default is Keras's own default wherever Keras has one, so code export can leave out every
argument equal to its default; ``required`` names the arguments Keras has no default for, in
Keras's positional order. Sizes are square: ``kernel_size=3`` means 3×3 (in a Conv1D, 3 steps).
"""

from __future__ import annotations

from explorer.core.base.errors import ParameterError, shown
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.params.specs import ChoiceParam, FloatParam, IntParam, ShapeParam
from explorer.core.sources.designs.blocks import block_layers, merge_layers
from explorer.core.sources.designs.graph_kinds import GRAPH_KINDS
from explorer.core.sources.designs.layer_kind import (
    EPSILON,
    KERNEL,
    USE_BIAS,
    LayerKind,
    activation,
    filters,
)
from explorer.core.sources.designs.sequence_kinds import SEQUENCE_KINDS

__all__ = ["KINDS", "LayerKind", "block_names", "kind_of"]

_STRIDES = IntParam(
    "strides", 1, 1, 16, QT_TRANSLATE_NOOP("Core", "Step of the window in both directions")
)
_PADDING = ChoiceParam(
    "padding",
    "valid",
    ("valid", "same"),
    QT_TRANSLATE_NOOP(
        "Core",
        "valid: no padding, the output shrinks; same: zeros around, output = ceil(input / strides)",
    ),
)
_MULTIPLIER = IntParam(
    "depth_multiplier", 1, 1, 64, QT_TRANSLATE_NOOP("Core", "Depthwise outputs per input channel")
)
_POOL = (
    IntParam("pool_size", 2, 1, 31, QT_TRANSLATE_NOOP("Core", "Side of the square pooling window")),
    IntParam(
        "strides",
        0,
        0,
        16,
        QT_TRANSLATE_NOOP("Core", "Step of the window; 0 means the pool size (Keras's default)"),
        zero_text=QT_TRANSLATE_NOOP("Core", "same as the pool size"),
    ),
    _PADDING,
)

KINDS: dict[str, LayerKind] = {
    kind.type: kind
    for kind in (
        LayerKind(
            "Input",
            "input_layer",
            QT_TRANSLATE_NOOP(
                "Core",
                "What the network takes: an image (height x width x channels), a sequence "
                "(steps x features) or token ids (steps, for an Embedding). Always the first "
                "layer.",
            ),
            (
                ShapeParam(
                    "shape",
                    (224, 224, 3),
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "height x width x channels for an image, steps x features for a "
                        "sequence, steps alone for token ids (an Embedding next) or a vector",
                    ),
                    sequence=True,
                ),
            ),
            ("shape",),
            min_inputs=0,
            max_inputs=0,
        ),
        LayerKind(
            "Conv2D",
            "conv2d",
            QT_TRANSLATE_NOOP(
                "Core",
                "Slides learned kernels over the image; each filter gives one output channel.",
            ),
            (filters(32), KERNEL, _STRIDES, _PADDING, activation(), USE_BIAS),
            ("filters", "kernel_size"),
        ),
        LayerKind(
            "DepthwiseConv2D",
            "depthwise_conv2d",
            QT_TRANSLATE_NOOP(
                "Core",
                "One kernel per input channel: channels are filtered separately, never mixed.",
            ),
            (KERNEL, _MULTIPLIER, _STRIDES, _PADDING, activation(), USE_BIAS),
            ("kernel_size",),
        ),
        LayerKind(
            "SeparableConv2D",
            "separable_conv2d",
            QT_TRANSLATE_NOOP(
                "Core", "A depthwise convolution followed by a 1x1 convolution that mixes channels."
            ),
            (filters(32), KERNEL, _MULTIPLIER, _STRIDES, _PADDING, activation(), USE_BIAS),
            ("filters", "kernel_size"),
        ),
        LayerKind(
            "MaxPooling2D",
            "max_pooling2d",
            QT_TRANSLATE_NOOP("Core", "Keeps the largest value of each window."),
            _POOL,
        ),
        LayerKind(
            "AveragePooling2D",
            "average_pooling2d",
            QT_TRANSLATE_NOOP("Core", "Averages the values of each window."),
            _POOL,
        ),
        LayerKind(
            "GlobalAveragePooling2D",
            "global_average_pooling2d",
            QT_TRANSLATE_NOOP(
                "Core", "Averages each channel over the whole image: height x width x C becomes C."
            ),
            (),
        ),
        LayerKind(
            "ZeroPadding2D",
            "zero_padding2d",
            QT_TRANSLATE_NOOP("Core", "Adds rows and columns of zeros around the image."),
            (
                IntParam(
                    "padding",
                    1,
                    0,
                    1024,
                    QT_TRANSLATE_NOOP("Core", "Rows and columns of zeros added on each side"),
                ),
            ),
        ),
        LayerKind(
            "BatchNormalization",
            "batch_normalization",
            QT_TRANSLATE_NOOP(
                "Core",
                "Normalises each channel with running statistics, then scales and shifts it.",
            ),
            (EPSILON,),
        ),
        LayerKind(
            "ReLU", "re_lu", QT_TRANSLATE_NOOP("Core", "max(x, 0) as a layer of its own."), ()
        ),
        LayerKind(
            "Activation",
            "activation",
            QT_TRANSLATE_NOOP("Core", "Applies a function to every value."),
            (activation("relu"),),
            ("activation",),
        ),
        LayerKind(
            "Dropout",
            "dropout",
            QT_TRANSLATE_NOOP("Core", "While training, zeroes a random fraction of the values."),
            (
                FloatParam(
                    "rate",
                    0.5,
                    0.0,
                    1.0,
                    QT_TRANSLATE_NOOP("Core", "Fraction of the values dropped"),
                ),
            ),
            ("rate",),
        ),
        LayerKind(
            "Flatten", "flatten", QT_TRANSLATE_NOOP("Core", "Lays every value out in one row."), ()
        ),
        LayerKind(
            "Dense",
            "dense",
            QT_TRANSLATE_NOOP(
                "Core",
                "Fully connected: every output is a weighted sum of all inputs on the last axis.",
            ),
            (
                IntParam("units", 10, 1, 100_000, QT_TRANSLATE_NOOP("Core", "Outputs")),
                activation(),
                USE_BIAS,
            ),
            ("units",),
        ),
        LayerKind(
            "ResidualBlock",
            "block",
            QT_TRANSLATE_NOOP(
                "Core",
                "A ResNet block: a few convolutions whose output is added to the block's input "
                "(through a projection when the shape changes).",
            ),
            (
                ChoiceParam(
                    "block",
                    "basic",
                    ("basic", "bottleneck"),
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "basic: 3x3, 3x3 (ResNet18/34); bottleneck: 1x1, 3x3, 1x1 with 4x the "
                        "filters out (ResNet50 and deeper)",
                    ),
                ),
                filters(64),
                IntParam(
                    "strides",
                    1,
                    1,
                    16,
                    QT_TRANSLATE_NOOP("Core", "Step of the block's first convolution"),
                ),
                ChoiceParam(
                    "style",
                    "paper",
                    ("paper", "tutorial"),
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "paper: conv-BN-ReLU, 1x1 projection, ReLU after the addition "
                        "(He et al. 2015); tutorial: the seed's conv+bias+ReLU then BN, 3x3 "
                        "projection in basic blocks, no ReLU after the addition",
                    ),
                ),
            ),
        ),
        *SEQUENCE_KINDS,
        *GRAPH_KINDS,
    )
}


def kind_of(type_name: str) -> LayerKind:
    try:
        return KINDS[type_name]
    except KeyError:
        known = ", ".join(KINDS)
        raise ParameterError(
            "type",
            Text(
                QT_TRANSLATE_NOOP("Core", "unknown layer type {name} (known: {known})"),
                name=shown(type_name),
                known=known,
            ),
        ) from None


# The suffixes of every layer a ResidualBlock may have, whatever its block and style (a paper
# bottleneck has them all, in this order): names stay unique when either argument changes.
_BLOCK_SUFFIXES = tuple(
    dict.fromkeys(
        part.suffix
        for block in ("bottleneck", "basic")
        for style in ("paper", "tutorial")
        for part in (*block_layers(block, style, 64, 1), *merge_layers(style))
    )
)


def block_names(name: str) -> tuple[str, ...]:
    """Every Keras layer name a ResidualBlock called ``name`` may expand to."""
    return tuple(f"{name}_{suffix}" for suffix in _BLOCK_SUFFIXES)
