"""Start-up: the window paints first; TensorFlow loads in the worker process meanwhile."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

log = logging.getLogger("explorer")

ORGANIZATION = "KerasArchitectureExplorer"
APPLICATION = "Keras Architecture Explorer"


def _report_unexpected(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """A failure nothing caught: log its traceback, show one message, keep the window alive."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from explorer.core.base.errors import user_message

    log.error("unexpected failure", exc_info=(kind, error, trace))
    window = QApplication.activeWindow()
    if window is not None:
        QMessageBox.critical(window, APPLICATION, user_message(error))


def run() -> int:
    from PySide6.QtWidgets import QApplication

    from explorer.qt.main_window import MainWindow

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    sys.excepthook = _report_unexpected
    window = MainWindow()
    window.show()
    return app.exec()
