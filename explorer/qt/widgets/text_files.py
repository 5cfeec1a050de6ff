"""Writing a text export from the window: atomically, and with a message when it fails."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from explorer.core.base.errors import ExplorerError
from explorer.core.base.files import write_text_atomic


def save_text(parent: QWidget, title: str, what: str, path: str, text: str) -> Path | None:
    """The written path, or None after telling the user why ``what`` was not exported."""
    try:
        return write_text_atomic(path, text)
    except ExplorerError as error:
        QMessageBox.critical(parent, title, f"The {what} was not exported.\n\n{error}")
        return None
