"""The Keras worker loop, run in a thread of the test process over a real pipe."""

from __future__ import annotations

import multiprocessing
import threading

from explorer.core.devices import DeviceReport
from explorer.core.worker import serve


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
