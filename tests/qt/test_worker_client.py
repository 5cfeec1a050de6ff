"""The real worker client with a stand-in worker process (no TensorFlow): a worker that stops
answering is ended and started again, with a message; one that answers is left alone."""

from __future__ import annotations

import os

from explorer.core.sources.lookup import parse_reference
from explorer.qt.worker_client import WorkerClient
from tests.core.worker_stand_ins import silent_worker

TIMEOUT_S = 0.5
WAIT_MS = 10_000


class SilentClient(WorkerClient):
    worker_main = staticmethod(silent_worker)


def running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_worker_that_does_not_answer_is_restarted_with_a_message(qtbot) -> None:
    client = SilentClient(answer_timeout_s=TIMEOUT_S)
    messages: list[str] = []
    client.crashed.connect(messages.append)
    with qtbot.waitSignal(client.ready, timeout=WAIT_MS):
        client.start()
    first = client.pid
    assert first is not None
    try:
        with qtbot.waitSignal(client.build_failed, timeout=WAIT_MS):
            client.request(parse_reference("resnet18"))  # answered at once
        qtbot.wait(round(3 * TIMEOUT_S * 1000))  # idle: nothing awaits an answer
        assert messages == [] and client.pid == first

        with qtbot.waitSignal(client.crashed, timeout=WAIT_MS):
            client.request(parse_reference("vgg16"))  # never answered
        assert messages == ["The Keras worker did not answer for 0.5 s and was restarted."]
        assert not running(first)
        qtbot.waitUntil(lambda: client.is_ready, timeout=WAIT_MS)  # a fresh worker
        assert client.pid not in (None, first)
        qtbot.wait(round(3 * TIMEOUT_S * 1000))  # the ended worker's end is not a crash
        assert len(messages) == 1
    finally:
        client.stop()
