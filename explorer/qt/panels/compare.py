"""Pinned models side by side: totals with differences to the first, and a stage-aligned table.

The pinned models live in the window state; this panel shows them and unpins them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QStringListModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from explorer.core.analysis.summary import ModelSummary
from explorer.core.exports.comparisons import (
    compare_rows,
    glance_lines,
    glance_values,
    render_comparison,
    stage_numeric_columns,
    stage_rows,
)
from explorer.qt.i18n import follow, translate, translated
from explorer.qt.state import WindowState
from explorer.qt.widgets import font_scale
from explorer.qt.widgets.glance_bars import GlanceBars
from explorer.qt.widgets.text_files import save_text
from explorer.qt.widgets.text_table import TextTableView

if TYPE_CHECKING:
    from explorer.qt.panels.compare_charts import CompareCharts

EXPORT_FORMATS = {".md": "markdown", ".csv": "csv", ".json": "json"}
EXPORT_FILTERS = ("Markdown (*.md)", "CSV (*.csv)", "JSON (*.json)")
GLANCE_SIZE = 1.25  # the one-glance line, against the window's text


class ComparePanel(QWidget):
    """Models stay pinned while the current architecture changes; the first is the baseline."""

    def __init__(self, state: WindowState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        state.pinned_changed.connect(self._refresh)
        state.training_changed.connect(self._show_comparison)  # its training memory row
        self.labels = QStringListModel(self)
        self.pinned_view = QListView()
        self.pinned_view.setModel(self.labels)
        self.pinned_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pinned_view.setMinimumHeight(30)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self._remove_selected)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(state.unpin_all)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_markdown)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(lambda: self.export())
        self.totals_table = TextTableView("comparison-totals")
        self.stages_table = TextTableView("comparison-stages")
        self.charts: CompareCharts | None = None  # made when first shown: most sessions never do
        self.stages_note = QLabel()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.glance = QLabel()  # "resnet50 vs resnet34: parameters +17.4 %, ..."
        self.glance.setObjectName("compare_glance")
        self.glance.setWordWrap(True)
        self.glance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._style_glance()
        self.glance_bars = GlanceBars()

        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.clear_button)
        exports = QHBoxLayout()
        exports.addWidget(self.copy_button)
        exports.addWidget(self.export_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.pinned_label = QLabel()
        left_layout.addWidget(self.pinned_label)
        left_layout.addWidget(self.pinned_view, 1)
        left_layout.addLayout(buttons)
        left_layout.addLayout(exports)
        tables = QWidget()
        tables_layout = QVBoxLayout(tables)
        tables_layout.setContentsMargins(6, 6, 6, 0)
        for widget in (
            self.hint,
            self.glance,
            self.glance_bars,
            self.totals_table,
            self.stages_note,
            self.stages_table,
        ):
            tables_layout.addWidget(widget)
        self.tabs = QTabWidget()
        self.tabs.addTab(tables, "")
        self.tabs.addTab(QWidget(), "")
        self.tabs.currentChanged.connect(lambda index: index == 1 and self.show_charts())
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._refresh()
        follow(self, self._retranslate)

    def _retranslate(self) -> None:
        self.pinned_label.setText(translate("Compare", "Pinned models"))
        self.pinned_view.setToolTip(
            translate("Compare", "Pinned models; the first is the baseline of the differences")
        )
        self.remove_button.setText(translate("Compare", "Unpin"))
        self.clear_button.setText(translate("Compare", "Unpin All"))
        self.copy_button.setText(translate("Compare", "Copy as Markdown"))
        self.copy_button.setToolTip(
            translate("Compare", "Both tables as Markdown, for notes and reports")
        )
        self.export_button.setText(translate("Compare", "Export…"))
        self.export_button.setToolTip(
            translate("Compare", "Save the comparison as Markdown, CSV or JSON")
        )
        self.hint.setText(
            translate(
                "Compare",
                "Pin models (Ctrl+D) to compare them: ResNet34 against ResNet50, or "
                "one architecture at two input sizes.",
            )
        )
        self.tabs.setTabText(0, translate("Compare", "Tables"))
        self.tabs.setTabText(1, translate("Compare", "Charts"))
        self._show_comparison()

    def _style_glance(self) -> None:
        glance_font = font_scale.scaled(self.font(), GLANCE_SIZE)
        glance_font.setBold(True)
        self.glance.setFont(glance_font)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._style_glance()

    def show_charts(self) -> CompareCharts:
        """The overlaid charts, made on first use and shown."""
        if self.charts is None:
            from explorer.qt.panels.compare_charts import CompareCharts

            self.charts = CompareCharts()
            self.charts.set_models(*self._labels_and_summaries())
            self.tabs.removeTab(1)
            self.tabs.insertTab(1, self.charts, translate("Compare", "Charts"))
        self.tabs.setCurrentWidget(self.charts)
        return self.charts

    def _labels_and_summaries(self) -> tuple[list[str], list[ModelSummary]]:
        pinned = self._state.pinned()
        labels = [f"{i}. {p.label}" for i, p in enumerate(pinned, start=1)]
        return labels, [p.summary for p in pinned]

    def copy_markdown(self) -> None:
        QGuiApplication.clipboard().setText(self.render("markdown"))

    def render(self, fmt: str) -> str:
        return render_comparison(self._labels_and_summaries()[1], fmt, self._state.training)

    def export(self, path: str | None = None) -> bool:
        """Write the comparison; the format follows the suffix (.md, .csv, .json)."""
        if not self._state.pinned():
            return False
        title = translate("Compare", "Export Comparison")
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, title, "comparison.md", ";;".join(EXPORT_FILTERS)
            )
            if not path:
                return False
        fmt = EXPORT_FORMATS.get(Path(path).suffix.lower())
        if fmt is None:
            message = translate("Compare", "{name}: choose a .md, .csv or .json file name")
            QMessageBox.warning(self, title, message.format(name=Path(path).name))
            return False
        what = translate("Compare", "comparison")
        return save_text(self, title, what, path, self.render(fmt)) is not None

    def _remove_selected(self) -> None:
        self._state.unpin([i.row() for i in self.pinned_view.selectedIndexes()])

    def _refresh(self) -> None:
        labels, summaries = self._labels_and_summaries()
        self.labels.setStringList(labels)
        if self.charts is not None:
            self.charts.set_models(labels, summaries)
        self.hint.setVisible(len(summaries) < 2)
        self.glance.setVisible(len(summaries) >= 2)
        self.glance_bars.setVisible(len(summaries) >= 2)
        self._show_comparison()
        for button in (self.remove_button, self.clear_button, self.copy_button, self.export_button):
            button.setEnabled(bool(summaries))

    def _show_comparison(self) -> None:
        """The glance line and bars, the tables and the note, in the current language."""
        labels, summaries = self._labels_and_summaries()
        names = [pinned.label for pinned in self._state.pinned()]
        self.glance.setText("\n".join(translated(line) for line in glance_lines(names, summaries)))
        glance = glance_values(summaries) if len(summaries) >= 2 else []
        self.glance_bars.set_values(labels, [(translated(name), v) for name, v in glance])
        if summaries:
            headers, rows = compare_rows(summaries, self._state.training)
            rows = [[translated(row[0]), *row[1:]] for row in rows]  # the quantity's name
            self.totals_table.set_table(_translated(headers), rows, set(range(1, len(headers))))
        else:
            self.totals_table.set_table([], [], set())
        staged = stage_rows(summaries) if summaries else None
        if staged is None:
            self.stages_table.set_table([], [], set())
            self.stages_note.setText(
                translate(
                    "Compare",
                    "By stage: only when every pinned model has named stages (the ResNets).",
                )
                if summaries
                else ""
            )
        else:
            headers, rows = staged
            numeric = stage_numeric_columns(headers)  # read from the English headers
            self.stages_table.set_table(_translated(headers), rows, numeric)
            self.stages_note.setText(translate("Compare", "By stage:"))


def _translated(headers: list[str]) -> list[str]:
    return [translated(header) for header in headers]
