"""Start-up: pyqtgraph (a quarter of a second to import) and the plots wait for a chart.

The window starts on the Layers view; importing pyqtgraph and making the plots of the Charts and
Sweep views would delay its first paint by a third. Each check runs in a fresh interpreter: this
one has long imported pyqtgraph for the other tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from explorer.qt.panels.charts import ChartsPanel

ROOT = Path(__file__).resolve().parents[2]

_START = """
import json, sys, tempfile
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from explorer.qt.main_window import MainWindow
from tests.qt.fake_client import FakeWorkerClient

seen = {"imported": "pyqtgraph" in sys.modules}
app = QApplication([])
ini = tempfile.mkdtemp() + "/settings.ini"
window = MainWindow(QSettings(ini, QSettings.Format.IniFormat), FakeWorkerClient())
window.show()
for _ in range(500):
    if window.state.summary is not None:
        break
    QTest.qWait(10)
QTest.qWait(50)  # painted, with the model shown
seen["layers"] = window.views.currentWidget() is window.table
seen["model shown"] = window.state.summary is not None
seen["shown"] = "pyqtgraph" in sys.modules
window.show_view(window.charts)
QTest.qWait(50)
seen["charts"] = "pyqtgraph" in sys.modules
seen["plots"] = [plot.isVisible() for plot in window.charts.plots.values()]
seen["bars"] = len(window.charts.params_bars.opts["height"])
seen["sweep"] = window.sweep.plots_made()
window.close()
print(json.dumps(seen))
"""


def test_pyqtgraph_waits_for_the_first_chart() -> None:
    env = {**os.environ, "EXPLORER_CACHE_DIR": "off", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _START],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen == {
        "imported": False,  # importing the window
        "layers": True,
        "model shown": True,
        "shown": False,  # the window shown, its first model in the Layers view
        "charts": True,  # the Charts view shown: its plots made, with the model drawn
        "plots": [True] * 4,
        "bars": 176,
        "sweep": False,
    }


def test_what_the_charts_got_before_their_plots_is_drawn_in_them(qtbot, summary_of) -> None:
    panel = ChartsPanel()
    qtbot.addWidget(panel)
    panel.set_summary(summary_of("resnet50"))
    panel.highlight(5)
    panel.set_log_scale(True)
    assert not panel.plots_made()
    panel.show()  # makes them
    assert panel.plots_made()
    assert [marker.value() for marker in panel.markers.values()] == [5] * 4
    assert all(marker.isVisible() for marker in panel.markers.values())
    item = panel.plots["params"].getPlotItem()
    assert item.ctrl.logYCheck.isChecked() and item.getAxis("left").logMode
    assert max(panel.params_bars.opts["height"]) < 7  # log10 of 2,359,296
    assert item.titleLabel.text == "Parameters per layer — resnet50"
    assert panel.plots["feature_maps"].getPlotItem().getAxis("right").labelText == "channels"


def test_plots_made_in_another_language_are_in_it(qtbot, summary_of) -> None:
    from explorer.qt import i18n

    panel = ChartsPanel()
    qtbot.addWidget(panel)
    panel.set_summary(summary_of("resnet50"))
    i18n.set_language(i18n.CHINESE)
    chinese = panel.plots["params"].getPlotItem().titleLabel.text
    assert chinese.endswith(" — resnet50") and "Parameters" not in chinese
    i18n.set_language(i18n.ENGLISH)
    assert panel.plots["params"].getPlotItem().titleLabel.text.startswith("Parameters per layer")


def test_a_sweep_run_before_its_plots_is_drawn_in_them(qtbot, window, fake) -> None:
    from explorer.core.analysis.sweep import SweepPoint
    from explorer.core.worker import protocol as p
    from tests.recorded import recorded

    sweep = window.sweep
    sweep.param.setCurrentIndex(1)  # classes
    sweep.set_range(10, 20, 10)
    assert sweep.run()
    totals = recorded("resnet50").totals
    for index, classes in enumerate((10, 20)):
        fake.reply(p.SweepPointDone(1, index, SweepPoint(classes, totals)))
    assert not sweep.plots_made()
    window.show_view(sweep)
    assert sweep.plots_made()
    (curve,) = sweep.plots["macs"].getPlotItem().listDataItems()
    assert list(curve.xData) == [10, 20] and list(curve.yData) == [totals.macs] * 2
    assert [label.text for _, label in sweep.legend.items] == ["resnet50"]
    assert sweep.plots["params"].getPlotItem().titleLabel.text == "Total parameters — resnet50"
    assert sweep.plots["params"].getPlotItem().getAxis("bottom").labelText == "classes"
