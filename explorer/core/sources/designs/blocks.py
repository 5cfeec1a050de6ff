"""What a ResidualBlock is made of, as data: the one description of the ResNet blocks.

The Keras build (of designs, and so of the catalog's ResNets) and the code export both read it.
``filters`` and ``strides`` may be :class:`Symbol` s (names in generated code) instead of numbers.
"""

from __future__ import annotations

from dataclasses import dataclass


class Symbol(str):
    """A Python expression in generated code (``filters * 4``), not a string literal."""


Arg = int | float | str | bool


@dataclass(frozen=True)
class BlockLayer:
    suffix: str  # the Keras name is ``<block name>_<suffix>``
    type: str  # Keras class name
    args: tuple[tuple[str, Arg], ...]
    shortcut: bool  # on the projection path (built only when the shape changes)


def out_channels(block: str, filters: int) -> int:
    return filters * 4 if block == "bottleneck" else filters


def needs_projection(strides: int, in_channels: int, block: str, filters: int) -> bool:
    """A projection exactly where the block changes the shape."""
    return strides != 1 or in_channels != out_channels(block, filters)


def _unit(
    style: str, filters: Arg, kernel: int, strides: Arg, padding: str, part: str, relu: bool = True
) -> list[BlockLayer]:
    shortcut = part == "0"
    conv = {"filters": filters, "kernel_size": kernel, "strides": strides, "padding": padding}
    if style == "tutorial":  # the seed's Conv2D_BN: conv with bias and ReLU, then BN, always
        return [
            BlockLayer(f"{part}_conv", "Conv2D", (*conv.items(), ("activation", "relu")), shortcut),
            BlockLayer(f"{part}_bn", "BatchNormalization", (), shortcut),
        ]
    layers = [
        BlockLayer(f"{part}_conv", "Conv2D", (*conv.items(), ("use_bias", False)), shortcut),
        BlockLayer(f"{part}_bn", "BatchNormalization", (("epsilon", 1e-5),), shortcut),
    ]
    return layers + [BlockLayer(f"{part}_relu", "ReLU", (), shortcut)] * relu


def block_layers(block: str, style: str, filters: Arg, strides: Arg) -> list[BlockLayer]:
    """The main path in order, then the projection path; the Add (and ReLU) come after."""
    tutorial = style == "tutorial"
    if block == "basic":
        return [
            *_unit(style, filters, 3, strides, "same", "1"),
            *_unit(style, filters, 3, 1, "same", "2", relu=False),
            *(
                _unit(style, filters, 3, strides, "same", "0")  # the seed's 3x3 projection
                if tutorial
                else _unit(style, filters, 1, strides, "valid", "0", relu=False)
            ),
        ]
    wide = filters * 4 if isinstance(filters, int) else Symbol(f"{filters} * 4")
    padding = "same" if tutorial else "valid"
    return [
        *_unit(style, filters, 1, strides, padding, "1"),
        *_unit(style, filters, 3, 1, "same", "2"),
        *_unit(style, wide, 1, 1, padding, "3", relu=False),
        *_unit(style, wide, 1, strides, padding, "0", relu=False),
    ]


def merge_layers(style: str) -> list[BlockLayer]:
    """The addition, and for the paper the ReLU after it."""
    add = BlockLayer("add", "Add", (), False)
    return [add] if style == "tutorial" else [add, BlockLayer("out", "ReLU", (), False)]
