"""What every pyqtgraph plot of the window shares: look, menu ownership, export, legend colours,
and being made when first needed (``PlotPanel``).

pyqtgraph is imported with the first plot, not with this module: importing it takes a quarter
of a second, a third of the time to the window's first paint, for views a session may never
open (tests/qt/test_start_up.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QShowEvent
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QWidget,
)

from explorer.core.base.errors import ExplorerError
from explorer.core.base.files import atomic_path
from explorer.qt.i18n import follow, translate, translated

if TYPE_CHECKING:
    import pyqtgraph as pg

# Matplotlib's "tab10": distinct on screen and in print; a legend entry per pinned model.
PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)
TITLE_SIZE = 1.15  # a chart's title against the window's text
TITLE_COLOR = "#000000"  # plots are white with black text in every colour scheme
_TITLE_MARGIN = 12  # beside a title cut to its plot's width
MIRROR_MIN_WIDTH = 360  # a plot narrower than this shows no right axis repeating the left one
EXPORT_WIDTH = 1600  # pixels: the least width of an exported PNG


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _windows() -> dict[int, QWidget]:
    """Top-level widgets by C++ address: a Python wrapper's id() can change between calls."""
    return {shiboken6.getCppPointer(w)[0]: w for w in QApplication.topLevelWidgets()}


def _adopt_new_windows(owner: QWidget, before: set[int]) -> None:
    for address, widget in _windows().items():
        if address not in before and widget.parentWidget() is None and widget is not owner:
            widget.setParent(owner, widget.windowFlags())


class _FollowFont(QObject):
    """A plot's title and axis labels are text items with fonts of their own: on a change of
    the window's text size they take the new size (tick labels follow by themselves)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FontChange:  # watching plots only (new_plot)
            fit_fonts(cast("pg.PlotWidget", watched))
        elif event.type() == QEvent.Type.Resize:
            plot = cast("pg.PlotWidget", watched)
            _mirror_if_room(plot)
            fit_title(plot)
            plot.getPlotItem().getAxis("bottom")._updateLabel()  # the full title, cut again
        return False


def _mirror_if_room(plot: pg.PlotWidget) -> None:
    """The right axis, when it only repeats the left one's numbers, shown on a wide plot only:
    on a narrow one (three sweep plots side by side at 1024x768) it takes the curves' room."""
    item = plot.getPlotItem()
    right = item.getAxis("right")
    if right.labelText:  # an axis of its own (the feature maps' channels)
        return
    wide = plot.width() >= MIRROR_MIN_WIDTH
    if wide != right.isVisible():
        item.showAxis("right", wide)


def fit_title(plot: pg.PlotWidget) -> None:
    """The title cut with … to the plot's width. A title wider than its plot held the plot that
    wide: three sweep plots side by side at 1024x768 overlapped, each hiding the next one's
    right part. ``titleLabel.text`` keeps the whole title (for exports and tests)."""
    item = plot.getPlotItem()
    label = item.titleLabel
    if not label.isVisible() or not label.text:
        return
    shown = QFontMetrics(label.item.font()).elidedText(
        label.text, Qt.TextElideMode.ElideRight, _room(plot)
    )
    if label.item.toPlainText() != shown:
        label.item.setPlainText(shown)
        label.item.setDefaultTextColor(QColor(TITLE_COLOR))
        label.updateMin()
        label.resizeEvent(None)


def _room(plot: pg.PlotWidget) -> int:
    """The width of the plot's view, between the side axes: what its titles may take."""
    item = plot.getPlotItem()
    axes = sum(
        item.getAxis(side).minimumWidth()
        for side in ("left", "right")
        if item.getAxis(side).isVisible()
    )
    return max(int(plot.width() - axes) - 2 * _TITLE_MARGIN, _TITLE_MARGIN)


def _fit_x_title(plot: pg.PlotWidget) -> None:
    """The x axis's title cut with … to the axis's width, like the plot's title."""
    item = plot.getPlotItem()
    axis = item.getAxis("bottom")
    if axis.label is None or not axis.labelText:
        return
    room = _room(plot)
    metrics = QFontMetrics(axis.label.font())
    if metrics.horizontalAdvance(axis.labelText) > room:
        axis.label.setPlainText(
            metrics.elidedText(axis.labelText, Qt.TextElideMode.ElideRight, room)
        )
        axis.label.setDefaultTextColor(QColor(TITLE_COLOR))
        axis.resizeEvent()


def _titles_fit(plot: pg.PlotWidget) -> None:
    """Every new title of ``plot`` and of its x axis is cut to its width (``fit_title``)."""
    item = plot.getPlotItem()
    label, axis = item.titleLabel, item.getAxis("bottom")
    set_text, update_axis = label.setText, axis._updateLabel

    def set_and_fit(text: str, **style: Any) -> None:
        set_text(text, **style)
        fit_title(plot)

    def update_and_fit() -> None:
        update_axis()
        _fit_x_title(plot)

    label.setText = set_and_fit
    axis._updateLabel = update_and_fit  # pyqtgraph's own call after each change of the title


def fit_fonts(plot: pg.PlotWidget) -> None:
    font = plot.font()
    item = plot.getPlotItem()
    title = QFont(font)
    title.setPointSizeF(font.pointSizeF() * TITLE_SIZE)
    item.titleLabel.item.setFont(title)
    item.titleLabel.updateMin()
    fit_title(plot)
    for side in ("left", "bottom", "right"):
        axis = item.getAxis(side)
        axis.label.setFont(font)
        axis.setTickFont(font)
        axis._updateLabel()


_FOLLOW_FONT = _FollowFont()


def new_plot(
    parent: QWidget,
    title: str,
    x_label: str,
    y_label: str,
    export: Callable[[], object] | None = None,
) -> pg.PlotWidget:
    """A white plot with black axes. The scene's right-click "Export…" runs ``export``
    (pyqtgraph's own dialog offers its broken SVG exporter).

    pyqtgraph makes the plot's context menus (and an emptied form) without a parent: here they
    become children of the plot widget, still popups, so they are deleted with it and after its
    scene. (Owned by a panel instead, they can go first, and the scene's teardown crashes.)"""
    import pyqtgraph as pg

    from explorer.qt.widgets.number_axis import NumberAxis

    before = set(_windows())
    axes = {side: NumberAxis(side) for side in ("left", "bottom", "right")}
    plot = pg.PlotWidget(parent, background="w", axisItems=axes)
    _adopt_new_windows(plot, before)
    item = plot.getPlotItem()
    _titles_fit(plot)
    set_plot_texts(plot, title, x_label, y_label)
    for side in ("bottom", "left", "right"):
        item.getAxis(side).setPen("k")
        item.getAxis(side).setTextPen("k")
    item.showGrid(x=False, y=True, alpha=0.2)
    fit_fonts(plot)
    plot.installEventFilter(_FOLLOW_FONT)
    # Small minimum: the panels share a dock area with the short totals strip; drag it taller.
    plot.setMinimumSize(60, 30)
    action = plot.scene().contextMenu[0]
    action.triggered.disconnect()
    if export is None:
        plot.scene().contextMenu = []
    else:
        follow(action, lambda: action.setText(translate("Plots", "Export Chart…")))
        action.triggered.connect(lambda: export())
    return plot


def flat_lines_readable(plot: pg.PlotWidget) -> None:
    """A plot whose values are all alike (a sweep's parameters over sequence lengths: 4,385,920
    at every point) shows ±10 % around them; autoscaled, its range was so narrow that every
    tick read "4.39 M". Any other plot scales to its data."""
    import numpy as np

    item = plot.getPlotItem()
    values = [
        data.yData[np.isfinite(data.yData)]
        for data in item.listDataItems()
        if data.yData is not None and len(data.yData)
    ]
    found = np.concatenate(values) if values else np.array([])
    if found.size and found.max() - found.min() <= 1e-9 * max(abs(found.max()), 1.0):
        middle = float(found.max())
        pad = abs(middle) * 0.1 or 1.0
        item.vb.setYRange(middle - pad, middle + pad, padding=0)
    else:
        item.vb.enableAutoRange(axis="y")


def titled(title: str, models: Sequence[str]) -> str:
    """A chart's title naming the models it shows ("MACs per sample — resnet50, resnet34")."""
    return f"{title} — {', '.join(models)}" if models else title


def set_plot_texts(plot: pg.PlotWidget, title: str, x_label: str, y_label: str) -> None:
    """A plot's title and axis titles (each axis keeps its colour and font)."""
    item = plot.getPlotItem()
    item.setTitle(title, color="k")
    item.setLabel("bottom", x_label)
    item.setLabel("left", y_label)


def set_item_texts(combo: QComboBox, text_of: Callable[[Any], str]) -> None:
    """Each item's text from its data (which code and settings keep, in every language)."""
    for index in range(combo.count()):
        combo.setItemText(index, text_of(combo.itemData(index)))


def add_legend(plot: pg.PlotWidget) -> pg.LegendItem:
    legend = plot.getPlotItem().addLegend(offset=(10, 10), labelTextColor="k")
    legend.setBrush(255, 255, 255, 220)
    legend.setPen("#999999")
    return legend


def _export_svg(item: pg.PlotItem, path: str) -> None:
    """The plot's part of the scene through QSvgGenerator. pyqtgraph's SVGExporter cannot read
    the path data Qt 6.12 writes (pyqtgraph issue #3485), so it fails on every plot for now."""
    source = item.sceneBoundingRect()
    generator = QSvgGenerator()
    generator.setFileName(path)
    generator.setSize(source.size().toSize())
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(item.titleLabel.text)
    painter = QPainter(generator)
    try:
        item.scene().render(painter, QRectF(0, 0, source.width(), source.height()), source)
    finally:
        painter.end()


def export_plot(plot: pg.PlotWidget, path: str) -> None:
    """Writes one plot as PNG or SVG, chosen by the file's suffix."""
    suffix = Path(path).suffix.lower()
    if suffix not in (".png", ".svg"):
        what = suffix or translate("Plots", "a file without a suffix")
        raise ValueError(
            translate("Plots", "cannot export a chart as {what}; use .png or .svg").format(
                what=what
            )
        )
    from pyqtgraph.exporters import ImageExporter

    item = plot.getPlotItem()
    with atomic_path(path, suffix=suffix) as temporary:  # an old file stays whole on failure
        if suffix == ".png":  # for slides: twice the pixels, at least EXPORT_WIDTH wide
            exporter = ImageExporter(item)
            width = max(EXPORT_WIDTH, 2 * round(item.sceneBoundingRect().width()))
            exporter.parameters()["width"] = width  # the height follows the aspect
            exporter.parameters()["antialias"] = True
            exporter.export(str(temporary))
        else:
            _export_svg(item, str(temporary))
        if temporary.stat().st_size == 0:
            raise OSError(translate("Plots", "Qt wrote an empty file"))


def export_plot_with_dialog(
    parent: QWidget, plot: pg.PlotWidget, name: str, path: str | None = None
) -> bool:
    """Ask for a file name (unless ``path`` is given) and export; a failure is explained."""
    title = translate("Plots", "Export Chart")
    if path is None:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            title,
            f"{name}.png",
            translate("Plots", "PNG image (*.png);;SVG drawing (*.svg)"),
        )
        if not path:
            return False
    try:
        export_plot(plot, path)
    except (ValueError, OSError, ExplorerError) as error:
        message = translate("Plots", "The chart was not exported.\n\n{error}")
        QMessageBox.warning(parent, title, message.format(error=translated(str(error))))
        return False
    return True


def elided_choices(combo: QComboBox, letters: int = 10) -> None:
    """``combo`` as wide as ``letters`` characters at least, its longer choices elided (the
    list shows them whole): chart titles name the models and may be long."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(letters)


class ExportChooser(QWidget):
    """A chart chooser and an "Export Chart…" button; ``export(key)`` does the rest."""

    def __init__(self, titles: dict[str, str], export: Callable[[str], object]) -> None:
        super().__init__()
        self.choice = QComboBox()
        for key, title in titles.items():
            self.choice.addItem(title, key)
        # Elided rather than widening the panel (and, through the views, which are as wide as
        # their widest page, squeezing the side panel on a 1024-pixel screen).
        elided_choices(self.choice)
        self.button = QPushButton()
        follow(self, self._retranslate)
        self.button.clicked.connect(lambda: export(self.choice.currentData()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.choice)
        layout.addWidget(self.button)

    def _retranslate(self) -> None:
        self.button.setText(translate("Plots", "Export Chart…"))
        self.button.setToolTip(translate("Plots", "Save the chosen chart as PNG or SVG"))

    def set_titles(self, titles: dict[str, str]) -> None:
        """The charts' titles in the chooser, by key (the panel's, in the current language)."""
        set_item_texts(self.choice, titles.__getitem__)


T = TypeVar("T")


class PlotPanel(QWidget):
    """A panel whose plots are made when first needed: when it is first shown, or when code
    first reads one of its ``MadeWithPlots`` attributes. Until then the panel only keeps what
    it is given; ``_make_plots`` makes the plots and draws all of it, as if they had been there
    from the start. (The window starts on the Layers view: pyqtgraph waits for a chart.)"""

    _plots_made = False

    def _make_plots(self) -> None:
        """Make the plots, set the ``MadeWithPlots`` attributes, draw what the panel keeps."""
        raise NotImplementedError

    def make_plots(self) -> None:
        if not self._plots_made:
            self._plots_made = True
            self._make_plots()

    def plots_made(self) -> bool:
        """Whether a change should be drawn now (else ``_make_plots`` draws it later)."""
        return self._plots_made

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        self.make_plots()
        super().showEvent(event)


class MadeWithPlots(Generic[T]):
    """A ``PlotPanel`` attribute that ``_make_plots`` sets: read before that, it makes the plots
    first, so ``panel.plots["macs"]`` works whether or not the panel was ever shown. (Once set,
    the instance's own attribute hides this one: later reads cost nothing.)"""

    def __set_name__(self, owner: type[PlotPanel], name: str) -> None:
        self._name = name

    def __get__(self, panel: PlotPanel | None, owner: type[PlotPanel] | None = None) -> T:
        if panel is None:
            return cast(T, self)
        panel.make_plots()
        return cast(T, panel.__dict__[self._name])
