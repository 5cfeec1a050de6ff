"""Why a design is not a chain, the one shape a Sequential model can take: one Input first,
each layer on the one before it, the last layer the only output (``Design.is_chain``)."""

from __future__ import annotations

from itertools import pairwise

from explorer.core.base.errors import SHOWN_LIMIT, shown
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.sources.designs.model import Design, layer_label


def _named(name: str) -> str:
    return name if len(name) <= SHOWN_LIMIT else shown(name)


def _names(names: list[str]) -> str:
    return ", ".join(_named(name) for name in names)


def chain_refusal(design: Design) -> Text | None:
    """What makes ``design`` not a chain (``"Add add takes 2 inputs"``), or None for a chain."""
    if design.is_chain():
        return None
    inputs = [layer.name for layer in design.layers if layer.kind == "Input"]
    if not inputs:
        return Text(QT_TRANSLATE_NOOP("Core", "it has no Input"))
    if len(inputs) > 1:
        return Text(
            QT_TRANSLATE_NOOP("Core", "it has {count} Inputs ({names})"),
            count=len(inputs),
            names=_names(inputs),
        )
    for before, layer in pairwise(design.layers):
        label = layer_label(layer.kind, _named(layer.name))
        taken = design.inputs_of(layer.name)
        if layer.kind == "Input":
            return Text(
                QT_TRANSLATE_NOOP("Core", "its Input {name} is not its first layer"),
                name=_named(layer.name),
            )
        if not taken:
            return Text(QT_TRANSLATE_NOOP("Core", "{layer} has no input"), layer=label)
        if len(taken) > 1:
            return Text(
                QT_TRANSLATE_NOOP("Core", "{layer} takes {count} inputs"),
                layer=label,
                count=len(taken),
            )
        if taken[0] != before.name:
            return Text(
                QT_TRANSLATE_NOOP(
                    "Core", "{layer} takes {source}, not the layer before it ({before})"
                ),
                layer=label,
                source=_named(taken[0]),
                before=_named(before.name),
            )
    outputs = list(design.output_names())
    if len(outputs) > 1:
        return Text(
            QT_TRANSLATE_NOOP("Core", "it has {count} outputs ({names})"),
            count=len(outputs),
            names=_names(outputs),
        )
    return Text(
        QT_TRANSLATE_NOOP("Core", "its output {name} is not its last layer"),
        name=_names(outputs),
    )
