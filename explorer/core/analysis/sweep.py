"""Parameter sweeps: totals of one architecture at many values of one parameter, from previews.

A plain function with a progress callback and a cooperative stop, so the worker can run it and
report each point as it comes, and a test can run it without Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import cast

from explorer.core.analysis.summary import Totals
from explorer.core.base.errors import ExplorerError, ParameterError, user_message
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.base.units import MIB, activation_bytes
from explorer.core.params.specs import FixedShape, IntParam, ShapeParam, Value, unknown_param
from explorer.core.params.values import format_value
from explorer.core.references.architecture import Reference


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
    from explorer.core.analysis.build import summarize

    architecture = reference.architecture
    try:
        spec = architecture.param(param)
    except KeyError:
        raise unknown_param(architecture.params, param, architecture.id) from None
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


# --- what the window offers to sweep, and the table of results ----------------------------------

MAX_POINTS = 100
_SQUARE_SIDE = QT_TRANSLATE_NOOP("Core", "input size (square side)")  # an input shape's axis
# What ``sweep_axes`` makes of the names of the catalog's numeric parameters ("_" as a space),
# marked for translation here (lupdate reads only literals): the window shows
# translated(axis.label).
READABLE_NAMES = (
    QT_TRANSLATE_NOOP("Core", "classes"),
    QT_TRANSLATE_NOOP("Core", "filters"),
    QT_TRANSLATE_NOOP("Core", "kernel size"),
    QT_TRANSLATE_NOOP("Core", "strides"),
)
# The names of the range's fields in the messages about them (ParameterError's ``param``).
_FROM, _TO, _STEP = (
    QT_TRANSLATE_NOOP("Core", "from"),
    QT_TRANSLATE_NOOP("Core", "to"),
    QT_TRANSLATE_NOOP("Core", "step"),
)


@dataclass(frozen=True)
class SweepAxis:
    """A numeric parameter to sweep; for an input shape, the side of a square input."""

    param: str
    label: str
    minimum: int
    maximum: int
    default: int
    square: bool = False  # the side of a square input shape, channels kept


def sweep_axes(reference: Reference) -> list[SweepAxis]:
    axes = []
    for spec in reference.architecture.params:
        if isinstance(spec, ShapeParam) and spec.rank == 3:
            side = cast(FixedShape, reference.values[spec.name])[0]  # the spec's type
            axes.append(
                SweepAxis(spec.name, _SQUARE_SIDE, spec.min_size, spec.max_size, side, square=True)
            )
        elif isinstance(spec, IntParam):
            value = cast(int, reference.values[spec.name])  # the spec's type
            label = (spec.label or spec.name).replace("_", " ")
            axes.append(SweepAxis(spec.name, label, spec.minimum, spec.maximum, value))
    return axes


def sweep_values(reference: Reference, param: str, start: int, stop: int, step: int) -> list[Value]:
    """The values from ``start`` to ``stop`` (included) every ``step``; an input shape keeps its
    channels and becomes square at each side."""
    axis = next((a for a in sweep_axes(reference) if a.param == param), None)
    if axis is None:
        names = ", ".join(a.param for a in sweep_axes(reference)) or QT_TRANSLATE_NOOP(
            "Core", "none"
        )
        raise ParameterError(
            param,
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{architecture} has no numeric parameter {param} to sweep (it has: {names})",
                ),
                architecture=reference.architecture.id,
                param=repr(param),
                names=names,
            ),
        )
    if step < 1:
        raise ParameterError(
            _STEP, Text(QT_TRANSLATE_NOOP("Core", "must be at least 1 (got {step})"), step=step)
        )
    if start > stop:
        raise ParameterError(
            _FROM,
            Text(
                QT_TRANSLATE_NOOP("Core", "{start} is larger than 'to' ({stop})"),
                start=start,
                stop=stop,
            ),
        )
    for name, value in ((_FROM, start), (_TO, stop)):
        if not axis.minimum <= value <= axis.maximum:
            raise ParameterError(
                name,
                Text(
                    QT_TRANSLATE_NOOP(
                        "Core", "{value} is outside the range of {label}: {minimum} to {maximum}"
                    ),
                    value=value,
                    label=axis.label,
                    minimum=axis.minimum,
                    maximum=axis.maximum,
                ),
            )
    sides = range(start, stop + 1, step)
    if len(sides) > MAX_POINTS:
        raise ParameterError(
            _STEP,
            Text(
                QT_TRANSLATE_NOOP(
                    "Core", "{count} points are too many (at most {most}); choose a larger step"
                ),
                count=len(sides),
                most=MAX_POINTS,
            ),
        )
    if axis.square:
        return list(square_inputs(cast(FixedShape, reference.values[param]), sides))
    return list(sides)


def axis_value(value: Value) -> int:
    """Where a point sits on the x axis: the side of a square input, else the value itself."""
    return value[0] if isinstance(value, tuple) else int(value)


SWEEP_HEADERS = [
    QT_TRANSLATE_NOOP("Core", "Model"),
    QT_TRANSLATE_NOOP("Core", "Value"),
    QT_TRANSLATE_NOOP("Core", "Params"),
    QT_TRANSLATE_NOOP("Core", "MACs per sample"),
    QT_TRANSLATE_NOOP("Core", "Activations per sample (MiB)"),
]


def sweep_rows(runs: Iterable[tuple[str, Iterable[SweepPoint]]]) -> list[list[str]]:
    """One row per point of each model's sweep; a value that cannot be built says why."""
    rows = []
    for label, points in runs:
        for point in points:
            value = format_value(point.value)
            if point.totals is None:
                rows.append([label, value, "-", "-", point.error])
                continue
            mib = activation_bytes(point.totals.activation_elements) / MIB
            rows.append(
                [label, value, f"{point.totals.params:,}", f"{point.totals.macs:,}", f"{mib:,.2f}"]
            )
    return rows
