"""Parameter sweeps: totals of one architecture at many values of one parameter, from previews.

A plain function with a progress callback and a cooperative stop, so the worker can run it and
report each point as it comes, and a test can run it without Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any, cast

from explorer.core.analysis.memory import (
    MAX_BATCH,
    MemoryBasis,
    TrainingSetup,
    memory_basis,
    training_bytes,
)
from explorer.core.analysis.summary import ModelSummary, Totals
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
    # For a model with attention: its query length (tokens) and the MACs of its attention
    # products QKᵀ and AV, the part of ``totals.macs`` that grows with the square of tokens.
    tokens: int | None = None
    attention_macs: int = 0
    memory: MemoryBasis | None = None  # what its training memory follows from


def attention_of(model: Any) -> tuple[int | None, int]:
    """The longest query of the model's attention layers (None without any) and the MACs of
    all their attention products."""
    from explorer.core.analysis.cost import attention_products
    from explorer.core.analysis.trace import trace_model

    found = [attention_products(call.layer, call.inputs) for call in trace_model(model)]
    counted = [item for item in found if item is not None]
    if not counted:
        return None, 0
    return max(tokens for tokens, _ in counted), sum(macs for _, macs in counted)


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
    from explorer.core.analysis.build import build_model
    from explorer.core.analysis.summary import summarize_model

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
            model = build_model(point_reference).model
            summary = summarize_model(model, architecture.id, point_reference.items)
            tokens, attention = attention_of(model)
            point = SweepPoint(value, summary.totals, "", tokens, attention, memory_basis(summary))
        except ExplorerError as error:
            point = SweepPoint(value, None, user_message(error))
        if isinstance(spec, ShapeParam) and isinstance(value, str):
            point = replace(point, value=spec.coerce(value))
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
    QT_TRANSLATE_NOOP("Core", "depth"),
    QT_TRANSLATE_NOOP("Core", "filters"),
    QT_TRANSLATE_NOOP("Core", "heads"),
    QT_TRANSLATE_NOOP("Core", "hidden"),
    QT_TRANSLATE_NOOP("Core", "intermediate"),
    QT_TRANSLATE_NOOP("Core", "kernel size"),
    QT_TRANSLATE_NOOP("Core", "layers"),
    QT_TRANSLATE_NOOP("Core", "max positions"),
    QT_TRANSLATE_NOOP("Core", "MLP dim"),
    QT_TRANSLATE_NOOP("Core", "patch size"),
    QT_TRANSLATE_NOOP("Core", "sequence length"),
    QT_TRANSLATE_NOOP("Core", "strides"),
    QT_TRANSLATE_NOOP("Core", "vocab size"),
    QT_TRANSLATE_NOOP("Core", "width"),
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


# The batch size is no parameter of a model: a sweep over it needs no build, only the summary
# on screen (``batch_points``), and shows how the training memory grows with it.
BATCH = "batch"
BATCH_AXIS = SweepAxis(
    BATCH, QT_TRANSLATE_NOOP("Core", "batch size (training memory, no build)"), 1, MAX_BATCH, 32
)


def batch_points(summary: ModelSummary, values: Iterable[int]) -> list[SweepPoint]:
    """The points of a sweep over the batch size: the model's totals at each, unchanged."""
    basis = memory_basis(summary)
    return [SweepPoint(value, summary.totals, memory=basis) for value in values]


def point_training_bytes(point: SweepPoint, param: str, training: TrainingSetup) -> int | None:
    """A point's training memory: at its own batch on the batch axis, else at ``training``'s."""
    if point.totals is None or point.memory is None:
        return None
    batch = axis_value(point.value) if param == BATCH else training.batch
    return training_bytes(point.memory, batch, training.optimizer, training.precision)


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
    axis = next((a for a in [*sweep_axes(reference), BATCH_AXIS] if a.param == param), None)
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


TRAINING_HEADER = QT_TRANSLATE_NOOP("Core", "Training memory (MiB)")
# Columns added when a swept model has attention.
ATTENTION_HEADERS = [
    QT_TRANSLATE_NOOP("Core", "Tokens"),
    QT_TRANSLATE_NOOP("Core", "Attention products QKᵀ, AV (MACs)"),
]


def sweep_rows(
    runs: Iterable[tuple[str, Iterable[SweepPoint]]],
    *,
    attention: bool = False,
    training: TrainingSetup | None = None,
    param: str = "",
) -> list[list[str]]:
    """One row per point of each model's sweep; a value that cannot be built says why. With
    ``attention``, two more columns: tokens and the attention products' MACs; with
    ``training``, a last one: the training memory (``point_training_bytes``)."""
    rows = []
    for label, points in runs:
        for point in points:
            value = format_value(point.value)
            more = []
            if attention:
                tokens = "-" if point.tokens is None else f"{point.tokens:,}"
                more = [tokens, "-" if point.tokens is None else f"{point.attention_macs:,}"]
            if training is not None:
                n_bytes = point_training_bytes(point, param, training)
                more.append("-" if n_bytes is None else f"{n_bytes / MIB:,.2f}")
            if point.totals is None:
                rows.append([label, value, "-", "-", point.error, *more])
                continue
            mib = activation_bytes(point.totals.activation_elements) / MIB
            totals = point.totals
            rows.append(
                [label, value, f"{totals.params:,}", f"{totals.macs:,}", f"{mib:,.2f}", *more]
            )
    return rows


def by_tokens(points: Iterable[SweepPoint]) -> bool:
    """Whether the sweep changed the token count of every model built: then the MACs are best
    plotted against tokens, where attention's square shows as a parabola."""
    built = [point for point in points if point.totals is not None]
    counts = {point.tokens for point in built}
    return len(counts) > 1 and None not in counts


def attention_growth(points: Iterable[SweepPoint]) -> Text | None:
    """From the fewest tokens to the most: how the attention products grew against the rest
    of the MACs, the quadratic term next to the linear ones; None without two token counts."""
    built = [p for p in points if p.totals is not None and p.tokens and p.attention_macs]
    if len({p.tokens for p in built}) < 2:
        return None
    first = min(built, key=lambda p: cast(int, p.tokens))
    last = max(built, key=lambda p: cast(int, p.tokens))
    rest = [cast(Totals, p.totals).macs - p.attention_macs for p in (first, last)]
    return Text(
        QT_TRANSLATE_NOOP(
            "Core",
            "From {low:,} to {high:,} tokens (x{tokens:.2f}), the attention products QKᵀ and AV "
            "grow x{attention:.2f}, with the square of the tokens; the other MACs grow "
            "x{rest:.2f}.",
        ),
        low=first.tokens,
        high=last.tokens,
        tokens=cast(int, last.tokens) / cast(int, first.tokens),
        attention=last.attention_macs / first.attention_macs,
        rest=rest[1] / rest[0] if rest[0] else float("nan"),
    )
