"""QActions made one way: shortcut named in the tooltip, a slot that takes no arguments, texts
that follow the language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from explorer.qt.i18n import follow

Words = Callable[[], str]  # a text made in the current language: lambda: translate(ctx, "...")


def make_action(
    parent: QObject,
    text: Words,
    slot: Callable[[], object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    tip: Words | None = None,
    icon: QStyle.StandardPixmap | None = None,
) -> QAction:
    """An action with its shortcut named in the tooltip; ``slot`` gets no arguments."""
    action = QAction(parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if icon is not None and isinstance(parent, QWidget):
        action.setIcon(parent.style().standardIcon(icon))
    action.triggered.connect(lambda _checked=False: slot())
    follow(action, lambda: set_action_texts(action, text(), tip() if tip else ""))
    return action


def set_action_texts(action: QAction, text: str, tip: str = "") -> None:
    """Sets an action's text, status tip and tooltip (the tip or the text, with its keys)."""
    action.setText(text)
    action.setStatusTip(tip)
    keys = action.shortcut().toString()
    action.setToolTip(f"{tip or text.replace('&', '')}{f' ({keys})' if keys else ''}")
