"""The picker lists the catalog by family, filters by title or id, and emits only real picks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from explorer.core.sources.catalog import architectures, families, get
from explorer.qt.panels.picker import ID_ROLE, ArchitecturePicker


@pytest.fixture
def picker(qtbot) -> ArchitecturePicker:
    widget = ArchitecturePicker()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _visible(picker: ArchitecturePicker) -> dict[str, list[str]]:
    """family -> ids of the entries the tree shows (expanded ones only)."""
    model = picker.tree.model()
    shown: dict[str, list[str]] = {}
    for row in range(model.rowCount()):
        family = model.index(row, 0)
        assert picker.tree.isExpanded(family)
        shown[family.data()] = [
            model.index(child, 0, family).data(ID_ROLE) for child in range(model.rowCount(family))
        ]
    return shown


def test_tree_lists_every_family_and_id_in_catalog_order(picker: ArchitecturePicker) -> None:
    shown = _visible(picker)
    assert list(shown) == list(families())
    assert list(shown) == ["Seed tutorial", "ResNet", "Keras applications", "Transformer"]
    assert [i for ids in shown.values() for i in ids] == [a.id for a in architectures()]
    assert picker.tree.isHeaderHidden()
    first = picker.tree.model().index(0, 0, picker.tree.model().index(0, 0))
    assert first.data() == "Simple CNN (seed tutorial)"
    assert first.data(Qt.ItemDataRole.ToolTipRole) == get("simple-cnn").description
    assert picker.search_edit.placeholderText() == "Search architectures (Ctrl+K)"
    assert picker.minimumWidth() == 220
    assert picker.current_id() is None


def test_search_by_title_or_id_and_clear(qtbot, picker: ArchitecturePicker) -> None:
    qtbot.keyClicks(picker.search_edit, "MOBILE")
    assert _visible(picker) == {
        "Keras applications": [
            "mobilenet",
            "mobilenet_v2",
            "mobilenet_v3_small",
            "mobilenet_v3_large",
        ]
    }
    picker.search_edit.setText("resnet5")
    assert _visible(picker) == {"ResNet": ["resnet50"], "Keras applications": ["resnet50_v2"]}
    picker.search_edit.setText("_v3_")  # only in ids: the titles say "V3 Small"
    assert _visible(picker) == {"Keras applications": ["mobilenet_v3_small", "mobilenet_v3_large"]}
    picker.search_edit.clear()
    assert sum(len(ids) for ids in _visible(picker).values()) == len(architectures())


def test_select_emits_once_and_describes(qtbot, picker: ArchitecturePicker) -> None:
    picked: list[str] = []
    picker.architecture_selected.connect(picked.append)
    with qtbot.waitSignal(picker.architecture_selected, timeout=1000) as blocker:
        picker.select("resnet50")
    assert blocker.args == ["resnet50"] and picked == ["resnet50"]
    assert picker.current_id() == "resnet50"
    assert picker.tree.currentIndex().data(ID_ROLE) == "resnet50"
    assert get("resnet50").description in picker.description.text()
    assert "<b>ResNet50</b>" in picker.description.text()
    picker.select("resnet50")
    assert picked == ["resnet50", "resnet50"]


def test_search_that_hides_the_pick_emits_nothing(qtbot, picker: ArchitecturePicker) -> None:
    picker.select("resnet50")
    with qtbot.assertNotEmitted(picker.architecture_selected):
        picker.search_edit.setText("mobile")
        picker.search_edit.setText("resnet")
        picker.search_edit.clear()
    assert picker.current_id() == "resnet50"
    assert picker.tree.currentIndex().data(ID_ROLE) == "resnet50"
    picker.search_edit.setText("vgg")
    with qtbot.waitSignal(picker.architecture_selected, timeout=1000) as blocker:
        picker.select("mobilenet")  # hidden by the search, which is cleared to show it
    assert blocker.args == ["mobilenet"] and picker.search_edit.text() == ""


def test_clicking_a_family_or_an_entry(qtbot, picker: ArchitecturePicker) -> None:
    tree = picker.tree
    family = tree.model().index(1, 0)
    with qtbot.assertNotEmitted(picker.architecture_selected):
        qtbot.mouseClick(
            tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(family).center()
        )
    assert picker.current_id() is None
    entry = tree.model().index(2, 0, family)
    with qtbot.waitSignal(picker.architecture_selected, timeout=1000) as blocker:
        qtbot.mouseClick(
            tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(entry).center()
        )
    assert blocker.args == ["resnet50"]


def test_enter_or_down_picks_the_first_match(qtbot, picker: ArchitecturePicker) -> None:
    qtbot.keyClicks(picker.search_edit, "v2")
    with qtbot.waitSignal(picker.architecture_selected, timeout=1000) as blocker:
        qtbot.keyClick(picker.search_edit, Qt.Key.Key_Return)
    assert blocker.args == ["resnet50_v2"]
    picker.search_edit.setText("efficient")
    with qtbot.waitSignal(picker.architecture_selected, timeout=1000) as blocker:
        qtbot.keyClick(picker.search_edit, Qt.Key.Key_Down)
    assert blocker.args == ["efficientnet_b0"]
    picker.search_edit.setText("no such thing")
    with qtbot.assertNotEmitted(picker.architecture_selected):
        qtbot.keyClick(picker.search_edit, Qt.Key.Key_Return)
    assert picker.current_id() == "efficientnet_b0"


def test_unknown_id_is_refused(picker: ArchitecturePicker) -> None:
    from explorer.core.base.errors import ParameterError

    with pytest.raises(ParameterError):
        picker.select("lenet")
    assert picker.tree.currentIndex() == QModelIndex()
