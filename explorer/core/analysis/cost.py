"""Per-layer cost: multiply-accumulates (MACs) for one sample and activation sizes.

Layers that multiply by weights or by other tensors count MACs (convolutions, Dense, recurrent
and attention layers, Dot, ``ops.matmul``); element-wise and reshaping layers such as
BatchNormalization, ReLU, Add, pooling and Dropout count 0, as in the papers' tables; bias
additions are not counted. Any other layer (a custom layer, a Lambda, a kind with no formula
here) is *not counted*: ``layer_macs`` returns None, never a silent 0. So is a cost that needs a
size the model leaves unknown (an LSTM over sequences of any length).
"""

from __future__ import annotations

from collections.abc import Sequence
from math import prod
from typing import Any

from explorer.core.base.shapes import Shape
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.base.units import short_count

NOT_COUNTED = QT_TRANSLATE_NOOP("Core", "not counted")
_NAMED = 5  # layers not counted named in a totals line; the rest are counted

# Keras's layer modules (keras.src.layers.<module>) whose layers only rearrange, normalise,
# pool, drop or apply a function element by element: 0 MACs by convention.
_FREE_MODULES = frozenset(
    {"activations", "merging", "normalization", "pooling", "preprocessing", "regularization",
     "reshaping"}
)  # fmt: skip
_FREE_LAYERS = frozenset({"Embedding", "ReversibleEmbedding", "Identity", "InputLayer", "Masking"})
# keras.applications' own layers, each element-wise: ConvNeXt's per-channel scale and drop path,
# Inception-ResNet's scaled residual sum.
_FREE_APPLICATION_LAYERS = frozenset({"LayerScale", "StochasticDepth", "CustomScaleLayer"})
# The class attribute by which a layer class of this program says it is element-wise (0 MACs).
ELEMENT_WISE = "element_wise"
# Built-in layers with no formula here, left "not counted" on purpose: Fourier transforms,
# a layer that wraps another or a foreign function, a generic pipeline.
_UNCOUNTED_LAYERS = frozenset(
    {"STFTSpectrogram", "MelSpectrogram", "Pipeline", "Lambda", "SpectralNormalization",
     "Wrapper", "TFSMLayer", "JaxLayer", "FlaxLayer", "TorchModuleWrapper"}
)  # fmt: skip
# Operations in a Functional graph (``keras.ops``): these multiply tensors with no formula here;
# every other operation is element-wise or rearranges values (0 MACs).
_UNCOUNTED_OPS = frozenset(
    {"Tensordot", "Dot", "Inner", "Vdot", "Kron", "Conv", "ConvTranspose", "DepthwiseConv",
     "SeparableConv", "Correlate", "Convolve", "DotProductAttention", "Fft", "Fft2", "Ifft2",
     "Rfft", "Irfft", "Stft", "Istft", "Solve", "SolveTriangular", "Inv", "Pinv", "Det",
     "Cholesky", "CholeskyInverse", "Qr", "SVD", "Eig", "Eigh", "Lstsq", "LuFactor", "Norm",
     "MatrixRank"}
)  # fmt: skip


def macs_text(macs: int | None, *, short: bool = False) -> str:
    """``1,234,567`` (or ``1.23 M``), or "not counted"."""
    if macs is None:
        return NOT_COUNTED
    return short_count(macs) if short else f"{macs:,}"


def uncounted_note(names: Sequence[str], *, named: bool = True) -> str:
    """ "" when every layer is counted, else "(2 layers not counted: lambda, custom)", naming
    the first few; ``named=False`` gives "(2 layers not counted)"."""
    if not names:
        return ""
    if not named:
        if len(names) == 1:
            return QT_TRANSLATE_NOOP("Core", "(1 layer not counted)")
        return Text(QT_TRANSLATE_NOOP("Core", "({count} layers not counted)"), count=len(names))
    shown = ", ".join(names[:_NAMED])
    if len(names) > _NAMED:
        shown = Text(
            QT_TRANSLATE_NOOP("Core", "{names} and {count} more"),
            names=shown,
            count=len(names) - _NAMED,
        )
    if len(names) == 1:
        return Text(QT_TRANSLATE_NOOP("Core", "(1 layer not counted: {names})"), names=shown)
    return Text(
        QT_TRANSLATE_NOOP("Core", "({count} layers not counted: {names})"),
        count=len(names),
        names=shown,
    )


class _UnknownSize(Exception):
    """A cost needs a size the model leaves as None."""


def _known(dims: Sequence[int | None]) -> int:
    """The product of ``dims``; 0 when one is unknown (activation sizes count 0 then)."""
    return 0 if any(d is None for d in dims) else int(prod(dims))  # type: ignore[arg-type]  # no None


def _size(dims: Sequence[int | None]) -> int:
    """The product of ``dims`` for a cost; a size that is unknown makes the cost unknown."""
    if any(d is None for d in dims):
        raise _UnknownSize
    return int(prod(dims))  # type: ignore[arg-type]  # no None left


def elements(shape: Shape) -> int:
    """Elements of one sample (the batch axis dropped); 0 when a size is unknown."""
    return _known(shape[1:])


def activation_elements(outputs: Sequence[Shape]) -> int:
    return sum(elements(shape) for shape in outputs)


# Activations whose gradient is computed from their output: the value before them is not kept.
_GRADIENT_FROM_OUTPUT = frozenset({"linear", "relu", "relu6", "sigmoid", "tanh", "softmax"})


def internal_elements(layer: Any, inputs: Sequence[Shape], outputs: Sequence[Shape]) -> int:
    """Values a layer makes inside one call and training keeps for the backward pass, beyond
    its output, per sample: attention's projected queries, keys and values, its scores and their
    softmax, and the heads' output before the last projection; a Dense or convolution's output
    before an ``activation`` whose gradient needs it (GELU, swish; not ReLU, whose gradient reads
    its output), and an Activation layer's input for such a function (an output that layer
    alone reads is otherwise not kept). 0 for any other layer, and when a size is unknown."""
    from keras import layers

    try:
        dims = _attention_dims(layer)
        if dims is not None:
            heads, value_heads, key_dim, value_dim = dims
            query = inputs[0]
            value = inputs[1] if len(inputs) > 1 else query
            tq, tv = _size(query[1:-1]), _size(value[1:-1])
            projected = tq * heads * key_dim + tv * value_heads * (key_dim + value_dim)
            return projected + 2 * heads * tq * tv + tq * heads * value_dim
        activation = getattr(getattr(layer, "activation", None), "__name__", "linear")
        kinds = (layers.Dense, layers.Conv1D, layers.Conv2D, layers.Conv3D)
        if isinstance(layer, kinds) and activation not in _GRADIENT_FROM_OUTPUT and outputs:
            return _size(outputs[0][1:])
        if isinstance(layer, layers.Activation) and activation not in _GRADIENT_FROM_OUTPUT:
            return _size(inputs[0][1:])  # swish, GELU: the gradient reads the input
    except _UnknownSize:
        return 0
    return 0


def layer_macs(layer: Any, inputs: Sequence[Shape], outputs: Sequence[Shape]) -> int | None:
    """MACs of one call of ``layer`` for one sample, from its kernels and tensor shapes; None
    when they are not counted (a kind with no formula, or a size that is unknown)."""
    try:
        return _macs(layer, inputs, outputs)
    except _UnknownSize:
        return None


def _macs(layer: Any, inputs: Sequence[Shape], outputs: Sequence[Shape]) -> int | None:
    from keras import layers

    if not isinstance(layer, layers.Layer):
        return _operation_macs(layer, inputs, outputs)
    if not outputs:
        return 0
    out = _size(outputs[0][1:])
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
        return _size(inputs[0][1:]) * int(prod(layer.kernel.shape[:-1]))
    if isinstance(layer, (layers.Conv1D, layers.Conv2D, layers.Conv3D)):
        return out * int(prod(layer.kernel.shape[:-1]))  # kernel: (*kernel, in/groups, filters)
    if isinstance(layer, layers.Dense):
        return out * int(layer.kernel.shape[0])  # per position on N-D inputs
    if isinstance(layer, layers.EinsumDense):
        return _einsum_macs(layer.equation, inputs[0], tuple(layer.kernel.shape))
    if isinstance(layer, layers.TimeDistributed):  # the inner layer, every step
        steps, per_step = inputs[0][1], [(inputs[0][0], *inputs[0][2:])]
        inner = _macs(layer.layer, per_step, [(outputs[0][0], *outputs[0][2:])])
        return None if inner is None else _size([steps]) * inner
    if isinstance(layer, layers.Bidirectional):  # both directions read the whole sequence
        both = [_macs(r, inputs, outputs) for r in (layer.forward_layer, layer.backward_layer)]
        return None if None in both else sum(both)  # type: ignore[arg-type]  # no None left
    if isinstance(layer, (layers.ConvLSTM1D, layers.ConvLSTM2D, layers.ConvLSTM3D)):
        # Each step convolves the input and the last state into four gates at every position.
        step = outputs[0][2:] if layer.return_sequences else outputs[0][1:]
        spatial = step[1:] if layer.data_format == "channels_first" else step[:-1]
        kernels = prod(layer.cell.kernel.shape) + prod(layer.cell.recurrent_kernel.shape)
        return _size([inputs[0][1], *spatial]) * int(kernels)
    if isinstance(layer, layers.RNN):  # LSTM, GRU, SimpleRNN, or RNN over such cells
        return _recurrent_macs(layer.cell, inputs[0][1:-1], inputs[0][-1])
    if isinstance(layer, _cells()):  # a cell called on its own: one step
        return _recurrent_macs(layer, (), inputs[0][-1])
    heads_and_widths = _attention_dims(layer)
    if heads_and_widths is not None:
        return _attention_macs(layer, inputs, *heads_and_widths)
    if isinstance(layer, (layers.Attention, layers.AdditiveAttention)):
        # Scores: Tq x Tv dot products (or scaled sums) of width d; then the weighted values.
        query, value = inputs[0], inputs[1]
        steps = _size(query[1:-1]) * _size(value[1:-1])
        return steps * (_size(query[-1:]) + _size(value[-1:]))
    if isinstance(layer, layers.Dot):  # each output element sums over the contracted axis
        axes = layer.axes if isinstance(layer.axes, (list, tuple)) else (layer.axes,) * 2
        return out * _size([inputs[0][axes[0]]])
    return _free_or_uncounted(layer)


def _free_or_uncounted(layer: Any) -> int | None:
    """0 for Keras's element-wise and reshaping layers; None for anything else."""
    cls = type(layer)
    module = cls.__module__.split(".")
    if module[:3] == ["keras", "src", "applications"] and cls.__name__ in _FREE_APPLICATION_LAYERS:
        return 0
    if module[0] == "explorer" and getattr(cls, ELEMENT_WISE, False):
        return 0  # this program's own layers (a class token, position embeddings) say so
    if module[:3] != ["keras", "src", "layers"] or cls.__name__ in _UNCOUNTED_LAYERS:
        return None  # a custom layer (its class is not Keras's), a Lambda, or no formula here
    if module[3] in _FREE_MODULES or cls.__name__ in _FREE_LAYERS:
        return 0
    return None


def _operation_macs(op: Any, inputs: Sequence[Shape], outputs: Sequence[Shape]) -> int | None:
    """An operation in a Functional graph (``keras.ops.matmul(x, y)``, ``x + y``)."""
    name = type(op).__name__
    if not type(op).__module__.startswith("keras.src.ops") or name in _UNCOUNTED_OPS:
        return None
    if name == "Matmul":  # each output element sums over the shared axis
        return _size(outputs[0][1:]) * _size(inputs[0][-1:])
    if name == "Einsum":
        return _einsum_op_macs(op.subscripts, inputs)
    return 0


def _einsum_op_macs(subscripts: str, inputs: Sequence[Shape]) -> int | None:
    """``ops.einsum("bqd,bkd->bqk", q, k)``: one multiply-accumulate per combination of the
    indices; an index whose size is the batch's (None first) counts once."""
    operands = subscripts.replace(" ", "").split("->")[0].split(",")
    if len(operands) != 2 or "..." in subscripts or len(inputs) != 2:
        return None
    sizes: dict[str, int | None] = {}
    for letters, shape in zip(operands, inputs, strict=True):
        for position, (letter, size) in enumerate(zip(letters, shape, strict=False)):
            batch = position == 0 and size is None
            sizes.setdefault(letter, 1 if batch else size)
    return _size(list(sizes.values()))


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
    try:
        tq, tv = _size(query[1:-1]), _size(value[1:-1])
    except _UnknownSize:
        return None  # sequences of any length: not counted
    return tq, query_heads * tq * tv * (key_dim + value_dim)


_GATES = (("LSTMCell", 4), ("GRUCell", 3), ("SimpleRNNCell", 1))


def _cells() -> tuple[type, ...]:
    from keras import layers

    return tuple(getattr(layers, kind) for kind, _ in _GATES)


def _recurrent_macs(cell: Any, steps: Sequence[int | None], features: int | None) -> int | None:
    """Each step multiplies the input (d) and the last state (units) into every gate:
    steps x gates x (d x units + units x units). A GRU has three gates whichever
    ``reset_after`` it uses (that moves the reset gate, not a product); an LSTM four. Cells
    stacked (``StackedRNNCells``) each read the one before; other cells are not counted."""
    from keras import layers

    if isinstance(cell, layers.StackedRNNCells):
        total = 0
        for inner in cell.cells:
            macs = _recurrent_macs(inner, steps, features)
            if macs is None:
                return None
            total, features = total + macs, int(inner.units)
        return total
    gates = next((n for kind, n in _GATES if type(cell) is getattr(layers, kind)), None)
    if gates is None:
        return None
    units = int(cell.units)
    return _size(steps) * gates * (_size([features]) * units + units * units)


def _attention_macs(
    layer: Any, inputs: Sequence[Shape], query_heads: int, value_heads: int, key_dim: int,
    value_dim: int,
) -> int:  # fmt: skip
    """The four projections and the two attention products, QKᵀ and AV, of one call:
    query (Tq, dq), value (Tv, dv), key (Tv, dk) defaulting to the value."""
    query = inputs[0]
    value = inputs[1] if len(inputs) > 1 else query
    key = inputs[2] if len(inputs) > 2 else value
    tq, tv = _size(query[1:-1]), _size(value[1:-1])
    dq, dk, dv = _size(query[-1:]), _size(key[-1:]), _size(value[-1:])
    shape = getattr(layer, "_output_shape", None)  # MultiHeadAttention(output_shape=...): a tuple
    output_dim = _size(shape[-1:]) if shape else dq
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
        extra = _size(inputs[1 : len(inputs) - len(left)])
    else:
        left, dims, extra = left[1:], inputs[1:], 1  # its first index is the batch
    for letter, size in zip(left, dims, strict=False):
        sizes[letter] = _size([size])
    for letter, size in zip(right.replace("...", ""), kernel, strict=False):
        sizes.setdefault(letter, size)
    return extra * int(prod(sizes.values()))
