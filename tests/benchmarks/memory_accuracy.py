"""The training-memory estimate against the backend's own peak counter (issue 15, Accuracy).

For each model, batch size and precision, ``explorer run`` in a process of its own: the real
model built on the current Keras backend, trained a few steps (Adam by default) on random data,
and the peak the backend itself counted (``explorer run``'s docstring and the README say which
counter), next to ``explorer memory``'s estimate. One process a case: a peak cannot be reset on
every backend, and a case that does not fit must not end the table.

Prints a table and writes the rows as JSON; ratio is estimate / measured (the goal: 0.8 to 1.2
on a GPU, 0.7 to 1.3 on a CPU). Exit status 1 when a case failed for another reason than not
fitting. Needs no TensorFlow on JAX or PyTorch, and no installed explorer (it runs the
repository it sits in). From the repository root::

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
import subprocess
import sys
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
    parser.add_argument(
        "--steps", type=int, default=3, help="timed steps (after one that compiles)"
    )
    parser.add_argument("--timeout", type=float, default=300, help="seconds per case")
    parser.add_argument("--jobs", type=int, default=1, help="cases side by side")
    parser.add_argument("--json", default="memory_accuracy.json", help="where the rows go")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    options = _options(argv)
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
        running = [pool.submit(measure, *case, options) for case in cases]
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


def measure(
    reference: str, batch: int, precision: str, options: argparse.Namespace
) -> dict[str, Any]:
    """``explorer run`` of one case in a fresh process: its JSON, or why there is none."""
    command = [sys.executable, "-m", "explorer", "run", reference, "--batch", str(batch)]
    command += ["--steps", str(options.steps), "--optimizer", options.optimizer]
    command += ["--precision", precision, "--format", "json"]
    row: dict[str, Any] = {"model": reference, "batch": batch, "precision": precision}
    environment = {**os.environ, "EXPLORER_CACHE_DIR": "off"}
    environment["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])
    )
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=options.timeout,
            check=False,
            cwd=ROOT,
            env=environment,
        )
    except subprocess.TimeoutExpired:
        return {**row, "status": f"timed out after {options.timeout:g} s"}
    if done.returncode == 0:
        return {**row, **json.loads(done.stdout), "status": "ok"}
    said = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    reason = (said or done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
    status = "does not fit" if " does not fit at batch " in reason else "failed"
    return {**row, "status": status, "error": reason[:300]}


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
        peak, ratio, step = row.get("peak_bytes"), row.get("ratio"), row.get("step_seconds")
        lines.append(
            (
                row["model"],
                str(row["batch"]),
                row["precision"],
                f"{row['estimate_bytes'] / MIB:,.0f}" if "estimate_bytes" in row else "",
                f"{peak / MIB:,.0f}" if peak is not None else "",
                f"{ratio:.2f}" if ratio is not None else "",
                f"{step:.3f}" if step is not None else "",
                (row["status"] + (f": {row['error']}" if "error" in row else ""))[:100],
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        for line in lines
    )


if __name__ == "__main__":
    sys.exit(main())
