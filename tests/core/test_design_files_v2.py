"""Design files version 2: wiring, positions, blocks and outputs written and read exactly;
version 1 kept for chains; a damaged file names the layer and what is wrong with it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.core.sources.designs.files import DesignFileError, from_json, load, save, to_json
from explorer.core.sources.designs.model import Design, DesignLayer
from explorer.core.sources.designs.shapes import check

HEAD = '{"format": "keras-architecture-explorer.design", "version": 2, "name": "n", "layers": ['
IMAGE = '{"type": "Input", "name": "image", "args": {"shape": [8, 8, 3]}}'


def layer(kind: str, name: str, *inputs: str, **args: object) -> DesignLayer:
    return DesignLayer(kind, name, tuple(args.items()), inputs or None)


CHAIN = Design(
    "chain",
    (
        layer("Input", "image", shape=(8, 8, 3)),
        layer("Conv2D", "conv", filters=4),
        layer("Flatten", "flat"),
    ),
)
GRAPH = Design(
    "graph",
    (
        layer("Input", "image", shape=(8, 8, 3)),
        layer("Conv2D", "a", filters=4, padding="same"),
        DesignLayer("Conv2D", "b", (("filters", 4),), ("image",), (120.5, -3.0), "side"),
        layer("Add", "add", "a", "b"),
        layer("Flatten", "flat"),
    ),
    outputs=("flat", "a"),
)


def test_a_chain_is_still_written_as_version_1() -> None:
    assert json.loads(to_json(CHAIN))["version"] == 1
    # Written-out inputs that only say "the previous layer", and the last layer marked as the
    # output, are what version 1 means too.
    explicit = CHAIN.explicit()
    assert explicit.outputs == ("flat",)
    assert to_json(explicit) == to_json(CHAIN)
    assert from_json(to_json(explicit)) == CHAIN
    # A position, a block or another output needs version 2.
    assert json.loads(to_json(CHAIN.placed({"conv": (1.0, 2.0)})))["version"] == 2
    assert json.loads(to_json(CHAIN.group_as_block(["conv"], "blk")))["version"] == 2
    assert json.loads(to_json(CHAIN.set_output("conv", True)))["version"] == 2


def test_version_2_is_written_one_layer_a_line_and_read_back_exactly(tmp_path: Path) -> None:
    text = to_json(GRAPH)
    assert text == (
        "{\n"
        '  "format": "keras-architecture-explorer.design",\n'
        '  "version": 2,\n'
        '  "name": "graph",\n'
        '  "layers": [\n'
        '    {"type": "Input", "name": "image", "args": {"shape": [8, 8, 3]}},\n'
        '    {"type": "Conv2D", "name": "a", "args": {"filters": 4, "kernel_size": 3, '
        '"strides": 1, "padding": "same", "activation": "linear", "use_bias": true}},\n'
        '    {"type": "Conv2D", "name": "b", "args": {"filters": 4, "kernel_size": 3, '
        '"strides": 1, "padding": "valid", "activation": "linear", "use_bias": true}, '
        '"inputs": ["image"], "position": [120.5, -3.0], "group": "side"},\n'
        '    {"type": "Add", "name": "add", "args": {}, "inputs": ["a", "b"]},\n'
        '    {"type": "Flatten", "name": "flat", "args": {}}\n'
        "  ],\n"
        '  "outputs": ["flat", "a"]\n'
        "}\n"
    )
    assert from_json(text) == GRAPH
    path = save(GRAPH, tmp_path / "graph.design.json")
    assert to_json(load(path)) == path.read_text(encoding="utf-8") == text
    # A version 2 file may leave everything new out: a chain reads as in version 1.
    chain = from_json(HEAD + IMAGE + ', {"type": "Flatten", "name": "f"}]}')
    assert chain.is_chain() and chain.output_names() == ("f",)
    # Design order may be any order, and a graph need not start with its Input.
    shuffled = from_json(
        HEAD + '{"type": "Flatten", "name": "f", "inputs": ["image"]}, ' + IMAGE
        + '], "outputs": ["f"]}'
    )  # fmt: skip
    assert shuffled.order() == ("image", "f")


BAD = [
    (
        '{"type": "Conv2D", "name": "a"}, {"type": "Add", "name": "add", "inputs": ["a", "conv9"]}',
        "layer 3 (Add add): input 'conv9' is not a layer of this design",
    ),
    (
        '{"type": "Conv2D", "name": "a", "inputs": ["b"]}, {"type": "Conv2D", "name": "b"}',
        "layer 2 (Conv2D a): its inputs make a cycle: a → b → a",
    ),
    (
        '{"type": "Input", "name": "more", "args": {"shape": [3]}, "inputs": ["image"]}',
        "layer 2 (Input more): inputs: an Input takes no input",
    ),
    (
        '{"type": "Conv2D", "name": "a", "inputs": "image"}',
        "layer 2 (Conv2D a): inputs: must be a list of layer names",
    ),
    (
        '{"type": "Conv2D", "name": "a", "position": [1, "x"]}',
        "layer 2 (Conv2D a): position: must be two finite numbers [x, y]",
    ),
    (
        '{"type": "Conv2D", "name": "a", "group": 7}',
        'layer 2 (Conv2D a): "group" must be a block name',
    ),
    (
        '{"type": "Conv2D", "name": "a", "colour": "red"}',
        "layer 2: unknown key 'colour' (known: type, name, args, inputs, position, group)",
    ),
    (
        '{"type": "Conv2D", "name": "a"}], "outputs": ["zz"',
        "outputs: 'zz' is not a layer of this design",
    ),
    ('{"type": "Conv2D", "name": "a"}], "outputs": [1', '"outputs" must be a list of layer names'),
]


@pytest.mark.parametrize(("layers", "message"), BAD)
def test_a_damaged_file_names_the_layer_and_what_is_wrong(layers: str, message: str) -> None:
    with pytest.raises(DesignFileError) as caught:
        from_json(HEAD + IMAGE + ", " + layers + "]}", "bad.design.json")
    assert str(caught.value) == f"bad.design.json: {message}"


def test_what_version_1_does_not_have_is_refused_in_it() -> None:
    head = HEAD.replace('"version": 2', '"version": 1')
    with pytest.raises(DesignFileError) as caught:
        from_json(head + IMAGE + ', {"type": "Flatten", "name": "f", "inputs": ["image"]}]}', "v1")
    assert str(caught.value) == "v1: layer 2: unknown key 'inputs' (known: type, name, args)"
    # A wired design being drawn may have no Input yet: it opens, and its check says so.
    unwired = from_json(HEAD + '{"type": "Flatten", "name": "f", "inputs": []}]}', "v2")
    assert [result.problem for result in check(unwired)] == ["Flatten f: has no input: connect one"]
