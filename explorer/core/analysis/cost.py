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


def _known(dims: Sequence[int | None]) -> int:
    """The product of ``dims``; 0 when one is unknown (a cost then counts 0, as elements do)."""
    return 0 if any(d is None for d in dims) else int(prod(dims))  # type: ignore[arg-type]  # no None


def elements(shape: Shape) -> int:
    """Elements of one sample (the batch axis dropped); 0 when a size is unknown."""
    return _known(shape[1:])


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
        return out * int(layer.kernel.shape[0])  # per position on N-D inputs
    if isinstance(layer, layers.EinsumDense):
        return _einsum_macs(layer.equation, inputs[0], tuple(layer.kernel.shape)) if inputs else 0
    if isinstance(layer, layers.TimeDistributed) and inputs:  # the inner layer, every step
        steps, per_step = inputs[0][1], [(inputs[0][0], *inputs[0][2:])]
        inner = layer_macs(layer.layer, per_step, [(outputs[0][0], *outputs[0][2:])])
        return _known([steps]) * inner
    if isinstance(layer, layers.Bidirectional):  # both directions read the whole sequence
        return sum(
            layer_macs(r, inputs, outputs) for r in (layer.forward_layer, layer.backward_layer)
        )
    if isinstance(layer, (layers.ConvLSTM1D, layers.ConvLSTM2D, layers.ConvLSTM3D)) and inputs:
        # Each step convolves the input and the last state into four gates at every position.
        step = outputs[0][2:] if layer.return_sequences else outputs[0][1:]
        spatial = step[1:] if layer.data_format == "channels_first" else step[:-1]
        kernels = prod(layer.cell.kernel.shape) + prod(layer.cell.recurrent_kernel.shape)
        return _known([inputs[0][1], *spatial]) * int(kernels)
    if isinstance(layer, (layers.SimpleRNN, layers.GRU, layers.LSTM)):
        return _recurrent_macs(layer, inputs[0]) if inputs else 0
    heads_and_widths = _attention_dims(layer)
    if heads_and_widths is not None:
        return _attention_macs(layer, inputs, *heads_and_widths)
    if isinstance(layer, (layers.Attention, layers.AdditiveAttention)) and len(inputs) >= 2:
        # Scores: Tq x Tv dot products (or scaled sums) of width d; then the weighted values.
        query, value = inputs[0], inputs[1]
        steps = _known(query[1:-1]) * _known(value[1:-1])
        return steps * (_known(query[-1:]) + _known(value[-1:]))
    return 0


def _attention_dims(layer: Any) -> tuple[int, int, int, int] | None:
    """Query heads, key/value heads, key width and value width of MultiHeadAttention or
    GroupQueryAttention; None for other layers."""
    from keras import layers

    if isinstance(layer, layers.GroupQueryAttention):
        heads, width = layer.num_query_heads, layer.head_dim
        return heads, layer.num_key_value_heads, width, width
    if isinstance(layer, layers.MultiHeadAttention):
        heads = layer.num_heads
        return heads, heads, layer.key_dim, layer.value_dim or layer.key_dim
    return None


def attention_products(layer: Any, inputs: Sequence[Shape]) -> tuple[int, int] | None:
    """The query length and the MACs of the two attention products (QKᵀ and AV) of one call
    of MultiHeadAttention or GroupQueryAttention, the part of its MACs that grows with the
    square of the token count; None for other layers."""
    heads_and_widths = _attention_dims(layer)
    if heads_and_widths is None or not inputs:
        return None
    query_heads, _, key_dim, value_dim = heads_and_widths
    query = inputs[0]
    value = inputs[1] if len(inputs) > 1 else query
    tq, tv = _known(query[1:-1]), _known(value[1:-1])
    return tq, query_heads * tq * tv * (key_dim + value_dim)


_GATES = (("LSTM", 4), ("GRU", 3), ("SimpleRNN", 1))


def _recurrent_macs(layer: Any, inputs: Shape) -> int:
    """Each step multiplies the input (d) and the last state (units) into every gate:
    steps x gates x (d x units + units x units). A GRU has three gates whichever
    ``reset_after`` it uses (that moves the reset gate, not a product); an LSTM four."""
    from keras import layers

    gates = next(n for kind, n in _GATES if isinstance(layer, getattr(layers, kind)))
    units = int(layer.units)
    steps, features = _known(inputs[1:-1]), _known(inputs[-1:])
    return steps * gates * (features * units + units * units)


def _attention_macs(
    layer: Any, inputs: Sequence[Shape], query_heads: int, value_heads: int, key_dim: int,
    value_dim: int,
) -> int:  # fmt: skip
    """The four projections and the two attention products, QKᵀ and AV, of one call:
    query (Tq, dq), value (Tv, dv), key (Tv, dk) defaulting to the value."""
    if not inputs:
        return 0
    query = inputs[0]
    value = inputs[1] if len(inputs) > 1 else query
    key = inputs[2] if len(inputs) > 2 else value
    tq, tv = _known(query[1:-1]), _known(value[1:-1])
    dq, dk, dv = _known(query[-1:]), _known(key[-1:]), _known(value[-1:])
    shape = getattr(layer, "_output_shape", None)  # MultiHeadAttention(output_shape=...): a tuple
    output_dim = _known(shape[-1:]) if shape else dq
    projections = (
        tq * dq * query_heads * key_dim
        + tv * dk * value_heads * key_dim
        + tv * dv * value_heads * value_dim
        + tq * query_heads * value_dim * output_dim
    )
    if getattr(layer, "_use_gate", False):  # a sigmoid gate, projected from the query
        projections += tq * dq * query_heads * value_dim
    _, products = attention_products(layer, inputs) or (0, 0)
    return projections + products


def _einsum_macs(equation: str, inputs: Shape, kernel: tuple[int, ...]) -> int:
    """One multiply-accumulate per combination of the equation's indices, batch excluded:
    ``ab,bc->ac`` on (a, b) and (b, c) is a x b x c."""
    operands, _ = equation.split("->")
    left, right = operands.split(",")
    sizes: dict[str, int] = {}
    if left.startswith("..."):  # the leading dimensions, batch among them
        left = left[3:]
        dims = inputs[len(inputs) - len(left) :]
        extra = _known(inputs[1 : len(inputs) - len(left)])
    else:
        left, dims, extra = left[1:], inputs[1:], 1  # its first index is the batch
    for letter, size in zip(left, dims, strict=False):
        sizes[letter] = size if size is not None else 0
    for letter, size in zip(right.replace("...", ""), kernel, strict=False):
        sizes.setdefault(letter, size)
    return extra * int(prod(sizes.values()))
