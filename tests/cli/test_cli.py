"""The CLI contract of DESIGN.md: commands, JSON schema, exit statuses, quiet stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from explorer.cli import main

LAYER_KEYS = {
    "name",
    "type",
    "output_shape",
    "params",
    "trainable_params",
    "inbound",
    "macs",
    "activation_elements",
}
TOTAL_KEYS = {
    "params",
    "trainable_params",
    "non_trainable_params",
    "weights_bytes",
    "macs",
    "activation_elements",
    "uncounted",  # the layers whose MACs are not counted (issue 14)
}


def run_cli(*args: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of ``python -m explorer ARGS``."""
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "0"}  # our own silencing must do the work
    done = subprocess.run(
        [sys.executable, "-m", "explorer", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


def check_summary_schema(summary: dict) -> None:
    assert set(summary) == {"architecture", "params", "layers", "totals"}
    assert set(summary["totals"]) == TOTAL_KEYS
    counts = {k: v for k, v in summary["totals"].items() if k != "uncounted"}
    assert all(isinstance(v, int) for v in counts.values())
    assert all(isinstance(name, str) for name in summary["totals"]["uncounted"])
    for layer in summary["layers"]:
        assert set(layer) == LAYER_KEYS
        assert isinstance(layer["name"], str) and isinstance(layer["type"], str)
        shape = layer["output_shape"]
        shapes = shape if shape and isinstance(shape[0], list) else [shape]
        assert all(s[0] is None and all(isinstance(d, int) for d in s[1:]) for s in shapes)
        assert all(isinstance(name, str) for name in layer["inbound"])
        for key in ("params", "trainable_params", "macs", "activation_elements"):
            if key == "macs" and layer["macs"] is None:  # not counted: named in the totals
                assert layer["name"] in summary["totals"]["uncounted"]
                continue
            assert isinstance(layer[key], int) and layer[key] >= 0


def test_summary_json_end_to_end_without_weights_or_log_noise() -> None:
    status, out, err = run_cli("summary", "simple-cnn", "--format", "json")
    assert (status, err) == (0, "")
    summary = json.loads(out)
    check_summary_schema(summary)
    assert summary["architecture"] == "simple-cnn"
    assert summary["params"] == {
        "api": "sequential",
        "input_shape": [224, 224, 3],
        "filters": 16,
        "kernel_size": 3,
        "strides": 2,
        "classes": 1000,
    }
    assert [layer["output_shape"] for layer in summary["layers"]] == [
        [None, 112, 112, 16],
        [None, 200704],
        [None, 1000],
    ]
    assert [layer["inbound"] for layer in summary["layers"]] == [[], ["conv2d"], ["flatten"]]
    assert summary["totals"] == {
        "params": 200_705_448,
        "trainable_params": 200_705_448,
        "non_trainable_params": 0,
        "weights_bytes": 802_821_792,
        "macs": 206_123_008,
        "activation_elements": 402_408,
        "uncounted": [],
    }


# The child reports its own high-water mark: wait4's ru_maxrss would also count the pytest
# process it was forked from (Linux carries the parent's peak over at exec).
_PEAK_PROBE = """
import runpy, sys
sys.argv = ["explorer", "summary", "simple-cnn"]
try:
    runpy.run_module("explorer", run_name="__main__")
except SystemExit as done:
    code = done.code
status = dict(line.split(":", 1) for line in open("/proc/self/status"))
sys.stderr.write(f"exit {code} peak {status['VmHWM'].strip()}\\n")
"""


def test_summary_peak_memory_stays_far_below_the_weights() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PEAK_PROBE], capture_output=True, text=True, check=False
    )
    exit_word, code, peak_word, kib, unit = result.stderr.split()
    assert (exit_word, code, peak_word, unit) == ("exit", "0", "peak", "kB")
    # TensorFlow alone takes ~0.55 GiB; the weights would add 0.75 GiB and their
    # initialisation as much again.
    assert int(kib) * 1024 < 1.0 * 2**30


def test_compare_json_keeps_the_order_given() -> None:
    status, out, err = run_cli(
        "compare",
        "resnet50",
        "resnet18:classes=10",
        "--set",
        "input_shape=64x64x3",
        "--format",
        "json",
    )
    assert (status, err) == (0, "")
    result = json.loads(out)
    assert set(result) == {"models", "stages"}  # both ResNets: the stage table comes along
    for summary in result["models"]:
        check_summary_schema(summary)
    assert [m["architecture"] for m in result["models"]] == ["resnet50", "resnet18"]
    assert [m["params"]["input_shape"] for m in result["models"]] == [[64, 64, 3]] * 2
    assert (
        result["models"][1]["totals"]["trainable_params"]
        == 11_689_512 - 1000 * 512 - 1000 + 10 * 512 + 10
    )


def test_full_build_and_devices() -> None:
    status, out, err = run_cli(
        "summary", "resnet18:input_shape=32x32x3", "--full", "--format", "csv"
    )
    assert (status, err) == (0, "")
    assert out.splitlines()[-1].startswith(
        '70,predictions,predictions,Dense,0,"(None, 1000)",513000,'
    )
    status, out, err = run_cli("devices", "--format", "json")
    assert (status, err) == (0, "")
    report = json.loads(out)
    assert report["summary"].startswith("CPU only — ") or report["gpus"]
    assert report["tensorflow_version"]


VALIDATION = [
    (["summary", "simple-cnn:classes=0"], "error: classes: 0 is out of range"),
    (
        ["summary", "resnet50:input_shape=8x8x3"],
        "error: input_shape: 8x8x3 is too small: the network halves the input",
    ),
    (
        ["summary", "simple-cnn", "--set", "input_shape=3x3x1", "--set", "kernel_size=7"],
        "error: kernel_size: a 7x7 kernel is larger than the 3x3 input",
    ),
    (
        ["summary", "simple-cnn:input_shape=224x224"],
        "error: input_shape: '224x224' is not a valid shape",
    ),
    (["summary", "resnet99"], "error: architecture: unknown architecture 'resnet99'"),
    (
        ["summary", "resnet50", "--set", "colour=red"],
        "error: colour: unknown parameter for resnet50",
    ),
    (["summary", "resnet50:classes=ten"], "error: classes: 'ten' is not an integer"),
    (
        ["compare", "resnet34", "vgg16", "--set", "variant=tutorial"],
        "error: variant: unknown parameter for vgg16",
    ),
    (["summary", "resnet50", "--set", "classes"], "error: --set: 'classes' is not NAME=VALUE"),
]


@pytest.mark.parametrize(("args", "first_line"), VALIDATION)
def test_validation_failures_exit_1_with_one_line(capsys, args: list[str], first_line: str) -> None:
    assert main(args) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(first_line)
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err


def test_a_validation_failure_in_a_real_process() -> None:
    status, out, err = run_cli("summary", "resnet50:input_shape=8x8x3")
    assert status == 1 and out == ""
    assert err.splitlines() == [
        "error: input_shape: 8x8x3 is too small: the network halves the input five times, "
        "so height and width must be at least 32"
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["summary"],
        ["compare", "resnet34"],
        ["summary", "resnet50", "--format", "xml"],
        ["frobnicate"],
        ["list", "--format", "csv"],
    ],
)
def test_bad_usage_exits_2(capsys, args: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2
    assert "usage: explorer" in capsys.readouterr().err


def test_list(capsys) -> None:
    assert main(["list", "--format", "json"]) == 0
    entries = json.loads(capsys.readouterr().out)["architectures"]
    by_id = {e["id"]: e for e in entries}
    assert by_id["resnet50"]["params"][2] == {
        "name": "variant",
        "kind": "choice",
        "default": "paper",
        "allowed": "one of paper, tutorial",
        "help": by_id["resnet50"]["params"][2]["help"],
    }
    assert by_id["simple-cnn"]["params"][1]["default"] == [224, 224, 3]
    assert main(["list"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Seed tutorial:\n  simple-cnn ")
    assert "\nResNet:\n  resnet18 " in text


def test_unexpected_failures_become_one_message(capsys, monkeypatch) -> None:
    from explorer.core.analysis import build

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(build, "summarize", broken)
    assert main(["summary", "resnet18"]) == 1
    assert capsys.readouterr().err == (
        "error: unexpected RuntimeError: disk on fire (run with --debug for details)\n"
    )
