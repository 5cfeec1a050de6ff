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

# The same shape text as the copied report, so what is seen and what is pasted agree.
from explorer.core.exports.weights_reports import report_text, shapes_text
from explorer.core.weights.compatibility import CompatibilityReport, ReportRow, Status
from explorer.qt.i18n import follow, translate, translated

_Index = QModelIndex | QPersistentModelIndex
_STATUS = 1
_GOOD, _BAD, _WARN = QColor("#2e7d32"), QColor("#c62828"), QColor("#ef6c00")
_STATUS_COLOURS = {
    Status.MATCHED: _GOOD,
    Status.SHAPE_MISMATCH: _BAD,
    Status.MISSING: _WARN,
    Status.EXTRA: _WARN,
}


def columns() -> tuple[tuple[str, str | None], ...]:
    """Each column's title and header tooltip, in the current language."""
    return (
        (translate("WeightsReport", "Layer"), None),
        (translate("WeightsReport", "Status"), None),
        (
            translate("WeightsReport", "Model expects"),
            translate(
                "WeightsReport",
                "One shape per weight array (kernel, bias, ...) the model's layer holds",
            ),
        ),
        (
            translate("WeightsReport", "File has"),
            translate(
                "WeightsReport", "One shape per weight array stored in the file for this layer"
            ),
        ),
        (
            translate("WeightsReport", "File layer"),
            translate(
                "WeightsReport",
                "Legacy .h5 files are paired by position, so this name may differ from Layer",
            ),
        ),
    )


def status_text(status: Status) -> str:
    """A status's name in the current language (the core's English in the copied report)."""
    return translated(status.label)


class ReportTableModel(QAbstractTableModel):
    """One row per layer of a CompatibilityReport; the report stays the only source of values."""

    COLUMN_COUNT = 5  # layer, status, what the model expects, what the file has, file layer
    SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # statuses sort worst first
    STATUS_ROLE = int(Qt.ItemDataRole.UserRole) + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[ReportRow, ...] = ()
        self._display: list[tuple[str, ...]] = []  # the status column is made when shown
        follow(self, self._retranslate)

    def set_report(self, report: CompatibilityReport | None) -> None:
        self.beginResetModel()
        self._rows = report.rows if report is not None else ()
        self._display = [
            (r.layer, r.status.label, shapes_text(r.expected), shapes_text(r.found), r.file_layer)
            for r in self._rows
        ]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        title, tip = columns()[section]
        return title if role == Qt.ItemDataRole.DisplayRole else tip

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == _STATUS:
                return status_text(row.status)
            return self._display[index.row()][column]
        if role == self.SORT_ROLE:
            if column == _STATUS:
                return row.status.severity
            return self._display[index.row()][column]
        if role == self.STATUS_ROLE:
            return row.status
        if column == _STATUS and role == Qt.ItemDataRole.ForegroundRole:
            return _STATUS_COLOURS[row.status]
        if column == _STATUS and role == Qt.ItemDataRole.ToolTipRole:
            return f"{status_text(row.status)}: {translated(row.status.explanation)}"
        return None

    def _retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMN_COUNT - 1)
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, _STATUS), self.index(last, _STATUS))


class ReportFilterProxy(QSortFilterProxyModel):
    """Sorts statuses worst first and can hide the matched layers, so the problems stand out."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems_only = False
        self.setSortRole(ReportTableModel.SORT_ROLE)

    def set_problems_only(self, problems_only: bool) -> None:
        self.beginFilterChange()
        self._problems_only = problems_only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        if not self._problems_only:
            return True
        index = self.sourceModel().index(source_row, _STATUS, source_parent)
        return index.data(ReportTableModel.STATUS_ROLE) != Status.MATCHED


class CompatibilityDialog(QDialog):
    """Shows a compatibility report before anything is loaded; Load is offered only when the
    file fits. It loads nothing itself: ``exec()`` returns Accepted when the user chose Load."""

    def __init__(
        self, report: CompatibilityReport, architecture_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.report = report
        self._architecture = architecture_text
        self.resize(820, 480)
        colour = _GOOD if report.loads_fully else _BAD
        self.verdict = QLabel()
        self.verdict.setStyleSheet(f"font-weight: bold; color: {colour.name()};")
        self.verdict.setToolTip(report.path)
        self.verdict.setWordWrap(True)
        self.counts = QLabel()
        self.problems_only = QCheckBox()

        self.model = ReportTableModel(self)
        self.model.set_report(report)
        self.proxy = ReportFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        # Unsorted until a header is clicked: the report's order is the model's layer order.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()  # before filtering, so every row is measured
        self.problems_only.toggled.connect(self.proxy.set_problems_only)
        self.problems_only.setChecked(not report.loads_fully)

        self.load_button = QPushButton()
        self.load_button.setEnabled(report.loads_fully)
        self.copy_button = QPushButton()
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.load_button, QDialogButtonBox.ButtonRole.AcceptRole)
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
        follow(self, self._retranslate)

    def _retranslate(self) -> None:
        report = self.report
        name = Path(report.path).name
        architecture = self._architecture or translate("WeightsReport", "the current architecture")
        self.setWindowTitle(
            translate("WeightsReport", "Weights Compatibility — {name}").format(name=name)
        )
        if report.loads_fully:
            verdict = translate("WeightsReport", "✔ {name} fits {architecture} completely")
            load_tip = translate(
                "WeightsReport",
                "Load into a fresh model; the model on screen is replaced only if this succeeds",
            )
        else:
            verdict = translate(
                "WeightsReport", "✘ {name} does not fit {architecture} — nothing will be loaded"
            )
            load_tip = translate(
                "WeightsReport", "Not offered: the file does not fit this architecture"
            )
        self.verdict.setText(verdict.format(name=name, architecture=architecture))
        self.counts.setText(" · ".join(f"{n} {status_text(s)}" for s, n in report.counts().items()))
        self.problems_only.setText(translate("WeightsReport", "Show only layers that do not match"))
        self.load_button.setText(translate("WeightsReport", "Load Weights"))
        self.load_button.setToolTip(load_tip)
        self.copy_button.setText(translate("WeightsReport", "Copy Report"))
        self.copy_button.setToolTip(
            translate("WeightsReport", "Copy the verdict and the layers that do not match as text")
        )

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(report_text(self.report))
