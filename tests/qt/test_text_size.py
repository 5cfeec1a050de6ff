"""Text size for projectors: Ctrl+= / Ctrl+- / Ctrl+0 scale every text, remembered; the graph
zooms instead while it has the focus; F11 is presentation mode."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from explorer.qt.widgets import font_scale
from tests.qt.conftest import open_window


@pytest.fixture
def base_size(qapp) -> float:
    return font_scale._base_point_size()


def test_text_scales_from_80_to_250_percent_and_is_remembered(qtbot, settings, base_size) -> None:
    window = open_window(qtbot, settings)
    try:
        row_height = window.table.table.verticalHeader().defaultSectionSize()
        window.zoom(1)
        window.zoom(1)
        assert window.font_scale.value() == pytest.approx(1.25)
        assert QGuiApplication.font().pointSizeF() == pytest.approx(base_size * 1.25)
        header = window.table.table.verticalHeader()
        qtbot.waitUntil(lambda: header.defaultSectionSize() > row_height)  # FontChange is posted
        assert window.compare.glance.font().pointSizeF() == pytest.approx(base_size * 1.25**2)
        # The parameter form has a style sheet (red borders): it follows too.
        label = window.form.findChild(QLabel)
        qtbot.waitUntil(lambda: label.font().pointSizeF() == pytest.approx(base_size * 1.25))
        assert window.statusBar().currentMessage() == "Text at 125 %"
        for _ in range(20):
            window.zoom(1)
        assert window.font_scale.value() == pytest.approx(2.5)  # the most
        window.close()
        second = open_window(qtbot, settings)
        assert second.font_scale.value() == pytest.approx(2.5)  # remembered
        for _ in range(20):
            second.zoom(-1)
        assert second.font_scale.value() == pytest.approx(0.8)  # the least
        second.zoom(0)
        assert second.font_scale.value() == pytest.approx(1.0)
        assert QGuiApplication.font().pointSizeF() == pytest.approx(base_size)
    finally:
        font_scale.FontScale(settings).reset()


def test_in_the_graph_the_keys_zoom_the_drawing(qtbot, window) -> None:
    window.show_graph()
    with qtbot.waitSignal(window.graph.drawn, timeout=10_000):
        pass
    window.graph.view.setFocus()
    qtbot.waitUntil(window.graph.view.hasFocus)
    before = window.graph.view.transform().m11()
    window.zoom(1)
    assert window.graph.view.transform().m11() == pytest.approx(before * 1.25)
    assert window.font_scale.value() == pytest.approx(1.0)  # the text stays


def test_presentation_mode_is_full_screen_with_large_text(qtbot, window) -> None:
    try:
        window.presentation_action.trigger()
        assert window.presentation_action.isChecked()
        qtbot.waitUntil(window.isFullScreen)
        assert window.font_scale.value() == pytest.approx(1.5)
        window.presentation_action.trigger()
        qtbot.waitUntil(lambda: not window.isFullScreen())
        assert window.font_scale.value() == pytest.approx(1.0)
    finally:
        window.font_scale.reset()
