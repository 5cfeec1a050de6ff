"""A laid-out model graph as JSON (``explorer graph --format json``) and SVG, and the colours
its boxes get: a heat scale of parameters, MACs or activations, or one colour per layer kind."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from explorer.core.analysis.cost import macs_text, uncounted_note
from explorer.core.analysis.graph import Box, Drawing, GraphNode
from explorer.core.analysis.summary import Totals
from explorer.core.base.choices import COLORS
from explorer.core.base.errors import ParameterError, one_line
from explorer.core.base.shapes import shape_text
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.base.units import short_count
from explorer.core.references.architecture import Reference

_HEAT = ((255, 255, 255), (255, 224, 130), (244, 140, 60), (198, 40, 40))  # none -> most
_KINDS = (  # layer kind -> colour, first match of the type name wins
    (("LSTM", "GRU", "RNN", "Bidirectional"), "#80cbc4"),  # recurrent (ConvLSTM too)
    (("Attention",), "#f48fb1"),
    (("Embedding", "ClassToken"), "#ffcc80"),
    (("Conv",), "#90caf9"),
    (("Dense", "EinsumDense"), "#ce93d8"),
    (("Normalization",), "#fff59d"),
    (("Pool",), "#a5d6a7"),
    (("Add", "Concatenate", "Multiply", "Average", "Maximum", "Subtract", "Dot"), "#ffab91"),
    (("ReLU", "Activation", "Softmax", "ELU"), "#e0e0e0"),
    (("Dropout",), "#f5f5f5"),
    (("Input", "Flatten", "Reshape", "Padding", "Rescaling", "Cropping"), "#ffffff"),
)
_OTHER_KIND = "#bcaaa4"
_GROUP_FILL = {"stage": "#eceff1", "block": "#f5f7f8", "model": "#fff8e1"}
NOT_COUNTED_FILL = "#cfd8dc"  # a box whose MACs are not counted, when coloured by MACs


@dataclass(frozen=True)
class BoxText:
    """What a box says and the numbers its colour comes from."""

    title: str
    subtitle: str
    shape: str
    type: str
    params: int
    macs: int | None  # None: not counted
    activation_elements: int


def box_text(drawing: Drawing, box_id: str) -> BoxText:
    graph = drawing.graph
    if box_id in drawing.folded:
        group = graph.group(box_id)
        params, macs, activations = group.totals(graph)
        last = graph.node(group.members[-1])
        return BoxText(
            Text(
                QT_TRANSLATE_NOOP("Core", "{name} ({kind}) · {count} layers"),
                name=group.name,
                kind=group.kind,
                count=len(group.members),
            ),
            Text(
                QT_TRANSLATE_NOOP("Core", "{params:,} params · {macs} MACs"),
                params=params,
                macs=macs_text(macs, short=True),
            ),
            _shapes(last),
            group.kind,
            params,
            macs,
            activations,
        )
    node = graph.node(box_id)
    line = (
        QT_TRANSLATE_NOOP("Core", "{type} {window} · {params:,} params")
        if node.window
        else QT_TRANSLATE_NOOP("Core", "{type} · {params:,} params")
    )
    return BoxText(
        node.id,
        Text(line, type=node.type, window=node.window, params=node.params),
        _shapes(node),
        node.type,
        node.params,
        node.macs,
        node.activation_elements,
    )


def _shapes(node: GraphNode) -> str:
    return ", ".join(shape_text(s) for s in node.output_shapes)


def fill_colors(drawing: Drawing, color: str) -> dict[str, str]:
    """Each box's fill: ``type`` by layer kind, else a heat scale of that quantity (log)."""
    if color not in COLORS:
        raise ParameterError("color", f"{color!r} is not one of {', '.join(COLORS)}")
    texts = {box.id: box_text(drawing, box.id) for box in drawing.boxes}
    if color == "type":
        return {box_id: _GROUP_FILL.get(t.type, _kind_color(t.type)) for box_id, t in texts.items()}
    values = {box_id: _quantity(t, color) for box_id, t in texts.items()}
    top = max((v for v in values.values() if v is not None), default=0)
    return {
        box_id: NOT_COUNTED_FILL if value is None else heat(value, top)
        for box_id, value in values.items()
    }


def _quantity(text: BoxText, color: str) -> int | None:
    if color == "params":
        return text.params
    return text.macs if color == "macs" else text.activation_elements


def _kind_color(type_name: str) -> str:
    for words, colour in _KINDS:
        if any(word in type_name for word in words):
            return colour
    return _OTHER_KIND


def heat(value: int, top: int) -> str:
    """White for 0, deep red for ``top``, on a log scale in between."""
    share = math.log1p(value) / math.log1p(top) if top > 0 else 0.0
    scaled = share * (len(_HEAT) - 1)
    low = min(int(scaled), len(_HEAT) - 2)
    t = scaled - low
    rgb = [round(a + (b - a) * t) for a, b in zip(_HEAT[low], _HEAT[low + 1], strict=True)]
    return "#{:02x}{:02x}{:02x}".format(*rgb)


# --- JSON ------------------------------------------------------------------------------------


def graph_json(drawing: Drawing, architecture: str, params: dict[str, Any]) -> str:
    """The ``explorer graph --format json`` object (README: "Graph JSON")."""
    graph = drawing.graph
    boxes = {box.id: box for box in drawing.boxes}
    regions = {region.id: region for region in drawing.regions}
    nodes = []
    for node in graph.nodes:
        box = boxes.get(node.id)
        nodes.append(
            {
                "id": node.id,
                "name": node.id,
                "type": node.type,
                "output_shape": _json_shape(node),
                "params": node.params,
                "macs": node.macs,
                "group": node.groups[-1] if node.groups else None,
                **_geometry(box),
            }
        )
    groups = []
    for group in graph.groups:
        params_total, macs_total, _ = group.totals(graph)
        folded = group.id in drawing.folded
        place = boxes.get(group.id) if folded else regions.get(group.id)
        groups.append(
            {
                "id": group.id,
                "name": group.name,
                "kind": group.kind,
                "folded": folded,
                "params": params_total,
                "macs": macs_total,
                **_geometry(place),
            }
        )
    edges = [{"from": a, "to": b} for a, b, _ in drawing.edges]
    result = {
        "architecture": architecture,
        "params": params,
        "width": drawing.width,
        "height": drawing.height,
        "nodes": nodes,
        "edges": edges,
        "groups": groups,
    }
    return json.dumps(result, indent=1) + "\n"


def _json_shape(node: GraphNode) -> list[Any]:
    shapes = [list(s) for s in node.output_shapes]
    return shapes[0] if len(shapes) == 1 else shapes


def _geometry(box: Box | None) -> dict[str, float | None]:
    """Where a box is drawn; all None when it is not (inside a folded group)."""
    if box is None:
        return {"x": None, "y": None, "width": None, "height": None}
    return {"x": box.x, "y": box.y, "width": box.width, "height": box.height}


# --- SVG -------------------------------------------------------------------------------------

_MARGIN = 20
_TITLE = 44


def model_svg(drawing: Drawing, reference: Reference, totals: Totals, color: str) -> str:
    """``graph_svg`` titled with the model's name, reference and totals."""
    subtitle = (
        f"{reference.text()} · {totals.params:,} parameters · "
        f"{short_count(totals.macs)} MACs per sample"
        f"{' ' + uncounted_note(totals.uncounted, named=False) if totals.uncounted else ''} · "
        f"{len(drawing.graph.nodes)} layers"
    )
    return graph_svg(drawing, reference.architecture.title, subtitle, color)


def graph_svg(drawing: Drawing, title: str, subtitle: str, color: str) -> str:
    """The drawing as a standalone SVG: the title and parameters on top, a legend below."""
    fills = fill_colors(drawing, color)
    legend = _legend(color, NOT_COUNTED_FILL in fills.values())
    width = max(drawing.width, len(subtitle) * 6.2, len(legend) * 5.6) + 2 * _MARGIN
    height = drawing.height + 2 * _MARGIN + _TITLE + 24
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="DejaVu Sans, sans-serif">',
        f'<rect width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>',
        '<defs><marker id="arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" '
        'markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#546e7a"/>'
        "</marker></defs>",
        f'<text x="{_MARGIN}" y="22" font-size="16" font-weight="bold">{_xml(title)}</text>',
        f'<text x="{_MARGIN}" y="40" font-size="11" fill="#455a64">{_xml(subtitle)}</text>',
        f'<g transform="translate({_MARGIN},{_MARGIN + _TITLE})">',
    ]
    for region in drawing.regions:
        kind = drawing.graph.group(region.id).kind
        pad = 8 if kind == "stage" else 4
        out.append(
            f'<rect x="{region.x - pad:.1f}" y="{region.y - pad:.1f}" '
            f'width="{region.width + 2 * pad:.1f}" height="{region.height + 2 * pad:.1f}" '
            f'rx="6" fill="{_GROUP_FILL[kind]}" stroke="#b0bec5" stroke-dasharray="4 3"/>'
        )
    boxes = {box.id: box for box in drawing.boxes}
    for source, target, bends in drawing.edges:
        a, b = boxes[source], boxes[target]
        points = [(a.x + a.width / 2, a.y + a.height), *bends, (b.x + b.width / 2, b.y)]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        out.append(
            f'<polyline points="{path}" fill="none" stroke="#546e7a" stroke-width="1.2" '
            'marker-end="url(#arrow)"/>'
        )
    for box in drawing.boxes:
        text = box_text(drawing, box.id)
        folded = box.id in drawing.folded
        out.append(
            f"<g><title>{_xml(text.title)}: {text.params:,} params, "
            f"{_xml(macs_text(text.macs))} MACs</title>"
            f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.width:.1f}" '
            f'height="{box.height:.1f}" rx="{8 if folded else 4}" fill="{fills[box.id]}" '
            f'stroke="#37474f" stroke-width="{1.6 if folded else 0.8}"/>'
        )
        for line, (words, size, weight) in enumerate(
            ((text.title, 11, "bold"), (text.subtitle, 10, "normal"), (text.shape, 10, "normal"))
        ):
            out.append(
                f'<text x="{box.x + 6:.1f}" y="{box.y + 14 + 13 * line:.1f}" font-size="{size}" '
                f'font-weight="{weight}">{_xml(_fit(words, box.width, size))}</text>'
            )
        out.append("</g>")
    out.append("</g>")
    out.append(
        f'<text x="{_MARGIN}" y="{height - 10:.0f}" font-size="10" fill="#455a64">'
        f"{_xml(legend)}</text>"
    )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _xml(text: str) -> str:
    """``text`` as SVG text: XML's escapes, and control characters (which XML 1.0 does not
    allow: one in a layer's name left the SVG unreadable and its PNG empty) written as
    ``\\x1b``."""
    return escape(one_line(text))


def _fit(text: str, width: float, size: int) -> str:
    """Cut ``text`` to what fits in ``width`` (about 0.6 em a character), marked with …"""
    room = int((width - 12) / (size * 0.6))
    return text if len(text) <= room else text[: room - 1] + "…"


def _legend(color: str, uncounted: bool = False) -> str:
    if color == "type":
        return "Colour: layer kind (convolution blue, dense purple, normalization yellow, ...)"
    what = {"params": "parameters", "macs": "MACs", "activations": "activation size"}[color]
    legend = f"Colour: {what}, white (none) to red (the most), on a log scale"
    return legend + "; grey: not counted" if uncounted else legend
