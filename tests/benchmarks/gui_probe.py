"""Main-window probes for the benchmarks: ``python tests/benchmarks/gui_probe.py MODE``.

* ``cached-table``: with resnet50 in the summary cache, print ``painted`` at the first paint of
  the window, whose table is then on screen before TensorFlow has loaded (a cold cache: one
  build fills it, and the run reports ``{"warmed_up": 1}``).
* ``first-paint``: start as ``explorer.qt.app.run()`` does, print ``painted`` at the window's
  first paint event and leave at once (the worker may still be importing TensorFlow).
* ``stall``: the longest gap between ticks of a 10 ms timer while resnet152 builds (worst of
  ``STALL_ROUNDS``, resnet18 in between), as JSON ``{"max_gap_ms", "build_s", ...}``.
* ``graph``: with the Graph tab shown, resnet152 and densenet121 in turn: the ms from the summary's
  arrival (read from the worker) to the graph drawn (folded to blocks, as big models open), then
  from choosing "Every layer" to it drawn, and the longest gap between timer ticks from the
  window's taking in the summary (table, charts: see ``stall``) to the end, as
  JSON ``{"max_gap_ms", "shown_ms", "unfolded_ms", ...}`` (each the worst of the two models).
* ``memory``: RSS after the 1st and the 20th of 20 resnet50 builds (classes=1..20), as JSON
  ``{"rss_first_mib", "rss_last_mib", "growth"}``.

Run it offscreen (``QT_QPA_PLATFORM=offscreen``); settings go to a temporary ini file.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from typing import Any, NoReturn

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication, QSpinBox

from explorer.qt.app import APPLICATION, ORGANIZATION, freeze_long_lived
from explorer.qt.main_window import MainWindow

Report = dict[str, Any]  # the JSON line a probe prints
STALL_ROUNDS = 3
MEMORY_BUILDS = 20
TICK_MS = 10
SETTLE_MS = 200  # the timer keeps running this long after build_finished: table fill, repaint
TIMEOUT_S = 300


def open_window(folder: str) -> tuple[QApplication, MainWindow]:
    """What ``explorer.qt.app.run()`` does before ``app.exec()``, with settings of our own.

    One difference: an unexpected exception ends the probe (``run()`` shows a modal message box,
    which would hang it).
    """
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    sys.excepthook = lambda *exc: fail("".join(traceback.format_exception(*exc)))
    ini = os.path.join(folder, "settings.ini")
    window = MainWindow(settings=QSettings(ini, QSettings.Format.IniFormat))
    for failed in (window.client.start_up_failed, window.client.build_failed):
        failed.connect(lambda *args: fail(f"worker failed: {args}"))
    freeze_long_lived(window)
    return app, window


def fail(message: str) -> NoReturn:
    print(message, file=sys.stderr, flush=True)
    os._exit(2)


def wait(signal: SignalInstance, action: Callable[[], object] | None = None) -> tuple[Any, ...]:
    """Run the event loop until ``signal`` fires (after ``action``, if given); its arguments."""
    loop, got = QEventLoop(), []

    def done(*args: Any) -> None:
        got.append(args)
        loop.quit()

    signal.connect(done)
    timer = QTimer(singleShot=True, interval=TIMEOUT_S * 1000)
    timer.timeout.connect(loop.quit)
    timer.start()
    if action is not None:
        action()
    if not got:
        loop.exec()
    timer.stop()
    signal.disconnect(done)
    if not got:
        fail(f"no signal within {TIMEOUT_S} s")
    return got[0]


def pause(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


class FirstPaint(QObject):
    """Reports the watched widget's first QEvent.Paint on stdout, then ends the process."""

    def __init__(self, folder: str) -> None:
        super().__init__()
        self.folder = folder

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            sys.stdout.write("painted\n")
            sys.stdout.flush()
            shutil.rmtree(self.folder, ignore_errors=True)  # os._exit skips main's cleanup
            os._exit(0)
        return False


def cached_table(folder: str) -> Report:
    """Print "painted" at the first paint of a window whose table came from the summary cache
    (before TensorFlow has loaded); with a cold cache, build once (a warm-up) and say so."""
    app, window = open_window(folder)
    if window.state.summary is None:
        window.show()
        wait(window.client.build_finished)
        window.close()
        app.processEvents()
        return {"warmed_up": 1}
    assert not window.client.is_ready, "the table must come before TensorFlow"
    painted = FirstPaint(folder)
    window.installEventFilter(painted)
    window.show()
    app.exec()
    fail("the event loop ended before the window painted")


def first_paint(folder: str) -> Report:
    app, window = open_window(folder)
    painted = FirstPaint(folder)
    window.installEventFilter(painted)
    window.show()
    app.exec()
    fail("the event loop ended before the window painted")


class GapTimer(QObject):
    """The largest interval between ticks of a precise 10 ms timer while it runs."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self, interval=TICK_MS, timerType=Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.last = self.max_gap = 0.0

    def start(self) -> None:
        self.last, self.max_gap = time.perf_counter(), 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.max_gap, self.last = max(self.max_gap, now - self.last), now

    def stop(self) -> float:
        self._tick()  # a stall that is still going on counts too
        self.timer.stop()
        return self.max_gap


def stall(folder: str) -> Report:
    app, window = open_window(folder)
    window.show()
    wait(window.client.build_finished)  # the default architecture, once TensorFlow is ready
    gaps, builds, timer = [], [], GapTimer()
    for _ in range(STALL_ROUNDS):
        wait(window.client.build_finished, lambda: window.picker.select("resnet18"))
        pause(SETTLE_MS)
        timer.start()
        _, _, seconds = wait(
            window.client.build_finished, lambda: window.picker.select("resnet152")
        )
        pause(SETTLE_MS)
        gaps.append(timer.stop() * 1000)
        builds.append(seconds)
    window.close()
    app.processEvents()
    return {"max_gap_ms": max(gaps), "build_s": max(builds), "gaps_ms": gaps}


def graph(folder: str) -> Report:
    from explorer.core.worker.protocol import Built

    app, window = open_window(folder)
    window.show()
    wait(window.client.build_finished)  # the default architecture, once TensorFlow is ready
    panel, timer, arrived = window.graph, GapTimer(), [0.0]

    def arrival(reply: object) -> None:  # in the thread that reads the worker's replies
        if isinstance(reply, Built):
            arrived[0] = time.perf_counter()

    window.client._relay.received.connect(arrival, Qt.ConnectionType.DirectConnection)
    # The gaps count from when the window has taken the summary in (its own build_finished
    # slots, connected first, fill the table: the "stall" probe's figure) to the graph drawn.
    window.client.build_finished.connect(lambda *_: timer.start())
    window.views.setCurrentWidget(panel)
    gaps, shown, unfolded = [], [], []
    for model in ("resnet152", "densenet121"):
        wait(panel.drawn, lambda: window.picker.select("resnet18"))
        pause(SETTLE_MS)
        wait(panel.drawn, lambda m=model: window.picker.select(m))
        shown.append((time.perf_counter() - arrived[0]) * 1000)
        assert panel.drawing is not None and panel.fold.currentData() == "blocks"
        pause(SETTLE_MS)
        panel.fold.setCurrentIndex(panel.fold.findData("none"))
        start = time.perf_counter()
        wait(panel.drawn, lambda: panel.fold.activated.emit(panel.fold.currentIndex()))
        unfolded.append((time.perf_counter() - start) * 1000)
        assert len(panel.drawing.boxes) == len(panel.graph.nodes) > 400
        pause(SETTLE_MS)
        gaps.append(timer.stop() * 1000)
    window.close()
    app.processEvents()
    return {
        "max_gap_ms": max(gaps),
        "shown_ms": max(shown),
        "unfolded_ms": max(unfolded),
        "gaps_ms": gaps,
    }


def rss_mib(window: MainWindow) -> float:
    """The window's and its Keras worker process's memory together: Keras lives in the worker."""
    import psutil

    processes = [psutil.Process(), psutil.Process(window.client.pid)]
    return sum(process.memory_info().rss for process in processes) / 2**20


def memory(folder: str) -> Report:
    app, window = open_window(folder)
    window.show()
    wait(window.client.build_finished)  # the default resnet50, once TensorFlow is ready
    assert window.picker.current_id() == "resnet50", "settings of our own: the default"
    classes = window.form.editor("classes")
    assert isinstance(classes, QSpinBox)
    rss: list[float] = []
    for n in range(1, MEMORY_BUILDS + 1):
        classes.setValue(n)
        window.debouncer.stop()  # request now, not after the 250 ms debounce
        wait(window.client.build_finished, window.request_build)
        app.processEvents()
        rss.append(rss_mib(window))
    reference = window.state.reference
    assert reference is not None and reference.values["classes"] == MEMORY_BUILDS
    window.close()
    app.processEvents()
    return {"rss_first_mib": rss[0], "rss_last_mib": rss[-1], "growth": rss[-1] / rss[0] - 1}


MODES: dict[str, Callable[[str], Report]] = {
    "first-paint": first_paint,
    "cached-table": cached_table,
    "stall": stall,
    "graph": graph,
    "memory": memory,
}


BUILDING = ("stall", "graph", "memory")


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in MODES:
        print(f"usage: gui_probe.py {{{','.join(MODES)}}}", file=sys.stderr)
        return 2
    folder = tempfile.mkdtemp(prefix="explorer-bench-")
    if argv[0] in BUILDING:  # these measure builds: no summary cache (the worker inherits it)
        os.environ["EXPLORER_CACHE_DIR"] = "off"
    try:
        print(json.dumps(MODES[argv[0]](folder)), flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
