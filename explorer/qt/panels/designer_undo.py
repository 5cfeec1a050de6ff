"""The designer's undo steps: each a pair of design snapshots, and the keys that reach them from
a focused field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand

from explorer.core.sources.designs.model import Design
from explorer.qt.i18n import translate

Shown = tuple[Design, int]  # a design and the row selected in it


class DesignUndoKeys(QObject):
    """Keeps a focused field from claiming the undo and redo keys (a line edit and a spin box
    take them for their own text), so the window's Undo and Redo act on the design."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            keys = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
            if any(event.matches(key) for key in keys):
                event.ignore()  # not claimed: the shortcut runs
                return True
        return False


class Edit(QUndoCommand):
    """One change: the designs before and after, and the row selected in each, shown by
    ``show``; ``words`` name the change in the current language."""

    def __init__(
        self,
        show: Callable[[Design, int], None],
        before: Shown,
        after: Shown,
        words: Callable[[], str],
        merge_key: tuple[object, ...] | None = None,
    ) -> None:
        super().__init__(words())
        self.show, self.before, self.after, self.merge_key = show, before, after, merge_key
        self.words = words

    def redo(self) -> None:
        self.show(*self.after)

    def undo(self) -> None:
        self.show(*self.before)

    def id(self) -> int:
        return 1 if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        """Steps of one spin box on one layer undo together."""
        if not isinstance(other, Edit) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True


def moved_words(name: str) -> Callable[[], str]:
    return lambda: translate("Designer", "Move {name}").format(name=name)
