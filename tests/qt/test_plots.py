"""The plot helpers, and a guard against a Qt binding that corrupts reference counts."""

from __future__ import annotations

import sys

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from explorer.qt.widgets.plots import new_plot


def test_plot_updates_keep_none_true_and_false_alive(qtbot) -> None:
    """PySide6 6.12.0 lost a reference to the value a Python override of ``itemChange``
    returned; pyqtgraph's items return None or a bool on every update, so after a few thousand
    chart updates Python freed True and aborted ("bool_dealloc"). Reference counts must not
    fall while items are updated, shown, hidden, added and removed."""
    owner = QWidget()
    qtbot.addWidget(owner)
    item = new_plot(owner, "title", "x", "y").getPlotItem()
    line = pg.InfiniteLine()
    item.addItem(line)
    curve = item.plot([1.0, 2.0], [1.0, 2.0])

    def counts() -> tuple[int, int, int]:
        return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)

    def work() -> None:
        curve.setData([1.0, 2.0], [3.0, 4.0])
        line.hide()
        line.show()
        extra = pg.PlotDataItem([1.0, 2.0], [1.0, 2.0])
        item.addItem(extra)
        item.removeItem(extra)

    work()
    before = counts()
    for _ in range(50):
        work()
    after = counts()
    assert all(a >= b for a, b in zip(after, before, strict=True)), (before, after)
