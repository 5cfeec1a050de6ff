"""A model as a graph: its layers as nodes, its tensors as edges, grouped into stages, blocks and
nested models, laid out top to bottom.

The graph comes from a summary alone (each row's ``inbound``), so it needs no TensorFlow. Groups:
- ``stage``: stem, conv2_x ... conv5_x, head, where layer names say so (``analysis.stages``);
- ``block``: layers whose names share a ``..._block<N>`` prefix (``conv2_block1_1_conv``,
  ``block1a_dwconv``, ``block_1_expand``), inside their stage;
- ``model``: the layers of a nested model, which is not a node of its own.
A folded group is drawn as one box with its totals, in place of its layers, and keeps their edges
to the rest of the model. The layout is python-igraph's layered (Sugiyama) layout.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from explorer.core.analysis.stages import names_stages, stage_names
from explorer.core.analysis.summary import LayerRow, ModelSummary, known_sum
from explorer.core.base.choices import FOLDS
from explorer.core.base.errors import ParameterError
from explorer.core.base.shapes import Shape
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text

NODE_WIDTH = 230  # drawing units: a box holds three lines of text at 10-11 units
NODE_HEIGHT = 48
H_GAP = 40
V_GAP = 26

_BLOCK = re.compile(r"^(.*?block_?\d+[a-z]?)_")
# The kinds of group, words a box shows ("conv2_x (stage)"), marked for the window's language.
_STAGE = QT_TRANSLATE_NOOP("Core", "stage")
_BLOCK_KIND = QT_TRANSLATE_NOOP("Core", "block")
_MODEL = QT_TRANSLATE_NOOP("Core", "model")


@dataclass(frozen=True)
class GraphNode:
    id: str  # the layer's path, unique in the model
    type: str
    output_shapes: tuple[Shape, ...]
    params: int
    macs: int | None  # None: not counted
    activation_elements: int
    groups: tuple[str, ...]  # the ids of the groups it is in, outermost first
    window: str = ""  # a convolution's or pooling's window and stride: "3×3 /2"


@dataclass(frozen=True)
class GraphGroup:
    id: str  # "stage:conv2_x", "block:conv2_block1", "model:convnext_tiny_stem"
    name: str
    kind: str  # "stage", "block" or "model"
    members: tuple[str, ...]  # node ids, in model order

    def totals(self, graph: ModelGraph) -> tuple[int, int | None, int]:
        """Parameters, MACs (None when a layer's are not counted) and activation elements of
        the group's layers."""
        nodes = [graph.node(member) for member in self.members]
        return (
            sum(n.params for n in nodes),
            known_sum(n.macs for n in nodes),
            sum(n.activation_elements for n in nodes),
        )


@dataclass(frozen=True)
class ModelGraph:
    architecture: str
    nodes: tuple[GraphNode, ...]
    edges: tuple[tuple[str, str], ...]  # (from, to) node ids, each once
    groups: tuple[GraphGroup, ...]  # outer groups before the groups inside them

    def node(self, node_id: str) -> GraphNode:
        return self._by_id[node_id]

    @cached_property
    def _by_id(self) -> dict[str, GraphNode]:
        return {node.id: node for node in self.nodes}

    def group(self, group_id: str) -> GraphGroup:
        for group in self.groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)

    def groups_of_kind(self, *kinds: str) -> list[str]:
        return [group.id for group in self.groups if group.kind in kinds]


_LAST: list[tuple[ModelSummary, ModelGraph]] = []  # the newest summary's graph


def model_graph(summary: ModelSummary) -> ModelGraph:
    """The graph of a summary's layers; a nested model's row becomes a group of its layers.

    The newest summary's graph is kept: the Graph view, the receptive fields and the layer
    explanations of one model on screen all ask for it."""
    if _LAST and _LAST[0][0] is summary:
        return _LAST[0][1]
    graph = _graph_of(summary)
    _LAST[:] = [(summary, graph)]
    return graph


def with_blocks(graph: ModelGraph, blocks: Mapping[str, Sequence[str]]) -> ModelGraph:
    """``graph`` with more blocks to fold, outermost (a design's named blocks: each a name and
    its layers' ids); a layer not in the graph is passed over, a block of none is left out."""
    ids = {node.id for node in graph.nodes}
    made = [
        GraphGroup(f"block:{name}", name, _BLOCK_KIND, tuple(m for m in members if m in ids))
        for name, members in blocks.items()
    ]
    taken = {group.id for group in graph.groups}
    made = [group for group in made if group.members and group.id not in taken]
    if not made:
        return graph
    outer: dict[str, list[str]] = {}
    for group in made:
        for member in group.members:
            outer.setdefault(member, []).append(group.id)
    nodes = tuple(
        replace(node, groups=(*outer[node.id], *node.groups)) if node.id in outer else node
        for node in graph.nodes
    )
    return replace(graph, nodes=nodes, groups=(*made, *graph.groups))


def _graph_of(summary: ModelSummary) -> ModelGraph:
    rows = summary.layers
    containers = {row.path for row in rows if row.is_container}
    leaves = [row for row in rows if row.is_leaf]
    # A nested model's edges lead to its first layers and come from its last one.
    entries: dict[str, list[str]] = {}
    exits: dict[str, str] = {}
    for row in leaves:
        for container in _containers_of(row.path):
            exits[container] = row.path
            if not row.inbound:
                entries.setdefault(container, []).append(row.path)

    paths = {row.path for row in rows if not row.part_of}

    def sources(row: LayerRow) -> list[str]:
        prefix = row.path.rpartition("/")[0]
        found = []
        for name in row.inbound:
            path = f"{prefix}/{name}" if prefix and f"{prefix}/{name}" in paths else name
            while path in containers:  # the output of a nested model: its last layer
                path = exits[path]
            found.append(path)
        return found

    edges: dict[tuple[str, str], None] = {}
    for row in leaves:
        for source in sources(row):
            edges[(source, row.path)] = None
    for container, firsts in entries.items():
        row = next(r for r in rows if r.path == container)
        for source in sources(row):
            for first in firsts:
                edges[(source, first)] = None

    groups = _groups(summary, leaves, containers)
    membership: dict[str, list[str]] = {row.path: [] for row in leaves}
    for group in groups:
        for member in group.members:
            membership[member].append(group.id)
    nodes = tuple(
        GraphNode(
            row.path,
            row.type,
            row.output_shapes,
            row.params,
            row.macs,
            row.activation_elements,
            tuple(membership[row.path]),
            row.window,
        )
        for row in leaves
    )
    return ModelGraph(summary.architecture, nodes, tuple(edges), tuple(groups))


def _containers_of(path: str) -> list[str]:
    parts = path.split("/")[:-1]
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def _groups(
    summary: ModelSummary, leaves: list[LayerRow], containers: Collection[str]
) -> list[GraphGroup]:
    top = [row for row in summary.layers if row.depth == 0]
    stage_of_top = dict(zip((r.path for r in top), stage_names(top), strict=True))
    staged = names_stages(top)
    stages: dict[str, list[str]] = {}
    blocks: dict[str, list[str]] = {}
    models: dict[str, list[str]] = {c: [] for c in containers}
    for row in leaves:
        outer = row.path.split("/")[0]
        if staged:
            stages.setdefault(stage_of_top[outer], []).append(row.path)
        block = _BLOCK.match(outer)
        if block and outer not in containers:
            blocks.setdefault(block.group(1), []).append(row.path)
        for container in _containers_of(row.path):
            models[container].append(row.path)
    found = [GraphGroup(f"stage:{name}", name, _STAGE, tuple(m)) for name, m in stages.items()]
    found += [
        GraphGroup(f"block:{name}", name, _BLOCK_KIND, tuple(m))
        for name, m in blocks.items()
        if len(m) > 1
    ]
    found += [GraphGroup(f"model:{name}", name, _MODEL, tuple(m)) for name, m in models.items()]
    return found


# --- layout -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    """A drawn rectangle: a layer, or a folded group in place of its layers."""

    id: str  # a node id, or a group id when folded
    x: float  # the left edge, in drawing units; y grows downward
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Drawing:
    graph: ModelGraph
    folded: frozenset[str]  # the ids of the folded groups
    boxes: tuple[Box, ...]
    edges: tuple[tuple[str, str, tuple[tuple[float, float], ...]], ...]  # from, to, bends
    regions: tuple[Box, ...]  # the open groups' bounding boxes (id = group id)
    width: float
    height: float

    def box(self, box_id: str) -> Box:
        for box in self.boxes:
            if box.id == box_id:
                return box
        raise KeyError(box_id)

    def shown_as(self, node_id: str) -> str:
        """The box a node is drawn in: its own, or its outermost folded group's."""
        return _shown_as(self.graph.node(node_id), self.folded)


def _shown_as(node: GraphNode, folded: Collection[str]) -> str:
    return next((group for group in node.groups if group in folded), node.id)


def folded_groups(graph: ModelGraph, fold: str) -> frozenset[str]:
    """The groups ``--fold`` folds: none, every block and nested model, or every stage."""
    if fold not in FOLDS:
        raise ParameterError(
            "fold",
            Text(
                QT_TRANSLATE_NOOP("Core", "{value} is not one of {choices}"),
                value=repr(fold),
                choices=", ".join(FOLDS),
            ),
        )
    if fold == "stages":
        stages = graph.groups_of_kind("stage")
        return frozenset(stages or graph.groups_of_kind("block", "model"))
    if fold == "blocks":
        return frozenset(graph.groups_of_kind("block", "model"))
    return frozenset()


def lay_out(graph: ModelGraph, folded: Collection[str] = ()) -> Drawing:
    """Boxes and edges top to bottom: every edge runs downward, no two boxes overlap, and a
    chain of layers is one vertical line."""
    import igraph

    folded = frozenset(folded)
    units: dict[str, None] = {}
    for node in graph.nodes:
        units[_shown_as(node, folded)] = None
    ids = list(units)
    index = {unit: i for i, unit in enumerate(ids)}
    shown = {node.id: _shown_as(node, folded) for node in graph.nodes}
    edges: dict[tuple[str, str], None] = {}
    for source, target in graph.edges:
        a, b = shown[source], shown[target]
        if a != b:
            edges[(a, b)] = None
    pairs = [(index[a], index[b]) for a, b in edges]
    layout = igraph.Graph(n=len(ids), edges=pairs, directed=True).layout_sugiyama()
    columns, bends = _columns(len(ids), pairs, layout.coords, layout.edge_routing)
    rows = [round(y) for _, y in layout.coords[: len(ids)]]
    left = min(columns, default=0.0)
    step_x, step_y = NODE_WIDTH + H_GAP, NODE_HEIGHT + V_GAP

    def point(column: float, row: float) -> tuple[float, float]:
        return ((column - left) * step_x + NODE_WIDTH / 2, row * step_y + NODE_HEIGHT / 2)

    boxes = []
    for unit, column, row in zip(ids, columns, rows, strict=True):
        cx, cy = point(column, row)
        boxes.append(Box(unit, cx - NODE_WIDTH / 2, cy - NODE_HEIGHT / 2, NODE_WIDTH, NODE_HEIGHT))

    def passing(column: float, row: float) -> tuple[tuple[float, float], ...]:
        """Where a long edge crosses a layer: straight down beside its boxes."""
        x, y = point(column, row)
        return ((x, y - NODE_HEIGHT / 2 - 2), (x, y + NODE_HEIGHT / 2 + 2))

    drawn_edges = tuple(
        (a, b, tuple(p for column, row in bends[i] for p in passing(column, row)))
        for i, (a, b) in enumerate(edges)
    )
    by_id = {box.id: box for box in boxes}
    regions = []
    for group in graph.groups:
        if group.id in folded or _inside_folded(graph, group, folded):
            continue
        inside = [by_id[shown[m]] for m in group.members]
        x0, y0 = min(b.x for b in inside), min(b.y for b in inside)
        x1 = max(b.x + b.width for b in inside)
        y1 = max(b.y + b.height for b in inside)
        regions.append(Box(group.id, x0, y0, x1 - x0, y1 - y0))
    width = max((b.x + b.width for b in boxes), default=0.0)
    height = max((b.y + b.height for b in boxes), default=0.0)
    return Drawing(graph, folded, tuple(boxes), drawn_edges, tuple(regions), width, height)


_GAPS = {(True, True): 1.0, (False, False): 0.25}  # between boxes; between edges
_BOX_TO_EDGE = 0.6  # a box is 0.85 of a column wide: an edge passes just beside it


def _columns(
    count: int,
    pairs: list[tuple[int, int]],
    coords: list[list[float]],
    routing: list[list[list[float]]],
) -> tuple[list[float], list[list[tuple[float, float]]]]:
    """Columns for the boxes and the bends of long edges, layer by layer from the top.

    igraph gives the layers and the order within each layer; the columns are ours: a box sits
    under its first input (Keras lists a block's own path before its shortcut), so a chain
    and a ResNet's main path are straight lines, and whatever would collide with it moves to
    the right, shortcuts included.
    """
    first_input: dict[int, int] = {}
    for source, target in pairs:
        first_input.setdefault(target, source)
    # An item is a box (its index) or the k-th bend of edge e, placed in a layer.
    layers: dict[int, list[tuple[bool, int, int]]] = {}
    order: dict[tuple[bool, int, int], float] = {}
    for unit in range(count):
        x, y = coords[unit]
        layers.setdefault(round(y), []).append((True, unit, 0))
        order[(True, unit, 0)] = x
    for edge, points in enumerate(routing):
        for k, (x, y) in enumerate(points):
            layers.setdefault(round(y), []).append((False, edge, k))
            order[(False, edge, k)] = x
    columns: dict[int, float] = {}
    bends: dict[tuple[int, int], float] = {}

    def wanted(item: tuple[bool, int, int]) -> float:
        is_box, number, k = item
        if is_box:
            source = first_input.get(number)
            return columns[source] if source is not None else order[item]
        return bends[(number, k - 1)] if k else columns[pairs[number][0]]

    for layer in sorted(layers):
        items = sorted(layers[layer], key=lambda i: (wanted(i), not i[0], order[i]))
        last: tuple[bool, float] | None = None
        for item in items:
            column = wanted(item)
            if last is not None:
                gap = _GAPS.get((last[0], item[0]), _BOX_TO_EDGE)
                column = max(column, last[1] + gap)
            if item[0]:
                columns[item[1]] = column
            else:
                bends[(item[1], item[2])] = column
            last = (item[0], column)
    edge_bends = [
        [(bends[(edge, k)], float(round(y))) for k, (_, y) in enumerate(points)]
        for edge, points in enumerate(routing)
    ]
    return [columns[unit] for unit in range(count)], edge_bends


def _inside_folded(graph: ModelGraph, group: GraphGroup, folded: frozenset[str]) -> bool:
    """Is ``group`` drawn inside a folded group's box (which holds all of its layers)?"""
    outer = next((g for g in graph.node(group.members[0]).groups if g in folded), None)
    if outer is None or outer == group.id:
        return False
    return set(group.members) <= set(graph.group(outer).members)
