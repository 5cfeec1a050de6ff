"""One bar of a training step's parts end to end (pyqtgraph), with a dashed line where the
device's memory ends, and its legend as a line of text that wraps (a legend inside the plot
covered the bar at 1024x768)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from explorer.core.base.units import GIB, MIB, short_bytes
from explorer.qt.widgets.plots import colour, new_plot

if TYPE_CHECKING:
    import pyqtgraph as pg

BAR_HEIGHT = 0.6  # of the y range -0.4 ... 1.0: above it, room for the line's label
TEXT_LINES = 7  # the plot's height: its title, the bar, the line's label, the axis


@dataclass(frozen=True)
class MemoryBar:
    plot: pg.PlotWidget
    parts: list[pg.BarGraphItem]
    room: pg.InfiniteLine  # where the device's memory ends


def new_memory_bar(parent: QWidget, parts: int, export: Callable[[], object]) -> MemoryBar:
    import pyqtgraph as pg

    plot = new_plot(parent, "", "", "", export)
    item = plot.getPlotItem()
    for side in ("left", "right"):  # one bar: its height means nothing
        item.getAxis(side).setTicks([[]])
    item.hideAxis("left")
    item.showGrid(x=True, y=False, alpha=0.2)
    item.setMouseEnabled(x=False, y=False)
    item.hideButtons()
    bars = [
        pg.BarGraphItem(x0=[0], width=[0], y=[0], height=BAR_HEIGHT, brush=colour(i), pen=None)
        for i in range(parts)
    ]
    for bar in bars:
        item.addItem(bar)
    room = pg.InfiniteLine(
        angle=90,
        pen=pg.mkPen("k", width=2, style=Qt.PenStyle.DashLine),
        label="",
        labelOpts={"position": 0.8, "color": "k", "anchors": [(1, 0.5), (1, 0.5)]},
    )
    item.addItem(room)
    plot.setFixedHeight(TEXT_LINES * parent.fontMetrics().height())
    return MemoryBar(plot, bars, room)


def draw_memory_bar(
    bar: MemoryBar, title: str, sizes: Sequence[int], room: int | None, room_label: str
) -> None:
    """``sizes`` in bytes end to end, in GiB or MiB; the line at ``room`` bytes (None: none)."""
    end = max(sum(sizes), room or 0)
    unit, name = (GIB, "GiB") if end >= GIB else (MIB, "MiB")
    start = 0.0
    for index, part in enumerate(bar.parts):  # parts past ``sizes``: none this time
        n_bytes = sizes[index] if index < len(sizes) else 0
        part.setOpts(x0=[start], width=[n_bytes / unit])
        start += n_bytes / unit
    item = bar.plot.getPlotItem()
    item.vb.setYRange(-0.4, 1.0, padding=0)
    bar.room.setVisible(room is not None)
    if room is not None:
        bar.room.setValue(room / unit)
        bar.room.label.setFormat(f"{room_label} {short_bytes(room)} ")
    item.vb.setXRange(0, max(end / unit, 1e-9), padding=0.02)
    item.setTitle(title, color="k")
    item.setLabel("bottom", name)  # (a label on the left would show that axis again)


def legend_html(names: Sequence[str]) -> str:
    """ "■ Weights  ■ Gradients ...", each square in its part's colour."""
    return " &nbsp; ".join(
        f'<span style="color:{colour(i)}">■</span>&nbsp;{name}' for i, name in enumerate(names)
    )
