"""The compatibility report, shown before anything is loaded; Load is offered only if all fits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from explorer.core.export import report_text
from explorer.core.weights import CompatibilityReport, ReportRow

_Index = QModelIndex | QPersistentModelIndex
STATUSES = ("matched", "shape mismatch", "missing", "extra")
_STATUS_TIPS = {
    "matched": "The file has arrays of exactly the shapes this layer needs",
    "shape mismatch": "Both have the layer, but the arrays' shapes differ",
    "missing": "The model has this layer, the file does not",
    "extra": "The file has weights the model has no place for",
}
_GOOD, _BAD = QColor("#2e7d32"), QColor("#c62828")


def _shapes(shapes: tuple[tuple[int, ...], ...]) -> str:
    return ", ".join(str(tuple(shape)) for shape in shapes) or "-"


class ReportTableModel(QAbstractTableModel):
    COLUMNS = ("Layer", "Status", "Model expects", "File has", "File layer")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[ReportRow, ...] = ()

    def set_report(self, report: CompatibilityReport | None) -> None:
        self.beginResetModel()
        self._rows = report.rows if report is not None else ()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.layer,
                row.status,
                _shapes(row.expected),
                _shapes(row.found),
                row.file_layer,
            )[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return _GOOD if row.status == "matched" else _BAD
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return _STATUS_TIPS[row.status]
        if role == Qt.ItemDataRole.UserRole:
            return row.status
        return None


class ReportFilterProxy(QSortFilterProxyModel):
    """Optionally hides the matched layers, so the problems stand out."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems_only = False

    def set_problems_only(self, problems_only: bool) -> None:
        self.beginFilterChange()
        self._problems_only = problems_only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:  # noqa: N802 - Qt's name
        if not self._problems_only:
            return True
        status = self.sourceModel().index(row, 1, parent).data(Qt.ItemDataRole.UserRole)
        return status != "matched"


class CompatibilityDialog(QDialog):
    """``exec()`` returns Accepted only when the user chose Load, which needs a fitting file."""

    def __init__(
        self, report: CompatibilityReport, architecture_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.report = report
        name = Path(report.path).name
        self.setWindowTitle(f"Weights Compatibility — {name}")
        self.resize(820, 480)
        if report.loads_fully:
            text, colour = f"✔ {name} fits {architecture_text} completely", _GOOD
        else:
            text = f"✘ {name} does not fit {architecture_text} — nothing will be loaded"
            colour = _BAD
        self.verdict = QLabel(text)
        self.verdict.setStyleSheet(f"font-weight: bold; color: {colour.name()};")
        self.verdict.setToolTip(report.path)
        self.verdict.setWordWrap(True)
        self.counts = QLabel(" · ".join(f"{report.count(s)} {s}" for s in STATUSES))
        self.problems_only = QCheckBox("Show only layers that do not match")

        self.model = ReportTableModel(self)
        self.model.set_report(report)
        self.proxy = ReportFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        # Unsorted until a header is clicked: the report's own order follows the model's layers.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems_only.toggled.connect(self.proxy.set_problems_only)
        self.problems_only.setChecked(not report.loads_fully)
        self.table.resizeColumnsToContents()

        self.buttons = QDialogButtonBox()
        self.load_button = QPushButton("Load Weights")
        self.load_button.setEnabled(report.loads_fully)
        self.load_button.setToolTip(
            "Load into a fresh model; the model on screen is replaced only if this succeeds"
            if report.loads_fully
            else "Loading is not offered: the file does not fit this architecture"
        )
        self.buttons.addButton(self.load_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button = QPushButton("Copy Report")
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = self.buttons.addButton(
            QDialogButtonBox.StandardButton.Cancel
            if report.loads_fully
            else QDialogButtonBox.StandardButton.Close
        )
        self.load_button.setDefault(report.loads_fully)
        close.setDefault(not report.loads_fully)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_report)

        layout = QVBoxLayout(self)
        for widget in (self.verdict, self.counts, self.problems_only, self.table, self.buttons):
            layout.addWidget(widget)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(report_text(self.report))
