"""Stages of staged networks (stem, conv2_x ... conv5_x, head; or embedding, encoder, head) and
their side-by-side comparison.

"How much bigger is ResNet50 than ResNet34, and where?" is answered stage by stage: layers are
grouped by the stage their name says they belong to (the ResNets here and keras.applications'
ResNet50V2 name layers ``conv3_block2_1_conv``; the catalog's transformers
``encoder_block3_attention``), and stages are aligned by name across models.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from explorer.core.analysis.summary import LayerRow, ModelSummary, known_sum
from explorer.core.base.shapes import Shape
from explorer.core.base.texts import QT_TRANSLATE_NOOP

STEM, HEAD = QT_TRANSLATE_NOOP("Core", "stem"), QT_TRANSLATE_NOOP("Core", "head")
EMBEDDING, ENCODER = QT_TRANSLATE_NOOP("Core", "embedding"), QT_TRANSLATE_NOOP("Core", "encoder")


@dataclass(frozen=True)
class _Scheme:
    """How one family names its blocks: the pattern, the stage before the first block, and the
    stage of a matched block."""

    block: re.Pattern[str]
    first: str
    stage: Callable[[re.Match[str]], str]


# A ResNet's blocks fall into four stages; a transformer's blocks are all alike: one encoder.
_SCHEMES = (
    _Scheme(re.compile(r"^conv(\d+)_block\d+_"), STEM, lambda match: f"conv{match.group(1)}_x"),
    _Scheme(re.compile(r"^encoder_block\d+_"), EMBEDDING, lambda match: ENCODER),
)


def _scheme(rows: Sequence[LayerRow]) -> _Scheme | None:
    return next((s for s in _SCHEMES if any(s.block.match(row.name) for row in rows)), None)


@dataclass(frozen=True)
class Stage:
    name: str
    layers: int
    output_shape: Shape
    params: int
    trainable_params: int
    macs: int | None  # None when a layer of the stage is not counted
    activation_elements: int


def stage_names(rows: Sequence[LayerRow]) -> list[str]:
    """The stage of each top-level layer: its block's stage; before the first block the stem
    (a transformer's embedding), after the last block the head, and an unnamed layer between
    blocks (ResNetV2's shortcut pooling) the stage of the block before it."""
    scheme = _scheme(rows)
    if scheme is None:
        return [HEAD] * len(rows)
    blocks = [scheme.block.match(row.name) for row in rows]
    last_block = max((i for i, match in enumerate(blocks) if match), default=-1)
    names, current = [], scheme.first
    for index, match in enumerate(blocks):
        if match:
            current = scheme.stage(match)
        names.append(HEAD if index > last_block else current)
    return names


def names_stages(rows: Sequence[LayerRow]) -> bool:
    """Do these layers' names say which stage each belongs to (``conv3_block2_1_conv``,
    ``encoder_block1_attention``)?"""
    return _scheme(rows) is not None


def stages(summary: ModelSummary) -> tuple[Stage, ...] | None:
    """Stages in model order, or None for a network whose layers name no stages."""
    top = [row for row in summary.layers if row.depth == 0]  # parts are one level down
    if not names_stages(top):
        return None
    groups: dict[str, list[LayerRow]] = {}
    for name, row in zip(stage_names(top), top, strict=True):
        groups.setdefault(name, []).append(row)
    return tuple(
        Stage(
            name=name,
            layers=len(rows),
            output_shape=rows[-1].output_shapes[-1],
            params=sum(r.params for r in rows),
            trainable_params=sum(r.trainable_params for r in rows),
            macs=known_sum(r.macs for r in rows),
            activation_elements=sum(r.activation_elements for r in rows),
        )
        for name, rows in groups.items()
    )


@dataclass(frozen=True)
class StageComparison:
    """Stage names in order, and per model its stage of that name (None where it has none).
    Models of different families share only ``head``: ResNet50 against ViT-B/16 gives stem,
    conv2_x ... conv5_x, embedding, encoder, head."""

    names: tuple[str, ...]
    per_model: tuple[tuple[Stage | None, ...], ...]


def compare_stages(summaries: Sequence[ModelSummary]) -> StageComparison | None:
    """Stages aligned by name; None unless every model has stages."""
    all_stages = [stages(summary) for summary in summaries]
    if any(found is None for found in all_stages):
        return None
    names: list[str] = []
    for found in all_stages:
        # A name not seen yet goes before the next one already seen (``head`` stays last).
        ahead = [stage.name for stage in found or ()]
        for index, name in enumerate(ahead):
            if name in names:
                continue
            later = next((n for n in ahead[index + 1 :] if n in names), None)
            names.insert(names.index(later) if later else len(names), name)
    by_name = [{stage.name: stage for stage in found or ()} for found in all_stages]
    return StageComparison(
        tuple(names), tuple(tuple(model.get(name) for name in names) for model in by_name)
    )
