"""A design layer that does not fit is left out of the model: the CLI says so on stderr (and in
the JSON), exits 0 for the rest, and with --strict refuses the design."""

from __future__ import annotations

import json

import pytest

from explorer.cli import main

REASON = (
    "Conv2D big_conv: kernel 7×7 is larger than its 4×4 input; use padding same or a smaller size"
)


@pytest.fixture
def bad_design(tmp_path, monkeypatch) -> str:
    monkeypatch.setenv("EXPLORER_CACHE_DIR", "off")
    path = tmp_path / "bad.design.json"
    layers = [
        {"type": "Input", "name": "input_layer", "args": {"shape": [4, 4, 3]}},
        {"type": "Conv2D", "name": "big_conv", "args": {"filters": 8, "kernel_size": 7}},
        {"type": "Flatten", "name": "flatten", "args": {}},
        {"type": "Dense", "name": "out", "args": {"units": 10}},
    ]
    data = {"format": "keras-architecture-explorer.design", "version": 1, "name": "bad"}
    path.write_text(json.dumps({**data, "layers": layers}), encoding="utf-8")
    return str(path)


def test_a_left_out_layer_is_named_on_stderr_and_in_the_json(bad_design, capsys) -> None:
    assert main(["summary", bad_design, "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert err == f"warning: {bad_design}: {REASON} (the layer is left out)\n"
    summary = json.loads(out)
    assert summary["problems"] == [{"layer": "big_conv", "message": REASON}]
    assert [row["name"] for row in summary["layers"]] == ["flatten", "out"]  # 48 inputs
    assert summary["totals"]["params"] == 4 * 4 * 3 * 10 + 10


def test_strict_refuses_a_design_with_layers_left_out(bad_design, capsys) -> None:
    assert main(["summary", bad_design, "--strict"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"error: {bad_design}: {REASON}; --strict refuses a design with layers left out "
        "(1 in all)\n"
    )
    assert main(["compare", "simple-cnn", bad_design, "--strict"]) == 1
    assert main(["graph", bad_design, "--strict", "--format", "json"]) == 1


def test_a_design_that_fits_has_no_warning_and_no_problems_key(capsys, monkeypatch) -> None:
    monkeypatch.setenv("EXPLORER_CACHE_DIR", "off")
    assert main(["summary", "examples:simple-cnn", "--format", "json", "--strict"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "problems" not in json.loads(out)
