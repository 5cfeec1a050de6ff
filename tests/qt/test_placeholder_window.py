"""The first window lists the catalog by family and shows the picked entry's description."""

from __future__ import annotations

from explorer.core.catalog import architectures, families
from explorer.qt.placeholder_window import PlaceholderWindow


def test_catalog_tree_and_description(qtbot) -> None:
    window = PlaceholderWindow()
    qtbot.addWidget(window)
    tree = window.tree
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == list(
        families()
    )
    resnets = tree.topLevelItem(1)
    assert [resnets.child(i).text(1) for i in range(resnets.childCount())] == [
        "resnet18",
        "resnet34",
        "resnet50",
        "resnet101",
        "resnet152",
    ]
    tree.setCurrentItem(resnets.child(2))
    resnet50 = next(a for a in architectures() if a.id == "resnet50")
    assert window.description.text() == resnet50.description
    assert window.windowTitle() == "Keras Architecture Explorer"
