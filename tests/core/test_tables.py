"""The shared table renderers and the data of the stage chart."""

from __future__ import annotations

import pytest

from explorer.core.analysis.chart_data import stage_bars
from explorer.core.analysis.stages import stages
from explorer.core.exports.tables import (
    csv_table,
    markdown_table,
    plain_number,
    plain_table,
    tsv_table,
)

HEADERS = ["Quantity", "1. a", "2. b"]
ROWS = [["Total params", "1,234,567", "+12 (+0.0%)"], ["Note", "a\tb|c", "-7,000"]]


def test_numbers_lose_their_separators_in_files_and_on_the_clipboard() -> None:
    assert plain_number("1,234,567") == "1234567"
    assert plain_number("-7,000") == "-7000"
    assert plain_number("+12 (+0.0%)") == "+12 (+0.0%)"
    assert plain_number("(None, 7, 7, 512)") == "(None, 7, 7, 512)"
    assert plain_number("12,34") == "12,34"
    assert tsv_table(HEADERS, ROWS) == (
        "Quantity\t1. a\t2. b\nTotal params\t1234567\t+12 (+0.0%)\nNote\ta b|c\t-7000\n"
    )
    assert csv_table(HEADERS, ROWS).splitlines() == [
        "Quantity,1. a,2. b",
        "Total params,1234567,+12 (+0.0%)",
        "Note,a\tb|c,-7000",
    ]
    assert markdown_table(HEADERS, ROWS, {1, 2})[1:] == [
        "| --- | ---: | ---: |",
        "| Total params | 1,234,567 | +12 (+0.0%) |",
        "| Note | a\tb\\|c | -7,000 |",
    ]


def test_stage_bars_are_the_stage_table(summary_of) -> None:
    r34, r50 = summary_of("resnet34"), summary_of("resnet50")
    bars = stage_bars([r34, r50], "macs")
    assert bars.by_stage and bars.groups[0] == "stem" and bars.groups[-1] == "head"
    assert bars.values == (
        tuple(s.macs for s in stages(r34)),
        tuple(s.macs for s in stages(r50)),
    )
    assert [sum(v) for v in bars.values] == [r34.totals.macs, r50.totals.macs]
    cnn = summary_of("simple-cnn")
    totals = stage_bars([r34, cnn], "params")
    assert (totals.groups, totals.values, totals.by_stage) == (
        ("total",),
        ((21_797_672 + r34.totals.non_trainable_params,), (200_705_448,)),
        False,
    )
    assert stage_bars([], "params").values == ()
    with pytest.raises(ValueError, match="unknown metric 'flops'"):
        stage_bars([r34], "flops")


def test_control_characters_from_a_model_are_escaped_in_every_text_table() -> None:
    """A model file's layer may be named "c\\x1b[31m\\n": printed raw, it recoloured the
    terminal and broke its row in two."""
    rows = [["c\x1b[31m\nx", "1,000"]]
    assert plain_table(["Name", "Params"], rows, {1})[2] == "c\\x1b[31m\\nx   1,000"
    assert markdown_table(["Name", "Params"], rows, {1})[2] == "| c\\x1b[31m\\nx | 1,000 |"
    assert csv_table(["Name", "Params"], rows) == "Name,Params\nc\\x1b[31m\\nx,1000\n"
    assert tsv_table(["Name", "Params"], rows) == "Name\tParams\nc\\x1b[31m x\t1000\n"
