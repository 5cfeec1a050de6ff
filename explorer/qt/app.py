"""Start-up: the window paints first; TensorFlow loads in the worker process meanwhile."""

from __future__ import annotations

import gc
import logging
import sys
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from explorer.qt.main_window import MainWindow

log = logging.getLogger("explorer")

ORGANIZATION = "KerasArchitectureExplorer"
APPLICATION = "Keras Architecture Explorer"


def _report_unexpected(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """A failure nothing caught: log its traceback, show one message, keep the window alive."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from explorer.core.base.errors import user_message
    from explorer.qt.i18n import translated

    log.error("unexpected failure", exc_info=(kind, error, trace))
    window = QApplication.activeWindow()
    if window is not None:
        QMessageBox.critical(window, APPLICATION, translated(user_message(error)))


FREEZE_AFTER_FIRST_MODEL_MS = 2000  # the graph's layout library is imported by then


def freeze_long_lived(window: MainWindow) -> None:
    """Keep what lives as long as the window out of Python's full collections.

    A full collection scans every object the process holds, with the GIL held: ~30 ms for the
    ~95,000 objects that start-up leaves (modules, Qt wrappers), a stall in the window, or in
    the graph's layout thread, at random. ``gc.freeze()`` moves the objects alive now out of
    its reach; once more after the first model is shown (the charts' and the layout's imports).
    """
    gc.freeze()

    def again() -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(FREEZE_AFTER_FIRST_MODEL_MS, gc.freeze)
        window.state.model_shown.disconnect(again)

    window.state.model_shown.connect(again)


def run() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from explorer.qt import i18n
    from explorer.qt.main_window import MainWindow

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    i18n.set_language(str(QSettings().value(i18n.SETTINGS_KEY, i18n.SYSTEM)))
    sys.excepthook = _report_unexpected
    window = MainWindow()
    window.show()
    freeze_long_lived(window)
    return app.exec()
