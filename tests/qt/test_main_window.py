"""The main window driven through its real widgets, with the real worker thread."""

from __future__ import annotations

import csv
import io

import pytest

from explorer.core.analysis.build import summarize
from explorer.core.exports.summaries import output_shape_text
from explorer.core.sources.lookup import parse_reference
from explorer.qt.main_window import MainWindow

TIMEOUT_MS = 60_000
EDIT_SETTLE_MS = 800  # well past the edit debounce: no second build may follow


def open_window(qtbot, settings) -> MainWindow:
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.worker.build_finished, timeout=TIMEOUT_MS):
        window.show()
    return window


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    return open_window(qtbot, settings)


def pick(qtbot, window: MainWindow, architecture_id: str) -> None:
    with qtbot.waitSignal(window.worker.build_finished, timeout=TIMEOUT_MS):
        window.picker.select(architecture_id)


def table_cells(window: MainWindow) -> list[list[str]]:
    model = window.table.model
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_starts_with_resnet50_and_a_cpu_only_status_bar(window) -> None:
    assert window.device_label.text().startswith("CPU only — ")
    tip = window.device_label.toolTip()
    assert "GPUs: none found" in tip and "TensorFlow: 2." in tip and "Keras: 3." in tip
    assert window.reference.text() == "resnet50"
    assert window.table.model.rowCount() == 176
    assert window.build_time.text().startswith("Built in ")


def test_picking_resnet34_then_resnet50_shows_the_core_summary(qtbot, window) -> None:
    for architecture_id in ("resnet34", "resnet50"):
        pick(qtbot, window, architecture_id)
        core = summarize(parse_reference(architecture_id))
        cells = table_cells(window)
        assert len(cells) == len(core.layers)
        for cell, row in zip(cells, core.layers, strict=True):
            assert cell[1].strip() == row.name
            assert cell[2] == row.type
            assert cell[3] == output_shape_text(row)
            assert cell[4] == f"{row.params:,}"
            assert cell[5] == f"{row.trainable_params:,}"
            assert cell[6] == f"{row.macs:,}"
            assert cell[7] == ", ".join(row.inbound)
        assert window.summary.totals == core.totals
        assert window.totals.text_of("params") == f"{core.totals.params:,}"
        assert window.totals.text_of("trainable") == f"{core.totals.trainable_params:,}"
        assert architecture_id in window.heading.text()


def test_a_bad_value_is_shown_inline_and_the_table_stays(qtbot, window) -> None:
    before = table_cells(window)
    shape = window.form.editor("input_shape")
    with qtbot.assertNotEmitted(window.worker.build_started, wait=600):
        shape.set_value((8, 8, 3))
        window.form.values_edited.emit()
    assert window.form.error_text("input_shape") == (
        "8x8x3 is too small for resnet50 (variant=paper): the network halves the input five "
        "times, so height and width must be at least 32"
    )
    assert table_cells(window) == before
    assert window.reference.text() == "resnet50"
    # Fixing the value clears the message and builds again.
    with qtbot.waitSignal(window.worker.build_finished, timeout=TIMEOUT_MS):
        shape.set_value((64, 64, 3))
        window.form.values_edited.emit()
    assert window.form.error_text("input_shape") == ""
    assert window.reference.text() == "resnet50:input_shape=64x64x3"


def test_ten_quick_edits_end_in_one_table_for_the_last_edit(qtbot, window) -> None:
    finished: list[int] = []
    window.worker.build_finished.connect(lambda generation, *_: finished.append(generation))
    classes = window.form.editor("classes")
    with qtbot.waitSignal(window.worker.build_finished, timeout=TIMEOUT_MS):
        for value in range(11, 21):
            classes.setValue(value)
            qtbot.wait(20)
    qtbot.wait(EDIT_SETTLE_MS)
    assert len(finished) == 1
    assert window.reference.text() == "resnet50:classes=20"
    assert table_cells(window)[-1][3] == "(None, 20)"


def test_closing_during_a_build_leaves_no_thread(qtbot, window) -> None:
    with qtbot.waitSignal(window.worker.build_started, timeout=TIMEOUT_MS):
        window.picker.select("resnet152")
    window.close()
    assert not window.worker.is_running()


def test_settings_restore_the_last_model_and_layout(qtbot, settings) -> None:
    first = open_window(qtbot, settings)
    with qtbot.waitSignal(first.worker.build_finished, timeout=TIMEOUT_MS):
        first.picker.select("vgg16")
    with qtbot.waitSignal(first.worker.build_finished, timeout=TIMEOUT_MS):
        first.form.editor("classes").setValue(10)
    first.totals.batch_size.setValue(8)
    first.totals_dock.hide()
    first.close()
    second = open_window(qtbot, settings)
    assert second.reference.text() == "vgg16:classes=10"
    assert second.picker.current_id() == "vgg16"
    assert second.form.values()["classes"] == 10
    assert second.totals.batch_size.value() == 8
    assert second.totals_dock.isHidden()
    second.close()


def test_export_table_as_csv_and_markdown(window, tmp_path) -> None:
    assert window.files.export_table("csv", str(tmp_path / "table.csv"))
    rows = list(csv.DictReader(io.StringIO((tmp_path / "table.csv").read_text())))
    assert len(rows) == 176 and rows[-1]["name"] == "predictions"
    assert window.files.export_table("md", str(tmp_path / "table.md"))
    assert (tmp_path / "table.md").read_text().startswith("## resnet50\n")


def test_a_failed_export_names_the_file_and_keeps_the_window(window, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert not window.files.export_table("csv", str(tmp_path / "missing" / "table.csv"))
    assert shown == [
        f"The table was not exported.\n\ncannot write {tmp_path}/missing/table.csv: "
        "No such file or directory"
    ]


def test_about_names_the_versions(window) -> None:
    import keras
    import tensorflow as tf

    from explorer.qt.actions.about import about_html

    text = about_html(window.device_report)
    assert f"TensorFlow {tf.__version__}" in text and f"Keras {keras.__version__}" in text


def test_menus_and_shortcuts(window) -> None:
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&Design", "&View", "&Help"]
    design = window.menuBar().actions()[2].menu()
    assert [(a.text(), a.shortcut().toString()) for a in design.actions()] == [
        ("&New Design", "Ctrl+N"),
        ("&Open Design…", "Ctrl+Shift+O"),
        ("&Save Design", "Ctrl+Shift+S"),
        ("Save Design &As…", ""),
        ("&Edit a Copy", "Ctrl+Shift+C"),
        ("Show &Code…", "Ctrl+Shift+K"),
    ]
    every = [a for menu in window.menuBar().actions() for a in menu.menu().actions()]
    keys = [a.shortcut().toString() for a in every if not a.shortcut().isEmpty()]
    assert len(keys) == len(set(keys)), "two menu actions share a shortcut"
    assert window.export_csv_action.shortcut().toString() == "Ctrl+E"
    assert window.export_csv_action.isEnabled()
    window.form.editor("classes").setValue(7)
    assert window.form.values()["classes"] == 7
    edit = window.menuBar().actions()[1].menu()
    reset = next(a for a in edit.actions() if a.text().startswith("&Reset"))
    assert reset.shortcut().toString() == "Ctrl+R"
    reset.trigger()
    assert window.form.values()["classes"] == 1000


def test_the_window_shows_before_tensorflow_is_ready_and_closes_at_once(qtbot, settings) -> None:
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    window.show()
    assert window.device_label.text() == "Loading TensorFlow…"
    assert window.heading.text().startswith("Loading TensorFlow…")
    assert not window.export_csv_action.isEnabled()
    window.close()
    assert not window.worker.is_running()


def test_a_crashed_worker_is_restarted_and_the_table_stays(qtbot, window) -> None:
    import os
    import signal

    before = table_cells(window)
    with qtbot.waitSignal(window.worker.crashed, timeout=TIMEOUT_MS) as crashed:
        os.kill(window.worker.pid, signal.SIGKILL)
    assert crashed.args == ["The Keras worker stopped unexpectedly (exit code -9); restarting it."]
    assert window.form.error_text(None).startswith("The Keras worker stopped unexpectedly")
    assert table_cells(window) == before
    with qtbot.waitSignal(window.worker.ready, timeout=TIMEOUT_MS):
        pass
    pick(qtbot, window, "resnet18")
    assert window.table.model.rowCount() == 70
    assert window.form.error_text(None) == ""
