"""ModelSummary -> the per-layer series the charts plot: leaf layers only, in model order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from explorer.core.analysis.stages import compare_stages
from explorer.core.analysis.summary import LayerRow, ModelSummary
from explorer.core.base.shapes import Shape
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text


@dataclass(frozen=True)
class ChartSeries:
    """One point per leaf layer; a nested model's row would count its layers twice."""

    names: tuple[str, ...]
    rows: tuple[int, ...]  # each point's index in summary.layers, to select the table row
    params: tuple[int, ...]
    cumulative_params: tuple[int, ...]
    macs: tuple[int | None, ...]  # None: not counted
    spatial: tuple[int | None, ...]  # H*W of a (None, H, W, C) first output, else None
    channels: tuple[int | None, ...]  # last dimension of the first output, None when unknown

    def __len__(self) -> int:
        return len(self.rows)

    def point_of(self, row: int) -> int | None:
        """The point showing summary row ``row``; None for a nested model's row or no row."""
        try:
            return self.rows.index(row)
        except ValueError:
            return None


EMPTY_SERIES = ChartSeries((), (), (), (), (), (), ())


def _first_shape(row: LayerRow) -> Shape | None:
    return row.output_shapes[0] if row.output_shapes else None


def spatial_size(shape: Shape | None) -> int | None:
    """H*W of an image-like (batch, H, W, C) shape; None for any other shape."""
    if shape is None or len(shape) != 4:
        return None
    height, width = shape[1], shape[2]
    return height * width if height is not None and width is not None else None


def channel_count(shape: Shape | None) -> int | None:
    """The last (channels-last) dimension; None for a shape without one beyond the batch."""
    if shape is None or len(shape) < 2:
        return None
    return shape[-1]


def chart_series(summary: ModelSummary) -> ChartSeries:
    indexed = [(i, row) for i, row in enumerate(summary.layers) if row.is_leaf]
    params = tuple(row.params for _, row in indexed)
    return ChartSeries(
        names=tuple(row.name for _, row in indexed),
        rows=tuple(i for i, _ in indexed),
        params=params,
        cumulative_params=tuple(accumulate(params)),
        macs=tuple(row.macs for _, row in indexed),
        spatial=tuple(spatial_size(_first_shape(row)) for _, row in indexed),
        channels=tuple(channel_count(_first_shape(row)) for _, row in indexed),
    )


METRICS = ("params", "cumulative", "macs", "feature_maps")


def point_text(series: ChartSeries, point: int, metric: str) -> str:
    """What hovering point ``point`` of chart ``metric`` says, e.g. "conv1 — 9,472 params"."""
    name = series.names[point]
    if metric == "params":
        return Text(
            QT_TRANSLATE_NOOP("Core", "{name} — {params:,} params"),
            name=name,
            params=series.params[point],
        )
    if metric == "cumulative":
        return Text(
            QT_TRANSLATE_NOOP("Core", "{name} — {params:,} params up to here"),
            name=name,
            params=series.cumulative_params[point],
        )
    if metric == "macs":
        macs = series.macs[point]
        if macs is None:
            return Text(QT_TRANSLATE_NOOP("Core", "{name} — MACs not counted"), name=name)
        return Text(QT_TRANSLATE_NOOP("Core", "{name} — {macs:,} MACs"), name=name, macs=macs)
    if metric == "feature_maps":
        spatial, channels = series.spatial[point], series.channels[point]
        size = (
            Text(QT_TRANSLATE_NOOP("Core", "{count:,} positions (H×W)"), count=spatial)
            if spatial is not None
            else QT_TRANSLATE_NOOP("Core", "no H×W")
        )
        depth = (
            Text(QT_TRANSLATE_NOOP("Core", "{count:,} channels"), count=channels)
            if channels is not None
            else QT_TRANSLATE_NOOP("Core", "unknown channels")
        )
        return Text(
            QT_TRANSLATE_NOOP("Core", "{name} — {size}, {depth}"), name=name, size=size, depth=depth
        )
    raise ValueError(f"unknown chart {metric!r}; expected one of {', '.join(METRICS)}")


# --- pinned models side by side -----------------------------------------------------------------

STAGE_METRICS = {
    "params": QT_TRANSLATE_NOOP("Core", "Parameters"),
    "macs": QT_TRANSLATE_NOOP("Core", "MACs"),
    "activation_elements": QT_TRANSLATE_NOOP("Core", "Activations per sample"),
}
_TOTAL = QT_TRANSLATE_NOOP("Core", "total")  # the one group of models without stages


@dataclass(frozen=True)
class GroupedBars:
    """Bars in groups along x (stages, or one "total" group), one bar per model in each group."""

    groups: tuple[str, ...]
    # Per model, per group; 0 where a model lacks a stage, None where a stage's MACs (or a
    # model's, in total) are not counted.
    values: tuple[tuple[int | None, ...], ...]
    by_stage: bool


def _total(summary: ModelSummary, metric: str) -> int | None:
    """A model's total of ``metric``; None for MACs when some of its layers are not counted."""
    if metric == "macs" and summary.totals.uncounted:
        return None
    return int(getattr(summary.totals, metric))


def stage_bars(summaries: Sequence[ModelSummary], metric: str) -> GroupedBars:
    """``metric`` of each model per aligned stage; its total when some model has no stages."""
    if metric not in STAGE_METRICS:
        raise ValueError(f"unknown metric {metric!r}; expected one of {', '.join(STAGE_METRICS)}")
    comparison = compare_stages(summaries) if summaries else None
    if comparison is None:
        totals = tuple((_total(summary, metric),) for summary in summaries)
        return GroupedBars((_TOTAL,), totals, by_stage=False)
    values = tuple(
        tuple(0 if stage is None else getattr(stage, metric) for stage in model)
        for model in comparison.per_model
    )
    return GroupedBars(comparison.names, values, by_stage=True)
