"""File menu work of the main window: weights files, model files, recent files, drag and drop.

Nothing here touches Keras: requests go to the worker process; a weights file is always
checked and its report shown before the worker is asked to load it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox

from explorer.core.analysis.summary import ModelSummary
from explorer.core.base.errors import ExplorerError
from explorer.core.exports.summaries import summary_csv, summary_markdown
from explorer.core.sources import model_files
from explorer.core.sources.designs import files as design_files
from explorer.core.sources.lookup import parse_reference
from explorer.core.weights.compatibility import CompatibilityReport
from explorer.core.weights.layout import KERAS_SUFFIX
from explorer.core.weights.operations import suggested_name
from explorer.qt.actions.menus import make_action
from explorer.qt.dialogs.weights_report import CompatibilityDialog
from explorer.qt.widgets.text_files import save_text

if TYPE_CHECKING:
    from explorer.qt.main_window import MainWindow

RECENT_KEY = "files/recent"
RECENT_MAX = 8
DROPPABLE = (".keras", ".h5", ".hdf5", design_files.SUFFIX)
WEIGHTS_FILTER = "Keras weights (*.weights.h5);;Legacy weights or models (*.h5 *.keras)"
MODEL_FILTER = f"Keras models and designs (*.keras *.h5 *.hdf5 *{design_files.SUFFIX})"
EXPORTS = {
    "csv": ("CSV files (*.csv)", summary_csv),
    "md": ("Markdown files (*.md)", summary_markdown),
}


class FileActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        worker = window.worker
        self.open_action = make_action(
            self.window,
            "&Open Model File…",
            self.open_model_file,
            QKeySequence.StandardKey.Open,
            "Show the layers of a .keras or legacy .h5 model file",
        )
        self.save_action = make_action(
            self.window,
            "&Save Weights…",
            self.save_weights,
            QKeySequence.StandardKey.Save,
            "Write the model's weights to a .weights.h5 file",
        )
        self.load_action = make_action(
            self.window,
            "&Load Weights…",
            self.load_weights,
            "Ctrl+L",
            "Check a weights file against the model, then load it",
        )
        self.export_csv_action = make_action(
            self.window,
            "Export Table as &CSV…",
            lambda: self.export_table("csv"),
            "Ctrl+E",
            "Save the layer table as comma-separated values",
        )
        self.export_markdown_action = make_action(
            self.window,
            "Export Table as &Markdown…",
            lambda: self.export_table("md"),
            "Ctrl+Shift+E",
            "Save the layer table and totals as a Markdown document",
        )
        for action in self._model_actions():
            action.setEnabled(False)
        self.recent_menu = QMenu("Open &Recent", window)
        # Replaced in tests: asks the user whether to load a file that fits.
        self.confirm: Callable[[CompatibilityReport], bool] = self._ask_to_load
        worker.progress.connect(self._on_progress)
        worker.weights_saved.connect(self._on_saved)
        worker.weights_checked.connect(self._on_checked)
        worker.weights_loaded.connect(self._on_loaded)
        worker.weights_failed.connect(self._on_failed)
        self._rebuild_recent_menu()

    def _model_actions(self) -> tuple[QAction, ...]:
        return (
            self.save_action,
            self.load_action,
            self.export_csv_action,
            self.export_markdown_action,
        )

    def model_shown(self) -> None:
        """A model is on screen: its table can be exported, its weights saved and loaded."""
        for action in self._model_actions():
            action.setEnabled(True)

    def export_table(self, kind: str, path: str | None = None) -> bool:
        summary = self.window.summary
        if summary is None:
            return False
        file_filter, render = EXPORTS[kind]
        if path is None:
            suggested = f"{Path(summary.architecture).stem}.{kind}"
            path, _ = QFileDialog.getSaveFileName(
                self.window, "Export Table", suggested, file_filter
            )
            if not path:
                return False
        written = save_text(self.window, "Export Table", "table", path, render(summary))
        if written is None:
            return False
        self.window.statusBar().showMessage(f"Exported the table to {written}", 8000)
        return True

    # --- weights --------------------------------------------------------------------------------

    def save_weights(self, path: str | None = None) -> bool:
        reference = self.window.reference
        if reference is None:
            return False
        if path is None:
            name = f"{Path(reference.architecture.id).stem or 'model'}{KERAS_SUFFIX}"
            path, _ = QFileDialog.getSaveFileName(self.window, "Save Weights", name, WEIGHTS_FILTER)
            if not path:
                return False
            if not path.endswith(KERAS_SUFFIX):
                better = suggested_name(path)
                answer = QMessageBox.question(
                    self.window,
                    "Save Weights",
                    f"Keras 3 writes weights only to names ending in {KERAS_SUFFIX}.\n\n"
                    f"Save as {Path(better).name} instead?",
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return False
                path = better
        self.window.set_busy(True, f"Saving weights to {path}…")
        self.window.worker.save_weights(reference, path)
        return True

    def load_weights(self, path: str | None = None) -> bool:
        reference = self.window.reference
        if reference is None:
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, "Load Weights", "", WEIGHTS_FILTER)
            if not path:
                return False
        self.window.set_busy(True, f"Checking {path} against {reference.text()}…")
        self.window.worker.check_weights(reference, path)
        return True

    def _ask_to_load(self, report: CompatibilityReport) -> bool:
        reference = self.window.reference
        dialog = CompatibilityDialog(report, reference.text() if reference else "", self.window)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    @Slot(str)
    def _on_progress(self, message: str) -> None:
        self.window.set_busy(True, message)

    @Slot(str)
    def _on_saved(self, path: str) -> None:
        self.window.set_busy(False, f"Saved the weights to {path}")

    @Slot(object, str)
    def _on_checked(self, report: CompatibilityReport, path: str) -> None:
        self.window.set_busy(False, report.summary_line())
        reference = self.window.reference
        if self.confirm(report) and report.loads_fully and reference is not None:
            self.window.set_busy(True, f"Loading {path}…")
            self.window.worker.load_weights(reference, path)
            self.add_recent(path)

    @Slot(object, object)
    def _on_loaded(self, summary: ModelSummary, report: CompatibilityReport) -> None:
        self.window.show_loaded_weights(summary, report.path)

    @Slot(str, object)
    def _on_failed(self, message: str, report: CompatibilityReport | None) -> None:
        self.window.set_busy(False, message)
        if report is not None:
            self.confirm(report)  # shows the report; loading is not offered
        else:
            QMessageBox.warning(self.window, "Weights", f"Nothing was changed.\n\n{message}")

    # --- model files ----------------------------------------------------------------------------

    def open_model_file(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, "Open Model File", "", MODEL_FILTER)
            if not path:
                return False
        if design_files.is_design_file(path):  # designs open in the designer, to be edited
            return self.window.designs.open_design(path)
        if not model_files.holds_model(path) and Path(path).exists():
            answer = QMessageBox.question(
                self.window,
                "Open Model File",
                f"{Path(path).name} holds weights only, no model.\n\n"
                "Check it against the current architecture and load it?",
            )
            return answer == QMessageBox.StandardButton.Yes and self.load_weights(path)
        try:
            reference = parse_reference(path)
        except ExplorerError as error:
            QMessageBox.warning(self.window, "Open Model File", str(error))
            self._forget_recent(path)
            return False
        self.add_recent(path)
        self.window.show_reference(reference.architecture, reference.values)
        return True

    def open_dropped(self, urls: list[QUrl]) -> bool:
        for url in urls:
            path = url.toLocalFile()
            if path.lower().endswith(DROPPABLE):
                if design_files.is_design_file(path) or model_files.holds_model(path):
                    return self.open_model_file(path)
                return self.load_weights(path)
        return False

    @staticmethod
    def accepts(urls: list[QUrl]) -> bool:
        return any(url.toLocalFile().lower().endswith(DROPPABLE) for url in urls)

    # --- recent files ---------------------------------------------------------------------------

    def recent(self) -> list[str]:
        value = self.window.settings.value(RECENT_KEY, [])
        return [value] if isinstance(value, str) else list(value or [])

    def add_recent(self, path: str) -> None:
        path = str(Path(path).resolve())
        entries = [path, *(p for p in self.recent() if p != path)][:RECENT_MAX]
        self.window.settings.setValue(RECENT_KEY, entries)
        self._rebuild_recent_menu()

    def _forget_recent(self, path: str) -> None:
        resolved = str(Path(path).resolve())
        self.window.settings.setValue(RECENT_KEY, [p for p in self.recent() if p != resolved])
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        for index, path in enumerate(self.recent(), start=1):
            action = self.recent_menu.addAction(f"&{index} {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_recent(p))
        self.recent_menu.setEnabled(bool(self.recent()))

    def open_recent(self, path: str) -> bool:
        if (
            design_files.is_design_file(path)
            or model_files.holds_model(path)
            or not Path(path).exists()  # open_model_file explains and forgets it
        ):
            return self.open_model_file(path)
        return self.load_weights(path)
