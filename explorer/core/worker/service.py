"""The Keras worker: one long-lived process that owns all TensorFlow and Keras work.

The window runs it as a separate process rather than a thread: PySide takes Python's global
interpreter lock for every virtual call a widget makes, so a Keras build running in a thread of
the window's own process made laying out or painting widgets wait hundreds of milliseconds.
A process shares no lock with the window, and the window never imports TensorFlow.

Messages are tuples sent over a ``multiprocessing`` connection:
in  ``("build", generation, reference_text, preview)``, ``("save", id, reference_text, path)``,
``("check", id, reference_text, path)``, ``("load", id, reference_text, path)``,
``("sweep", id, reference_text, param, values)``, ``("cancel", id)``, ``("stop",)``;
out ``("ready", DeviceReport)``, ``("start_up_failed", message)``,
``("build_started", generation)``, ``("build_finished", generation, ModelSummary, seconds)``,
``("build_failed", generation, message)``, ``("progress", id, message)``,
``("saved", id, path)``, ``("checked", id, report)``, ``("loaded", id, ModelSummary, report)``,
``("weights_failed", id, message, report or None)``, ``("sweep_point", id, index, SweepPoint)``,
``("sweep_done", id, cancelled)``, ``("sweep_failed", id, message)``.
Builds that queue up while the worker is busy are skipped when a newer build follows them;
weights requests are all carried out, in order.

The worker keeps the model whose weights are "on screen": the one last loaded or saved. Saving
again saves those weights; a build for other parameters drops them.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import time
from collections import deque
from typing import Any, Protocol

from explorer.core.base.errors import ExplorerError, user_message

log = logging.getLogger(__name__)


class Connection(Protocol):
    def send(self, obj: Any) -> None: ...
    def recv(self) -> Any: ...
    def poll(self, timeout: float | None = ...) -> bool: ...


def _next(connection: Connection, queue: deque[tuple[Any, ...]]) -> tuple[Any, ...]:
    """The next message to act on; a build with a newer build queued behind it is skipped."""
    while True:
        if not queue:
            queue.append(connection.recv())
        while connection.poll():
            queue.append(connection.recv())
        message = queue.popleft()
        if message[0] == "stop" or not (
            message[0] == "build" and any(later[0] == "build" for later in queue)
        ):
            return message


def build(message: tuple[Any, ...]) -> tuple[Any, ...]:
    """One build request -> the reply to send back."""
    from explorer.core.analysis.build import summarize
    from explorer.core.sources.lookup import parse_reference

    _, generation, reference_text, preview = message
    start = time.perf_counter()
    try:
        summary = summarize(parse_reference(reference_text), preview=preview)
    except ExplorerError as error:
        return ("build_failed", generation, user_message(error))
    except Exception as error:  # reported to the user, never lost
        log.exception("building %s failed", reference_text)
        return ("build_failed", generation, user_message(error))
    finally:
        # Discarded Keras models live in reference cycles: collect them now, so memory stays
        # flat over many builds (quick, since start-up froze TensorFlow's own objects).
        gc.collect()
    return ("build_finished", generation, summary, time.perf_counter() - start)


def serve(connection: Connection) -> None:
    """The worker's main loop: start Keras, then build what is asked until told to stop."""
    from explorer.core.base.runtime import import_keras
    from explorer.core.worker.devices import detect_devices

    try:
        import_keras()
        connection.send(("ready", detect_devices()))
    except Exception as error:  # reported to the user, never lost
        log.exception("TensorFlow failed to start")
        connection.send(("start_up_failed", f"TensorFlow could not start: {user_message(error)}"))
        return
    weights_on_screen = WeightsOnScreen()
    queue: deque[tuple[Any, ...]] = deque()
    while True:
        try:
            message = _next(connection, queue)
        except (EOFError, OSError):  # the window is gone
            return
        if message[0] == "stop":
            return
        if message[0] == "build":
            weights_on_screen.forget_unless(message[2])
            connection.send(("build_started", message[1]))
            connection.send(build(message))
        elif message[0] == "sweep":
            sweep(message, connection, queue)
        elif message[0] == "cancel":
            continue  # for a sweep that had already ended
        else:
            connection.send(weights_on_screen.handle(message, connection))


def sweep(message: tuple[Any, ...], connection: Connection, queue: deque[tuple[Any, ...]]) -> None:
    """Reply a point at a time; a ``("cancel", id)`` or a stop that arrives ends it early."""
    from explorer.core.analysis.sweep import run_sweep
    from explorer.core.sources.lookup import parse_reference

    _, request, reference_text, param, values = message

    def should_stop() -> bool:
        while connection.poll():
            queue.append(connection.recv())
        return any(m[0] == "stop" or m[:2] == ("cancel", request) for m in queue)

    try:
        points = run_sweep(
            parse_reference(reference_text),
            param,
            values,
            on_point=lambda index, point: connection.send(("sweep_point", request, index, point)),
            should_stop=should_stop,
        )
    except ExplorerError as error:
        connection.send(("sweep_failed", request, user_message(error)))
        return
    finally:
        gc.collect()
    connection.send(("sweep_done", request, len(points) < len(values)))


class WeightsOnScreen:
    """The full model behind the table, once weights were saved or loaded for it."""

    def __init__(self) -> None:
        self.reference_text: str | None = None
        self.model: Any = None

    def forget_unless(self, reference_text: str) -> None:
        if reference_text != self.reference_text:
            self.reference_text, self.model = None, None

    def handle(self, message: tuple[Any, ...], connection: Connection) -> tuple[Any, ...]:
        from explorer.core import weights
        from explorer.core.analysis.build import build_model
        from explorer.core.analysis.summary import summarize_model
        from explorer.core.sources.lookup import parse_reference

        kind, request, reference_text, path = message
        try:
            reference = parse_reference(reference_text)
            if kind == "check":
                return ("checked", request, weights.check(reference, path))
            if kind == "save":
                if self.reference_text != reference_text:
                    connection.send(("progress", request, "Building real weights to save…"))
                    self.model = build_model(reference, preview=False).model
                    self.reference_text = reference_text
                return ("saved", request, str(weights.save_weights(self.model, path)))
            model, report = weights.load(reference, path)
            self.reference_text, self.model = reference_text, model
            summary = summarize_model(model, reference.architecture.id, reference.items)
            return ("loaded", request, summary, report)
        except weights.WeightsMismatchError as error:
            return ("weights_failed", request, str(error), error.report)
        except ExplorerError as error:
            return ("weights_failed", request, user_message(error), None)
        except Exception as error:  # reported to the user, never lost
            log.exception("%s of %s failed", kind, path)
            return ("weights_failed", request, user_message(error), None)
        finally:
            gc.collect()


def main(connection: Connection) -> None:
    """Entry point of the worker process."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    with contextlib.suppress(BrokenPipeError, EOFError):  # the window closed mid-reply
        serve(connection)
