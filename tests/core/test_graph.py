"""Model graphs: nodes, edges and groups from summaries, and the layered layout's promises."""

from __future__ import annotations

from itertools import pairwise

import pytest

from explorer.core.analysis.graph import Drawing, folded_groups, lay_out, model_graph
from explorer.core.analysis.stages import stages
from explorer.core.base.errors import ParameterError
from explorer.core.exports.graphs import box_text
from explorer.core.sources.catalog import architectures
from explorer.core.sources.designs.examples import example_names


def inbound(graph, node_id: str) -> list[str]:
    return [a for a, b in graph.edges if b == node_id]


def projections(graph) -> list[str]:
    """The shortcut convolutions: a block's ``_0_conv``."""
    return [n.id for n in graph.nodes if n.id.endswith("_0_conv")]


def assert_well_drawn(drawing: Drawing) -> None:
    """Every edge runs downward and no two boxes overlap."""
    boxes = {box.id: box for box in drawing.boxes}
    assert all(boxes[b].y > boxes[a].y for a, b, _ in drawing.edges)
    for i, one in enumerate(drawing.boxes):
        for other in drawing.boxes[i + 1 :]:
            apart = (
                one.x + one.width <= other.x
                or other.x + other.width <= one.x
                or one.y + one.height <= other.y
                or other.y + other.height <= one.y
            )
            assert apart, f"{one.id} overlaps {other.id}"


def test_resnet50_adds_take_the_block_and_its_shortcut(summary_of) -> None:
    summary = summary_of("resnet50")
    graph = model_graph(summary)
    assert [n.id for n in graph.nodes] == [row.path for row in summary.layers]
    adds = [n for n in graph.nodes if n.type == "Add"]
    assert len(adds) == 16
    for add in adds:
        block = add.id.removesuffix("_add")
        main, shortcut = inbound(graph, add.id)
        assert main == f"{block}_3_bn"  # the block's own path
        assert not shortcut.startswith(f"{block}_") or shortcut == f"{block}_0_bn"
    assert projections(graph) == [f"conv{s}_block1_0_conv" for s in (2, 3, 4, 5)]


def test_resnet34_paper_and_tutorial_projections(summary_of) -> None:
    paper = model_graph(summary_of("resnet34"))
    assert sum(n.type == "Add" for n in paper.nodes) == 16
    assert projections(paper) == [f"conv{s}_block1_0_conv" for s in (3, 4, 5)]
    tutorial = model_graph(summary_of("resnet34:variant=tutorial"))
    assert projections(tutorial) == [f"conv{s}_block1_0_conv" for s in (3, 4, 5)]
    widths = {3: 128, 4: 256, 5: 512}
    for stage, width in widths.items():
        # The seed's shortcut is a 3x3 convolution with a bias; the paper's a 1x1 without.
        node = tutorial.node(f"conv{stage}_block1_0_conv")
        assert node.params == 3 * 3 * (width // 2) * width + width
        assert paper.node(f"conv{stage}_block1_0_conv").params == (width // 2) * width
        # ... and their boxes say so.
        drawn = {"tutorial": tutorial, "paper": paper}
        subtitles = {
            name: box_text(lay_out(graph), f"conv{stage}_block1_0_conv").subtitle
            for name, graph in drawn.items()
        }
        assert subtitles == {
            "tutorial": f"Conv2D 3×3 /2 · {node.params:,} params",
            "paper": f"Conv2D 1×1 /2 · {(width // 2) * width:,} params",
        }


def test_resnet50_folded_to_stages_is_its_six_stages(summary_of) -> None:
    summary = summary_of("resnet50")
    graph = model_graph(summary)
    drawing = lay_out(graph, folded_groups(graph, "stages"))
    names = ["stem", "conv2_x", "conv3_x", "conv4_x", "conv5_x", "head"]
    assert [box.id for box in drawing.boxes] == [f"stage:{name}" for name in names]
    expected = stages(summary)
    assert expected is not None
    for box, stage in zip(drawing.boxes, expected, strict=True):
        params, macs, _ = graph.group(box.id).totals(graph)
        assert (params, macs) == (stage.params, stage.macs)
    conv2 = box_text(drawing, "stage:conv2_x")  # what the folded box says
    assert (conv2.title, conv2.subtitle) == (  # 667,942,912 MACs
        "conv2_x (stage) · 32 layers",
        "218,624 params · 668 M MACs",
    )
    assert [(a, b) for a, b, _ in drawing.edges] == [
        (f"stage:{a}", f"stage:{b}") for a, b in pairwise(names)
    ]
    assert len({box.x for box in drawing.boxes}) == 1  # a chain is one vertical line


def test_folding_to_blocks_keeps_the_edges_between_blocks(summary_of) -> None:
    graph = model_graph(summary_of("resnet18"))
    drawing = lay_out(graph, folded_groups(graph, "blocks"))
    ids = [box.id for box in drawing.boxes]
    assert ids[:5] == ["conv1_pad", "conv1_conv", "conv1_bn", "conv1_relu", "pool1_pad"]
    assert ids[6:8] == ["block:conv2_block1", "block:conv2_block2"]
    assert ("pool1_pool", "block:conv2_block1") in [(a, b) for a, b, _ in drawing.edges]
    assert drawing.shown_as("conv2_block1_1_conv") == "block:conv2_block1"
    assert_well_drawn(drawing)


def test_a_nested_model_is_a_group_of_its_layers(summary_of) -> None:
    summary = summary_of("convnext_tiny")
    graph = model_graph(summary)
    leaves = [row.path for row in summary.layers if not row.is_container]
    assert [n.id for n in graph.nodes] == leaves
    stem = graph.group("model:convnext_tiny_stem")
    assert stem.members == (
        "convnext_tiny_stem/convnext_tiny_stem_conv",
        "convnext_tiny_stem/convnext_tiny_stem_layernorm",
    )
    assert inbound(graph, stem.members[0]) == ["convnext_tiny_prestem_normalization"]
    first_block = "convnext_tiny_stage_0_block_0_depthwise_conv"
    assert inbound(graph, first_block) == [stem.members[1]]


def test_a_chain_is_a_straight_vertical_line(summary_of) -> None:
    drawing = lay_out(model_graph(summary_of("vgg16")))
    assert len({box.x for box in drawing.boxes}) == 1
    assert [box.y for box in drawing.boxes] == sorted(box.y for box in drawing.boxes)


@pytest.mark.parametrize("fold", ["none", "blocks", "stages"])
def test_every_catalog_model_and_example_is_drawn_downward_without_overlaps(
    summary_of, fold
) -> None:
    references = [a.id for a in architectures()] + [f"examples:{n}" for n in example_names()]
    for reference in references:
        graph = model_graph(summary_of(reference))
        assert_well_drawn(lay_out(graph, folded_groups(graph, fold)))


def test_an_unknown_fold_is_refused() -> None:
    graph = model_graph(pytest.importorskip("tests.recorded").recorded("simple-cnn"))
    with pytest.raises(ParameterError, match="fold: 'layers' is not one of none, blocks"):
        folded_groups(graph, "layers")


def test_a_design_s_named_blocks_fold_in_the_drawing() -> None:
    """Group as Block under any name (not only block1_...), and an expanded residual block: each
    is a block the drawing folds into one box, with the Keras layers each design layer became."""
    from explorer.core.analysis.build import summarize
    from explorer.core.analysis.graph import with_blocks
    from explorer.core.sources.designs import files as design_files

    design = design_files.load("resources/designs/mini-resnet.design.json")
    design = design.group_as_block(["conv1", "conv1_bn", "conv1_relu"], "stem")
    reference = design_files.reference_for(design)
    blocks = design_files.design_blocks(reference)
    assert blocks == {"stem": ("conv1", "conv1_bn", "conv1_relu")}
    plain = model_graph(summarize(reference))
    graph = with_blocks(plain, blocks)
    assert graph.group("block:stem").members == ("conv1", "conv1_bn", "conv1_relu")
    assert graph.node("conv1_bn").groups == ("block:stem", *plain.node("conv1_bn").groups)
    assert with_blocks(plain, {}) is plain
    assert with_blocks(plain, {"gone": ("no_such_layer",)}) is plain  # nothing to fold
    folded = folded_groups(graph, "blocks")
    assert {"block:stem", "block:block1", "block:block2", "block:block3"} <= folded
    drawing = lay_out(graph, folded)
    assert drawing.box("block:stem").id == "block:stem"
    assert not any(box.id in ("conv1", "conv1_bn") for box in drawing.boxes)
    assert_well_drawn(drawing)
