"""explorer.core.worker.devices: real detection on a CPU-only machine, fakes for GPUs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from explorer.core.base.runtime import quiet_stderr_fd
from explorer.core.worker import devices
from explorer.core.worker.devices import (
    CpuInfo,
    DeviceReport,
    GpuDevice,
    detect_devices,
    format_devices_text,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
H100_BYTES = 81559 * 2**20  # what NVML reports for an "NVIDIA H100 80GB HBM3"
A100_BYTES = 40960 * 2**20

has_nvidia = shutil.which("nvidia-smi") is not None or os.path.exists("/dev/nvidiactl")
cpu_only = pytest.mark.skipif(has_nvidia, reason="needs a machine without NVIDIA GPUs")


def _proc_cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    pytest.skip("/proc/cpuinfo has no 'model name'")


def _fake_nvml(
    gpus: list[tuple[Any, int]], *, fail_init: bool = False, fail_name: bool = False
) -> tuple[types.ModuleType, list[str]]:
    """A stand-in pynvml module; `calls` records init/shutdown."""
    calls: list[str] = []
    mod = types.ModuleType("pynvml")

    def init() -> None:
        calls.append("init")
        if fail_init:
            raise RuntimeError("NVML Shared Library Not Found")

    def get_name(handle: int) -> Any:
        if fail_name:
            raise RuntimeError("GPU is lost")
        return gpus[handle][0]

    mod.nvmlInit = init  # type: ignore[attr-defined]
    mod.nvmlShutdown = lambda: calls.append("shutdown")  # type: ignore[attr-defined]
    mod.nvmlDeviceGetCount = lambda: len(gpus)  # type: ignore[attr-defined]
    mod.nvmlDeviceGetHandleByIndex = lambda i: i  # type: ignore[attr-defined]
    mod.nvmlDeviceGetName = get_name  # type: ignore[attr-defined]
    mod.nvmlDeviceGetMemoryInfo = lambda h: types.SimpleNamespace(  # type: ignore[attr-defined]
        total=gpus[h][1], free=0, used=0
    )
    return mod, calls


def _fake_tensorflow(gpu_models: list[str]) -> types.ModuleType:
    """A stand-in tensorflow module that lists `gpu_models` and writes noise to fd 2."""
    tf = types.ModuleType("tensorflow")
    tf.__version__ = "9.9.9"  # type: ignore[attr-defined]
    physical = [
        types.SimpleNamespace(name=f"/physical_device:GPU:{i}", device_type="GPU")
        for i in range(len(gpu_models))
    ]

    def list_physical_devices(kind: str) -> list[Any]:
        os.write(2, b"E0000 cuda_dnn.cc: noisy C++ log line\n")
        return physical if kind == "GPU" else []

    def get_device_details(d: Any) -> dict[str, str]:
        return {"device_name": gpu_models[int(d.name.rsplit(":", 1)[1])]}

    tf.config = types.SimpleNamespace(  # type: ignore[attr-defined]
        list_physical_devices=list_physical_devices,
        experimental=types.SimpleNamespace(get_device_details=get_device_details),
    )
    return tf


@pytest.fixture
def no_smi(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(devices.shutil, "which", lambda name: None)


@pytest.fixture
def fake_keras(monkeypatch: pytest.MonkeyPatch) -> None:
    keras = types.SimpleNamespace(__version__="8.8.8")
    monkeypatch.setitem(sys.modules, "keras", keras)


@cpu_only
def test_cpu_only_machine_without_tensorflow() -> None:
    report = detect_devices(include_tensorflow=False)
    assert report.gpus == ()
    assert report.summary_line.startswith("CPU only — ")
    assert _proc_cpu_model() in report.summary_line
    assert report.cpu.model == _proc_cpu_model()
    assert report.cpu.logical_cores == os.cpu_count()
    assert (report.tensorflow_version, report.keras_version) == (None, None)
    assert report.tensorflow_gpus == ()


def test_cpu_memory_from_psutil_and_from_proc_meminfo(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    psutil = pytest.importorskip("psutil")
    assert devices._cpu_info().memory_total_bytes == psutil.virtual_memory().total
    monkeypatch.setitem(sys.modules, "psutil", None)  # import psutil -> ImportError
    kib = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    assert devices._cpu_info().memory_total_bytes == kib * 1024


def test_no_tensorflow_mode_imports_only_the_standard_library() -> None:
    code = (
        "import json, sys\n"
        "from explorer.core.worker.devices import detect_devices, format_devices_text\n"
        "heavy = ('tensorflow', 'keras', 'pynvml', 'psutil')\n"
        "at_import = [m for m in heavy if m in sys.modules]\n"
        "text = format_devices_text(detect_devices(include_tensorflow=False))\n"
        "print(json.dumps({'at_import': at_import, 'tf': 'tensorflow' in sys.modules,"
        " 'keras': 'keras' in sys.modules, 'text': text}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    cmd = [sys.executable, "-c", code]
    done = subprocess.run(cmd, check=False, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["at_import"] == []
    assert (out["tf"], out["keras"]) == (False, False)
    assert out["text"].startswith("Summary: ")
    assert "TensorFlow: not available, Keras: not available\n" in out["text"]


@cpu_only
def test_real_tensorflow_on_cpu_only_machine() -> None:
    report = detect_devices(include_tensorflow=True)
    import keras
    import tensorflow

    assert report.tensorflow_version == tensorflow.__version__
    assert report.keras_version == keras.__version__
    assert report.tensorflow_gpus == ()
    assert report.gpus == ()


def test_fake_nvml_two_gpus(monkeypatch: pytest.MonkeyPatch) -> None:
    mod, calls = _fake_nvml(
        [(b"NVIDIA H100 80GB HBM3", H100_BYTES), ("NVIDIA A100-SXM4-40GB", A100_BYTES)]
    )
    monkeypatch.setitem(sys.modules, "pynvml", mod)
    monkeypatch.setattr(devices.shutil, "which", lambda name: pytest.fail("smi used"))
    report = detect_devices(include_tensorflow=False)
    assert report.gpus == (
        GpuDevice(0, "NVIDIA H100 80GB HBM3", H100_BYTES, "nvml", None),
        GpuDevice(1, "NVIDIA A100-SXM4-40GB", A100_BYTES, "nvml", None),
    )
    assert report.summary_line == "NVIDIA H100 80GB HBM3 (79.6 GiB) +1 more GPU"
    assert calls == ["init", "shutdown"]


def test_nvml_failing_midway_still_shuts_down(
    monkeypatch: pytest.MonkeyPatch, no_smi: None
) -> None:
    mod, calls = _fake_nvml([("GPU", 1)], fail_name=True)
    monkeypatch.setitem(sys.modules, "pynvml", mod)
    assert detect_devices(include_tensorflow=False).gpus == ()
    assert calls == ["init", "shutdown"]


def test_missing_pynvml_and_missing_smi_mean_no_gpu(
    monkeypatch: pytest.MonkeyPatch, no_smi: None
) -> None:
    monkeypatch.setitem(sys.modules, "pynvml", None)
    report = detect_devices(include_tensorflow=False)
    assert report.gpus == ()
    assert report.summary_line == f"CPU only — {report.cpu.model}"


def test_nvidia_smi_fallback_parses_output(monkeypatch: pytest.MonkeyPatch) -> None:
    mod, calls = _fake_nvml([], fail_init=True)
    monkeypatch.setitem(sys.modules, "pynvml", mod)
    monkeypatch.setattr(devices.shutil, "which", lambda name: "/usr/bin/nvidia-smi")
    seen: dict[str, Any] = {}

    def fake_run(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        seen.update(cmd=cmd, timeout=kwargs.get("timeout"))
        out = "0, NVIDIA A100-SXM4-40GB, 40960\n1, Odd, GPU, [N/A]\n"
        return subprocess.CompletedProcess(cmd, 0, stdout=out, stderr="")

    monkeypatch.setattr(devices.subprocess, "run", fake_run)
    report = detect_devices(include_tensorflow=False, nvidia_smi_timeout_s=2.5)
    assert report.gpus == (
        GpuDevice(0, "NVIDIA A100-SXM4-40GB", 40960 * 2**20, "nvidia-smi", None),
        GpuDevice(1, "Odd, GPU", None, "nvidia-smi", None),
    )
    assert seen == {
        "cmd": [
            "/usr/bin/nvidia-smi",
            "--query-gpu=index,name,memory.total",
            "--format=csv,noheader,nounits",
        ],
        "timeout": 2.5,
    }
    assert calls == ["init"]  # nvmlShutdown must not follow a failed nvmlInit
    assert report.summary_line == "NVIDIA A100-SXM4-40GB (40.0 GiB) +1 more GPU"


@pytest.mark.parametrize("failure", ["timeout", "exit1", "oserror"])
def test_nvidia_smi_failures_mean_no_gpu(monkeypatch: pytest.MonkeyPatch, failure: str) -> None:
    monkeypatch.setitem(sys.modules, "pynvml", None)
    monkeypatch.setattr(devices.shutil, "which", lambda name: "/usr/bin/nvidia-smi")

    def fake_run(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        if failure == "timeout":
            raise subprocess.TimeoutExpired(cmd, kwargs["timeout"])
        if failure == "oserror":
            raise PermissionError(13, "Permission denied")
        out = "0, NVIDIA A100-SXM4-40GB, 40960\n"
        return subprocess.CompletedProcess(cmd, 1, stdout=out, stderr="driver gone")

    monkeypatch.setattr(devices.subprocess, "run", fake_run)
    assert detect_devices(include_tensorflow=False, nvidia_smi_timeout_s=0.1).gpus == ()


def test_tensorflow_marks_usable_gpus_and_is_silenced(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str], fake_keras: None
) -> None:
    mod, _ = _fake_nvml([("GPU A", A100_BYTES), ("GPU B", A100_BYTES)])
    monkeypatch.setitem(sys.modules, "pynvml", mod)
    monkeypatch.setitem(sys.modules, "tensorflow", _fake_tensorflow(["GPU A"]))
    report = detect_devices()
    assert report.gpus == (
        GpuDevice(0, "GPU A", A100_BYTES, "nvml", True),
        GpuDevice(1, "GPU B", A100_BYTES, "nvml", False),
    )
    assert report.tensorflow_gpus == ("/physical_device:GPU:0",)
    assert (report.tensorflow_version, report.keras_version) == ("9.9.9", "8.8.8")
    assert "noisy" not in capfd.readouterr().err


def test_tensorflow_only_gpus_are_reported(
    monkeypatch: pytest.MonkeyPatch, no_smi: None, fake_keras: None
) -> None:
    monkeypatch.setitem(sys.modules, "pynvml", None)
    models = ["NVIDIA H100 80GB HBM3", "NVIDIA H100 80GB HBM3"]
    monkeypatch.setitem(sys.modules, "tensorflow", _fake_tensorflow(models))
    report = detect_devices()
    assert report.gpus == (
        GpuDevice(0, "NVIDIA H100 80GB HBM3", None, "tensorflow", True),
        GpuDevice(1, "NVIDIA H100 80GB HBM3", None, "tensorflow", True),
    )
    assert report.summary_line == "NVIDIA H100 80GB HBM3 +1 more GPU"


def test_tensorflow_not_importable(monkeypatch: pytest.MonkeyPatch) -> None:
    mod, _ = _fake_nvml([("GPU A", A100_BYTES)])
    monkeypatch.setitem(sys.modules, "pynvml", mod)
    monkeypatch.setitem(sys.modules, "tensorflow", None)
    monkeypatch.setitem(sys.modules, "keras", None)
    report = detect_devices()
    # Without TensorFlow nobody can tell whether it could use the GPU: unknown, not "no".
    assert report.gpus == (GpuDevice(0, "GPU A", A100_BYTES, "nvml", None),)
    assert (report.tensorflow_version, report.keras_version) == (None, None)
    assert report.tensorflow_gpus == ()
    assert format_devices_text(report).splitlines()[1] == (
        "GPU 0: GPU A, memory 40.0 GiB, usable by TensorFlow: unknown, "
        "TensorFlow is not available (via nvml)"
    )


def test_quiet_stderr_fd_hides_and_restores(capfd: pytest.CaptureFixture[str]) -> None:
    with quiet_stderr_fd():
        os.write(2, b"hidden\n")
    os.write(2, b"shown 1\n")
    with pytest.raises(ValueError), quiet_stderr_fd():
        os.write(2, b"hidden too\n")
        raise ValueError("boom")
    os.write(2, b"shown 2\n")
    assert capfd.readouterr().err == "shown 1\nshown 2\n"


def _report(gpus: tuple[GpuDevice, ...]) -> DeviceReport:
    return DeviceReport(
        gpus=gpus,
        cpu=CpuInfo("AMD EPYC 7763 64-Core Processor", 16, 128 * 2**30),
        tensorflow_version="2.21.0",
        keras_version="3.15.0",
        tensorflow_gpus=tuple(f"/physical_device:GPU:{g.index}" for g in gpus[:1]),
    )


TWO_GPUS = (
    GpuDevice(0, "NVIDIA H100 80GB HBM3", H100_BYTES, "nvml", True),
    GpuDevice(1, "Mystery GPU", None, "nvidia-smi", None),
)


def test_summary_line_variants() -> None:
    three = (*TWO_GPUS, GpuDevice(2, "X", 1, "nvml", False))
    expected = "NVIDIA H100 80GB HBM3 (79.6 GiB) +2 more GPUs"
    assert _report(three).summary_line == expected
    assert _report(TWO_GPUS[1:]).summary_line == "Mystery GPU"
    assert _report(()).summary_line == "CPU only — AMD EPYC 7763 64-Core Processor"


def test_to_json_dict_round_trips() -> None:
    data = _report(TWO_GPUS).to_json_dict()
    assert json.loads(json.dumps(data)) == {
        "gpus": [
            {
                "index": 0,
                "name": "NVIDIA H100 80GB HBM3",
                "memory_total_bytes": H100_BYTES,
                "source": "nvml",
                "usable_by_tensorflow": True,
            },
            {
                "index": 1,
                "name": "Mystery GPU",
                "memory_total_bytes": None,
                "source": "nvidia-smi",
                "usable_by_tensorflow": None,
            },
        ],
        "cpu": {
            "model": "AMD EPYC 7763 64-Core Processor",
            "logical_cores": 16,
            "memory_total_bytes": 128 * 2**30,
        },
        "tensorflow_version": "2.21.0",
        "keras_version": "3.15.0",
        "tensorflow_gpus": ["/physical_device:GPU:0"],
        "summary": "NVIDIA H100 80GB HBM3 (79.6 GiB) +1 more GPU",
    }


def test_format_devices_text_with_gpus() -> None:
    assert format_devices_text(_report(TWO_GPUS)).splitlines(keepends=True) == [
        "Summary: NVIDIA H100 80GB HBM3 (79.6 GiB) +1 more GPU\n",
        ("GPU 0: NVIDIA H100 80GB HBM3, memory 79.6 GiB, usable by TensorFlow: yes (via nvml)\n"),
        (
            "GPU 1: Mystery GPU, memory unknown,"
            " usable by TensorFlow: not checked (via nvidia-smi)\n"
        ),
        "CPU: AMD EPYC 7763 64-Core Processor, 16 logical cores, RAM 128.0 GiB\n",
        "TensorFlow: 2.21.0, Keras: 3.15.0\n",
    ]


def test_format_devices_text_cpu_only() -> None:
    report = DeviceReport((), CpuInfo("unknown CPU", 1, None), None, None, ())
    assert format_devices_text(report) == (
        "Summary: CPU only — unknown CPU\n"
        "GPUs: none found\n"
        "CPU: unknown CPU, 1 logical cores, RAM unknown\n"
        "TensorFlow: not available, Keras: not available\n"
    )
