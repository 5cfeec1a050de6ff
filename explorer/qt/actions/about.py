"""Help → About: what is running, with every version a bug report needs."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from explorer import __version__
from explorer.core.worker.devices import DeviceReport
from explorer.qt.i18n import translate, translated

APP_TITLE = "Keras Architecture Explorer"


def about_html(report: DeviceReport | None) -> str:
    """``report`` comes from the worker; None while TensorFlow is still loading."""
    loading = translate("About", "loading…")
    return (
        f"<h3>{APP_TITLE} {__version__}</h3>"
        + translate(
            "About", "<p>Look inside neural-network architectures before training them.</p>"
        )
        + translate(
            "About",
            "<p>TensorFlow {tf} · Keras {keras}<br>Qt {qt} · PySide6 {pyside} · Python {python}"
            "<br>Device: {device}</p>",
        ).format(
            tf=report.tensorflow_version if report else loading,
            keras=report.keras_version if report else loading,
            qt=qVersion(),
            pyside=pyside_version,
            python=platform.python_version(),
            device=translated(report.summary_line) if report else loading,
        )
    )


def show_about(parent: QWidget, report: DeviceReport | None) -> None:
    QMessageBox.about(
        parent, translate("About", "About {title}").format(title=APP_TITLE), about_html(report)
    )
