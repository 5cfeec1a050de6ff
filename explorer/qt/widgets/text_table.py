"""Read-only tables of ready-made text cells (comparison, stages, sweep results), each with Copy
(tab-separated, for spreadsheets), Copy as Markdown and Export Table… (.csv or .md)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QMessageBox, QTableView, QWidget

from explorer.core.exports.tables import csv_table, markdown_table, tsv_table
from explorer.qt.i18n import translate
from explorer.qt.widgets.actions import Words, make_action
from explorer.qt.widgets.text_files import save_text

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
TABLE_FILTERS = "CSV (*.csv);;Markdown (*.md)"


class TextTableModel(QAbstractTableModel):
    """A table of text cells; ``right`` names the columns of numbers."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.rows: list[list[str]] = []
        self.right: set[int] = set()

    def set_table(self, headers: list[str], rows: list[list[str]], right: set[int]) -> None:
        self.beginResetModel()
        self.headers, self.rows, self.right = headers, rows, right
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if index.column() in self.right else _LEFT
        return None

    def markdown(self) -> str:
        return "\n".join(markdown_table(self.headers, self.rows, self.right)) + "\n"


class TextTableView(QTableView):
    """Ctrl+C copies the selected rows (all rows when none is selected) as tab-separated text;
    the right-click menu also copies Markdown and exports the table. ``name`` is the file name
    the export dialog offers."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.table = TextTableModel(self)
        self.setModel(self.table)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.setMinimumHeight(30)  # the panels share a dock area with the short totals strip
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.copy_action = self._action(
            lambda: translate("TextTable", "Copy"), self.copy, QKeySequence.StandardKey.Copy
        )
        self._action(lambda: translate("TextTable", "Copy as Markdown"), self.copy_markdown)
        self._action(lambda: translate("TextTable", "Export Table…"), self.export)

    def _action(
        self,
        text: Words,
        slot: Callable[[], object],
        keys: QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = make_action(self, text, slot, keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.addAction(action)
        return action

    def set_table(self, headers: list[str], rows: list[list[str]], right: set[int]) -> None:
        self.table.set_table(headers, rows, right)
        self.resizeColumnsToContents()

    def selected_tsv(self) -> str:
        """The selected rows, or every row when none is selected, with the header line."""
        chosen = sorted({index.row() for index in self.selectionModel().selectedRows()})
        rows = [self.table.rows[r] for r in chosen] if chosen else self.table.rows
        return tsv_table(self.table.headers, rows) if self.table.headers else ""

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.selected_tsv())

    def copy_markdown(self) -> None:
        QGuiApplication.clipboard().setText(self.table.markdown())

    def export(self, path: str | None = None) -> bool:
        """Write the whole table as CSV or Markdown, chosen by the file name's suffix."""
        if not self.table.headers:
            return False
        title = translate("TextTable", "Export Table")
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, title, f"{self.name}.csv", TABLE_FILTERS)
            if not path:
                return False
        suffix = Path(path).suffix.lower()
        if suffix == ".csv":
            text = csv_table(self.table.headers, self.table.rows)
        elif suffix == ".md":
            text = self.table.markdown()
        else:
            QMessageBox.warning(
                self,
                title,
                translate("TextTable", "{name}: choose a .csv or .md file name").format(
                    name=Path(path).name
                ),
            )
            return False
        return save_text(self, title, translate("TextTable", "table"), path, text) is not None
