"""ResNet18-152 in two variants: He et al. 2015 (v1, ``paper``) and the seed's code (``tutorial``).

A ResNet is a design (stem, ResidualBlocks, head) built like any other, so the catalog, the
designer's residual block and "Edit a Copy" share one description of the blocks
(``designs/blocks.py``). Layer names follow keras.applications (``conv3_block1_2_conv``) so
stages can be told apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

from explorer.core.base.errors import ParameterError
from explorer.core.base.shapes import format_shape
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.params.specs import ChoiceParam, IntParam, ShapeParam, Value
from explorer.core.references.architecture import Architecture
from explorer.core.sources.designs.blocks import unit_layers
from explorer.core.sources.designs.keras_build import build_design
from explorer.core.sources.designs.model import Design, DesignLayer, input_layer

if TYPE_CHECKING:
    import keras

# depth -> (blocks per stage conv2_x..conv5_x, bottleneck?)
DEPTHS: dict[int, tuple[tuple[int, int, int, int], bool]] = {
    18: ((2, 2, 2, 2), False),
    34: ((3, 4, 6, 3), False),
    50: ((3, 4, 6, 3), True),
    101: ((3, 4, 23, 3), True),
    152: ((3, 8, 36, 3), True),
}
STAGE_WIDTHS = (64, 128, 256, 512)
PAPER_MIN_SIDE = 32  # five halvings leave at least one pixel
TUTORIAL_MIN_SIDE = 193  # ceil(side / 32) >= 7 for the seed's final 7x7 AveragePooling2D
HALVINGS = QT_TRANSLATE_NOOP("Core", "the network halves the input five times")

# The variant's values, marked: the window names them in its language (references keep them).
VARIANTS = (QT_TRANSLATE_NOOP("Core", "paper"), QT_TRANSLATE_NOOP("Core", "tutorial"))

PARAMS = (
    ShapeParam(
        "input_shape",
        (224, 224, 3),
        QT_TRANSLATE_NOOP("Core", "Input image: height x width x channels"),
        PAPER_MIN_SIDE,
        min_reason=HALVINGS,
        min_note=Text(
            QT_TRANSLATE_NOOP("Core", "{side} with variant=tutorial"), side=TUTORIAL_MIN_SIDE
        ),
    ),
    IntParam(
        "classes", 1000, 1, 100_000, QT_TRANSLATE_NOOP("Core", "Units of the final Dense layer")
    ),
    ChoiceParam(
        "variant",
        "paper",
        VARIANTS,
        QT_TRANSLATE_NOOP(
            "Core",
            "paper: He et al. 2015 (conv-BN-ReLU, 1x1 projections); "
            "tutorial: the seed's code as written (conv+bias-ReLU-BN, no ReLU after the addition)",
        ),
    ),
)


def check(depth: int, values: Mapping[str, Value]) -> None:
    shape: Any = values["input_shape"]
    tutorial = values["variant"] == "tutorial"
    minimum = TUTORIAL_MIN_SIDE if tutorial else PAPER_MIN_SIDE
    if min(shape[:2]) < minimum:
        why = (
            QT_TRANSLATE_NOOP(
                "Core", "its final 7x7 average pooling needs a 7x7 feature map after five halvings"
            )
            if tutorial
            else HALVINGS
        )
        raise ParameterError(
            "input_shape",
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{shape} is too small for resnet{depth} (variant={variant}): {why}, so height "
                    "and width must be at least {minimum}",
                ),
                shape=format_shape(shape),
                depth=depth,
                variant=values["variant"],
                why=why,
                minimum=minimum,
            ),
        )


def design(depth: int, values: Mapping[str, Value]) -> Design:
    """The stem, the ResidualBlocks of ``designs.blocks`` and the head, as a design."""
    blocks, bottleneck = DEPTHS[depth]
    style = str(values["variant"])
    tutorial = style == "tutorial"
    pool = {"pool_size": 3, "strides": 2, "padding": "same" if tutorial else "valid"}
    stem = [
        input_layer(values["input_shape"]),
        DesignLayer("ZeroPadding2D", "conv1_pad", (("padding", 3),)),
        *(
            DesignLayer(p.type, p.suffix, p.args)
            for p in unit_layers(style, 64, 7, 2, "valid", "conv1")
        ),
        *([] if tutorial else [DesignLayer("ZeroPadding2D", "pool1_pad", (("padding", 1),))]),
        DesignLayer("MaxPooling2D", "pool1_pool", tuple(pool.items())),
    ]
    stages = enumerate(zip(blocks, STAGE_WIDTHS, strict=True), start=2)
    body = [
        DesignLayer(
            "ResidualBlock",
            f"conv{stage}_block{index}",
            (
                ("block", "bottleneck" if bottleneck else "basic"),
                ("filters", width),
                ("strides", 2 if index == 1 and stage > 2 else 1),
                ("style", style),
            ),
        )
        for stage, (count, width) in stages
        for index in range(1, count + 1)
    ]
    pooling = (
        [
            DesignLayer("AveragePooling2D", "avg_pool", (("pool_size", 7),)),
            DesignLayer("Flatten", "flatten"),
        ]
        if tutorial
        else [DesignLayer("GlobalAveragePooling2D", "avg_pool")]
    )
    head = (("units", values["classes"]), ("activation", "softmax"))
    layers = (*stem, *body, *pooling, DesignLayer("Dense", "predictions", head))
    return Design(f"resnet{depth}", layers)


def build(depth: int, values: Mapping[str, Value]) -> keras.Model:
    return build_design(design(depth, values))


def _entry(depth: int) -> Architecture:
    blocks, bottleneck = DEPTHS[depth]
    kind = (
        QT_TRANSLATE_NOOP("Core", "bottleneck (1x1-3x3-1x1)")
        if bottleneck
        else QT_TRANSLATE_NOOP("Core", "basic (3x3-3x3)")
    )
    return Architecture(
        id=f"resnet{depth}",
        title=f"ResNet{depth}",
        family="ResNet",
        description=Text(
            QT_TRANSLATE_NOOP(
                "Core",
                "Residual network with {depth} weighted layers: a 7x7 stem, four stages of "
                "{blocks} {kind} blocks whose shortcut connections add the block's input to its "
                "output, then average pooling and a Dense classifier. variant=paper follows He "
                "et al. 2015; variant=tutorial is the seed's code.",
            ),
            depth=depth,
            blocks="-".join(map(str, blocks)),
            kind=kind,
        ),
        params=PARAMS,
        build=partial(build, depth),
        check=partial(check, depth),
    )


ARCHITECTURES = tuple(_entry(depth) for depth in DEPTHS)
