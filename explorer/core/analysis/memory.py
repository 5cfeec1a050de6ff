"""Training and inference memory from a summary, per batch size, optimizer and precision.

One training step holds, at its peak (the backward pass):

- the weights, float32 under every policy (Keras keeps variables in float32 under
  ``mixed_float16`` and ``mixed_bfloat16``);
- a gradient for every trainable weight, float32;
- the optimizer's slots, float32, per trainable weight: none for SGD, one for SGD with momentum
  (``momentum``) and RMSprop (``velocity``), two for Adam and AdamW (``momentum`` and
  ``velocity``), as Keras 3 makes them; and while a variable is updated, temporaries of its size
  (two for Adam and AdamW, one for momentum and RMSprop): the largest layer's count, since
  variables are updated one after another;
- the layers' outputs that the backward pass reads (``kept_outputs``: not an output that only
  an Add, a reshape or a ReLU reads), and what a layer keeps inside
  (attention's projected queries, keys and values, its scores and their softmax, the heads'
  output; a Dense or convolution's output before a non-linear activation): 4 bytes a value
  under float32, 2 under the mixed policies;
- the batch's inputs (at their dtype: float32 images, int32 token ids) and labels shaped like
  the outputs (float32).

Inference holds the weights and, at its peak, one layer's output with the outputs it reads.
On the CPU the process also holds the framework's own memory for the model (``runtime_bytes``):
the traced training step and its gradient graph, kernels, buffers. It is not a tensor count but
a rule measured with TensorFlow 2.21 on the CPU over nine models (README, "Checking the
estimate"): 140 MiB and 2.25 MiB per layer. On a GPU it lies in the host's memory, not the
card's; for JAX and PyTorch on the CPU it is not estimated (None).

What this leaves out: the framework's own workspace (convolution algorithms, XLA buffers), a
recurrent layer's gates at every step, and memory a backend keeps from earlier steps.
Measuring it is ``explorer run``'s job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from math import prod
from typing import Any

from explorer.core.analysis.summary import LayerRow, ModelSummary
from explorer.core.base.errors import ParameterError
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text

WEIGHT_BYTES = 4  # float32 variables, gradients and slots under every policy
OPTIMIZER_SLOTS = {"sgd": 0, "momentum": 1, "rmsprop": 1, "adam": 2, "adamw": 2}
# Temporaries of the size of the variable being updated, at the update's peak.
UPDATE_TEMPORARIES = {"sgd": 0, "momentum": 1, "rmsprop": 1, "adam": 2, "adamw": 2}
ACTIVATION_BYTES = {"float32": 4, "mixed_float16": 2, "mixed_bfloat16": 2}
LABEL_BYTES = 4
_DTYPE_BYTES = {"float16": 2, "bfloat16": 2, "float64": 8, "int64": 8, "uint8": 1, "int8": 1}
MAX_BATCH = 1 << 24  # the largest batch worth reporting
PARTS = ("weights_bytes", "gradients_bytes", "optimizer_bytes", "activations_bytes")
MIB = 1 << 20
# TensorFlow's own memory for a model, on the CPU: the process's RSS growth less the estimate,
# for nine models from 3 to 239 layers (README): a fixed part and a part per layer.
RUNTIME_BASE_BYTES = 140 * MIB
RUNTIME_LAYER_BYTES = 9 * MIB // 4  # 2.25 MiB


@dataclass(frozen=True)
class TrainingSetup:
    """How a model would be trained: what the window's Memory view sets, and Compare and Sweep
    use for their training memory."""

    batch: int = 32
    optimizer: str = "adam"
    precision: str = "float32"

    def title(self) -> str:
        """A chart's name: "Training memory (batch 32, adam, float32)"."""
        return Text(
            QT_TRANSLATE_NOOP("Core", "Training memory (batch {batch}, {optimizer}, {precision})"),
            batch=f"{self.batch:,}",
            optimizer=self.optimizer,
            precision=self.precision,
        )

    def estimate(self, summary: ModelSummary, runtime: bool | None = False) -> MemoryEstimate:
        return estimate(summary, self.batch, self.optimizer, self.precision, runtime=runtime)


@dataclass(frozen=True)
class LayerMemory:
    """One layer's part of a training step."""

    name: str
    weights_bytes: int
    gradients_bytes: int
    optimizer_bytes: int
    activations_bytes: int

    @property
    def total_bytes(self) -> int:
        return sum(getattr(self, part) for part in PARTS)


@dataclass(frozen=True)
class MemoryEstimate:
    """A training step's memory at one batch size, optimizer and precision."""

    batch: int
    optimizer: str
    precision: str
    weights_bytes: int
    gradients_bytes: int
    optimizer_bytes: int  # the slots, and the update's temporaries (``update_bytes``)
    activations_bytes: int
    inputs_bytes: int  # the batch's inputs and labels
    inference_bytes: int  # the same batch, predicted only
    per_layer: tuple[LayerMemory, ...]
    update_bytes: int = 0  # the largest variable's update temporaries, part of optimizer_bytes
    # The framework's own memory on the CPU: 0 where it is not counted (a GPU's memory), None
    # where it is not known (JAX and PyTorch on the CPU).
    runtime_bytes: int | None = 0

    @property
    def tensors_bytes(self) -> int:
        """The step's tensors: what the backend's allocator counts (no framework memory)."""
        parts: int = sum(getattr(self, part) for part in (*PARTS, "inputs_bytes"))
        return parts

    @property
    def total_bytes(self) -> int:
        return self.tensors_bytes + (self.runtime_bytes or 0)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "batch": self.batch,
            "optimizer": self.optimizer,
            "precision": self.precision,
            "weights_bytes": self.weights_bytes,
            "gradients_bytes": self.gradients_bytes,
            "optimizer_bytes": self.optimizer_bytes,
            "update_bytes": self.update_bytes,
            "activations_bytes": self.activations_bytes,
            "inputs_bytes": self.inputs_bytes,
            "runtime_bytes": self.runtime_bytes,
            "total_bytes": self.total_bytes,
            "inference_bytes": self.inference_bytes,
            "per_layer": [
                {
                    "name": layer.name,
                    "weights_bytes": layer.weights_bytes,
                    "gradients_bytes": layer.gradients_bytes,
                    "optimizer_bytes": layer.optimizer_bytes,
                    "activations_bytes": layer.activations_bytes,
                    "total_bytes": layer.total_bytes,
                }
                for layer in self.per_layer
            ],
        }


def check_choices(optimizer: str, precision: str, batch: int) -> None:
    """A clear refusal naming the setting that is wrong; nothing else is done."""
    for name, value, known in (
        ("optimizer", optimizer, OPTIMIZER_SLOTS),
        ("precision", precision, ACTIVATION_BYTES),
    ):
        if value not in known:
            raise ParameterError(
                name,
                Text(
                    QT_TRANSLATE_NOOP("Core", "{value} is not one of {known}"),
                    value=repr(value),
                    known=", ".join(known),
                ),
            )
    if not 1 <= batch <= MAX_BATCH:
        raise ParameterError(
            "batch",
            Text(
                QT_TRANSLATE_NOOP("Core", "{value} is not a batch size from 1 to {most:,}"),
                value=batch,
                most=MAX_BATCH,
            ),
        )


def _dtype_bytes(dtype: str) -> int:
    return _DTYPE_BYTES.get(dtype, 4)


def _elements(shape: Sequence[int | None]) -> int:
    return int(prod(d or 0 for d in shape[1:]))


def _outputs(rows: Sequence[LayerRow]) -> list[LayerRow]:
    """The layers no other layer reads: the model's outputs."""
    read = {name for row in rows for name in row.inbound}
    return [row for row in rows if row.name not in read]


def counts_runtime(device_kind: str, backend: str) -> bool | None:
    """Whether a step on ``device_kind`` counts the framework's own memory: on the CPU, where
    it shares the RAM, under TensorFlow (measured); None: on the CPU under another backend, not
    known; False on a GPU."""
    if device_kind != "CPU":
        return False
    return True if backend == "tensorflow" else None


def runtime_bytes(summary: ModelSummary) -> int:
    """TensorFlow's own memory for ``summary``'s model on the CPU (``RUNTIME_*``)."""
    layers = sum(row.is_leaf for row in summary.layers)
    return RUNTIME_BASE_BYTES + RUNTIME_LAYER_BYTES * layers


def estimate(
    summary: ModelSummary,
    batch: int = 32,
    optimizer: str = "adam",
    precision: str = "float32",
    *,
    runtime: bool | None = False,
) -> MemoryEstimate:
    """The memory of one training step of ``summary``'s model (module docstring); ``runtime``
    (``counts_runtime``) adds the framework's own memory on the CPU, None: not known."""
    check_choices(optimizer, precision, batch)
    slots = OPTIMIZER_SLOTS[optimizer]
    value = ACTIVATION_BYTES[precision]
    leaves = [row for row in summary.layers if row.is_leaf]
    kept = kept_outputs(leaves)
    per_layer = tuple(
        LayerMemory(
            row.path,
            row.params * WEIGHT_BYTES,
            row.trainable_params * WEIGHT_BYTES,
            slots * row.trainable_params * WEIGHT_BYTES,
            (row.activation_elements * (row.path in kept) + row.internal_elements) * batch * value,
        )
        for row in leaves
    )
    # An update makes temporaries as large as the variable it updates (Adam's g², the moments'
    # new values); variables are updated one after another, so the largest layer's count.
    largest = max((row.trainable_params for row in leaves), default=0)
    update = UPDATE_TEMPORARIES[optimizer] * largest * WEIGHT_BYTES
    weights = sum(layer.weights_bytes for layer in per_layer)
    return MemoryEstimate(
        batch=batch,
        optimizer=optimizer,
        precision=precision,
        weights_bytes=weights,
        gradients_bytes=sum(layer.gradients_bytes for layer in per_layer),
        optimizer_bytes=sum(layer.optimizer_bytes for layer in per_layer) + update,
        activations_bytes=sum(layer.activations_bytes for layer in per_layer),
        inputs_bytes=batch * sample_bytes(summary),
        inference_bytes=weights + batch * (_input_bytes(summary) + _largest_live(leaves) * value),
        per_layer=per_layer,
        update_bytes=update,
        runtime_bytes=runtime_bytes(summary) if runtime else (0 if runtime is False else None),
    )


# Layers whose gradient needs nothing of their input (Add: the output's gradient passes as it
# is; Reshape, padding, cropping: moved values), or only their own output (ReLU, sigmoid, tanh,
# softmax: TensorFlow's, JAX's and PyTorch's gradients read the output).
_INPUT_NOT_NEEDED = (
    "Add", "Subtract", "Concatenate", "Reshape", "Flatten", "Permute", "RepeatVector",
    "ZeroPadding", "Cropping", "Dropout", "SpatialDropout", "Identity", "GlobalAveragePooling",
    "ReLU", "Activation", "Softmax",
)  # fmt: skip
_KEEPS_ITS_OUTPUT = ("ReLU", "Activation", "Softmax")


def kept_outputs(rows: Sequence[LayerRow]) -> set[str]:
    """The layers whose output training keeps for the backward pass: a layer that needs its own
    output (ReLU), one read by a layer that needs its input (a convolution, BatchNormalization,
    Dense, pooling that takes the maximum), and the model's outputs (the loss reads them). A
    BatchNormalization output read only by a ReLU is not kept: the ReLU keeps its own."""
    readers: dict[str, list[LayerRow]] = {}
    for row in rows:
        for name in row.inbound:
            readers.setdefault(name, []).append(row)
    kept = set()
    for row in rows:
        read_by = readers.get(row.name, [])
        if (
            not read_by
            or row.type.startswith(_KEEPS_ITS_OUTPUT)
            or any(not reader.type.startswith(_INPUT_NOT_NEEDED) for reader in read_by)
        ):
            kept.add(row.path)
    return kept


def sample_bytes(summary: ModelSummary) -> int:
    """One sample's inputs (at their dtype) and labels (float32, shaped like the outputs)."""
    leaves = [row for row in summary.layers if row.is_leaf]
    labels = sum(_elements(row.output_shapes[0]) for row in _outputs(leaves) if row.output_shapes)
    return _input_bytes(summary) + labels * LABEL_BYTES


def _input_bytes(summary: ModelSummary) -> int:
    return sum(_elements(shape) * _dtype_bytes(dtype) for shape, dtype in summary.inputs)


@dataclass(frozen=True)
class MemoryBasis:
    """What a model's training memory at any setup follows from, without its layers: a sweep
    point carries it (``training_bytes`` equals ``estimate(...).total_bytes``)."""

    params: int
    trainable: int
    largest_trainable: int  # the largest layer's trainable weights, for the update's temporaries
    kept_elements: int  # values kept for the backward pass, per sample
    sample_bytes: int  # one sample's inputs and labels


def memory_basis(summary: ModelSummary) -> MemoryBasis:
    leaves = [row for row in summary.layers if row.is_leaf]
    kept = kept_outputs(leaves)
    return MemoryBasis(
        params=sum(row.params for row in leaves),
        trainable=sum(row.trainable_params for row in leaves),
        largest_trainable=max((row.trainable_params for row in leaves), default=0),
        kept_elements=sum(
            row.activation_elements * (row.path in kept) + row.internal_elements for row in leaves
        ),
        sample_bytes=sample_bytes(summary),
    )


def training_bytes(
    basis: MemoryBasis, batch: int, optimizer: str = "adam", precision: str = "float32"
) -> int:
    """A training step's memory from ``basis``: ``estimate(...).total_bytes`` for a summary."""
    check_choices(optimizer, precision, batch)
    slots = OPTIMIZER_SLOTS[optimizer]
    return (
        (basis.params + basis.trainable * (1 + slots)) * WEIGHT_BYTES
        + UPDATE_TEMPORARIES[optimizer] * basis.largest_trainable * WEIGHT_BYTES
        + batch * (basis.kept_elements * ACTIVATION_BYTES[precision] + basis.sample_bytes)
    )


def _largest_live(rows: Sequence[LayerRow]) -> int:
    """The most values alive at once in a forward pass, counted per layer: its output and the
    outputs it reads."""
    sizes = {row.name: row.activation_elements for row in rows}
    return max(
        (row.activation_elements + sum(sizes.get(n, 0) for n in row.inbound) for row in rows),
        default=0,
    )


def max_batch(
    summary: ModelSummary,
    available_bytes: int,
    optimizer: str = "adam",
    precision: str = "float32",
    *,
    runtime: bool | None = False,
) -> int:
    """The largest batch whose training step fits in ``available_bytes`` (0: not even one
    sample), computed from the step's fixed part and its part per sample."""
    one = estimate(summary, 1, optimizer, precision, runtime=runtime)
    fixed = one.weights_bytes + one.gradients_bytes + one.optimizer_bytes
    fixed += one.runtime_bytes or 0
    per_sample = one.activations_bytes + one.inputs_bytes
    if available_bytes < fixed + per_sample:
        return 0
    if per_sample == 0:
        return MAX_BATCH
    return min((available_bytes - fixed) // per_sample, MAX_BATCH)
