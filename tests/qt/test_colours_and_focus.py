"""View → Colours (system, light, dark; remembered), high contrast in presentation mode, and a
focus ring that follows the keyboard focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from explorer.qt.widgets import palettes
from explorer.qt.widgets.focus_ring import WIDTH
from tests.qt.conftest import open_window

Role = QPalette.ColorRole


def _colour(role: QPalette.ColorRole) -> str:
    return QGuiApplication.palette().color(role).name()


def _contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours."""

    def luminance(name: str) -> float:
        from PySide6.QtGui import QColor

        colour = QColor(name)
        channels = []
        for c in (colour.redF(), colour.greenF(), colour.blueF()):
            channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
        r, g, b_ = channels
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_dark_colours_are_chosen_in_the_view_menu_and_come_back(qtbot, window, settings) -> None:
    names = [a.text() for a in window.colour_actions_group.actions()]
    assert names == ["&System Colours", "&Light", "&Dark"]
    window.colour_actions_group.actions()[2].trigger()
    assert _colour(Role.Window) == "#2b2d30"
    assert _colour(Role.Text) == "#e8e8e8"
    table = window.table.table  # widgets follow (the change reaches them as an event)
    qtbot.waitUntil(lambda: table.palette().color(Role.Base).name() == "#1e1f22")
    assert settings.value(palettes.KEY) == palettes.DARK
    window.close()

    again = open_window(qtbot, settings)
    assert again.colours.scheme() == palettes.DARK
    assert [a.isChecked() for a in again.colour_actions_group.actions()] == [False, False, True]
    assert _colour(Role.Window) == "#2b2d30"
    again.colour_actions_group.actions()[0].trigger()  # back to the system's, following it
    assert QGuiApplication.palette().resolveMask() == 0
    assert _colour(Role.Window) == QApplication.style().standardPalette().color(Role.Window).name()


def test_presentation_mode_has_high_contrast_colours_and_gives_them_back(qtbot, window) -> None:
    window.colours.set_scheme(palettes.LIGHT)
    light_text = _contrast(_colour(Role.Text), _colour(Role.Base))
    window.presentation_action.trigger()
    assert window.colours.high_contrast()
    assert (_colour(Role.Text), _colour(Role.Base)) == ("#000000", "#ffffff")
    assert _contrast(_colour(Role.Text), _colour(Role.Base)) == pytest.approx(21.0)
    assert _contrast(_colour(Role.Text), _colour(Role.Base)) > light_text
    assert _contrast(_colour(Role.HighlightedText), _colour(Role.Highlight)) >= 7.0
    window.presentation_action.trigger()
    assert not window.colours.high_contrast()
    assert _colour(Role.Text) == "#1b1b1b"

    window.colours.set_scheme(palettes.DARK)
    window.presentation_action.trigger()
    assert (_colour(Role.Text), _colour(Role.Base)) == ("#ffffff", "#000000")
    assert _contrast(_colour(Role.HighlightedText), _colour(Role.Highlight)) >= 7.0
    window.presentation_action.trigger()


def test_every_scheme_keeps_text_readable() -> None:
    for scheme in (palettes.LIGHT, palettes.DARK):
        for high in (False, True):
            colours = palettes.palette(scheme, high)
            text, base = colours.color(Role.Text).name(), colours.color(Role.Base).name()
            window_text = colours.color(Role.WindowText).name()
            assert _contrast(text, base) >= 7.0, (scheme, high)
            assert _contrast(window_text, colours.color(Role.Window).name()) >= 7.0


def test_the_focus_ring_follows_the_keyboard_focus(qtbot, window) -> None:
    ring = window.focus_ring
    window.activateWindow()
    edit = window.picker.search_edit
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    assert ring.target() is edit
    assert ring.isVisible()
    expected = QRect(edit.mapTo(window, QPoint(0, 0)), edit.size())
    assert ring.geometry() == expected.adjusted(-WIDTH, -WIDTH, WIDTH, WIDTH)

    window.show_view(window.table)
    table = window.table.table
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: ring.target() is table)
    assert ring.geometry().contains(QRect(table.mapTo(window, QPoint(0, 0)), table.size()))

    window.resize(window.width() - 80, window.height())  # the table resizes: the ring follows
    qtbot.waitUntil(lambda: ring.geometry().width() == table.width() + 2 * WIDTH, timeout=2000)
    table.clearFocus()
    assert not ring.isVisible()


def test_presenting_in_the_system_s_colours_follows_its_light_or_dark(monkeypatch) -> None:
    monkeypatch.setattr(palettes, "system_is_dark", lambda: True)
    assert palettes.palette(palettes.SYSTEM, True).color(Role.Base).name() == "#000000"
    monkeypatch.setattr(palettes, "system_is_dark", lambda: False)
    assert palettes.palette(palettes.SYSTEM, True).color(Role.Base).name() == "#ffffff"
    assert palettes.palette(palettes.SYSTEM).resolveMask() == 0  # the platform's own
