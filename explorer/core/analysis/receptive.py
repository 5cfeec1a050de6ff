"""Receptive fields: how many input pixels each layer's outputs see, and how far apart (in input
pixels) two neighbouring outputs are (the stride, or "jump").

Per spatial axis, through a layer with kernel ``k``, dilation ``d`` and stride ``s``:
``size_out = size_in + (k - 1) * d * jump_in`` and ``jump_out = jump_in * s``. Layers that act on
each position alone (normalisation, activations, padding, a Dense on the last axis) keep both.
Where paths meet (Add, Concatenate...), the largest field over all paths counts: a branching
network's output sees as far as its longest path. After Flatten or global pooling every output
sees the whole input. A layer whose effect on positions is not known here (upsampling, reshape,
a custom layer) makes its field unknown, and so every field after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.core.analysis.graph import model_graph
from explorer.core.analysis.summary import LayerRow, ModelSummary
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text

# Layer kinds that keep every position where it was (by type name; prefixes for families).
_KEEP = (
    "InputLayer",
    "BatchNormalization",
    "LayerNormalization",
    "GroupNormalization",
    "UnitNormalization",
    "Normalization",
    "Rescaling",
    "Activation",
    "ReLU",
    "LeakyReLU",
    "PReLU",
    "ELU",
    "Softmax",
    "Dropout",
    "SpatialDropout",
    "GaussianNoise",
    "GaussianDropout",
    "AlphaDropout",
    "ZeroPadding",
    "Cropping",
    "Add",
    "Subtract",
    "Multiply",
    "Average",
    "Maximum",
    "Minimum",
    "Concatenate",
    "Dense",
    "EinsumDense",
    "Identity",
)
_WHOLE = ("Flatten", "GlobalAveragePooling", "GlobalMaxPooling")


@dataclass(frozen=True)
class ReceptiveField:
    """``size`` and ``jump`` per spatial axis, in input pixels; ``size`` None: the whole input."""

    size: tuple[int, ...] | None
    jump: tuple[int, ...]

    def text(self) -> str:
        if self.size is None:
            return QT_TRANSLATE_NOOP("Core", "whole input")
        return Text(
            QT_TRANSLATE_NOOP("Core", "{size}, stride {jump}"),
            size=_axes(self.size),
            jump=_axes(self.jump),
        )


def _axes(values: tuple[int, ...]) -> str:
    return str(values[0]) if len(set(values)) == 1 else "×".join(map(str, values))


def receptive_fields(summary: ModelSummary) -> dict[str, ReceptiveField | None]:
    """Each layer's receptive field by its path (None: unknown); a nested model's row is its
    last layer's."""
    graph = model_graph(summary)
    inputs: dict[str, list[str]] = {node.id: [] for node in graph.nodes}
    for source, target in graph.edges:
        inputs[target].append(source)
    rows = {row.path: row for row in summary.layers}
    fields: dict[str, ReceptiveField | None] = {}
    for node in graph.nodes:
        fields[node.id] = _through(rows[node.id], [fields.get(s) for s in inputs[node.id]])
    for row in summary.layers:
        if row.part_of:  # one step of its layer: the layer's field
            fields[row.path] = fields.get(row.part_of)
        elif row.is_container:
            last = [node.id for node in graph.nodes if node.id.startswith(row.path + "/")]
            fields[row.path] = fields[last[-1]] if last else None
    return fields


def _through(row: LayerRow, before: list[ReceptiveField | None]) -> ReceptiveField | None:
    if not before:  # the model's input: one pixel, one pixel apart (then this layer, if any)
        rank = max(len(row.output_shapes[0]) - 2, 0) if row.output_shapes else 0
        start = ReceptiveField((1,) * rank, (1,) * rank) if rank else ReceptiveField(None, ())
        if row.type == "InputLayer":
            return start
        before = [start]
    if any(field is None for field in before):
        return None
    known = [field for field in before if field is not None]
    if any(field.size is None for field in known) or row.type.startswith(_WHOLE):
        return ReceptiveField(None, ())
    rank = len(known[0].jump)
    if any(len(field.jump) != rank for field in known):
        return None
    size = tuple(max(field.size[i] for field in known if field.size) for i in range(rank))
    jump = tuple(max(field.jump[i] for field in known) for i in range(rank))
    if "Transpose" in row.type:  # it spreads each input over several outputs
        return None
    if row.kernel and len(row.kernel) == rank:
        size = tuple(size[i] + (row.kernel[i] - 1) * row.dilation[i] * jump[i] for i in range(rank))
        jump = tuple(jump[i] * row.strides[i] for i in range(rank))
        return ReceptiveField(size, jump)
    if row.type.startswith(_KEEP):
        return ReceptiveField(size, jump)
    return None
