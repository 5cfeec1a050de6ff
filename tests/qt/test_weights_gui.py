"""Weights and model files through the window: save, check, load, open, trust, recent, drop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from explorer.core import weights
from explorer.core.analysis.build import build_model
from explorer.core.sources.lookup import parse_reference
from tests.helpers import same_arrays
from tests.qt.test_main_window import TIMEOUT_MS, open_window, table_cells


def show(qtbot, window, text: str) -> None:
    reference = parse_reference(text)
    with qtbot.waitSignal(window.worker.build_finished, timeout=TIMEOUT_MS):
        window.show_reference(reference.architecture, reference.values)
    assert window.reference.text() == reference.text()


def save(qtbot, window, path) -> None:
    with qtbot.waitSignal(window.worker.weights_saved, timeout=TIMEOUT_MS) as saved:
        assert window.files.save_weights(str(path))
    assert saved.args == [str(path)]


@pytest.fixture
def window(qtbot, settings):
    return open_window(qtbot, settings)


@pytest.mark.parametrize(
    "text",
    [
        "simple-cnn:input_shape=32x32x3,classes=10",
        "resnet34:input_shape=32x32x3,classes=10",
        "resnet50:input_shape=32x32x3,classes=10",
    ],
)
def test_save_then_load_round_trips_bit_exactly(qtbot, window, tmp_path, text) -> None:
    show(qtbot, window, text)
    save(qtbot, window, tmp_path / "a.weights.h5")
    reports = []
    window.files.confirm = lambda report: reports.append(report) or True
    with qtbot.waitSignal(window.worker.weights_loaded, timeout=TIMEOUT_MS):
        assert window.files.load_weights(str(tmp_path / "a.weights.h5"))
    (report,) = reports
    assert report.loads_fully
    assert "weights from <code>a.weights.h5</code>" in window.heading.text()
    # What the window now holds is exactly the file: saving it again writes the same arrays.
    save(qtbot, window, tmp_path / "b.weights.h5")
    assert same_arrays(tmp_path / "a.weights.h5", tmp_path / "b.weights.h5")
    # And a plain Keras model of the architecture reads the file back the same way.
    model = build_model(parse_reference(text), preview=False).model
    model.load_weights(str(tmp_path / "b.weights.h5"))


def test_a_mismatching_file_is_reported_and_nothing_changes(qtbot, window, tmp_path) -> None:
    show(qtbot, window, "resnet34:input_shape=32x32x3,classes=10")
    save(qtbot, window, tmp_path / "before.weights.h5")
    other = build_model(parse_reference("resnet34:input_shape=32x32x3,classes=5"), preview=False)
    weights.save_weights(other.model, str(tmp_path / "five.weights.h5"))
    table = table_cells(window)
    reports = []
    window.files.confirm = lambda report: reports.append(report) or True  # even a "yes" ...
    with qtbot.waitSignal(window.worker.weights_checked, timeout=TIMEOUT_MS):
        window.files.load_weights(str(tmp_path / "five.weights.h5"))
    with qtbot.assertNotEmitted(window.worker.weights_loaded, wait=1000):
        pass  # ... loads nothing from a file that does not fit
    (report,) = reports
    assert (report.count("matched"), report.count("shape mismatch")) == (72, 1)
    assert window.statusBar().currentMessage() == report.summary_line()
    assert table_cells(window) == table
    save(qtbot, window, tmp_path / "after.weights.h5")
    assert same_arrays(tmp_path / "before.weights.h5", tmp_path / "after.weights.h5")


def test_a_name_keras_cannot_write_gets_the_suffix_offered(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    asked = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "model.h5"), "")
    )
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda parent, title, text: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    show(qtbot, window, "resnet18:input_shape=32x32x3")
    with qtbot.waitSignal(window.worker.weights_saved, timeout=TIMEOUT_MS) as saved:
        window.files.save_action.trigger()
    assert asked == [
        "Keras 3 writes weights only to names ending in .weights.h5.\n\n"
        "Save as model.weights.h5 instead?"
    ]
    assert saved.args == [str(tmp_path / "model.weights.h5")]
    assert not (tmp_path / "model.h5").exists()
    assert (tmp_path / "model.weights.h5").stat().st_size > 0


def test_model_files_open_python_code_needs_trust_and_recent_files(qtbot, window, tmp_path):
    import keras

    inputs = keras.Input((8,), name="numbers")
    doubled = keras.layers.Lambda(lambda t: t * 2, name="double")(inputs)
    path = tmp_path / "lambda.keras"
    keras.Model(inputs, keras.layers.Dense(3, name="head")(doubled)).save(path)
    table = table_cells(window)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.worker.build_failed, timeout=TIMEOUT_MS):
        window.dropEvent(drop)
    assert window.form.error_text(None).startswith(f"{path} contains Python code")
    assert table_cells(window) == table
    trust = window.form.editor("trust")
    assert not trust.isChecked()  # off by default
    assert trust.parent().parent().layout().labelForField(trust.parent()).text() == (
        "I trust this file"
    )
    with qtbot.waitSignal(window.worker.build_finished, timeout=TIMEOUT_MS):
        trust.setChecked(True)
    assert [row[1].strip() for row in table_cells(window)] == ["double", "head"]
    assert window.reference.text() == f"{path}:trust=true"
    recent = [a.toolTip() for a in window.files.recent_menu.actions()]
    assert recent == [str(path.resolve())]


def test_a_damaged_file_is_explained_and_nothing_changes(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    damaged = tmp_path / "cut.weights.h5"
    damaged.write_bytes(b"\x89HDF\r\n\x1a\n" + bytes(64))
    table = table_cells(window)
    with qtbot.waitSignal(window.worker.weights_failed, timeout=TIMEOUT_MS):
        window.files.load_weights(str(damaged))
    (message,) = shown
    assert message.startswith(f"Nothing was changed.\n\n{damaged} is damaged or cannot be read: ")
    assert table_cells(window) == table
    assert window.heading.text().count("weights from") == 0
