"""The Design menu: new, open and save design files, Edit a Copy of a catalog model, and the
code of the model on screen in the three Keras styles."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from explorer.core.base.errors import ExplorerError, user_message
from explorer.core.exports.code import code_for
from explorer.core.sources.copies import design_from_reference
from explorer.core.sources.designs import files as design_files
from explorer.core.sources.designs.model import Design
from explorer.qt.actions.menus import make_action
from explorer.qt.panels.designer import starter_design

if TYPE_CHECKING:
    from explorer.qt.dialogs.code_view import CodeDialog
    from explorer.qt.main_window import MainWindow

DESIGN_FILTER = f"Designs (*{design_files.SUFFIX})"


class DesignActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.designer = window.designer
        self.path: str | None = None  # the file the design came from or was saved to
        self.new_action = make_action(
            window, "&New Design", self.new_design, "Ctrl+N", "Start a design from an input"
        )
        self.open_action = make_action(
            window, "&Open Design…", self.open_design, "Ctrl+Shift+O", "Open a .design.json file"
        )
        self.save_action = make_action(
            window, "&Save Design", self.save_design, "Ctrl+Shift+S", "Save the design"
        )
        self.save_as_action = make_action(
            window, "Save Design &As…", self.save_design_as, None, "Save the design elsewhere"
        )
        self.copy_action = make_action(
            window,
            "&Edit a Copy",
            self.edit_copy,
            "Ctrl+Shift+C",
            "Open the model on screen in the designer (simple-cnn, the ResNets, designs)",
        )
        self.code_action = make_action(
            window,
            "Show &Code…",
            self.show_code,
            "Ctrl+Shift+K",
            "Python code that builds the model on screen: Sequential, Functional or Subclassing",
        )
        # Replaced in tests: asks whether unsaved design changes may be dropped.
        self.confirm_discard: Callable[[], bool] = self._ask_to_discard
        self.dialog: CodeDialog | None = None
        self.designer.undo_stack.cleanChanged.connect(self._update_title)
        self.designer.design_changed.connect(self.show_design)
        self.designer.add_tools(
            [self.new_action, self.open_action, self.save_action, self.code_action]
        )

    def actions(self) -> tuple:
        return (
            self.new_action,
            self.open_action,
            self.save_action,
            self.save_as_action,
            self.copy_action,
            self.code_action,
        )

    # --- the design on screen --------------------------------------------------------------

    def show_design(self, design: Design) -> None:
        """The designer changed its design: the window shows it (no parameters to edit)."""
        reference = design_files.reference_for(design)
        self.window.form.set_architecture(reference.architecture)
        self.window.debouncer.cancel()
        self.window.build(reference)

    def _start(self, design: Design, path: str | None) -> None:
        self.path = path
        dock = self.window.designer_dock
        if not dock.isVisible():
            dock.show()
            self.window.resizeDocks([dock], [480], Qt.Orientation.Horizontal)
        dock.raise_()
        self.designer.set_design(design)
        self._update_title()

    def _update_title(self) -> None:
        name = Path(self.path).name if self.path else "unsaved"
        changed = "" if self.designer.undo_stack.isClean() else " (changed)"
        self.window.designer_dock.setWindowTitle(f"Designer — {name}{changed}")

    def _ask_to_discard(self) -> bool:
        answer = QMessageBox.question(
            self.window,
            "Designer",
            "The design has changes that are not saved. Discard them?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _may_replace(self) -> bool:
        return self.designer.undo_stack.isClean() or self.confirm_discard()

    def new_design(self) -> bool:
        if not self._may_replace():
            return False
        self._start(starter_design(), None)
        return True

    def open_design(self, path: str | None = None) -> bool:
        """Load a design file into the designer; a bad file is explained and nothing changes."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, "Open Design", "", DESIGN_FILTER)
            if not path:
                return False
        try:
            design = design_files.load(path)
        except ExplorerError as error:
            QMessageBox.critical(self.window, "Open Design", user_message(error))
            return False
        if not self._may_replace():
            return False
        self._start(design, path)
        self.window.files.add_recent(path)
        return True

    def save_design(self) -> bool:
        return self.save_design_as(self.path) if self.path else self.save_design_as()

    def save_design_as(self, path: str | None = None) -> bool:
        design = self.designer.design
        if path is None:
            suggested = f"{design.name}{design_files.SUFFIX}"
            path, _ = QFileDialog.getSaveFileName(
                self.window, "Save Design", suggested, DESIGN_FILTER
            )
            if not path:
                return False
            if not path.endswith(design_files.SUFFIX):
                path = str(Path(path).with_suffix("")) + design_files.SUFFIX
        try:
            design_files.save(design, path)
        except ExplorerError as error:
            QMessageBox.critical(
                self.window, "Save Design", f"The design was not saved.\n\n{user_message(error)}"
            )
            return False
        self.path = path
        self.designer.undo_stack.setClean()
        self._update_title()
        self.window.statusBar().showMessage(f"Saved the design to {path}", 8000)
        return True

    def edit_copy(self) -> bool:
        reference = self.window.reference
        if reference is None:
            return False
        try:
            design = design_from_reference(reference)
        except ExplorerError as error:
            QMessageBox.information(self.window, "Edit a Copy", user_message(error))
            return False
        if not self._may_replace():
            return False
        self._start(design, None)
        return True

    def show_code(self) -> CodeDialog | None:
        """The code of the model on screen, in a dialog that stays open beside the window."""
        from explorer.qt.dialogs.code_view import CodeDialog

        reference = self.window.reference
        if reference is None:
            return None
        if self.dialog is not None:
            self.dialog.close()
        stem = Path(reference.architecture.id).name.removesuffix(design_files.SUFFIX)
        self.dialog = CodeDialog(
            f"Code — {reference.architecture.title}",
            partial(code_for, reference),
            self.window,
            file_stem=stem.replace("-", "_") or "model",
        )
        self.dialog.show()
        return self.dialog
