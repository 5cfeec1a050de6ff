"""The totals panel shows ResNet50's exact totals, memory in both units, and a batch size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from explorer.core.analysis.summary import ModelSummary, Totals
from explorer.qt.panels.totals import TotalsPanel

KEYS = (
    "params",
    "trainable",
    "non_trainable",
    "weights",
    "macs",
    "flops",
    "activations",
    "batch_activations",
)


@pytest.fixture(scope="module")
def resnet50(summary_of) -> ModelSummary:
    return summary_of("resnet50")


@pytest.fixture
def panel(qtbot) -> TotalsPanel:
    widget = TotalsPanel()
    qtbot.addWidget(widget)
    return widget


def test_resnet50_totals(panel: TotalsPanel, resnet50: ModelSummary) -> None:
    assert resnet50.totals == Totals(
        params=25_610_152,
        trainable_params=25_557_032,
        non_trainable_params=53_120,
        weights_bytes=102_440_608,
        macs=3_857_973_248,
        activation_elements=36_969_684,
    )
    panel.set_totals(resnet50.totals)
    assert {key: panel.text_of(key) for key in KEYS} == {
        "params": "25,610,152",
        "trainable": "25,557,032",
        "non_trainable": "53,120",
        "weights": "97.69 MiB (102.44 MB)",
        "macs": "3,857,973,248 (3.86 G)",
        "flops": "7,715,946,496 (7.72 G)",
        "activations": "141.03 MiB (147.88 MB)",
        "batch_activations": "4.41 GiB (4.73 GB)",
    }
    assert panel.batch_size.value() == 32
    assert (panel.batch_size.minimum(), panel.batch_size.maximum()) == (1, 65536)
    weights = next(w for w in panel.findChildren(QLabel) if w.text() == "97.69 MiB (102.44 MB)")
    assert "MiB = 2^20 bytes, MB = 10^6 bytes" in weights.toolTip()
    assert weights.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_batch_size_changes_batch_activations_only(
    panel: TotalsPanel, resnet50: ModelSummary
) -> None:
    panel.set_totals(resnet50.totals)
    panel.batch_size.setValue(1)
    assert panel.text_of("batch_activations") == "141.03 MiB (147.88 MB)"
    assert panel.text_of("activations") == "141.03 MiB (147.88 MB)"
    panel.batch_size.setValue(256)  # 147,878,736 bytes x 256
    assert panel.text_of("batch_activations") == "35.26 GiB (37.86 GB)"


def test_none_clears_and_small_counts_have_no_suffix(
    panel: TotalsPanel, resnet50: ModelSummary
) -> None:
    assert all(panel.text_of(key) == "—" for key in KEYS)
    panel.set_totals(resnet50.totals)
    panel.set_totals(None)
    assert all(panel.text_of(key) == "—" for key in KEYS)
    panel.batch_size.setValue(8)
    assert panel.text_of("batch_activations") == "—"

    panel.set_totals(Totals(10, 10, 0, 40, 500, 100))
    assert panel.text_of("macs") == "500"
    assert panel.text_of("flops") == "1,000 (1.00 k)"
    assert panel.text_of("weights") == "40 bytes"
    assert panel.text_of("batch_activations") == "3.12 KiB (3.20 kB)"


def test_a_narrow_strip_shows_the_totals_on_one_line(qtbot, summary_of) -> None:
    panel = TotalsPanel()
    qtbot.addWidget(panel)
    panel.set_totals(summary_of("resnet50").totals)
    panel.resize(1400, 100)
    panel.show()
    qtbot.waitUntil(lambda: panel.columns == 3)
    assert not panel.compact.isVisible() and panel.text_of("params") == "25,610,152"
    panel.resize(500, 100)
    qtbot.waitUntil(lambda: panel.columns == 0)
    assert panel.compact.isVisible() and panel.batch_size.isVisible()
    assert panel.compact.text() == (
        "25,610,152 parameters (53,120 non-trainable) · weights 97.7 MiB · 3.86 G MACs · "
        "activations 141.0 MiB per sample, 4.4 GiB for the batch"
    )
    panel.batch_size.setValue(1)
    assert panel.compact.text().endswith("141.0 MiB for the batch")


def test_longer_figures_arriving_later_switch_to_the_short_line(qtbot, summary_of) -> None:
    panel = TotalsPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.resize(panel._width_for(3) + 10, 100)  # the grid fits while every value is "—"
    qtbot.waitUntil(lambda: panel.columns == 3)
    panel.set_totals(summary_of("resnet50").totals)  # now the figures are long
    assert panel.columns == 0 and panel.compact.isVisible()
