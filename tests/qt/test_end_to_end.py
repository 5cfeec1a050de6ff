"""End to end: the window with the real Keras worker process. The few tests that need it:
start-up, a build, closing during a build, a crash and restart, weights saved and loaded, a
model file, a sweep. Everything else drives the widgets against a fake client."""

from __future__ import annotations

import os
import signal
from itertools import pairwise

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from explorer.core import weights
from explorer.core.analysis.build import build_model, summarize
from explorer.core.analysis.memory import estimate
from explorer.core.sources.lookup import parse_reference
from explorer.qt.actions.about import about_html
from explorer.qt.main_window import MainWindow
from tests.helpers import same_arrays
from tests.qt.conftest import TIMEOUT_MS, assert_table_shows, open_window, pick, table_cells


@pytest.fixture
def real_window(qtbot, settings, prompts) -> MainWindow:
    """The main window with the real worker process; its first table (resnet50) is shown."""
    return open_window(qtbot, settings, prompts, real=True)


def show(qtbot, window: MainWindow, text: str) -> None:
    reference = parse_reference(text)
    with qtbot.waitSignal(window.state.model_shown, timeout=TIMEOUT_MS):  # built or cached
        window.show_reference(reference)
    assert window.state.reference.text() == reference.text()


def save(qtbot, window: MainWindow, path) -> None:
    with qtbot.waitSignal(window.client.weights_saved, timeout=TIMEOUT_MS) as saved:
        assert window.files.save_weights(str(path))
    assert saved.args == [str(path)]


def wait_until_done(qtbot, sweep) -> None:
    qtbot.waitUntil(lambda: not sweep.is_running(), timeout=TIMEOUT_MS)


def test_starts_with_resnet50_and_a_cpu_only_status_bar(real_window) -> None:
    window = real_window
    assert window.status.device_label.text().startswith("CPU only — ")
    tip = window.status.device_label.toolTip()
    assert "GPUs: none found" in tip and "TensorFlow: 2." in tip and "Keras: 3." in tip
    assert window.state.reference.text() == "resnet50"
    assert window.table.model.rowCount() == 176
    assert window.status.build_time.text().startswith("Built in ")
    # About names the versions the worker runs.
    import keras
    import tensorflow as tf

    text = about_html(window.state.device_report)
    assert f"TensorFlow {tf.__version__}" in text and f"Keras {keras.__version__}" in text


def test_the_window_shows_before_tensorflow_is_ready_and_closes_at_once(qtbot, settings) -> None:
    window = MainWindow(settings=settings)  # the real worker client
    qtbot.addWidget(window)
    window.show()
    assert window.status.device_label.text() == "Loading TensorFlow…"
    assert window.heading.text().startswith("Loading TensorFlow…")
    assert not window.export_csv_action.isEnabled()
    window.close()
    assert not window.client.is_running()


def test_picking_resnet34_then_resnet50_shows_the_core_summary(qtbot, real_window) -> None:
    window = real_window
    for architecture_id in ("resnet34", "resnet50"):
        pick(qtbot, window, architecture_id)
        core = summarize(parse_reference(architecture_id))
        assert_table_shows(window, core)
        assert window.state.summary.totals == core.totals
        assert architecture_id in window.heading.text()


def test_closing_during_a_build_leaves_no_process(qtbot, real_window) -> None:
    window = real_window
    with qtbot.waitSignal(window.client.build_started, timeout=TIMEOUT_MS):
        window.picker.select("resnet152")
    window.close()
    assert not window.client.is_running()


def test_a_crashed_worker_is_restarted_and_the_table_stays(qtbot, real_window) -> None:
    window = real_window
    before = table_cells(window)
    with qtbot.waitSignal(window.client.crashed, timeout=TIMEOUT_MS) as crashed:
        os.kill(window.client.pid, signal.SIGKILL)
    assert crashed.args == ["The Keras worker stopped unexpectedly (exit code -9); restarting it."]
    assert window.form.error_text(None).startswith("The Keras worker stopped unexpectedly")
    assert table_cells(window) == before
    with qtbot.waitSignal(window.client.ready, timeout=TIMEOUT_MS):
        pass
    pick(qtbot, window, "resnet18")
    assert window.table.model.rowCount() == 70
    assert window.form.error_text(None) == ""


@pytest.mark.parametrize(
    "text",
    [
        "simple-cnn:input_shape=32x32x3,classes=10",
        "resnet34:input_shape=32x32x3,classes=10",
        "resnet50:input_shape=32x32x3,classes=10",
    ],
)
def test_save_then_load_round_trips_bit_exactly(
    qtbot, real_window, prompts, tmp_path, text
) -> None:
    window = real_window
    show(qtbot, window, text)
    save(qtbot, window, tmp_path / "a.weights.h5")
    reports = prompts.reports
    with qtbot.waitSignal(window.client.weights_loaded, timeout=TIMEOUT_MS):
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


def test_a_mismatching_file_is_reported_and_nothing_changes(
    qtbot, real_window, prompts, tmp_path
) -> None:
    window = real_window
    show(qtbot, window, "resnet34:input_shape=32x32x3,classes=10")
    save(qtbot, window, tmp_path / "before.weights.h5")
    other = build_model(parse_reference("resnet34:input_shape=32x32x3,classes=5"), preview=False)
    weights.save_weights(other.model, str(tmp_path / "five.weights.h5"))
    table = table_cells(window)
    reports = prompts.reports  # the prompt answers "yes", even ...
    with qtbot.waitSignal(window.client.weights_checked, timeout=TIMEOUT_MS):
        window.files.load_weights(str(tmp_path / "five.weights.h5"))
    with qtbot.assertNotEmitted(window.client.weights_loaded, wait=1000):
        pass  # ... loads nothing from a file that does not fit
    (report,) = reports
    assert (report.count("matched"), report.count("shape mismatch")) == (72, 1)
    assert window.statusBar().currentMessage() == report.summary_line()
    assert table_cells(window) == table
    save(qtbot, window, tmp_path / "after.weights.h5")
    assert same_arrays(tmp_path / "before.weights.h5", tmp_path / "after.weights.h5")


def test_model_files_open_python_code_needs_trust_and_recent_files(qtbot, real_window, tmp_path):
    window = real_window
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
    with qtbot.waitSignal(window.client.build_failed, timeout=TIMEOUT_MS):
        window.dropEvent(drop)
    assert window.form.error_text(None).startswith(f"{path} contains Python code")
    assert table_cells(window) == table
    trust = window.form.editor("trust")
    assert not trust.isChecked()  # off by default
    assert trust.parent().parent().layout().labelForField(trust.parent()).text() == (
        "I trust this file"
    )
    with qtbot.waitSignal(window.client.build_finished, timeout=TIMEOUT_MS):
        trust.setChecked(True)
    assert [row[1].strip() for row in table_cells(window)] == ["double", "head"]
    assert window.state.reference.text() == f"{path}:trust=true"
    recent = [a.toolTip() for a in window.recent.menu.actions()]
    assert recent == [str(path.resolve())]


def test_sweep_input_size_then_classes_with_a_pinned_model(
    qtbot, real_window, built_summary_of, tmp_path
) -> None:
    window = real_window
    pick(qtbot, window, "resnet18")
    sweep = window.sweep
    labels = [sweep.param.itemText(i) for i in range(sweep.param.count())]
    assert labels == [
        "input size (square side)",
        "classes",
        "batch size (training memory, no build)",
    ]
    assert (sweep.start.value(), sweep.stop.value(), sweep.step.value()) == (32, 320, 32)
    assert sweep.count.text() == "10 points"

    sweep.set_range(32, 96, 32)
    assert sweep.count.text() == "3 points"
    assert sweep.run()
    assert sweep.cancel_button.isEnabled() and not sweep.run_button.isEnabled()
    wait_until_done(qtbot, sweep)
    (run,) = sweep.runs
    assert [p.value for p in run.points] == [(32, 32, 3), (64, 64, 3), (96, 96, 3)]
    for point in run.points:  # each point is the summary of its own reference
        side = point.value[0]
        assert point.totals == built_summary_of(f"resnet18:input_shape={side}x{side}x3").totals
    (curve,) = sweep.plots["macs"].getPlotItem().listDataItems()
    assert list(curve.xData) == [32, 64, 96]
    assert list(curve.yData) == [p.totals.macs for p in run.points]
    assert sweep.progress.value() == sweep.progress.maximum() == 3
    assert sweep.status.text() == "Done: 3 points."
    first = sweep.table.table.rows[0]
    assert first[:3] == ["resnet18", "32x32x3", f"{run.points[0].totals.params:,}"]
    # The worker's points carry one sample's bytes: the training memory at the Memory view's
    # setup (batch 32, Adam, float32) is the estimate of the point's own summary.
    small = built_summary_of("resnet18:input_shape=32x32x3")
    assert first[-1] == f"{estimate(small, 32).total_bytes / 2**20:,.2f}"

    # Classes, for the current model and a pinned resnet34; parameters grow by 513 a class.
    pick(qtbot, window, "resnet34")
    window.pin_current()
    pick(qtbot, window, "resnet18")
    sweep.param.setCurrentIndex(1)
    sweep.set_range(10, 30, 10)
    sweep.with_pinned.setChecked(True)
    assert sweep.run()
    wait_until_done(qtbot, sweep)
    assert [r.label for r in sweep.runs] == ["resnet18", "resnet34"]
    for run, base in zip(sweep.runs, ("resnet18", "resnet34"), strict=True):
        params = [p.totals.params for p in run.points]
        assert params[0] == built_summary_of(f"{base}:classes=10").totals.params
        assert [b - a for a, b in pairwise(params)] == [10 * 513, 10 * 513]
    legend = [label.text for _, label in sweep.legend.items]
    assert legend == ["resnet18", "resnet34"]
    assert len(sweep.table.table.rows) == 6
    assert sweep.export_with_dialog("activations", str(tmp_path / "sweep.svg"))
    assert "<svg" in (tmp_path / "sweep.svg").read_text()
    assert sweep.table.export(str(tmp_path / "sweep.csv"))
    lines = (tmp_path / "sweep.csv").read_text().splitlines()
    assert lines[0] == (
        "Model,Value,Params,MACs per sample,Activations per sample (MiB),Training memory (MiB)"
    )
    assert lines[1].startswith(f"resnet18,10,{sweep.runs[0].points[0].totals.params},")
    window.close()


def test_a_bert_sweep_over_sequence_length_in_the_real_worker(qtbot, real_window) -> None:
    """QKᵀ and AV of BERT-Tiny: 2 layers x 2 x 128 wide x L² = 512 L² MACs."""
    window = real_window
    pick(qtbot, window, "bert_tiny")
    sweep = window.sweep
    labels = [sweep.param.itemText(i) for i in range(sweep.param.count())]
    sweep.param.setCurrentIndex(labels.index("sequence length"))
    sweep.set_range(32, 128, 32)
    assert sweep.run()
    wait_until_done(qtbot, sweep)
    (run,) = sweep.runs
    assert [p.tokens for p in run.points] == [32, 64, 96, 128]
    assert [p.attention_macs for p in run.points] == [512 * n * n for n in (32, 64, 96, 128)]
    total, attention = sweep.plots["macs"].getPlotItem().listDataItems()
    assert list(attention.xData) == [32, 64, 96, 128]
    assert list(total.yData) == [p.totals.macs for p in run.points]
    assert sweep.status.text() == (
        "Done: 4 points. From 32 to 128 tokens (x4.00), the attention products QKᵀ and AV "
        "grow x16.00, with the square of the tokens; the other MACs grow x4.00."
    )
