"""Per-layer cost: multiply-accumulates (MACs) for one sample and activation sizes.

Only layers that multiply by weights count MACs (convolutions, Dense); element-wise layers such
as BatchNormalization, ReLU and Add count 0, as in the papers' tables. Bias additions are not
counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import prod
from typing import Any

from explorer.core.base.shapes import Shape


def elements(shape: Shape) -> int:
    """Elements of one sample (the batch axis dropped); 0 when a size is unknown."""
    dims = shape[1:]
    if any(d is None for d in dims):
        return 0
    return prod(dims)  # type: ignore[arg-type]  # no None left: returned 0 above


def activation_elements(outputs: Sequence[Shape]) -> int:
    return sum(elements(shape) for shape in outputs)


def layer_macs(layer: Any, inputs: Sequence[Shape], outputs: Sequence[Shape]) -> int:
    """MACs of one call of ``layer`` for one sample, from its kernels and tensor shapes."""
    from keras import layers

    if not outputs:
        return 0
    out = elements(outputs[0])
    # Order matters: SeparableConv and DepthwiseConv are not Conv subclasses, transposes are.
    if isinstance(layer, (layers.SeparableConv1D, layers.SeparableConv2D)):
        depthwise = layer.depthwise_kernel.shape  # (*kernel, in_channels, multiplier)
        pointwise = layer.pointwise_kernel.shape  # (*1, in_channels * multiplier, filters)
        positions = out // pointwise[-1]
        return int(positions * prod(depthwise) + positions * pointwise[-2] * pointwise[-1])
    if isinstance(layer, (layers.DepthwiseConv1D, layers.DepthwiseConv2D)):
        return out * int(prod(layer.kernel.shape[:-2]))
    if isinstance(layer, (layers.Conv1DTranspose, layers.Conv2DTranspose, layers.Conv3DTranspose)):
        # Every input element is multiplied into a kernel-sized patch of each output channel.
        return elements(inputs[0]) * int(prod(layer.kernel.shape[:-1])) if inputs else 0
    if isinstance(layer, (layers.Conv1D, layers.Conv2D, layers.Conv3D)):
        return out * int(prod(layer.kernel.shape[:-1]))  # kernel: (*kernel, in/groups, filters)
    if isinstance(layer, layers.Dense):
        return out * int(layer.kernel.shape[0])
    return 0
