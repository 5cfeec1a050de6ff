"""Parameter sweeps in the window against a fake worker client: what is asked, how points fill
the plots and the table, cancel, a bad range, a crash. The real sweep is in test_end_to_end.py."""

from __future__ import annotations

from explorer.core.analysis.sweep import SweepPoint
from explorer.core.worker import protocol as p
from tests.qt.conftest import pick
from tests.recorded import recorded


def sweeps(fake) -> list[p.Sweep]:
    return [r for r in fake.sent if isinstance(r, p.Sweep)]


def test_points_fill_the_plots_and_the_table_as_they_come(qtbot, window, fake, tmp_path) -> None:
    pick(qtbot, window, "resnet18")
    sweep = window.sweep
    labels = [sweep.param.itemText(i) for i in range(sweep.param.count())]
    assert labels == [
        "input size (square side)",
        "classes",
        "batch size (training memory, no build)",  # the Memory view's, computed (no build)
    ]
    assert (sweep.start.value(), sweep.stop.value(), sweep.step.value()) == (32, 320, 32)
    assert sweep.count.text() == "10 points"
    sweep.param.setCurrentIndex(1)
    sweep.set_range(10, 30, 10)
    assert sweep.run()
    assert sweeps(fake) == [p.Sweep(1, "resnet18", "classes", (10, 20, 30))]
    assert sweep.cancel_button.isEnabled() and not sweep.run_button.isEnabled()
    totals = recorded("resnet18").totals
    for index, classes in enumerate((10, 20, 30)):
        fake.reply(p.SweepPointDone(1, index, SweepPoint(classes, totals)))
    (curve,) = sweep.plots["params"].getPlotItem().listDataItems()
    assert list(curve.xData) == [10, 20, 30]
    assert list(curve.yData) == [totals.params] * 3
    title = sweep.plots["macs"].getPlotItem().titleLabel.text
    assert title == "MACs per sample — resnet18"  # the title names the swept models
    fake.reply(p.SweepDone(1, False))
    assert sweep.status.text() == "Done: 3 points."
    assert sweep.progress.value() == sweep.progress.maximum() == 3
    assert sweep.run_button.isEnabled() and not sweep.cancel_button.isEnabled()
    assert sweep.table.table.rows[0][:3] == ["resnet18", "10", f"{totals.params:,}"]
    assert sweep.table.export(str(tmp_path / "sweep.csv"))
    lines = (tmp_path / "sweep.csv").read_text().splitlines()
    assert lines[0] == (
        "Model,Value,Params,MACs per sample,Activations per sample (MiB),Training memory (MiB)"
    )
    assert lines[1].startswith(f"resnet18,10,{totals.params},")


def test_pinned_models_are_swept_one_after_the_other(qtbot, window, fake) -> None:
    pick(qtbot, window, "resnet34")
    window.pin_current()
    pick(qtbot, window, "resnet18")
    sweep = window.sweep
    sweep.param.setCurrentIndex(1)
    sweep.set_range(10, 20, 10)
    sweep.with_pinned.setChecked(True)
    assert sweep.run()
    assert sweeps(fake) == [p.Sweep(1, "resnet18", "classes", (10, 20))]
    fake.reply(p.SweepDone(1, False))  # the next model starts when one is done
    assert sweeps(fake)[1] == p.Sweep(2, "resnet34", "classes", (10, 20))
    fake.reply(p.SweepDone(2, False))
    assert [r.label for r in sweep.runs] == ["resnet18", "resnet34"]
    title = sweep.plots["params"].getPlotItem().titleLabel.text
    assert title == "Total parameters — resnet18, resnet34"
    assert not sweep.is_running()


def test_a_sweep_can_be_cancelled_and_a_bad_range_starts_nothing(qtbot, window, fake) -> None:
    sweep = window.sweep  # resnet50
    sweep.set_range(300, 200, 10)
    assert not sweep.run()
    assert sweep.status.text() == "from: 300 is larger than 'to' (200)"
    assert sweeps(fake) == []
    sweep.set_range(64, 352, 32)
    assert sweep.run()
    fake.reply(p.SweepPointDone(1, 0, SweepPoint((64, 64, 3), recorded("resnet50").totals)))
    sweep.cancel()
    assert fake.sent[-1] == p.Cancel(1)
    fake.reply(p.SweepDone(1, True))
    assert not sweep.is_running()
    assert sweep.status.text() == "Cancelled after 1 of 10 points."


def test_a_crash_ends_the_sweep_with_a_message(qtbot, window, fake) -> None:
    sweep = window.sweep
    sweep.set_range(64, 128, 32)
    assert sweep.run()
    fake.crash()
    assert not sweep.is_running()
    assert sweep.run_button.isEnabled()
    assert "stopped unexpectedly" in sweep.status.text()
