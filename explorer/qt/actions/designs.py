"""The Design menu: new, open and save design files, Edit a Copy of a catalog model, and the
code of the model on screen in the three Keras styles."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QMenu, QMessageBox

from explorer.core.base.errors import ExplorerError, user_message
from explorer.core.exports.code import code_for
from explorer.core.sources.copies import design_from_reference
from explorer.core.sources.designs import files as design_files
from explorer.core.sources.designs.examples import example_designs
from explorer.core.sources.designs.model import Design
from explorer.qt.actions.recent import RecentFiles
from explorer.qt.dialogs.prompts import Prompts
from explorer.qt.i18n import follow, translate, translated
from explorer.qt.panels.designer import DesignerPanel, starter_design
from explorer.qt.state import WindowState
from explorer.qt.widgets.actions import make_action

if TYPE_CHECKING:
    from explorer.qt.dialogs.code_view import CodeDialog


def design_filter() -> str:
    """The file dialogs' filter for design files, in the current language."""
    return translate("Designs", "Designs (*{suffix})").format(suffix=design_files.SUFFIX)


class DesignActions(QObject):
    def __init__(
        self,
        state: WindowState,
        designer: DesignerPanel,
        dock: QDockWidget,
        recent: RecentFiles,
        prompts: Prompts,
        window: QMainWindow,
    ) -> None:
        """``dock`` holds ``designer`` in ``window``; it is shown when a design starts."""
        super().__init__(window)
        self._state = state
        self._dock = dock
        self._recent = recent
        self._prompts = prompts
        self._window = window
        self.designer = designer
        self.path: str | None = None  # the file the design came from or was saved to
        self._titled = False  # the dock's title names the design once it has been set here
        self.new_action = make_action(
            window,
            lambda: translate("Designs", "&New Design"),
            self.new_design,
            "Ctrl+N",
            lambda: translate("Designs", "Start a design from an input"),
        )
        self.open_action = make_action(
            window,
            lambda: translate("Designs", "&Open Design…"),
            self.open_design,
            "Ctrl+Shift+O",
            lambda: translate("Designs", "Open a .design.json file"),
        )
        self.save_action = make_action(
            window,
            lambda: translate("Designs", "&Save Design"),
            self.save_design,
            "Ctrl+Shift+S",
            lambda: translate("Designs", "Save the design"),
        )
        self.save_as_action = make_action(
            window,
            lambda: translate("Designs", "Save Design &As…"),
            self.save_design_as,
            None,
            lambda: translate("Designs", "Save the design elsewhere"),
        )
        self.copy_action = make_action(
            window,
            lambda: translate("Designs", "&Edit a Copy"),
            self.edit_copy,
            "Ctrl+Shift+C",
            lambda: translate(
                "Designs",
                "Open the model on screen in the designer (simple-cnn, the ResNets, designs)",
            ),
        )
        self.code_action = make_action(
            window,
            lambda: translate("Designs", "Show &Code…"),
            self.show_code,
            "Ctrl+Shift+K",
            lambda: translate(
                "Designs",
                "Python code that builds the model on screen: Sequential, Functional or "
                "Subclassing",
            ),
        )
        self.dialog: CodeDialog | None = None
        self.examples_menu = QMenu(window)
        menu = self.examples_menu
        follow(menu, lambda: menu.setTitle(translate("Designs", "&Examples")))
        for entry in example_designs():
            action = menu.addAction(entry.name.removesuffix(design_files.SUFFIX))
            follow(action, partial(self._tell_example, action, entry.name))
            action.triggered.connect(partial(self._open_example, str(entry)))
        # After the window's own "Designer" title, which it replaces once a design is named.
        follow(self, lambda: self._titled and self._update_title())
        self.designer.undo_stack.cleanChanged.connect(self._update_title)
        self.designer.design_changed.connect(self.show_design)
        self.designer.add_tools(
            [self.new_action, self.open_action, self.save_action, self.code_action]
        )

    @staticmethod
    def _tell_example(action: QAction, name: str) -> None:
        action.setStatusTip(
            translate("Designs", "Open the example design {name}").format(name=name)
        )

    def actions(self) -> tuple[QAction, ...]:
        return (
            self.new_action,
            self.open_action,
            self.examples_menu.menuAction(),
            self.save_action,
            self.save_as_action,
            self.copy_action,
            self.code_action,
        )

    # --- the design on screen --------------------------------------------------------------

    def show_design(self, design: Design) -> None:
        """The designer changed its design: the window shows it (no parameters to edit)."""
        self._state.open(design_files.reference_for(design))

    def _start(self, design: Design, path: str | None) -> None:
        self.path = path
        dock = self._dock
        dock.show()
        dock.raise_()  # in front of the parameters, which a design does not have
        self.designer.set_design(design)
        self._update_title()

    def _update_title(self) -> None:
        self._titled = True
        name = Path(self.path).name if self.path else translate("Designs", "unsaved")
        if self.designer.undo_stack.isClean():
            title = translate("Designs", "Designer — {name}")
        else:
            title = translate("Designs", "Designer — {name} (changed)")
        self._dock.setWindowTitle(title.format(name=name))

    def _may_replace(self) -> bool:
        return self.designer.undo_stack.isClean() or self._prompts.confirm_discard(self._window)

    def new_design(self) -> bool:
        if not self._may_replace():
            return False
        self._start(starter_design(), None)
        return True

    def open_design(self, path: str | None = None) -> bool:
        """Load a design file into the designer; a bad file is explained and nothing changes."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self._window, translate("Designs", "Open Design"), "", design_filter()
            )
            if not path:
                return False
        try:
            design = design_files.load(path)
        except ExplorerError as error:
            QMessageBox.critical(
                self._window, translate("Designs", "Open Design"), translated(user_message(error))
            )
            return False
        if not self._may_replace():
            return False
        self._start(design, path)
        self._recent.add(path)
        return True

    def _open_example(self, path: str, _checked: bool = False) -> bool:
        return self.open_design(path)

    def save_design(self) -> bool:
        return self.save_design_as(self.path) if self.path else self.save_design_as()

    def save_design_as(self, path: str | None = None) -> bool:
        design = self.designer.design
        if path is None:
            suggested = f"{design.name}{design_files.SUFFIX}"
            path, _ = QFileDialog.getSaveFileName(
                self._window, translate("Designs", "Save Design"), suggested, design_filter()
            )
            if not path:
                return False
            if not path.endswith(design_files.SUFFIX):
                path = str(Path(path).with_suffix("")) + design_files.SUFFIX
        try:
            design_files.save(design, path)
        except ExplorerError as error:
            QMessageBox.critical(
                self._window,
                translate("Designs", "Save Design"),
                translate("Designs", "The design was not saved.\n\n{message}").format(
                    message=translated(user_message(error))
                ),
            )
            return False
        self.path = path
        self.designer.undo_stack.setClean()
        self._update_title()
        self._state.tell(translate("Designs", "Saved the design to {path}").format(path=path))
        return True

    def edit_copy(self) -> bool:
        reference = self._state.reference
        if reference is None:
            return False
        try:
            design = design_from_reference(reference)
        except ExplorerError as error:
            QMessageBox.information(
                self._window, translate("Designs", "Edit a Copy"), translated(user_message(error))
            )
            return False
        if not self._may_replace():
            return False
        self._start(design, None)
        return True

    def show_code(self) -> CodeDialog | None:
        """The code of the model on screen, in a dialog that stays open beside the window."""
        from explorer.qt.dialogs.code_view import CodeDialog

        reference = self._state.reference
        if reference is None:
            return None
        if self.dialog is not None:
            self.dialog.close()
        stem = Path(reference.architecture.id).name.removesuffix(design_files.SUFFIX)
        title = reference.architecture.title
        dialog = CodeDialog(
            title,
            partial(code_for, reference),
            self._window,
            file_stem=stem.replace("-", "_") or "model",
        )
        follow(
            dialog,
            lambda: dialog.setWindowTitle(
                translate("Designs", "Code — {title}").format(title=title)
            ),
        )
        self.dialog = dialog
        dialog.show()
        return dialog
