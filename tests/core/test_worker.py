"""The Keras worker loop, run in a thread of the test process over a real pipe."""

from __future__ import annotations

import multiprocessing
import threading

from explorer.core.worker.devices import DeviceReport
from explorer.core.worker.service import serve
from tests.helpers import h5_arrays, same_arrays


def test_only_the_newest_waiting_request_is_built_and_failures_are_messages() -> None:
    ours, theirs = multiprocessing.Pipe()
    # Queued before the worker reads anything: the first two are stale by then.
    for generation, text in enumerate(["resnet50", "vgg16", "resnet18:classes=10"], start=1):
        ours.send(("build", generation, text, True))
    thread = threading.Thread(target=serve, args=(theirs,))
    thread.start()
    try:
        kind, report = ours.recv()
        assert kind == "ready" and isinstance(report, DeviceReport)
        assert ours.recv() == ("build_started", 3)
        kind, generation, summary, seconds = ours.recv()
        assert (kind, generation, summary.architecture) == ("build_finished", 3, "resnet18")
        assert summary.layers[-1].output_shape == (None, 10)
        assert summary.totals.trainable_params == 11_689_512 - 1000 * 513 + 10 * 513
        assert seconds > 0
        assert not ours.poll(0.2)  # nothing was built for generations 1 and 2

        ours.send(("build", 4, "resnet18:classes=0", True))
        assert ours.recv() == ("build_started", 4)
        assert ours.recv() == (
            "build_failed",
            4,
            "classes: 0 is out of range: expected an integer from 1 to 100,000",
        )
    finally:
        ours.send(("stop",))
        thread.join(30)
    assert not thread.is_alive()


def test_the_worker_ends_when_the_window_goes_away() -> None:
    ours, theirs = multiprocessing.Pipe()
    thread = threading.Thread(target=serve, args=(theirs,))
    thread.start()
    assert ours.recv()[0] == "ready"
    ours.close()
    thread.join(30)
    assert not thread.is_alive()


def test_weights_requests_are_all_carried_out_and_save_keeps_the_loaded_weights(tmp_path) -> None:
    ref = "resnet18:input_shape=32x32x3,classes=10"
    first, second = str(tmp_path / "a.weights.h5"), str(tmp_path / "b.weights.h5")
    ours, theirs = multiprocessing.Pipe()
    for message in [
        ("build", 1, "vgg16", True),  # stale: a newer build follows
        ("save", 1, ref, first),  # carried out although builds follow it
        ("build", 2, ref, True),
        ("load", 2, ref, first),
        ("save", 3, ref, second),  # saves the loaded weights, not fresh ones
        ("check", 4, "resnet18:input_shape=32x32x3,classes=5", first),
        ("load", 5, "resnet18:input_shape=32x32x3,classes=5", first),
    ]:
        ours.send(message)
    thread = threading.Thread(target=serve, args=(theirs,))
    thread.start()
    try:
        assert ours.recv()[0] == "ready"
        assert ours.recv() == ("progress", 1, "Building real weights to save…")
        assert ours.recv() == ("saved", 1, first)
        assert ours.recv() == ("build_started", 2)
        assert ours.recv()[:2] == ("build_finished", 2)
        kind, request, summary, report = ours.recv()
        assert (kind, request, summary.architecture, report.loads_fully) == (
            "loaded",
            2,
            "resnet18",
            True,
        )
        assert ours.recv() == ("saved", 3, second)
        kind, request, report = ours.recv()
        assert (kind, request, report.count("shape mismatch")) == ("checked", 4, 1)
        kind, request, message, report = ours.recv()
        assert (kind, request) == ("weights_failed", 5)
        assert message.startswith(f"{first}: would NOT load (")
        assert report.count("shape mismatch") == 1
    finally:
        ours.send(("stop",))
        thread.join(60)

    assert same_arrays(first, second)
    assert len(h5_arrays(first)) > 100


def test_a_sweep_reports_each_point_and_stops_on_cancel() -> None:
    ours, theirs = multiprocessing.Pipe()
    sides = [(s, s, 3) for s in (32, 48, 64, 80, 96, 112, 128, 144)]
    ours.send(("sweep", 1, "resnet18:classes=10", "input_shape", sides[:3]))
    ours.send(("sweep", 2, "resnet18:classes=10", "input_shape", sides))
    ours.send(("cancel", 2))  # arrives while sweep 1 runs: sweep 2 stops at its first check
    ours.send(("sweep", 3, "resnet18", "colour", ["red"]))
    thread = threading.Thread(target=serve, args=(theirs,))
    thread.start()
    try:
        assert ours.recv()[0] == "ready"
        replies = [ours.recv() for _ in range(6)]
        assert [r[:3] for r in replies[:3]] == [("sweep_point", 1, i) for i in range(3)]
        assert [r[3].value for r in replies[:3]] == sides[:3]
        assert replies[3] == ("sweep_done", 1, False)
        assert replies[4] == ("sweep_done", 2, True)
        assert replies[5] == (
            "sweep_failed",
            3,
            "colour: unknown parameter for resnet18 (known: input_shape, classes, variant)",
        )
    finally:
        ours.send(("stop",))
        thread.join(60)
