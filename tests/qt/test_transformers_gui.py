"""The transformers in the window (fake worker, recorded summaries): picked from the picker,
compared with ResNet50 by stage, and a BERT sweep over sequence_length that shows attention's
square."""

from __future__ import annotations

from dataclasses import replace

from explorer.core.analysis.sweep import SweepPoint
from explorer.core.sources.catalog import get
from explorer.core.worker import protocol as p
from explorer.qt.panels.picker import ID_ROLE
from tests.qt.conftest import assert_table_shows, open_window, pick
from tests.qt.conftest import model_cells as cells
from tests.recorded import recorded


def test_pick_vit_b16_and_compare_it_with_resnet50_by_stage(qtbot, settings) -> None:
    window = open_window(qtbot, settings)
    window.picker.search_edit.setText("vit")
    model = window.picker.tree.model()
    family = model.index(0, 0)
    assert family.data() == "Transformer"
    titles = [model.index(row, 0, family).data() for row in range(model.rowCount(family))]
    assert titles == ["ViT-Ti/16", "ViT-S/16", "ViT-B/16"]
    assert model.index(2, 0, family).data(ID_ROLE) == "vit_b16"
    pick(qtbot, window, "vit_b16")
    assert get("vit_b16").description in window.picker.description.text()
    assert_table_shows(window, recorded("vit_b16"))
    assert window.state.summary.totals.params == 86_567_656
    window.pin_current()
    pick(qtbot, window, "resnet50")
    window.pin_current()
    stages = cells(window.compare.stages_table.table)
    # In the order pinned; only the head is shared.
    assert [row[0] for row in stages] == [
        "embedding", "encoder", "stem", "conv2_x", "conv3_x", "conv4_x", "conv5_x", "head",
    ]  # fmt: skip
    assert stages[1] == ["encoder", "(None, 197, 768)", "85,054,464", "17,447,454,720"] + ["-"] * 3
    window.close()


def test_a_bert_sweep_over_sequence_length_plots_against_tokens(qtbot, settings) -> None:
    window = open_window(qtbot, settings)
    pick(qtbot, window, "bert_tiny")
    sweep, fake = window.sweep, window.client
    labels = [sweep.param.itemText(i) for i in range(sweep.param.count())]
    assert "sequence length" in labels
    sweep.param.setCurrentIndex(labels.index("sequence length"))
    sweep.set_range(64, 128, 64)
    assert sweep.run()
    assert [r for r in fake.sent if isinstance(r, p.Sweep)] == [
        p.Sweep(1, "bert_tiny", "sequence_length", (64, 128))
    ]
    totals = recorded("bert_tiny").totals  # at 128 tokens
    # 2 layers x 2 x 128 wide x L² for QKᵀ and AV; the rest from the core test.
    short = SweepPoint(64, replace(totals, macs=27_279_360), "", 64, 2_097_152)
    long = SweepPoint(128, totals, "", 128, 8_388_608)
    fake.reply(p.SweepPointDone(1, 0, short))
    fake.reply(p.SweepPointDone(1, 1, long))
    fake.reply(p.SweepDone(1, False))
    plot = sweep.plots["macs"].getPlotItem()
    total, attention = plot.listDataItems()
    assert list(attention.yData) == [2_097_152, 8_388_608]
    assert list(total.xData) == list(attention.xData) == [64, 128]
    assert attention.opts["name"] == "bert_tiny: attention QKᵀ, AV"
    assert plot.getAxis("bottom").labelText == "tokens (from sequence length)"
    assert sweep.table.table.rows[1][-3:-1] == ["128", "8,388,608"]  # then training memory
    assert sweep.status.text() == (
        "Done: 2 points. From 64 to 128 tokens (x2.00), the attention products QKᵀ and AV "
        "grow x4.00, with the square of the tokens; the other MACs grow x2.00."
    )
    window.close()
