"""Does a weights file fit a model? Layer by layer: matched, shape mismatch, missing, extra.

The model's side comes from shapes alone (Keras's own save walk over a shapes-only store), so a
preview is enough and no weights are allocated."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from explorer.core.base.shapes import FixedShape
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.weights.layout import WeightsEntry, WeightsLayout


class Status(str, Enum):
    """How one layer fits, worst first; each member is its word ("shape mismatch") wherever it
    is written, compared, pickled or put in JSON, and carries a one-line explanation."""

    SHAPE_MISMATCH = (
        QT_TRANSLATE_NOOP("Core", "shape mismatch"),
        QT_TRANSLATE_NOOP("Core", "both have this layer, but the arrays' shapes differ"),
    )
    MISSING = (
        QT_TRANSLATE_NOOP("Core", "missing"),
        QT_TRANSLATE_NOOP("Core", "the model has this layer, the file does not"),
    )
    EXTRA = (
        QT_TRANSLATE_NOOP("Core", "extra"),
        QT_TRANSLATE_NOOP("Core", "the file has weights the model has no place for"),
    )
    MATCHED = (
        QT_TRANSLATE_NOOP("Core", "matched"),
        QT_TRANSLATE_NOOP("Core", "the file has arrays of exactly the shapes this layer needs"),
    )

    explanation: str

    def __new__(cls, label: str, explanation: str) -> Status:
        member = str.__new__(cls, label)
        member._value_ = label
        member.explanation = explanation
        return member

    def __str__(self) -> str:
        return str(self.value)

    @property
    def label(self) -> str:
        return str(self.value)

    @property
    def severity(self) -> int:
        """0 for the worst (a shape mismatch), up to the matched layers."""
        return list(Status).index(self)


# What a report counts, in its order: the matched layers, then the problems worst first.
COUNTED = (Status.MATCHED, *(s for s in Status if s is not Status.MATCHED))


@dataclass(frozen=True)
class ReportRow:
    layer: str  # the model's layer name, or the file's when the model has no such layer
    status: Status  # "missing": not in the file; "extra": only in the file (a word is accepted)
    expected: tuple[FixedShape, ...]
    found: tuple[FixedShape, ...]
    file_layer: str = ""

    def __post_init__(self) -> None:
        status = Status(self.status)  # type: ignore[call-arg]  # a lookup by word, not __new__
        object.__setattr__(self, "status", status)


@dataclass(frozen=True)
class CompatibilityReport:
    path: str
    format: str
    rows: tuple[ReportRow, ...]

    def count(self, status: Status | str) -> int:
        return sum(row.status == status for row in self.rows)

    def counts(self) -> dict[Status, int]:
        """Layers per status, matched first, then the problems worst first."""
        return {status: self.count(status) for status in COUNTED}

    @property
    def loads_fully(self) -> bool:
        return all(row.status is Status.MATCHED for row in self.rows)

    def summary_line(self) -> str:
        """E.g. "a.weights.h5: would NOT load (3 matched, 1 shape mismatch, 0 missing, 0 extra
        layers)"."""
        template = (
            QT_TRANSLATE_NOOP(
                "Core",
                "{path}: loads completely ({matched} matched, {mismatched} shape mismatch, "
                "{missing} missing, {extra} extra layers)",
            )
            if self.loads_fully
            else QT_TRANSLATE_NOOP(
                "Core",
                "{path}: would NOT load ({matched} matched, {mismatched} shape mismatch, "
                "{missing} missing, {extra} extra layers)",
            )
        )
        counts = self.counts()
        return Text(
            template,
            path=self.path,
            matched=counts[Status.MATCHED],
            mismatched=counts[Status.SHAPE_MISMATCH],
            missing=counts[Status.MISSING],
            extra=counts[Status.EXTRA],
        )


def expected_keras_layout(model: Any) -> list[WeightsEntry]:
    """The entries ``model.save_weights`` would write, from shapes only (previews stay empty)."""
    from keras.src.saving import saving_lib

    class Recorder(saving_lib.H5IOStore):
        def __init__(self) -> None:  # no file: the shapes are all we need
            self.entries: dict[str, tuple[str, list[FixedShape]]] = {}
            self._key = ""
            self._name = ""

        def __bool__(self) -> bool:
            return True

        def make(self, path: str, metadata: dict[str, Any] | None = None) -> Recorder:
            self._key, self._name = path, (metadata or {}).get("name", path)
            return self

        def __setitem__(self, index: str, value: Any) -> None:
            entry = self.entries.setdefault(self._key, (self._name, []))
            entry[1].append(tuple(int(d) for d in value.shape))

    recorder = Recorder()
    saving_lib._save_state(model, recorder, None, "", set())
    return [
        WeightsEntry(key, name, tuple(shapes)) for key, (name, shapes) in recorder.entries.items()
    ]


def expected_legacy_layout(model: Any) -> list[WeightsEntry]:
    """Layers with weights in ``model.layers`` order, as the legacy loader pairs them."""
    entries = []
    for layer in model.layers:
        weights = layer.trainable_weights + layer.non_trainable_weights
        if weights:
            entries.append(
                WeightsEntry(layer.name, layer.name, tuple(tuple(w.shape) for w in weights))
            )
    return entries


def _fit(mine: WeightsEntry, theirs: WeightsEntry) -> Status:
    return Status.MATCHED if mine.shapes == theirs.shapes else Status.SHAPE_MISMATCH


def compare(model: Any, layout: WeightsLayout) -> CompatibilityReport:
    rows: list[ReportRow] = []
    theirs: WeightsEntry | None
    if layout.format == "legacy":
        expected = expected_legacy_layout(model)
        for mine, theirs in zip(expected, layout.entries, strict=False):
            status = _fit(mine, theirs)
            rows.append(ReportRow(mine.layer, status, mine.shapes, theirs.shapes, theirs.layer))
        pairs = min(len(expected), len(layout.entries))
        rows += [ReportRow(e.layer, Status.MISSING, e.shapes, ()) for e in expected[pairs:]]
        rows += [
            ReportRow(e.layer, Status.EXTRA, (), e.shapes, e.layer) for e in layout.entries[pairs:]
        ]
    else:
        expected_by_key = {e.key: e for e in expected_keras_layout(model)}
        found_by_key = {e.key: e for e in layout.entries}
        for key, mine in expected_by_key.items():
            theirs = found_by_key.get(key)
            if theirs is None:
                rows.append(ReportRow(mine.layer, Status.MISSING, mine.shapes, ()))
            else:
                status = _fit(mine, theirs)
                rows.append(ReportRow(mine.layer, status, mine.shapes, theirs.shapes, theirs.layer))
        rows += [
            ReportRow(e.layer, Status.EXTRA, (), e.shapes, e.layer)
            for key, e in found_by_key.items()
            if key not in expected_by_key
        ]
    return CompatibilityReport(layout.path, layout.format, tuple(rows))
