"""The Keras worker: one long-lived process that owns all TensorFlow and Keras work.

The window runs it as a separate process rather than a thread: PySide takes Python's global
interpreter lock for every virtual call a widget makes, so a Keras build running in a thread of
the window's own process made laying out or painting widgets wait hundreds of milliseconds.
A process shares no lock with the window, and the window never imports TensorFlow.

Messages are tuples sent over a ``multiprocessing`` connection:
in  ``("build", generation, reference_text, preview)`` and ``("stop",)``;
out ``("ready", DeviceReport)``, ``("start_up_failed", message)``,
``("build_started", generation)``, ``("build_finished", generation, ModelSummary, seconds)``,
``("build_failed", generation, message)``.
Requests that queue up while a build runs are skipped: only the newest is built.
"""

from __future__ import annotations

import gc
import logging
import time
from typing import Any, Protocol

from explorer.core.errors import ExplorerError, user_message

log = logging.getLogger(__name__)


class Connection(Protocol):
    def send(self, obj: Any) -> None: ...
    def recv(self) -> Any: ...
    def poll(self, timeout: float | None = ...) -> bool: ...


def _newest(connection: Connection, message: tuple[Any, ...]) -> tuple[Any, ...]:
    """The newest message waiting (a stop wins over any build): stale builds are skipped."""
    while message[0] != "stop" and connection.poll():
        message = connection.recv()
    return message


def build(message: tuple[Any, ...]) -> tuple[Any, ...]:
    """One build request -> the reply to send back."""
    from explorer.core.build import summarize
    from explorer.core.catalog import parse_reference

    _, generation, reference_text, preview = message
    start = time.perf_counter()
    try:
        summary = summarize(parse_reference(reference_text), preview=preview)
    except ExplorerError as error:
        return ("build_failed", generation, user_message(error))
    except Exception as error:  # noqa: BLE001 - reported to the user, never lost
        log.exception("building %s failed", reference_text)
        return ("build_failed", generation, user_message(error))
    finally:
        # Discarded Keras models live in reference cycles: collect them now, so memory stays
        # flat over many builds (quick, since start-up froze TensorFlow's own objects).
        gc.collect()
    return ("build_finished", generation, summary, time.perf_counter() - start)


def serve(connection: Connection) -> None:
    """The worker's main loop: start Keras, then build what is asked until told to stop."""
    from explorer.core.devices import detect_devices
    from explorer.core.runtime import import_keras

    try:
        import_keras()
        connection.send(("ready", detect_devices()))
    except Exception as error:  # noqa: BLE001 - reported to the user, never lost
        log.exception("TensorFlow failed to start")
        connection.send(("start_up_failed", f"TensorFlow could not start: {user_message(error)}"))
        return
    while True:
        try:
            message = _newest(connection, connection.recv())
        except (EOFError, OSError):  # the window is gone
            return
        if message[0] == "stop":
            return
        connection.send(("build_started", message[1]))
        connection.send(build(message))


def main(connection: Connection) -> None:
    """Entry point of the worker process."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        serve(connection)
    except (BrokenPipeError, EOFError):
        pass  # the window closed while a reply was on its way
