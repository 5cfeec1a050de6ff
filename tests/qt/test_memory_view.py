"""The Memory view against a fake worker client and recorded summaries: ResNet50's exact parts,
each control changing them exactly, the largest batch on a given device, the setup remembered
and shared with the totals strip, Compare's row and Sweep's training memory."""

from __future__ import annotations

from dataclasses import replace

import pytest

from explorer.core.analysis import build
from explorer.core.analysis.memory import estimate, memory_basis
from explorer.core.analysis.sweep import BATCH, SweepPoint
from explorer.core.exports.memory_reports import MemoryDevice
from explorer.core.worker import protocol as p
from explorer.core.worker.devices import CpuInfo, DeviceReport, GpuDevice
from tests.qt.conftest import open_window, pick
from tests.qt.fake_client import FAKE_DEVICES
from tests.recorded import recorded

GIB = 2**30
# ResNet50 at batch 32, Adam, float32, as `explorer memory resnet50 --format json` gives them.
# The optimizer's part: Adam's two slots (204,456,256) and its update's two temporaries of the
# largest layer (conv5's 2,359,296 weights: 18,874,368).
WEIGHTS, GRADIENTS, SLOTS = 102_440_608, 102_228_128, 223_330_624
ACTIVATIONS, INPUTS = 2_670_488_064, 19_395_584
PER_SAMPLE = (ACTIVATIONS + INPUTS) // 32  # 84,058,864 bytes: activations, inputs and labels
# The fake device is a CPU: TensorFlow's own memory shares its RAM, 140 MiB and 2.25 MiB for each
# of ResNet50's 176 layers.
RUNTIME = 140 * 2**20 + 176 * 9 * 2**20 // 4


def parts(window) -> list[int]:
    """The Bytes column of the parts table: weights ... inputs, TensorFlow's own on the CPU,
    then the total."""
    return [int(row[1].replace(",", "")) for row in window.memory.parts_table.model().rows]


def choose(combo, code: str) -> None:
    combo.setCurrentIndex(combo.findData(code))


def test_resnet50_s_parts_at_batch_32_adam_float32(window) -> None:
    window.show_view(window.memory)
    memory = window.memory
    assert (memory.batch_size.value(), memory.optimizer.currentData()) == (32, "adam")
    assert memory.precision.currentData() == "float32"
    total = WEIGHTS + GRADIENTS + SLOTS + ACTIVATIONS + INPUTS + RUNTIME
    assert RUNTIME == 562_036_736
    assert parts(window) == [WEIGHTS, GRADIENTS, SLOTS, ACTIVATIONS, INPUTS, RUNTIME, total]
    names = [row[0] for row in memory.parts_table.model().rows]
    assert names == [
        "Weights",
        "Gradients",
        "Optimizer slots",
        "Activations",
        "Inputs and labels",
        "TensorFlow on the CPU",
        "Total",
    ]
    assert memory.parts_table.model().rows[3][3] == "72.6 %"
    assert memory.total.text().startswith("One training step at batch 32: 3.43 GiB (3.68 GB).")
    # The stacked bar: six parts end to end, in GiB, as long as the total.
    import pyqtgraph as pg

    bars = [i for i in memory.bar.getPlotItem().items if isinstance(i, pg.BarGraphItem)]
    widths = [bar.opts["width"][0] for bar in bars]
    starts = [bar.opts["x0"][0] for bar in bars]
    assert widths == pytest.approx([n / GIB for n in parts(window)[:6]])
    assert starts[5] + widths[5] == pytest.approx(total / GIB)
    # The layers that take the most: the largest first, ten of them.
    layers = memory.layers_table.model().rows
    top = max(estimate(recorded("resnet50")).per_layer, key=lambda layer: layer.total_bytes)
    assert len(layers) == 10 and layers[0][0] == top.name == "pool1_pad"


def test_each_control_changes_the_parts_exactly(qtbot, window) -> None:
    memory = window.memory
    memory.batch_size.setValue(64)
    assert parts(window)[3:5] == [2 * ACTIVATIONS, 2 * INPUTS]
    assert parts(window)[:3] == [WEIGHTS, GRADIENTS, SLOTS]  # the fixed part stays
    assert window.totals.batch_size.value() == 64  # one batch size for the window
    window.totals.batch_size.setValue(32)
    assert memory.batch_size.value() == 32 and parts(window)[3] == ACTIVATIONS
    choose(memory.optimizer, "sgd")
    assert parts(window)[2] == 0
    choose(memory.optimizer, "momentum")
    assert parts(window)[2] == GRADIENTS + 2_359_296 * 4  # one slot a weight, one temporary
    choose(memory.precision, "mixed_float16")
    assert parts(window)[3] == ACTIVATIONS // 2
    assert parts(window)[:2] == [WEIGHTS, GRADIENTS]  # float32 variables under mixed precision
    assert window.state.training.optimizer == "momentum"
    pick(qtbot, window, "resnet18")  # the model changes: the parts follow at once
    assert parts(window)[0] == recorded("resnet18").totals.params * 4


def test_the_largest_batch_that_fits_on_a_gpu_or_in_free_ram(window, monkeypatch) -> None:
    memory = window.memory
    fixed = WEIGHTS + GRADIENTS + SLOTS
    gpu = GpuDevice(0, "Test GPU", 24 * GIB, "nvml", None)
    window.state.set_device(DeviceReport((gpu,), FAKE_DEVICES.cpu, None, None, ()))
    assert memory.device == MemoryDevice("Test GPU", "GPU", 24 * GIB)
    assert (24 * GIB - fixed) // PER_SAMPLE == 301
    assert memory.largest == 301
    assert memory.fits.text() == "Fits on Test GPU (24.0 GiB) up to batch 301"
    memory.make_plots()
    room = memory.memory_bar.room
    assert room.value() == 24 and room.label.format == "Test GPU 24.0 GiB "
    memory.batch_size.setValue(302)
    assert memory.fits.text().endswith("up to batch 301 — batch 302 does not fit.")
    memory.batch_size.setValue(32)
    choose(memory.optimizer, "sgd")  # no slots: more room for samples
    assert memory.fits.text().endswith(
        f"up to batch {(24 * GIB - WEIGHTS - GRADIENTS) // PER_SAMPLE}"
    )
    memory.set_device(MemoryDevice("Small GPU", "GPU", 250_000_000))
    assert memory.fits.text() == "Does not fit on Small GPU (238.4 MiB): not even batch 1"
    monkeypatch.setattr(build, "available_memory_bytes", lambda: 8 * GIB)
    memory.set_device_report(FAKE_DEVICES)  # no GPU: the free RAM
    choose(memory.optimizer, "adam")
    # On the CPU, TensorFlow's own memory takes its part of the RAM first.
    assert memory.fits.text() == (
        "Fits in this CPU's free RAM (8.0 GiB) up to batch "
        f"{(8 * GIB - fixed - RUNTIME) // PER_SAMPLE}"
    )
    assert memory.largest == 90
    memory.make_plots()
    widths = [bar.opts["width"][0] for bar in memory.memory_bar.parts]
    assert widths[5] == pytest.approx(RUNTIME / GIB)
    memory.set_device(MemoryDevice("Test GPU", "GPU", 24 * GIB))  # a GPU: no sixth part
    assert memory.memory_bar.parts[5].opts["width"][0] == 0
    assert len(memory.parts_table.model().rows) == 6


def test_before_the_device_is_known_the_view_says_so(qtbot, settings) -> None:
    from explorer.qt.main_window import MainWindow
    from tests.qt.fake_client import FakeWorkerClient

    window = MainWindow(settings=settings, client=FakeWorkerClient(ready=False))
    qtbot.addWidget(window)
    window.state.show(window.state.requested or _resnet50(), recorded("resnet50"))
    assert window.memory.fits.text() == "The device is known once TensorFlow has loaded."
    assert parts(window)[0] == WEIGHTS


def _resnet50():
    from explorer.core.sources.lookup import parse_reference

    return parse_reference("resnet50")


def test_the_setup_is_remembered(qtbot, settings) -> None:
    window = open_window(qtbot, settings)
    window.memory.batch_size.setValue(48)
    choose(window.memory.optimizer, "rmsprop")
    choose(window.memory.precision, "mixed_bfloat16")
    window.close()
    again = open_window(qtbot, settings)
    memory = again.memory
    assert memory.batch_size.value() == again.totals.batch_size.value() == 48
    assert (memory.optimizer.currentData(), memory.precision.currentData()) == (
        "rmsprop",
        "mixed_bfloat16",
    )
    assert parts(again)[3] == ACTIVATIONS // 32 * 48 // 2


def test_compare_shows_each_model_s_training_memory(qtbot, window) -> None:
    pick(qtbot, window, "resnet34")
    window.pin_current()
    pick(qtbot, window, "resnet50")
    window.pin_current()
    window.memory.batch_size.setValue(64)
    rows = window.compare.totals_table.model().rows
    assert rows[-1] == [
        "Training memory bytes (batch 64, adam, float32)",
        "2,580,772,992",
        "5,807,766,656",
        "+3,226,993,664 (+125.0%)",
    ]
    assert estimate(recorded("resnet50"), 64).total_bytes == 5_807_766_656
    choose(window.memory.optimizer, "sgd")
    rows = window.compare.totals_table.model().rows
    assert rows[-1][0] == "Training memory bytes (batch 64, sgd, float32)"
    assert rows[-1][2] == f"{5_807_766_656 - SLOTS:,}"  # SGD: no slots, no update
    assert "| Training memory bytes (batch 64, sgd, float32) |" in window.compare.render("markdown")


def test_sweep_over_the_batch_size_builds_nothing(window, fake) -> None:
    sweep = window.sweep
    sweep.param.setCurrentIndex(sweep.param.findText("batch size (training memory, no build)"))
    sweep.set_range(32, 64, 32)
    assert sweep.run()
    assert [r for r in fake.sent if isinstance(r, p.Sweep)] == []
    assert sweep.status.text() == "Done: 2 points."
    totals = [WEIGHTS + GRADIENTS + SLOTS + batch * PER_SAMPLE for batch in (32, 64)]
    assert totals[1] == 5_807_766_656
    rows = sweep.table.model().rows
    assert [row[-1] for row in rows] == [f"{n / 2**20:,.2f}" for n in totals]
    (curve,) = sweep.plots["training"].getPlotItem().listDataItems()
    assert list(curve.xData) == [32, 64]
    assert list(curve.yData) == pytest.approx([n / 2**20 for n in totals])
    title = sweep.plots["training"].getPlotItem().titleLabel.text
    assert title == "Training memory (adam, float32) — resnet50"
    choose(window.memory.precision, "mixed_float16")  # redrawn for the new setup
    assert sweep.table.model().rows[0][-1] == f"{(totals[0] - ACTIVATIONS // 2) / 2**20:,.2f}"


def test_sweep_over_a_parameter_shows_the_training_memory_at_the_view_s_batch(window, fake) -> None:
    sweep = window.sweep
    sweep.param.setCurrentIndex(sweep.param.findText("classes"))
    sweep.set_range(20, 20, 1)
    assert sweep.run()
    summary = recorded("resnet50:classes=20")
    point = SweepPoint(20, summary.totals, memory=memory_basis(summary))
    fake.reply(p.SweepPointDone(1, 0, point))
    fake.reply(p.SweepDone(1, False))
    expected = estimate(summary, 32).total_bytes
    assert sweep.table.model().rows[0][-1] == f"{expected / 2**20:,.2f}"
    title = sweep.plots["training"].getPlotItem().titleLabel.text
    assert title == "Training memory (batch 32, adam, float32) — resnet50"
    assert sweep._swept != BATCH


def test_a_cpu_report_needs_no_detection(monkeypatch) -> None:
    """The window passes its report: only the free RAM is read again."""
    from explorer.core.worker import devices

    monkeypatch.setattr(devices, "detect_devices", lambda **_: pytest.fail("detected again"))
    monkeypatch.setattr(build, "available_memory_bytes", lambda: 5 * GIB)
    report = DeviceReport((), CpuInfo("Test CPU", 2, 24 * GIB), None, None, ())
    assert devices.memory_device(report) == MemoryDevice("Test CPU", "CPU", 5 * GIB)


def test_measure_runs_the_model_on_screen_and_shows_its_peak(window, monkeypatch) -> None:
    """The run itself is TrainingRunner's (tests/qt/test_training_runner.py, real processes):
    here what the view asks of it and what it shows."""
    from explorer.core.analysis.training import RunResult

    memory = window.memory
    asked: list[tuple] = []
    monkeypatch.setattr(memory.runner, "start", lambda *args: asked.append(args) or True)
    monkeypatch.setattr(memory.runner, "is_running", lambda: False)
    memory.batch_size.setValue(8)
    assert memory.measure()
    assert asked == [("resnet50", 8, 3, "adam", "float32")]
    assert not memory.measure_button.isEnabled() and memory.cancel_button.isEnabled()
    assert memory.measured.text() == (
        "Measuring resnet50 at batch 8, adam, float32: building, then training…"
    )
    memory.runner.step.emit(2, 3)
    assert (memory.progress.value(), memory.progress.maximum()) == (2, 3)
    result = RunResult("CPU", "tensorflow", 8, 3, "adam", "float32", 0.5, 1_073_741_824,
                       "allocator peak", 1_050_000_000)  # fmt: skip
    memory.runner.finished.emit(result)
    assert memory.measured.text() == (
        "resnet50 at batch 8, adam, float32 on CPU (tensorflow): measured 1.00 GiB (1.07 GB), "
        "estimated 1,001.36 MiB (1,050.00 MB) (estimate / measured 0.98); 16.0 samples/s."
    )
    assert memory.measure_button.isEnabled() and not memory.cancel_button.isEnabled()
    assert memory.measure()
    # With the process's RSS growth and TensorFlow's own memory (a CPU run), their ratio too.
    measured = replace(result, rss_growth_bytes=1_600_000_000, runtime_bytes=RUNTIME)
    memory.runner.finished.emit(measured)
    assert memory.measured.text().endswith(
        "16.0 samples/s. The process grew by 1.49 GiB (1.60 GB); with TensorFlow's own memory "
        "(536.0 MiB) the estimate is 1.01 of it."
    )
    assert memory.measure()
    memory.runner.failed.emit("The run was cancelled.")
    assert memory.measured.text() == "resnet50 at batch 8, adam, float32: The run was cancelled."
