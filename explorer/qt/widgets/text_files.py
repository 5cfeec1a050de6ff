"""Writing an export from the window: atomically, and with a message when it fails."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from explorer.core.base.errors import ExplorerError
from explorer.core.base.files import atomic_path, write_text_atomic
from explorer.qt.i18n import translate, translated


def save_text(parent: QWidget, title: str, what: str, path: str, text: str) -> Path | None:
    """The written path, or None after telling the user why ``what`` (a translated noun:
    "table") was not exported."""
    try:
        return write_text_atomic(path, text)
    except ExplorerError as error:
        _not_exported(parent, title, what, error)
        return None


def save_bytes(
    parent: QWidget, title: str, what: str, path: str, make: Callable[[], bytes]
) -> Path | None:
    """``save_text`` for binary files (a PNG), made by ``make``, which may refuse too."""
    try:
        data = make()
        with atomic_path(path) as temporary:
            temporary.write_bytes(data)
    except ExplorerError as error:
        _not_exported(parent, title, what, error)
        return None
    return Path(path)


def _not_exported(parent: QWidget, title: str, what: str, error: ExplorerError) -> None:
    # A core message made from values is a Text, the error's one argument (str() drops that).
    reason = error.args[0] if len(error.args) == 1 and isinstance(error.args[0], str) else None
    message = translate("TextFiles", "The {what} was not exported.\n\n{error}")
    QMessageBox.critical(
        parent, title, message.format(what=what, error=translated(reason or str(error)))
    )
