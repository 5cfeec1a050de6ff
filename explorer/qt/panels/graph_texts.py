"""The Graph view's words: its colour and fold choices, and the tool tips of boxes and groups,
in the window's language."""

from __future__ import annotations

from explorer.core.analysis.cost import macs_text
from explorer.core.analysis.graph import GraphGroup
from explorer.core.exports.graphs import BoxText
from explorer.qt.i18n import translate, translated


def color_labels() -> dict[str, str]:
    """The colour choices, by key (the setting keeps the key)."""
    return {
        "params": translate("Graph", "Parameters"),
        "macs": translate("Graph", "MACs"),
        "activations": translate("Graph", "Activations"),
        "type": translate("Graph", "Layer kind"),
    }


def color_words() -> dict[str, str]:
    """The colour choices as the legend's sentence names them."""
    return {
        "params": translate("Graph", "parameters"),
        "macs": translate("Graph", "macs"),
        "activations": translate("Graph", "activations"),
        "type": translate("Graph", "layer kind"),
    }


def fold_labels() -> dict[str, str]:
    return {
        "none": translate("Graph", "Every layer"),
        "blocks": translate("Graph", "Blocks"),
        "stages": translate("Graph", "Stages"),
    }


def group_tip(group: GraphGroup) -> str:
    return translate("Graph", "{name} ({kind}): double-click to fold").format(
        name=group.name, kind=translated(group.kind)
    )


def box_tip(text: BoxText, folded: bool) -> str:
    tip = translate(
        "Graph",
        "<b>{title}</b><br>{subtitle}<br>{shape}<br>"
        "MACs: {macs} · activations: {activations} values",
    ).format(
        title=translated(text.title),
        subtitle=translated(text.subtitle),
        shape=text.shape,
        macs=translated(macs_text(text.macs)),
        activations=f"{text.activation_elements:,}",
    )
    return (tip + translate("Graph", "<br><i>Double-click to open</i>")) if folded else tip
