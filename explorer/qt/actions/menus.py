"""The main window's menus and toolbar, built from the actions its parts own."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QMenuBar

from explorer.qt.actions.about import APP_TITLE, show_about
from explorer.qt.actions.designs import DesignActions
from explorer.qt.actions.files import FileActions
from explorer.qt.dialogs.help import glossary_html, menus_of, shortcuts_html, show_text
from explorer.qt.i18n import follow, translate
from explorer.qt.panels.layer_table import LayerTableView
from explorer.qt.panels.picker import ArchitecturePicker
from explorer.qt.state import WindowState
from explorer.qt.widgets.actions import Words, make_action
from explorer.qt.widgets.param_form import ParameterForm


@dataclass(frozen=True)
class MenuParts:
    """What the menus act on: the window's actions, panels and docks."""

    state: WindowState
    files: FileActions
    designs: DesignActions
    pin_action: QAction
    table: LayerTableView
    picker: ArchitecturePicker
    picker_dock: QDockWidget
    form: ParameterForm
    docks: Sequence[QDockWidget]  # in the View menu's order
    reset_layout: Callable[[], None]
    find_layer: Callable[[], None]  # in the table, or in the graph when it is shown
    show_graph: Callable[[], None]
    views: Sequence[tuple[Words, Callable[[], None], Words]]  # title, show it, what it shows
    totals_action: QAction  # shows or hides the totals strip
    text_actions: Sequence[QAction]  # larger, smaller, normal text; presentation mode
    language_actions: Sequence[QAction]  # System, English, 简体中文
    colour_actions: Sequence[QAction]  # the system's colours, light, dark
    lesson_actions: Sequence[QAction]  # open and save a lesson


def build_menus(window: QMainWindow, parts: MenuParts) -> None:
    files = parts.files
    menus = window.menuBar()
    file_menu = _menu(menus, lambda: translate("Menus", "&File"))
    file_menu.addAction(files.open_action)
    file_menu.addMenu(files.recent.menu)
    file_menu.addSeparator()
    for action in parts.lesson_actions:
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(files.save_action)
    file_menu.addAction(files.load_action)
    file_menu.addSeparator()
    file_menu.addAction(files.export_csv_action)
    file_menu.addAction(files.export_markdown_action)
    file_menu.addSeparator()
    file_menu.addAction(
        make_action(
            window, lambda: translate("Menus", "&Quit"), window.close, QKeySequence.StandardKey.Quit
        )
    )

    toolbar = window.addToolBar("")
    follow(toolbar, lambda: toolbar.setWindowTitle(translate("Menus", "File")))
    toolbar.setObjectName("file_toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in (files.open_action, files.save_action, files.load_action, parts.pin_action):
        toolbar.addAction(action)

    edit_menu = _menu(menus, lambda: translate("Menus", "&Edit"))
    edit_menu.addAction(parts.designs.designer.undo_action)
    edit_menu.addAction(parts.designs.designer.redo_action)
    edit_menu.addSeparator()
    edit_menu.addAction(parts.pin_action)
    edit_menu.addAction(
        make_action(
            window,
            lambda: translate("Menus", "&Copy Selected Layers"),
            parts.table.copy_selection,
            None,
            lambda: translate("Menus", "Copy the selected rows as tab-separated text"),
        )
    )
    edit_menu.addAction(
        make_action(window, lambda: translate("Menus", "Find &Layer…"), parts.find_layer, "Ctrl+F")
    )
    edit_menu.addAction(
        make_action(
            window,
            lambda: translate("Menus", "Find &Architecture…"),
            lambda: (parts.picker_dock.show(), parts.picker.focus_search()),
            "Ctrl+K",
        )
    )
    edit_menu.addAction(
        make_action(
            window,
            lambda: translate("Menus", "&Reset Parameters to Defaults"),
            parts.form.reset_to_defaults,
            "Ctrl+R",
        )
    )

    design_menu = _menu(menus, lambda: translate("Menus", "&Design"))
    for action in parts.designs.actions():
        design_menu.addAction(action)
    toolbar.addAction(parts.designs.copy_action)
    toolbar.addAction(parts.designs.code_action)

    view_menu = _menu(menus, lambda: translate("Menus", "&View"))
    view_menu.addAction(
        make_action(
            window,
            lambda: translate("Menus", "Layers or &Graph"),
            parts.show_graph,
            "Ctrl+G",
            lambda: translate(
                "Menus", "Switch between the layer table and the drawing of the model"
            ),
        )
    )
    for number, (title, show, tip) in enumerate(parts.views, start=1):
        view_menu.addAction(make_action(window, _mnemonic(title), show, f"Ctrl+{number}", tip))
    view_menu.addSeparator()
    for dock in parts.docks:
        view_menu.addAction(dock.toggleViewAction())
    view_menu.addAction(parts.totals_action)
    view_menu.addSeparator()
    for action in parts.text_actions:
        view_menu.addAction(action)
    colour_menu = _menu(view_menu, lambda: translate("Menus", "&Colours"))
    for action in parts.colour_actions:
        colour_menu.addAction(action)
    language_menu = _menu(view_menu, lambda: translate("Menus", "&Language"))
    for action in parts.language_actions:
        language_menu.addAction(action)
    view_menu.addSeparator()
    view_menu.addAction(
        make_action(window, lambda: translate("Menus", "Reset &Window Layout"), parts.reset_layout)
    )

    help_menu = _menu(menus, lambda: translate("Menus", "&Help"))
    help_menu.addAction(
        make_action(
            window,
            lambda: translate("Menus", "&Glossary"),
            lambda: show_text(window, translate("Menus", "Glossary"), glossary_html()),
            None,
            lambda: translate(
                "Menus", "What parameters, MACs, activations, MiB and the other numbers mean"
            ),
        )
    )
    help_menu.addAction(
        make_action(
            window,
            lambda: translate("Menus", "&Keyboard Shortcuts"),
            lambda: show_text(
                window,
                translate("Menus", "Keyboard Shortcuts"),
                shortcuts_html(menus_of(menus.actions())),
            ),
            None,
            lambda: translate("Menus", "Every command that has keys, from the menus"),
        )
    )
    help_menu.addSeparator()
    help_menu.addAction(
        make_action(
            window,
            lambda: translate("Menus", "&About {title}").format(title=APP_TITLE),
            lambda: show_about(window, parts.state.device_report),
        )
    )


def _menu(parent: QMenuBar | QMenu, title: Words) -> QMenu:
    """A menu of ``parent`` whose title follows the language."""
    menu = parent.addMenu("")
    follow(menu, lambda: menu.setTitle(title()))
    return menu


def _mnemonic(title: Words) -> Words:
    return lambda: f"&{title()}"
