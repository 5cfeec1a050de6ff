"""File → Open Recent: the last files opened, kept in the settings, newest first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QMenu, QWidget

from explorer.qt.i18n import follow, translate

RECENT_KEY = "files/recent"
RECENT_MAX = 8


class RecentFiles(QObject):
    """The list and its menu; choosing an entry emits ``chosen`` with its path."""

    chosen = Signal(str)

    def __init__(self, settings: QSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self._settings = settings
        self.menu = QMenu(parent)
        follow(self.menu, lambda: self.menu.setTitle(translate("Recent", "Open &Recent")))
        self._rebuild_menu()

    def paths(self) -> list[str]:
        value = self._settings.value(RECENT_KEY, [])
        return [value] if isinstance(value, str) else list(value or [])

    def add(self, path: str) -> None:
        path = str(Path(path).resolve())
        entries = [path, *(p for p in self.paths() if p != path)][:RECENT_MAX]
        self._settings.setValue(RECENT_KEY, entries)
        self._rebuild_menu()

    def forget(self, path: str) -> None:
        resolved = str(Path(path).resolve())
        self._settings.setValue(RECENT_KEY, [p for p in self.paths() if p != resolved])
        self._rebuild_menu()

    def _rebuild_menu(self) -> None:
        self.menu.clear()
        for index, path in enumerate(self.paths(), start=1):
            action = self.menu.addAction(f"&{index} {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.chosen.emit(p))
        self.menu.setEnabled(bool(self.paths()))
