"""Summaries recorded from real builds, so that widget tests need no TensorFlow.

``python -m tests.recorded`` records them again (with TensorFlow);
``tests/core/test_recorded.py`` fails when one no longer equals a fresh build.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from explorer.core.analysis.cache import from_record, to_record
from explorer.core.analysis.summary import ModelSummary

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
    "vit_b16",
    "bert_tiny",
)


def file_for(reference: str) -> Path:
    return FOLDER / (reference.replace(":", "@").replace("/", "_") + ".json")


def dump(summary: ModelSummary) -> str:
    return json.dumps(to_record(summary), separators=(",", ":")) + "\n"


def load(text: str) -> ModelSummary:
    return from_record(json.loads(text))


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
