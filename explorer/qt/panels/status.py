"""The status bar: passing messages, a busy bar while the worker works, how long the last build
took, and the device TensorFlow uses (hover it for every device and the versions)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from explorer.core.analysis.summary import ModelSummary
from explorer.core.worker.devices import DeviceReport, format_devices_text
from explorer.qt.state import STATUS_MS, WindowState
from explorer.qt.worker_client import WorkerClient


class StatusLine(QObject):
    def __init__(self, bar: QStatusBar, state: WindowState, client: WorkerClient) -> None:
        super().__init__(bar)
        self.bar = bar
        self._state = state
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setVisible(False)
        self.busy.setToolTip("Building the model in the background")
        self.build_time = QLabel()
        self.device_label = QLabel("Loading TensorFlow…")
        self.device_label.setObjectName("device_label")
        for widget in (self.busy, self.build_time, self.device_label):
            bar.addPermanentWidget(widget)
        state.busy_changed.connect(self.set_busy)
        state.message_posted.connect(bar.showMessage)
        state.model_shown.connect(self._on_model_shown)
        client.ready.connect(self._on_ready)
        client.start_up_failed.connect(self._on_start_up_failed)
        client.build_started.connect(self._on_build_started)
        client.build_finished.connect(self._on_build_finished)
        client.build_failed.connect(self._on_build_failed)
        client.crashed.connect(self._on_crashed)

    @Slot(bool, str)
    def set_busy(self, busy: bool, message: str = "") -> None:
        self.busy.setVisible(busy)
        if message:
            self.bar.showMessage(message, 0 if busy else STATUS_MS)

    @Slot()
    def _on_model_shown(self) -> None:
        self.set_busy(False)
        self.bar.clearMessage()  # a model on screen supersedes an earlier complaint
        if self._state.weights_from:
            name = Path(self._state.weights_from).name
            self.build_time.setText(f"Built with weights loaded from {name}")

    def show_cached(self) -> None:
        """The model on screen came from the summary cache, not from a build."""
        self.build_time.setText("From the summary cache (built before; no TensorFlow needed)")

    @Slot(DeviceReport)
    def _on_ready(self, report: DeviceReport) -> None:
        self.device_label.setText(report.summary_line)
        self.device_label.setToolTip(format_devices_text(report).strip())

    @Slot(str)
    def _on_start_up_failed(self, message: str) -> None:
        self.device_label.setText("TensorFlow unavailable")
        self.device_label.setToolTip(message)

    @Slot(int)
    def _on_build_started(self, _generation: int) -> None:
        self.busy.setVisible(True)
        requested = self._state.requested
        if requested is not None:  # the table still shows the last model until this arrives
            self.build_time.setText(f"Building {requested.text()}…")

    @Slot(int, ModelSummary, float)
    def _on_build_finished(self, _generation: int, _summary: ModelSummary, seconds: float) -> None:
        self.build_time.setText(f"Built in {seconds:.2f} s (preview, no weights allocated)")

    @Slot(int, str)
    def _on_build_failed(self, _generation: int, _message: str) -> None:
        self.set_busy(False, "Build failed: the table shows the last valid model")

    @Slot(str)
    def _on_crashed(self, _message: str) -> None:
        self.device_label.setText("Restarting the Keras worker…")
        self.set_busy(False, "The Keras worker stopped: the table shows the last model")
