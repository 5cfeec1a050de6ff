"""Where the design canvas puts each layer: where the user put it, else where the Graph view's
layered layout (``explorer.core.analysis.graph.lay_out``) would draw it."""

from __future__ import annotations

from explorer.core.analysis.graph import (
    H_GAP,
    NODE_HEIGHT,
    NODE_WIDTH,
    V_GAP,
    GraphNode,
    ModelGraph,
    lay_out,
)
from explorer.core.sources.designs.model import Design

NODE_W = 200.0  # a layer's box on the canvas, in scene units
NODE_H = 58.0
COLUMN = NODE_W + 60.0  # room for the port labels and the wires between columns
ROW = NODE_H + 64.0  # room under a box for its problem, two lines


def auto_layout(design: Design) -> dict[str, tuple[float, float]]:
    """Every layer's top left corner, laid out top to bottom along the connections."""
    if not design.layers:
        return {}
    nodes = tuple(GraphNode(layer.name, layer.kind, (), 0, 0, 0, ()) for layer in design.layers)
    edges = tuple(
        dict.fromkeys(
            (source, layer.name)
            for layer in design.layers
            for source in design.inputs_of(layer.name)
        )
    )
    drawing = lay_out(ModelGraph(design.name, nodes, edges, ()), ())
    step_x, step_y = NODE_WIDTH + H_GAP, NODE_HEIGHT + V_GAP
    return {
        box.id: (round(box.x / step_x * COLUMN, 1), round(box.y / step_y * ROW, 1))
        for box in drawing.boxes
    }


def positions(design: Design) -> dict[str, tuple[float, float]]:
    """Where each layer is drawn: its own position, or the auto-layout's, moved as far as the
    placed layers are on average from theirs (a layer added in the list lands near its
    neighbours, wherever the user has put them)."""
    placed = {layer.name: layer.position for layer in design.layers}
    if all(position is not None for position in placed.values()):
        return {name: position for name, position in placed.items() if position is not None}
    laid = auto_layout(design)
    moves = [(p[0] - laid[n][0], p[1] - laid[n][1]) for n, p in placed.items() if p is not None]
    dx = sum(x for x, _ in moves) / len(moves) if moves else 0.0
    dy = sum(y for _, y in moves) / len(moves) if moves else 0.0
    return {
        name: position or (laid[name][0] + dx, laid[name][1] + dy)
        for name, position in placed.items()
    }
