"""A real training run, to check the memory estimate: the model built with real weights, a few
steps on random data with the optimizer and precision asked for, the peak memory measured.

Peak memory is the backend's own counter, reset once the model is built: TensorFlow's
``get_memory_info`` (on the CPU too when its allocator keeps counts, as ``explorer run`` starts
TensorFlow), JAX's ``peak_bytes_in_use`` and PyTorch's ``max_memory_allocated`` on a GPU.
Without a counter (JAX or PyTorch on a CPU) it is the model's weights plus the growth of this
process's resident memory from the model built to its highest point during the steps, sampled
every few milliseconds. Building takes more, briefly (an initialiser makes each weight's values
once more before they are assigned): that is not a training step's and not counted. The first
step (tracing, compiling) is not timed.
"""

from __future__ import annotations

import importlib
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from explorer.core.analysis.build import BuildError, available_memory_bytes, build_model
from explorer.core.analysis.cache import summarize_cached
from explorer.core.analysis.memory import check_choices, counts_runtime, estimate
from explorer.core.analysis.summary import weights_bytes
from explorer.core.base.errors import ExplorerError, ParameterError
from explorer.core.base.runtime import import_keras, is_out_of_memory, quiet_stderr_fd
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.base.units import short_bytes
from explorer.core.references.architecture import Reference

MAX_STEPS = 10_000
FIT_MARGIN = 1.3  # the estimate's error on the CPU: a run needing more than the room is refused
_SAMPLE_SECONDS = 0.002  # how often the resident memory is read during the steps


class RunCancelled(ExplorerError):
    """The run was stopped before its last step."""


@dataclass(frozen=True)
class RunResult:
    """What a run measured, next to the estimate for the same step."""

    device: str
    backend: str
    batch: int
    steps: int
    optimizer: str
    precision: str
    step_seconds: float  # the mean of the timed steps
    peak_bytes: int | None  # None when the device has no counter to read
    measured: str  # what ``peak_bytes`` is: "allocator peak" or "weights + RSS growth"
    estimate_bytes: int
    # How much the whole process grew, from before the model was built to its highest point in
    # the steps: with the framework's own (traced graphs, thread pools, caches), not a step's.
    rss_growth_bytes: int | None = None
    # The framework's own memory on the CPU (``memory.runtime_bytes``), which the RSS growth
    # holds and the allocator does not: 0 on a GPU, None where it is not known.
    runtime_bytes: int | None = 0

    @property
    def rss_ratio(self) -> float | None:
        """The estimate with the framework's own memory over the process's RSS growth, on the
        CPU, where both are in the RAM (None on a GPU, whose tensors RSS does not hold, and
        where the framework's memory is not known)."""
        if not self.rss_growth_bytes or not self.runtime_bytes:
            return None
        return (self.estimate_bytes + self.runtime_bytes) / self.rss_growth_bytes

    @property
    def samples_per_second(self) -> float:
        return self.batch / self.step_seconds if self.step_seconds > 0 else 0.0

    @property
    def ratio(self) -> float | None:
        """The estimate over the measurement (1.0: exact; above 1: the estimate is higher)."""
        return self.estimate_bytes / self.peak_bytes if self.peak_bytes else None

    @classmethod
    def from_json_dict(cls, data: dict[str, Any]) -> RunResult:
        """``explorer run --format json``'s object read back (the window runs the command)."""
        fields = ("device", "backend", "batch", "steps", "optimizer", "precision")
        return cls(
            **{name: data[name] for name in fields},
            step_seconds=float(data["step_seconds"]),
            peak_bytes=data["peak_bytes"],
            measured=data["measured"],
            estimate_bytes=int(data["estimate_bytes"]),
            rss_growth_bytes=data.get("rss_growth_bytes"),
            runtime_bytes=data.get("runtime_bytes"),
        )

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "device": self.device,
            "backend": self.backend,
            "batch": self.batch,
            "steps": self.steps,
            "optimizer": self.optimizer,
            "precision": self.precision,
            "step_seconds": self.step_seconds,
            "samples_per_second": self.samples_per_second,
            "peak_bytes": self.peak_bytes,
            "measured": self.measured,
            "estimate_bytes": self.estimate_bytes,
            "ratio": self.ratio,
            "rss_growth_bytes": self.rss_growth_bytes,
            "runtime_bytes": self.runtime_bytes,
            "rss_ratio": self.rss_ratio,
        }


def _optimizer(name: str) -> Any:
    import keras

    made = keras.optimizers
    if name == "momentum":
        return made.SGD(momentum=0.9)
    return {"sgd": made.SGD, "rmsprop": made.RMSprop, "adam": made.Adam, "adamw": made.AdamW}[
        name
    ]()


def _random_batch(model: Any, batch: int) -> tuple[Any, Any]:
    """Inputs of the model's shapes and dtypes (token ids 0, always a valid id) and targets
    shaped like its outputs."""
    import numpy as np

    generator = np.random.default_rng(0)

    def values(tensor: Any) -> Any:
        shape = (batch, *tensor.shape[1:])
        if "int" in str(tensor.dtype):
            return np.zeros(shape, dtype=str(tensor.dtype))
        return generator.random(shape, dtype=np.float32)

    inputs, outputs = [values(t) for t in model.inputs], [values(t) for t in model.outputs]
    # One array, not a list of one: Keras warns when the structure differs from the model's.
    return (inputs[0] if len(inputs) == 1 else inputs), (
        outputs[0] if len(outputs) == 1 else outputs
    )


def _resident_now() -> int:
    import psutil

    return int(psutil.Process().memory_info().rss)


class _PeakResident:
    """The highest resident memory of this process while it runs, read every few ms."""

    def __init__(self) -> None:
        import psutil

        self._process = psutil.Process()
        self.start = self.peak = self._process.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self._stop.wait(_SAMPLE_SECONDS):
            self.peak = max(self.peak, self._process.memory_info().rss)

    def __enter__(self) -> _PeakResident:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._process.memory_info().rss)


CPU_ALLOCATOR_STATS = "TF_CPU_ALLOCATOR_USE_BFC"  # "true" before TensorFlow starts: CPU counts


def _index(device: str) -> int:
    """ "GPU:1" -> 1; "GPU" and "CPU" -> 0."""
    return int(device.partition(":")[2] or 0)


def _tf_device(device: str) -> str:
    return "CPU:0" if device.upper() == "CPU" else device.upper()


def _allocator_peak(backend: str, device: str) -> int | None:
    """The backend's own peak counter for ``device``: a GPU's, or TensorFlow's on the CPU when
    its allocator keeps counts (``CPU_ALLOCATOR_STATS``); None where there is none."""
    if backend == "tensorflow":
        import tensorflow as tf

        peak = int(tf.config.experimental.get_memory_info(_tf_device(device))["peak"])
        return peak or None  # 0: the CPU allocator keeps no counts
    if not device.upper().startswith("GPU"):
        return None
    index = _index(device)
    if backend == "jax":
        jax = _backend_module("jax")
        return int(jax.local_devices()[index].memory_stats()["peak_bytes_in_use"])
    if backend == "torch":
        return int(_backend_module("torch").cuda.max_memory_allocated(index))
    return None


def _backend_module(name: str) -> Any:
    """JAX or PyTorch, imported only under their own Keras backend."""
    return importlib.import_module(name)


def _allocator_current(backend: str, device: str) -> int | None:
    """What the backend's counter holds now: a model built earlier in this process, with this
    one's weights (a run counts from here, and adds its own weights back)."""
    if backend == "tensorflow":
        import tensorflow as tf

        return int(tf.config.experimental.get_memory_info(_tf_device(device))["current"])
    if backend == "torch" and device.upper().startswith("GPU"):
        return int(_backend_module("torch").cuda.memory_allocated(_index(device)))
    if backend == "jax" and device.upper().startswith("GPU"):
        stats = _backend_module("jax").local_devices()[_index(device)]
        return int(stats.memory_stats()["bytes_in_use"])
    return None


def _reset_peak(backend: str, device: str) -> None:
    if backend == "tensorflow":
        import tensorflow as tf

        tf.config.experimental.reset_memory_stats(_tf_device(device))
        return
    if not device.upper().startswith("GPU"):
        return
    index = _index(device)
    if backend == "torch":
        _backend_module("torch").cuda.reset_peak_memory_stats(index)


def default_device() -> str:
    """The first GPU the backend sees, else the CPU."""
    import keras

    backend = keras.backend.backend()
    if backend == "tensorflow":
        import tensorflow as tf

        return "GPU:0" if tf.config.list_physical_devices("GPU") else "CPU"
    if backend == "jax":
        return "GPU:0" if _backend_module("jax").default_backend() == "gpu" else "CPU"
    if backend == "torch":
        return "GPU:0" if _backend_module("torch").cuda.is_available() else "CPU"
    return "CPU"


@contextmanager
def _policy(precision: str) -> Any:
    import keras

    before = keras.mixed_precision.global_policy().name
    keras.mixed_precision.set_global_policy(precision)
    try:
        yield
    finally:
        keras.mixed_precision.set_global_policy(before)


def _does_not_fit(
    reference: Reference, batch: int, device: str, error: BaseException | str
) -> BuildError:
    """One line: "resnet50 does not fit at batch 4,096 on CPU: <why>"."""
    words = str(error).strip()
    first = words.splitlines()[0] if words else type(error).__name__
    return BuildError(
        Text(
            QT_TRANSLATE_NOOP(
                "Core", "{model} does not fit at batch {batch:,} on {device}: {reason}"
            ),
            model=reference.text(),
            batch=batch,
            device=device,
            reason=error if isinstance(error, str) else first[:200],
        )
    )


def _timed_steps(
    model: Any,
    inputs: Any,
    targets: Any,
    steps: int,
    on_step: Callable[[int], None] | None,
    should_stop: Callable[[], bool],
) -> list[float]:
    """``steps`` timed training steps after an untimed first one (it traces and compiles)."""
    times: list[float] = []
    for step in range(steps + 1):
        if should_stop():
            raise RunCancelled(QT_TRANSLATE_NOOP("Core", "the run was cancelled"))
        began = time.perf_counter()
        model.train_on_batch(inputs, targets)
        if step:
            times.append(time.perf_counter() - began)
            if on_step is not None:
                on_step(step)
    return times


def train_steps(
    reference: Reference,
    *,
    batch: int,
    steps: int,
    optimizer: str = "adam",
    precision: str = "float32",
    device: str | None = None,
    on_step: Callable[[int], None] | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> RunResult:
    """Build ``reference`` with real weights, train ``steps`` timed steps (after one untimed)
    on random data and measure the peak memory; out of memory is "does not fit at batch N"."""
    check_choices(optimizer, precision, batch)
    if not 1 <= steps <= MAX_STEPS:
        raise ParameterError(
            "steps",
            Text(
                QT_TRANSLATE_NOOP("Core", "{value} is not a number of steps from 1 to {most:,}"),
                value=steps,
                most=MAX_STEPS,
            ),
        )
    keras = import_keras()  # quietly: TensorFlow's start-up logs are not ours to print
    backend = keras.backend.backend()
    with quiet_stderr_fd():  # a machine without CUDA logs its failed probe
        device = device or default_device()
    # The summary the window and ``explorer memory`` have stored, else a preview: the estimate
    # is theirs, and a large model's preview is not built again.
    on_cpu = device.upper() == "CPU"
    found = estimate(
        summarize_cached(reference),
        batch,
        optimizer,
        precision,
        runtime=counts_runtime("CPU" if on_cpu else "GPU", backend),
    )
    expected = found.tensors_bytes  # what the allocator counts
    room = available_memory_bytes() if on_cpu else None
    if room is not None and found.total_bytes * FIT_MARGIN > room:
        # TensorFlow does not survive an allocation that fails on the CPU (it crashes): a step
        # that would likely not fit is not tried.
        raise _does_not_fit(
            reference,
            batch,
            device,
            Text(
                QT_TRANSLATE_NOOP(
                    "Core", "its step needs about {needed} (estimate), and {free} is free"
                ),
                needed=short_bytes(found.total_bytes),
                free=short_bytes(room),
            ),
        )
    start = _resident_now()
    try:
        with _policy(precision), _on(backend, device):
            model = build_model(reference, preview=False).model
            model.compile(optimizer=_optimizer(optimizer), loss="mse")
            inputs, targets = _random_batch(model, batch)
            _reset_peak(backend, device)
            before = _allocator_current(backend, device)
            with _PeakResident() as resident:
                times = _timed_steps(model, inputs, targets, steps, on_step, should_stop)
    except ExplorerError:
        raise
    except Exception as error:
        if is_out_of_memory(error) or isinstance(error, MemoryError):
            raise _does_not_fit(reference, batch, device, error) from None
        raise
    counted = _allocator_peak(backend, device)
    weights = weights_bytes(model.weights)
    return RunResult(
        device=device,
        backend=backend,
        batch=batch,
        steps=steps,
        optimizer=optimizer,
        precision=precision,
        step_seconds=sum(times) / len(times),
        peak_bytes=(
            counted - before + weights
            if counted is not None and before is not None
            else resident.peak - resident.start + weights
        ),
        measured="allocator peak" if counted is not None else "weights + RSS growth",
        estimate_bytes=expected,
        rss_growth_bytes=resident.peak - start,
        runtime_bytes=found.runtime_bytes,
    )


@contextmanager
def _on(backend: str, device: str) -> Any:
    """Place the run on ``device`` where the backend lets a scope choose it (TensorFlow)."""
    if backend == "tensorflow":
        import tensorflow as tf

        name = "/CPU:0" if device.upper() == "CPU" else f"/{device.upper()}"
        with quiet_stderr_fd():
            seen = device.upper() == "CPU" or tf.config.list_logical_devices(device.upper())
        if not seen:
            raise ParameterError("device", f"{device} is not a device TensorFlow sees")
        with tf.device(name):
            yield
    else:
        yield
