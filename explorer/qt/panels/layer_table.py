"""The layer table: one row per layer of a ModelSummary, sortable, filterable and copyable (its
model, cells and tool tips: ``layer_table_model``)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from explorer.core.analysis.explain import explain
from explorer.core.analysis.summary import ModelSummary
from explorer.core.exports.tables import tsv_table
from explorer.qt.i18n import follow, translate, translated
from explorer.qt.panels.layer_table_model import (
    CONNECTED,
    FIELD,
    NAME,
    NUMERIC,
    SHAPE,
    TYPE,
    LayerTableModel,
    details_hint,
)
from explorer.qt.widgets.actions import Words, make_action

_Index = QModelIndex | QPersistentModelIndex
_NAME_MAX_WIDTH = 320
# On narrow screens these columns give up width, in this order, down to this share of it.
_SHRINK_ORDER = (
    *((column, None) for column in sorted(NUMERIC)),  # None: down to their numbers
    (FIELD, 0.45),
    (TYPE, 0.55),
    (SHAPE, 0.65),
    (NAME, 0.5),
)
_TITLE_ROOM = 24  # beside a title: the sort arrow and the margins
_LAST_COLUMN_MIN = 100  # "Connected to" keeps this much in view
_MEASURED = 8  # the longest texts by length are measured; pixel widths follow length closely


class _ElidingDelegate(QStyledItemDelegate):
    """Text cut where it says least: a name in the middle ("conv4_bl…2_conv"), a shape at its
    start ("…, 14, 14, 256)"), anything else at its end."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.textElideMode = _ELIDE.get(index.column(), Qt.TextElideMode.ElideRight)


_ELIDE = {
    NAME: Qt.TextElideMode.ElideMiddle,
    SHAPE: Qt.TextElideMode.ElideLeft,
    CONNECTED: Qt.TextElideMode.ElideMiddle,
}


class LayerFilterProxy(QSortFilterProxyModel):
    """Sorts by raw values and keeps the layers whose name, type or path contain the text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(LayerTableModel.SORT_ROLE)
        self._words: list[str] = []

    def set_filter_text(self, text: str) -> None:
        """Keep the layers where every word starts a word of the name, type or path: "add"
        finds the Add layers and ``conv2_block1_add``, not ZeroPadding2D."""
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self._words = text.lower().split()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = text.lower().split()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:  # noqa: N802 - Qt's name
        if not self._words:
            return True
        model = self.sourceModel()
        assert isinstance(model, LayerTableModel)
        words = model.words(row)
        return all(any(word.startswith(typed) for word in words) for typed in self._words)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted by # ascending is the model's own order: keep the source's order then,
        instead of sorting every row again on each new model (ResNet152: 25 ms -> 5 ms)."""
        if column == 0 and order == Qt.SortOrder.AscendingOrder:
            column = -1
        super().sort(column, order)


class LayerTableView(QWidget):
    """A filter box above a sortable table; Ctrl+C copies the selection as tab-separated text."""

    layer_chosen = Signal(object)  # the summary row of the current table row, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LayerTableModel(self)
        self._wanted_widths: list[int] = []  # each column's width for its longest text
        self._content_widths: list[int] = []  # the same without the title
        self.proxy = LayerFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_filter_text)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.viewport().installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setItemDelegate(_ElidingDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setHighlightSections(False)
        # Before sorting is enabled, or the header's default would show the model upside down.
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        # Uniform row heights: no per-row measuring, which big models would pay for on scroll.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._size_rows()

        self._add_action(
            self.table,
            lambda: translate("LayerTable", "Copy"),
            QKeySequence.StandardKey.Copy,
            self.copy_selection,
        )
        self._add_action(
            self.table,
            lambda: translate("LayerTable", "Select all"),
            QKeySequence.StandardKey.SelectAll,
            self.table.selectAll,
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        # How the selected layer's numbers are computed, with its own values.
        self.details = QLabel()
        self.details.setObjectName("layer_details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.details)
        self._details_row: int | None = None
        follow(self, self._retranslate)

    def _retranslate(self) -> None:
        """The model has retranslated its titles (it follows the language first): the widths
        follow them, and the detail line is made again."""
        self.filter_edit.setPlaceholderText(
            translate("LayerTable", "Filter layers by name or type (Ctrl+F)")
        )
        self.show_details(self._details_row)
        self._fit_columns()

    def _add_action(
        self,
        widget: QWidget,
        text: Words,
        keys: QKeySequence.StandardKey,
        slot: Callable[[], None],
    ) -> None:
        action = make_action(widget, text, slot, keys)
        # Only while focus is inside ``widget``, so the filter box keeps its own Ctrl+C.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        widget.addAction(action)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        source = self.proxy.mapToSource(current)
        self.show_details(source.row() if source.isValid() else None)
        self.layer_chosen.emit(source.row() if source.isValid() else None)

    def show_details(self, row: int | None) -> None:
        """The detail line under the table: how row ``row``'s numbers come about."""
        summary = self.model.summary()
        if row is None or summary is None or not 0 <= row < len(summary.layers):
            self._details_row = None
            self.details.setText(details_hint())
            return
        self._details_row = row
        layer = summary.layers[row]
        lines = explain(summary, row)
        self.details.setText(
            f"<b>{escape(layer.name)}</b> ({escape(layer.type)}): "
            + " · ".join(escape(translated(line)) for line in lines)
        )

    def select_row(self, row: int | None) -> None:
        """Select summary row ``row`` (if the filter shows it) and scroll to it."""
        self.show_details(row)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def set_summary(self, summary: ModelSummary | None) -> None:
        self.model.set_summary(summary)
        self._fit_columns()
        self.show_details(None)

    def _fit_columns(self) -> None:
        """Widths from the longest texts, measured once per model: Qt's resizeColumnToContents
        asks the model for every cell (over 100 ms for ResNet152's 516 rows, a visible stall)."""
        rows = self.model.display_rows()
        if not rows:
            return
        plain, bold = self.table.fontMetrics(), QFontMetrics(self.model.bold_font())
        summary = self.model.summary()
        containers = [row.name for row in summary.layers if row.is_container] if summary else []
        header = self.table.horizontalHeader()
        padding = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        self._wanted_widths, self._content_widths = [], []
        for column in range(self.model.columnCount() - 1):
            longest = sorted((row[column] for row in rows), key=len)[-_MEASURED:]
            text_width = max(plain.horizontalAdvance(text) for text in longest)
            if column == NAME and containers:  # a nested model's row is in bold
                text_width = max(text_width, *(bold.horizontalAdvance(n) for n in containers))
            title = self.model.titles()[column]
            header_width = header.fontMetrics().horizontalAdvance(title) + _TITLE_ROOM
            width = max(text_width + padding, header_width)
            self._content_widths.append(text_width + padding)
            self._wanted_widths.append(min(width, _NAME_MAX_WIDTH) if column == NAME else width)
        self._apply_widths()

    def _apply_widths(self) -> None:
        """Every column in view: on a narrow screen the columns of ``_SHRINK_ORDER`` give up
        width, in that order and down to a floor (their text is elided, the tool tip has it
        whole), before any column is pushed out of view."""
        widths = list(self._wanted_widths)
        if not widths:
            return
        short = sum(widths) + _LAST_COLUMN_MIN - self.table.viewport().width()
        header = self.table.horizontalHeader().fontMetrics()
        for column, floor in _SHRINK_ORDER:
            # Never below the title's longest word: the title may take two lines, not be cut.
            # Numbers (no floor) keep every digit: only a title wider than them gives way.
            word = max(header.horizontalAdvance(w) for w in self.model.titles()[column].split())
            share = self._content_widths[column] if floor is None else round(widths[column] * floor)
            least = min(widths[column], max(share, word + 16))
            give = min(max(short, 0), widths[column] - least)
            widths[column] -= give
            short -= give
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        self.model.wrap_titles(
            {
                column
                for column, width in enumerate(widths)
                if header.horizontalAdvance(self.model.titles()[column]) + _TITLE_ROOM > width
                and " " in self.model.titles()[column]
            }
        )

    def _size_rows(self) -> None:
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """The window's text size changed: rows, the bold font and the widths follow."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.model.follow_font()
            self._size_rows()
            self._fit_columns()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """The table's viewport resized (the window, the side panel, a scroll bar that came or
        went): the columns share its new width."""
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._apply_widths()
        return super().eventFilter(watched, event)

    def selection_as_tsv(self) -> str:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        if not rows:
            return ""
        cells = []
        for proxy_row in rows:
            source_row = self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row()
            cells.append(
                [
                    str(self.model.data(self.model.index(source_row, c), LayerTableModel.TEXT_ROLE))
                    for c in range(self.model.columnCount())
                ]
            )
        return tsv_table(self.model.titles(), cells)

    def copy_selection(self) -> None:
        QGuiApplication.clipboard().setText(self.selection_as_tsv())

    def visible_row_count(self) -> int:
        return self.proxy.rowCount()

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()
