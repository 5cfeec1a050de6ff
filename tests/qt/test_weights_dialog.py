"""The compatibility report dialog, on hand-made reports (no TensorFlow needed)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from explorer.core.export import report_text
from explorer.core.weights import CompatibilityReport, ReportRow
from explorer.qt.weights_dialog import CompatibilityDialog

FITS = CompatibilityReport(
    "/data/r34.weights.h5",
    "keras",
    (
        ReportRow("conv1_conv", "matched", ((7, 7, 3, 64),), ((7, 7, 3, 64),), "conv1_conv"),
        ReportRow("conv1_bn", "matched", ((64,),) * 4, ((64,),) * 4, "conv1_bn"),
        ReportRow("predictions", "matched", ((512, 10), (10,)), ((512, 10), (10,)), "predictions"),
    ),
)
MISFITS = CompatibilityReport(
    "/data/r34.weights.h5",
    "keras",
    (
        ReportRow("conv1_conv", "matched", ((7, 7, 3, 64),), ((7, 7, 3, 64),), "conv1_conv"),
        ReportRow(
            "predictions", "shape mismatch", ((512, 5), (5,)), ((512, 10), (10,)), "predictions"
        ),
        ReportRow("conv5_block3_3_bn", "missing", ((2048,),) * 4, ()),
        ReportRow("dense_9", "extra", (), ((10, 10),), "dense_9"),
    ),
)


def cells(dialog: CompatibilityDialog) -> list[list[str]]:
    proxy = dialog.proxy
    return [
        [proxy.index(r, c).data() for c in range(proxy.columnCount())]
        for r in range(proxy.rowCount())
    ]


def test_a_fitting_file_offers_load(qtbot) -> None:
    dialog = CompatibilityDialog(FITS, "resnet34:classes=10")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Weights Compatibility — r34.weights.h5"
    assert dialog.verdict.text() == "✔ r34.weights.h5 fits resnet34:classes=10 completely"
    assert dialog.counts.text() == "3 matched · 0 shape mismatch · 0 missing · 0 extra"
    assert dialog.load_button.isEnabled() and not dialog.problems_only.isChecked()
    assert len(cells(dialog)) == 3
    dialog.load_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_misfit_shows_its_problems_and_offers_no_load(qtbot) -> None:
    dialog = CompatibilityDialog(MISFITS, "resnet34:classes=5")
    qtbot.addWidget(dialog)
    assert dialog.verdict.text() == (
        "✘ r34.weights.h5 does not fit resnet34:classes=5 — nothing will be loaded"
    )
    assert not dialog.load_button.isEnabled()
    assert dialog.problems_only.isChecked()
    assert cells(dialog) == [
        ["predictions", "shape mismatch", "(512, 5), (5,)", "(512, 10), (10,)", "predictions"],
        ["conv5_block3_3_bn", "missing", "(2048,), (2048,), (2048,), (2048,)", "-", ""],
        ["dense_9", "extra", "-", "(10, 10)", "dense_9"],
    ]
    dialog.problems_only.setChecked(False)
    assert len(cells(dialog)) == 4
    model = dialog.model
    matched = model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole)
    mismatch = model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole)
    assert matched.name() == "#2e7d32" and mismatch.name() == "#c62828"
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == report_text(MISFITS)
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected
