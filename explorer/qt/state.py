"""What the window shows, in one object: the model on screen, the pinned models, the selected
layer, the build asked for, the device, the training setup (batch, optimizer, precision).
Panels and actions read it and listen to its signals; none of them reaches into the main
window."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from explorer.core.analysis.memory import TrainingSetup
from explorer.core.analysis.summary import ModelSummary
from explorer.core.references.architecture import Reference
from explorer.core.worker.devices import DeviceReport

STATUS_MS = 8000  # how long a passing status-bar message stays
MAX_BATCH_SIZE = 65536  # the largest batch the window's spin boxes offer


@dataclass(frozen=True)
class Pinned:
    """A model kept for comparison: its reference text, and its summary when pinned."""

    label: str
    summary: ModelSummary


class WindowState(QObject):
    model_shown = Signal()  # reference, summary or weights_from changed
    open_requested = Signal(Reference)  # show this architecture: a file, a design, a restore
    pinned_changed = Signal()
    layer_selected = Signal(object)  # the summary row, or None
    device_found = Signal(DeviceReport)
    busy_changed = Signal(bool, str)  # busy?, a status message ("" for none)
    message_posted = Signal(str, int)  # a status message and how long it stays (ms)
    training_changed = Signal()  # the batch size, optimizer or precision

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reference: Reference | None = None  # the model on screen ...
        self.summary: ModelSummary | None = None  # ... its numbers ...
        self.weights_from: str | None = None  # ... and the file its weights came from
        self.requested: Reference | None = None  # the newest build sent to the worker
        self.waiting: Reference | None = None  # a build asked for before TensorFlow was ready
        self.device_report: DeviceReport | None = None
        self.selected_layer: int | None = None
        self.training = TrainingSetup()  # the Memory view's, the totals' batch size too
        self._pinned: list[Pinned] = []

    # --- the model on screen ----------------------------------------------------------------

    def show(
        self, reference: Reference, summary: ModelSummary, weights_from: str | None = None
    ) -> None:
        self.reference, self.summary, self.weights_from = reference, summary, weights_from
        self.selected_layer = None
        self.model_shown.emit()

    def open(self, reference: Reference) -> None:
        """Ask the window to show ``reference`` (put it in the form and build it)."""
        self.open_requested.emit(reference)

    def select_layer(self, row: int | None) -> None:
        if row != self.selected_layer:
            self.selected_layer = row
            self.layer_selected.emit(row)

    def set_device(self, report: DeviceReport) -> None:
        self.device_report = report
        self.device_found.emit(report)

    def set_training(self, training: TrainingSetup) -> None:
        if training != self.training:
            self.training = training
            self.training_changed.emit()

    # --- pinned models ----------------------------------------------------------------------

    def pinned(self) -> list[Pinned]:
        return list(self._pinned)

    def pin_current(self) -> bool:
        if self.reference is None or self.summary is None:
            return False
        self._pinned.append(Pinned(self.reference.text(), self.summary))
        self.pinned_changed.emit()
        return True

    def pin(self, label: str, summary: ModelSummary) -> None:
        self._pinned.append(Pinned(label, summary))
        self.pinned_changed.emit()

    def unpin(self, indexes: list[int]) -> None:
        for index in sorted(set(indexes), reverse=True):
            del self._pinned[index]
        self.pinned_changed.emit()

    def unpin_all(self) -> None:
        self._pinned.clear()
        self.pinned_changed.emit()

    # --- the status bar ---------------------------------------------------------------------

    def set_busy(self, busy: bool, message: str = "") -> None:
        self.busy_changed.emit(busy, message)

    def tell(self, message: str, milliseconds: int = STATUS_MS) -> None:
        self.message_posted.emit(message, milliseconds)
