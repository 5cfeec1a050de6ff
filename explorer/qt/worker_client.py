"""The window's handle on the Keras worker process (``explorer.core.worker.service``).

The window calls ``BuildWorker.request``; the worker process builds whatever was asked last.
Results carry the generation of their request and only the newest is forwarded, so a slow,
stale build never overwrites a newer one. A reader thread receives the worker's replies and
emits them through a relay signal; they are handled by bound methods of this object, which
lives in the GUI thread, so Qt runs them there.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import weakref
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from explorer.core.references.architecture import Reference
from explorer.core.worker import service as worker_process

log = logging.getLogger(__name__)
_INSTANCES: weakref.WeakSet[BuildWorker] = weakref.WeakSet()
STOP_TIMEOUT_S = 3.0
_WEIGHTS_REPLIES = ("saved", "checked", "loaded", "weights_failed")


def running_workers() -> list[BuildWorker]:
    """Workers whose process or reader still runs: none should outlive their window."""
    return [worker for worker in list(_INSTANCES) if worker.is_running()]


class _Relay(QObject):
    """Carries messages from the reader thread into the GUI thread."""

    received = Signal(object)


class BuildWorker(QObject):
    """Request builds; receive only the newest results."""

    ready = Signal(object)  # DeviceReport, once TensorFlow has loaded in the worker
    start_up_failed = Signal(str)
    build_started = Signal(int)
    build_finished = Signal(int, object, float)  # generation, ModelSummary, seconds
    build_failed = Signal(int, str)
    crashed = Signal(str)  # the worker process ended unexpectedly (it is restarted)
    progress = Signal(str)
    weights_saved = Signal(str)  # path
    weights_checked = Signal(object, str)  # CompatibilityReport, path
    weights_loaded = Signal(object, object)  # ModelSummary, CompatibilityReport
    weights_failed = Signal(str, object)  # message, CompatibilityReport or None
    sweep_point = Signal(int, int, object)  # request, index, SweepPoint
    sweep_done = Signal(int, bool)  # request, cancelled
    sweep_failed = Signal(int, str)  # request, message

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._requests = 0  # weights requests: never dropped, so counted apart from builds
        self._paths: dict[int, str] = {}  # weights requests awaiting their reply
        self._is_ready = False
        self._stopping = False
        self._failed_to_start = False
        self._process: Any = None
        self._connection: Any = None
        self._reader: threading.Thread | None = None
        self._relay = _Relay()
        self._relay.received.connect(self._on_message)
        _INSTANCES.add(self)

    @property
    def is_ready(self) -> bool:
        return self._is_ready

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def start(self) -> None:
        context = multiprocessing.get_context("spawn")  # never fork a process running Qt
        ours, theirs = context.Pipe()
        self._process = context.Process(
            target=worker_process.main, args=(theirs,), name="explorer-keras-worker", daemon=True
        )
        self._process.start()
        theirs.close()
        self._connection = ours
        self._stopping = False
        self._reader = threading.Thread(
            target=self._read,
            args=(ours, self._process),
            name="explorer-worker-reader",
            daemon=True,
        )
        self._reader.start()

    def is_running(self) -> bool:
        process_alive = self._process is not None and self._process.is_alive()
        reader_alive = self._reader is not None and self._reader.is_alive()
        return process_alive or reader_alive

    def request(self, reference: Reference, *, preview: bool = True) -> int:
        self._generation += 1
        self._send(("build", self._generation, reference.request_text(), preview))
        return self._generation

    def save_weights(self, reference: Reference, path: str) -> None:
        self._weights_request("save", reference, path)

    def check_weights(self, reference: Reference, path: str) -> None:
        self._weights_request("check", reference, path)

    def load_weights(self, reference: Reference, path: str) -> None:
        self._weights_request("load", reference, path)

    def _weights_request(self, kind: str, reference: Reference, path: str) -> None:
        self._requests += 1
        self._paths[self._requests] = path
        self._send((kind, self._requests, reference.request_text(), path))

    def sweep(self, reference: Reference, param: str, values: list[Any]) -> int:
        """Totals at each value, reported a point at a time; returns the request's number."""
        self._requests += 1
        self._send(("sweep", self._requests, reference.request_text(), param, values))
        return self._requests

    def cancel_sweep(self, request: int) -> None:
        self._send(("cancel", request))

    def stop(self) -> None:
        """End the worker; a build under way is abandoned (its process is ended)."""
        if self._process is None:
            return
        self._stopping = True
        self._send(("stop",))
        self._process.join(STOP_TIMEOUT_S)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(STOP_TIMEOUT_S)
        if self._reader is not None:
            self._reader.join(STOP_TIMEOUT_S)
        self._connection.close()
        self._is_ready = False

    def _send(self, message: tuple[Any, ...]) -> None:
        try:
            self._connection.send(message)
        except (OSError, ValueError) as error:  # the process is gone; the reader reports it
            log.debug("worker connection closed: %s", error)

    def _read(self, connection: Any, process: Any) -> None:
        """Reader thread: forward every reply, then report how the process ended."""
        while True:
            try:
                message = connection.recv()
            except (EOFError, OSError):
                break
            self._relay.received.emit(message)
        process.join(STOP_TIMEOUT_S)
        self._relay.received.emit(("exited", process.exitcode))

    @Slot(object)
    def _on_message(self, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "ready":
            self._is_ready = True
            self.ready.emit(message[1])
        elif kind == "start_up_failed":
            self._failed_to_start = True  # restarting would fail the same way
            self.start_up_failed.emit(message[1])
        elif kind == "exited":
            self._on_exited(message[1])
        elif kind == "progress":
            self.progress.emit(message[2])
        elif kind in _WEIGHTS_REPLIES:
            path = self._paths.pop(message[1], "")  # the request is answered
            if kind == "saved":
                self.weights_saved.emit(message[2])
            elif kind == "checked":
                self.weights_checked.emit(message[2], path)
            elif kind == "loaded":
                self.weights_loaded.emit(message[2], message[3])
            else:
                self.weights_failed.emit(message[2], message[3])
        elif kind == "sweep_point":
            self.sweep_point.emit(*message[1:])
        elif kind == "sweep_done":
            self.sweep_done.emit(*message[1:])
        elif kind == "sweep_failed":
            self.sweep_failed.emit(*message[1:])
        elif message[1] == self._generation:  # the newest request only
            if kind == "build_started":
                self.build_started.emit(message[1])
            elif kind == "build_finished":
                self.build_finished.emit(*message[1:])
            elif kind == "build_failed":
                self.build_failed.emit(*message[1:])

    def _on_exited(self, exit_code: int | None) -> None:
        if self._stopping or self._failed_to_start:
            return
        self._is_ready = False
        self.crashed.emit(
            f"The Keras worker stopped unexpectedly (exit code {exit_code}); restarting it."
        )
        self.start()
