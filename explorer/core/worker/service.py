"""The Keras worker: one long-lived process that owns all TensorFlow and Keras work.

The window runs it as a separate process rather than a thread: PySide takes Python's global
interpreter lock for every virtual call a widget makes, so a Keras build running in a thread of
the window's own process made laying out or painting widgets wait hundreds of milliseconds.
A process shares no lock with the window, and the window never imports TensorFlow.

Requests and replies are the frozen dataclasses of ``explorer.core.worker.protocol``. Builds
that queue up while the worker is busy are skipped when a newer build follows them; weights
requests are all carried out, in order.

The worker keeps the model whose weights are "on screen": the one last loaded or saved. Saving
again saves those weights; a build for other parameters drops them.

A closed or broken connection means the window is gone: the worker then ends quietly, whatever
it was doing (a save under way still leaves its file whole: see ``base.files.atomic_path``).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import time
from collections import deque
from collections.abc import Iterator
from typing import Any, Protocol

from explorer.core.base.errors import ExplorerError, user_message
from explorer.core.worker.protocol import (
    Build,
    BuildFailed,
    BuildStarted,
    Built,
    Cancel,
    CheckWeights,
    Progress,
    Ready,
    Request,
    SaveWeights,
    StartUpFailed,
    Stop,
    Sweep,
    SweepDone,
    SweepFailed,
    SweepPointDone,
    WeightsChecked,
    WeightsFailed,
    WeightsLoaded,
    WeightsReply,
    WeightsRequest,
    WeightsSaved,
)

log = logging.getLogger(__name__)


class Connection(Protocol):
    def send(self, obj: Any) -> None: ...
    def recv(self) -> Any: ...
    def poll(self, timeout: float | None = ...) -> bool: ...


class WindowGone(BaseException):
    """The connection to the window is closed or broken. A ``BaseException``, so that the
    handlers that report every failure of a build or a save to the window let it pass."""


@contextlib.contextmanager
def _reaching_the_window() -> Iterator[None]:
    try:
        yield
    except (EOFError, OSError) as error:  # BrokenPipeError, ConnectionResetError...
        raise WindowGone from error


class _Window:
    """The connection, raising ``WindowGone`` whenever the window cannot be reached."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def send(self, obj: Any) -> None:
        with _reaching_the_window():
            self._connection.send(obj)

    def recv(self) -> Any:
        with _reaching_the_window():
            return self._connection.recv()

    def poll(self, timeout: float | None = 0.0) -> bool:
        with _reaching_the_window():
            return self._connection.poll(timeout)


def _next(connection: Connection, queue: deque[Request]) -> Request:
    """The next request to act on; a build with a newer build queued behind it is skipped."""
    while True:
        if not queue:
            queue.append(connection.recv())
        while connection.poll():
            queue.append(connection.recv())
        request = queue.popleft()
        if not (isinstance(request, Build) and any(isinstance(r, Build) for r in queue)):
            return request


def build(request: Build) -> BuildFailed | Built:
    """One build request -> the reply to send back."""
    from explorer.core.analysis.cache import summarize_cached
    from explorer.core.sources.lookup import parse_reference

    start = time.perf_counter()
    try:  # kept in the summary cache: the window shows it at once next time
        summary = summarize_cached(parse_reference(request.reference), preview=request.preview)
    except ExplorerError as error:
        return BuildFailed(request.generation, user_message(error))
    except Exception as error:  # reported to the user, never lost
        log.exception("building %s failed", request.reference)
        return BuildFailed(request.generation, user_message(error))
    finally:
        # Discarded Keras models live in reference cycles: collect them now, so memory stays
        # flat over many builds (quick, since start-up froze TensorFlow's own objects).
        gc.collect()
    return Built(request.generation, summary, time.perf_counter() - start)


def serve(connection: Connection) -> None:
    """The worker's main loop: start Keras, then do what is asked until told to stop or the
    window is gone."""
    with contextlib.suppress(WindowGone):
        _serve(_Window(connection))


def _serve(connection: Connection) -> None:
    from explorer.core.base.runtime import import_keras
    from explorer.core.worker.devices import detect_devices

    try:
        import_keras()
        devices = detect_devices()
    except Exception as error:  # reported to the user, never lost
        log.exception("TensorFlow failed to start")
        connection.send(StartUpFailed(f"TensorFlow could not start: {user_message(error)}"))
        return
    connection.send(Ready(devices))
    weights_on_screen = WeightsOnScreen()
    queue: deque[Request] = deque()
    while True:
        request = _next(connection, queue)
        if isinstance(request, Stop):
            return
        if isinstance(request, Build):
            weights_on_screen.forget_unless(request.reference)
            connection.send(BuildStarted(request.generation))
            connection.send(build(request))
        elif isinstance(request, Sweep):
            sweep(request, connection, queue)
        elif isinstance(request, Cancel):
            continue  # for a sweep that had already ended
        else:
            connection.send(weights_on_screen.handle(request, connection))


def sweep(request: Sweep, connection: Connection, queue: deque[Request]) -> None:
    """Reply a point at a time; a ``Cancel`` of this sweep or a ``Stop`` that arrives ends it."""
    from explorer.core.analysis.sweep import run_sweep
    from explorer.core.sources.lookup import parse_reference

    def should_stop() -> bool:
        while connection.poll():
            queue.append(connection.recv())
        return any(isinstance(r, Stop) or r == Cancel(request.request) for r in queue)

    try:
        points = run_sweep(
            parse_reference(request.reference),
            request.param,
            request.values,
            on_point=lambda index, point: connection.send(
                SweepPointDone(request.request, index, point)
            ),
            should_stop=should_stop,
        )
    except ExplorerError as error:
        connection.send(SweepFailed(request.request, user_message(error)))
        return
    finally:
        gc.collect()
    connection.send(SweepDone(request.request, len(points) < len(request.values)))


class WeightsOnScreen:
    """The full model behind the table, once weights were saved or loaded for it."""

    def __init__(self) -> None:
        self.reference_text: str | None = None
        self.model: Any = None

    def forget_unless(self, reference_text: str) -> None:
        if reference_text != self.reference_text:
            self.reference_text, self.model = None, None

    def handle(self, request: WeightsRequest, connection: Connection) -> WeightsReply:
        from explorer.core import weights
        from explorer.core.analysis.build import build_model
        from explorer.core.analysis.summary import summarize_model
        from explorer.core.sources.lookup import parse_reference
        from explorer.core.weights.operations import check_save_target

        number, path = request.request, request.path
        try:
            reference = parse_reference(request.reference)
            if isinstance(request, CheckWeights):
                return WeightsChecked(number, weights.check(reference, path))
            if isinstance(request, SaveWeights):
                check_save_target(path)  # before a build that takes seconds or minutes
                if self.reference_text != request.reference:
                    connection.send(Progress(number, "Building real weights to save…"))
                    self.model = build_model(reference, preview=False).model
                    self.reference_text = request.reference
                return WeightsSaved(number, str(weights.save_weights(self.model, path)))
            model, report = weights.load(reference, path)
            self.reference_text, self.model = request.reference, model
            summary = summarize_model(model, reference.architecture.id, reference.items)
            return WeightsLoaded(number, summary, report)
        except weights.WeightsMismatchError as error:
            return WeightsFailed(number, str(error), error.report)
        except ExplorerError as error:
            return WeightsFailed(number, user_message(error))
        except Exception as error:  # reported to the user, never lost
            log.exception("%s of %s failed", type(request).__name__, path)
            return WeightsFailed(number, user_message(error))
        finally:
            gc.collect()


def main(connection: Connection) -> None:
    """Entry point of the worker process."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    serve(connection)
