"""Questions the window asks before it acts, in one object that tests replace through the
window's constructor."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from explorer.core.weights.compatibility import CompatibilityReport
from explorer.qt.dialogs.weights_report import CompatibilityDialog
from explorer.qt.i18n import translate


class Prompts:
    """The real questions: dialogs that wait for the user."""

    def confirm_load(self, report: CompatibilityReport, reference: str, parent: QWidget) -> bool:
        """Show a weights file's compatibility report; True when the user chose to load it
        (offered only when it loads completely)."""
        dialog = CompatibilityDialog(report, reference, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def confirm_discard(self, parent: QWidget) -> bool:
        """May the design's unsaved changes be dropped?"""
        answer = QMessageBox.question(
            parent,
            translate("Prompts", "Designer"),
            translate("Prompts", "The design has changes that are not saved. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard
