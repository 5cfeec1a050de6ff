"""Several ModelSummaries side by side: totals with differences to the first, and by stage."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from explorer.core.analysis.cost import macs_text
from explorer.core.analysis.memory import TrainingSetup
from explorer.core.analysis.stages import compare_stages
from explorer.core.analysis.summary import ModelSummary
from explorer.core.base.shapes import shape_text
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.exports.summaries import titled
from explorer.core.exports.tables import csv_text, markdown_table, plain_table

_COMPARED: tuple[tuple[str, Callable[[ModelSummary], int]], ...] = (
    (QT_TRANSLATE_NOOP("Core", "Total params"), lambda s: s.totals.params),
    (QT_TRANSLATE_NOOP("Core", "Trainable params"), lambda s: s.totals.trainable_params),
    (QT_TRANSLATE_NOOP("Core", "Non-trainable params"), lambda s: s.totals.non_trainable_params),
    (QT_TRANSLATE_NOOP("Core", "Weights bytes"), lambda s: s.totals.weights_bytes),
    (QT_TRANSLATE_NOOP("Core", "MACs per sample"), lambda s: s.totals.macs),
    (QT_TRANSLATE_NOOP("Core", "Activations per sample"), lambda s: s.totals.activation_elements),
    (QT_TRANSLATE_NOOP("Core", "Layers"), lambda s: sum(not row.part_of for row in s.layers)),
)


def _relative(value: int, base: int) -> str:
    if base == 0:
        return f"{value - base:+,}"
    return f"{value - base:+,} ({(value - base) / base * 100:+.1f}%)"


_GLANCE: tuple[tuple[str, Callable[[ModelSummary], int]], ...] = (
    (QT_TRANSLATE_NOOP("Core", "parameters"), lambda s: s.totals.params),
    (QT_TRANSLATE_NOOP("Core", "MACs"), lambda s: s.totals.macs),
    (QT_TRANSLATE_NOOP("Core", "activations"), lambda s: s.totals.activation_elements),
)


def glance_values(summaries: Sequence[ModelSummary]) -> list[tuple[str, list[int]]]:
    """Parameters, MACs and activations of each model: the comparison at one glance."""
    return [(name, [pick(s) for s in summaries]) for name, pick in _GLANCE]


def percent_change(value: int, base: int) -> str:
    """+17.4 %, -3.0 %, or "unknown" against a base of 0."""
    return f"{(value - base) / base * 100:+.1f} %" if base else QT_TRANSLATE_NOOP("Core", "unknown")


def glance_lines(labels: Sequence[str], summaries: Sequence[ModelSummary]) -> list[str]:
    """Each model after the first against the first: "resnet50 vs resnet34: parameters +17.4 %,
    MACs +5.3 %, activations +171.6 %"."""
    (_, params), (_, macs), (_, activations) = glance_values(summaries)
    return [
        Text(
            QT_TRANSLATE_NOOP(
                "Core",
                "{model} vs {baseline}: parameters {parameters}, MACs {macs}, "
                "activations {activations}",
            ),
            model=labels[k],
            baseline=labels[0],
            parameters=percent_change(params[k], params[0]),
            macs=percent_change(macs[k], macs[0]),
            activations=percent_change(activations[k], activations[0]),
        )
        for k in range(1, len(summaries))
    ]


_UNCOUNTED_ROW = QT_TRANSLATE_NOOP("Core", "Layers not counted in MACs")


def compare_values(
    summaries: Sequence[ModelSummary], training: TrainingSetup | None = None
) -> list[tuple[str, list[int]]]:
    """Totals side by side; when a model has layers whose MACs are not counted, a row says how
    many (its MACs are those of the other layers); with ``training``, a row of each model's
    training memory in bytes (analysis.memory)."""
    values = [(name, [pick(s) for s in summaries]) for name, pick in _COMPARED]
    if any(s.totals.uncounted for s in summaries):
        values.append((_UNCOUNTED_ROW, [len(s.totals.uncounted) for s in summaries]))
    if training is not None:
        name = Text(
            QT_TRANSLATE_NOOP(
                "Core", "Training memory bytes (batch {batch}, {optimizer}, {precision})"
            ),
            batch=f"{training.batch:,}",
            optimizer=training.optimizer,
            precision=training.precision,
        )
        values.append((name, [training.estimate(s).total_bytes for s in summaries]))
    return values


def _compare_headers(summaries: Sequence[ModelSummary]) -> list[str]:
    labels = [f"{i}. {s.architecture}" for i, s in enumerate(summaries, start=1)]
    return [
        QT_TRANSLATE_NOOP("Core", "Quantity"),
        *labels,
        *(Text(QT_TRANSLATE_NOOP("Core", "{label} vs 1."), label=label) for label in labels[1:]),
    ]


def compare_rows(
    summaries: Sequence[ModelSummary], training: TrainingSetup | None = None
) -> tuple[list[str], list[list[str]]]:
    """Totals side by side; every model after the first also as a difference to the first."""
    rows = [
        [name, *(f"{v:,}" for v in values), *(_relative(v, values[0]) for v in values[1:])]
        for name, values in compare_values(summaries, training)
    ]
    return _compare_headers(summaries), rows


def stage_rows(summaries: Sequence[ModelSummary]) -> tuple[list[str], list[list[str]]] | None:
    """The stage-aligned table: per model its stage's output shape, parameters and MACs."""
    comparison = compare_stages(summaries)
    if comparison is None:
        return None
    headers: list[str] = [QT_TRANSLATE_NOOP("Core", "Stage")]
    for i in range(1, len(summaries) + 1):
        headers += [
            Text(QT_TRANSLATE_NOOP("Core", "{i}. output"), i=i),
            Text(QT_TRANSLATE_NOOP("Core", "{i}. params"), i=i),
            Text(QT_TRANSLATE_NOOP("Core", "{i}. MACs"), i=i),
        ]
    rows = []
    for index, name in enumerate(comparison.names):
        cells = [name]
        for model in comparison.per_model:
            stage = model[index]
            cells += (
                [shape_text(stage.output_shape), f"{stage.params:,}", macs_text(stage.macs)]
                if stage is not None
                else ["-", "-", "-"]
            )
        rows.append(cells)
    return headers, rows


def stage_numeric_columns(headers: list[str]) -> set[int]:
    """The columns of a stage table that hold numbers (right-aligned)."""
    return {i for i, h in enumerate(headers) if h.endswith(("params", "MACs"))}


def compare_text(summaries: Sequence[ModelSummary], training: TrainingSetup | None = None) -> str:
    headers, rows = compare_rows(summaries, training)
    lines = [f"{i}. {titled(s.architecture, s)}" for i, s in enumerate(summaries, start=1)]
    lines += ["", *plain_table(headers, rows, set(range(1, len(headers))))]
    staged = stage_rows(summaries)
    if staged is not None:
        lines += [
            "",
            "By stage:",
            *plain_table(staged[0], staged[1], stage_numeric_columns(staged[0])),
        ]
    return "\n".join(lines) + "\n"


def compare_markdown(
    summaries: Sequence[ModelSummary], training: TrainingSetup | None = None
) -> str:
    headers, rows = compare_rows(summaries, training)
    lines = [f"{i}. {titled(f'`{s.architecture}`', s)}" for i, s in enumerate(summaries, start=1)]
    lines += ["", *markdown_table(headers, rows, set(range(1, len(headers))))]
    staged = stage_rows(summaries)
    if staged is not None:
        right = stage_numeric_columns(staged[0])
        lines += ["", "### By stage", "", *markdown_table(staged[0], staged[1], right)]
    return "\n".join(lines) + "\n"


def compare_csv(summaries: Sequence[ModelSummary], training: TrainingSetup | None = None) -> str:
    rows = (
        [name, *values, *(v - values[0] for v in values[1:])]
        for name, values in compare_values(summaries, training)
    )
    return csv_text(_compare_headers(summaries), rows)


def compare_json(summaries: Sequence[ModelSummary], training: TrainingSetup | None = None) -> str:
    """``{"models": [...]}`` as DESIGN.md fixes it, plus ``"stages"`` when every model has
    stages: per stage name, each model's stage (or null); with ``training``,
    ``"training_memory"``: the setup and each model's bytes."""
    result: dict[str, object] = {"models": [s.to_json_dict() for s in summaries]}
    if training is not None:
        result["training_memory"] = {
            "batch": training.batch,
            "optimizer": training.optimizer,
            "precision": training.precision,
            "total_bytes": [training.estimate(s).total_bytes for s in summaries],
        }
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


def render_comparison(
    summaries: Sequence[ModelSummary], fmt: str, training: TrainingSetup | None = None
) -> str:
    renderers: dict[str, Callable[[Sequence[ModelSummary], TrainingSetup | None], str]] = {
        "text": compare_text,
        "json": compare_json,
        "csv": compare_csv,
        "markdown": compare_markdown,
    }
    return renderers[fmt](summaries, training)
