"""``explorer memory``: a training step's memory as text or JSON, with the device it is
measured against and the largest batch that fits there."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from explorer.core.analysis.memory import OPTIMIZER_SLOTS, MemoryEstimate
from explorer.core.analysis.summary import ModelSummary
from explorer.core.analysis.training import RunResult
from explorer.core.base.units import binary_and_decimal, short_bytes
from explorer.core.exports.summaries import titled
from explorer.core.exports.tables import plain_table

TOP_LAYERS = 5  # the layers that take the most, named in the text


@dataclass(frozen=True)
class MemoryDevice:
    """Where a batch must fit: a GPU's memory, or the RAM this machine has free."""

    name: str
    kind: str  # "GPU" or "CPU"
    memory_bytes: int | None  # None when it cannot be told

    def to_json_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "memory_bytes": self.memory_bytes}


def memory_json(found: MemoryEstimate, device: MemoryDevice, largest: int | None) -> str:
    data = {**found.to_json_dict(), "device": device.to_json_dict(), "max_batch": largest}
    return json.dumps(data, indent=2) + "\n"


def memory_text(
    summary: ModelSummary, found: MemoryEstimate, device: MemoryDevice, largest: int | None
) -> str:
    slots = OPTIMIZER_SLOTS[found.optimizer]
    rows = [
        ("Weights", found.weights_bytes, "float32"),
        ("Gradients", found.gradients_bytes, "one per trainable weight"),
        ("Optimizer slots", found.optimizer_bytes, f"{slots} per trainable weight"),
        (
            "Activations",
            found.activations_bytes,
            "every layer's output, kept for the backward pass",
        ),
        ("Inputs and labels", found.inputs_bytes, ""),
    ]
    lines = [
        f"Architecture: {titled(summary.architecture, summary)}",
        f"Training step: batch {found.batch:,}, {found.optimizer}, {found.precision}",
        "",
    ]
    width = max(len(label) for label, _, _ in rows)
    for label, n_bytes, note in rows:
        lines.append(f"  {label + ':':<{width + 1}}  {binary_and_decimal(n_bytes)}" + (
            f"  ({note})" if note else ""
        ))  # fmt: skip
    lines += [
        f"  {'Total:':<{width + 1}}  {binary_and_decimal(found.total_bytes)}",
        f"Inference, batch {found.batch:,}: {binary_and_decimal(found.inference_bytes)}",
        "",
        f"The {TOP_LAYERS} layers that take the most:",
    ]
    top = sorted(found.per_layer, key=lambda layer: layer.total_bytes, reverse=True)[:TOP_LAYERS]
    lines += plain_table(
        ["Layer", "Weights", "Gradients", "Optimizer", "Activations", "Total"],
        [
            [
                layer.name,
                *(
                    short_bytes(n)
                    for n in (
                        layer.weights_bytes,
                        layer.gradients_bytes,
                        layer.optimizer_bytes,
                        layer.activations_bytes,
                        layer.total_bytes,
                    )
                ),
            ]
            for layer in top
        ],
        {1, 2, 3, 4, 5},
    )
    lines += ["", _fits(device, largest)]
    return "\n".join(lines) + "\n"


def _fits(device: MemoryDevice, largest: int | None) -> str:
    where = "free RAM" if device.kind == "CPU" else "memory"
    if device.memory_bytes is None or largest is None:
        return f"Device: {device.name} ({device.kind}); its {where} is unknown"
    room = binary_and_decimal(device.memory_bytes)
    if largest == 0:
        return f"Device: {device.name} ({device.kind}), {room} {where}: not even batch 1 fits"
    return f"Device: {device.name} ({device.kind}), {room} {where}: fits up to batch {largest:,}"


def run_text(result: RunResult) -> str:
    """``explorer run``'s report: speed, the measured peak and the estimate beside it."""
    measured = binary_and_decimal(result.peak_bytes) if result.peak_bytes is not None else "unknown"
    ratio = f"{result.ratio:.2f}" if result.ratio is not None else "unknown"
    return (
        f"Device: {result.device} ({result.backend}); batch {result.batch:,}, "
        f"{result.steps:,} steps, {result.optimizer}, {result.precision}\n"
        f"Step: {result.step_seconds * 1000:,.1f} ms, {result.samples_per_second:,.1f} samples/s\n"
        f"Measured ({result.measured}): {measured}\n"
        f"Estimate: {binary_and_decimal(result.estimate_bytes)} (estimate / measured = {ratio})\n"
    )
