"""keras.Model -> ModelSummary: one row per layer, with shapes, parameters and cost, and totals."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from math import prod
from typing import Any

from explorer.core.analysis.cost import activation_elements, internal_elements, layer_macs
from explorer.core.analysis.trace import trace_model
from explorer.core.base.shapes import Shape
from explorer.core.params.specs import Value
from explorer.core.params.values import as_json_value


@dataclass(frozen=True)
class LayerRow:
    name: str
    type: str
    output_shapes: tuple[Shape, ...]
    params: int
    trainable_params: int
    inbound: tuple[str, ...]
    macs: int | None  # None: not counted (a kind with no formula, or a size left unknown)
    activation_elements: int
    # Layers inside a nested model sit one level deeper; ``path`` is "outer/inner".
    depth: int = 0
    path: str = ""
    # A nested model's row sums its layers' MACs and activations; totals count leaves only.
    is_container: bool = False
    # A convolution's or pooling's window: its kernel (or pool) size, strides and dilation,
    # one number per spatial axis; () for other layers.
    kernel: tuple[int, ...] = ()
    strides: tuple[int, ...] = ()
    dilation: tuple[int, ...] = ()
    # Values made inside the layer and kept for training's backward pass, per sample (attention's
    # scores, a Dense's output before its activation): memory estimates count them.
    internal_elements: int = 0
    # A part shown once under the layer that runs it at every step (an RNN's cell,
    # TimeDistributed's layer): the path of that layer. Its shape and MACs are one step's; it
    # is counted nowhere (the layer's row has its parameters and every step's MACs).
    part_of: str = ""

    @property
    def is_leaf(self) -> bool:
        """A layer the totals, charts and graph count: not a nested model, not a part."""
        return not self.is_container and not self.part_of

    @property
    def window(self) -> str:
        """``"3×3 /2"``: the kernel (or pool) size and, when it is not 1, the stride."""
        if not self.kernel:
            return ""
        text = "×".join(str(n) for n in self.kernel)
        if any(n != 1 for n in self.strides):
            same = len(set(self.strides)) == 1
            text += " /" + (str(self.strides[0]) if same else "×".join(map(str, self.strides)))
        return text

    @property
    def output_shape(self) -> Shape | list[Shape]:
        """One shape, or a list of shapes for layers with several outputs."""
        return self.output_shapes[0] if len(self.output_shapes) == 1 else list(self.output_shapes)


@dataclass(frozen=True)
class Totals:
    params: int
    trainable_params: int
    non_trainable_params: int
    weights_bytes: int
    macs: int  # of the layers counted; ``uncounted`` names the others
    activation_elements: int
    uncounted: tuple[str, ...] = ()  # paths of the layers whose MACs are not counted


@dataclass(frozen=True)
class ModelSummary:
    architecture: str
    params: tuple[tuple[str, Value], ...]
    model_name: str
    layers: tuple[LayerRow, ...]
    totals: Totals
    # The model's inputs: each one's shape (the batch axis None) and dtype ("float32", "int32"
    # for token ids), for the memory a batch of them takes.
    inputs: tuple[tuple[Shape, str], ...] = ()

    def to_json_dict(self) -> dict[str, Any]:
        """The CLI contract's ``summary --format json`` object."""
        return {
            "architecture": self.architecture,
            "params": {name: as_json_value(value) for name, value in self.params},
            "layers": [  # parts (an RNN's cell) are the tables' reading aid, not layer calls
                {
                    "name": row.path,
                    "type": row.type,
                    "output_shape": _json_shape(row.output_shape),
                    "params": row.params,
                    "trainable_params": row.trainable_params,
                    "inbound": list(row.inbound),
                    "macs": row.macs,
                    "activation_elements": row.activation_elements,
                }
                for row in self.layers
                if not row.part_of
            ],
            "totals": {
                "params": self.totals.params,
                "trainable_params": self.totals.trainable_params,
                "non_trainable_params": self.totals.non_trainable_params,
                "weights_bytes": self.totals.weights_bytes,
                "macs": self.totals.macs,
                "activation_elements": self.totals.activation_elements,
                "uncounted": list(self.totals.uncounted),
            },
        }


def add_known(a: int | None, b: int | None) -> int | None:
    """A sum that is unknown (None) when either part is."""
    return None if a is None or b is None else a + b


def known_sum(values: Iterable[int | None]) -> int | None:
    """The sum of ``values``; None (not counted) when one of them is."""
    total: int | None = 0
    for value in values:
        total = add_known(total, value)
    return total


def _json_shape(shape: Shape | list[Shape]) -> list[Any]:
    return [list(s) for s in shape] if isinstance(shape, list) else list(shape)


def _unique(variables: list[Any]) -> list[Any]:
    return list({id(v): v for v in variables}.values())


def _count(variables: list[Any]) -> int:
    return sum(prod(v.shape) for v in _unique(variables))


def _itemsize(dtype: str) -> int:
    import numpy as np

    try:
        return int(np.dtype(dtype).itemsize)
    except TypeError:  # bfloat16, float8_*: the width is in the name
        bits = re.search(r"\d+", dtype)
        return int(bits.group()) // 8 if bits else 4


def weights_bytes(variables: list[Any]) -> int:
    """Memory the values of ``variables`` take (or would take, for a preview)."""
    return sum(prod(v.shape) * _itemsize(v.dtype) for v in _unique(variables))


def summarize_model(
    model: Any, architecture: str | None = None, params: tuple[tuple[str, Value], ...] = ()
) -> ModelSummary:
    calls = trace_model(model)
    order: list[int] = []
    merged: dict[int, dict[str, Any]] = {}
    for call in calls:
        key = id(call.layer)
        if key not in merged:
            order.append(key)
            merged[key] = {
                "call": call, "outputs": [], "inbound": [], "macs": 0, "acts": 0, "inside": 0
            }  # fmt: skip
        entry = merged[key]
        entry["outputs"] += call.outputs
        # Each once: self-attention takes the same tensor as query and value.
        entry["inbound"] = list(dict.fromkeys([*entry["inbound"], *call.inbound]))
        entry["macs"] = add_known(entry["macs"], layer_macs(call.layer, call.inputs, call.outputs))
        entry["acts"] += activation_elements(call.outputs)
        entry["inside"] += internal_elements(call.layer, call.inputs, call.outputs)

    paths = {
        key: "/".join((*merged[key]["call"].path, merged[key]["call"].layer.name)) for key in order
    }
    containers = {"/".join(call.path[: i + 1]) for call in calls for i in range(len(call.path))}
    rows: list[LayerRow] = []
    for key in order:
        entry = merged[key]
        layer = entry["call"].layer
        macs, acts = entry["macs"], entry["acts"]
        if paths[key] in containers:
            leaves = [
                k
                for k in order
                if paths[k].startswith(paths[key] + "/") and paths[k] not in containers
            ]
            macs = known_sum(merged[k]["macs"] for k in leaves)
            acts = sum(merged[k]["acts"] for k in leaves)
        rows.append(
            LayerRow(
                name=layer.name,
                type=type(layer).__name__,
                output_shapes=tuple(entry["outputs"]),
                params=_count(getattr(layer, "weights", [])),
                trainable_params=_count(getattr(layer, "trainable_weights", [])),
                inbound=tuple(entry["inbound"]),
                macs=macs,
                activation_elements=acts,
                internal_elements=0 if paths[key] in containers else entry["inside"],
                depth=len(entry["call"].path),
                path=paths[key],
                is_container=paths[key] in containers,
                part_of="",
                **window_of(layer),
            )
        )
        rows += _parts(layer, entry["call"], rows[-1])

    weights = _unique(model.weights)
    leaves_only = [row for row in rows if row.is_leaf]
    totals = Totals(
        params=_count(weights),
        trainable_params=_count(model.trainable_weights),
        non_trainable_params=_count(model.non_trainable_weights),
        weights_bytes=weights_bytes(weights),
        macs=sum(row.macs or 0 for row in leaves_only),
        activation_elements=sum(row.activation_elements for row in leaves_only),
        uncounted=tuple(row.path for row in leaves_only if row.macs is None),
    )
    return ModelSummary(
        architecture=architecture or model.name,
        params=params,
        model_name=model.name,
        layers=tuple(rows),
        totals=totals,
        inputs=_inputs_of(model),
    )


def _inputs_of(model: Any) -> tuple[tuple[Shape, str], ...]:
    """Each input's shape and dtype: the Functional graph's, or a subclassed model's build
    shape (float32)."""
    try:
        tensors = list(model.inputs or ())
    except (AttributeError, ValueError):  # a subclassed model has no symbolic inputs
        tensors = []
    if tensors:
        return tuple((tuple(t.shape), str(t.dtype)) for t in tensors)
    shape = (model.get_build_config() or {}).get("input_shape")
    return ((tuple(shape), "float32"),) if shape else ()


def _parts(layer: Any, call: Any, row: LayerRow) -> list[LayerRow]:
    """The rows shown once under a layer that runs another at every step: an RNN's cell (each
    direction's, for Bidirectional) and TimeDistributed's layer, with one step's output shape
    and MACs (the layer's MACs over the steps)."""
    from keras import layers

    if isinstance(layer, layers.Bidirectional):
        runs = [(d, d.cell, f"{row.path}/{d.name}/{d.cell.name}", f"{d.name}/{d.cell.name}")
                for d in (layer.forward_layer, layer.backward_layer)]  # fmt: skip
    elif isinstance(layer, layers.RNN):
        runs = [(layer, layer.cell, f"{row.path}/{layer.cell.name}", layer.cell.name)]
    elif isinstance(layer, layers.TimeDistributed):
        runs = [(layer, layer.layer, f"{row.path}/{layer.layer.name}", layer.layer.name)]
    else:
        return []
    if not call.inputs or not call.outputs or len(call.inputs[0]) < 3:
        return []
    steps, out = call.inputs[0][1], call.outputs[0]
    sequence = isinstance(layer, layers.TimeDistributed) or getattr(
        layer, "return_sequences", False
    )
    step: Shape = (out[0], *out[2:]) if sequence else out
    parts = []
    step_inputs = [(shape[0], *shape[2:]) for shape in call.inputs[:1]]
    for runner, part, path, name in runs:
        macs = layer_macs(part, step_inputs, [step])  # a cell's, or the inner layer's, one step
        if macs is None:  # a convolutional cell: the layer's over its steps
            total = layer_macs(runner, call.inputs, call.outputs)
            macs = None if total is None or not steps else total // steps
        # One direction's cell gives units (filters) values, not the merged 2 x units.
        width = getattr(part, "units", None) or getattr(part, "filters", None)
        last = getattr(part, "data_format", "channels_last") == "channels_last"
        shape: Shape = (*step[:-1], int(width)) if width and last else step
        parts.append(
            LayerRow(
                name=name,
                type=type(part).__name__,
                output_shapes=(shape,),
                params=_count(part.weights),
                trainable_params=_count(part.trainable_weights),
                inbound=(),
                macs=macs,
                activation_elements=activation_elements([shape]),
                depth=row.depth + 1,
                path=path,
                part_of=row.path,
            )
        )
    return parts


def window_of(layer: Any) -> dict[str, tuple[int, ...]]:
    """A convolution's or pooling's kernel (or pool) size, strides and dilation; {} for other
    layers."""
    size = _ints(getattr(layer, "kernel_size", None) or getattr(layer, "pool_size", None))
    if not size:
        return {}
    return {
        "kernel": size,
        "strides": _ints(getattr(layer, "strides", None)) or size,  # pooling's default
        "dilation": _ints(getattr(layer, "dilation_rate", None)) or (1,) * len(size),
    }


def _ints(value: Any) -> tuple[int, ...]:
    """``value`` as a tuple of ints, or () if it is not one."""
    if isinstance(value, tuple | list) and value and all(isinstance(n, int) for n in value):
        return tuple(value)
    return ()
