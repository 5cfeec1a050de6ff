"""Qt test fixtures: isolated settings, a real main window, and a leak check after every test."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication


def _top_level_widgets() -> dict[int, str]:
    # Tooltip labels are Qt's own long-lived singletons, not ours.
    return {
        shiboken6.getCppPointer(w)[0]: type(w).__name__
        for w in QApplication.topLevelWidgets()
        if type(w).__name__ != "QTipLabel" and w.metaObject().className() != "QTipLabel"
    }


@pytest.fixture(autouse=True)
def no_leaked_widgets_or_threads(qapp):
    """Fail a test that leaves a top-level widget or a worker thread behind."""
    from explorer.qt.worker_client import running_workers

    before = _top_level_widgets()
    yield
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qapp.processEvents()
    leaked = {k: v for k, v in _top_level_widgets().items() if k not in before}
    assert leaked == {}, f"leaked top-level widgets: {sorted(leaked.values())}"
    assert running_workers() == [], "a worker thread is still running"


@pytest.fixture
def settings(tmp_path) -> QSettings:
    """A settings file of the test's own, so no test reads or writes the user's."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
