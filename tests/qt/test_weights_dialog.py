"""The compatibility report dialog, on hand-made reports (no TensorFlow needed)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from explorer.core.exports.weights_reports import report_text
from explorer.core.weights.compatibility import CompatibilityReport, ReportRow
from explorer.qt.dialogs.weights_report import CompatibilityDialog, ReportTableModel

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
MATCHED_ROW = ["conv1_conv", "matched", "(7, 7, 3, 64)", "(7, 7, 3, 64)", "conv1_conv"]
PROBLEM_ROWS = [
    ["predictions", "shape mismatch", "(512, 5), (5,)", "(512, 10), (10,)", "predictions"],
    ["conv5_block3_3_bn", "missing", "(2048,), (2048,), (2048,), (2048,)", "-", ""],
    ["dense_9", "extra", "-", "(10, 10)", "dense_9"],
]


def shown(dialog: CompatibilityDialog) -> list[list[str]]:
    """The table's cells as the view shows them, in the view's order."""
    proxy = dialog.table.model()
    return [
        [proxy.index(r, c).data() for c in range(proxy.columnCount())]
        for r in range(proxy.rowCount())
    ]


def make(qtbot, report: CompatibilityReport, architecture: str) -> CompatibilityDialog:
    dialog = CompatibilityDialog(report, architecture)
    qtbot.addWidget(dialog)
    return dialog


def test_a_fitting_file_offers_load_as_the_default(qtbot) -> None:
    dialog = make(qtbot, FITS, "resnet34:classes=10")
    assert dialog.windowTitle() == "Weights Compatibility — r34.weights.h5"
    assert dialog.verdict.text() == "✔ r34.weights.h5 fits resnet34:classes=10 completely"
    assert dialog.verdict.toolTip() == "/data/r34.weights.h5"
    assert dialog.counts.text() == "3 matched · 0 shape mismatch · 0 missing · 0 extra"
    assert dialog.load_button.isEnabled() and dialog.load_button.isDefault()
    assert not dialog.problems_only.isChecked()
    assert [row[0] for row in shown(dialog)] == ["conv1_conv", "conv1_bn", "predictions"]
    assert shown(dialog)[1][2:4] == ["(64,), (64,), (64,), (64,)"] * 2


def test_load_accepts_and_cancel_rejects(qtbot) -> None:
    dialog = make(qtbot, FITS, "resnet34:classes=10")
    dialog.load_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    dialog = make(qtbot, FITS, "resnet34:classes=10")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_a_misfit_shows_its_problems_and_offers_no_load(qtbot) -> None:
    dialog = make(qtbot, MISFITS, "resnet34:classes=5")
    assert dialog.verdict.text() == (
        "✘ r34.weights.h5 does not fit resnet34:classes=5 — nothing will be loaded"
    )
    assert dialog.counts.text() == "1 matched · 1 shape mismatch · 1 missing · 1 extra"
    assert not dialog.load_button.isEnabled()
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close.isDefault()
    assert dialog.problems_only.isChecked()
    assert shown(dialog) == PROBLEM_ROWS
    dialog.problems_only.setChecked(False)
    assert shown(dialog) == [MATCHED_ROW, *PROBLEM_ROWS]
    dialog.load_button.click()  # disabled: nothing happens
    assert dialog.result() == 0
    close.click()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_status_cells_are_coloured_and_explained(qtbot) -> None:
    model = ReportTableModel()
    model.set_report(MISFITS)
    colours = [model.index(r, 1).data(Qt.ItemDataRole.ForegroundRole) for r in range(4)]
    assert [c.name() for c in colours] == ["#2e7d32", "#c62828", "#ef6c00", "#ef6c00"]
    tips = [model.index(r, 1).data(Qt.ItemDataRole.ToolTipRole) for r in range(4)]
    assert tips[2] == "missing: the model has this layer, the file does not"
    assert tips[3] == "extra: the file has weights the model has no place for"
    assert [tip.split(":")[0] for tip in tips] == ["matched", "shape mismatch", "missing", "extra"]
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    model.set_report(None)
    assert model.rowCount() == 0


def test_sorting_by_status_puts_the_worst_first(qtbot) -> None:
    dialog = make(qtbot, MISFITS, "resnet34:classes=5")
    dialog.problems_only.setChecked(False)
    dialog.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert [row[1] for row in shown(dialog)] == ["shape mismatch", "missing", "extra", "matched"]
    dialog.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [row[0] for row in shown(dialog)] == [
        "conv1_conv",
        "conv5_block3_3_bn",
        "dense_9",
        "predictions",
    ]


def test_copy_report_puts_the_text_report_on_the_clipboard(qtbot) -> None:
    dialog = make(qtbot, MISFITS, "resnet34:classes=5")
    dialog.show()
    QGuiApplication.clipboard().setText("")
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == report_text(MISFITS)
    assert dialog.isVisible()  # copying does not close the dialog
