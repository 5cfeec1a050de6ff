"""A worker client without a worker process: the real client's request numbering, newest-build
filter and signals, with recorded summaries in place of TensorFlow builds."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from explorer.core.worker import protocol as p
from explorer.core.worker.devices import CpuInfo, DeviceReport
from explorer.qt.worker_client import WorkerClient, _Exited
from tests.recorded import RECORDED, recorded

FAKE_DEVICES = DeviceReport(
    gpus=(),
    cpu=CpuInfo("Test CPU", 2, 24 * 2**30),
    tensorflow_version="2.0-fake",
    keras_version="3.0-fake",
    tensorflow_gpus=(),
)
BUILD_SECONDS = 0.25


class FakeWorkerClient(WorkerClient):
    """Builds answer at once (on the next turn of the event loop) from ``tests.recorded``; a
    reference with no recorded summary fails with a message that names it. Weights and
    sweep requests are only recorded in ``sent``: a test answers them with ``reply``."""

    def __init__(self, parent: QObject | None = None, *, ready: bool = True) -> None:
        super().__init__(parent)
        self.sent: list[p.Request] = []
        self.starts = 0
        self._running = False
        self._answer_ready = ready
        self.held = False  # builds wait for ``release`` while held

    def start(self) -> None:
        self.starts += 1
        self._running = True
        self._stopping = False
        if self._answer_ready:
            QTimer.singleShot(0, self._become_ready)

    def _become_ready(self) -> None:
        if self._running:
            self.reply(p.Ready(FAKE_DEVICES))

    def is_running(self) -> bool:
        return self._running

    def stop(self) -> None:
        self._stopping = True
        self._running = False
        self._is_ready = False

    def _send(self, request: p.Request) -> None:
        self.sent.append(request)
        if isinstance(request, p.Build) and not self.held:
            QTimer.singleShot(0, lambda: self._answer(request))

    def release(self) -> None:
        """Answer the newest build that was held back (the worker skips the older ones)."""
        self.held = False
        builds = [r for r in self.sent if isinstance(r, p.Build)]
        if builds:
            self._answer(builds[-1])

    def _answer(self, request: p.Build) -> None:
        if not self._running:
            return
        self.reply(p.BuildStarted(request.generation))
        if request.reference in RECORDED:
            summary = recorded(request.reference)
            self.reply(p.Built(request.generation, summary, BUILD_SECONDS))
        else:
            message = f"no recorded summary for {request.reference} (see tests/recorded.py)"
            self.reply(p.BuildFailed(request.generation, message))

    def reply(self, reply: p.Reply) -> None:
        """What the worker process would have sent."""
        self._on_reply(reply)

    def crash(self, exit_code: int = -9) -> None:
        """The process ends unexpectedly: the client reports it and starts it again."""
        self._running = False
        self._on_reply(_Exited(exit_code))

    def builds(self) -> list[str]:
        """The references of the build requests sent so far, in order."""
        return [r.reference for r in self.sent if isinstance(r, p.Build)]
