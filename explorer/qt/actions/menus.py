"""The main window's menus and toolbar, built from the actions its parts own."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from explorer.qt.actions.about import APP_TITLE, show_about

if TYPE_CHECKING:
    from explorer.qt.main_window import MainWindow


def make_action(
    parent: QObject,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    tip: str = "",
    icon: QStyle.StandardPixmap | None = None,
) -> QAction:
    """An action with its shortcut named in the tooltip; ``slot`` gets no arguments."""
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if icon is not None and isinstance(parent, QWidget):
        action.setIcon(parent.style().standardIcon(icon))
    action.setStatusTip(tip)
    keys = action.shortcut().toString()
    action.setToolTip(f"{tip or text.replace('&', '')}{f' ({keys})' if keys else ''}")
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_menus(window: MainWindow) -> None:
    files = window.files
    menus = window.menuBar()
    file_menu = menus.addMenu("&File")
    file_menu.addAction(files.open_action)
    file_menu.addMenu(files.recent_menu)
    file_menu.addSeparator()
    file_menu.addAction(files.save_action)
    file_menu.addAction(files.load_action)
    file_menu.addSeparator()
    file_menu.addAction(files.export_csv_action)
    file_menu.addAction(files.export_markdown_action)
    file_menu.addSeparator()
    file_menu.addAction(make_action(window, "&Quit", window.close, QKeySequence.StandardKey.Quit))

    toolbar = window.addToolBar("File")
    toolbar.setObjectName("file_toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in (files.open_action, files.save_action, files.load_action, window.pin_action):
        toolbar.addAction(action)

    edit_menu = menus.addMenu("&Edit")
    edit_menu.addAction(window.pin_action)
    edit_menu.addAction(
        make_action(
            window,
            "&Copy Selected Layers",
            window.table.copy_selection,
            None,
            "Copy the selected rows as tab-separated text",
        )
    )
    edit_menu.addAction(make_action(window, "Find &Layer…", window.table.focus_filter, "Ctrl+F"))
    edit_menu.addAction(
        make_action(
            window,
            "Find &Architecture…",
            lambda: (window.picker_dock.show(), window.picker.focus_search()),
            "Ctrl+K",
        )
    )
    edit_menu.addAction(
        make_action(
            window, "&Reset Parameters to Defaults", window.form.reset_to_defaults, "Ctrl+R"
        )
    )

    design_menu = menus.addMenu("&Design")
    for action in window.designs.actions():
        design_menu.addAction(action)
    toolbar.addAction(window.designs.copy_action)
    toolbar.addAction(window.designs.code_action)

    view_menu = menus.addMenu("&View")
    for dock in (
        window.picker_dock,
        window.form_dock,
        window.totals_dock,
        window.compare_dock,
        window.charts_dock,
        window.sweep_dock,
        window.designer_dock,
    ):
        view_menu.addAction(dock.toggleViewAction())
    view_menu.addSeparator()
    view_menu.addAction(make_action(window, "Reset &Window Layout", window.reset_layout))

    help_menu = menus.addMenu("&Help")
    help_menu.addAction(make_action(window, f"&About {APP_TITLE}", lambda: show_about(window)))
