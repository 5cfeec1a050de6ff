"""Per-layer charts: parameters, their running total, MACs and feature-map size along depth."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from explorer.core.analysis.chart_data import (
    EMPTY_SERIES,
    METRICS,
    ChartSeries,
    chart_series,
    point_text,
)
from explorer.core.analysis.summary import ModelSummary
from explorer.qt.i18n import follow, translate, translated
from explorer.qt.widgets.plots import (
    ExportChooser,
    MadeWithPlots,
    PlotPanel,
    export_plot,
    export_plot_with_dialog,
    new_plot,
    set_plot_texts,
    titled,
)

if TYPE_CHECKING:
    import pyqtgraph as pg
    from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent


def _titles() -> dict[str, tuple[str, str]]:
    """Each chart's title and its left axis' title, in the current language."""
    return {
        "params": (
            translate("Charts", "Parameters per layer"),
            translate("Charts", "parameters"),
        ),
        "cumulative": (
            translate("Charts", "Parameters up to each layer"),
            translate("Charts", "cumulative parameters"),
        ),
        "macs": (translate("Charts", "MACs per layer"), translate("Charts", "MACs")),
        "feature_maps": (
            translate("Charts", "Feature maps"),
            translate("Charts", "H×W positions"),
        ),
    }


def _x_label() -> str:
    return translate("Charts", "layer (model order)")


_BLUE, _GREEN, _ORANGE, _PURPLE = "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd"
_GREY = "#78909c"  # a layer whose MACs are not counted: a cross on the axis, not a bar of 0
_BAR_WIDTH = 0.8


def _values(values: tuple[int | None, ...]) -> np.ndarray:
    """Floats for plotting; an unknown value becomes NaN, a gap in a ``connect="finite"`` curve."""
    return np.array([np.nan if v is None else v for v in values], dtype=float)


def _new_plot(key: str, panel: ChartsPanel) -> pg.PlotWidget:
    title, y_label = _titles()[key]
    plot = new_plot(
        panel, title, _x_label(), y_label, export=partial(panel.export_with_dialog, key)
    )
    # The x axis is a layer index: a log of it means nothing.
    plot.getPlotItem().ctrl.logXCheck.setEnabled(False)
    return plot


class ChartsPanel(PlotPanel):
    """Four plots along the layers; hovering names a layer and clicking emits its summary row.

    Until its plots are made (``PlotPanel``), the panel keeps the series, the highlighted layer
    and the scale; hovering and clicking read the series alone."""

    layer_clicked = Signal(int)

    plots: MadeWithPlots[dict[str, pg.PlotWidget]] = MadeWithPlots()
    markers: MadeWithPlots[dict[str, pg.InfiniteLine]] = MadeWithPlots()
    params_bars: MadeWithPlots[pg.BarGraphItem] = MadeWithPlots()
    macs_bars: MadeWithPlots[pg.BarGraphItem] = MadeWithPlots()
    uncounted_marks: MadeWithPlots[pg.ScatterPlotItem] = MadeWithPlots()
    cumulative_curve: MadeWithPlots[pg.PlotDataItem] = MadeWithPlots()
    spatial_curve: MadeWithPlots[pg.PlotDataItem] = MadeWithPlots()
    channels_curve: MadeWithPlots[pg.PlotDataItem] = MadeWithPlots()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: ChartSeries = EMPTY_SERIES
        self._architecture: str | None = None  # the model's, in the charts' titles
        self._log = False
        self._marked: int | None = None  # the highlighted layer's point, if any

        self.log_scale = QCheckBox()
        self.log_scale.toggled.connect(self.set_log_scale)
        self._grid = QGridLayout()  # for the plots
        self.exporter = ExportChooser(
            {key: title for key, (title, _) in _titles().items()}, self.export_with_dialog
        )
        controls = QHBoxLayout()
        controls.addWidget(self.log_scale)
        controls.addStretch(1)
        controls.addWidget(self.exporter)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(self._grid)
        follow(self, self._retranslate)

    def _make_plots(self) -> None:
        import pyqtgraph as pg

        self.plots = {key: _new_plot(key, self) for key in METRICS}
        self.params_bars = pg.BarGraphItem(x=[], height=[], width=_BAR_WIDTH, brush=_BLUE, pen=None)
        self.macs_bars = pg.BarGraphItem(x=[], height=[], width=_BAR_WIDTH, brush=_GREEN, pen=None)
        self.cumulative_curve = pg.PlotDataItem(pen=pg.mkPen(_BLUE, width=2), antialias=True)
        self.spatial_curve = pg.PlotDataItem(pen=pg.mkPen(_BLUE, width=2), antialias=True)
        self.channels_curve = pg.PlotDataItem(pen=pg.mkPen(_ORANGE, width=2), antialias=True)
        self.plots["params"].addItem(self.params_bars)
        self.plots["macs"].addItem(self.macs_bars)
        self.uncounted_marks = pg.ScatterPlotItem(symbol="x", size=9, pen=None, brush=_GREY)
        self.plots["macs"].addItem(self.uncounted_marks)
        self.plots["cumulative"].addItem(self.cumulative_curve)
        self.plots["feature_maps"].addItem(self.spatial_curve)
        self._channels_view = self._add_right_axis(self.plots["feature_maps"])
        self._channels_view.addItem(self.channels_curve)

        self.markers = {}
        for key, plot in self.plots.items():
            marker = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(_PURPLE, width=2))
            marker.setZValue(10)
            marker.hide()
            plot.addItem(marker, ignoreBounds=True)
            self.markers[key] = marker
            if key != "params":  # one x range for all: the same x is the same layer everywhere
                plot.setXLink(self.plots["params"])
            plot.scene().sigMouseMoved.connect(partial(self._on_mouse_moved, key))
            plot.scene().sigMouseClicked.connect(partial(self._on_mouse_clicked, key))

        params = self.plots["params"].getPlotItem()
        params.setLogMode(y=self._log)
        params.ctrl.logYCheck.toggled.connect(self.set_log_scale)
        for position, key in enumerate(METRICS):
            self._grid.addWidget(self.plots[key], position // 2, position % 2)
        self._name_plots()
        self._draw()

    def _retranslate(self) -> None:
        self.log_scale.setText(translate("Charts", "Log scale for parameters"))
        self.exporter.set_titles({key: title for key, (title, _) in _titles().items()})
        if self.plots_made():
            self._name_plots()

    def _name_plots(self) -> None:
        """The plots' titles and axis titles, in the current language."""
        titles = _titles()
        for key, plot in self.plots.items():
            set_plot_texts(plot, titles[key][0], _x_label(), titles[key][1])
        self.plots["feature_maps"].getPlotItem().setLabel("right", translate("Charts", "channels"))
        self._set_titles()

    def _set_titles(self) -> None:
        """Each chart's title names the model, in exports too."""
        uncounted = sum(m is None for m in self._series.macs)
        for key, (name, _) in _titles().items():
            title = name
            if key == "macs" and uncounted:
                title = translate("Charts", "{title} (× {count} not counted)").format(
                    title=name, count=uncounted
                )
            self.plots[key].getPlotItem().setTitle(  # keeps the title's font (fit_fonts)
                titled(title, [self._architecture] if self._architecture else []), color="k"
            )

    @staticmethod
    def _add_right_axis(plot: pg.PlotWidget) -> pg.ViewBox:
        """A second view for channels behind the main one, so the main view keeps the mouse."""
        import pyqtgraph as pg

        item = plot.getPlotItem()
        view = pg.ViewBox(enableMouse=False, enableMenu=False)
        view.setParentItem(item)  # a child of the plot, so exporters draw it too
        view.setZValue(item.vb.zValue() - 1)
        view.setXLink(item.vb)
        item.showAxis("right")
        item.getAxis("right").linkToView(view)
        item.setLabel("right", translate("Charts", "channels"), color=_ORANGE)
        item.getAxis("left").setLabel(translate("Charts", "H×W positions"), color=_BLUE)

        def follow() -> None:
            view.setGeometry(item.vb.geometry())

        item.vb.sigResized.connect(follow)
        follow()
        return view

    @property
    def series(self) -> ChartSeries:
        return self._series

    def set_summary(self, summary: ModelSummary | None) -> None:
        self._series = chart_series(summary) if summary is not None else EMPTY_SERIES
        self._architecture = summary.architecture if summary is not None else None
        self._marked = None
        if self.plots_made():
            self._draw()

    def _draw(self) -> None:
        """The series in the plots, the model in their titles, the highlighted layer marked."""
        self._set_titles()
        s = self._series
        x = np.arange(len(s), dtype=float)
        self._set_params_bars()
        self.macs_bars.setOpts(x=x, height=np.array([m or 0 for m in s.macs], dtype=float))
        uncounted = [i for i, m in enumerate(s.macs) if m is None]
        self.uncounted_marks.setData(x=uncounted, y=[0.0] * len(uncounted))
        self.cumulative_curve.setData(x, np.array(s.cumulative_params, dtype=float))
        self.spatial_curve.setData(x, _values(s.spatial), connect="finite")
        self.channels_curve.setData(x, _values(s.channels), connect="finite")
        self._channels_view.enableAutoRange()
        self._mark()
        for plot in self.plots.values():
            plot.getPlotItem().enableAutoRange()

    def _set_params_bars(self) -> None:
        heights = np.array(self._series.params, dtype=float)
        if self._log:  # bars have no log mode of their own: drawn at log10, on log-ticked axes
            heights = np.log10(np.maximum(heights, 1.0))
        x = np.arange(len(heights), dtype=float)
        self.params_bars.setOpts(x=x, height=heights)

    def set_log_scale(self, on: bool) -> None:
        if on == self._log:
            return
        self._log = on
        self.log_scale.setChecked(on)
        if self.plots_made():
            self._set_params_bars()
            self.plots["params"].getPlotItem().setLogMode(y=on)

    def highlight(self, row: int | None) -> None:
        self._marked = self._series.point_of(row) if row is not None else None
        if self.plots_made():
            self._mark()

    def _mark(self) -> None:
        for marker in self.markers.values():
            if self._marked is None:
                marker.hide()
            else:
                marker.setValue(self._marked)
                marker.show()

    def row_at(self, x: float) -> int | None:
        """The summary row of the bar or point nearest view coordinate ``x``, if one is there."""
        point = self._point_at(x)
        return self._series.rows[point] if point is not None else None

    def _point_at(self, x: float) -> int | None:
        point = int(np.floor(x + 0.5))
        return point if 0 <= point < len(self._series) else None

    def hover_text(self, key: str, x: float) -> str:
        point = self._point_at(x)
        return translated(point_text(self._series, point, key)) if point is not None else ""

    def click_at(self, x: float) -> int | None:
        row = self.row_at(x)
        if row is not None:
            self.layer_clicked.emit(row)
        return row

    def _view_x(self, key: str, scene_pos: QPointF) -> float | None:
        view = self.plots[key].getPlotItem().vb
        if not view.sceneBoundingRect().contains(scene_pos):
            return None
        return view.mapSceneToView(scene_pos).x()

    def _on_mouse_moved(self, key: str, scene_pos: QPointF) -> None:
        x = self._view_x(key, scene_pos)
        text = self.hover_text(key, x) if x is not None else ""
        if text:
            QToolTip.showText(QCursor.pos(), text, self.plots[key])
        else:
            QToolTip.hideText()

    def _on_mouse_clicked(self, key: str, event: MouseClickEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        x = self._view_x(key, event.scenePos())
        if x is not None:
            self.click_at(x)

    def export_with_dialog(self, key: str, path: str | None = None) -> bool:
        """Export chart ``key``; the file name's suffix picks PNG or SVG."""
        return export_plot_with_dialog(self, self.plots[key], key, path)

    def export(self, key: str, path: str) -> None:
        """Writes one plot as PNG or SVG, chosen by the file's suffix."""
        export_plot(self.plots[key], path)
