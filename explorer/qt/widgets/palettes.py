"""The window's colours: the system's, light or dark, and a high-contrast form of each for a
projector (presentation mode). Drawings (charts, the graph, code) stay on white paper.

The application palette carries the colours, so every widget follows at once; the choice is
remembered in the settings.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

KEY = "view/colours"
SYSTEM, LIGHT, DARK = "system", "light", "dark"
SCHEMES = (SYSTEM, LIGHT, DARK)

Role = QPalette.ColorRole
_LIGHT = {
    Role.Window: "#f3f3f3",
    Role.WindowText: "#1b1b1b",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f5f7f9",
    Role.Text: "#1b1b1b",
    Role.Button: "#ececec",
    Role.ButtonText: "#1b1b1b",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#1a66c2",
    Role.HighlightedText: "#ffffff",
    Role.ToolTipBase: "#ffffdc",
    Role.ToolTipText: "#1b1b1b",
    Role.PlaceholderText: "#6b6b6b",
    Role.Link: "#0b57d0",
    Role.Mid: "#b8b8b8",
    Role.Dark: "#9c9c9c",
    Role.Light: "#ffffff",
    Role.Midlight: "#e3e3e3",
    Role.Shadow: "#767676",
}
_DARK = {
    Role.Window: "#2b2d30",
    Role.WindowText: "#e8e8e8",
    Role.Base: "#1e1f22",
    Role.AlternateBase: "#26282b",
    Role.Text: "#e8e8e8",
    Role.Button: "#3a3d41",
    Role.ButtonText: "#e8e8e8",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#3d8ee8",
    Role.HighlightedText: "#ffffff",
    Role.ToolTipBase: "#3a3d41",
    Role.ToolTipText: "#e8e8e8",
    Role.PlaceholderText: "#9a9a9a",
    Role.Link: "#7cb6ff",
    Role.Mid: "#4b4e53",
    Role.Dark: "#1a1b1d",
    Role.Light: "#55595e",
    Role.Midlight: "#45484c",
    Role.Shadow: "#0e0e0f",
}
# A projector washes out greys: pure black on white (or white on black), a strong highlight.
_CONTRAST = {
    LIGHT: {
        Role.Window: "#ffffff",
        Role.WindowText: "#000000",
        Role.Base: "#ffffff",
        Role.AlternateBase: "#eef2f7",
        Role.Text: "#000000",
        Role.Button: "#ffffff",
        Role.ButtonText: "#000000",
        Role.Highlight: "#0038a8",
        Role.HighlightedText: "#ffffff",
        Role.PlaceholderText: "#404040",
        Role.Mid: "#000000",
        Role.Dark: "#000000",
    },
    DARK: {
        Role.Window: "#000000",
        Role.WindowText: "#ffffff",
        Role.Base: "#000000",
        Role.AlternateBase: "#1a1a1a",
        Role.Text: "#ffffff",
        Role.Button: "#000000",
        Role.ButtonText: "#ffffff",
        Role.Highlight: "#ffd400",
        Role.HighlightedText: "#000000",
        Role.PlaceholderText: "#c8c8c8",
        Role.Mid: "#ffffff",
        Role.Light: "#ffffff",
    },
}
_DISABLED_TEXT = {LIGHT: "#8a8a8a", DARK: "#7a7a7a"}


def system_is_dark() -> bool:
    """The system's colour scheme is dark (Qt knows it on Windows, macOS and GNOME/KDE)."""
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def palette(scheme: str, high_contrast: bool = False) -> QPalette:
    """The palette of ``scheme`` (SYSTEM, LIGHT or DARK), high contrast for a projector.

    SYSTEM is an empty palette: as the application's, it is the platform's own, and it keeps
    following the system when it turns light or dark."""
    if scheme == SYSTEM and not high_contrast:
        return QPalette()
    tone = DARK if scheme == DARK or (scheme == SYSTEM and system_is_dark()) else LIGHT
    colours = dict(_DARK if tone == DARK else _LIGHT)
    if high_contrast:
        colours.update(_CONTRAST[tone])
    result = QPalette()
    for role, colour in colours.items():
        result.setColor(role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DISABLED_TEXT[tone]))
    return result


class Colours(QObject):
    """The window's colour scheme, remembered; high contrast while presenting."""

    changed = Signal()

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        saved = str(settings.value(KEY, SYSTEM))
        self._scheme = saved if saved in SCHEMES else SYSTEM
        self._high_contrast = False
        if self._scheme != SYSTEM:
            self._apply()

    def scheme(self) -> str:
        return self._scheme

    def high_contrast(self) -> bool:
        return self._high_contrast

    def set_scheme(self, scheme: str) -> None:
        if scheme not in SCHEMES:
            raise ValueError(f"unknown colour scheme {scheme!r}")
        self._scheme = scheme
        self._settings.setValue(KEY, scheme)
        self._apply()

    def set_high_contrast(self, on: bool) -> None:
        self._high_contrast = on
        self._apply()

    def _apply(self) -> None:
        QApplication.setPalette(palette(self._scheme, self._high_contrast))
        # A widget under a style sheet keeps the palette it was polished with: polish it again.
        for widget in QApplication.allWidgets():
            if widget.styleSheet():
                widget.setStyleSheet(widget.styleSheet())
        self.changed.emit()
