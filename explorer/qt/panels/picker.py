"""The catalog as a searchable tree, grouped by family, that says which architecture was picked."""

from __future__ import annotations

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
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from explorer.core.sources import catalog
from explorer.qt.i18n import follow, translate, translated

ID_ROLE = Qt.ItemDataRole.UserRole
# "title\nid": a fixed search string holds no newline, so a match lies within the title or the id.
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class ArchitecturePicker(QWidget):
    """Emits only for architectures, never for family rows or for rows the search hides."""

    architecture_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(220)
        self._current_id: str | None = None
        self._quiet = False  # set while the filter or select() moves the current row
        self._items: dict[str, QStandardItem] = {}
        self._families: dict[str, QStandardItem] = {}
        self._other: tuple[str, str] | None = None  # title, description of a model shown instead

        # Ctrl+K itself belongs to the window's Edit menu; a second binding here would be ambiguous.
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._filter)
        self.search_edit.returnPressed.connect(self._select_first)
        self.search_edit.installEventFilter(self)

        self._model = self._build_model()
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self._model)
        self._proxy.setRecursiveFilteringEnabled(True)
        self._proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._proxy.setFilterRole(SEARCH_ROLE)

        self.tree = QTreeView()
        self.tree.setModel(self._proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.expandAll()
        self.tree.selectionModel().currentChanged.connect(self._current_changed)

        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.RichText)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.description)
        follow(self, self._retranslate)

    def _build_model(self) -> QStandardItemModel:
        """Titles stay as they are (proper names); family names and tips follow the language."""
        model = QStandardItemModel(self)
        rows = self._families
        for family in catalog.families():
            row = rows[family] = QStandardItem()
            row.setFlags(Qt.ItemFlag.ItemIsEnabled)  # not selectable: a family is no choice
            row.setData("", SEARCH_ROLE)
            model.appendRow(row)
        for arch in catalog.architectures():
            item = QStandardItem(arch.title)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setData(arch.id, ID_ROLE)
            item.setData(f"{arch.title}\n{arch.id}", SEARCH_ROLE)
            rows[arch.family].appendRow(item)
            self._items[arch.id] = item
        return model

    def _retranslate(self) -> None:
        self.search_edit.setPlaceholderText(translate("Picker", "Search architectures (Ctrl+K)"))
        for family, row in self._families.items():
            row.setText(translated(family))
        for arch in catalog.architectures():
            self._items[arch.id].setToolTip(translated(arch.description))
        self._describe()

    def _describe(self) -> None:
        """The picked architecture, the model shown instead of one, or how to begin."""
        if self._current_id is not None:
            arch = catalog.get(self._current_id)
            title, description = arch.title, arch.description
        elif self._other is not None:
            title, description = self._other
        else:
            self.description.setText(translate("Picker", "Pick an architecture to read about it."))
            return
        title, text = escape(title, quote=False), escape(translated(description), quote=False)
        self.description.setText(f"<b>{title}</b><p>{text}</p>")

    def current_id(self) -> str | None:
        """The last architecture picked, which a search that hides it does not change."""
        return self._current_id

    def select(self, architecture_id: str) -> None:
        """Picks it even when hidden by the search (the search is cleared); emits once."""
        arch = catalog.get(architecture_id)
        source = self._items[arch.id].index()
        if not self._proxy.mapFromSource(source).isValid():
            self.search_edit.clear()
        self._quiet = True
        try:
            index = self._proxy.mapFromSource(source)
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        finally:
            self._quiet = False
        self._pick(arch.id)

    def show_other(self, title: str, description: str) -> None:
        """A model from outside the catalog (a file, a design) is on screen: no entry is
        current, so clicking the one that was picks it again."""
        self._quiet = True
        try:
            self.tree.setCurrentIndex(QModelIndex())
            self.tree.clearSelection()
        finally:
            self._quiet = False
        self._current_id = None
        self._other = (title, description)
        self._describe()

    def _current_changed(self, current: Index, _previous: Index) -> None:
        arch_id = current.data(ID_ROLE)
        if not self._quiet and arch_id:
            self._pick(arch_id)

    def _pick(self, arch_id: str) -> None:
        arch = catalog.get(arch_id)
        self._current_id = arch.id
        self._other = None
        self._describe()
        self.architecture_selected.emit(arch.id)

    def _filter(self, text: str) -> None:
        """Hiding the current row moves Qt's current index; that move is not a user's pick."""
        self._quiet = True
        try:
            self._proxy.setFilterFixedString(text.strip())
            self.tree.expandAll()
            current = (
                self._proxy.mapFromSource(self._items[self._current_id].index())
                if self._current_id is not None
                else QModelIndex()
            )
            if current.isValid():
                self.tree.setCurrentIndex(current)
            else:
                self.tree.selectionModel().clear()
        finally:
            self._quiet = False

    def _first_visible_id(self) -> str | None:
        for row in range(self._proxy.rowCount()):
            family = self._proxy.index(row, 0)
            if self._proxy.rowCount(family):
                return self._proxy.index(0, 0, family).data(ID_ROLE)
        return None

    def _select_first(self) -> None:
        arch_id = self._first_visible_id()
        if arch_id is not None:
            self.select(arch_id)
            self.tree.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Down in the search box goes on to the results, as in a command palette."""
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self._select_first()
            return True
        return super().eventFilter(watched, event)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()
