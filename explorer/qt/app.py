"""The desktop window. This first version shows the catalog; the full main window follows."""

from __future__ import annotations

import sys


def run() -> int:
    from PySide6.QtWidgets import QApplication

    from explorer.qt.placeholder_window import PlaceholderWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Keras Architecture Explorer")
    window = PlaceholderWindow()
    window.show()
    return app.exec()
