"""ResNet18-152 in two variants: He et al. 2015 (v1, ``paper``) and the seed's code (``tutorial``).

Layer names follow keras.applications (``conv3_block1_2_conv``) so stages can be told apart.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

from explorer.core.base.errors import ParameterError
from explorer.core.base.shapes import format_shape
from explorer.core.params.specs import ChoiceParam, IntParam, ShapeParam, Value
from explorer.core.references.architecture import Architecture

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

PARAMS = (
    ShapeParam("input_shape", (224, 224, 3), "Input image: height x width x channels"),
    IntParam("classes", 1000, 1, 100_000, "Units of the final Dense layer"),
    ChoiceParam(
        "variant",
        "paper",
        ("paper", "tutorial"),
        "paper: He et al. 2015 (conv-BN-ReLU, 1x1 projections); "
        "tutorial: the seed's code as written (conv+bias-ReLU-BN, no ReLU after the addition)",
    ),
)


def check(depth: int, values: Mapping[str, Value]) -> None:
    shape: Any = values["input_shape"]
    tutorial = values["variant"] == "tutorial"
    minimum = TUTORIAL_MIN_SIDE if tutorial else PAPER_MIN_SIDE
    if min(shape[:2]) < minimum:
        why = (
            "its final 7x7 average pooling needs a 7x7 feature map after five halvings"
            if tutorial
            else "the network halves the input five times"
        )
        raise ParameterError(
            "input_shape",
            f"{format_shape(shape)} is too small for resnet{depth} (variant={values['variant']}): "
            f"{why}, so height and width must be at least {minimum}",
        )


def build(depth: int, values: Mapping[str, Value]) -> keras.Model:
    import keras

    blocks, bottleneck = DEPTHS[depth]
    tutorial = values["variant"] == "tutorial"
    unit = _tutorial_unit if tutorial else _paper_unit
    block = partial(_bottleneck_block if bottleneck else _basic_block, unit, tutorial)
    layers = keras.layers

    inputs = keras.Input(shape=values["input_shape"], name="input_layer")
    x = layers.ZeroPadding2D(3, name="conv1_pad")(inputs)
    x = unit(x, 64, 7, 2, "valid", "conv1")
    if not tutorial:
        x = layers.ZeroPadding2D(1, name="pool1_pad")(x)
    x = layers.MaxPooling2D(3, 2, padding="same" if tutorial else "valid", name="pool1_pool")(x)
    for stage, (count, width) in enumerate(zip(blocks, STAGE_WIDTHS, strict=True), start=2):
        for index in range(1, count + 1):
            stride = 2 if index == 1 and stage > 2 else 1
            x = block(x, width, stride, index == 1, f"conv{stage}_block{index}")
    if tutorial:
        x = layers.AveragePooling2D(7, name="avg_pool")(x)
        x = layers.Flatten(name="flatten")(x)
    else:
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    x = layers.Dense(values["classes"], activation="softmax", name="predictions")(x)
    return keras.Model(inputs, x, name=f"resnet{depth}")


Unit = Callable[..., Any]


def _paper_unit(
    x: Any, filters: int, kernel: int, stride: int, padding: str, name: str, relu: bool = True
) -> Any:
    """conv (no bias) -> BN -> ReLU; no ReLU where the paper adds the shortcut first."""
    import keras

    x = keras.layers.Conv2D(
        filters, kernel, stride, padding=padding, use_bias=False, name=f"{name}_conv"
    )(x)
    x = keras.layers.BatchNormalization(epsilon=1e-5, name=f"{name}_bn")(x)
    return keras.layers.ReLU(name=f"{name}_relu")(x) if relu else x


def _tutorial_unit(
    x: Any, filters: int, kernel: int, stride: int, padding: str, name: str, relu: bool = True
) -> Any:
    """The seed's ``Conv2D_BN``: conv with bias and ReLU, then BN, wherever it is used."""
    import keras

    x = keras.layers.Conv2D(
        filters, kernel, stride, padding=padding, activation="relu", name=f"{name}_conv"
    )(x)
    return keras.layers.BatchNormalization(name=f"{name}_bn")(x)


def _basic_block(
    unit: Unit, tutorial: bool, x: Any, width: int, stride: int, first: bool, name: str
) -> Any:
    inputs = x
    x = unit(x, width, 3, stride, "same", f"{name}_1")
    x = unit(x, width, 3, 1, "same", f"{name}_2", relu=False)
    if stride == 1:
        shortcut = inputs
    elif tutorial:
        shortcut = unit(inputs, width, 3, stride, "same", f"{name}_0")  # the seed's 3x3 projection
    else:
        shortcut = unit(inputs, width, 1, stride, "valid", f"{name}_0", relu=False)
    return _merge(tutorial, x, shortcut, name)


def _bottleneck_block(
    unit: Unit, tutorial: bool, x: Any, width: int, stride: int, first: bool, name: str
) -> Any:
    padding = "same" if tutorial else "valid"
    inputs = x
    x = unit(x, width, 1, stride, padding, f"{name}_1")
    x = unit(x, width, 3, 1, "same", f"{name}_2")
    x = unit(x, width * 4, 1, 1, padding, f"{name}_3", relu=False)
    shortcut = (
        unit(inputs, width * 4, 1, stride, padding, f"{name}_0", relu=False) if first else inputs
    )
    return _merge(tutorial, x, shortcut, name)


def _merge(tutorial: bool, x: Any, shortcut: Any, name: str) -> Any:
    import keras

    x = keras.layers.Add(name=f"{name}_add")([x, shortcut])
    return x if tutorial else keras.layers.ReLU(name=f"{name}_out")(x)


def _entry(depth: int) -> Architecture:
    blocks, bottleneck = DEPTHS[depth]
    kind = "bottleneck (1x1-3x3-1x1)" if bottleneck else "basic (3x3-3x3)"
    return Architecture(
        id=f"resnet{depth}",
        title=f"ResNet{depth}",
        family="ResNet",
        description=(
            f"Residual network with {depth} weighted layers: a 7x7 stem, four stages of "
            f"{'-'.join(map(str, blocks))} {kind} blocks whose shortcut connections add the "
            "block's input to its output, then average pooling and a Dense classifier. "
            "variant=paper follows He et al. 2015; variant=tutorial is the seed's code."
        ),
        params=PARAMS,
        build=partial(build, depth),
        check=partial(check, depth),
    )


ARCHITECTURES = tuple(_entry(depth) for depth in DEPTHS)
