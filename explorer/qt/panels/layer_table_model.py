"""The layer table's model: one row per layer of a ModelSummary, its cells, tool tips and the
words the filter matches."""

from __future__ import annotations

import re
from typing import TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from explorer.core.analysis.cost import NOT_COUNTED
from explorer.core.analysis.explain import explain
from explorer.core.analysis.receptive import ReceptiveField, receptive_fields
from explorer.core.analysis.summary import LayerRow, ModelSummary
from explorer.core.base.units import activation_bytes, binary_and_decimal
from explorer.core.exports.summaries import output_shape_text
from explorer.qt.i18n import follow, translate, translated

_Index = QModelIndex | QPersistentModelIndex
_Cell = TypeVar("_Cell", bound=int | str)
_INDENT = "    "  # per nesting level; a flat table has no tree lines, so spaces show the depth
NAME, TYPE, SHAPE, MACS, FIELD, CONNECTED = 1, 2, 3, 6, 7, 8
NUMERIC = frozenset({0, 4, 5, 6})
_EXPLAINED = frozenset({SHAPE, 4, 5, MACS})  # their tooltips show the layer's formulas
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


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
            words = [(FIELD, field_text(field))]
            if row.part_of:  # "(None, 32) per step"
                words.append((SHAPE, translated(output_shape_text(row))))
            if row.macs is None:
                words.append((MACS, macs_cell(row.macs)))
            for column, text in words:
                self._raw[i] = _with_cell(self._raw[i], column, text)
                self._display[i] = _with_cell(self._display[i], column, text)
        self.dataChanged.emit(
            self.index(0, SHAPE),
            self.index(len(self._raw) - 1, FIELD),
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
                if column == NAME
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
            return _RIGHT if section in NUMERIC else _LEFT
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
            if column == NAME:
                return row.path or row.name  # keeps a nested model's layers under it
            if column == SHAPE:
                return row.activation_elements
            if column == FIELD:
                return _field_order(self._fields[index.row()])
            if column == MACS and row.macs is None:
                return -1  # before every counted layer
            return raw
        if role == self.TEXT_ROLE:
            return str(raw)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in NUMERIC else _LEFT
        if role == Qt.ItemDataRole.FontRole:
            if column == MACS and row.macs is None:
                return self._italic
            return self._bold if row.is_container else None
        if role == Qt.ItemDataRole.ForegroundRole and column == MACS and row.macs is None:
            return self._faint
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == FIELD:
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
        if column == NAME:
            if row.part_of:
                text = translate("LayerTable", "{path}\n{type}: one step of {layer}")
                return text.format(path=row.path, type=row.type, layer=row.part_of)
            if row.is_container:
                text = translate("LayerTable", "{path}\n{type} nested model")
            else:
                text = translate("LayerTable", "{path}\n{type} layer")
            return text.format(path=row.path or row.name, type=row.type)
        if column == SHAPE:
            n_bytes = activation_bytes(row.activation_elements)
            return translate(
                "LayerTable", "{count} activation elements per sample, {size} at float32"
            ).format(count=f"{row.activation_elements:,}", size=binary_and_decimal(n_bytes))
        if column == TYPE:  # elided on narrow screens
            return row.type
        if column == CONNECTED and row.inbound:
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
