"""Parameter sweeps in the window: the real worker builds each point; plots, table, cancel."""

from __future__ import annotations

from itertools import pairwise

from tests.qt.test_main_window import TIMEOUT_MS, open_window, pick


def wait_until_done(qtbot, sweep) -> None:
    qtbot.waitUntil(lambda: not sweep.is_running(), timeout=TIMEOUT_MS)


def test_sweep_input_size_then_classes_with_a_pinned_model(
    qtbot, settings, summary_of, tmp_path
) -> None:
    window = open_window(qtbot, settings)
    pick(qtbot, window, "resnet18")
    sweep = window.sweep
    labels = [sweep.param.itemText(i) for i in range(sweep.param.count())]
    assert labels == ["input size (square side)", "classes"]
    assert (sweep.start.value(), sweep.stop.value(), sweep.step.value()) == (56, 344, 32)
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
        assert point.totals == summary_of(f"resnet18:input_shape={side}x{side}x3").totals
    (curve,) = sweep.plots["macs"].getPlotItem().listDataItems()
    assert list(curve.xData) == [32, 64, 96]
    assert list(curve.yData) == [p.totals.macs for p in run.points]
    assert sweep.progress.value() == sweep.progress.maximum() == 3
    assert sweep.status.text() == "Done: 3 points."
    first = sweep.table.table.rows[0]
    assert first[:3] == ["resnet18", "32x32x3", f"{run.points[0].totals.params:,}"]

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
        assert params[0] == summary_of(f"{base}:classes=10").totals.params
        assert [b - a for a, b in pairwise(params)] == [10 * 513, 10 * 513]
    legend = [label.text for _, label in sweep.legend.items]
    assert legend == ["resnet18", "resnet34"]
    assert len(sweep.table.table.rows) == 6
    assert sweep.export_with_dialog("activations", str(tmp_path / "sweep.svg"))
    assert "<svg" in (tmp_path / "sweep.svg").read_text()
    assert sweep.table.export(str(tmp_path / "sweep.csv"))
    lines = (tmp_path / "sweep.csv").read_text().splitlines()
    assert lines[0] == "Model,Value,Params,MACs per sample,Activations per sample (MiB)"
    assert lines[1].startswith(f"resnet18,10,{sweep.runs[0].points[0].totals.params},")
    window.close()


def test_a_sweep_can_be_cancelled_and_a_bad_range_starts_nothing(qtbot, settings) -> None:
    window = open_window(qtbot, settings)  # resnet50
    sweep = window.sweep
    sweep.set_range(300, 200, 10)
    assert not sweep.run()
    assert sweep.status.text() == "from: 300 is larger than 'to' (200)"
    sweep.set_range(64, 352, 32)
    assert sweep.run()
    qtbot.waitUntil(lambda: len(sweep.runs[0].points) >= 1, timeout=TIMEOUT_MS)
    sweep.cancel()
    wait_until_done(qtbot, sweep)
    done = len(sweep.runs[0].points)
    assert 1 <= done < 10
    assert sweep.status.text() == f"Cancelled after {done} of 10 points."
    # The worker is free again: the next build goes through.
    pick(qtbot, window, "resnet18")
    window.close()
