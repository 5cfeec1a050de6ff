"""The status bar: passing messages, a busy bar while the worker works, how long the last build
took, and the device TensorFlow uses (hover it for every device and the versions)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from explorer.core.analysis.summary import ModelSummary
from explorer.core.worker.devices import DeviceReport, format_devices_text
from explorer.qt.i18n import follow, translate, translated
from explorer.qt.state import STATUS_MS, WindowState
from explorer.qt.widgets.actions import Words
from explorer.qt.worker_client import WorkerClient


class StatusLine(QObject):
    def __init__(self, bar: QStatusBar, state: WindowState, client: WorkerClient) -> None:
        super().__init__(bar)
        self.bar = bar
        self._state = state
        # What the labels say, made again in the current language after a change of language.
        self._build_words: Words = lambda: ""
        self._device_words: Words = lambda: translate("Status", "Loading TensorFlow…")
        self._device_tip: Words | None = None  # the device report, in the current language
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setVisible(False)
        self.build_time = QLabel()
        self.device_label = QLabel()
        self.device_label.setObjectName("device_label")
        for widget in (self.busy, self.build_time, self.device_label):
            bar.addPermanentWidget(widget)
        follow(self, self._retranslate)
        state.busy_changed.connect(self.set_busy)
        state.message_posted.connect(bar.showMessage)
        state.model_shown.connect(self._on_model_shown)
        client.ready.connect(self._on_ready)
        client.start_up_failed.connect(self._on_start_up_failed)
        client.build_started.connect(self._on_build_started)
        client.build_finished.connect(self._on_build_finished)
        client.build_failed.connect(self._on_build_failed)
        client.crashed.connect(self._on_crashed)

    def _retranslate(self) -> None:
        self.busy.setToolTip(translate("Status", "Building the model in the background"))
        self.build_time.setText(self._build_words())
        self.device_label.setText(self._device_words())
        if self._device_tip is not None:
            self.device_label.setToolTip(self._device_tip())

    def _show_build(self, words: Words) -> None:
        self._build_words = words
        self.build_time.setText(words())

    def _show_device(self, words: Words, tip: Words | None = None) -> None:
        self._device_words = words
        self.device_label.setText(words())
        if tip is not None:
            self._device_tip = tip
            self.device_label.setToolTip(tip())

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
            self._show_build(
                lambda: translate("Status", "Built with weights loaded from {name}").format(
                    name=name
                )
            )

    def show_cached(self) -> None:
        """The model on screen came from the summary cache, not from a build."""
        self._show_build(
            lambda: translate(
                "Status", "From the summary cache (built before; no TensorFlow needed)"
            )
        )

    @Slot(DeviceReport)
    def _on_ready(self, report: DeviceReport) -> None:
        self._show_device(
            lambda: translated(report.summary_line),
            lambda: translated(format_devices_text(report)).strip(),
        )

    @Slot(str)
    def _on_start_up_failed(self, message: str) -> None:
        self._show_device(
            lambda: translate("Status", "TensorFlow unavailable"), lambda: translated(message)
        )

    @Slot(int)
    def _on_build_started(self, _generation: int) -> None:
        self.busy.setVisible(True)
        requested = self._state.requested
        if requested is not None:  # the table still shows the last model until this arrives
            model = requested.text()
            self._show_build(lambda: translate("Status", "Building {model}…").format(model=model))

    @Slot(int, ModelSummary, float)
    def _on_build_finished(self, _generation: int, _summary: ModelSummary, seconds: float) -> None:
        self._show_build(
            lambda: translate(
                "Status", "Built in {seconds} s (preview, no weights allocated)"
            ).format(seconds=f"{seconds:.2f}")
        )

    @Slot(int, str)
    def _on_build_failed(self, _generation: int, _message: str) -> None:
        self.set_busy(
            False, translate("Status", "Build failed: the table shows the last valid model")
        )

    @Slot(str)
    def _on_crashed(self, _message: str) -> None:
        self._show_device(lambda: translate("Status", "Restarting the Keras worker…"))
        self.set_busy(
            False, translate("Status", "The Keras worker stopped: the table shows the last model")
        )
