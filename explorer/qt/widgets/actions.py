"""QActions made one way: shortcut named in the tooltip, a slot that takes no arguments."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget


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
