"""How each number of a layer is computed, written out with its own values, for students:
``params = (3·3·3 + 1)·16 = 448``, ``MACs = 112·112·16 · 3·3·3 = 5,419,008``,
``output = ⌊(230 − 7)/2⌋ + 1 = 112``.

A formula is shown only when it gives exactly the number in the summary; a layer kind without
one says so (the numbers then come from Keras alone).
"""

from __future__ import annotations

from math import ceil, prod

from explorer.core.analysis.graph import model_graph
from explorer.core.analysis.summary import LayerRow, ModelSummary
from explorer.core.base.shapes import Shape

_CONV = ("Conv1D", "Conv2D", "Conv3D")
_DEPTHWISE = ("DepthwiseConv1D", "DepthwiseConv2D")
_SEPARABLE = ("SeparableConv1D", "SeparableConv2D")
_POOL = ("MaxPooling", "AveragePooling")
_MERGE = {
    "Add": "adds",
    "Subtract": "subtracts",
    "Multiply": "multiplies",
    "Average": "averages",
    "Maximum": "takes the largest of",
    "Minimum": "takes the smallest of",
}
_EACH_VALUE = ("ReLU", "Activation", "LeakyReLU", "ELU", "Softmax", "Dropout")


def _dot(values: tuple[int, ...] | list[int]) -> str:
    return "·".join(str(v) for v in values)


def explain(summary: ModelSummary, index: int) -> list[str]:
    """Lines that show how row ``index``'s parameters, MACs and output size come about."""
    row = summary.layers[index]
    if row.is_container:
        return [f"A nested model: its numbers are the sums of its {row.type} layers below."]
    shapes = {r.path: r.output_shapes for r in summary.layers}
    sources = [a for a, b in model_graph(summary).edges if b == row.path]
    inputs: list[Shape] = [shapes[source][0] for source in sources if shapes[source]]
    if not sources:  # the first layer of a Sequential model: it gets the model's input
        given = dict(summary.params).get("input_shape")
        if isinstance(given, tuple):
            inputs.append((None, *given))
    lines = _formulas(row, inputs[0] if inputs else None)
    if not lines:
        lines = [f"No formula for {row.type} here: its numbers are the ones Keras reports."]
    if row.params and row.trainable_params < row.params and row.type != "BatchNormalization":
        frozen = row.params - row.trainable_params
        lines.append(f"{frozen:,} of the {row.params:,} parameters are not trained.")
    return lines


def _formulas(row: LayerRow, given: Shape | None) -> list[str]:
    out = row.output_shapes[0] if row.output_shapes else None
    if given is None or out is None or any(v is None for v in (*given[1:], *out[1:])):
        return []
    cin, cout = int(given[-1] or 0), int(out[-1] or 0)
    spatial_in = [int(v or 0) for v in given[1:-1]]
    spatial_out = [int(v or 0) for v in out[1:-1]]
    name = row.type
    lines: list[str] = []
    if name in _CONV and row.kernel:
        k = list(row.kernel)
        weights = prod(k) * cin * cout
        bias = row.params - weights
        if bias == cout:
            lines.append(f"params = ({_dot(k)}·{cin} + 1)·{cout} = {row.params:,}")
        elif bias == 0:
            lines.append(f"params = {_dot(k)}·{cin}·{cout} = {row.params:,} (no bias)")
        positions = prod(spatial_out)
        if row.macs == positions * cout * prod(k) * cin:
            lines.append(f"MACs = {_dot(spatial_out)}·{cout} · {_dot(k)}·{cin} = {row.macs:,}")
        lines += _sizes(row, spatial_in, spatial_out)
    elif name in _DEPTHWISE and row.kernel:
        k = list(row.kernel)
        multiplier = cout // cin if cin else 0
        weights = prod(k) * cin * multiplier
        bias = row.params - weights
        if multiplier and bias in (0, cout):
            lines.append(
                f"params = {_dot(k)}·{cin}·{multiplier}"
                + (f" + {cout}" if bias else "")
                + f" = {row.params:,} (one {_dot(k)} filter per input channel)"
            )
        if row.macs == prod(spatial_out) * cout * prod(k):
            lines.append(f"MACs = {_dot(spatial_out)}·{cout} · {_dot(k)} = {row.macs:,}")
        lines += _sizes(row, spatial_in, spatial_out)
    elif name in _SEPARABLE and row.kernel:
        k = list(row.kernel)
        depthwise, pointwise = prod(k) * cin, cin * cout
        bias = row.params - depthwise - pointwise
        if bias in (0, cout):
            lines.append(
                f"params = {_dot(k)}·{cin} + {cin}·{cout}"
                + (f" + {cout}" if bias else "")
                + f" = {row.params:,} (depthwise, then a 1×1 mix)"
            )
        lines += _sizes(row, spatial_in, spatial_out)
    elif name == "Dense" and len(given) == 2:
        bias = row.params - cin * cout
        if bias in (0, cout):
            lines.append(
                f"params = ({cin}" + (" + 1" if bias else "") + f")·{cout} = {row.params:,}"
            )
        if row.macs == cin * cout:
            lines.append(f"MACs = {cin}·{cout} = {row.macs:,}")
    elif name == "BatchNormalization" and row.params == 4 * cout:
        lines.append(
            f"params = 4·{cout} = {row.params:,}: γ and β are trained ({2 * cout:,}); the "
            f"moving mean and variance are not ({2 * cout:,}), they follow the batches' statistics"
        )
    elif (
        name.startswith("ZeroPadding") and len(set(zip(spatial_in, spatial_out, strict=True))) == 1
    ):
        size_in, size_out = spatial_in[0], spatial_out[0]
        lines.append(f"output = {size_in} + {size_out - size_in} = {size_out} (zeros around)")
    elif name in _MERGE:
        lines.append(
            f"No parameters: {_MERGE[name]} its {len(row.inbound)} inputs, value by value."
        )
    elif name.startswith(_EACH_VALUE):
        lines.append(f"No parameters: {name} acts on each value alone; the shape stays.")
    elif name == "Flatten" and prod(spatial_in) * cin == cout:
        lines.append(f"output = {_dot([*spatial_in, cin])} = {cout:,} values")
    elif name.startswith("GlobalAveragePooling") or name.startswith("GlobalMaxPooling"):
        kind = "average" if "Average" in name else "maximum"
        lines.append(f"No parameters: the {kind} over each channel's {_dot(spatial_in)} positions.")
    elif name.startswith(_POOL) and row.kernel:
        lines.append("No parameters: a pooling window only takes the maximum or the average.")
        lines += _sizes(row, spatial_in, spatial_out)
    return lines


def _sizes(row: LayerRow, spatial_in: list[int], spatial_out: list[int]) -> list[str]:
    """The output size along each axis (one line when every axis is alike)."""
    lines = []
    axes = list(zip(spatial_in, spatial_out, row.kernel, row.strides, row.dilation, strict=False))
    for size_in, size_out, k, s, d in axes[:1] if len(set(axes)) == 1 else axes:
        span = (k - 1) * d + 1
        if (size_in - span) // s + 1 == size_out and size_in >= span:
            kernel = str(k) if d == 1 else f"{span}"
            lines.append(f"output = ⌊({size_in} − {kernel})/{s}⌋ + 1 = {size_out} (no padding)")
        elif s == 1 and size_in == size_out:
            lines.append(f'output = {size_out} (padding "same", stride 1: the size is kept)')
        elif ceil(size_in / s) == size_out:
            lines.append(f'output = ⌈{size_in}/{s}⌉ = {size_out} (padding "same": zeros around)')
    return lines
