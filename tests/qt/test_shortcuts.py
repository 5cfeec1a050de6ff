"""No key does two things: every shortcut of the window, by where it is active."""

from __future__ import annotations

from itertools import combinations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
Shortcut = tuple[str, QObject, Qt.ShortcutContext, list[QWidget]]  # keys, owner, context, where


def shortcuts(window: QWidget) -> list[Shortcut]:
    """Every key of every action and QShortcut in the window, with the widgets it is on."""
    found: list[Shortcut] = []
    for action in window.findChildren(QAction):
        where = [o for o in action.associatedObjects() if isinstance(o, QWidget)]
        found += [
            (k.toString(), action, action.shortcutContext(), where) for k in action.shortcuts()
        ]
    for shortcut in window.findChildren(QShortcut):
        keys = shortcut.key().toString()
        if keys:
            found.append((keys, shortcut, shortcut.context(), [shortcut.parentWidget()]))
    return found


def active_together(a: Shortcut, b: Shortcut) -> bool:
    """Can both be active for one focus widget (Qt then runs neither: "Ambiguous")?"""
    if a[2] in WINDOW_WIDE or b[2] in WINDOW_WIDE:
        return True
    for one, other in ((a, b), (b, a)):
        for widget in one[3]:
            for widget_b in other[3]:
                if widget is widget_b or (
                    one[2] == Qt.ShortcutContext.WidgetWithChildrenShortcut
                    and widget.isAncestorOf(widget_b)
                ):
                    return True
    return False


def name(item: QObject) -> str:
    return item.text().replace("&", "") if isinstance(item, QAction) else type(item).__name__


def test_no_shortcut_is_ambiguous(window) -> None:
    found = shortcuts(window)
    assert {"Ctrl+F", "Ctrl+D", "Ctrl+1", "Ctrl+5", "Ctrl+Z"} <= {keys for keys, *_ in found}
    clashes = [
        f"{a[0]}: {name(a[1])!r} and {name(b[1])!r}"
        for a, b in combinations(found, 2)
        if a[0] == b[0] and a[1] is not b[1] and active_together(a, b)
    ]
    assert clashes == []


def test_ctrl_f_in_the_table_goes_to_its_filter(qtbot, window) -> None:
    window.table.table.setFocus()
    qtbot.waitUntil(window.table.table.hasFocus)
    qtbot.keyClick(window.table.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.table.filter_edit.hasFocus()


def test_tab_goes_from_the_picker_to_the_parameters_to_the_views(qtbot, window) -> None:
    tree = window.picker.tree
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    visited = []
    for _ in range(7):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget().objectName())
    # resnet50: input shape (three boxes), classes, variant, Reset, then the views' tabs.
    assert visited[:6] == ["height", "width", "channels", "classes", "variant", "reset_button"]
    assert QApplication.focusWidget() is window.views.tabBar()
