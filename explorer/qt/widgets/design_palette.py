"""The designer's palette of layer kinds: a list whose items drag onto the design canvas."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

LAYER_KIND_MIME = "application/x-keras-explorer-layer-kind"  # the kind's name, UTF-8


def kind_mime(kind: str) -> QMimeData:
    """What a drag of ``kind`` carries."""
    data = QMimeData()
    data.setData(LAYER_KIND_MIME, kind.encode())
    return data


def dropped_kind(data: QMimeData) -> str | None:
    """The kind a drag carries, or None if it is not a drag of ours."""
    if not data.hasFormat(LAYER_KIND_MIME):
        return None
    return bytes(data.data(LAYER_KIND_MIME).data()).decode()


class PaletteList(QListWidget):
    """One item a kind (Keras's class names, never translated); dragging one carries the kind."""

    def __init__(self, kinds: Sequence[str]) -> None:
        super().__init__()
        for kind in kinds:
            self.addItem(QListWidgetItem(kind))
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [LAYER_KIND_MIME]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:  # noqa: N802 - Qt's name
        return kind_mime(items[0].text()) if items else QMimeData()
