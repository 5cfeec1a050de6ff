"""One long-lived thread owns all Keras work; the newest request wins.

The GUI calls ``BuildWorker.request``; the thread imports TensorFlow once, then builds whatever
was asked last (requests that arrive while it is busy replace each other). Results carry the
generation of their request and ``BuildWorker`` forwards only the newest, so a slow, stale build
never overwrites a newer one. Signals are connected to bound methods of objects living in the GUI
thread, which Qt then runs in the GUI thread.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
import weakref
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal, Slot

from explorer.core.catalog import Reference
from explorer.core.errors import ExplorerError, user_message

log = logging.getLogger(__name__)
_INSTANCES: weakref.WeakSet[BuildWorker] = weakref.WeakSet()


def running_workers() -> list[BuildWorker]:
    """Workers whose thread still runs: none should outlive their window (a test checks)."""
    return [worker for worker in list(_INSTANCES) if worker.is_running()]


@dataclass(frozen=True)
class BuildRequest:
    generation: int
    reference: Reference
    preview: bool = True


class _Worker(QObject):
    """Lives in the worker thread; every slot here runs there."""

    started_up = Signal(object)  # DeviceReport
    start_up_failed = Signal(str)
    build_started = Signal(int)
    build_finished = Signal(int, object, float)  # generation, ModelSummary, seconds
    build_failed = Signal(int, str)

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._pending: BuildRequest | None = None

    def submit(self, request: BuildRequest) -> None:
        """Called from the GUI thread: replaces whatever was waiting."""
        with self._lock:
            self._pending = request

    def discard_pending(self) -> None:
        self._take()

    def _take(self) -> BuildRequest | None:
        with self._lock:
            request, self._pending = self._pending, None
            return request

    @Slot()
    def start_up(self) -> None:
        from explorer.core.devices import detect_devices
        from explorer.core.runtime import import_keras

        try:
            import_keras()
            report = detect_devices()
        except Exception as error:  # noqa: BLE001 - reported to the user, never raised in Qt
            log.exception("TensorFlow failed to start")
            self.start_up_failed.emit(f"TensorFlow could not start: {user_message(error)}")
            return
        self.started_up.emit(report)

    @Slot()
    def process_pending(self) -> None:
        from explorer.core.build import summarize

        while (request := self._take()) is not None:
            self.build_started.emit(request.generation)
            start = time.perf_counter()
            try:
                summary = summarize(request.reference, preview=request.preview)
            except ExplorerError as error:
                self.build_failed.emit(request.generation, user_message(error))
                continue
            except Exception as error:  # noqa: BLE001 - reported to the user, never raised in Qt
                log.exception("building %s failed", request.reference.text())
                self.build_failed.emit(request.generation, user_message(error))
                continue
            finally:
                # Discarded Keras models live in reference cycles: collect them now, so memory
                # stays flat over many builds (quick, since start-up froze TensorFlow's objects).
                gc.collect()
            self.build_finished.emit(request.generation, summary, time.perf_counter() - start)


class BuildWorker(QObject):
    """The GUI-side handle: request builds, receive only the newest results."""

    ready = Signal(object)  # DeviceReport, once TensorFlow has loaded
    start_up_failed = Signal(str)
    build_started = Signal(int)
    build_finished = Signal(int, object, float)
    build_failed = Signal(int, str)
    _wake = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._is_ready = False
        self._thread = QThread()
        self._thread.setObjectName("keras-worker")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.start_up)
        self._wake.connect(self._worker.process_pending)
        self._worker.started_up.connect(self._on_started_up)
        self._worker.start_up_failed.connect(self.start_up_failed)
        self._worker.build_started.connect(self._on_build_started)
        self._worker.build_finished.connect(self._on_build_finished)
        self._worker.build_failed.connect(self._on_build_failed)
        _INSTANCES.add(self)

    @property
    def is_ready(self) -> bool:
        return self._is_ready

    @property
    def latest_generation(self) -> int:
        return self._generation

    def start(self) -> None:
        self._thread.start()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def request(self, reference: Reference, *, preview: bool = True) -> int:
        self._generation += 1
        self._worker.submit(BuildRequest(self._generation, reference, preview))
        self._wake.emit()
        return self._generation

    def stop(self) -> None:
        """Finish the build under way (Keras cannot be interrupted), drop the rest, join."""
        self._worker.discard_pending()
        self._thread.quit()
        self._thread.wait()

    @Slot(object)
    def _on_started_up(self, report: object) -> None:
        self._is_ready = True
        self.ready.emit(report)

    @Slot(int)
    def _on_build_started(self, generation: int) -> None:
        if generation == self._generation:
            self.build_started.emit(generation)

    @Slot(int, object, float)
    def _on_build_finished(self, generation: int, summary: object, seconds: float) -> None:
        if generation == self._generation:
            self.build_finished.emit(generation, summary, seconds)

    @Slot(int, str)
    def _on_build_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.build_failed.emit(generation, message)
