"""The window's client of the Keras worker process (``explorer.core.worker.service``).

The window asks through methods (``request``, ``save_weights``, ``sweep``, ...) and hears back
through typed signals. Builds carry a generation and only the newest one's replies are
forwarded, so a slow, stale build never overwrites a newer one. A reader thread receives the
worker's replies (``explorer.core.worker.protocol``) and emits them through a relay signal; they
are handled by bound methods of this object, which lives in the GUI thread, so Qt runs them there.

A worker that stops answering (a build that never returns) is ended and started again: while a
request awaits its answer, the worker must say something at least every ``answer_timeout_s``.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import weakref
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

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
# The longest the worker may be silent while a request awaits its answer: generous, since
# building (or saving) the real weights of the largest models takes minutes in one go. A sweep
# reports each point, so only a single point has to finish in that time.
ANSWER_TIMEOUT_S = 600.0
KILL_AFTER_S = 1.0  # SIGTERM first: a save under way then removes its temporary file


def running_clients() -> list[WorkerClient]:
    """Clients whose process or reader still runs: none should outlive their window."""
    return [client for client in list(_INSTANCES) if client.is_running()]


class _Relay(QObject):
    """Carries replies from the reader thread into the GUI thread."""

    received = Signal(object)


class _Exited:
    """The reader's last word: the process has ended."""

    def __init__(self, exit_code: int | None, process: Any = None) -> None:
        self.exit_code = exit_code
        self.process = process  # None: whichever process runs


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

    worker_main = staticmethod(service.main)  # what the process runs (tests give a stand-in)

    def __init__(
        self, parent: QObject | None = None, *, answer_timeout_s: float = ANSWER_TIMEOUT_S
    ) -> None:
        super().__init__(parent)
        self._generation = 0
        self._requests = 0  # weights and sweep requests: never dropped, so counted apart
        self._paths: dict[int, str] = {}  # weights requests awaiting their reply
        self._awaited_build: int | None = None  # the newest build asked for, until answered
        self._sweeps: set[int] = set()  # sweeps under way
        self._answer_timeout_s = answer_timeout_s
        self._silence = QTimer(self)  # runs while a request awaits its answer
        self._silence.setSingleShot(True)
        self._silence.setInterval(round(answer_timeout_s * 1000))
        self._silence.timeout.connect(self._on_silence)
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
            target=self.worker_main, args=(theirs,), name="explorer-keras-worker", daemon=True
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
        self._forget_requests()
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
        self._relay.received.emit(_Exited(process.exitcode, process))

    # --- a worker that stops answering ------------------------------------------------------

    def _awaiting(self) -> bool:
        return self._awaited_build is not None or bool(self._paths) or bool(self._sweeps)

    def _asked(self, request: p.Request) -> None:
        """Send a request that awaits an answer; the worker's silence is timed from now unless
        it is already being timed (newer requests do not excuse an older one's silence)."""
        self._send(request)
        if not self._silence.isActive():
            self._silence.start()

    def _forget_requests(self) -> None:
        """The process ended: what it was asked is never answered."""
        self._paths.clear()
        self._sweeps.clear()
        self._awaited_build = None
        self._silence.stop()

    def _on_silence(self) -> None:
        """No answer for ``answer_timeout_s``: end the worker and start a fresh one."""
        if self._stopping or not self._awaiting() or self._process is None:
            return
        hung, seconds = self._process, self._answer_timeout_s
        log.warning("the Keras worker did not answer for %g s: restarting it", seconds)
        hung.terminate()
        hung.join(KILL_AFTER_S)
        if hung.is_alive():
            hung.kill()
            hung.join(STOP_TIMEOUT_S)
        self._forget_requests()
        self._is_ready = False
        self.crashed.emit(
            translate(
                "WorkerClient", "The Keras worker did not answer for {seconds} s and was restarted."
            ).format(seconds=f"{seconds:g}")
        )
        self.start()  # its reader's report of the ended process is then ignored

    # --- requests ---------------------------------------------------------------------------

    def request(self, reference: Reference, *, preview: bool = True) -> int:
        """Build ``reference``; returns the generation its replies will carry."""
        self._generation += 1
        self._awaited_build = self._generation
        self._asked(p.Build(self._generation, reference.request_text(), preview))
        return self._generation

    def supersede(self) -> None:
        """The window showed a newer model without a build (the summary cache): replies to
        builds asked for before are dropped, as if a newer build had been asked for."""
        self._generation += 1

    def save_weights(self, reference: Reference, path: str) -> None:
        self._asked(p.SaveWeights(self._next_request(path), reference.request_text(), path))

    def check_weights(self, reference: Reference, path: str) -> None:
        self._asked(p.CheckWeights(self._next_request(path), reference.request_text(), path))

    def load_weights(self, reference: Reference, path: str) -> None:
        self._asked(p.LoadWeights(self._next_request(path), reference.request_text(), path))

    def sweep(self, reference: Reference, param: str, values: list[Value]) -> int:
        """Totals at each value, reported a point at a time; returns the request's number."""
        request = self._next_request()
        self._sweeps.add(request)
        self._asked(p.Sweep(request, reference.request_text(), param, tuple(values)))
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
        if isinstance(reply, _Exited):
            self._on_exited(reply)
            return
        self._forward(reply)
        if self._awaiting() and not self._stopping:  # the worker spoke: time it afresh
            self._silence.start()
        else:
            self._silence.stop()

    def _forward(self, reply: p.Reply) -> None:
        """Emit the signal for ``reply``, crossing off the request it answers."""
        if isinstance(reply, p.Ready):
            self._is_ready = True
            self.ready.emit(reply.devices)
        elif isinstance(reply, p.StartUpFailed):
            self._failed_to_start = True  # restarting would fail the same way
            self.start_up_failed.emit(reply.message)
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
            self._sweeps.discard(reply.request)
            self.sweep_done.emit(reply.request, reply.cancelled)
        elif isinstance(reply, p.SweepFailed):
            self._sweeps.discard(reply.request)
            self.sweep_failed.emit(reply.request, reply.message)
        else:
            self._forward_build(reply)

    def _forward_build(self, reply: p.BuildStarted | p.Built | p.BuildFailed) -> None:
        if not isinstance(reply, p.BuildStarted) and reply.generation == self._awaited_build:
            self._awaited_build = None
        if reply.generation == self._generation:  # the newest build only
            if isinstance(reply, p.BuildStarted):
                self.build_started.emit(reply.generation)
            elif isinstance(reply, p.Built):
                self.build_finished.emit(reply.generation, reply.summary, reply.seconds)
            else:
                self.build_failed.emit(reply.generation, reply.message)

    def _on_exited(self, exited: _Exited) -> None:
        if exited.process is not None and exited.process is not self._process:
            return  # a process already ended and replaced (one that did not answer)
        self._forget_requests()
        if self._stopping or self._failed_to_start:
            return
        self._is_ready = False
        self.crashed.emit(
            translate(
                "WorkerClient",
                "The Keras worker stopped unexpectedly (exit code {code}); restarting it.",
            ).format(code=exited.exit_code)
        )
        self.start()
