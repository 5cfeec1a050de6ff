"""File menu work of the main window: weights files, model files, recent files, drag and drop.

Nothing here touches Keras: requests go to the worker process; a weights file is always
checked and its report shown before the worker is asked to load it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from explorer.core.analysis.summary import ModelSummary
from explorer.core.base.errors import ExplorerError, user_message
from explorer.core.exports.summaries import summary_csv, summary_markdown
from explorer.core.sources import model_files
from explorer.core.sources.designs import files as design_files
from explorer.core.sources.lookup import parse_reference
from explorer.core.weights.compatibility import CompatibilityReport
from explorer.core.weights.layout import KERAS_SUFFIX
from explorer.core.weights.operations import suggested_name
from explorer.qt.actions.designs import DesignActions
from explorer.qt.actions.recent import RecentFiles
from explorer.qt.dialogs.prompts import Prompts
from explorer.qt.i18n import translate, translated
from explorer.qt.state import WindowState
from explorer.qt.widgets.actions import Words, make_action
from explorer.qt.widgets.text_files import save_text
from explorer.qt.worker_client import WorkerClient

DROPPABLE = (".keras", ".h5", ".hdf5", design_files.SUFFIX)
EXPORTS: dict[str, tuple[Words, Callable[[ModelSummary], str]]] = {
    "csv": (lambda: translate("Files", "CSV files (*.csv)"), summary_csv),
    "md": (lambda: translate("Files", "Markdown files (*.md)"), summary_markdown),
}


def weights_filter() -> str:
    return translate(
        "Files", "Keras weights (*.weights.h5);;Legacy weights or models (*.h5 *.keras)"
    )


def model_filter() -> str:
    return translate("Files", "Keras models and designs (*.keras *.h5 *.hdf5 *{suffix})").format(
        suffix=design_files.SUFFIX
    )


class FileActions(QObject):
    def __init__(
        self,
        state: WindowState,
        client: WorkerClient,
        recent: RecentFiles,
        designs: DesignActions,
        prompts: Prompts,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._state = state
        self._client = client
        self._parent = parent
        self._prompts = prompts
        self.recent = recent
        self.designs = designs
        self.open_action = make_action(
            parent,
            lambda: translate("Files", "&Open Model File…"),
            self.open_model_file,
            QKeySequence.StandardKey.Open,
            lambda: translate("Files", "Show the layers of a .keras or legacy .h5 model file"),
        )
        self.save_action = make_action(
            parent,
            lambda: translate("Files", "&Save Weights…"),
            self.save_weights,
            QKeySequence.StandardKey.Save,
            lambda: translate("Files", "Write the model's weights to a .weights.h5 file"),
        )
        self.load_action = make_action(
            parent,
            lambda: translate("Files", "&Load Weights…"),
            self.load_weights,
            "Ctrl+L",
            lambda: translate("Files", "Check a weights file against the model, then load it"),
        )
        self.export_csv_action = make_action(
            parent,
            lambda: translate("Files", "Export Table as &CSV…"),
            lambda: self.export_table("csv"),
            "Ctrl+E",
            lambda: translate("Files", "Save the layer table as comma-separated values"),
        )
        self.export_markdown_action = make_action(
            parent,
            lambda: translate("Files", "Export Table as &Markdown…"),
            lambda: self.export_table("md"),
            "Ctrl+Shift+E",
            lambda: translate("Files", "Save the layer table and totals as a Markdown document"),
        )
        for action in self._model_actions():
            action.setEnabled(False)
        state.model_shown.connect(self._on_model_shown)
        recent.chosen.connect(self.open_recent)
        client.progress.connect(self._on_progress)
        client.weights_saved.connect(self._on_saved)
        client.weights_checked.connect(self._on_checked)
        client.weights_loaded.connect(self._on_loaded)
        client.weights_failed.connect(self._on_failed)

    def _model_actions(self) -> tuple[QAction, ...]:
        return (
            self.save_action,
            self.load_action,
            self.export_csv_action,
            self.export_markdown_action,
        )

    @Slot()
    def _on_model_shown(self) -> None:
        """A model is on screen: its table can be exported, its weights saved and loaded."""
        for action in self._model_actions():
            action.setEnabled(True)

    def export_table(self, kind: str, path: str | None = None) -> bool:
        summary = self._state.summary
        if summary is None:
            return False
        file_filter, render = EXPORTS[kind]
        title = translate("Files", "Export Table")
        if path is None:
            suggested = f"{Path(summary.architecture).stem}.{kind}"
            path, _ = QFileDialog.getSaveFileName(self._parent, title, suggested, file_filter())
            if not path:
                return False
        what = translate("Files", "table")
        written = save_text(self._parent, title, what, path, render(summary))
        if written is None:
            return False
        self._state.tell(translate("Files", "Exported the table to {path}").format(path=written))
        return True

    # --- weights --------------------------------------------------------------------------------

    def save_weights(self, path: str | None = None) -> bool:
        reference = self._state.reference
        if reference is None:
            return False
        if path is None:
            name = f"{Path(reference.architecture.id).stem or 'model'}{KERAS_SUFFIX}"
            title = translate("Files", "Save Weights")
            path, _ = QFileDialog.getSaveFileName(self._parent, title, name, weights_filter())
            if not path:
                return False
            if not path.endswith(KERAS_SUFFIX):
                better = suggested_name(path)
                answer = QMessageBox.question(
                    self._parent,
                    title,
                    translate(
                        "Files",
                        "Keras 3 writes weights only to names ending in {suffix}.\n\n"
                        "Save as {name} instead?",
                    ).format(suffix=KERAS_SUFFIX, name=Path(better).name),
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return False
                path = better
        self._state.set_busy(
            True, translate("Files", "Saving weights to {path}…").format(path=path)
        )
        self._client.save_weights(reference, path)
        return True

    def load_weights(self, path: str | None = None) -> bool:
        reference = self._state.reference
        if reference is None:
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self._parent, translate("Files", "Load Weights"), "", weights_filter()
            )
            if not path:
                return False
        self._state.set_busy(
            True,
            translate("Files", "Checking {path} against {model}…").format(
                path=path, model=reference.text()
            ),
        )
        self._client.check_weights(reference, path)
        return True

    def _confirm(self, report: CompatibilityReport) -> bool:
        reference = self._state.reference
        return self._prompts.confirm_load(
            report, reference.text() if reference else "", self._parent
        )

    @Slot(str)
    def _on_progress(self, message: str) -> None:
        self._state.set_busy(True, translated(message))

    @Slot(str)
    def _on_saved(self, path: str) -> None:
        self._state.set_busy(
            False, translate("Files", "Saved the weights to {path}").format(path=path)
        )

    @Slot(CompatibilityReport, str)
    def _on_checked(self, report: CompatibilityReport, path: str) -> None:
        self._state.set_busy(False, translated(report.summary_line()))
        reference = self._state.reference
        if self._confirm(report) and report.loads_fully and reference is not None:
            self._state.set_busy(True, translate("Files", "Loading {path}…").format(path=path))
            self._client.load_weights(reference, path)
            self.recent.add(path)

    @Slot(ModelSummary, CompatibilityReport)
    def _on_loaded(self, summary: ModelSummary, report: CompatibilityReport) -> None:
        """The worker loaded the file into a fresh model of the reference on screen."""
        reference = self._state.reference
        assert reference is not None
        self._state.show(reference, summary, weights_from=report.path)
        self._state.tell(
            translate("Files", "Loaded the weights from {path}").format(path=report.path)
        )

    @Slot(str, object)
    def _on_failed(self, message: str, report: CompatibilityReport | None) -> None:
        message = translated(message)
        self._state.set_busy(False, message)
        if report is not None:
            self._confirm(report)  # shows the report; loading is not offered
        else:
            QMessageBox.warning(
                self._parent,
                translate("Files", "Weights"),
                translate("Files", "Nothing was changed.\n\n{message}").format(message=message),
            )

    # --- model files ----------------------------------------------------------------------------

    def open_model_file(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self._parent, translate("Files", "Open Model File"), "", model_filter()
            )
            if not path:
                return False
        if design_files.is_design_file(path):  # designs open in the designer, to be edited
            return self.designs.open_design(path)
        if not model_files.holds_model(path) and Path(path).exists():
            answer = QMessageBox.question(
                self._parent,
                translate("Files", "Open Model File"),
                translate(
                    "Files",
                    "{name} holds weights only, no model.\n\n"
                    "Check it against the current architecture and load it?",
                ).format(name=Path(path).name),
            )
            return answer == QMessageBox.StandardButton.Yes and self.load_weights(path)
        try:
            reference = parse_reference(path)
        except ExplorerError as error:
            QMessageBox.warning(
                self._parent, translate("Files", "Open Model File"), translated(user_message(error))
            )
            self.recent.forget(path)
            return False
        self.recent.add(path)
        self._state.open(reference)
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

    @Slot(str)
    def open_recent(self, path: str) -> bool:
        if (
            design_files.is_design_file(path)
            or model_files.holds_model(path)
            or not Path(path).exists()  # open_model_file explains and forgets it
        ):
            return self.open_model_file(path)
        return self.load_weights(path)
