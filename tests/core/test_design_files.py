"""Design files: exact round trips, one-line messages for bad files, and use as references."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.core.analysis.build import summarize
from explorer.core.base.errors import ParameterError
from explorer.core.sources.copies import design_from_reference
from explorer.core.sources.designs.examples import example_designs, example_names, examples_folder
from explorer.core.sources.designs.files import (
    FORMAT,
    DesignFileError,
    from_json,
    load,
    reference_for_json,
    save,
    to_json,
)
from explorer.core.sources.designs.model import Design, DesignLayer
from explorer.core.sources.lookup import parse_reference

EXAMPLES = examples_folder()
KNOWN = (
    "image-and-metadata, inception-block, mini-resnet, simple-cnn, small-unet, small-vgg, "
    "text-classifier"
)
HEAD = '"format": "keras-architecture-explorer.design", "version": 1, "name": "n"'
INPUT = '{"type": "Input", "name": "input_layer", "args": {"shape": [8, 8, 3]}}'


def test_the_examples_are_there_and_written_exactly_as_saved() -> None:
    names = [path.name for path in example_designs()]
    assert names == [
        "image-and-metadata.design.json",
        "inception-block.design.json",
        "mini-resnet.design.json",
        "simple-cnn.design.json",
        "small-unet.design.json",
        "small-vgg.design.json",
        "text-classifier.design.json",
    ]
    for path in example_designs():
        assert to_json(load(path)) == path.read_text(encoding="utf-8")
    assert example_names() == [
        "image-and-metadata",
        "inception-block",
        "mini-resnet",
        "simple-cnn",
        "small-unet",
        "small-vgg",
        "text-classifier",
    ]


def test_round_trips_are_exact(tmp_path: Path) -> None:
    design = design_from_reference(parse_reference("resnet50:variant=tutorial"))
    assert from_json(to_json(design)) == design
    path = save(design, tmp_path / "copy.design.json")
    assert load(path) == design
    assert [p.name for p in tmp_path.iterdir()] == ["copy.design.json"]  # no temporary left
    data = json.loads(path.read_text())
    assert list(data) == ["format", "version", "name", "layers"]
    assert data["layers"][1] == {
        "type": "ZeroPadding2D",
        "name": "conv1_pad",
        "args": {"padding": 3},
    }
    # Arguments left out of a file take their defaults.
    short = from_json("{" + HEAD + ', "layers": [' + INPUT + ', {"type": "Flatten", "name": "f"}]}')
    assert short == Design("n", (DesignLayer("Input", "input_layer", (("shape", (8, 8, 3)),)),
                                 DesignLayer("Flatten", "f")))  # fmt: skip


def _file(*layers: str, head: str = HEAD) -> str:
    return "{" + head + ', "layers": [' + ", ".join(layers) + "]}"


KNOWN_TYPES = (
    "Input, Conv2D, DepthwiseConv2D, SeparableConv2D, MaxPooling2D, AveragePooling2D, "
    "GlobalAveragePooling2D, ZeroPadding2D, BatchNormalization, ReLU, Activation, Dropout, "
    "Flatten, Dense, ResidualBlock, Embedding, Conv1D, GlobalAveragePooling1D, LSTM, GRU, "
    "MultiHeadAttention, LayerNormalization, Add, Subtract, Multiply, Average, Maximum, "
    "Concatenate, Dot, Conv2DTranspose, UpSampling2D"
)
NOT_A_DESIGN = 'is not a design file: "format" is not "keras-architecture-explorer.design"'
BAD_FILES = [
    (
        "{\n  'format': 1}",
        "is not JSON: Expecting property name enclosed in double quotes at line 2 column 3",
    ),
    ('{"format": "something.else"}', NOT_A_DESIGN),
    ("[1, 2]", NOT_A_DESIGN),
    (
        _file(INPUT, head=HEAD.replace('"version": 1', '"version": 3')),
        "was written by a newer version (3); this program reads versions 1 to 2",
    ),
    (
        _file(INPUT, head=HEAD.replace('"version": 1', '"version": "1"')),
        ': "version" must be a whole number',
    ),
    (
        _file(INPUT, '{"type": "Conv3D", "name": "c"}'),
        f": layer 2: type: unknown layer type 'Conv3D' (known: {KNOWN_TYPES})",
    ),
    (
        _file(INPUT, '{"type": "Dense", "name": "d", "args": {"units": 0}}'),
        ": layer 2 (Dense d): units: 0 is out of range: expected an integer from 1 to 100,000",
    ),
    (
        _file(INPUT, '{"type": "Dense", "name": "d", "args": {"units": 2.5}}'),
        ": layer 2 (Dense d): units: 2.5 is not an integer from 1 to 100,000",
    ),
    (
        _file(INPUT, '{"type": "Dropout", "name": "d", "args": {"ratio": 0.1}}'),
        ": layer 2 (Dropout d): ratio: unknown argument of Dropout d (known: rate)",
    ),
    (
        _file(INPUT, '{"type": "Flatten", "name": "input_layer"}'),
        ": layer 2 (Flatten input_layer): name: 'input_layer' is already used by layer "
        "'input_layer': layer names must be unique",
    ),
    (
        _file(INPUT, '{"type": "Flatten", "nam": "f"}'),
        ": layer 2: unknown key 'nam' (known: type, name, args)",
    ),
    (
        _file('{"type": "Flatten", "name": "f"}'),
        ": the first layer must be an Input (found Flatten f)",
    ),
    (_file(), ": the first layer must be an Input (found no layers)"),
]


@pytest.mark.parametrize(("text", "message"), BAD_FILES)
def test_bad_files_are_refused_with_one_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.design.json"
    path.write_text(text)
    with pytest.raises(DesignFileError) as caught:
        load(path)
    separator = "" if message.startswith(":") else " "
    assert str(caught.value) == f"{path}{separator}{message}"


def test_design_files_are_references(tmp_path: Path, summary_of) -> None:
    path = str(EXAMPLES / "simple-cnn.design.json")
    reference = parse_reference(path)
    assert (reference.text(), reference.architecture.family) == (path, "Designs")
    summary = summary_of(path)
    seed = summary_of("simple-cnn")
    assert summary.layers == seed.layers and summary.totals == seed.totals
    assert summary.totals.params == 200_705_448
    with pytest.raises(ParameterError, match=r"^filters: unknown parameter for .*simple-cnn"):
        parse_reference(f"{path}:filters=8")
    with pytest.raises(DesignFileError) as caught:
        parse_reference(str(tmp_path / "absent.design.json"))
    assert str(caught.value) == f"{tmp_path / 'absent.design.json'}: no such file"


def test_examples_are_references_by_name(summary_of) -> None:
    reference = parse_reference("examples:mini-resnet")
    assert (reference.text(), reference.request_text()) == ("examples:mini-resnet",) * 2
    architecture = reference.architecture
    assert (architecture.title, architecture.family) == ("mini-resnet", "Designs")
    summary = summary_of("examples:mini-resnet")
    assert (summary.architecture, summary.totals.params) == ("examples:mini-resnet", 78_714)
    assert summary.layers == summary_of(str(EXAMPLES / "mini-resnet.design.json")).layers
    # The file's name works too, in any case, and names the same entry.
    assert parse_reference(" Examples:Small-VGG.design.json").text() == "examples:small-vgg"
    assert design_from_reference(parse_reference("examples:simple-cnn")) == load(
        EXAMPLES / "simple-cnn.design.json"
    )
    with pytest.raises(ParameterError, match=r"^units: unknown parameter for examples:small-vgg"):
        parse_reference("examples:small-vgg:units=3")


@pytest.mark.parametrize("text", ["examples:nope", "examples:", "examples:mini-resnet.keras"])
def test_an_unknown_example_is_refused_naming_the_examples(text: str) -> None:
    with pytest.raises(DesignFileError) as caught:
        parse_reference(text)
    assert str(caught.value) == (f"{text}: unknown example (known: {KNOWN})")


def test_json_text_is_a_reference_for_the_worker(summary_of) -> None:
    text = (EXAMPLES / "mini-resnet.design.json").read_text()
    from_text = summarize(reference_for_json(text))
    assert from_text.architecture == "mini-resnet"
    assert summarize(parse_reference(text)) == from_text
    assert from_text.layers == summary_of(str(EXAMPLES / "mini-resnet.design.json")).layers
    with pytest.raises(DesignFileError) as caught:
        reference_for_json("{,}")
    assert str(caught.value) == (
        "design is not JSON: Expecting property name enclosed in double quotes at line 1 column 2"
    )


def _conv(k: int, c_in: int, c_out: int, bias: bool = True) -> int:
    return k * k * c_in * c_out + c_out * bias


def test_the_small_vgg_and_mini_resnet_examples(summary_of) -> None:
    vgg = summary_of(str(EXAMPLES / "small-vgg.design.json"))
    convs = [(3, 32), (32, 32), (32, 64), (64, 64), (64, 128), (128, 128)]
    assert vgg.totals.params == sum(_conv(3, a, b) for a, b in convs) + (
        4 * 4 * 128 * 256 + 256 + 256 * 10 + 10
    )
    assert vgg.layers[-1].output_shape == (None, 10)

    resnet = summary_of(str(EXAMPLES / "mini-resnet.design.json"))
    rows = {row.name: row for row in resnet.layers}
    bn = 4  # scale, offset, moving mean and variance per channel

    def block(c_in: int, c_out: int) -> int:
        projection = _conv(1, c_in, c_out, False) + bn * c_out if c_in != c_out else 0
        return (
            _conv(3, c_in, c_out, False)
            + _conv(3, c_out, c_out, False)
            + 2 * bn * c_out
            + projection
        )

    stem = _conv(3, 3, 16, False) + bn * 16
    assert (
        resnet.totals.params == stem + block(16, 16) + block(16, 32) + block(32, 64) + 64 * 10 + 10
    )
    assert "block1_0_conv" not in rows  # identity shortcut where the shape stays
    assert rows["block2_add"].inbound == ("block2_2_bn", "block2_0_bn")
    assert rows["block3_out"].output_shape == (None, 8, 8, 64)


def test_a_design_held_only_in_memory_travels_to_the_worker_as_its_json() -> None:
    from explorer.core.sources.designs.files import reference_for

    design = load(EXAMPLES / "small-vgg.design.json").with_args(11, units=20)
    reference = reference_for(design)
    assert reference.text() == "small-vgg"  # what the window shows
    again = parse_reference(reference.request_text())  # what the worker gets
    assert design_from_reference(again) == design
    on_disk = parse_reference(str(EXAMPLES / "small-vgg.design.json"))
    assert on_disk.request_text() == on_disk.text() == str(EXAMPLES / "small-vgg.design.json")


def test_a_design_s_description_counts_layers_as_the_table_does(summary_of) -> None:
    from explorer.core.sources.designs.files import architecture_of
    from explorer.core.sources.designs.model import Design, DesignLayer, input_layer

    design = Design("four", (input_layer((8, 8, 1)), DesignLayer("Flatten", "flatten", ())))
    assert architecture_of(design).description == "A design of 1 layer after its input."
    two = load("resources/designs/image-and-metadata.design.json")
    assert architecture_of(two).description == "A design of 8 layers after its 2 inputs."


def _relu_stack(count: int) -> str:
    layers = [{"type": "Input", "name": "input_layer", "args": {"shape": [8, 8, 3]}}]
    layers += [{"type": "ReLU", "name": f"relu_{i}", "args": {}} for i in range(count - 1)]
    return json.dumps({"format": FORMAT, "version": 1, "name": "long", "layers": layers})


def test_a_design_has_at_most_5000_layers_and_is_read_in_linear_time() -> None:
    from explorer.core.sources.designs.model import MAX_LAYERS

    assert MAX_LAYERS == 5_000
    design = from_json(_relu_stack(5_000), "long.design.json")  # 1.8 s when it was quadratic
    assert len(design.layers) == 5_000 and design.layers[-1].name == "relu_4998"
    with pytest.raises(DesignFileError) as refused:
        from_json(_relu_stack(10_000), "long.design.json")
    assert str(refused.value) == (
        "long.design.json: a design has at most 5,000 layers; this one has 10,000"
    )
    # A ResidualBlock becomes up to 13 Keras layers: 4,999 of them took a 49 s, 1.4 GB build.
    data = json.loads(_relu_stack(1))
    block = {"block": "bottleneck", "filters": 4, "strides": 1, "style": "paper"}
    data["layers"] += [
        {"type": "ResidualBlock", "name": f"b{i}", "args": block} for i in range(385)
    ]
    assert len(from_json(json.dumps({**data, "layers": data["layers"][:385]})).layers) == 385
    with pytest.raises(DesignFileError) as refused:
        from_json(json.dumps(data), "blocks.design.json")
    assert str(refused.value) == (
        "blocks.design.json: a design has at most 5,000 layers, a ResidualBlock counting as the "
        "13 it may become; this one has 5,006"
    )


def test_a_repeated_name_is_named_with_its_layer_number() -> None:
    data = json.loads(_relu_stack(4))
    data["layers"][3]["name"] = "relu_0"
    with pytest.raises(DesignFileError) as refused:
        from_json(json.dumps(data), "twice.design.json")
    assert str(refused.value) == (
        "twice.design.json: layer 4 (ReLU relu_0): name: 'relu_0' is already used by layer "
        "'relu_0': layer names must be unique"
    )


def test_a_design_name_has_at_most_100_characters() -> None:
    data = json.loads(_relu_stack(2))
    data["name"] = "d" * 100
    assert from_json(json.dumps(data), "ok.design.json").name == "d" * 100
    data["name"] = "d" * 5_000
    with pytest.raises(DesignFileError) as refused:
        from_json(json.dumps(data), "long.design.json")
    assert str(refused.value) == (
        "long.design.json: name: 'ddddddddddddddddddddddddddddddddddddddd…dddddddddddddddddddd' "
        "(5,000 characters) is not a usable design name: at most 100 characters"
    )
