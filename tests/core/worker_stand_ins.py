"""What worker processes run in tests, started as ``WorkerClient`` starts the real one (a spawned
process holding one end of a pipe) but without TensorFlow: the real worker loop with quick
stand-ins for TensorFlow's start-up, builds and real weights, and a worker that never answers."""

from __future__ import annotations

import contextlib
import os
import time
from types import SimpleNamespace
from typing import Any

from explorer.core.worker import protocol as p
from explorer.core.worker import service
from explorer.core.worker.devices import CpuInfo, DeviceReport

DEVICES = DeviceReport(
    gpus=(),
    cpu=CpuInfo("Test CPU", 2, 2**30),
    tensorflow_version="2.0-stand-in",
    keras_version="3.0-stand-in",
    tensorflow_gpus=(),
)
START_UP_S = 0.5  # TensorFlow's import, and a build
SAVED = b"weights " * 1000  # what a stand-in model saves, slowly: in 20 pieces over 1 s


class SlowModel:
    def save_weights(self, path: str) -> None:
        with open(path, "wb") as stream:
            for start in range(0, len(SAVED), len(SAVED) // 20):
                stream.write(SAVED[start : start + len(SAVED) // 20])
                stream.flush()
                time.sleep(0.05)


def _stand_in_build(request: p.Build) -> p.BuildFailed:
    time.sleep(START_UP_S)
    return p.BuildFailed(request.generation, "stand-in build")


def worker(connection: Any, stderr_path: str) -> None:
    """``service.main`` with the stand-ins; everything it writes to stderr goes to a file."""
    os.dup2(os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 2)
    from explorer.core.analysis import build
    from explorer.core.base import runtime
    from explorer.core.worker import devices

    runtime.import_keras = lambda: time.sleep(START_UP_S)  # type: ignore[assignment]
    devices.detect_devices = lambda: DEVICES
    service.build = _stand_in_build  # type: ignore[assignment]
    build.build_model = lambda reference, preview: SimpleNamespace(model=SlowModel())  # type: ignore[assignment]
    service.main(connection)


def silent_worker(connection: Any) -> None:
    """Ready at once; fails builds of ``resnet18`` at once and never answers any other."""
    connection.send(p.Ready(DEVICES))
    with contextlib.suppress(EOFError, OSError):  # the window is gone
        while not isinstance(request := connection.recv(), p.Stop):
            if isinstance(request, p.Build) and request.reference == "resnet18":
                connection.send(p.BuildStarted(request.generation))
                connection.send(p.BuildFailed(request.generation, "stand-in build"))
