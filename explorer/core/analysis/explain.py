"""How each number of a layer is computed, written out with its own values, for students:
``params = (3·3·3 + 1)·16 = 448``, ``MACs = 112·112·16 · 3·3·3 = 5,419,008``,
``output = ⌊(230 − 7)/2⌋ + 1 = 112``.

A formula is shown only when it gives exactly the number in the summary; a layer kind without
one says so (the numbers then come from Keras alone).
"""

from __future__ import annotations

from math import ceil, prod

from explorer.core.analysis.explain_sequences import sequence_formulas
from explorer.core.analysis.graph import model_graph
from explorer.core.analysis.summary import LayerRow, ModelSummary
from explorer.core.base.shapes import Shape
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text

_CONV = ("Conv1D", "Conv2D", "Conv3D")
_DEPTHWISE = ("DepthwiseConv1D", "DepthwiseConv2D")
_SEPARABLE = ("SeparableConv1D", "SeparableConv2D")
_POOL = ("MaxPooling", "AveragePooling")
_MERGE = {
    "Add": QT_TRANSLATE_NOOP("Core", "No parameters: adds its {count} inputs, value by value."),
    "Subtract": QT_TRANSLATE_NOOP(
        "Core", "No parameters: subtracts its {count} inputs, value by value."
    ),
    "Multiply": QT_TRANSLATE_NOOP(
        "Core", "No parameters: multiplies its {count} inputs, value by value."
    ),
    "Average": QT_TRANSLATE_NOOP(
        "Core", "No parameters: averages its {count} inputs, value by value."
    ),
    "Maximum": QT_TRANSLATE_NOOP(
        "Core", "No parameters: takes the largest of its {count} inputs, value by value."
    ),
    "Minimum": QT_TRANSLATE_NOOP(
        "Core", "No parameters: takes the smallest of its {count} inputs, value by value."
    ),
}
_EACH_VALUE = ("ReLU", "Activation", "LeakyReLU", "ELU", "Softmax", "Dropout")


def _dot(values: tuple[int, ...] | list[int]) -> str:
    return "·".join(str(v) for v in values)


def explain(summary: ModelSummary, index: int) -> list[str]:
    """Lines that show how row ``index``'s parameters, MACs and output size come about."""
    row = summary.layers[index]
    if row.is_container:
        return [
            Text(
                QT_TRANSLATE_NOOP(
                    "Core", "A nested model: its numbers are the sums of its {type} layers below."
                ),
                type=row.type,
            )
        ]
    if row.part_of:
        return [
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "One step of {layer}: this {type} runs at every step, so its shape and MACs "
                    "are one step's; the {layer} row counts its parameters and every step's MACs.",
                ),
                layer=row.part_of,
                type=row.type,
            )
        ]
    shapes = {r.path: r.output_shapes for r in summary.layers}
    sources = [a for a, b in model_graph(summary).edges if b == row.path]
    inputs: list[Shape] = [shapes[source][0] for source in sources if shapes[source]]
    if not sources:  # the first layer of a Sequential model: it gets the model's input
        given = dict(summary.params).get("input_shape")
        if isinstance(given, tuple):
            inputs.append((None, *given))
    lines = _formulas(row, inputs[0] if inputs else None)
    if not lines:
        lines = [
            Text(
                QT_TRANSLATE_NOOP(
                    "Core", "No formula for {type} here: its numbers are the ones Keras reports."
                ),
                type=row.type,
            )
        ]
    if row.macs is None:
        lines.append(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "Its MACs are not counted: there is no formula for {type} here, or a size it "
                    "needs is unknown (None).",
                ),
                type=row.type,
            )
        )
    if row.params and row.trainable_params < row.params and row.type != "BatchNormalization":
        frozen = row.params - row.trainable_params
        lines.append(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core", "{frozen:,} of the {params:,} parameters are not trained."
                ),
                frozen=frozen,
                params=row.params,
            )
        )
    return lines


def _formulas(row: LayerRow, given: Shape | None) -> list[str]:
    out = row.output_shapes[0] if row.output_shapes else None
    if given is None and row.type == "Embedding" and out is not None:
        given = out[:-1]  # the model's token ids
    if given is None or out is None or any(v is None for v in (*given[1:], *out[1:])):
        return []
    cin, cout = int(given[-1] or 0), int(out[-1] or 0)
    spatial_in = [int(v or 0) for v in given[1:-1]]
    spatial_out = [int(v or 0) for v in out[1:-1]]
    name, params, macs = row.type, row.params, row.macs
    sequence = sequence_formulas(row, given, out)
    if sequence is not None:
        return sequence
    lines: list[str] = []
    if name in _CONV and row.kernel:
        k = list(row.kernel)
        kernel = _dot(k)
        weights = prod(k) * cin * cout
        bias = row.params - weights
        if bias == cout:
            lines.append(
                Text(
                    QT_TRANSLATE_NOOP("Core", "params = ({kernel}·{cin} + 1)·{cout} = {params:,}"),
                    kernel=kernel,
                    cin=cin,
                    cout=cout,
                    params=params,
                )
            )
        elif bias == 0:
            lines.append(
                Text(
                    QT_TRANSLATE_NOOP(
                        "Core", "params = {kernel}·{cin}·{cout} = {params:,} (no bias)"
                    ),
                    kernel=kernel,
                    cin=cin,
                    cout=cout,
                    params=params,
                )
            )
        positions = prod(spatial_out)
        if row.macs == positions * cout * prod(k) * cin:
            lines.append(
                Text(
                    QT_TRANSLATE_NOOP(
                        "Core", "MACs = {positions}·{cout} · {kernel}·{cin} = {macs:,}"
                    ),
                    positions=_dot(spatial_out),
                    cout=cout,
                    kernel=kernel,
                    cin=cin,
                    macs=macs,
                )
            )
        lines += _sizes(row, spatial_in, spatial_out)
    elif name in _DEPTHWISE and row.kernel:
        k = list(row.kernel)
        kernel = _dot(k)
        multiplier = cout // cin if cin else 0
        weights = prod(k) * cin * multiplier
        bias = row.params - weights
        if multiplier and bias in (0, cout):
            template = (
                QT_TRANSLATE_NOOP(
                    "Core",
                    "params = {kernel}·{cin}·{multiplier} + {cout} = {params:,} (one {kernel} "
                    "filter per input channel)",
                )
                if bias
                else QT_TRANSLATE_NOOP(
                    "Core",
                    "params = {kernel}·{cin}·{multiplier} = {params:,} (one {kernel} filter per "
                    "input channel)",
                )
            )
            lines.append(
                Text(
                    template,
                    kernel=kernel,
                    cin=cin,
                    multiplier=multiplier,
                    cout=cout,
                    params=params,
                )
            )
        if row.macs == prod(spatial_out) * cout * prod(k):
            lines.append(
                Text(
                    QT_TRANSLATE_NOOP("Core", "MACs = {positions}·{cout} · {kernel} = {macs:,}"),
                    positions=_dot(spatial_out),
                    cout=cout,
                    kernel=kernel,
                    macs=macs,
                )
            )
        lines += _sizes(row, spatial_in, spatial_out)
    elif name in _SEPARABLE and row.kernel:
        k = list(row.kernel)
        depthwise, pointwise = prod(k) * cin, cin * cout
        bias = row.params - depthwise - pointwise
        if bias in (0, cout):
            template = (
                QT_TRANSLATE_NOOP(
                    "Core",
                    "params = {kernel}·{cin} + {cin}·{cout} + {cout} = {params:,} (depthwise, "
                    "then a 1×1 mix)",
                )
                if bias
                else QT_TRANSLATE_NOOP(
                    "Core",
                    "params = {kernel}·{cin} + {cin}·{cout} = {params:,} (depthwise, then a 1×1 "
                    "mix)",
                )
            )
            lines.append(Text(template, kernel=_dot(k), cin=cin, cout=cout, params=params))
        lines += _sizes(row, spatial_in, spatial_out)
    elif name == "Dense":
        bias = row.params - cin * cout
        if bias in (0, cout):
            template = (
                QT_TRANSLATE_NOOP("Core", "params = ({cin} + 1)·{cout} = {params:,}")
                if bias
                else QT_TRANSLATE_NOOP("Core", "params = ({cin})·{cout} = {params:,}")
            )
            lines.append(Text(template, cin=cin, cout=cout, params=params))
        if row.macs == cin * cout:
            lines.append(
                Text(
                    QT_TRANSLATE_NOOP("Core", "MACs = {cin}·{cout} = {macs:,}"),
                    cin=cin,
                    cout=cout,
                    macs=macs,
                )
            )
        elif row.macs == prod(spatial_in) * cin * cout:  # on every token (position)
            lines.append(
                Text(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "MACs = {positions} · {cin}·{cout} = {macs:,}: the same weights at every "
                        "position",
                    ),
                    positions=_dot(spatial_in),
                    cin=cin,
                    cout=cout,
                    macs=macs,
                )
            )
    elif name == "BatchNormalization" and row.params == 4 * cout:
        lines.append(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "params = 4·{cout} = {params:,}: γ and β are trained ({half:,}); the moving "
                    "mean and variance are not ({half:,}), they follow the batches' statistics",
                ),
                cout=cout,
                params=params,
                half=2 * cout,
            )
        )
    elif (
        name.startswith("ZeroPadding") and len(set(zip(spatial_in, spatial_out, strict=True))) == 1
    ):
        size_in, size_out = spatial_in[0], spatial_out[0]
        lines.append(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core", "output = {size_in} + {added} = {size_out} (zeros around)"
                ),
                size_in=size_in,
                added=size_out - size_in,
                size_out=size_out,
            )
        )
    elif name in _MERGE:
        lines.append(Text(_MERGE[name], count=len(row.inbound)))
    elif name.startswith(_EACH_VALUE):
        lines.append(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core", "No parameters: {type} acts on each value alone; the shape stays."
                ),
                type=name,
            )
        )
    elif name == "Flatten" and prod(spatial_in) * cin == cout:
        lines.append(
            Text(
                QT_TRANSLATE_NOOP("Core", "output = {sizes} = {count:,} values"),
                sizes=_dot([*spatial_in, cin]),
                count=cout,
            )
        )
    elif name.startswith("GlobalAveragePooling") or name.startswith("GlobalMaxPooling"):
        template = (
            QT_TRANSLATE_NOOP(
                "Core", "No parameters: the average over each channel's {positions} positions."
            )
            if "Average" in name
            else QT_TRANSLATE_NOOP(
                "Core", "No parameters: the maximum over each channel's {positions} positions."
            )
        )
        lines.append(Text(template, positions=_dot(spatial_in)))
    elif name.startswith(_POOL) and row.kernel:
        lines.append(
            QT_TRANSLATE_NOOP(
                "Core", "No parameters: a pooling window only takes the maximum or the average."
            )
        )
        lines += _sizes(row, spatial_in, spatial_out)
    return lines


def _sizes(row: LayerRow, spatial_in: list[int], spatial_out: list[int]) -> list[str]:
    """The output size along each axis (one line when every axis is alike)."""
    lines: list[str] = []
    axes = list(zip(spatial_in, spatial_out, row.kernel, row.strides, row.dilation, strict=False))
    for size_in, size_out, k, s, d in axes[:1] if len(set(axes)) == 1 else axes:
        span = (k - 1) * d + 1
        if (size_in - span) // s + 1 == size_out and size_in >= span:
            lines.append(
                Text(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "output = ⌊({size_in} − {kernel})/{stride}⌋ + 1 = {size_out} (no padding)",
                    ),
                    size_in=size_in,
                    kernel=k if d == 1 else span,
                    stride=s,
                    size_out=size_out,
                )
            )
        elif s == 1 and size_in == size_out:
            lines.append(
                Text(
                    QT_TRANSLATE_NOOP(
                        "Core", 'output = {size} (padding "same", stride 1: the size is kept)'
                    ),
                    size=size_out,
                )
            )
        elif ceil(size_in / s) == size_out:
            lines.append(
                Text(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        'output = ⌈{size_in}/{stride}⌉ = {size_out} (padding "same": zeros around)',
                    ),
                    size_in=size_in,
                    stride=s,
                    size_out=size_out,
                )
            )
    return lines
