"""A first window: the architecture catalog with descriptions, until the main window lands."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QTreeWidget, QTreeWidgetItem

from explorer.core.catalog import architectures


class PlaceholderWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Keras Architecture Explorer")
        self.resize(900, 560)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Architecture", "Id"])
        families: dict[str, QTreeWidgetItem] = {}
        for arch in architectures():
            parent = families.get(arch.family)
            if parent is None:
                parent = families[arch.family] = QTreeWidgetItem(self.tree, [arch.family])
                parent.setExpanded(True)
            QTreeWidgetItem(parent, [arch.title, arch.id]).setToolTip(0, arch.description)
        self.tree.resizeColumnToContents(0)
        self.description = QLabel("Pick an architecture to read about it.")
        self.description.setWordWrap(True)
        self.description.setMargin(12)
        self.tree.currentItemChanged.connect(self._show_description)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self.description)
        self.setCentralWidget(splitter)
        self.statusBar().showMessage(
            "Layer tables for now come from the command line: explorer summary resnet50"
        )

    def _show_description(self, item: QTreeWidgetItem | None) -> None:
        tip = item.toolTip(0) if item is not None else ""
        self.description.setText(tip or "Pick an architecture to read about it.")
