"""Qt test fixtures and helpers: isolated settings, main windows (against a fake worker client,
or the real worker process for the end-to-end tests), prompts that answer from a script, and a
leak check after every test."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from explorer.core.analysis.receptive import receptive_fields
from explorer.core.analysis.summary import ModelSummary
from explorer.core.exports.summaries import output_shape_text
from explorer.core.weights.compatibility import CompatibilityReport
from explorer.qt.dialogs.prompts import Prompts
from explorer.qt.main_window import MainWindow
from explorer.qt.panels.layer_table_model import field_text
from tests.qt.fake_client import FakeWorkerClient
from tests.recorded import recorded

TIMEOUT_MS = 60_000  # a real build; fake builds answer on the next turn of the event loop
EDIT_SETTLE_MS = 800  # well past the edit debounce: no second build may follow


def _top_level_widgets() -> dict[int, str]:
    # Tooltip labels are Qt's own long-lived singletons, not ours.
    return {
        shiboken6.getCppPointer(w)[0]: type(w).__name__
        for w in QApplication.topLevelWidgets()
        if type(w).__name__ != "QTipLabel" and w.metaObject().className() != "QTipLabel"
    }


@pytest.fixture(autouse=True)
def no_leaked_widgets_or_threads(qapp) -> Iterator[None]:
    """Fail a test that leaves a top-level widget or a worker process behind."""
    from explorer.qt.worker_client import running_clients

    before = _top_level_widgets()
    yield
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qapp.processEvents()
    leaked = {k: v for k, v in _top_level_widgets().items() if k not in before}
    assert leaked == {}, f"leaked top-level widgets: {sorted(leaked.values())}"
    assert running_clients() == [], "a worker process is still running"


@pytest.fixture(autouse=True)
def english_and_system_colours_afterwards(qapp) -> Iterator[None]:
    """The language and the colours are the application's: each test starts in English, in
    the system's colours, whatever the test before chose (or failed in)."""
    from explorer.qt import i18n
    from explorer.qt.widgets import palettes

    yield
    if i18n.current() != i18n.ENGLISH:
        i18n.set_language(i18n.ENGLISH)
    if QApplication.palette().resolveMask():  # colours of our own, not the system's
        QApplication.setPalette(palettes.palette(palettes.SYSTEM))


@pytest.fixture(autouse=True)
def no_keys_held_afterwards(qapp) -> Iterator[None]:
    """Qt remembers the modifiers of the last key event: after a test's Ctrl+Shift+Z, a later
    test's ``selectRow`` extended the selection as if Shift were held. A key released with no
    modifier lets go of them (the widget is thrown away, nothing else sees the key)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    yield
    if QApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        holder = QWidget()
        QTest.keyRelease(holder, Qt.Key.Key_Shift)
        holder.deleteLater()


@pytest.fixture(scope="session")
def summary_of() -> Callable[[str], ModelSummary]:
    """Widget tests read recorded summaries (tests/recorded.py): no TensorFlow."""
    return recorded


@pytest.fixture
def settings(tmp_path) -> QSettings:
    """A settings file of the test's own, so no test reads or writes the user's."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


class ScriptedPrompts(Prompts):
    """Answers the window's questions as a test says, and keeps what was asked."""

    def __init__(self, load: bool = True, discard: bool = True) -> None:
        self.load, self.discard = load, discard
        self.reports: list[CompatibilityReport] = []
        self.discards = 0

    def confirm_load(self, report: CompatibilityReport, reference: str, parent: QWidget) -> bool:
        self.reports.append(report)
        return self.load

    def confirm_discard(self, parent: QWidget) -> bool:
        self.discards += 1
        return self.discard


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


def open_window(
    qtbot, settings: QSettings, prompts: Prompts | None = None, *, real: bool = False
) -> MainWindow:
    """A shown main window whose first table is on screen."""
    client = None if real else FakeWorkerClient()
    window = MainWindow(settings=settings, client=client, prompts=prompts)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.client.build_finished, timeout=TIMEOUT_MS):
        window.show()
    return window


@pytest.fixture
def window(qtbot, settings, prompts) -> MainWindow:
    """The main window against a fake worker client: no TensorFlow, builds answer at once."""
    return open_window(qtbot, settings, prompts)


@pytest.fixture
def fake(window) -> FakeWorkerClient:
    assert isinstance(window.client, FakeWorkerClient)
    return window.client


def pick(qtbot, window: MainWindow, architecture_id: str) -> None:
    """Pick an architecture and wait until it is on screen (built, or from the cache)."""
    with qtbot.waitSignal(window.state.model_shown, timeout=TIMEOUT_MS):
        window.picker.select(architecture_id)


def open_example(window: MainWindow, name: str) -> None:
    """Design → Examples → ``name``, as a click on the menu does."""
    actions = window.designs.examples_menu.actions()
    next(action for action in actions if action.text() == name).trigger()


def table_cells(window: MainWindow) -> list[list[str]]:
    model = window.table.model
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def assert_table_shows(window: MainWindow, summary: ModelSummary) -> None:
    """The layer table and the totals show ``summary``, cell for cell."""
    cells = table_cells(window)
    assert len(cells) == len(summary.layers)
    fields = receptive_fields(summary)
    assert [cell[7] for cell in cells] == [field_text(fields[row.path]) for row in summary.layers]
    for cell, row in zip(cells, summary.layers, strict=True):
        assert cell[1].strip() == row.name
        assert cell[2] == row.type
        assert cell[3] == output_shape_text(row)
        assert cell[4] == f"{row.params:,}"
        assert cell[5] == f"{row.trainable_params:,}"
        assert cell[6] == f"{row.macs:,}"
        assert cell[8] == ", ".join(row.inbound)
    assert window.totals.text_of("params") == f"{summary.totals.params:,}"
    assert window.totals.text_of("trainable") == f"{summary.totals.trainable_params:,}"


def model_cells(model) -> list[list[str]]:
    """Every cell of a Qt item model, row by row."""
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
