"""ModelSummary -> text, JSON, CSV and Markdown, for one model or a comparison of several."""

from __future__ import annotations

import json
from collections.abc import Callable

from explorer.core.analysis.cost import macs_text, uncounted_note
from explorer.core.analysis.summary import LayerRow, ModelSummary, Totals
from explorer.core.base.errors import one_line
from explorer.core.base.shapes import shape_text
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.base.units import activation_bytes, binary_and_decimal
from explorer.core.exports.tables import csv_text, markdown_table, plain_table
from explorer.core.params.values import format_value


def output_shape_text(row: LayerRow) -> str:
    """The layer's output shapes; a layer called N times with one shape shows it once, with
    ``×N`` (a Dense shared by 25 steps printed its shape 25 times). JSON keeps the list."""
    shapes = row.output_shapes
    if row.part_of:  # an RNN's cell under its layer
        return Text(QT_TRANSLATE_NOOP("Core", "{shape} per step"), shape=shape_text(shapes[0]))
    if len(shapes) > 1 and len(set(shapes)) == 1:
        return f"{shape_text(shapes[0])} ×{len(shapes)}"
    return ", ".join(shape_text(s) for s in shapes)


def params_text(summary: ModelSummary) -> str:
    return ", ".join(f"{name}={format_value(value)}" for name, value in summary.params)


def titled(name: str, summary: ModelSummary) -> str:
    """``resnet50 (input_shape=224x224x3, ...)``; a design, which has no parameters, bare."""
    params = params_text(summary)
    name = one_line(name)  # a design's path may hold any character
    return f"{name} ({params})" if params else name


def _row_cells(index: int, row: LayerRow) -> list[str]:
    return [
        str(index),
        "  " * row.depth + f"{row.name} ({row.type})",
        output_shape_text(row),
        f"{row.params:,}",
        f"{row.trainable_params:,}",
        macs_text(row.macs),
        ", ".join(row.inbound),
    ]


LAYER_HEADERS = ["#", "Layer (type)", "Output shape", "Params", "Trainable", "MACs", "Connected to"]
_RIGHT = {0, 3, 4, 5}


def totals_lines(totals: Totals) -> list[tuple[str, str]]:
    return [
        ("Total params", f"{totals.params:,}"),
        ("Trainable params", f"{totals.trainable_params:,}"),
        ("Non-trainable params", f"{totals.non_trainable_params:,}"),
        ("Weights memory", binary_and_decimal(totals.weights_bytes)),
        ("MACs per sample", _with_note(f"{totals.macs:,}", uncounted_note(totals.uncounted))),
        (
            "FLOPs per sample (2 x MACs)",
            _with_note(f"{2 * totals.macs:,}", uncounted_note(totals.uncounted, named=False)),
        ),
        (
            "Activations per sample",
            f"{totals.activation_elements:,} elements, "
            f"{binary_and_decimal(activation_bytes(totals.activation_elements))} at float32",
        ),
    ]


def _with_note(value: str, note: str) -> str:
    return f"{value} {note}" if note else value


def summary_text(summary: ModelSummary) -> str:
    rows = [_row_cells(i, row) for i, row in enumerate(summary.layers, start=1)]
    lines = [f"Architecture: {titled(summary.architecture, summary)}", ""]
    lines += plain_table(LAYER_HEADERS, rows, _RIGHT)
    width = max(len(label) for label, _ in totals_lines(summary.totals))
    lines += [
        f"{label + ':':<{width + 1}}  {value}" for label, value in totals_lines(summary.totals)
    ]
    return "\n".join(lines) + "\n"


CSV_HEADERS = [
    "index",
    "name",
    "path",
    "type",
    "depth",
    "output_shape",
    "params",
    "trainable_params",
    "macs",
    "activation_elements",
    "inbound",
]


def summary_csv(summary: ModelSummary) -> str:
    rows = (
        [
            i,
            row.name,
            row.path,
            row.type,
            row.depth,
            output_shape_text(row),
            row.params,
            row.trainable_params,
            macs_text(row.macs) if row.macs is None else row.macs,
            row.activation_elements,
            " ".join(row.inbound),
        ]
        for i, row in enumerate(summary.layers, start=1)
    )
    return csv_text(CSV_HEADERS, rows)


def summary_markdown(summary: ModelSummary) -> str:
    rows = [_row_cells(i, row) for i, row in enumerate(summary.layers, start=1)]
    for cells, row in zip(rows, summary.layers, strict=True):
        cells[1] = "&nbsp;" * 4 * row.depth + f"`{row.name}` ({row.type})"
    lines = [f"## {summary.architecture}", ""]
    if summary.params:
        lines += [f"Parameters: {params_text(summary)}", ""]
    lines += markdown_table(LAYER_HEADERS, rows, _RIGHT)
    lines += ["", *(f"- **{label}:** {value}" for label, value in totals_lines(summary.totals))]
    return "\n".join(lines) + "\n"


def summary_json(summary: ModelSummary) -> str:
    return json.dumps(summary.to_json_dict(), indent=2) + "\n"


def render_summary(summary: ModelSummary, fmt: str) -> str:
    renderers: dict[str, Callable[[ModelSummary], str]] = {
        "text": summary_text,
        "json": summary_json,
        "csv": summary_csv,
        "markdown": summary_markdown,
    }
    return renderers[fmt](summary)
