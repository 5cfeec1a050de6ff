"""Does a weights file fit a model? Layer by layer: matched, shape mismatch, missing, extra.

The model's side comes from shapes alone (Keras's own save walk over a shapes-only store), so a
preview is enough and no weights are allocated."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from explorer.core.base.shapes import FixedShape
from explorer.core.weights.layout import WeightsEntry, WeightsLayout


@dataclass(frozen=True)
class ReportRow:
    layer: str  # the model's layer name, or the file's when the model has no such layer
    status: str  # "matched", "shape mismatch", "missing" (from the file), "extra" (in the file)
    expected: tuple[FixedShape, ...]
    found: tuple[FixedShape, ...]
    file_layer: str = ""


@dataclass(frozen=True)
class CompatibilityReport:
    path: str
    format: str
    rows: tuple[ReportRow, ...]

    def count(self, status: str) -> int:
        return sum(row.status == status for row in self.rows)

    @property
    def loads_fully(self) -> bool:
        return all(row.status == "matched" for row in self.rows)

    def summary_line(self) -> str:
        counts = ", ".join(
            f"{self.count(status)} {status}"
            for status in ("matched", "shape mismatch", "missing", "extra")
        )
        verdict = "loads completely" if self.loads_fully else "would NOT load"
        return f"{self.path}: {verdict} ({counts} layers)"


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


def compare(model: Any, layout: WeightsLayout) -> CompatibilityReport:
    rows: list[ReportRow] = []
    theirs: WeightsEntry | None
    if layout.format == "legacy":
        expected = expected_legacy_layout(model)
        for mine, theirs in zip(expected, layout.entries, strict=False):
            status = "matched" if mine.shapes == theirs.shapes else "shape mismatch"
            rows.append(ReportRow(mine.layer, status, mine.shapes, theirs.shapes, theirs.layer))
        pairs = min(len(expected), len(layout.entries))
        rows += [ReportRow(e.layer, "missing", e.shapes, ()) for e in expected[pairs:]]
        rows += [ReportRow(e.layer, "extra", (), e.shapes, e.layer) for e in layout.entries[pairs:]]
    else:
        expected_by_key = {e.key: e for e in expected_keras_layout(model)}
        found_by_key = {e.key: e for e in layout.entries}
        for key, mine in expected_by_key.items():
            theirs = found_by_key.get(key)
            if theirs is None:
                rows.append(ReportRow(mine.layer, "missing", mine.shapes, ()))
            else:
                status = "matched" if mine.shapes == theirs.shapes else "shape mismatch"
                rows.append(ReportRow(mine.layer, status, mine.shapes, theirs.shapes, theirs.layer))
        rows += [
            ReportRow(e.layer, "extra", (), e.shapes, e.layer)
            for key, e in found_by_key.items()
            if key not in expected_by_key
        ]
    return CompatibilityReport(layout.path, layout.format, tuple(rows))
