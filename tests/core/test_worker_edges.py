"""The worker process when the window goes away: it ends quietly at any stage, and a save under
way leaves its file whole. Real processes, started as the window starts them, with stand-ins
for TensorFlow (tests/core/worker_stand_ins.py)."""

from __future__ import annotations

import multiprocessing
import signal
import time

import pytest

from explorer.core.worker import protocol as p
from tests.core.worker_stand_ins import SAVED, START_UP_S, worker

SAVING = p.Progress(1, "Building real weights to save…")


def start_worker(tmp_path):
    context = multiprocessing.get_context("spawn")
    window, theirs = context.Pipe()
    stderr = tmp_path / "stderr.txt"
    process = context.Process(target=worker, args=(theirs, str(stderr)), daemon=True)
    process.start()
    theirs.close()
    return process, window, stderr


@pytest.mark.parametrize("stage", ["start-up", "build", "save"])
def test_the_worker_ends_quietly_when_the_window_goes_away(tmp_path, stage) -> None:
    target = tmp_path / "model.weights.h5"
    target.write_bytes(b"previous")
    process, window, stderr = start_worker(tmp_path)
    try:
        if stage != "start-up":
            assert isinstance(window.recv(), p.Ready)
        if stage == "build":
            window.send(p.Build(1, "resnet18"))
            assert window.recv() == p.BuildStarted(1)
        elif stage == "save":
            window.send(p.SaveWeights(1, "resnet18", str(target)))
            assert window.recv() == SAVING
        window.close()
        closed = time.monotonic()
        process.join(10)
        assert time.monotonic() - closed < 1 + 3 * START_UP_S  # what was under way, no more
        assert (process.exitcode, stderr.read_text()) == (0, "")
    finally:
        process.kill()
    # A save the window no longer waits for still ends with a whole file.
    assert target.read_bytes() == (SAVED if stage == "save" else b"previous")
    assert sorted(f.name for f in tmp_path.iterdir()) == ["model.weights.h5", "stderr.txt"]


def test_a_save_ended_by_sigterm_keeps_the_previous_file_and_leaves_nothing(tmp_path) -> None:
    """What the window does to a worker that does not stop when asked (and what happens when
    the window's own process exits: its daemon worker gets SIGTERM)."""
    target = tmp_path / "model.weights.h5"
    target.write_bytes(b"previous")
    process, window, stderr = start_worker(tmp_path)
    try:
        assert isinstance(window.recv(), p.Ready)
        window.send(p.SaveWeights(1, "resnet18", str(target)))
        assert window.recv() == SAVING
        deadline = time.monotonic() + 10
        while not any("explorer-tmp" in f.name for f in tmp_path.iterdir()):
            assert time.monotonic() < deadline, "the save did not start"
            time.sleep(0.01)
        process.terminate()
        process.join(10)
        assert (process.exitcode, stderr.read_text()) == (-signal.SIGTERM, "")
    finally:
        process.kill()
    assert target.read_bytes() == b"previous"
    assert sorted(f.name for f in tmp_path.iterdir()) == ["model.weights.h5", "stderr.txt"]
