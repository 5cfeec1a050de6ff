"""The main window driven through its real widgets, against a fake worker client."""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QSpinBox

from explorer.core.sources.designs.examples import example_names
from explorer.core.worker import protocol as p
from explorer.qt.actions.about import about_html
from explorer.qt.main_window import MainWindow
from tests.qt.conftest import (
    EDIT_SETTLE_MS,
    TIMEOUT_MS,
    assert_table_shows,
    open_window,
    pick,
    table_cells,
)
from tests.qt.fake_client import FAKE_DEVICES, FakeWorkerClient
from tests.recorded import recorded


def test_the_table_and_totals_show_what_the_worker_built(qtbot, window, fake) -> None:
    assert fake.builds() == ["resnet50"]
    assert window.status.device_label.text() == "CPU only — Test CPU"
    for architecture_id in ("resnet34", "resnet50"):
        pick(qtbot, window, architecture_id)
        summary = recorded(architecture_id)
        assert_table_shows(window, summary)
        assert window.state.summary == summary
        assert architecture_id in window.heading.text()
    assert window.status.build_time.text() == "Built in 0.25 s (preview, no weights allocated)"
    assert fake.builds() == ["resnet50", "resnet34", "resnet50"]


def test_a_bad_value_is_shown_inline_and_the_table_stays(qtbot, window, fake) -> None:
    before = table_cells(window)
    shape = window.form.editor("input_shape")
    assert shape.findChild(QSpinBox, "height").minimum() == 32  # as explorer list says
    variant = window.form.editor("variant")
    with qtbot.assertNotEmitted(fake.build_started, wait=600):
        with QSignalBlocker(window.form):
            variant.setCurrentIndex(variant.findText("tutorial"))
            shape.set_value((100, 100, 3))
        window.form.values_edited.emit()
    assert window.form.error_text("input_shape") == (
        "100x100x3 is too small for resnet50 (variant=tutorial): its final 7x7 average pooling "
        "needs a 7x7 feature map after five halvings, so height and width must be at least 193"
    )
    assert table_cells(window) == before
    assert window.state.reference.text() == "resnet50"
    assert fake.builds() == ["resnet50"]  # nothing reached the worker
    # Fixing the value clears the message and builds again.
    with qtbot.waitSignal(fake.build_finished, timeout=TIMEOUT_MS):
        with QSignalBlocker(window.form):
            variant.setCurrentIndex(variant.findText("paper"))
            shape.set_value((64, 64, 3))
        window.form.values_edited.emit()
    assert window.form.error_text("input_shape") == ""
    assert window.state.reference.text() == "resnet50:input_shape=64x64x3"


def test_ten_quick_edits_end_in_one_table_for_the_last_edit(qtbot, window, fake) -> None:
    finished: list[int] = []
    fake.build_finished.connect(lambda generation, *_: finished.append(generation))
    classes = window.form.editor("classes")
    with qtbot.waitSignal(fake.build_finished, timeout=TIMEOUT_MS):
        for value in range(11, 21):
            classes.setValue(value)
            qtbot.wait(20)
    qtbot.wait(EDIT_SETTLE_MS)
    assert len(finished) == 1
    assert fake.builds() == ["resnet50", "resnet50:classes=20"]
    assert window.state.reference.text() == "resnet50:classes=20"
    assert table_cells(window)[-1][3] == "(None, 20)"


def test_only_the_newest_build_reaches_the_table(qtbot, window, fake) -> None:
    fake.held = True
    window.picker.select("resnet34")
    window.picker.select("resnet18")
    generations = [r.generation for r in fake.sent if isinstance(r, p.Build)]
    # A stale reply, arriving late, is dropped: the table keeps resnet50.
    with qtbot.assertNotEmitted(fake.build_finished, wait=100):
        fake.reply(p.Built(generations[-2], recorded("resnet34"), 1.0))
    assert window.state.reference.text() == "resnet50"
    with qtbot.waitSignal(fake.build_finished, timeout=TIMEOUT_MS):
        fake.release()
    assert window.state.reference.text() == "resnet18"
    assert window.table.model.rowCount() == 70


def test_a_crash_keeps_the_table_and_the_worker_is_started_again(qtbot, window, fake) -> None:
    before = table_cells(window)
    fake.held = True
    window.picker.select("resnet34")
    with qtbot.waitSignal(fake.crashed) as crashed:
        fake.crash()
    assert crashed.args == ["The Keras worker stopped unexpectedly (exit code -9); restarting it."]
    assert window.form.error_text(None) == (
        "The Keras worker stopped unexpectedly (exit code -9); restarting it. "
        "It was building resnet34."
    )
    assert window.status.device_label.text() == "Restarting the Keras worker…"
    assert table_cells(window) == before
    assert fake.starts == 2
    fake.held = False
    pick(qtbot, window, "resnet18")
    assert window.table.model.rowCount() == 70
    assert window.form.error_text(None) == ""


def test_a_failed_build_is_explained_and_the_table_stays(qtbot, window, fake) -> None:
    before = table_cells(window)
    with qtbot.waitSignal(fake.build_failed):
        window.picker.select("mobilenet_v2")  # no recorded summary: the fake fails it
    assert window.form.error_text(None) == (
        "no recorded summary for mobilenet_v2 (see tests/recorded.py)"
    )
    assert window.statusBar().currentMessage() == (
        "Build failed: the table shows the last valid model"
    )
    assert table_cells(window) == before


def test_settings_restore_the_last_model_and_layout(qtbot, settings) -> None:
    first = open_window(qtbot, settings)
    pick(qtbot, first, "vgg16")
    with qtbot.waitSignal(first.client.build_finished, timeout=TIMEOUT_MS):
        first.form.editor("classes").setValue(10)
    first.totals.batch_size.setValue(8)
    first.totals_action.setChecked(False)
    first.show_view(first.graph)
    first.close()
    second = open_window(qtbot, settings)
    assert second.state.reference.text() == "vgg16:classes=10"
    assert second.picker.current_id() == "vgg16"
    assert second.form.values()["classes"] == 10
    assert second.totals.batch_size.value() == 8
    assert second.totals.isHidden() and not second.totals_action.isChecked()
    assert second.views.currentWidget() is second.graph
    second.close()


def test_export_table_as_csv_and_markdown(window, tmp_path) -> None:
    assert window.files.export_table("csv", str(tmp_path / "table.csv"))
    rows = list(csv.DictReader(io.StringIO((tmp_path / "table.csv").read_text())))
    assert len(rows) == 176 and rows[-1]["name"] == "predictions"
    assert window.files.export_table("md", str(tmp_path / "table.md"))
    assert (tmp_path / "table.md").read_text().startswith("## resnet50\n")
    assert window.statusBar().currentMessage() == f"Exported the table to {tmp_path}/table.md"


def test_a_failed_export_names_the_file_and_keeps_the_window(window, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert not window.files.export_table("csv", str(tmp_path / "missing" / "table.csv"))
    assert shown == [
        f"The table was not exported.\n\ncannot write {tmp_path}/missing/table.csv: "
        "No such file or directory"
    ]


def test_about_names_the_versions_the_worker_reported(window) -> None:
    assert window.state.device_report == FAKE_DEVICES
    text = about_html(window.state.device_report)
    assert "TensorFlow 2.0-fake · Keras 3.0-fake" in text
    assert "Device: CPU only — Test CPU" in text
    assert "TensorFlow loading… · Keras loading…" in about_html(None)


def test_menus_and_shortcuts(window) -> None:
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&Design", "&View", "&Help"]
    design = window.menuBar().actions()[2].menu()
    assert [(a.text(), a.shortcut().toString()) for a in design.actions()] == [
        ("&New Design", "Ctrl+N"),
        ("&Open Design…", "Ctrl+Shift+O"),
        ("&Examples", ""),
        ("&Save Design", "Ctrl+Shift+S"),
        ("Save Design &As…", ""),
        ("&Edit a Copy", "Ctrl+Shift+C"),
        ("Show &Code…", "Ctrl+Shift+K"),
    ]
    examples = design.actions()[2].menu()
    # Every example, in order (tests/core/test_design_files.py names them).
    assert [a.text() for a in examples.actions()] == example_names()
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


def test_before_the_worker_is_ready_the_window_waits_and_then_builds(qtbot, settings) -> None:
    client = FakeWorkerClient(ready=False)
    window = MainWindow(settings=settings, client=client)
    qtbot.addWidget(window)
    window.show()
    qtbot.wait(50)
    assert window.status.device_label.text() == "Loading TensorFlow…"
    assert window.heading.text().startswith("Loading TensorFlow…")
    assert not window.export_csv_action.isEnabled() and not window.pin_action.isEnabled()
    assert client.builds() == []  # asked for, kept until TensorFlow is ready
    with qtbot.waitSignal(client.build_finished, timeout=TIMEOUT_MS):
        client.reply(p.Ready(FAKE_DEVICES))
    assert client.builds() == ["resnet50"]
    assert window.export_csv_action.isEnabled()
    window.close()
    assert not client.is_running()


def test_the_summary_cache_shows_a_model_before_tensorflow_has_loaded(qtbot, settings) -> None:
    from explorer.core.analysis import cache
    from explorer.core.sources.lookup import parse_reference
    from explorer.qt.main_window import MainWindow

    cache.store(parse_reference("resnet18"), recorded("resnet18"))
    settings.setValue("model/reference", "resnet18")
    client = FakeWorkerClient(ready=False)  # TensorFlow still loading
    window = MainWindow(settings=settings, client=client)
    qtbot.addWidget(window)
    window.show()
    assert not client.is_ready
    assert_table_shows(window, recorded("resnet18"))  # at once, from the cache
    assert window.status.build_time.text().startswith("From the summary cache")
    assert client.builds() == []  # nothing was asked of the worker
    # A model not in the cache waits for the worker, and the cache keeps the old one shown.
    window.show_reference(parse_reference("resnet34"))
    assert window.state.reference.text() == "resnet18"
    assert window.state.waiting.text() == "resnet34"
    window.close()


def test_parameters_are_remembered_per_architecture(qtbot, window) -> None:
    pick(qtbot, window, "resnet18")
    with qtbot.waitSignal(window.client.build_finished, timeout=TIMEOUT_MS):
        window.form.editor("input_shape").set_value((112, 112, 3))
        window.form.values_edited.emit()
    pick(qtbot, window, "resnet50")
    assert window.form.values()["input_shape"] == (224, 224, 3)
    pick(qtbot, window, "resnet18")  # back: as it was left
    assert window.form.values()["input_shape"] == (112, 112, 3)
    assert window.state.reference.text() == "resnet18:input_shape=112x112x3"


def test_pinned_models_and_the_view_come_back_after_a_restart(qtbot, settings) -> None:
    first = open_window(qtbot, settings)
    pick(qtbot, first, "resnet34")
    first.pin_current()
    pick(qtbot, first, "resnet50")
    first.pin_current()
    pick(qtbot, first, "vgg16")
    first.close()
    second = MainWindow(settings=settings, client=FakeWorkerClient())
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: second.state.reference is not None, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: second.state.reference.text() == "vgg16", timeout=TIMEOUT_MS)
    assert [p.label for p in second.state.pinned()] == ["resnet34", "resnet50"]
    assert second.views.currentWidget() is second.compare
    assert second.compare.glance.text().startswith("resnet50 vs resnet34: parameters +17.4 %")
    second.close()


def test_pinned_models_that_cannot_come_back_are_named(qtbot, settings) -> None:
    """An unsaved design pinned at closing, a file since deleted: said, not dropped silently."""
    first = open_window(qtbot, settings)
    pick(qtbot, first, "resnet34")
    first.pin_current()
    first.state.pin("my-design", first.state.pinned()[0].summary)  # an unsaved design's label
    first.close()
    assert settings.value("compare/pinned") == ["resnet34", "my-design"]
    settings.setValue("compare/pinned", ["resnet34", "my-design", "/gone/mine.design.json"])
    second = MainWindow(settings=settings, client=FakeWorkerClient())
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: len(second.state.pinned()) == 1, timeout=TIMEOUT_MS)
    assert [p.label for p in second.state.pinned()] == ["resnet34"]
    assert second.statusBar().currentMessage() == (
        "Not pinned again from last time: my-design, /gone/mine.design.json (unsaved designs, "
        "or files moved or deleted)"
    )
    second.close()


def test_a_build_under_way_says_which_model_it_is(qtbot, window, fake) -> None:
    fake.held = True
    window.picker.select("resnet34")
    build = [r for r in fake.sent if isinstance(r, p.Build)][-1]
    fake.reply(p.BuildStarted(build.generation))
    assert window.status.build_time.text() == "Building resnet34…"
    assert "resnet50" in window.heading.text()  # the last model stays until this one arrives
    with qtbot.waitSignal(window.state.model_shown, timeout=TIMEOUT_MS):
        fake.release()
    assert window.status.build_time.text().startswith("Built in ")
