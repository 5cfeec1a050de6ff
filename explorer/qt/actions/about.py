"""Help → About: what is running, with every version a bug report needs."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from explorer import __version__
from explorer.core.worker.devices import DeviceReport

APP_TITLE = "Keras Architecture Explorer"


def about_html(report: DeviceReport | None) -> str:
    """``report`` comes from the worker; None while TensorFlow is still loading."""
    tf = report.tensorflow_version if report else "loading…"
    keras = report.keras_version if report else "loading…"
    device = report.summary_line if report else "loading…"
    return (
        f"<h3>{APP_TITLE} {__version__}</h3>"
        "<p>Look inside neural-network architectures before training them.</p>"
        f"<p>TensorFlow {tf} · Keras {keras}<br>Qt {qVersion()} · PySide6 {pyside_version}"
        f" · Python {platform.python_version()}<br>Device: {device}</p>"
    )


def show_about(parent: QWidget, report: DeviceReport | None) -> None:
    QMessageBox.about(parent, f"About {APP_TITLE}", about_html(report))
