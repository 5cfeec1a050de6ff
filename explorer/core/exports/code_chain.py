"""Why a design is not a chain, the one shape a Sequential model can take: one Input first,
each layer on the one before it, the last layer the only output (``Design.is_chain``).

The reason given is the most telling one: several Inputs, then a layer that takes several
inputs (a merge), then one whose output several layers take (a branch), then one wired out of
the list's order, then the outputs."""

from __future__ import annotations

from itertools import pairwise

from explorer.core.base.errors import SHOWN_LIMIT, shown
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.sources.designs.model import Design, layer_label


def _named(name: str) -> str:
    return name if len(name) <= SHOWN_LIMIT else shown(name)


def _names(names: list[str] | tuple[str, ...]) -> str:
    return ", ".join(_named(name) for name in names)


def chain_refusal(design: Design) -> Text | None:
    """What makes ``design`` not a chain (``"Add add takes 2 inputs"``), or None for a chain."""
    if design.is_chain():
        return None
    inputs = [layer.name for layer in design.layers if layer.kind == "Input"]
    if len(inputs) != 1:
        return Text(
            QT_TRANSLATE_NOOP("Core", "it has {count} Inputs ({names})"),
            count=len(inputs),
            names=_names(inputs) or "—",
        )
    labels = {layer.name: layer_label(layer.kind, _named(layer.name)) for layer in design.layers}
    for layer in design.layers:
        taken = design.inputs_of(layer.name)
        if len(taken) > 1:
            return Text(
                QT_TRANSLATE_NOOP("Core", "{layer} takes {count} inputs"),
                layer=labels[layer.name],
                count=len(taken),
            )
    for layer in design.layers:
        takers = list(dict.fromkeys(name for name, _slot in design.consumers(layer.name)))
        if len(takers) > 1:
            return Text(
                QT_TRANSLATE_NOOP("Core", "{layer} feeds {count} layers ({names})"),
                layer=labels[layer.name],
                count=len(takers),
                names=_names(takers),
            )
    if design.layers[0].kind != "Input":
        return Text(
            QT_TRANSLATE_NOOP("Core", "its first layer {layer} is not its Input"),
            layer=labels[design.layers[0].name],
        )
    for before, layer in pairwise(design.layers):
        taken = design.inputs_of(layer.name)
        if not taken and layer.kind != "Input":
            return Text(QT_TRANSLATE_NOOP("Core", "{layer} has no input"), layer=labels[layer.name])
        if taken != (before.name,):
            return Text(
                QT_TRANSLATE_NOOP("Core", "{layer} does not take the layer before it ({before})"),
                layer=labels[layer.name],
                before=_named(before.name),
            )
    outputs = design.output_names()
    return Text(
        QT_TRANSLATE_NOOP("Core", "its outputs are {names}, not its last layer alone"),
        names=_names(outputs),
    )
