"""``explorer run`` (issue 15): a few real training steps on the CPU, their speed and measured
peak memory next to the estimate; a batch that cannot fit is refused and the process goes on;
a run can be cancelled."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from explorer.core.analysis.build import summarize
from explorer.core.analysis.memory import estimate
from explorer.core.base.errors import ParameterError
from explorer.core.sources.lookup import parse_reference
from tests.cli.test_cli import run_cli

SMALL = "resnet18:input_shape=32x32x3,classes=10"


def test_a_cpu_run_measures_speed_and_peak_memory() -> None:
    status, out, err = run_cli("run", SMALL, "--batch", "4", "--steps", "2", "--format", "json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert set(data) == {
        "device", "backend", "batch", "steps", "optimizer", "precision", "step_seconds",
        "samples_per_second", "peak_bytes", "measured", "estimate_bytes", "ratio",
        "rss_growth_bytes", "runtime_bytes", "rss_ratio",
    }  # fmt: skip
    assert (data["device"], data["backend"], data["batch"], data["steps"]) == (
        "CPU",
        "tensorflow",
        4,
        2,
    )
    assert data["samples_per_second"] > 0 and data["step_seconds"] > 0
    assert data["measured"] == "allocator peak" and data["peak_bytes"] > 0
    assert data["rss_growth_bytes"] > 0  # the whole process, TensorFlow's own memory with it
    expected = estimate(summarize(parse_reference(SMALL)), 4, "adam", "float32").total_bytes
    assert data["estimate_bytes"] == expected == 199_908_000
    assert data["ratio"] == pytest.approx(expected / data["peak_bytes"])
    # Not a goal of the test (the closing note's table is), a guard against a wrong measure.
    assert 0.5 < data["ratio"] < 2.0
    # The RSS growth holds TensorFlow's own memory: 140 MiB and 2.25 MiB for each of 70 layers.
    assert data["runtime_bytes"] == 140 * 2**20 + 70 * 9 * 2**20 // 4 == 311_951_360
    assert data["rss_ratio"] == pytest.approx(
        (expected + data["runtime_bytes"]) / data["rss_growth_bytes"]
    )


_CHILD = """
import json, os, resource, sys
os.environ["EXPLORER_CACHE_DIR"] = "off"
from explorer import cli
from explorer.core.base.runtime import import_keras
import_keras()
import psutil
room = psutil.Process().memory_info().vms + 2 * 2**30
resource.setrlimit(resource.RLIMIT_AS, (room, resource.RLIM_INFINITY))
ref = "resnet18:input_shape=32x32x3,classes=10"
first = cli.main(["run", ref, "--batch", "40000", "--steps", "1"])
second = cli.main(["run", ref, "--batch", "2", "--steps", "1", "--format", "json"])
print(json.dumps({"first": first, "second": second}))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux address limits")
def test_a_batch_that_cannot_fit_is_refused_and_the_process_goes_on(tmp_path) -> None:
    """TensorFlow crashes when an allocation fails on the CPU: a step estimated beyond the
    room (an address-space limit here) is not tried; a small run in the same process works."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"},
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.splitlines()[-1]) == {"first": 1, "second": 0}
    refusal = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(refusal) == 1
    assert refusal[0].startswith(
        f"error: {SMALL} does not fit at batch 40,000 on CPU: its step needs about 19.9 GiB "
        "(estimate), and "
    )
    assert refusal[0].endswith(" is free")


def test_a_run_can_be_cancelled_and_bad_steps_are_refused() -> None:
    from explorer.core.analysis.training import RunCancelled, train_steps

    steps_done: list[int] = []
    with pytest.raises(RunCancelled, match="the run was cancelled"):
        train_steps(
            parse_reference("simple-cnn:input_shape=32x32x3,classes=10"),
            batch=2,
            steps=50,
            on_step=steps_done.append,
            should_stop=lambda: len(steps_done) >= 2,
        )
    assert steps_done == [1, 2]
    with pytest.raises(ParameterError) as caught:
        train_steps(parse_reference("simple-cnn"), batch=2, steps=0)
    assert str(caught.value) == "steps: 0 is not a number of steps from 1 to 10,000"


def test_the_rss_ratio_is_for_the_cpu_only() -> None:
    """On the CPU the estimate with TensorFlow's own memory is set against the RSS growth; on a
    GPU the tensors are not in the RAM, and under JAX or PyTorch the framework's part is not
    known: no ratio there, and the text says none."""
    from explorer.core.analysis.training import RunResult
    from explorer.core.exports.memory_reports import run_text

    cpu = RunResult("CPU", "tensorflow", 8, 2, "adam", "float32", 0.5, 400 * 2**20,
                    "allocator peak", 300 * 2**20, rss_growth_bytes=800 * 2**20,
                    runtime_bytes=300 * 2**20)  # fmt: skip
    assert cpu.rss_ratio == 0.75
    assert run_text(cpu).endswith(
        "The process grew by 800.00 MiB (838.86 MB) (RSS, with the framework's own memory); "
        "with TensorFlow's own memory, 300.00 MiB (314.57 MB), the estimate is 0.75 of it\n"
    )
    gpu = replace(cpu, device="GPU:0", runtime_bytes=0)
    jax = replace(cpu, backend="jax", runtime_bytes=None)
    assert gpu.rss_ratio is None and jax.rss_ratio is None
    assert run_text(gpu).endswith("(RSS, with the framework's own memory)\n")
    assert gpu.to_json_dict()["rss_ratio"] is None
