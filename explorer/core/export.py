"""ModelSummary -> text, JSON, CSV and Markdown, for one model or a comparison of several."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence

from explorer.core.cost import ShapeTuple
from explorer.core.params import format_value
from explorer.core.stages import compare_stages
from explorer.core.summary import LayerRow, ModelSummary, Totals
from explorer.core.tables import markdown_table, plain_table
from explorer.core.units import BYTES_PER_ACTIVATION, binary_and_decimal
from explorer.core.weights import CompatibilityReport

FORMATS = ("text", "json", "csv", "markdown")


def shape_text(shape: ShapeTuple) -> str:
    return "(" + ", ".join("None" if d is None else str(d) for d in shape) + ")"


def output_shape_text(row: LayerRow) -> str:
    return ", ".join(shape_text(s) for s in row.output_shapes)


def params_text(summary: ModelSummary) -> str:
    return ", ".join(f"{name}={format_value(value)}" for name, value in summary.params)


def _titled(name: str, summary: ModelSummary) -> str:
    """``resnet50 (input_shape=224x224x3, ...)``; a design, which has no parameters, bare."""
    params = params_text(summary)
    return f"{name} ({params})" if params else name


def _row_cells(index: int, row: LayerRow) -> list[str]:
    return [
        str(index),
        "  " * row.depth + f"{row.name} ({row.type})",
        output_shape_text(row),
        f"{row.params:,}",
        f"{row.trainable_params:,}",
        f"{row.macs:,}",
        ", ".join(row.inbound),
    ]


LAYER_HEADERS = ["#", "Layer (type)", "Output shape", "Params", "Trainable", "MACs", "Connected to"]
_RIGHT = {0, 3, 4, 5}


def totals_lines(totals: Totals) -> list[tuple[str, str]]:
    activation_bytes = totals.activation_elements * BYTES_PER_ACTIVATION
    return [
        ("Total params", f"{totals.params:,}"),
        ("Trainable params", f"{totals.trainable_params:,}"),
        ("Non-trainable params", f"{totals.non_trainable_params:,}"),
        ("Weights memory", binary_and_decimal(totals.weights_bytes)),
        ("MACs per sample", f"{totals.macs:,}"),
        ("FLOPs per sample (2 x MACs)", f"{2 * totals.macs:,}"),
        (
            "Activations per sample",
            f"{totals.activation_elements:,} elements, "
            f"{binary_and_decimal(activation_bytes)} at float32",
        ),
    ]


def summary_text(summary: ModelSummary) -> str:
    rows = [_row_cells(i, row) for i, row in enumerate(summary.layers, start=1)]
    lines = [f"Architecture: {_titled(summary.architecture, summary)}", ""]
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
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADERS)
    for i, row in enumerate(summary.layers, start=1):
        writer.writerow(
            [
                i,
                row.name,
                row.path,
                row.type,
                row.depth,
                output_shape_text(row),
                row.params,
                row.trainable_params,
                row.macs,
                row.activation_elements,
                " ".join(row.inbound),
            ]
        )
    return out.getvalue()


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


# --- comparison -----------------------------------------------------------------------------

_COMPARED: tuple[tuple[str, Callable[[ModelSummary], int]], ...] = (
    ("Total params", lambda s: s.totals.params),
    ("Trainable params", lambda s: s.totals.trainable_params),
    ("Non-trainable params", lambda s: s.totals.non_trainable_params),
    ("Weights bytes", lambda s: s.totals.weights_bytes),
    ("MACs per sample", lambda s: s.totals.macs),
    ("Activations per sample", lambda s: s.totals.activation_elements),
    ("Layers", lambda s: len(s.layers)),
)


def _relative(value: int, base: int) -> str:
    if base == 0:
        return f"{value - base:+,}"
    return f"{value - base:+,} ({(value - base) / base * 100:+.1f}%)"


def compare_values(summaries: Sequence[ModelSummary]) -> list[tuple[str, list[int]]]:
    return [(name, [pick(s) for s in summaries]) for name, pick in _COMPARED]


def _compare_headers(summaries: Sequence[ModelSummary]) -> list[str]:
    labels = [f"{i}. {s.architecture}" for i, s in enumerate(summaries, start=1)]
    return ["Quantity", *labels, *(f"{label} vs 1." for label in labels[1:])]


def compare_rows(summaries: Sequence[ModelSummary]) -> tuple[list[str], list[list[str]]]:
    """Totals side by side; every model after the first also as a difference to the first."""
    rows = [
        [name, *(f"{v:,}" for v in values), *(_relative(v, values[0]) for v in values[1:])]
        for name, values in compare_values(summaries)
    ]
    return _compare_headers(summaries), rows


def stage_rows(summaries: Sequence[ModelSummary]) -> tuple[list[str], list[list[str]]] | None:
    """The stage-aligned table: per model its stage's output shape, parameters and MACs."""
    comparison = compare_stages(summaries)
    if comparison is None:
        return None
    headers = ["Stage"]
    for i in range(1, len(summaries) + 1):
        headers += [f"{i}. output", f"{i}. params", f"{i}. MACs"]
    rows = []
    for index, name in enumerate(comparison.names):
        cells = [name]
        for model in comparison.per_model:
            stage = model[index]
            cells += (
                [shape_text(stage.output_shape), f"{stage.params:,}", f"{stage.macs:,}"]
                if stage is not None
                else ["-", "-", "-"]
            )
        rows.append(cells)
    return headers, rows


def stage_numeric_columns(headers: list[str]) -> set[int]:
    """The columns of a stage table that hold numbers (right-aligned)."""
    return {i for i, h in enumerate(headers) if h.endswith(("params", "MACs"))}


def compare_text(summaries: Sequence[ModelSummary]) -> str:
    headers, rows = compare_rows(summaries)
    lines = [f"{i}. {_titled(s.architecture, s)}" for i, s in enumerate(summaries, start=1)]
    lines += ["", *plain_table(headers, rows, set(range(1, len(headers))))]
    staged = stage_rows(summaries)
    if staged is not None:
        lines += [
            "",
            "By stage:",
            *plain_table(staged[0], staged[1], stage_numeric_columns(staged[0])),
        ]
    return "\n".join(lines) + "\n"


def compare_markdown(summaries: Sequence[ModelSummary]) -> str:
    headers, rows = compare_rows(summaries)
    lines = [f"{i}. {_titled(f'`{s.architecture}`', s)}" for i, s in enumerate(summaries, start=1)]
    lines += ["", *markdown_table(headers, rows, set(range(1, len(headers))))]
    staged = stage_rows(summaries)
    if staged is not None:
        right = stage_numeric_columns(staged[0])
        lines += ["", "### By stage", "", *markdown_table(staged[0], staged[1], right)]
    return "\n".join(lines) + "\n"


def compare_csv(summaries: Sequence[ModelSummary]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_compare_headers(summaries))
    for name, values in compare_values(summaries):
        writer.writerow([name, *values, *(v - values[0] for v in values[1:])])
    return out.getvalue()


def compare_json(summaries: Sequence[ModelSummary]) -> str:
    """``{"models": [...]}`` as DESIGN.md fixes it, plus ``"stages"`` when every model has
    stages: per stage name, each model's stage (or null)."""
    result: dict[str, object] = {"models": [s.to_json_dict() for s in summaries]}
    comparison = compare_stages(summaries)
    if comparison is not None:
        result["stages"] = [
            {
                "name": name,
                "models": [
                    None
                    if stage is None
                    else {
                        "layers": stage.layers,
                        "output_shape": list(stage.output_shape),
                        "params": stage.params,
                        "trainable_params": stage.trainable_params,
                        "macs": stage.macs,
                        "activation_elements": stage.activation_elements,
                    }
                    for stage in (model[index] for model in comparison.per_model)
                ],
            }
            for index, name in enumerate(comparison.names)
        ]
    return json.dumps(result, indent=2) + "\n"


def render_comparison(summaries: Sequence[ModelSummary], fmt: str) -> str:
    renderers: dict[str, Callable[[Sequence[ModelSummary]], str]] = {
        "text": compare_text,
        "json": compare_json,
        "csv": compare_csv,
        "markdown": compare_markdown,
    }
    return renderers[fmt](summaries)


# --- weights compatibility ----------------------------------------------------------------------


def shapes_text(shapes: tuple[tuple[int, ...], ...]) -> str:
    return ", ".join(str(tuple(shape)) for shape in shapes) or "-"


def report_text(report: CompatibilityReport) -> str:
    """The compatibility report: a verdict line, then the layers that do not match."""
    headers = ["Layer", "Status", "Model expects", "File has", "File layer"]
    rows = [
        [row.layer, row.status, shapes_text(row.expected), shapes_text(row.found), row.file_layer]
        for row in report.rows
        if row.status != "matched"
    ]
    lines = [report.summary_line(), f"Format: {report.format}"]
    if rows:
        lines += ["", *plain_table(headers, rows, set())]
    return "\n".join(lines) + "\n"


def report_json(report: CompatibilityReport) -> str:
    return (
        json.dumps(
            {
                "file": report.path,
                "format": report.format,
                "loads_fully": report.loads_fully,
                "counts": {
                    s: report.count(s) for s in ("matched", "shape mismatch", "missing", "extra")
                },
                "layers": [
                    {
                        "layer": r.layer,
                        "status": r.status,
                        "expected": [list(s) for s in r.expected],
                        "found": [list(s) for s in r.found],
                        "file_layer": r.file_layer,
                    }
                    for r in report.rows
                ],
            },
            indent=2,
        )
        + "\n"
    )
