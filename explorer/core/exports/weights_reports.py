"""A weights compatibility report as text (a verdict, then the layers that do not match) or JSON."""

from __future__ import annotations

import json

from explorer.core.exports.tables import plain_table
from explorer.core.weights.compatibility import CompatibilityReport, Status


def shapes_text(shapes: tuple[tuple[int, ...], ...]) -> str:
    return ", ".join(str(tuple(shape)) for shape in shapes) or "-"


def report_text(report: CompatibilityReport) -> str:
    """The compatibility report: a verdict line, then the layers that do not match."""
    headers = ["Layer", "Status", "Model expects", "File has", "File layer"]
    rows = [
        [row.layer, row.status, shapes_text(row.expected), shapes_text(row.found), row.file_layer]
        for row in report.rows
        if row.status is not Status.MATCHED
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
                "counts": {status.label: count for status, count in report.counts().items()},
                "layers": [
                    {
                        "layer": r.layer,
                        "status": r.status.label,
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
