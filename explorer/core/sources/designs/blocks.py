"""What a ResidualBlock is made of, as data: the one description of the ResNet blocks.

The Keras build (of designs, and so of the catalog's ResNets) and the code export both read it.
``filters`` and ``strides`` may be :class:`Symbol` s (names in generated code) instead of numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import overload


class Symbol(str):
    """A Python expression in generated code (``filters * 4``), not a string literal."""


Arg = int | float | str | bool


@dataclass(frozen=True)
class BlockLayer:
    suffix: str  # the Keras name is ``<block name>_<suffix>``
    type: str  # Keras class name
    args: tuple[tuple[str, Arg], ...]
    shortcut: bool  # on the projection path (built only when the shape changes)


@overload
def out_channels(block: str, filters: int) -> int: ...


@overload
def out_channels(block: str, filters: Symbol) -> Symbol: ...


def out_channels(block: str, filters: int | Symbol) -> int | Symbol:
    """A bottleneck gives out 4x its filters; in generated code, the expression that says so."""
    if block != "bottleneck":
        return filters
    return filters * 4 if isinstance(filters, int) else Symbol(f"{filters} * 4")


def needs_projection(strides: int, in_channels: int, block: str, filters: int) -> bool:
    """A projection exactly where the block changes the shape."""
    return strides != 1 or in_channels != out_channels(block, filters)


def unit_layers(
    style: str, filters: Arg, kernel: int, strides: Arg, padding: str, part: str, relu: bool = True
) -> list[BlockLayer]:
    """One convolution unit (a ResNet's stem is one too): conv, BN and for the paper a ReLU."""
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


def block_layers(
    block: str, style: str, filters: int | Symbol, strides: int | Symbol
) -> list[BlockLayer]:
    """The main path in order, then the projection path; the Add (and ReLU) come after."""
    tutorial = style == "tutorial"
    if block == "basic":
        return [
            *unit_layers(style, filters, 3, strides, "same", "1"),
            *unit_layers(style, filters, 3, 1, "same", "2", relu=False),
            *(
                unit_layers(style, filters, 3, strides, "same", "0")  # the seed's 3x3 projection
                if tutorial
                else unit_layers(style, filters, 1, strides, "valid", "0", relu=False)
            ),
        ]
    wide = out_channels(block, filters)
    padding = "same" if tutorial else "valid"
    return [
        *unit_layers(style, filters, 1, strides, padding, "1"),
        *unit_layers(style, filters, 3, 1, "same", "2"),
        *unit_layers(style, wide, 1, 1, padding, "3", relu=False),
        *unit_layers(style, wide, 1, strides, padding, "0", relu=False),
    ]


def merge_layers(style: str) -> list[BlockLayer]:
    """The addition, and for the paper the ReLU after it."""
    add = BlockLayer("add", "Add", (), False)
    return [add] if style == "tutorial" else [add, BlockLayer("out", "ReLU", (), False)]
