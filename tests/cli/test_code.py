"""``explorer code`` and design files on the command line."""

from __future__ import annotations

import json

import pytest

from explorer.cli import main
from explorer.core.sources.designs.examples import examples_folder

EXAMPLES = examples_folder()

MINI_RESNET = str(EXAMPLES / "mini-resnet.design.json")


def test_code_prints_the_functional_style_by_default(capsys) -> None:
    assert main(["code", "simple-cnn", "--set", "classes=10"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert '    x = layers.Dense(10, name="dense")(x)\n' in out
    assert "    return keras.Model(inputs, x, " in out
    assert main(["code", MINI_RESNET, "--style", "subclassing"]) == 0
    out = capsys.readouterr().out
    assert "class MiniResnet(keras.Model):" in out and "class BasicBlock(layers.Layer):" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["code", MINI_RESNET, "--style", "sequential"],
            "error: mini-resnet cannot be written as a Sequential model: its residual "
            "block block1 adds a shortcut, and Sequential models are one straight line of "
            "layers; use the functional or subclassing style\n",
        ),
        (
            ["code", "vgg16"],
            "error: vgg16 cannot be copied into a design: only simple-cnn, the ResNets and "
            "designs can\n",
        ),
        (
            ["code", "simple-cnn", "--set", "filters=0"],
            "error: filters: 0 is out of range: expected an integer from 1 to 4,096\n",
        ),
        (["code", "absent.design.json"], "error: absent.design.json: no such file\n"),
        (
            ["code", "examples:nope"],
            "error: examples:nope: unknown example "
            "(known: image-and-metadata, inception-block, mini-resnet, simple-cnn, small-unet, "
            "small-vgg, text-classifier)\n",
        ),
    ],
)
def test_code_failures_exit_1_with_one_line(capsys, args: list[str], message: str) -> None:
    assert main(args) == 1
    out, err = capsys.readouterr()
    assert (out, err) == ("", message)


def test_examples_by_name_from_any_folder(capsys, monkeypatch, tmp_path) -> None:
    assert main(["code", MINI_RESNET]) == 0
    from_file = capsys.readouterr().out
    monkeypatch.chdir(tmp_path)  # found beside the package, not in the working folder
    assert main(["summary", "examples:mini-resnet"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.startswith("Architecture: examples:mini-resnet\n\n")
    assert "\nTotal params:                 78,714\n" in out
    assert main(["summary", "examples:mini-resnet.design.json", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["architecture"], data["totals"]["params"]) == ("examples:mini-resnet", 78_714)
    assert main(["code", "examples:mini-resnet"]) == 0
    assert capsys.readouterr().out == from_file


def test_bad_style_is_bad_usage(capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["code", "simple-cnn", "--style", "keras2"])
    assert caught.value.code == 2
    assert "argument --style: invalid choice: 'keras2'" in capsys.readouterr().err


def test_summary_of_a_design_file(capsys) -> None:
    assert main(["summary", MINI_RESNET, "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["architecture"] == MINI_RESNET
    assert summary["params"] == {}
    assert summary["layers"][-1]["name"] == "predictions"
    assert summary["layers"][-1]["output_shape"] == [None, 10]
    assert summary["totals"]["params"] == 78_714  # worked out in tests/core/test_design_files.py
    assert main(["summary", MINI_RESNET]) == 0
    assert "block2_0_conv (Conv2D)" in capsys.readouterr().out
