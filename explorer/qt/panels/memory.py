"""The Memory view: what one training step of the model on screen takes at the batch size,
optimizer and precision chosen here, part by part and layer by layer, and the largest batch
that fits on the device the status bar names.

All of it is arithmetic on the summary (core.analysis.memory): no worker call, so every change
shows at once. The setup lives in the window state, where Compare and Sweep read it too."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from explorer.core.analysis.memory import (
    ACTIVATION_BYTES,
    OPTIMIZER_SLOTS,
    MemoryEstimate,
    counts_runtime,
    max_batch,
)
from explorer.core.analysis.training import RunResult
from explorer.core.base.units import binary_and_decimal, short_bytes
from explorer.core.exports.memory_reports import MemoryDevice, fits_line, layer_rows, memory_parts
from explorer.core.worker.devices import DeviceReport, memory_device
from explorer.qt.i18n import follow, translate, translated
from explorer.qt.state import MAX_BATCH_SIZE, WindowState
from explorer.qt.training_runner import TrainingRunner
from explorer.qt.widgets.memory_bar import (
    MemoryBar,
    draw_memory_bar,
    legend_html,
    new_memory_bar,
)
from explorer.qt.widgets.plots import (
    MadeWithPlots,
    PlotPanel,
    export_plot_with_dialog,
)
from explorer.qt.widgets.text_table import TextTableView

if TYPE_CHECKING:
    import pyqtgraph as pg

log = logging.getLogger(__name__)

OPTIMIZER_KEY = "memory/optimizer"
PRECISION_KEY = "memory/precision"
TOP_LAYERS = 10  # the layers that take the most, in the table
MEASURE_STEPS = 3  # timed training steps of a measurement (one more traces and compiles)
PARTS = 6  # weights, gradients, optimizer slots, activations, inputs and labels, TensorFlow


def _optimizers() -> dict[str, str]:
    """Each optimizer's name in the current language, by its code (what settings keep)."""
    return {
        "sgd": translate("Memory", "SGD"),
        "momentum": translate("Memory", "SGD with momentum"),
        "rmsprop": translate("Memory", "RMSprop"),
        "adam": translate("Memory", "Adam"),
        "adamw": translate("Memory", "AdamW"),
    }


def _precisions() -> dict[str, str]:
    return {
        "float32": translate("Memory", "float32"),
        "mixed_float16": translate("Memory", "mixed float16"),
        "mixed_bfloat16": translate("Memory", "mixed bfloat16"),
    }


def _combo(names: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    # As narrow as the controls' column: the longest name ("SGD with momentum") elided.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    for code, name in names.items():
        combo.addItem(name, code)
    return combo


class MemoryPanel(PlotPanel):
    """Controls on the left, the stacked bar and the tables on the right."""

    bar: MadeWithPlots[pg.PlotWidget] = MadeWithPlots()
    memory_bar: MadeWithPlots[MemoryBar] = MadeWithPlots()

    def __init__(
        self, state: WindowState, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._state = state
        self._settings = settings
        self.device: MemoryDevice | None = None
        self.estimate: MemoryEstimate | None = None
        self.largest: int | None = None

        self.batch_size = QSpinBox()
        self.batch_size.setRange(1, MAX_BATCH_SIZE)
        self.optimizer = _combo(_optimizers())
        self.precision = _combo(_precisions())
        self.fits = QLabel()
        self.fits.setObjectName("memory_fits")
        self.fits.setWordWrap(True)
        self.fits.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.fits.font()
        font.setBold(True)
        self.fits.setFont(font)
        self.total = QLabel()
        self.total.setWordWrap(True)
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.left_out = QLabel()
        self.left_out.setWordWrap(True)
        self.parts_table = TextTableView("memory-parts")
        self.layers_label = QLabel()
        self.layers_table = TextTableView("memory-layers")
        # A real run on this machine (explorer run, in a process of its own) beside the estimate.
        self.runner = TrainingRunner(self)
        self.measure_button = QPushButton()
        self.measure_button.clicked.connect(self.measure)
        self.cancel_button = QPushButton()
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.progress = QProgressBar()
        self.progress.setRange(0, MEASURE_STEPS)
        self.progress.setValue(0)
        self.measured = QLabel()
        self.measured.setWordWrap(True)
        self.measured.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._measuring = ""  # the reference and setup of the run under way, as said
        self.runner.step.connect(self._step_done)
        self.runner.finished.connect(self._measure_done)
        self.runner.failed.connect(self._measure_failed)

        self.form_labels = [QLabel() for _ in range(3)]
        form = QFormLayout()
        for label, field in zip(
            self.form_labels, (self.batch_size, self.optimizer, self.precision), strict=True
        ):
            form.addRow(label, field)
        controls = QVBoxLayout()
        controls.addLayout(form)
        for label in (self.fits, self.total, self.left_out):
            controls.addWidget(label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.measure_button)
        buttons.addWidget(self.cancel_button)
        controls.addLayout(buttons)
        controls.addWidget(self.progress)
        controls.addWidget(self.measured)
        controls.addStretch(1)
        left = QWidget()
        left.setLayout(controls)
        scroll = QScrollArea()  # short screens scroll the controls, never squash them
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(230)
        scroll.setMaximumWidth(300)
        layers = QWidget()
        layers_layout = QVBoxLayout(layers)
        layers_layout.setContentsMargins(0, 0, 0, 0)
        layers_layout.addWidget(self.layers_label)
        layers_layout.addWidget(self.layers_table)
        self.legend = QLabel()  # under the bar, wrapped: a legend inside the plot covered it
        self.legend.setWordWrap(True)
        bar_box = QWidget()
        self._bar_box = QVBoxLayout(bar_box)  # the bar, once made, above its legend
        self._bar_box.setContentsMargins(0, 0, 0, 0)
        self._bar_box.addWidget(self.legend)
        self._right = QSplitter(Qt.Orientation.Vertical)
        self._right.addWidget(self.parts_table)
        self._right.addWidget(layers)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(bar_box)
        right_layout.addWidget(self._right, 1)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._restore()
        self.batch_size.valueChanged.connect(self._on_control_changed)
        self.optimizer.currentIndexChanged.connect(self._on_control_changed)
        self.precision.currentIndexChanged.connect(self._on_control_changed)
        state.training_changed.connect(self._on_training_changed)
        state.model_shown.connect(self.refresh)
        state.device_found.connect(self.set_device_report)
        if state.device_report is not None:
            self.set_device_report(state.device_report)
        follow(self, self._retranslate)

    # --- the setup --------------------------------------------------------------------------

    def _restore(self) -> None:
        """The optimizer and precision chosen last time (the batch size is the window's)."""
        training = self._state.training
        optimizer = str(self._settings.value(OPTIMIZER_KEY, training.optimizer))
        precision = str(self._settings.value(PRECISION_KEY, training.precision))
        if optimizer not in OPTIMIZER_SLOTS or precision not in ACTIVATION_BYTES:
            log.warning("ignoring saved memory setup %r, %r", optimizer, precision)
            optimizer, precision = training.optimizer, training.precision
        self._state.set_training(replace(training, optimizer=optimizer, precision=precision))
        self._show_training()

    def _show_training(self) -> None:
        """The controls as the state has them, without echoing back to it."""
        training = self._state.training
        for widget in (self.batch_size, self.optimizer, self.precision):
            widget.blockSignals(True)
        self.batch_size.setValue(training.batch)
        self.optimizer.setCurrentIndex(self.optimizer.findData(training.optimizer))
        self.precision.setCurrentIndex(self.precision.findData(training.precision))
        for widget in (self.batch_size, self.optimizer, self.precision):
            widget.blockSignals(False)

    def _on_control_changed(self) -> None:
        training = replace(
            self._state.training,
            batch=self.batch_size.value(),
            optimizer=str(self.optimizer.currentData()),
            precision=str(self.precision.currentData()),
        )
        self._settings.setValue(OPTIMIZER_KEY, training.optimizer)
        self._settings.setValue(PRECISION_KEY, training.precision)
        self._state.set_training(training)

    def _on_training_changed(self) -> None:
        self._show_training()
        self.refresh()

    # --- the device -------------------------------------------------------------------------

    def set_device_report(self, report: DeviceReport) -> None:
        """The first GPU's memory, else this machine's free RAM (read again when shown)."""
        self.set_device(memory_device(report))

    def set_device(self, device: MemoryDevice) -> None:
        self.device = device
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        if self._state.device_report is not None:  # free RAM changes while the window is open
            self.device = memory_device(self._state.device_report)
            self.refresh()
        super().showEvent(event)

    # --- showing ----------------------------------------------------------------------------

    def _retranslate(self) -> None:
        for label, text in zip(
            self.form_labels,
            (
                translate("Memory", "Batch size"),
                translate("Memory", "Optimizer"),
                translate("Memory", "Precision"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.batch_size.setToolTip(
            translate("Memory", "Samples per training step (the totals strip's batch size too)")
        )
        for combo, names in ((self.optimizer, _optimizers()), (self.precision, _precisions())):
            for index in range(combo.count()):
                combo.setItemText(index, names[str(combo.itemData(index))])
        self.optimizer.setToolTip(
            translate(
                "Memory",
                "Its slots per trainable weight, as Keras 3 makes them: SGD 0, with momentum 1, "
                "RMSprop 1, Adam and AdamW 2",
            )
        )
        self.precision.setToolTip(
            translate(
                "Memory",
                "Keras's policy: the mixed ones keep float32 weights and slots and halve the "
                "activations",
            )
        )
        self.left_out.setText(
            translate(
                "Memory",
                "An estimate from the layers' outputs: it leaves out the framework's workspace "
                "and allocator slack. Measure builds the model and trains {steps} steps on "
                "random data here, to check it.",
            ).format(steps=MEASURE_STEPS)
        )
        self.measure_button.setText(translate("Memory", "Measure"))
        self.measure_button.setToolTip(
            translate(
                "Memory",
                "Build the real model and train {steps} steps at this batch size, optimizer "
                "and precision on {device}, in a process of its own; its peak memory is shown "
                "beside the estimate",
            ).format(steps=MEASURE_STEPS, device=self.device.name if self.device else "CPU")
        )
        self.cancel_button.setText(translate("Memory", "Cancel"))
        self.layers_label.setText(
            translate("Memory", "The {count} layers that take the most:").format(count=TOP_LAYERS)
        )
        self.refresh()

    # --- measuring ---------------------------------------------------------------------------

    def measure(self) -> bool:
        """Start a real run of the model on screen at the view's setup; False if none."""
        reference = self._state.reference
        if reference is None or self._state.summary is None or self.runner.is_running():
            return False
        training = self._state.training
        if not self.runner.start(
            reference.request_text(),
            training.batch,
            MEASURE_STEPS,
            training.optimizer,
            training.precision,
        ):
            return False
        self._measuring = translate(
            "Memory", "{model} at batch {batch}, {optimizer}, {precision}"
        ).format(
            model=reference.text(),
            batch=f"{training.batch:,}",
            optimizer=training.optimizer,
            precision=training.precision,
        )
        self.progress.setRange(0, 0)  # busy: building and compiling before the first step
        self.measure_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.measured.setText(
            translate("Memory", "Measuring {what}: building, then training…").format(
                what=self._measuring
            )
        )
        return True

    def _step_done(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _measure_done(self, result: RunResult) -> None:
        self._measured_now()
        peak = binary_and_decimal(result.peak_bytes) if result.peak_bytes else "—"
        self.measured.setText(
            translate(
                "Memory",
                "{what} on {device} ({backend}): measured {peak}, estimated {estimate} "
                "(estimate / measured {ratio}); {speed} samples/s.",
            ).format(
                what=self._measuring,
                device=result.device,
                backend=result.backend,
                peak=peak,
                estimate=binary_and_decimal(result.estimate_bytes),
                ratio=f"{result.ratio:.2f}" if result.ratio is not None else "—",
                speed=f"{result.samples_per_second:,.1f}",
            )
            + (
                " "
                + translate(
                    "Memory",
                    "The process grew by {growth}; with TensorFlow's own memory ({runtime}) the "
                    "estimate is {ratio} of it.",
                ).format(
                    growth=binary_and_decimal(result.rss_growth_bytes or 0),
                    runtime=short_bytes(result.runtime_bytes or 0),
                    ratio=f"{result.rss_ratio:.2f}",
                )
                if result.rss_ratio is not None
                else ""
            )
        )

    def _measure_failed(self, message: str) -> None:
        self._measured_now()
        self.measured.setText(f"{self._measuring}: {message}")

    def _measured_now(self) -> None:
        self.progress.setRange(0, MEASURE_STEPS)
        self.progress.setValue(0)
        self.measure_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def refresh(self) -> None:
        """Everything again from the summary, the setup and the device."""
        summary = self._state.summary
        if summary is None:
            self.estimate, self.largest = None, None
            self.fits.setText("—")
            self.total.setText("")
            self.parts_table.set_table([], [], set())
            self.layers_table.set_table([], [], set())
            return
        training = self._state.training
        device = self.device
        # The window runs TensorFlow: on the CPU its own memory shares the RAM.
        runtime = counts_runtime(device.kind, "tensorflow") if device is not None else False
        found = self.estimate = training.estimate(summary, runtime)
        self.largest = None
        if device is None:
            self.fits.setText(
                translate("Memory", "The device is known once TensorFlow has loaded.")
            )
        else:
            if device.memory_bytes is not None:
                self.largest = max_batch(
                    summary,
                    device.memory_bytes,
                    training.optimizer,
                    training.precision,
                    runtime=runtime,
                )
            fits = translated(fits_line(device, self.largest))
            if self.largest is not None and 0 < self.largest < training.batch:
                fits += " " + translate("Memory", "— batch {batch} does not fit.").format(
                    batch=f"{training.batch:,}"
                )
            self.fits.setText(fits)
        self.total.setText(
            translate(
                "Memory",
                "One training step at batch {batch}: {total}. Predicting the same batch: "
                "{inference}.",
            ).format(
                batch=f"{found.batch:,}",
                total=binary_and_decimal(found.total_bytes),
                inference=binary_and_decimal(found.inference_bytes),
            )
        )
        self._show_parts(found)
        self._show_layers(found)
        if self.plots_made():
            self._draw_bar()

    def _show_parts(self, found: MemoryEstimate) -> None:
        total = found.total_bytes

        def share(n_bytes: int) -> str:
            return f"{n_bytes / total * 100:.1f} %" if total else "—"

        rows = [
            [
                translated(name),
                f"{n:,}",
                translated(binary_and_decimal(n)),
                share(n),
                translated(note),
            ]
            for name, n, note in memory_parts(found)
        ]
        rows.append(
            [
                translate("Memory", "Total"),
                f"{total:,}",
                binary_and_decimal(total),
                share(total),
                "",
            ]
        )
        headers = [
            translate("Memory", "Part"),
            translate("Memory", "Bytes"),
            translate("Memory", "Size"),
            translate("Memory", "Share"),
            translate("Memory", "What it is"),
        ]
        self.parts_table.set_table(headers, rows, {1, 2, 3})
        self.legend.setText(legend_html([row[0] for row in rows[:-1]]))
        self.parts_table.resizeColumnsToContents()

    def _show_layers(self, found: MemoryEstimate) -> None:
        headers, rows = layer_rows(found, TOP_LAYERS)
        rows = [[row[0], *(translated(cell) for cell in row[1:])] for row in rows]  # "0 bytes"
        self.layers_table.set_table(
            [translated(header) for header in headers], rows, set(range(1, len(headers)))
        )
        self.layers_table.resizeColumnsToContents()

    # --- the stacked bar --------------------------------------------------------------------

    def _make_plots(self) -> None:
        self.memory_bar = new_memory_bar(self, PARTS, self.export_with_dialog)
        self.bar = self.memory_bar.plot
        self._bar_box.insertWidget(0, self.bar, 1)
        self._draw_bar()

    def _draw_bar(self) -> None:
        found, device = self.estimate, self.device
        sizes = [n_bytes for _, n_bytes, _ in memory_parts(found)] if found is not None else []
        room = device.memory_bytes if device is not None and found is not None else None
        where = ""
        if device is not None:
            where = translate("Memory", "free RAM") if device.kind == "CPU" else device.name
        title = ""
        if found is not None and self._state.reference is not None:
            title = translate("Memory", "One training step of {model}: {total}").format(
                model=self._state.reference.text(), total=short_bytes(found.total_bytes)
            )
        draw_memory_bar(self.memory_bar, title, sizes, room, where)

    def export_with_dialog(self, path: str | None = None) -> bool:
        return export_plot_with_dialog(self, self.bar, "training-memory", path)
