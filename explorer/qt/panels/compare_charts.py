"""Pinned models overlaid: parameters along depth, one line each, and grouped bars per stage."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from explorer.core.analysis.chart_data import STAGE_METRICS, GroupedBars, chart_series, stage_bars
from explorer.core.analysis.cost import NOT_COUNTED
from explorer.core.analysis.summary import ModelSummary
from explorer.qt.i18n import follow, translate, translated
from explorer.qt.widgets.plots import (
    ExportChooser,
    add_legend,
    colour,
    elided_choices,
    export_plot_with_dialog,
    new_plot,
    set_item_texts,
    set_plot_texts,
    titled,
)

_GROUP_WIDTH = 0.8


def _titles() -> dict[str, str]:
    return {
        "depth": translate("CompareCharts", "Parameters up to each layer"),
        "stages": translate("CompareCharts", "By stage"),
    }


def _units() -> dict[str, str]:
    """What a stage chart's bars count (its left axis), by metric."""
    return {
        "params": translate("CompareCharts", "parameters"),
        "macs": translate("CompareCharts", "macs"),
        "activation_elements": translate("CompareCharts", "activations per sample"),
    }


class CompareCharts(QWidget):
    """Redrawn whenever the pinned models change (a handful of items, so nothing to reuse)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: list[str] = []
        self._summaries: list[ModelSummary] = []
        self.bars = GroupedBars((), (), by_stage=False)
        self.metric = QComboBox()
        for key, title in STAGE_METRICS.items():
            self.metric.addItem(translated(title), key)
        elided_choices(self.metric)
        self.metric.currentIndexChanged.connect(lambda _: self._draw_bars())
        self.exporter = ExportChooser(_titles(), self.export_with_dialog)
        self.plots = {
            key: new_plot(self, title, "", "", partial(self.export_with_dialog, key))
            for key, title in _titles().items()
        }
        self.legends = {key: add_legend(plot) for key, plot in self.plots.items()}
        self.plots["stages"].scene().sigMouseMoved.connect(self._on_mouse_moved)

        self.metric_label = QLabel()
        controls = QHBoxLayout()
        controls.addWidget(self.metric_label)
        controls.addWidget(self.metric)
        controls.addStretch(1)
        controls.addWidget(self.exporter)
        splitter = QSplitter()
        splitter.addWidget(self.plots["depth"])
        splitter.addWidget(self.plots["stages"])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)
        follow(self, self._retranslate)

    def _retranslate(self) -> None:
        self.metric_label.setText(translate("CompareCharts", "Stage chart:"))
        self.metric.setToolTip(translate("CompareCharts", "What the stage chart shows"))
        set_item_texts(self.metric, lambda key: translated(STAGE_METRICS[key]))
        titles = _titles()
        self.exporter.set_titles(titles)
        set_plot_texts(
            self.plots["depth"],
            titled(titles["depth"], self._labels),
            translate("CompareCharts", "layer (model order)"),
            translate("CompareCharts", "cumulative parameters"),
        )
        self._draw_bars()  # the stage chart's title and axes

    def set_models(self, labels: Sequence[str], summaries: Sequence[ModelSummary]) -> None:
        self._labels, self._summaries = list(labels), list(summaries)
        plot = self.plots["depth"].getPlotItem()
        plot.clear()
        for index, (label, summary) in enumerate(zip(labels, summaries, strict=True)):
            cumulative = np.array(chart_series(summary).cumulative_params, dtype=float)
            plot.plot(
                np.arange(len(cumulative), dtype=float),
                cumulative,
                pen=pg.mkPen(colour(index), width=2),
                name=label,
                antialias=True,
            )
        plot.enableAutoRange()
        plot.setTitle(titled(_titles()["depth"], self._labels), color="k")
        self._draw_bars()

    def _draw_bars(self) -> None:
        metric = self.metric.currentData()
        self.bars = stage_bars(self._summaries, metric)
        plot = self.plots["stages"].getPlotItem()
        plot.clear()
        count = len(self.bars.values)
        width = _GROUP_WIDTH / max(count, 1)
        groups = np.arange(len(self.bars.groups), dtype=float)
        for index, (label, values) in enumerate(zip(self._labels, self.bars.values, strict=True)):
            offset = (index - (count - 1) / 2) * width
            plot.addItem(
                pg.BarGraphItem(
                    x=groups + offset,
                    height=np.array([v or 0 for v in values], dtype=float),  # see bar_text
                    width=width,
                    brush=colour(index),
                    pen=None,
                    name=label,
                )
            )
        title = translated(STAGE_METRICS[metric])
        if self.bars.by_stage:
            title = translate("CompareCharts", "{metric} per stage").format(metric=title)
        else:
            title = translate("CompareCharts", "{metric} in total").format(metric=title)
        plot.setTitle(titled(title, self._labels), color="k")
        plot.setLabel("left", _units()[metric])
        groups = [translated(group) for group in self.bars.groups]  # stage names, or "total"
        plot.getAxis("bottom").setTicks([list(enumerate(groups))])
        plot.enableAutoRange()

    def bar_at(self, x: float) -> tuple[int, int] | None:
        """(model, group) of the bar at view coordinate ``x``, if a bar is there."""
        count = len(self.bars.values)
        group = int(np.floor(x + 0.5))
        if count == 0 or not 0 <= group < len(self.bars.groups):
            return None
        width = _GROUP_WIDTH / count
        model = int(np.floor((x - group + _GROUP_WIDTH / 2) / width))
        return (model, group) if 0 <= model < count else None

    def bar_text(self, model: int, group: int) -> str:
        """E.g. "conv4_x — 2. resnet50: 7,098,368 parameters"."""
        value = self.bars.values[model][group]
        what = _units()[self.metric.currentData()]
        amount = f"{value:,} {what}" if value is not None else translated(NOT_COUNTED)
        return f"{translated(self.bars.groups[group])} — {self._labels[model]}: {amount}"

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        view = self.plots["stages"].getPlotItem().vb
        found = None
        if view.sceneBoundingRect().contains(scene_pos):
            found = self.bar_at(view.mapSceneToView(scene_pos).x())
        if found is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(QCursor.pos(), self.bar_text(*found), self.plots["stages"])

    def export_with_dialog(self, key: str, path: str | None = None) -> bool:
        return export_plot_with_dialog(self, self.plots[key], f"compare-{key}", path)
