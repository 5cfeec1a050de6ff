"""Designs in the window: open, edit live, save, Edit a Copy, and the code of what is shown."""

from __future__ import annotations

import json

from explorer.core.analysis.build import summarize
from explorer.core.exports.code import code_for
from explorer.core.sources.copies import design_from_reference
from explorer.core.sources.designs import files as design_files
from tests.qt.test_main_window import TIMEOUT_MS, open_window, pick, table_cells

MINI_RESNET = "resources/designs/mini-resnet.design.json"


def test_open_edit_save_and_copy_designs(qtbot, settings, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = open_window(qtbot, settings)
    designs, designer = window.designs, window.designer
    assert not window.designer_dock.isVisible()

    # A design file opens in the designer, and the table shows its model.
    with qtbot.waitSignal(window.worker.build_finished, timeout=TIMEOUT_MS):
        assert designs.open_design(MINI_RESNET)
    assert window.designer_dock.isVisible()
    assert window.designer_dock.windowTitle() == "Designer — mini-resnet.design.json"
    core = summarize(design_files.reference_for(design_files.load(MINI_RESNET)))
    assert len(table_cells(window)) == len(core.layers) == 30
    assert window.summary.totals == core.totals
    assert window.totals.text_of("params").startswith("78,714")

    # An edit shows at once: a wider classifier.
    with qtbot.waitSignal(window.worker.build_finished, timeout=TIMEOUT_MS):
        designer.layers.setCurrentRow(8)
        designer.properties.editor("units").setValue(100)
    assert window.summary.totals.params == 78_714 + 90 * 65
    assert window.designer_dock.windowTitle().endswith("(changed)")

    # Saved where asked, exactly the design's JSON; the window remembers the file.
    path = tmp_path / "wider.design.json"
    assert designs.save_design_as(str(path))
    assert path.read_text() == design_files.to_json(designer.design)
    assert json.loads(path.read_text())["layers"][8]["args"]["units"] == 100
    assert window.designer_dock.windowTitle() == "Designer — wider.design.json"

    # A damaged file is explained; the design on screen stays.
    bad = tmp_path / "bad.design.json"
    bad.write_text('{"format": "keras-architecture-explorer.design", "version": 2}')
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert not designs.open_design(str(bad))
    assert shown == [f"{bad} was written by a newer version (2); this program reads version 1"]
    assert designer.design == design_files.load(path)

    # Edit a Copy of ResNet18: the copy builds the same table as the catalog model.
    pick(qtbot, window, "resnet18")
    designer.layers.setCurrentRow(1)
    designer.properties.editor("filters").setValue(8)  # an unsaved change...
    asked = []
    designs.confirm_discard = lambda: asked.append(True) or True
    catalog_table = None
    with qtbot.waitSignal(window.worker.build_finished, timeout=TIMEOUT_MS):
        catalog_table = table_cells(window)
        assert designs.edit_copy()
    assert asked == [True]  # ...was not dropped without asking
    assert designer.design == design_from_reference(window.reference)
    assert table_cells(window) == catalog_table
    window.close()


def test_show_code_of_the_model_on_screen(qtbot, settings) -> None:
    window = open_window(qtbot, settings)
    pick(qtbot, window, "resnet18")
    dialog = window.designs.show_code()
    assert dialog is not None and dialog.isVisible()
    assert dialog.style() == "functional"
    assert dialog.code() == code_for(window.reference, "functional")
    dialog.set_style("sequential")
    assert dialog.message().startswith(
        "resnet18 cannot be written as a Sequential model: its residual"
    )
    window.close()
