"""Which compute devices this machine has, for the status bar and `explorer devices`.

Never raises: a missing tool, driver or library only means "no GPU from that source".
tensorflow, keras, pynvml and psutil are imported lazily: TF costs seconds.
"""

from __future__ import annotations

import importlib
import logging
import os
import platform
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar

from explorer.core.base.runtime import quiet_stderr_fd
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.base.units import GIB, MIB

if TYPE_CHECKING:
    from explorer.core.exports.memory_reports import MemoryDevice

_T = TypeVar("_T")
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class GpuDevice:
    """One GPU as seen by the first source that could list it."""

    index: int
    name: str
    memory_total_bytes: int | None
    source: str  # "nvml", "nvidia-smi" or "tensorflow"
    usable_by_tensorflow: bool | None  # None when TensorFlow was not asked


@dataclass(frozen=True)
class CpuInfo:
    """The CPU and RAM, shown when there is no GPU and next to it when there is."""

    model: str
    logical_cores: int
    memory_total_bytes: int | None


_UNKNOWN = QT_TRANSLATE_NOOP("Core", "unknown")
_UNKNOWN_CPU = QT_TRANSLATE_NOOP("Core", "unknown CPU")
_NOT_AVAILABLE = QT_TRANSLATE_NOOP("Core", "not available")


def _gib(n_bytes: int | None) -> str:
    return _UNKNOWN if n_bytes is None else f"{n_bytes / GIB:.1f} GiB"


def _lines(lines: list[str]) -> Text:
    """The lines one under the other, each still a text the window can translate: the template
    holds only placeholders, which need no translation."""
    template = "".join(f"{{line{i}}}\n" for i in range(len(lines)))
    return Text(template, **{f"line{i}": line for i, line in enumerate(lines)})


@dataclass(frozen=True)
class DeviceReport:
    """What `detect_devices` found; plain data for the GUI and CLI to render."""

    gpus: tuple[GpuDevice, ...]
    cpu: CpuInfo
    tensorflow_version: str | None
    keras_version: str | None
    tensorflow_gpus: tuple[str, ...]

    @property
    def summary_line(self) -> str:
        """One short line for the status bar: the first GPU, else the CPU."""
        if not self.gpus:
            return Text(QT_TRANSLATE_NOOP("Core", "CPU only — {model}"), model=self.cpu.model)
        first = self.gpus[0]
        line = first.name
        if first.memory_total_bytes is not None:
            line += f" ({_gib(first.memory_total_bytes)})"
        more = len(self.gpus) - 1
        if more == 1:
            return Text(QT_TRANSLATE_NOOP("Core", "{gpu} +{more} more GPU"), gpu=line, more=more)
        if more > 1:
            return Text(QT_TRANSLATE_NOOP("Core", "{gpu} +{more} more GPUs"), gpu=line, more=more)
        return line

    def to_json_dict(self) -> dict[str, Any]:
        """A dict of plain JSON types, for `explorer devices --format json`."""
        return {
            "gpus": [asdict(g) for g in self.gpus],
            "cpu": asdict(self.cpu),
            "tensorflow_version": self.tensorflow_version,
            "keras_version": self.keras_version,
            "tensorflow_gpus": list(self.tensorflow_gpus),
            "summary": self.summary_line,
        }


def _guarded(probe: Callable[[], _T], default: _T, what: str) -> _T:
    """Run one probe; any failure means "nothing found there" and is only logged."""
    try:
        return probe()
    except Exception as exc:  # noqa: BLE001 - device probing must never raise
        _log.debug("%s failed: %s", what, exc)
        return default


def _gpus_from_nvml() -> list[GpuDevice]:
    """GPUs via the NVIDIA management library; the cheapest and most exact source."""
    pynvml: Any = importlib.import_module("pynvml")
    pynvml.nvmlInit()
    try:
        gpus = []
        for i in range(int(pynvml.nvmlDeviceGetCount())):
            handle = pynvml.nvmlDeviceGetHandleByIndex(i)
            name = pynvml.nvmlDeviceGetName(handle)
            if isinstance(name, bytes):
                name = name.decode("utf-8", "replace")
            memory = int(pynvml.nvmlDeviceGetMemoryInfo(handle).total)
            gpus.append(GpuDevice(i, str(name), memory, "nvml", None))
        return gpus
    finally:
        _guarded(pynvml.nvmlShutdown, None, "nvmlShutdown")


def _gpus_from_nvidia_smi(timeout_s: float) -> list[GpuDevice]:
    """GPUs via the nvidia-smi tool, for machines with the driver but without pynvml."""
    exe = shutil.which("nvidia-smi")
    if exe is None:
        _log.debug("nvidia-smi not found on PATH")
        return []
    query = ["--query-gpu=index,name,memory.total", "--format=csv,noheader,nounits"]
    done = subprocess.run(
        [exe, *query], check=False, capture_output=True, text=True, timeout=timeout_s
    )
    done.check_returncode()  # a failing driver: no GPU from this source
    gpus = []
    for line in done.stdout.splitlines():
        fields = [f.strip() for f in line.split(",")]
        if len(fields) < 3 or not fields[0].isdigit():
            _log.debug("unparsable nvidia-smi line: %r", line)
            continue
        index, name, mib = int(fields[0]), ", ".join(fields[1:-1]), fields[-1]
        memory = int(mib) * MIB if mib.isdigit() else None  # "[N/A]" -> None
        gpus.append(GpuDevice(index, name, memory, "nvidia-smi", None))
    return gpus


def _tensorflow_view() -> tuple[str | None, str | None, list[tuple[str, str]]]:
    """TF and Keras versions, and TF's GPUs as (device name, model name) pairs."""
    with quiet_stderr_fd():  # importing TF and listing GPUs both log on fd 2
        tf: Any = _guarded(lambda: importlib.import_module("tensorflow"), None, "TF")
        keras: Any = _guarded(lambda: importlib.import_module("keras"), None, "Keras")
        listed: list[Any] = []
        if tf is not None:
            listed = _guarded(lambda: tf.config.list_physical_devices("GPU"), [], "TF")
        tf_gpus = [(str(d.name), _tf_model_name(tf, d)) for d in listed]
    tf_version, keras_version = (getattr(m, "__version__", None) for m in (tf, keras))
    return tf_version and str(tf_version), keras_version and str(keras_version), tf_gpus


def _tf_model_name(tf: Any, device: Any) -> str:
    """The marketing name TF knows for a GPU, else its device name."""
    details: dict[str, Any] = _guarded(
        lambda: tf.config.experimental.get_device_details(device), {}, "device details"
    )
    return str(details.get("device_name", device.name))


def _proc_field(path: str, key: str) -> str | None:
    """The value after `key:` in a /proc text file; None if absent or unreadable."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                name, _, value = line.partition(":")
                if name.strip() == key:
                    return value.strip()
    except OSError as exc:
        _log.debug("%s unreadable: %s", path, exc)
    return None


def _psutil_memory() -> int:
    psutil: Any = importlib.import_module("psutil")
    return int(psutil.virtual_memory().total)


def _cpu_info() -> CpuInfo:
    """CPU model, logical cores and total RAM, each with a standard-library fallback."""
    model = _proc_field("/proc/cpuinfo", "model name") or platform.processor().strip()
    memory = _guarded(_psutil_memory, None, "psutil")
    if memory is None:
        kib = (_proc_field("/proc/meminfo", "MemTotal") or "").removesuffix("kB")
        memory = int(kib) * 1024 if kib.strip().isdigit() else None
    return CpuInfo(model or _UNKNOWN_CPU, os.cpu_count() or 1, memory)


def detect_devices(
    *, include_tensorflow: bool = True, nvidia_smi_timeout_s: float = 5.0
) -> DeviceReport:
    """Find GPUs (NVML, else nvidia-smi, else TensorFlow) and the CPU; never raises."""
    gpus: list[GpuDevice] = _guarded(_gpus_from_nvml, [], "NVML") or _guarded(
        lambda: _gpus_from_nvidia_smi(nvidia_smi_timeout_s), [], "nvidia-smi"
    )
    tf_version = keras_version = None
    tf_names: tuple[str, ...] = ()
    if include_tensorflow:
        tf_version, keras_version, tf_gpus = _tensorflow_view()
        tf_names = tuple(name for name, _ in tf_gpus)
        if gpus and tf_version is not None:  # assumes TF sees the first N GPUs
            n_tf = len(tf_names)
            gpus = [replace(g, usable_by_tensorflow=g.index < n_tf) for g in gpus]
        elif not gpus:
            gpus = [
                GpuDevice(i, model, None, "tensorflow", True)
                for i, (_, model) in enumerate(tf_gpus)
            ]
    fallback_cpu = CpuInfo(_UNKNOWN_CPU, os.cpu_count() or 1, None)
    cpu = _guarded(_cpu_info, fallback_cpu, "CPU detection")
    return DeviceReport(tuple(gpus), cpu, tf_version, keras_version, tf_names)


def format_devices_text(report: DeviceReport) -> str:
    """Human-readable lines for `explorer devices --format text`."""
    summary = Text(QT_TRANSLATE_NOOP("Core", "Summary: {summary}"), summary=report.summary_line)
    lines: list[str] = [summary]
    unknown = (
        QT_TRANSLATE_NOOP("Core", "unknown, TensorFlow is not available")
        if report.tensorflow_version is None
        else ""
    )
    usable = {
        True: QT_TRANSLATE_NOOP("Core", "yes"),
        False: QT_TRANSLATE_NOOP("Core", "no"),
        None: unknown or QT_TRANSLATE_NOOP("Core", "not checked"),
    }
    for g in report.gpus:
        lines.append(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "GPU {index}: {name}, memory {memory}, usable by TensorFlow: {usable} "
                    "(via {source})",
                ),
                index=g.index,
                name=g.name,
                memory=_gib(g.memory_total_bytes),
                usable=usable[g.usable_by_tensorflow],
                source=g.source,
            )
        )
    if not report.gpus:
        lines.append(QT_TRANSLATE_NOOP("Core", "GPUs: none found"))
    cpu = report.cpu
    lines.append(
        Text(
            QT_TRANSLATE_NOOP("Core", "CPU: {model}, {cores} logical cores, RAM {ram}"),
            model=cpu.model,
            cores=cpu.logical_cores,
            ram=_gib(cpu.memory_total_bytes),
        )
    )
    lines.append(
        Text(
            QT_TRANSLATE_NOOP("Core", "TensorFlow: {tensorflow}, Keras: {keras}"),
            tensorflow=report.tensorflow_version or _NOT_AVAILABLE,
            keras=report.keras_version or _NOT_AVAILABLE,
        )
    )
    return _lines(lines)


def memory_device(report: DeviceReport | None = None) -> MemoryDevice:
    """The first GPU with its whole memory (as NVML or nvidia-smi see it), else the CPU with the
    memory free now. TensorFlow is not asked: it would take seconds and the GPU's memory. The
    window passes the report it has; only the free memory is read again."""
    from explorer.core.analysis.build import available_memory_bytes
    from explorer.core.exports.memory_reports import MemoryDevice

    if report is None:
        report = detect_devices(include_tensorflow=False)
    if report.gpus:
        gpu = report.gpus[0]
        return MemoryDevice(gpu.name, "GPU", gpu.memory_total_bytes)
    return MemoryDevice(report.cpu.model, "CPU", available_memory_bytes())
