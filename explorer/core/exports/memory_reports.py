"""``explorer memory``: a training step's memory as text or JSON, with the device it is
measured against and the largest batch that fits there."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from explorer.core.analysis.memory import (
    ACTIVATION_BYTES,
    OPTIMIZER_SLOTS,
    LayerMemory,
    MemoryEstimate,
)
from explorer.core.analysis.summary import ModelSummary
from explorer.core.analysis.training import RunResult
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
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


def memory_parts(found: MemoryEstimate) -> list[tuple[str, int, str]]:
    """The parts of a training step: each one's name, bytes and what it is (texts the window
    translates)."""
    slots = OPTIMIZER_SLOTS[found.optimizer]
    value = Text(
        QT_TRANSLATE_NOOP(
            "Core", "the outputs the backward pass reads and attention's scores, {bytes} B a value"
        ),
        bytes=ACTIVATION_BYTES[found.precision],
    )
    return [
        (QT_TRANSLATE_NOOP("Core", "Weights"), found.weights_bytes, "float32"),
        (
            QT_TRANSLATE_NOOP("Core", "Gradients"),
            found.gradients_bytes,
            QT_TRANSLATE_NOOP("Core", "one per trainable weight"),
        ),
        (
            QT_TRANSLATE_NOOP("Core", "Optimizer slots"),
            found.optimizer_bytes,
            Text(
                QT_TRANSLATE_NOOP("Core", "{slots} per trainable weight, the update's {update}"),
                slots=slots,
                update=short_bytes(found.update_bytes),
            ),
        ),
        (QT_TRANSLATE_NOOP("Core", "Activations"), found.activations_bytes, value),
        (
            QT_TRANSLATE_NOOP("Core", "Inputs and labels"),
            found.inputs_bytes,
            QT_TRANSLATE_NOOP("Core", "the batch's inputs, one-hot float32 labels"),
        ),
        *(
            [
                (
                    QT_TRANSLATE_NOOP("Core", "TensorFlow on the CPU"),
                    found.runtime_bytes,
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "its own memory for the model: traced step, kernels; a measured rule",
                    ),
                )
            ]
            if found.runtime_bytes
            else []
        ),
    ]


def top_layers(found: MemoryEstimate, count: int = TOP_LAYERS) -> list[LayerMemory]:
    """The ``count`` layers that take the most, the largest first."""
    return sorted(found.per_layer, key=lambda layer: layer.total_bytes, reverse=True)[:count]


def layer_rows(found: MemoryEstimate, count: int = TOP_LAYERS) -> tuple[list[str], list[list[str]]]:
    """The ``count`` layers that take the most, each part in short, with its share of the step."""
    headers = [
        QT_TRANSLATE_NOOP("Core", "Layer"),
        QT_TRANSLATE_NOOP("Core", "Weights"),
        QT_TRANSLATE_NOOP("Core", "Gradients"),
        QT_TRANSLATE_NOOP("Core", "Optimizer slots"),
        QT_TRANSLATE_NOOP("Core", "Activations"),
        QT_TRANSLATE_NOOP("Core", "Total"),
        QT_TRANSLATE_NOOP("Core", "Share"),
    ]
    total = found.total_bytes
    rows = [
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
            f"{layer.total_bytes / total * 100:.1f} %" if total else "-",
        ]
        for layer in top_layers(found, count)
    ]
    return headers, rows


def memory_text(
    summary: ModelSummary,
    found: MemoryEstimate,
    device: MemoryDevice,
    largest: int | None,
    backend: str = "tensorflow",
) -> str:
    rows = memory_parts(found)
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
        *(
            [f"  (the framework's own memory on the CPU is not estimated for {backend})"]
            if found.runtime_bytes is None
            else []
        ),
        f"Inference, batch {found.batch:,}: {binary_and_decimal(found.inference_bytes)}",
        "",
        f"The {TOP_LAYERS} layers that take the most:",
    ]
    headers, layers = layer_rows(found)
    lines += plain_table(headers, layers, set(range(1, len(headers))))
    lines += ["", _fits(device, largest)]
    return "\n".join(lines) + "\n"


def fits_line(device: MemoryDevice, largest: int | None) -> str:
    """The window's line: "Fits on NVIDIA H200 (139.8 GiB) up to batch 1,024"."""
    values = {"device": device.name, "largest": f"{largest or 0:,}"}
    if device.memory_bytes is None or largest is None:
        return Text(QT_TRANSLATE_NOOP("Core", "{device}: its memory is unknown"), **values)
    values["memory"] = short_bytes(device.memory_bytes)
    if device.kind == "CPU":
        template = (
            QT_TRANSLATE_NOOP(
                "Core", "Does not fit in this CPU's free RAM ({memory}): not even batch 1"
            )
            if largest == 0
            else QT_TRANSLATE_NOOP(
                "Core", "Fits in this CPU's free RAM ({memory}) up to batch {largest}"
            )
        )
    elif largest == 0:
        template = QT_TRANSLATE_NOOP(
            "Core", "Does not fit on {device} ({memory}): not even batch 1"
        )
    else:
        template = QT_TRANSLATE_NOOP("Core", "Fits on {device} ({memory}) up to batch {largest}")
    return Text(template, **values)


def _fits(device: MemoryDevice, largest: int | None) -> str:
    """The text's last line: the device, then the window's line."""
    return f"Device: {device.name} ({device.kind}). {fits_line(device, largest)}"


def run_text(result: RunResult) -> str:
    """``explorer run``'s report: speed, the measured peak and the estimate beside it."""
    measured = binary_and_decimal(result.peak_bytes) if result.peak_bytes is not None else "unknown"
    ratio = f"{result.ratio:.2f}" if result.ratio is not None else "unknown"
    lines = [
        f"Device: {result.device} ({result.backend}); batch {result.batch:,}, "
        f"{result.steps:,} steps, {result.optimizer}, {result.precision}",
        f"Step: {result.step_seconds * 1000:,.1f} ms, {result.samples_per_second:,.1f} samples/s",
        f"Measured ({result.measured}): {measured}",
        f"Estimate: {binary_and_decimal(result.estimate_bytes)} (estimate / measured = {ratio})",
    ]
    if result.rss_growth_bytes is not None:
        grew = (
            f"The process grew by {binary_and_decimal(result.rss_growth_bytes)} (RSS, with the "
            "framework's own memory)"
        )
        if result.rss_ratio is not None and result.runtime_bytes is not None:
            grew += (
                f"; with TensorFlow's own memory, {binary_and_decimal(result.runtime_bytes)}, "
                f"the estimate is {result.rss_ratio:.2f} of it"
            )
        lines.append(grew)
    return "\n".join(lines) + "\n"
