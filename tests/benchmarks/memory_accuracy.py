"""The training-memory estimate against the backend's own peak counter (issue 15, Accuracy).

For each model, batch size and precision: the estimate (``explorer memory``'s), then the real
model built on the current Keras backend and trained a few steps (Adam by default) on random
data, and the peak memory the backend itself counted:

- JAX: ``jax.local_devices()[0].memory_stats()['peak_bytes_in_use']``
- PyTorch: ``torch.cuda.max_memory_allocated()``
- TensorFlow: ``tf.config.experimental.get_memory_info('GPU:0')['peak']``
- on a CPU (any backend): the process's peak RSS growth from just before the model is built
  (Linux's VmHWM after resetting it through /proc/self/clear_refs; ru_maxrss elsewhere).

Each measurement runs in a process of its own (a peak cannot be reset on every backend, and an
out-of-memory must not end the table). Prints a table and writes the same rows as JSON; ratio
is estimate / measured (the goal: 0.8 to 1.2 on a GPU, 0.7 to 1.3 on a CPU). Exit status 1 when a
measurement failed for another reason than running out of memory.

Needs no TensorFlow on JAX or PyTorch, and no installed explorer (it imports the repository it
sits in). From the repository root::

    KERAS_BACKEND=jax XLA_PYTHON_CLIENT_PREALLOCATE=false \\
        python tests/benchmarks/memory_accuracy.py --jobs 4
    KERAS_BACKEND=jax python tests/benchmarks/memory_accuracy.py \\
        --models resnet18:input_shape=64x64x3,classes=10 --batches 4 --precisions float32
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
MODELS = ("resnet50", "mobilenet_v2", "vgg16", "vit_s16")
BATCHES = (32, 128)
PRECISIONS = ("float32", "mixed_float16")
MIB = 1024 * 1024


def _options(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", nargs="+", default=MODELS, metavar="REF", help="references")
    parser.add_argument("--batches", default=",".join(map(str, BATCHES)))
    parser.add_argument("--precisions", default=",".join(PRECISIONS))
    parser.add_argument("--optimizer", default="adam")
    parser.add_argument("--steps", type=int, default=4, help="training steps (the first compiles)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds per measurement")
    parser.add_argument("--jobs", type=int, default=1, help="measurements side by side")
    parser.add_argument("--json", default="memory_accuracy.json", help="where the rows go")
    parser.add_argument("--one", nargs=3, metavar=("REF", "BATCH", "PRECISION"), help="internal")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    options = _options(argv)
    if options.one:
        reference, batch, precision = options.one
        print(json.dumps(measure(reference, int(batch), precision, options)), flush=True)
        return 0
    backend = os.environ.get("KERAS_BACKEND") or "tensorflow"
    cases = [
        (reference, int(batch), precision)
        for reference in options.models
        for batch in options.batches.split(",")
        for precision in options.precisions.split(",")
    ]
    # Processes side by side on one GPU each count their own peak (JAX's and PyTorch's
    # allocators are per process); their sum must fit, or one reports "does not fit".
    with ThreadPoolExecutor(max_workers=options.jobs) as pool:
        running = [pool.submit(_measure_apart, *case, options) for case in cases]
        for future in as_completed(running):
            print(_line(future.result()), flush=True)
    rows = [future.result() for future in running]
    result = {
        "backend": backend,
        "python": platform.python_version(),
        "versions": _versions(backend),
        "optimizer": options.optimizer,
        "steps": options.steps,
        "rows": rows,
    }
    Path(options.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"\n{_table(rows)}\nwrote {options.json}")
    return 1 if any(row["status"] not in ("ok", "does not fit") for row in rows) else 0


def _measure_apart(
    reference: str, batch: int, precision: str, options: argparse.Namespace
) -> dict[str, Any]:
    """One measurement in a fresh process; its last line of stdout is the row."""
    command = [sys.executable, __file__, "--one", reference, str(batch), precision]
    command += ["--optimizer", options.optimizer, "--steps", str(options.steps)]
    row: dict[str, Any] = {"model": reference, "batch": batch, "precision": precision}
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=options.timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return {**row, "status": f"timed out after {options.timeout:g} s"}
    lines = done.stdout.strip().splitlines()
    if done.returncode == 0 and lines:
        found: dict[str, Any] = json.loads(lines[-1])
        return found
    # The exception's own line: JAX ends its traceback with a note on filtering.
    said = [line for line in done.stderr.splitlines() if "Error: " in line and line[0] != " "]
    tail = (said or done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
    return {**row, "status": f"failed: {tail[:300]}"}


def measure(reference: str, batch: int, precision: str, options: argparse.Namespace) -> dict:
    """Estimate, build, train ``options.steps`` steps, read the peak (in this process)."""
    os.environ.setdefault("EXPLORER_CACHE_DIR", "off")
    sys.path.insert(0, str(ROOT))
    import numpy as np

    from explorer.core.analysis.build import build_model, summarize
    from explorer.core.analysis.memory import estimate
    from explorer.core.base.runtime import backend_name, import_keras, is_out_of_memory
    from explorer.core.sources.lookup import parse_reference

    keras = import_keras()
    parsed = parse_reference(reference)
    expected = estimate(summarize(parsed), batch, options.optimizer, precision)
    counter = _peak_counter(backend_name())
    row: dict[str, Any] = {
        "model": reference,
        "batch": batch,
        "precision": precision,
        "optimizer": options.optimizer,
        "backend": backend_name(),
        "device": counter.device,
        "counter": counter.name,
        "estimate_bytes": expected.total_bytes,
        "estimate": {k: v for k, v in expected.to_json_dict().items() if k.endswith("_bytes")},
    }
    keras.mixed_precision.set_global_policy(precision)
    counter.start()
    try:
        model = build_model(parsed, preview=False).model
        inputs = [
            np.random.default_rng(0).random((batch, *t.shape[1:]), dtype=np.float32)
            for t in model.inputs
        ]
        classes = int(model.outputs[0].shape[-1])
        labels = np.eye(classes, dtype=np.float32)[np.arange(batch) % classes]
        last = getattr(model.layers[-1], "activation", None)
        softmax = getattr(last, "__name__", "") == "softmax"
        model.compile(
            optimizer=_optimizer(keras, options.optimizer),
            loss=keras.losses.CategoricalCrossentropy(from_logits=not softmax),
        )
        seconds = []
        for _ in range(options.steps):
            started = time.perf_counter()
            model.train_on_batch(inputs if len(inputs) > 1 else inputs[0], labels)
            seconds.append(time.perf_counter() - started)
            if len(seconds) == 1:
                first_peak = counter.peak()
                counter.restart_peak()
    except Exception as error:
        if not is_out_of_memory(error) and "out of memory" not in str(error).lower():
            raise
        return {**row, "status": "does not fit", "error": str(error).splitlines()[0][:300]}
    steady_peak = counter.peak() if len(seconds) > 1 else None
    peak = max(first_peak, steady_peak or 0)
    steady = seconds[1:] or seconds
    step = statistics.median(steady)
    return {
        **row,
        "status": "ok",
        "peak_bytes": peak,
        "ratio": expected.total_bytes / peak if peak else None,
        # After the first step (which compiles): without XLA's or the tracer's own memory on a
        # CPU, where only the whole process's RSS can be read. The same counter on a GPU.
        "steady_peak_bytes": steady_peak,
        "first_step_seconds": seconds[0],
        "step_seconds": step,
        "samples_per_second": batch / step,
        "jit_compile": bool(getattr(model, "jit_compile", False)),
    }


def _optimizer(keras: Any, name: str) -> Any:
    if name == "momentum":
        return keras.optimizers.SGD(momentum=0.9)
    made = {"sgd": "SGD", "rmsprop": "RMSprop", "adam": "Adam", "adamw": "AdamW"}
    return getattr(keras.optimizers, made[name])()


class _PeakCounter:
    """The backend's own peak on its first GPU, else the process's peak RSS growth."""

    def __init__(self, name: str, device: str, read: Any = None) -> None:
        self.name = name
        self.device = device
        self._read = read  # the GPU counter (bytes since the process began), or None
        self._base = 0

    def start(self) -> None:
        if self._read is None:
            _reset_peak_rss()
            self._base = _rss_bytes()

    def restart_peak(self) -> None:
        """From now on, on a CPU: the peak after the first step (keeping the same base)."""
        if self._read is None:
            _reset_peak_rss()

    def peak(self) -> int:
        if self._read is not None:
            return int(self._read())
        return _peak_rss_bytes() - self._base


def _peak_counter(backend: str) -> _PeakCounter:
    cpu = _PeakCounter("peak RSS growth", f"CPU ({platform.processor() or platform.machine()})")
    if backend == "jax":
        import jax

        device = jax.local_devices()[0]
        stats = device.memory_stats() if device.platform != "cpu" else None
        if stats and "peak_bytes_in_use" in stats:
            return _PeakCounter(
                "jax peak_bytes_in_use",
                f"{device.platform.upper()} ({device.device_kind})",
                lambda: device.memory_stats()["peak_bytes_in_use"],
            )
        return cpu
    if backend == "torch":
        import torch

        if torch.cuda.is_available():
            torch.cuda.reset_peak_memory_stats(0)
            return _PeakCounter(
                "torch.cuda.max_memory_allocated",
                f"GPU ({torch.cuda.get_device_name(0)})",
                lambda: torch.cuda.max_memory_allocated(0),
            )
        return cpu
    import tensorflow as tf

    if tf.config.list_physical_devices("GPU"):
        return _PeakCounter(
            "tf get_memory_info peak",
            "GPU:0",
            lambda: tf.config.experimental.get_memory_info("GPU:0")["peak"],
        )
    return cpu


def _status_kib(field: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def _reset_peak_rss() -> None:
    """Linux: writing 5 to clear_refs resets VmHWM (the peak RSS) to the RSS now."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
    except OSError:
        pass


def _rss_bytes() -> int:
    found = _status_kib("VmRSS")
    return found if found is not None else _peak_rss_bytes()


def _peak_rss_bytes() -> int:
    found = _status_kib("VmHWM")
    if found is not None:
        return found
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def _versions(backend: str) -> dict[str, str]:
    from importlib import metadata

    found = {}
    for package in ("keras", backend, "jaxlib" if backend == "jax" else None):
        if package:
            try:
                found[package] = metadata.version(package)
            except metadata.PackageNotFoundError:
                found[package] = "none"
    return found


def _line(row: dict[str, Any]) -> str:
    return f"{row['model']} batch {row['batch']} {row['precision']}: {row['status']}" + (
        f", ratio {row['ratio']:.2f}" if row.get("ratio") else ""
    )


def _table(rows: list[dict[str, Any]]) -> str:
    header = (
        "model",
        "batch",
        "precision",
        "estimate MiB",
        "peak MiB",
        "ratio",
        "step s",
        "status",
    )
    lines = [header]
    for row in rows:
        peak = row.get("peak_bytes")
        ratio = row.get("ratio")
        step = row.get("step_seconds")
        lines.append(
            (
                row["model"],
                str(row["batch"]),
                row["precision"],
                f"{row['estimate_bytes'] / MIB:,.0f}" if "estimate_bytes" in row else "",
                f"{peak / MIB:,.0f}" if peak is not None else "",
                f"{ratio:.2f}" if ratio is not None else "",
                f"{step:.3f}" if step is not None else "",
                row["status"][:80],
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        for line in lines
    )


if __name__ == "__main__":
    sys.exit(main())
