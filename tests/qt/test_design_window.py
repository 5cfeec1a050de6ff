"""Designs in the window, against a fake worker client: open, edit live, save, Edit a Copy, and
the code of what is shown. The window asks the worker to build a design from its JSON."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from explorer.core.exports.code import code_for
from explorer.core.sources.copies import design_from_reference
from explorer.core.sources.designs import files as design_files
from tests.qt.conftest import pick

MINI_RESNET = "resources/designs/mini-resnet.design.json"


def test_open_edit_save_and_copy_designs(qtbot, window, fake, prompts, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    designs, designer = window.designs, window.designer
    assert not window.designer_dock.isVisible()

    # A design file opens in the designer, and the worker is asked to build it.
    assert designs.open_design(MINI_RESNET)
    assert window.designer_dock.isVisible()
    assert window.designer_dock.windowTitle() == "Designer — mini-resnet.design.json"
    design = design_files.load(MINI_RESNET)
    assert designer.design == design
    assert fake.builds()[-1] == design_files.to_json(design)
    assert [a.toolTip() for a in window.recent.menu.actions()] == [str(Path(MINI_RESNET).resolve())]

    # An edit is built at once: a wider classifier.
    designer.layers.setCurrentRow(8)
    designer.properties.editor("units").setValue(100)
    assert json.loads(fake.builds()[-1])["layers"][8]["args"]["units"] == 100
    assert window.designer_dock.windowTitle().endswith("(changed)")

    # Saved where asked, exactly the design's JSON; the window remembers the file.
    path = tmp_path / "wider.design.json"
    assert designs.save_design_as(str(path))
    assert path.read_text() == design_files.to_json(designer.design)
    assert json.loads(path.read_text())["layers"][8]["args"]["units"] == 100
    assert window.designer_dock.windowTitle() == "Designer — wider.design.json"
    assert window.statusBar().currentMessage() == f"Saved the design to {path}"

    # A damaged file is explained; the design on screen stays.
    bad = tmp_path / "bad.design.json"
    bad.write_text('{"format": "keras-architecture-explorer.design", "version": 3}')
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert not designs.open_design(str(bad))
    assert shown == [
        f"{bad} was written by a newer version (3); this program reads versions 1 to 2"
    ]
    assert designer.design == design_files.load(path)

    # Edit a Copy of ResNet18, with an unsaved change: it is not dropped without asking.
    pick(qtbot, window, "resnet18")
    designer.layers.setCurrentRow(1)
    designer.properties.editor("filters").setValue(8)
    prompts.discard = False
    assert not designs.edit_copy()
    assert prompts.discards == 1
    prompts.discard = True
    assert designs.edit_copy()
    assert prompts.discards == 2
    copy = design_from_reference(window.state.reference)
    assert designer.design == copy
    assert fake.builds()[-1] == design_files.to_json(copy)
    assert window.designer_dock.windowTitle() == "Designer — unsaved"


def test_an_example_opens_from_the_design_menu(window, fake) -> None:
    window.designs.examples_menu.actions()[2].trigger()  # small-vgg
    assert window.designer_dock.isVisible()
    assert window.designer_dock.windowTitle() == "Designer — small-vgg.design.json"
    assert window.designer.design == design_files.load("resources/designs/small-vgg.design.json")
    assert fake.builds()[-1] == design_files.to_json(window.designer.design)


def test_show_code_of_the_model_on_screen(qtbot, window) -> None:
    pick(qtbot, window, "resnet18")
    dialog = window.designs.show_code()
    assert dialog is not None and dialog.isVisible()
    assert dialog.style() == "functional"
    assert dialog.code() == code_for(window.state.reference, "functional")
    dialog.set_style("sequential")
    assert dialog.message().startswith(
        "resnet18 cannot be written as a Sequential model: its residual"
    )
    window.close()


def test_ctrl_z_in_a_property_field_undoes_the_design(qtbot, window) -> None:
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert [a.text() for a in edit_menu.actions()[:2]] == ["Undo", "Redo"]
    window.designs.examples_menu.actions()[2].trigger()  # small-vgg
    designer = window.designer
    designer.layers.setCurrentRow(1)
    filters = designer.properties.editor("filters")
    before = filters.value()
    filters.setFocus()
    qtbot.waitUntil(filters.hasFocus)
    filters.setValue(before + 8)
    assert designer.undo_stack.count() == 1
    qtbot.keyClick(filters, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert designer.undo_stack.index() == 0
    assert designer.properties.editor("filters").value() == before
    qtbot.keyClick(
        designer.properties.editor("filters"), Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier
    )
    assert designer.undo_stack.index() == 1
    field = designer.properties.editor("filters")
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert designer.undo_stack.index() == 0
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(designer.properties.editor("filters"), Qt.Key.Key_Z, shift_ctrl)
    assert designer.undo_stack.index() == 1  # Ctrl+Shift+Z redoes too
