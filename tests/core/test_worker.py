"""The Keras worker loop, run in a thread of the test process over a real pipe."""

from __future__ import annotations

import multiprocessing
import threading

from explorer.core.worker.devices import DeviceReport
from explorer.core.worker.protocol import (
    Build,
    BuildFailed,
    BuildStarted,
    Built,
    Cancel,
    CheckWeights,
    LoadWeights,
    Progress,
    Ready,
    SaveWeights,
    Stop,
    Sweep,
    SweepDone,
    SweepFailed,
    SweepPointDone,
    WeightsChecked,
    WeightsFailed,
    WeightsLoaded,
    WeightsSaved,
)
from explorer.core.worker.service import serve
from tests.helpers import h5_arrays, same_arrays


def test_only_the_newest_waiting_request_is_built_and_failures_are_messages() -> None:
    ours, theirs = multiprocessing.Pipe()
    # Queued before the worker reads anything: the first two are stale by then.
    for generation, text in enumerate(["resnet50", "vgg16", "resnet18:classes=10"], start=1):
        ours.send(Build(generation, text))
    thread = threading.Thread(target=serve, args=(theirs,))
    thread.start()
    try:
        ready = ours.recv()
        assert isinstance(ready, Ready) and isinstance(ready.devices, DeviceReport)
        assert ours.recv() == BuildStarted(3)
        built = ours.recv()
        assert isinstance(built, Built)
        summary, seconds = built.summary, built.seconds
        assert (built.generation, summary.architecture) == (3, "resnet18")
        assert summary.layers[-1].output_shape == (None, 10)
        assert summary.totals.trainable_params == 11_689_512 - 1000 * 513 + 10 * 513
        assert seconds > 0
        assert not ours.poll(0.2)  # nothing was built for generations 1 and 2

        ours.send(Build(4, "resnet18:classes=0"))
        assert ours.recv() == BuildStarted(4)
        assert ours.recv() == BuildFailed(
            4, "classes: 0 is out of range: expected an integer from 1 to 100,000"
        )
    finally:
        ours.send(Stop())
        thread.join(30)
    assert not thread.is_alive()


def test_the_worker_ends_when_the_window_goes_away() -> None:
    ours, theirs = multiprocessing.Pipe()
    thread = threading.Thread(target=serve, args=(theirs,))
    thread.start()
    assert isinstance(ours.recv(), Ready)
    ours.close()
    thread.join(30)
    assert not thread.is_alive()


def test_weights_requests_are_all_carried_out_and_save_keeps_the_loaded_weights(tmp_path) -> None:
    ref = "resnet18:input_shape=32x32x3,classes=10"
    first, second = str(tmp_path / "a.weights.h5"), str(tmp_path / "b.weights.h5")
    ours, theirs = multiprocessing.Pipe()
    for message in [
        Build(1, "vgg16"),  # stale: a newer build follows
        SaveWeights(1, ref, first),  # carried out although builds follow it
        Build(2, ref),
        LoadWeights(2, ref, first),
        SaveWeights(3, ref, second),  # saves the loaded weights, not fresh ones
        CheckWeights(4, "resnet18:input_shape=32x32x3,classes=5", first),
        LoadWeights(5, "resnet18:input_shape=32x32x3,classes=5", first),
    ]:
        ours.send(message)
    thread = threading.Thread(target=serve, args=(theirs,))
    thread.start()
    try:
        assert isinstance(ours.recv(), Ready)
        assert ours.recv() == Progress(1, "Building real weights to save…")
        assert ours.recv() == WeightsSaved(1, first)
        assert ours.recv() == BuildStarted(2)
        built = ours.recv()
        assert isinstance(built, Built) and built.generation == 2
        loaded = ours.recv()
        assert isinstance(loaded, WeightsLoaded)
        assert (loaded.request, loaded.summary.architecture, loaded.report.loads_fully) == (
            2,
            "resnet18",
            True,
        )
        assert ours.recv() == WeightsSaved(3, second)
        checked = ours.recv()
        assert isinstance(checked, WeightsChecked)
        assert (checked.request, checked.report.count("shape mismatch")) == (4, 1)
        failed = ours.recv()
        assert isinstance(failed, WeightsFailed) and failed.request == 5
        assert failed.message.startswith(f"{first}: would NOT load (")
        assert failed.report is not None and failed.report.count("shape mismatch") == 1
    finally:
        ours.send(Stop())
        thread.join(60)

    assert same_arrays(first, second)
    assert len(h5_arrays(first)) > 100


def test_a_sweep_reports_each_point_and_stops_on_cancel() -> None:
    ours, theirs = multiprocessing.Pipe()
    sides = [(s, s, 3) for s in (32, 48, 64, 80, 96, 112, 128, 144)]
    ours.send(Sweep(1, "resnet18:classes=10", "input_shape", tuple(sides[:3])))
    ours.send(Sweep(2, "resnet18:classes=10", "input_shape", tuple(sides)))
    ours.send(Cancel(2))  # arrives while sweep 1 runs: sweep 2 stops at its first check
    ours.send(Sweep(3, "resnet18", "colour", ("red",)))
    thread = threading.Thread(target=serve, args=(theirs,))
    thread.start()
    try:
        assert isinstance(ours.recv(), Ready)
        replies = [ours.recv() for _ in range(6)]
        points = replies[:3]
        assert all(isinstance(r, SweepPointDone) for r in points)
        assert [(r.request, r.index) for r in points] == [(1, i) for i in range(3)]
        assert [r.point.value for r in points] == sides[:3]
        assert replies[3] == SweepDone(1, False)
        assert replies[4] == SweepDone(2, True)
        assert replies[5] == SweepFailed(
            3, "colour: unknown parameter for resnet18 (known: input_shape, classes, variant)"
        )
    finally:
        ours.send(Stop())
        thread.join(60)
