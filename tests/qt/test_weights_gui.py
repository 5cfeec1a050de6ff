"""Weights files through the window against a fake worker client: save, check, load, the
report, damaged files. The real round trips are in test_end_to_end.py."""

from __future__ import annotations

from explorer.core.weights.compatibility import CompatibilityReport, ReportRow
from explorer.core.worker import protocol as p
from tests.qt.conftest import table_cells
from tests.recorded import recorded

SHAPES = ((3, 3, 3, 64),)


def report(path: str, mismatch: bool = False) -> CompatibilityReport:
    rows = (
        ReportRow("conv1_conv", "matched", SHAPES, SHAPES, "conv1_conv"),
        ReportRow(
            "predictions",
            "shape mismatch" if mismatch else "matched",
            ((2048, 1000), (1000,)),
            ((2048, 10), (10,)) if mismatch else ((2048, 1000), (1000,)),
            "predictions",
        ),
    )
    return CompatibilityReport(path, "keras", rows)


def test_a_name_keras_cannot_write_gets_the_suffix_offered(window, fake, tmp_path, monkeypatch):
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
    window.files.save_action.trigger()
    assert asked == [
        "Keras 3 writes weights only to names ending in .weights.h5.\n\n"
        "Save as model.weights.h5 instead?"
    ]
    path = str(tmp_path / "model.weights.h5")
    assert fake.sent[-1] == p.SaveWeights(1, "resnet50", path)
    assert window.status.busy.isVisibleTo(window)
    assert window.statusBar().currentMessage() == f"Saving weights to {path}…"
    fake.reply(p.Progress(1, "Building real weights to save…"))
    assert window.statusBar().currentMessage() == "Building real weights to save…"
    fake.reply(p.WeightsSaved(1, path))
    assert not window.status.busy.isVisibleTo(window)
    assert window.statusBar().currentMessage() == f"Saved the weights to {path}"


def test_a_file_that_fits_is_checked_shown_then_loaded(window, fake, prompts, tmp_path) -> None:
    path = str(tmp_path / "a.weights.h5")
    assert window.files.load_weights(path)
    assert fake.sent[-1] == p.CheckWeights(1, "resnet50", path)
    assert window.statusBar().currentMessage() == f"Checking {path} against resnet50…"
    fits = report(path)
    fake.reply(p.WeightsChecked(1, fits))
    assert prompts.reports == [fits]  # the report was shown, and the user said load
    assert fake.sent[-1] == p.LoadWeights(2, "resnet50", path)
    assert [a.toolTip() for a in window.recent.menu.actions()] == [path]
    fake.reply(p.WeightsLoaded(2, recorded("resnet50"), fits))
    assert "weights from <code>a.weights.h5</code>" in window.heading.text()
    assert window.state.weights_from == path
    assert window.statusBar().currentMessage() == f"Loaded the weights from {path}"
    # A build of other parameters drops the weights from the heading.
    window.picker.select("resnet34")
    fake.reply(p.Built(fake.sent[-1].generation, recorded("resnet34"), 0.5))
    assert "weights from" not in window.heading.text()


def test_a_file_that_does_not_fit_is_reported_and_never_loaded(window, fake, prompts, tmp_path):
    path = str(tmp_path / "ten.weights.h5")
    table = table_cells(window)
    window.files.load_weights(path)
    misfit = report(path, mismatch=True)
    fake.reply(p.WeightsChecked(1, misfit))
    assert prompts.reports == [misfit]
    assert not any(isinstance(r, p.LoadWeights) for r in fake.sent)  # even after a "yes"
    assert window.statusBar().currentMessage() == (
        f"{path}: would NOT load (1 matched, 1 shape mismatch, 0 missing, 0 extra layers)"
    )
    assert table_cells(window) == table
    # Declined: nothing is loaded either.
    prompts.load = False
    window.files.load_weights(path)
    fake.reply(p.WeightsChecked(2, report(path)))
    assert not any(isinstance(r, p.LoadWeights) for r in fake.sent)


def test_a_damaged_file_is_explained_and_nothing_changes(window, fake, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    damaged = str(tmp_path / "cut.weights.h5")
    table = table_cells(window)
    window.files.load_weights(damaged)
    fake.reply(p.WeightsFailed(1, f"{damaged} is damaged or cannot be read: truncated"))
    assert shown == [f"Nothing was changed.\n\n{damaged} is damaged or cannot be read: truncated"]
    assert table_cells(window) == table
    assert window.heading.text().count("weights from") == 0
    assert not window.status.busy.isVisibleTo(window)


def test_a_failed_load_with_a_report_shows_the_report(window, fake, prompts, tmp_path) -> None:
    path = str(tmp_path / "a.weights.h5")
    misfit = report(path, mismatch=True)
    window.files.load_weights(path)
    fake.reply(p.WeightsFailed(1, misfit.summary_line(), misfit))
    assert prompts.reports == [misfit]
    assert window.statusBar().currentMessage() == misfit.summary_line()
