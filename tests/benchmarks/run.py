"""Benchmarks: each figure is a ratio to plain Keras measured in the same run.

Run from the repository root: ``python -m tests.benchmarks.run [--repeat N] [--only TEXT]``.
Prints a table and writes the same data to ``bench-results/latest.json``. A missed goal is
reported, not an error; the exit status is 1 only when a command failed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Literal

Metric = Literal["wall", "peak_rss"]
UNITS: dict[Metric, str] = {"wall": "s", "peak_rss": "MiB"}
PY = sys.executable
SEED_CNN = (
    "import keras; keras.Sequential([keras.Input(shape=(224, 224, 3)), "
    "keras.layers.Conv2D(16, (3, 3), strides=(2, 2), padding='same'), "
    "keras.layers.Flatten(), keras.layers.Dense(1000)]).summary()"
)
RESNET50 = "import keras; keras.applications.ResNet50(weights=None).summary()"


@dataclass(frozen=True)
class Benchmark:
    name: str
    metric: Metric
    goal_ratio: float | None  # ours / plain Keras must be <= this; None: informational
    goal: str  # the goal in words
    ours: tuple[str, ...]
    baseline: tuple[str, ...] | None = None  # None: informational, no comparison


CNN = (PY, "-m", "explorer", "summary", "simple-cnn", "--format", "json"), (PY, "-c", SEED_CNN)
RESNET = (PY, "-m", "explorer", "summary", "resnet50"), (PY, "-c", RESNET50)
BENCHMARKS: list[Benchmark] = [
    Benchmark("summary simple-cnn wall", "wall", 0.5, "half plain Keras's time", *CNN),
    Benchmark("summary simple-cnn peak memory", "peak_rss", 0.25, "no weights: 1/4 RSS", *CNN),
    Benchmark("summary resnet50 wall", "wall", 0.85, "faster than plain Keras", *RESNET),
    Benchmark("import tensorflow", "wall", None, "fixed cost", (PY, "-c", "import tensorflow")),
]


@dataclass
class Runs:
    wall: list[float] = field(default_factory=list)  # seconds
    peak_rss: list[float] = field(default_factory=list)  # MiB
    error: str | None = None

    def median(self, metric: Metric) -> float | None:
        values = self.wall if metric == "wall" else self.peak_rss
        return statistics.median(values) if values and self.error is None else None


def child_env() -> dict[str, str]:
    return {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "KERAS_BACKEND": "tensorflow"}


def run_once(cmd: tuple[str, ...]) -> tuple[float, float] | str:
    """One run: (wall seconds, child's own peak RSS in MiB), or the error text on failure."""
    start = time.perf_counter()
    quiet = subprocess.DEVNULL
    proc = subprocess.Popen(cmd, stdout=quiet, stderr=quiet, env=child_env())
    _, status, usage = os.wait4(proc.pid, 0)  # this child's rusage, not RUSAGE_CHILDREN
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode == 0:
        return wall, usage.ru_maxrss / 1024  # ru_maxrss is KiB on Linux
    again = subprocess.run(cmd, capture_output=True, text=True, env=child_env(), check=False)
    tail = "\n".join(again.stderr.strip().splitlines()[-8:])
    return f"exit {proc.returncode} (rerun: exit {again.returncode})\n{tail}"


def measure(commands: list[tuple[str, ...]], repeat: int) -> list[Runs]:
    """One discarded warm-up each, then `repeat` rounds alternating the commands."""
    runs = [Runs() for _ in commands]
    for rnd in range(repeat + 1):
        for cmd, r in zip(commands, runs, strict=True):
            if r.error is not None:
                continue
            result = run_once(cmd)
            if isinstance(result, str):
                r.error = result
            elif rnd > 0:
                r.wall.append(result[0])
                r.peak_rss.append(result[1])
    return runs


def show(cmd: tuple[str, ...]) -> str:
    return " ".join(["python" if part == PY else part for part in cmd])


def machine() -> dict[str, str]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info = {"cpu": cpu, "cores": str(os.cpu_count()), "python": platform.python_version()}
    for dist in ("tensorflow", "keras"):
        try:
            info[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            info[dist] = "not installed"
    return info


@dataclass
class Result:
    name: str
    goal: str
    goal_ratio: float | None
    metric: Metric
    ours: float | None
    baseline: float | None
    ratio: float | None
    verdict: str
    error: str | None


def evaluate(b: Benchmark, cache: dict[tuple[str, ...], Runs]) -> Result:
    ours, base = cache[b.ours], cache[b.baseline] if b.baseline else None
    ours_med, base_med = ours.median(b.metric), base.median(b.metric) if base else None
    ratio = ours_med / base_med if ours_med is not None and base_med else None
    error = ours.error or (base.error if base else None)
    if error:
        verdict = "FAILED"
    elif b.goal_ratio is None or ratio is None:
        verdict = "informational"
    else:
        verdict = "meets goal" if ratio <= b.goal_ratio else "misses goal"
    return Result(b.name, b.goal, b.goal_ratio, b.metric, ours_med, base_med, ratio, verdict, error)


def fmt(value: float | None, metric: Metric = "wall") -> str:
    if value is None:
        return "-"
    return f"{value:.{2 if metric == 'wall' else 0}f} {UNITS[metric]}"


def table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="measured runs per command")
    parser.add_argument("--only", default="", help="run benchmarks whose name contains this")
    args = parser.parse_args(argv)
    chosen = [b for b in BENCHMARKS if args.only.lower() in b.name.lower()]
    if not chosen or args.repeat < 1:
        parser.error("no benchmark matches --only" if not chosen else "--repeat must be >= 1")
    info = machine()
    print(", ".join(f"{k}: {v}" for k, v in info.items()), f"repeat: {args.repeat}", sep="\n")

    started = time.perf_counter()
    cache: dict[tuple[str, ...], Runs] = {}  # benchmarks sharing commands share their runs
    for bench in chosen:
        commands = [c for c in (bench.ours, bench.baseline) if c is not None]
        if any(c not in cache for c in commands):
            print(f"measuring: {bench.name} ...", flush=True)
            cache.update(zip(commands, measure(commands, args.repeat), strict=True))
    elapsed = time.perf_counter() - started

    results = [evaluate(b, cache) for b in chosen]
    rows = [["benchmark", "ours", "plain Keras", "ratio", "goal", "verdict"]]
    for r in results:
        goal = f"<= {r.goal_ratio:.2f}" if r.goal_ratio is not None else "-"
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "-"
        ours, base = fmt(r.ours, r.metric), fmt(r.baseline, r.metric)
        rows.append([r.name, ours, base, ratio, goal, r.verdict])
    absolute = [["command (absolute medians)", "wall", "peak RSS"]]
    for cmd, run in cache.items():
        wall, rss = fmt(run.median("wall")), fmt(run.median("peak_rss"), "peak_rss")
        absolute.append([show(cmd)[:90], wall, rss])
    print("", table(rows), "", table(absolute), sep="\n")
    for r in results:
        if r.error:
            print(f"\n{r.name} FAILED: {r.error}")
    print(f"\ntotal measuring time: {elapsed:.1f} s")

    out = Path("bench-results")
    out.mkdir(exist_ok=True)
    data = {
        "machine": info,
        "repeat": args.repeat,
        "elapsed_s": elapsed,
        "benchmarks": [asdict(r) for r in results],
        "commands": [{"command": show(c), **asdict(run)} for c, run in cache.items()],
    }
    (out / "latest.json").write_text(json.dumps(data, indent=2) + "\n")
    print(f"wrote {out / 'latest.json'}")
    return 1 if any(r.error for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
