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


def test_a_narrow_plot_cuts_its_titles_and_drops_the_mirrored_axis(qtbot) -> None:
    """Three sweep plots side by side at 1024x768: a title wider than its plot held the plot
    wider than its place, so each hid the next one's right part."""
    from PySide6.QtWidgets import QHBoxLayout

    owner = QWidget()
    qtbot.addWidget(owner)
    QHBoxLayout(owner)
    plot = new_plot(owner, "MACs per sample — bert_tiny", "tokens (from sequence length)", "MACs")
    owner.layout().addWidget(plot)
    owner.resize(170, 400)
    owner.show()
    qtbot.waitExposed(owner)
    item = plot.getPlotItem()
    assert item.geometry().width() <= plot.width()
    assert item.titleLabel.text == "MACs per sample — bert_tiny"  # kept whole for exports
    shown = item.titleLabel.item.toPlainText()
    assert shown.endswith("…") and "MACs per sample — bert_tiny".startswith(shown[:-1])
    assert item.getAxis("bottom").label.toPlainText().endswith("…")
    assert not item.getAxis("right").isVisible()
    owner.resize(900, 400)
    qtbot.waitUntil(lambda: item.getAxis("right").isVisible())
    assert item.titleLabel.item.toPlainText() == "MACs per sample — bert_tiny"
    assert item.getAxis("bottom").label.toPlainText().strip() == "tokens (from sequence length)"
    item.setTitle("Total parameters — bert_tiny, resnet50")  # a new title, fitted too
    assert item.titleLabel.item.toPlainText() == "Total parameters — bert_tiny, resnet50"


def test_a_flat_line_gets_a_readable_range(qtbot) -> None:
    from explorer.qt.widgets.plots import flat_lines_readable

    owner = QWidget()
    qtbot.addWidget(owner)
    plot = new_plot(owner, "Total parameters", "tokens", "parameters")
    curve = plot.getPlotItem().plot([32.0, 64.0, 96.0], [4_385_920.0] * 3)
    flat_lines_readable(plot)
    low, high = plot.getPlotItem().vb.viewRange()[1]
    assert (low, high) == (4_385_920 * 0.9, 4_385_920 * 1.1)
    curve.setData([32.0, 64.0], [1.0, 3.0])
    flat_lines_readable(plot)
    assert plot.getPlotItem().vb.state["autoRange"][1]  # scaled to the data again
