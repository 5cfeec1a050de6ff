"""The sweep's plots: one curve per model in each, drawn from the points so far."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt

from explorer.core.analysis.memory import TrainingSetup
from explorer.core.analysis.sweep import BATCH, MIB, SweepPoint, axis_value, point_training_bytes
from explorer.core.base.units import activation_bytes
from explorer.core.references.architecture import Reference
from explorer.qt.i18n import translate, translated
from explorer.qt.widgets.plots import colour, flat_lines_readable, titled

if TYPE_CHECKING:
    import pyqtgraph as pg


def plot_texts() -> dict[str, tuple[str, str]]:
    """Each plot's title and its left axis' title, in the current language."""
    return {
        "params": (translate("Sweep", "Total parameters"), translate("Sweep", "parameters")),
        "macs": (translate("Sweep", "MACs per sample"), translate("Sweep", "MACs")),
        "activations": (translate("Sweep", "Activations per sample"), "MiB (float32)"),
        "training": (translate("Sweep", "Training memory"), "MiB"),
    }


@dataclass
class SweepRun:
    """One model's sweep: its values, and the points that have come back so far."""

    label: str
    reference: Reference | None  # None for a batch size sweep, which builds nothing
    values: list[object]
    points: list[SweepPoint] = field(default_factory=list)
    request: int | None = None
    curves: dict[str, pg.PlotDataItem] = field(default_factory=dict)  # by plot, once made


def curve_values(
    points: list[SweepPoint], key: str, param: str, training: TrainingSetup
) -> np.ndarray:
    def value(point: SweepPoint) -> float:
        if point.totals is None:
            return np.nan
        if key == "training":
            return float(point_training_bytes(point, param, training) or 0) / MIB
        if key == "params":
            return float(point.totals.params)
        if key == "macs":
            return float(point.totals.macs)
        if key == "attention":
            return float(point.attention_macs)
        return activation_bytes(point.totals.activation_elements) / MIB

    return np.array([value(p) for p in points], dtype=float)


def add_curves(plots: dict[str, pg.PlotWidget], runs: list[SweepRun]) -> None:
    """Empty curves for every run, made once per sweep; points only update them."""
    import pyqtgraph as pg

    for plot in plots.values():
        plot.getPlotItem().clear()
    for index, run in enumerate(runs):
        for key, plot in plots.items():
            run.curves[key] = plot.getPlotItem().plot(
                pen=pg.mkPen(colour(index), width=2),
                symbol="o",
                symbolSize=6,
                symbolBrush=colour(index),
                symbolPen=None,
                connect="finite",
                name=run.label if key == "macs" else None,
            )


def draw_curves(
    plots: dict[str, pg.PlotWidget],
    runs: list[SweepRun],
    *,
    swept: str,
    tokens: bool,
    training: TrainingSetup,
    x_label: str,
) -> None:
    """The points so far (against tokens where the sweep changes them, ``tokens``), and the
    swept models in the plots' titles."""
    for index, run in enumerate(runs):
        if any(p.attention_macs for p in run.points) and "attention" not in run.curves:
            run.curves["attention"] = _attention_curve(plots["macs"], index, run.label)
        x = np.array([p.tokens if tokens else axis_value(p.value) for p in run.points], dtype=float)
        for key, curve in run.curves.items():
            curve.setData(x, curve_values(run.points, key, swept, training))
    for plot in plots.values():
        flat_lines_readable(plot)
    models = [run.label for run in runs]
    for key, (name, _) in plot_texts().items():
        title = training_title(swept, training) if key == "training" else name
        plots[key].getPlotItem().setTitle(titled(title, models), color="k")
        plots[key].getPlotItem().setLabel("bottom", x_label)


def training_title(swept: str, training: TrainingSetup) -> str:
    """The training memory plot's title with the setup it is drawn for (the Memory view's;
    the batch is the x axis in a batch size sweep)."""
    if swept == BATCH:
        return translate("Sweep", "Training memory ({optimizer}, {precision})").format(
            optimizer=training.optimizer, precision=training.precision
        )
    return translated(training.title())


def _attention_curve(plot: pg.PlotWidget, index: int, label: str) -> pg.PlotDataItem:
    """A dashed line in the MACs plot: the attention products' part of the model's MACs."""
    import pyqtgraph as pg

    name = translate("Sweep", "{model}: attention QKᵀ, AV").format(model=label)
    return plot.getPlotItem().plot(
        pen=pg.mkPen(colour(index), width=2, style=Qt.PenStyle.DashLine),
        symbol="t",
        symbolSize=6,
        symbolBrush=colour(index),
        symbolPen=None,
        connect="finite",
        name=name,
    )
