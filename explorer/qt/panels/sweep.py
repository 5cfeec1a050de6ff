"""Parameter sweeps: totals of the current model (and the pinned ones) along one parameter.

The worker builds a preview at each value and reports each point as it comes; the plots and
the table fill in as they arrive, and Cancel stops the worker after the point under way.
A model with attention adds a dashed line to the MACs plot, its attention products (QKᵀ, AV);
where the sweep changes the token count, x is the tokens, so that term shows as a parabola.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
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

from explorer.core.analysis.sweep import (
    ATTENTION_HEADERS,
    BATCH,
    BATCH_AXIS,
    SWEEP_HEADERS,
    TRAINING_HEADER,
    SweepPoint,
    attention_growth,
    axis_value,
    batch_points,
    by_tokens,
    sweep_axes,
    sweep_rows,
    sweep_values,
)
from explorer.core.base.errors import ExplorerError, user_message
from explorer.core.references.architecture import Reference
from explorer.core.sources.lookup import parse_reference
from explorer.qt.i18n import follow, translate, translated
from explorer.qt.panels.sweep_plots import SweepRun, add_curves, draw_curves, plot_texts
from explorer.qt.state import WindowState
from explorer.qt.widgets.plots import (
    ExportChooser,
    MadeWithPlots,
    PlotPanel,
    add_legend,
    export_plot_with_dialog,
    new_plot,
    set_item_texts,
    set_plot_texts,
)
from explorer.qt.widgets.text_table import TextTableView
from explorer.qt.worker_client import WorkerClient

if TYPE_CHECKING:
    import pyqtgraph as pg


class SweepPanel(PlotPanel):
    """Choose a parameter and a range, Run; one line per model in each plot.

    Until its plots are made (``PlotPanel``), a sweep fills only the table; the plots draw
    every run when made."""

    plots: MadeWithPlots[dict[str, pg.PlotWidget]] = MadeWithPlots()
    legend: MadeWithPlots[pg.LegendItem] = MadeWithPlots()

    def __init__(
        self,
        state: WindowState,
        client: WorkerClient,
        parent: QWidget | None = None,
    ) -> None:
        """Sweeps the model on screen and, ticked, the pinned ones (both from ``state``)."""
        super().__init__(parent)
        self._state = state
        self._client = client
        self._current: Reference | None = None
        self.runs: list[SweepRun] = []
        self._running: SweepRun | None = None
        self._swept = ""  # the parameter of the runs shown
        self._cancelled = False
        self._status_text: Callable[[], str] = lambda: translate(
            "Sweep", "Pick a parameter and a range, then Run Sweep."
        )

        self.param = QComboBox()
        self.param.currentIndexChanged.connect(self._on_param_changed)
        self.start, self.stop, self.step = QSpinBox(), QSpinBox(), QSpinBox()
        for spin in (self.start, self.stop, self.step):
            spin.setRange(1, 100_000)
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(self._update_count)
        self.count = QLabel()
        self.with_pinned = QCheckBox()
        self.run_button = QPushButton()
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.exporter = ExportChooser(
            {key: title for key, (title, _) in plot_texts().items()}, self.export_with_dialog
        )
        self.table = TextTableView("sweep")

        self.form_labels = [QLabel() for _ in range(4)]  # parameter, from, to, step
        form = QFormLayout()
        fields = (self.param, self.start, self.stop, self.step)
        for label, widget in zip(self.form_labels, fields, strict=True):
            form.addRow(label, widget)
        form.addRow("", self.count)
        form.addRow("", self.with_pinned)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        controls = QVBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addLayout(form)
        controls.addLayout(buttons)
        controls.addWidget(self.progress)
        controls.addWidget(self.status)
        controls.addStretch(1)
        controls.addWidget(self.exporter)
        left = QWidget()
        left.setLayout(controls)
        # Scrolled, so the dock area it shares with the short totals strip can stay short.
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMaximumWidth(280)
        self._top = QSplitter()  # the controls, then the plots
        self._top.addWidget(scroll)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self._top)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

        client.sweep_point.connect(self._on_point)
        client.sweep_done.connect(self._on_done)
        client.sweep_failed.connect(self._on_failed)
        client.crashed.connect(self._on_crashed)
        state.model_shown.connect(self._on_model_shown)
        state.training_changed.connect(self._on_training_changed)
        self.set_current(state.reference)
        follow(self, self._retranslate)

    def _make_plots(self) -> None:
        self.plots = {
            key: new_plot(
                self, title, self._x_label(), y_label, partial(self.export_with_dialog, key)
            )
            for key, (title, y_label) in plot_texts().items()
        }
        self.legend = add_legend(self.plots["macs"])  # rising curves leave its top left empty
        grid = QWidget()  # two by two: four plots side by side were too narrow at 1024x768
        layout = QGridLayout(grid)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for index, plot in enumerate(self.plots.values()):
            layout.addWidget(plot, index // 2, index % 2)
        self._top.addWidget(grid)
        self._top.setStretchFactor(1, 1)
        self._add_curves()
        self._draw_curves()

    def _retranslate(self) -> None:
        names = (
            translate("Sweep", "Parameter"),
            translate("Sweep", "From"),
            translate("Sweep", "To"),
            translate("Sweep", "Step"),
        )
        for label, name in zip(self.form_labels, names, strict=True):
            label.setText(name)
        self.param.setToolTip(
            translate("Sweep", "The numeric parameter to sweep; the others stay as set")
        )
        set_item_texts(self.param, lambda axis: translated(axis.label))
        self.with_pinned.setText(translate("Sweep", "Pinned models too"))
        self.with_pinned.setToolTip(
            translate("Sweep", "Sweep every pinned model that has this parameter as well")
        )
        self.run_button.setText(translate("Sweep", "Run Sweep"))
        self.cancel_button.setText(translate("Sweep", "Cancel"))
        plots = plot_texts()
        if self.plots_made():
            for key, plot in self.plots.items():
                title, y_label = plots[key]
                set_plot_texts(plot, title, self._x_label(), y_label)
        self.exporter.set_titles({key: title for key, (title, _) in plots.items()})
        self._update_count()
        self.status.setText(self._status_text())
        if self.runs:
            self._redraw()  # the table's headers

    def _say(self, status: Callable[[], str]) -> None:
        """Shows ``status()`` now and again after a change of language."""
        self._status_text = status
        self.status.setText(status())

    def _x_label(self) -> str:
        axis = self.param.currentData()
        label = translate("Sweep", "value") if axis is None else translated(axis.label)
        if axis is not None and axis.param == BATCH:
            return translate("Sweep", "batch size")
        if self._by_tokens():
            return translate("Sweep", "tokens (from {parameter})").format(parameter=label)
        return label

    def _by_tokens(self) -> bool:
        return by_tokens(point for run in self.runs for point in run.points)

    # --- what to sweep ---------------------------------------------------------------------

    def _on_model_shown(self) -> None:
        self.set_current(self._state.reference)

    def set_current(self, reference: Reference | None) -> None:
        """The window's model changed: offer its numeric parameters, keeping the chosen one."""
        self._current = reference
        chosen = self.param.currentData()
        axes = [*sweep_axes(reference), BATCH_AXIS] if reference is not None else []
        self.param.blockSignals(True)
        self.param.clear()
        for axis in axes:
            self.param.addItem(translated(axis.label), axis)
        index = next((i for i, a in enumerate(axes) if chosen and a.param == chosen.param), 0)
        self.param.setCurrentIndex(index if axes else -1)
        self.param.blockSignals(False)
        if chosen is None or not axes or axes[index].param != chosen.param:
            self._on_param_changed()
        self._update_buttons()

    def _on_param_changed(self) -> None:
        axis = self.param.currentData()
        if axis is None:
            return
        for spin in (self.start, self.stop):
            spin.setRange(axis.minimum, axis.maximum)
        self.step.setRange(1, max(1, axis.maximum - axis.minimum))
        if axis.param == BATCH:  # 8 to 128: from a laptop's batch to a large GPU's
            self.set_range(8, 128, 8)
        elif axis.square:  # 9 steps of 32 from a quarter of the side: the usual range of inputs
            # Multiples of 32 suit every network here: five halvings, patches of 16 or 32.
            start = max(axis.minimum, axis.default // 4 // 32 * 32, 32)
            self.set_range(start, min(axis.maximum, start + 9 * 32), 32)
        else:
            self.set_range(max(axis.minimum, 1), min(axis.maximum, axis.default * 2), 0)
        if self.plots_made():
            for plot in self.plots.values():
                plot.getPlotItem().setLabel("bottom", self._x_label())

    def set_range(self, start: int, stop: int, step: int) -> None:
        """``step`` 0 gives ten points."""
        self.start.setValue(start)
        self.stop.setValue(stop)
        self.step.setValue(step or max(1, (stop - start) // 9))
        self._update_count()

    def _update_count(self) -> None:
        steps = range(self.start.value(), self.stop.value() + 1, max(1, self.step.value()))
        self.count.setText(translate("Sweep", "{count} points").format(count=len(steps)))

    # --- running ---------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self._running is not None

    def run(self) -> bool:
        """Start the sweep; a bad range is explained and nothing starts."""
        axis = self.param.currentData()
        if self._current is None or axis is None or self.is_running():
            return False
        if axis.param == BATCH:
            return self._run_batch_sizes()
        targets = [(self._current.text(), self._current)]
        skipped = []
        if self.with_pinned.isChecked():
            for label in (pinned.label for pinned in self._state.pinned()):
                try:
                    reference = parse_reference(label)
                except ExplorerError:
                    skipped.append(label)
                    continue
                if label != self._current.text():
                    targets.append((label, reference))
        runs = []
        try:
            for label, reference in targets:
                names = [a.param for a in sweep_axes(reference)]
                if axis.param not in names:
                    skipped.append(label)
                    continue
                values = sweep_values(
                    reference, axis.param, self.start.value(), self.stop.value(), self.step.value()
                )
                runs.append(SweepRun(label, reference, values))
        except ExplorerError as error:
            message = user_message(error)
            self._say(lambda: translated(message))
            return False
        self._say(lambda: _sweeping(axis.label, axis.param, skipped))
        self._show_runs(runs, axis.param)
        self._start_next()
        return True

    def _show_runs(self, runs: list[SweepRun], param: str) -> None:
        """New runs in place of the old ones: progress, empty curves, the table."""
        self.runs = runs
        self._swept = param
        self._cancelled = False
        self.progress.setRange(0, sum(len(r.values) for r in runs))
        self.progress.setValue(sum(len(r.points) for r in runs))
        if self.plots_made():
            self._add_curves()
        self._redraw()

    def _run_batch_sizes(self) -> bool:
        """The training memory at each batch size, from the summaries on hand: the model on
        screen and, ticked, the pinned ones. Nothing is built; done at once."""
        summary = self._state.summary
        if self._current is None or summary is None:
            return False
        try:
            values = sweep_values(
                self._current, BATCH, self.start.value(), self.stop.value(), self.step.value()
            )
        except ExplorerError as error:
            message = user_message(error)
            self._say(lambda: translated(message))
            return False
        batches = [axis_value(value) for value in values]
        models = [(self._current.text(), summary)]
        if self.with_pinned.isChecked():
            current = self._current.text()
            models += [(p.label, p.summary) for p in self._state.pinned() if p.label != current]
        runs = [
            SweepRun(label, None, list(batches), batch_points(model, batches))
            for label, model in models
        ]
        self._show_runs(runs, BATCH)
        self._finish()
        return True

    def _on_training_changed(self) -> None:
        if self.runs:
            self._redraw()

    def _start_next(self) -> None:
        pending = [run for run in self.runs if run.request is None]
        if self._cancelled or not pending:
            self._finish()
            return
        run = pending[0]
        self._running = run
        assert run.reference is not None  # only batch size sweeps have none, and send nothing
        run.request = self._client.sweep(run.reference, self.param.currentData().param, run.values)
        self._update_buttons()

    def cancel(self) -> None:
        if self._running is not None and self._running.request is not None:
            self._cancelled = True
            self._client.cancel_sweep(self._running.request)

    def _on_point(self, request: int, index: int, point: SweepPoint) -> None:
        run = self._running
        if run is None or run.request != request:
            return
        run.points.append(point)
        self.progress.setValue(self.progress.value() + 1)
        self._redraw()

    def _on_done(self, request: int, cancelled: bool) -> None:
        if self._running is not None and self._running.request == request:
            self._cancelled = self._cancelled or cancelled
            self._running = None
            self._start_next()

    def _on_failed(self, request: int, message: str) -> None:
        if self._running is not None and self._running.request == request:
            self._running = None
            self._say(lambda: _stopped(message))
            self._update_buttons()

    def _on_crashed(self, message: str) -> None:
        if self._running is not None:
            self._running = None
            self._say(lambda: _stopped(message))
            self._update_buttons()

    def _finish(self) -> None:
        self._running = None
        done = sum(len(r.points) for r in self.runs)
        total = sum(len(r.values) for r in self.runs)
        failed = sum(1 for r in self.runs for p in r.points if p.totals is None)
        growth = next(filter(None, (attention_growth(r.points) for r in self.runs)), None)
        self._say(partial(_finished, self._cancelled, done, total, failed, growth))
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.is_running()
        self.run_button.setEnabled(not running and self.param.count() > 0)
        self.cancel_button.setEnabled(running)
        self.param.setEnabled(not running)

    # --- showing ---------------------------------------------------------------------------

    def _add_curves(self) -> None:
        add_curves(self.plots, self.runs)

    def _redraw(self) -> None:
        if self.plots_made():
            self._draw_curves()
        attention = any(p.tokens is not None for run in self.runs for p in run.points)
        runs = ((run.label, run.points) for run in self.runs)
        rows = [  # a value that could not be built says why, in the window's language
            [*row[:4], translated(row[4]) if row[2] == "-" else row[4], *row[5:]]
            for row in sweep_rows(
                runs, attention=attention, training=self._state.training, param=self._swept
            )
        ]
        headers = SWEEP_HEADERS + (ATTENTION_HEADERS if attention else []) + [TRAINING_HEADER]
        numbers = set(range(2, len(headers)))
        self.table.set_table([translated(header) for header in headers], rows, numbers)

    def _draw_curves(self) -> None:
        draw_curves(
            self.plots,
            self.runs,
            swept=self._swept,
            tokens=self._by_tokens(),
            training=self._state.training,
            x_label=self._x_label(),
        )

    def export_with_dialog(self, key: str, path: str | None = None) -> bool:
        return export_plot_with_dialog(self, self.plots[key], f"sweep-{key}", path)


def _sweeping(label: str, param: str, skipped: list[str]) -> str:
    parameter = translated(label)
    if not skipped:
        return translate("Sweep", "Sweeping {parameter}…").format(parameter=parameter)
    return translate("Sweep", "Sweeping {parameter}… (skipped, no {name}: {models})").format(
        parameter=parameter, name=param, models=", ".join(skipped)
    )


def _stopped(message: str) -> str:
    return translate("Sweep", "The sweep stopped: {message}").format(message=translated(message))


def _finished(cancelled: bool, done: int, total: int, failed: int, growth: str | None) -> str:
    if cancelled:
        text = translate("Sweep", "Cancelled after {done} of {total} points.")
    else:
        text = translate("Sweep", "Done: {done} points.")
    text = text.format(done=done, total=total)
    if failed:
        more = translate("Sweep", "{count} could not be built (see the table).")
        text += " " + more.format(count=failed)
    return text + (" " + translated(growth) if growth else "")
