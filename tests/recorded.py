"""Summaries recorded from real builds, so that widget tests need no TensorFlow.

``python -m tests.recorded`` records them again (with TensorFlow);
``tests/core/test_recorded.py`` fails when one no longer equals a fresh build.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any

from explorer.core.analysis.summary import LayerRow, ModelSummary, Totals

FOLDER = Path(__file__).resolve().parent / "data" / "summaries"
RECORDED = (
    "resnet50",
    "resnet50:classes=20",
    "resnet50:input_shape=64x64x3",
    "resnet34",
    "resnet18",
    "resnet18:input_shape=112x112x3",
    "vgg16",
    "vgg16:classes=10",
    "simple-cnn",
    "convnext_tiny",
)


def file_for(reference: str) -> Path:
    return FOLDER / (reference.replace(":", "@").replace("/", "_") + ".json")


def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def dump(summary: ModelSummary) -> str:
    return json.dumps(asdict(summary), separators=(",", ":")) + "\n"


def load(text: str) -> ModelSummary:
    data = json.loads(text)
    layers = tuple(
        LayerRow(**{key: _tuples(value) for key, value in row.items()}) for row in data["layers"]
    )
    return ModelSummary(
        architecture=data["architecture"],
        params=tuple((name, _tuples(value)) for name, value in data["params"]),
        model_name=data["model_name"],
        layers=layers,
        totals=Totals(**data["totals"]),
    )


@cache
def recorded(reference: str) -> ModelSummary:
    """The recorded summary of ``reference`` (one of RECORDED)."""
    return load(file_for(reference).read_text())


def record() -> None:
    from explorer.core.analysis.build import summarize
    from explorer.core.sources.lookup import parse_reference

    FOLDER.mkdir(parents=True, exist_ok=True)
    for reference in RECORDED:
        file_for(reference).write_text(dump(summarize(parse_reference(reference))))


if __name__ == "__main__":
    record()
