"""The layer table: one row per layer of a ModelSummary, sortable, filterable and copyable."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from typing import TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
    QPalette,
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

from explorer.core.analysis.cost import NOT_COUNTED
from explorer.core.analysis.explain import explain
from explorer.core.analysis.receptive import ReceptiveField, receptive_fields
from explorer.core.analysis.summary import LayerRow, ModelSummary
from explorer.core.base.units import activation_bytes, binary_and_decimal
from explorer.core.exports.summaries import output_shape_text
from explorer.core.exports.tables import tsv_table
from explorer.qt.i18n import follow, translate, translated
from explorer.qt.widgets.actions import Words, make_action

_Index = QModelIndex | QPersistentModelIndex
_Cell = TypeVar("_Cell", bound=int | str)
_INDENT = "    "  # per nesting level; a flat table has no tree lines, so spaces show the depth
_NAME, _TYPE, _SHAPE, _MACS, _FIELD, _CONNECTED = 1, 2, 3, 6, 7, 8
_NUMERIC = frozenset({0, 4, 5, 6})
_EXPLAINED = frozenset({_SHAPE, 4, 5, _MACS})  # their tooltips show the layer's formulas
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_NAME_MAX_WIDTH = 320
# On narrow screens these columns give up width, in this order, down to this share of it.
_SHRINK_ORDER = (
    *((column, None) for column in sorted(_NUMERIC)),  # None: down to their numbers
    (_FIELD, 0.45),
    (_TYPE, 0.55),
    (_SHAPE, 0.65),
    (_NAME, 0.5),
)
_TITLE_ROOM = 24  # beside a title: the sort arrow and the margins
_LAST_COLUMN_MIN = 100  # "Connected to" keeps this much in view
_MEASURED = 8  # the longest texts by length are measured; pixel widths follow length closely


def details_hint() -> str:
    """The detail line while no layer is selected, in the current language."""
    return translate(
        "LayerTable", "Select a layer to see how its parameters, MACs and output size are computed."
    )


DETAILS_HINT = details_hint()  # in English: no translator is installed while modules load


def column_titles() -> tuple[str, ...]:
    """The column titles in the current language."""
    return (
        translate("LayerTable", "#"),
        translate("LayerTable", "Name"),
        translate("LayerTable", "Type"),
        translate("LayerTable", "Output shape"),
        translate("LayerTable", "Params"),
        translate("LayerTable", "Trainable"),
        translate("LayerTable", "MACs"),
        translate("LayerTable", "Receptive field"),
        translate("LayerTable", "Connected to"),
    )


def _header_tips() -> tuple[str | None, ...]:
    """Each column's header tool tip in the current language, None where the title says it."""
    return (
        translate("LayerTable", "Position of the layer in the model, in the order Keras calls it"),
        None,
        None,
        translate(
            "LayerTable",
            "None is the batch dimension; a layer with several outputs lists each shape",
        ),
        translate("LayerTable", "All weights of the layer, trainable or not"),
        translate(
            "LayerTable",
            "Weights updated by training; the rest (e.g. BatchNormalization's moving mean and "
            "variance) are only updated by statistics or kept frozen",
        ),
        translate("LayerTable", "Multiply-accumulates for one sample; FLOPs ≈ 2 × MACs"),
        translate(
            "LayerTable",
            "How many input pixels each output sees, and how far apart neighbouring outputs are "
            "in input pixels: 11 /4 is an 11×11 window, outputs 4 pixels apart. Where paths meet, "
            "the largest over all paths. whole: every output sees the whole input",
        ),
        translate("LayerTable", "The layers whose outputs feed this one"),
    )


def _raw_cells(index: int, row: LayerRow, field: ReceptiveField | None) -> tuple[int | str, ...]:
    """Column values before formatting: ints for numbers, so sorting and copying stay exact."""
    return (
        index,
        row.name,
        row.type,
        translated(output_shape_text(row)),
        row.params,
        row.trainable_params,
        macs_cell(row.macs),
        field_text(field),
        ", ".join(row.inbound),
    )


def macs_cell(macs: int | None) -> int | str:
    """The MACs, or "not counted" (never 0) for a layer whose cost has no formula here."""
    return str(translated(NOT_COUNTED)) if macs is None else macs


def field_text(field: ReceptiveField | None) -> str:
    """The receptive field in short: "11 /4" (11 input pixels seen, outputs 4 apart)."""
    if field is None:
        return translate("LayerTable", "unknown")
    if field.size is None:
        return translate("LayerTable", "whole")
    return field.text().replace(", stride ", " /")


def field_tooltip(row: LayerRow, field: ReceptiveField | None) -> str:
    if field is None:
        return translate(
            "LayerTable",
            "Not known: {type} (or a layer before it) moves positions in a way this "
            "program does not work out",
        ).format(type=row.type)
    if field.size is None:
        return translate(
            "LayerTable", "Every output sees the whole input (after Flatten or global pooling)"
        )
    size = "×".join(map(str, field.size))
    jump = "×".join(map(str, field.jump)) if len(set(field.jump)) > 1 else str(field.jump[0])
    if jump == "1":
        text = translate(
            "LayerTable",
            "Each output of {name} sees {size} input pixels; neighbouring outputs are {jump} "
            "pixel apart. Where paths meet, the largest over all paths.",
        )
    else:
        text = translate(
            "LayerTable",
            "Each output of {name} sees {size} input pixels; neighbouring outputs are {jump} "
            "pixels apart. Where paths meet, the largest over all paths.",
        )
    return text.format(name=row.name, size=size, jump=jump)


def _field_order(field: ReceptiveField | None) -> int:
    """Sorting by receptive field: unknown first, then by size, the whole input last."""
    if field is None:
        return -1
    return 1 << 40 if field.size is None else max(field.size)


class LayerTableModel(QAbstractTableModel):
    """Shows a ModelSummary's layers; the summary itself stays the only source of the values."""

    SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # raw values: ints for numbers
    TEXT_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # as displayed, minus separators and indent

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._summary: ModelSummary | None = None
        # Cells computed once per summary: data() is called for every visible cell on every
        # paint and for every row when sorting, so it must only look values up.
        self._raw: list[tuple[int | str, ...]] = []
        self._words: list[tuple[str, ...]] | None = None  # made when the filter is first used
        self._fields: list[ReceptiveField | None] = []
        self._display: list[tuple[str, ...]] = []
        self._bold = QFont()
        self._titles = column_titles()
        self._tips = _header_tips()
        self._wrapped: set[int] = set()  # columns whose titles take two lines
        self.follow_font()
        follow(self, self._retranslate)

    def _retranslate(self) -> None:
        """Titles, tips and the receptive field's words ("whole") in the current language."""
        self._titles, self._tips = column_titles(), _header_tips()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._titles) - 1)
        if not self._raw:
            return
        layers = self._summary.layers if self._summary is not None else ()
        for i, (field, row) in enumerate(zip(self._fields, layers, strict=True)):
            words = [(_FIELD, field_text(field))]
            if row.part_of:  # "(None, 32) per step"
                words.append((_SHAPE, translated(output_shape_text(row))))
            if row.macs is None:
                words.append((_MACS, macs_cell(row.macs)))
            for column, text in words:
                self._raw[i] = _with_cell(self._raw[i], column, text)
                self._display[i] = _with_cell(self._display[i], column, text)
        self.dataChanged.emit(
            self.index(0, _SHAPE),
            self.index(len(self._raw) - 1, _FIELD),
            [Qt.ItemDataRole.DisplayRole],
        )

    def titles(self) -> tuple[str, ...]:
        """The column titles as shown now."""
        return self._titles

    def wrap_titles(self, columns: set[int]) -> None:
        """Show these columns' titles on two lines ("Receptive / field"): a narrow column
        keeps its whole title in a taller header rather than an elided one."""
        if columns != self._wrapped:
            self._wrapped = columns
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._titles) - 1)

    def set_summary(self, summary: ModelSummary | None) -> None:
        self.beginResetModel()
        self._summary = summary
        layers = summary.layers if summary is not None else ()
        fields = receptive_fields(summary) if summary is not None else {}
        self._fields = [fields.get(row.path) for row in layers]
        self._raw = [
            _raw_cells(i, row, field)
            for i, (row, field) in enumerate(zip(layers, self._fields, strict=True), start=1)
        ]
        self._words = None
        self._display = [
            tuple(
                _INDENT * row.depth + row.name
                if column == _NAME
                else (f"{raw:,}" if isinstance(raw, int) else raw)
                for column, raw in enumerate(cells)
            )
            for cells, row in zip(self._raw, layers, strict=True)
        ]
        self.endResetModel()

    def follow_font(self) -> None:
        """The bold font of nested models' rows, at the window's text size."""
        self._bold = QFont(QGuiApplication.font())
        self._bold.setBold(True)
        self._italic = QFont(QGuiApplication.font())  # "not counted"
        self._italic.setItalic(True)
        self._faint = QColor(QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText))

    def words(self, row: int) -> tuple[str, ...]:
        """What the filter matches: the name, type and path, whole and split into words (for
        every row at the filter's first use, not on each new model: 3.5 ms for ResNet152)."""
        if self._words is None:
            layers = self._summary.layers if self._summary is not None else ()
            self._words = [filter_words(r.name, r.type, r.path) for r in layers]
        return self._words[row]

    def display_rows(self) -> list[tuple[str, ...]]:
        """Every row as displayed, for sizing columns without a call per cell."""
        return self._display

    def summary(self) -> ModelSummary | None:
        return self._summary

    def bold_font(self) -> QFont:
        return self._bold

    def row(self, index: int) -> LayerRow:
        if self._summary is None:
            raise IndexError("no summary is shown")
        return self._summary.layers[index]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        if parent.isValid() or self._summary is None:
            return 0
        return len(self._summary.layers)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(self._titles)

    def headerData(  # noqa: N802 - Qt's name
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._titles):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            title = self._titles[section]
            return title.replace(" ", "\n", 1) if section in self._wrapped else title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in _NUMERIC else _LEFT
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self._summary is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display[index.row()][column]
        row = self._summary.layers[index.row()]
        raw = self._raw[index.row()][column]
        if role == self.SORT_ROLE:
            if column == _NAME:
                return row.path or row.name  # keeps a nested model's layers under it
            if column == _SHAPE:
                return row.activation_elements
            if column == _FIELD:
                return _field_order(self._fields[index.row()])
            if column == _MACS and row.macs is None:
                return -1  # before every counted layer
            return raw
        if role == self.TEXT_ROLE:
            return str(raw)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in _NUMERIC else _LEFT
        if role == Qt.ItemDataRole.FontRole:
            if column == _MACS and row.macs is None:
                return self._italic
            return self._bold if row.is_container else None
        if role == Qt.ItemDataRole.ForegroundRole and column == _MACS and row.macs is None:
            return self._faint
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == _FIELD:
                return field_tooltip(row, self._fields[index.row()])
            tip = self._tooltip(row, column)
            if column in _EXPLAINED:  # how the number comes about, with the layer's values
                lines = explain(self._summary, index.row())
                how = "\n".join(translated(line) for line in lines)
                return f"{tip}\n{how}" if tip else how
            return tip
        return None

    @staticmethod
    def _tooltip(row: LayerRow, column: int) -> str | None:
        if column == _NAME:
            if row.part_of:
                text = translate("LayerTable", "{path}\n{type}: one step of {layer}")
                return text.format(path=row.path, type=row.type, layer=row.part_of)
            if row.is_container:
                text = translate("LayerTable", "{path}\n{type} nested model")
            else:
                text = translate("LayerTable", "{path}\n{type} layer")
            return text.format(path=row.path or row.name, type=row.type)
        if column == _SHAPE:
            n_bytes = activation_bytes(row.activation_elements)
            return translate(
                "LayerTable", "{count} activation elements per sample, {size} at float32"
            ).format(count=f"{row.activation_elements:,}", size=binary_and_decimal(n_bytes))
        if column == _TYPE:  # elided on narrow screens
            return row.type
        if column == _CONNECTED and row.inbound:
            return "\n".join(row.inbound)
        return None


def _with_cell(cells: tuple[_Cell, ...], column: int, text: _Cell) -> tuple[_Cell, ...]:
    """``cells`` with one cell replaced."""
    return (*cells[:column], text, *cells[column + 1 :])


_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+[A-Za-z]*")


def filter_words(*texts: str) -> tuple[str, ...]:
    """``ZeroPadding2D`` -> zeropadding2d, zero, padding, 2d; ``conv2_block1_add`` ->
    conv2_block1_add, conv2, block1, add, conv, 2, block, 1 (lower case, each once)."""
    found: dict[str, None] = {}
    for text in texts:
        for word in (text, *re.split(r"[^A-Za-z0-9]+", text), *_WORD.findall(text)):
            if word:
                found[word.lower()] = None
    return tuple(found)


class _ElidingDelegate(QStyledItemDelegate):
    """Text cut where it says least: a name in the middle ("conv4_bl…2_conv"), a shape at its
    start ("…, 14, 14, 256)"), anything else at its end."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.textElideMode = _ELIDE.get(index.column(), Qt.TextElideMode.ElideRight)


_ELIDE = {
    _NAME: Qt.TextElideMode.ElideMiddle,
    _SHAPE: Qt.TextElideMode.ElideLeft,
    _CONNECTED: Qt.TextElideMode.ElideMiddle,
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
            if column == _NAME and containers:  # a nested model's row is in bold
                text_width = max(text_width, *(bold.horizontalAdvance(n) for n in containers))
            title = self.model.titles()[column]
            header_width = header.fontMetrics().horizontalAdvance(title) + _TITLE_ROOM
            width = max(text_width + padding, header_width)
            self._content_widths.append(text_width + padding)
            self._wanted_widths.append(min(width, _NAME_MAX_WIDTH) if column == _NAME else width)
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
