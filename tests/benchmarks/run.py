"""Benchmarks: a ratio to plain Keras (or to ``import tensorflow``) measured in the same run,
or an absolute figure that a probe reports (``gui_probe.py``: the main window's stalls, memory).

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
import tempfile
import time
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Literal

# wall: until exit; peak_rss: the child's own; first_line: until it prints its first line;
# reported: the value under Benchmark.key in the JSON of the child's last line of stdout.
Metric = Literal["wall", "peak_rss", "first_line", "reported"]
UNITS: dict[str, str] = {"wall": "s", "peak_rss": "MiB", "first_line": "s"}
PY = sys.executable
PROBE = str(Path(__file__).with_name("gui_probe.py"))
SEED_CNN = (
    "import keras; keras.Sequential([keras.Input(shape=(224, 224, 3)), "
    "keras.layers.Conv2D(16, (3, 3), strides=(2, 2), padding='same'), "
    "keras.layers.Flatten(), keras.layers.Dense(1000)]).summary()"
)
RESNET50 = "import keras; keras.applications.ResNet50(weights=None).summary()"
SWEEP_SIDES = "list(range(64, 64 + 32 * 10, 32))"  # 10 input sizes, 64 to 352
SWEEP = (
    "from explorer.core.sources.lookup import parse_reference; "
    "from explorer.core.analysis.sweep import run_sweep, square_inputs; "
    "points = run_sweep(parse_reference('resnet50'), 'input_shape', "
    f"square_inputs((224, 224, 3), {SWEEP_SIDES})); "
    "assert all(p.totals for p in points) and len(points) == 10"
)
SWEEP_PLAIN = (
    "import keras; [keras.applications.ResNet50(weights=None, input_shape=(side, side, 3)) "
    f"for side in {SWEEP_SIDES}]"
)


@dataclass(frozen=True)
class Benchmark:
    name: str
    metric: Metric
    goal_ratio: float | None  # ours / plain Keras must be <= this; None: informational
    goal: str  # the goal in words
    ours: tuple[str, ...]
    baseline: tuple[str, ...] | None = None  # None: informational, no comparison
    base_metric: Metric | None = None  # the baseline's figure, if not `metric`
    key: str = ""  # metric "reported": the key in the probe's JSON
    unit: str = ""  # metric "reported": "ms", "%" (a fraction shown in percent), "MiB"...
    goal_max: float | None = None  # an absolute goal: ours <= this, in the probe's own figure


def probe(name: str, goal: str, mode: str, key: str, unit: str, goal_max: float) -> Benchmark:
    """A figure that ``gui_probe.py MODE`` prints, with an absolute goal and no baseline."""
    ours = (PY, PROBE, mode)
    return Benchmark(name, "reported", None, goal, ours, key=key, unit=unit, goal_max=goal_max)


BUILD = "--no-cache"  # measure building, not the summary cache
CNN = (
    (PY, "-m", "explorer", "summary", "simple-cnn", "--format", "json", BUILD),
    (PY, "-c", SEED_CNN),
)
IMPORT_TF = (PY, "-c", "import tensorflow")
PAINT = (PY, PROBE, "first-paint"), IMPORT_TF  # the time to "painted" / all of import tensorflow
RESNET = (PY, "-m", "explorer", "summary", "resnet50", BUILD), (PY, "-c", RESNET50)
CACHED = (PY, "-m", "explorer", "summary", "resnet50", "--format", "json"), (PY, "-c", RESNET50)
CACHED_TABLE = (PY, PROBE, "cached-table"), IMPORT_TF


def graph_against_summary(model: str, fold: str) -> Benchmark:
    """``explorer graph`` (a summary, then the layout) against ``explorer summary``."""
    graph = (PY, "-m", "explorer", "graph", model, "--fold", fold, "--format", "json", BUILD)
    summary = (PY, "-m", "explorer", "summary", model, "--format", "json", BUILD)
    name = f"graph {model} --fold {fold} vs summary"
    return Benchmark(name, "wall", 1.2, "layout adds <= 20 %", graph, summary)


BENCHMARKS: list[Benchmark] = [
    Benchmark("summary simple-cnn wall", "wall", 0.5, "half plain Keras's time", *CNN),
    Benchmark("summary simple-cnn peak memory", "peak_rss", 0.25, "no weights: 1/4 RSS", *CNN),
    Benchmark("summary resnet50 wall", "wall", 0.85, "faster than plain Keras", *RESNET),
    Benchmark("main window first paint", "first_line", 0.3, "paint before TF", *PAINT, "wall"),
    Benchmark("summary resnet50 from the cache", "wall", 0.1, "no TensorFlow on a hit", *CACHED),
    Benchmark(
        "first table from the cache", "first_line", 0.3, "table before TF", *CACHED_TABLE, "wall"
    ),
    Benchmark("import tensorflow", "wall", None, "fixed cost", IMPORT_TF),
    Benchmark(
        "10-point input-size sweep of resnet50",
        "wall",
        0.5,
        "half of 10 plain builds",
        (PY, "-c", SWEEP),
        (PY, "-c", SWEEP_PLAIN),
    ),
    *(
        graph_against_summary(model, fold)
        for model in ("resnet152", "densenet121")
        for fold in ("none", "blocks")
    ),
    probe("main window stall, resnet152 build", "GUI gap", "stall", "max_gap_ms", "ms", 50),
    probe("graph view stall, resnet152/densenet121", "GUI gap", "graph", "max_gap_ms", "ms", 50),
    probe("graph view shown after summary", "<= 0.3 s", "graph", "shown_ms", "ms", 300),
    probe("graph view unfolded to every layer", "<= 0.3 s", "graph", "unfolded_ms", "ms", 300),
    probe("main window memory, 20 builds", "RSS growth", "memory", "growth", "%", 0.10),
]


@dataclass
class Runs:
    wall: list[float] = field(default_factory=list)  # seconds
    peak_rss: list[float] = field(default_factory=list)  # MiB
    first_line: list[float] = field(default_factory=list)  # seconds; only if stdout was read
    reported: dict[str, list[float]] = field(default_factory=dict)  # numbers in the probe's JSON
    error: str | None = None

    def median(self, metric: Metric, key: str = "") -> float | None:
        values = self.reported.get(key, []) if metric == "reported" else getattr(self, metric)
        return statistics.median(values) if values and self.error is None else None

    def add(self, once: Once) -> None:
        self.wall.append(once.wall)
        self.peak_rss.append(once.peak_rss)
        if once.first_line is not None:
            self.first_line.append(once.first_line)
        for key, value in once.reported.items():
            self.reported.setdefault(key, []).append(value)


@dataclass
class Once:
    wall: float
    peak_rss: float
    first_line: float | None
    reported: dict[str, float]


BENCH_CACHE = tempfile.mkdtemp(prefix="explorer-bench-cache-")  # filled by the warm-up runs


def child_env() -> dict[str, str]:
    return {
        **os.environ,
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "KERAS_BACKEND": "tensorflow",
        "EXPLORER_CACHE_DIR": BENCH_CACHE,
    }


def parse_report(lines: list[str]) -> dict[str, float]:
    """The numbers in the JSON object on the last line that is not blank."""
    data = json.loads([line for line in lines if line.strip()][-1])
    return {k: float(v) for k, v in data.items() if type(v) in (int, float)}


def run_once(cmd: tuple[str, ...], metric: Metric = "wall") -> Once | str:
    """One run: wall, the child's own peak RSS and what `metric` reads from its stdout."""
    start = time.perf_counter()
    capture = metric in ("first_line", "reported")
    out, quiet = subprocess.PIPE if capture else subprocess.DEVNULL, subprocess.DEVNULL
    proc = subprocess.Popen(cmd, stdout=out, stderr=quiet, env=child_env(), text=True)
    first_line, lines = None, []
    if proc.stdout is not None:
        with proc.stdout:
            lines.append(proc.stdout.readline())
            first_line = time.perf_counter() - start if metric == "first_line" else None
            lines.extend(proc.stdout)  # to the end, so that the pipe never fills
    _, status, usage = os.wait4(proc.pid, 0)  # this child's rusage, not RUSAGE_CHILDREN
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode == 0:
        try:
            reported = parse_report(lines) if metric == "reported" else {}
        except (IndexError, ValueError, AttributeError) as error:
            return f"unreadable report {error!r} in {''.join(lines)[-500:]!r}"
        if capture and not lines[0]:
            return "exit 0 without printing a line"
        return Once(wall, usage.ru_maxrss / 1024, first_line, reported)  # ru_maxrss is KiB
    again = subprocess.run(cmd, capture_output=True, text=True, env=child_env(), check=False)
    tail = "\n".join(again.stderr.strip().splitlines()[-8:])
    return f"exit {proc.returncode} (rerun: exit {again.returncode})\n{tail}"


def measure(commands: list[tuple[tuple[str, ...], Metric]], repeat: int) -> list[Runs]:
    """One discarded warm-up each, then `repeat` rounds alternating the commands."""
    runs = [Runs() for _ in commands]
    for rnd in range(repeat + 1):
        for (cmd, metric), r in zip(commands, runs, strict=True):
            if r.error is not None:
                continue
            result = run_once(cmd, metric)
            if isinstance(result, str):
                r.error = result
            elif rnd > 0:
                r.add(result)
    return runs


def show(cmd: tuple[str, ...]) -> str:
    names = {PY: "python", PROBE: os.path.relpath(PROBE)}
    return " ".join(names.get(part, part) for part in cmd)


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
    goal_max: float | None
    metric: Metric
    key: str
    unit: str
    ours: float | None
    baseline: float | None
    ratio: float | None
    verdict: str
    error: str | None


def evaluate(b: Benchmark, cache: dict[tuple[str, ...], Runs]) -> Result:
    ours, base = cache[b.ours], cache[b.baseline] if b.baseline else None
    ours_med = ours.median(b.metric, b.key)
    base_med = base.median(b.base_metric or b.metric) if base else None
    ratio = ours_med / base_med if ours_med is not None and base_med else None
    error = ours.error or (base.error if base else None)
    if error:
        verdict = "FAILED"
    elif b.goal_max is not None and ours_med is not None:
        verdict = "meets goal" if ours_med <= b.goal_max else "misses goal"
    elif b.goal_ratio is None or ratio is None:
        verdict = "informational"
    else:
        verdict = "meets goal" if ratio <= b.goal_ratio else "misses goal"
    unit = b.unit or UNITS[b.metric]
    return Result(
        b.name,
        b.goal,
        b.goal_ratio,
        b.goal_max,
        b.metric,
        b.key,
        unit,
        ours_med,
        base_med,
        ratio,
        verdict,
        error,
    )


def fmt(value: float | None, unit: str = "s") -> str:
    if value is None:
        return "-"
    if unit == "%":
        return f"{100 * value:.1f} %"
    return f"{value:.{2 if unit == 's' else 0}f} {unit}"


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
        commands = [(bench.ours, bench.metric)]
        if bench.baseline is not None:
            commands.append((bench.baseline, bench.base_metric or bench.metric))
        if any(c not in cache for c, _ in commands):
            print(f"measuring: {bench.name} ...", flush=True)
            cache.update(zip([c for c, _ in commands], measure(commands, args.repeat), strict=True))
    elapsed = time.perf_counter() - started

    results = [evaluate(b, cache) for b in chosen]
    rows = [["benchmark", "ours", "plain Keras", "ratio", "goal", "verdict"]]
    for r in results:
        goal = f"<= {r.goal_ratio:.2f}" if r.goal_ratio is not None else "-"
        goal = f"<= {fmt(r.goal_max, r.unit)}" if r.goal_max is not None else goal
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "-"
        ours, base = fmt(r.ours, r.unit), fmt(r.baseline, r.unit)
        rows.append([r.name, ours, base, ratio, goal, r.verdict])
    absolute = [["command (absolute medians)", "wall", "peak RSS", "first line", "reported"]]
    for cmd, run in cache.items():
        wall, rss = fmt(run.median("wall")), fmt(run.median("peak_rss"), "MiB")
        medians = {k: run.median("reported", k) for k in run.reported}
        reported = ", ".join(f"{k} {v:.4g}" for k, v in medians.items() if v is not None)
        absolute.append([show(cmd)[:90], wall, rss, fmt(run.median("first_line")), reported])
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
