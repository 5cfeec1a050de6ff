"""Parameter sweeps: totals of one architecture at many values of one parameter, from previews.

A plain function with a progress callback and a cooperative stop, so the worker can run it and
report each point as it comes, and a test can run it without Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from explorer.core.catalog import Reference
from explorer.core.errors import ExplorerError, ParameterError, user_message
from explorer.core.params import ShapeParam, Value
from explorer.core.summary import Totals


@dataclass(frozen=True)
class SweepPoint:
    value: Value
    totals: Totals | None  # None when this value cannot be built
    error: str = ""


def square_inputs(base: tuple[int, ...], sides: Iterable[int]) -> list[tuple[int, ...]]:
    """``(224, 224, 3)`` and sides 64, 128 -> ``(64, 64, 3)``, ``(128, 128, 3)``."""
    return [(side, side, *base[2:]) for side in sides]


def run_sweep(
    reference: Reference,
    param: str,
    values: Iterable[Value],
    *,
    on_point: Callable[[int, SweepPoint], None] | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> list[SweepPoint]:
    """Totals at each value of ``param``, the other parameters as in ``reference``."""
    from explorer.core.build import summarize

    architecture = reference.architecture
    known = [spec.name for spec in architecture.params]
    if param not in known:
        raise ParameterError(
            param, f"unknown parameter for {architecture.id} (known: {', '.join(known)})"
        )
    spec = architecture.param(param)
    points: list[SweepPoint] = []
    for index, value in enumerate(values):
        if should_stop():
            break
        try:
            point_reference = reference.architecture.resolve({**reference.values, param: value})
            point = SweepPoint(value, summarize(point_reference).totals)
        except ExplorerError as error:
            point = SweepPoint(value, None, user_message(error))
        if isinstance(spec, ShapeParam) and isinstance(value, str):
            point = SweepPoint(spec.coerce(value), point.totals, point.error)
        points.append(point)
        if on_point is not None:
            on_point(index, point)
    return points
