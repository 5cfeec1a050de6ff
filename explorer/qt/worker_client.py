"""The window's client of the Keras worker process (``explorer.core.worker.service``).

The window asks through methods (``request``, ``save_weights``, ``sweep``, ...) and hears back
through typed signals. Builds carry a generation and only the newest one's replies are
forwarded, so a slow, stale build never overwrites a newer one. A reader thread receives the
worker's replies (``explorer.core.worker.protocol``) and emits them through a relay signal; they
are handled by bound methods of this object, which lives in the GUI thread, so Qt runs them there.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import weakref
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from explorer.core.analysis.summary import ModelSummary
from explorer.core.analysis.sweep import SweepPoint
from explorer.core.params.specs import Value
from explorer.core.references.architecture import Reference
from explorer.core.weights.compatibility import CompatibilityReport
from explorer.core.worker import protocol as p
from explorer.core.worker import service
from explorer.core.worker.devices import DeviceReport
from explorer.qt.i18n import translate

log = logging.getLogger(__name__)
_INSTANCES: weakref.WeakSet[WorkerClient] = weakref.WeakSet()
STOP_TIMEOUT_S = 3.0


def running_clients() -> list[WorkerClient]:
    """Clients whose process or reader still runs: none should outlive their window."""
    return [client for client in list(_INSTANCES) if client.is_running()]


class _Relay(QObject):
    """Carries replies from the reader thread into the GUI thread."""

    received = Signal(object)


class _Exited:
    """The reader's last word: the process has ended."""

    def __init__(self, exit_code: int | None) -> None:
        self.exit_code = exit_code


class WorkerClient(QObject):
    """Ask the worker process for builds, weights work and sweeps; only the newest build
    answers."""

    ready = Signal(DeviceReport)  # once TensorFlow has loaded in the worker
    start_up_failed = Signal(str)
    build_started = Signal(int)  # generation
    build_finished = Signal(int, ModelSummary, float)  # generation, summary, seconds
    build_failed = Signal(int, str)  # generation, message
    crashed = Signal(str)  # the worker process ended unexpectedly (it is restarted)
    progress = Signal(str)
    weights_saved = Signal(str)  # path
    weights_checked = Signal(CompatibilityReport, str)  # report, path
    weights_loaded = Signal(ModelSummary, CompatibilityReport)
    weights_failed = Signal(str, object)  # message, CompatibilityReport or None
    sweep_point = Signal(int, int, SweepPoint)  # request, index, point
    sweep_done = Signal(int, bool)  # request, cancelled
    sweep_failed = Signal(int, str)  # request, message

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._requests = 0  # weights and sweep requests: never dropped, so counted apart
        self._paths: dict[int, str] = {}  # weights requests awaiting their reply
        self._is_ready = False
        self._stopping = False
        self._failed_to_start = False
        self._process: Any = None
        self._connection: Any = None
        self._reader: threading.Thread | None = None
        self._relay = _Relay()
        self._relay.received.connect(self._on_reply)
        _INSTANCES.add(self)

    @property
    def is_ready(self) -> bool:
        return self._is_ready

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    # --- the process ------------------------------------------------------------------------

    def start(self) -> None:
        context = multiprocessing.get_context("spawn")  # never fork a process running Qt
        ours, theirs = context.Pipe()
        self._process = context.Process(
            target=service.main, args=(theirs,), name="explorer-keras-worker", daemon=True
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

    def stop(self) -> None:
        """End the worker; a build under way is abandoned (its process is ended)."""
        if self._process is None:
            return
        self._stopping = True
        self._send(p.Stop())
        self._process.join(STOP_TIMEOUT_S)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(STOP_TIMEOUT_S)
        if self._reader is not None:
            self._reader.join(STOP_TIMEOUT_S)
        self._connection.close()
        self._is_ready = False

    def _send(self, request: p.Request) -> None:
        try:
            self._connection.send(request)
        except (OSError, ValueError) as error:  # the process is gone; the reader reports it
            log.debug("worker connection closed: %s", error)

    def _read(self, connection: Any, process: Any) -> None:
        """Reader thread: forward every reply, then report how the process ended."""
        while True:
            try:
                reply = connection.recv()
            except (EOFError, OSError):
                break
            self._relay.received.emit(reply)
        process.join(STOP_TIMEOUT_S)
        self._relay.received.emit(_Exited(process.exitcode))

    # --- requests ---------------------------------------------------------------------------

    def request(self, reference: Reference, *, preview: bool = True) -> int:
        """Build ``reference``; returns the generation its replies will carry."""
        self._generation += 1
        self._send(p.Build(self._generation, reference.request_text(), preview))
        return self._generation

    def supersede(self) -> None:
        """The window showed a newer model without a build (the summary cache): replies to
        builds asked for before are dropped, as if a newer build had been asked for."""
        self._generation += 1

    def save_weights(self, reference: Reference, path: str) -> None:
        self._send(p.SaveWeights(self._next_request(path), reference.request_text(), path))

    def check_weights(self, reference: Reference, path: str) -> None:
        self._send(p.CheckWeights(self._next_request(path), reference.request_text(), path))

    def load_weights(self, reference: Reference, path: str) -> None:
        self._send(p.LoadWeights(self._next_request(path), reference.request_text(), path))

    def sweep(self, reference: Reference, param: str, values: list[Value]) -> int:
        """Totals at each value, reported a point at a time; returns the request's number."""
        request = self._next_request()
        self._send(p.Sweep(request, reference.request_text(), param, tuple(values)))
        return request

    def cancel_sweep(self, request: int) -> None:
        self._send(p.Cancel(request))

    def _next_request(self, path: str | None = None) -> int:
        self._requests += 1
        if path is not None:
            self._paths[self._requests] = path
        return self._requests

    # --- replies ----------------------------------------------------------------------------

    @Slot(object)
    def _on_reply(self, reply: p.Reply | _Exited) -> None:
        if isinstance(reply, p.Ready):
            self._is_ready = True
            self.ready.emit(reply.devices)
        elif isinstance(reply, p.StartUpFailed):
            self._failed_to_start = True  # restarting would fail the same way
            self.start_up_failed.emit(reply.message)
        elif isinstance(reply, _Exited):
            self._on_exited(reply.exit_code)
        elif isinstance(reply, p.Progress):
            self.progress.emit(reply.message)
        elif isinstance(reply, p.WeightsSaved | p.WeightsChecked | p.WeightsLoaded):
            path = self._paths.pop(reply.request, "")  # the request is answered
            if isinstance(reply, p.WeightsSaved):
                self.weights_saved.emit(reply.path)
            elif isinstance(reply, p.WeightsChecked):
                self.weights_checked.emit(reply.report, path)
            else:
                self.weights_loaded.emit(reply.summary, reply.report)
        elif isinstance(reply, p.WeightsFailed):
            self._paths.pop(reply.request, None)
            self.weights_failed.emit(reply.message, reply.report)
        elif isinstance(reply, p.SweepPointDone):
            self.sweep_point.emit(reply.request, reply.index, reply.point)
        elif isinstance(reply, p.SweepDone):
            self.sweep_done.emit(reply.request, reply.cancelled)
        elif isinstance(reply, p.SweepFailed):
            self.sweep_failed.emit(reply.request, reply.message)
        elif reply.generation == self._generation:  # the newest build only
            if isinstance(reply, p.BuildStarted):
                self.build_started.emit(reply.generation)
            elif isinstance(reply, p.Built):
                self.build_finished.emit(reply.generation, reply.summary, reply.seconds)
            else:
                self.build_failed.emit(reply.generation, reply.message)

    def _on_exited(self, exit_code: int | None) -> None:
        if self._stopping or self._failed_to_start:
            return
        self._is_ready = False
        self.crashed.emit(
            translate(
                "WorkerClient",
                "The Keras worker stopped unexpectedly (exit code {code}); restarting it.",
            ).format(code=exit_code)
        )
        self.start()
