"""Text size for the whole window: 80 % to 250 % of the system's font, for projectors.

The application font carries the scale, so every widget that inherits its font follows at once;
widgets with fonts of their own (bold labels, the code view's fixed font, chart axes, the graph)
ask ``factor()`` and listen for ``QEvent.FontChange``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

KEY = "view/font_scale"
STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5)
_BASE_PROPERTY = "explorer_base_point_size"  # the system font's size, before any scaling


def _base_point_size() -> float:
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    base = app.property(_BASE_PROPERTY)
    if base is None:
        base = QGuiApplication.font().pointSizeF()
        app.setProperty(_BASE_PROPERTY, base)
    return float(base)


def factor() -> float:
    """The scale in use: the application font's size over the system font's."""
    return QGuiApplication.font().pointSizeF() / _base_point_size()


def scaled(font: QFont, relative: float = 1.0) -> QFont:
    """``font`` at ``relative`` times the scaled base size (a heading: 1.25)."""
    result = QFont(font)
    result.setPointSizeF(_base_point_size() * factor() * relative)
    return result


def _styled(widget: QWidget | None) -> bool:
    while widget is not None:
        if widget.styleSheet():
            return True
        widget = widget.parentWidget()
    return False


class FontScale(QObject):
    """The window's text size: larger, smaller, normal; remembered in the settings."""

    changed = Signal(float)

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        _base_point_size()
        try:
            saved = float(str(settings.value(KEY, 1.0)))
        except ValueError:
            saved = 1.0
        self.set(saved)

    def value(self) -> float:
        return factor()

    def set(self, scale: float) -> None:
        scale = min(max(scale, STEPS[0]), STEPS[-1])
        font = QGuiApplication.font()
        font.setPointSizeF(_base_point_size() * scale)
        QGuiApplication.setFont(font)
        # A widget under a style sheet keeps the size it was polished with: give it the new one.
        for widget in QApplication.allWidgets():
            if _styled(widget):
                own = QFont(widget.font())
                own.setPointSizeF(font.pointSizeF())
                widget.setFont(own)
        self._settings.setValue(KEY, scale)
        self.changed.emit(scale)

    def larger(self) -> None:
        self.set(next((s for s in STEPS if s > factor() + 1e-6), STEPS[-1]))

    def smaller(self) -> None:
        self.set(next((s for s in reversed(STEPS) if s < factor() - 1e-6), STEPS[0]))

    def reset(self) -> None:
        self.set(1.0)
