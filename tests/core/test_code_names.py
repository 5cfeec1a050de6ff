"""Exported code under hostile layer names: Python identifiers that cannot collide or be invalid,
while every Keras layer keeps its exact name (issue 13)."""

from __future__ import annotations

import ast
import random
import unicodedata
from typing import Any

import pytest

from explorer.core.analysis.build import summarize
from explorer.core.base.choices import STYLES
from explorer.core.base.errors import ParameterError
from explorer.core.exports.code import CodeExportError, code_for_design
from explorer.core.exports.code_names import RESERVED
from explorer.core.sources.designs.examples import examples_folder
from explorer.core.sources.designs.files import load, reference_for
from explorer.core.sources.designs.model import MAX_NAME_LENGTH, Design, DesignLayer

BLACK_H, LONG_S, FI = "\u210c", "\u017f", "\ufb01"  # NFKC: H, s and fi
LONG = "n" * 99 + "é"  # 100 characters, the most a name may have
HOSTILE = (
    *("summary", "summary_layer", BLACK_H, "H", "h", "_", "__class__", "été", "call"),
    *(f"{LONG_S}ummary", "layers", f"{FI}nally", "self", "x", "inputs", "get", "get_layer"),
    *(LONG, "Conv", "conv"),
)


def _dense(name: str, units: int = 10) -> DesignLayer:
    return DesignLayer("Dense", name, (("units", units),))


def _flat_design(name: str, names: tuple[str, ...]) -> Design:
    """Input, Flatten, then one Dense(10) per name: from the second on, each has 110 parameters,
    so a layer lost to a colliding attribute shows in the count."""
    return Design(
        name,
        (
            DesignLayer("Input", "input_layer", (("shape", (8, 8, 3)),)),
            DesignLayer("Flatten", "flatten"),
            *(_dense(n) for n in names),
        ),
    )


def _block(name: str, filters: int, strides: int) -> DesignLayer:
    args = {"block": "basic", "filters": filters, "strides": strides, "style": "paper"}
    return DesignLayer("ResidualBlock", name, tuple(args.items()))


# Named like the helper class its block gets, with blocks named as TensorFlow cannot trace.
BLOCKS = Design(
    "basic block",
    (
        DesignLayer("Input", "input_layer", (("shape", (8, 8, 3)),)),
        _block("été", 4, 1),
        _block("_", 8, 2),
        DesignLayer("GlobalAveragePooling2D", "summary"),
        _dense(f"{LONG_S}ummary", 3),
    ),
)
NOT_SEQUENTIAL = {
    *("mini-resnet", "basic block"),  # residual blocks
    *("small-unet", "inception-block", "image-and-metadata"),  # graphs
}
DESIGNS = [
    *(load(path) for path in sorted(examples_folder().glob("*.design.json"))),
    _flat_design("None", HOSTILE),
    BLOCKS,
]


def _subclass_attributes(code: str) -> list[str]:
    """The ``self.X = ...`` targets of the model class's ``__init__``, as Python reads them."""
    model = [n for n in ast.parse(code).body if isinstance(n, ast.ClassDef)][-1]
    init = next(n for n in model.body if isinstance(n, ast.FunctionDef) and n.name == "__init__")
    return [
        target.attr
        for statement in init.body
        if isinstance(statement, ast.Assign)
        for target in statement.targets
        if isinstance(target, ast.Attribute)
    ]


def test_attributes_are_distinct_valid_and_clear_of_the_models_own() -> None:
    code = code_for_design(_flat_design("None", HOSTILE), "subclassing")
    assert "class NoneModel(keras.Model):" in code
    attributes = _subclass_attributes(code)
    assert attributes == [
        "flatten",
        *("summary_layer", "summary_layer_2", "H", "H_2", "h", "layer_", "layer__class__"),
        *("été", "call_layer", "summary_layer_3", "layers_layer", "finally_layer", "self", "x"),
        *("inputs_layer", "get", "get_layer_layer", LONG, "Conv", "conv"),
    ]
    # Each layer keeps its exact name: the black-letter H, the long s, the ligature.
    assert f'        self.H = layers.Dense(10, name="{BLACK_H}")\n' in code
    assert f'        self.summary_layer_3 = layers.Dense(10, name="{LONG_S}ummary")\n' in code
    assert f'        self.finally_layer = layers.Dense(10, name="{FI}nally")\n' in code
    assert "        x = self.layer__class__(x)\n" in code
    assert code_for_design(_flat_design("None", HOSTILE), "subclassing") == code  # the same


def test_a_class_name_is_not_a_block_helpers() -> None:
    code = code_for_design(BLOCKS, "subclassing")
    assert "class BasicBlock(layers.Layer):" in code
    assert "class BasicBlockModel(keras.Model):" in code
    assert _subclass_attributes(code) == ["été", "layer_", "summary_layer", "summary_layer_2"]
    # TensorFlow cannot trace a layer called été: the model is built on a batch of zeros.
    assert "    model(keras.ops.zeros((1, 8, 8, 3)))\n" in code
    plain = code_for_design(_flat_design("plain", ("dense",)), "subclassing")
    assert "    model(keras.Input(shape=(8, 8, 3)))\n" in plain


def _random_names(generator: random.Random, count: int) -> tuple[str, ...]:
    """Names a design accepts, made of letters Python normalises, keywords' and Keras's words."""
    pieces = [
        *"aAbHhsS_0123456789",
        *("é", "e\u0301", BLACK_H, LONG_S, FI, "ª", "Ⅸ", "\uff53", "\U0001d431", "µ", "Å"),
        *("·", "ǅ", "ß", "İ", "None", "class", "layer", "get", "self", "_layer", "__"),
        *("summary", "call", "layers"),
    ]
    names: dict[str, None] = {}
    while len(names) < count:
        name = "".join(generator.choices(pieces, k=generator.randint(1, 6)))
        try:
            DesignLayer("Flatten", name)
        except ParameterError:
            continue
        names[name] = None
    return tuple(names)


@pytest.mark.parametrize("seed", range(20))
def test_random_names_compile_in_every_style(seed: int) -> None:
    names = _random_names(random.Random(seed), 40)
    design = _flat_design(f"net {seed}", names)
    for style in STYLES:
        code = code_for_design(design, style)
        compile(code, f"<{style}>", "exec")
        written = [
            ast.literal_eval(keyword.value)
            for node in ast.walk(ast.parse(code))
            if isinstance(node, ast.Call)
            for keyword in node.keywords
            if keyword.arg == "name"
        ]
        assert [n for n in written if n in names] == list(names)  # exact, in order
    attributes = _subclass_attributes(code_for_design(design, "subclassing"))
    assert len(set(attributes)) == len(attributes) == len(names) + 1
    for attribute in attributes:
        assert attribute.isidentifier() and unicodedata.normalize("NFKC", attribute) == attribute
        assert not attribute.startswith("_") and attribute not in RESERVED


def test_a_name_longer_than_the_limit_is_refused_with_the_limit() -> None:
    with pytest.raises(ParameterError) as caught:
        DesignLayer("Dense", "n" * (MAX_NAME_LENGTH + 1))
    assert str(caught.value) == (
        "name: 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn…nnnnnnnnnnnnnnnnnnnn' (101 characters) "
        "is not a usable layer name: at most 100 characters"
    )
    with pytest.raises(ParameterError) as caught:
        DesignLayer("Dense", "x" * 5_000_000)
    assert str(caught.value).endswith(
        "(5,000,000 characters) is not a usable layer name: at most 100 characters"
    )


def _leaf_names(model: Any) -> list[str]:
    """The Keras layers inside ``model``, through the generated block classes; a built-in layer
    with layers of its own (an LSTM's cell, attention's projections) counts as one."""
    from keras.layers import InputLayer

    names: list[str] = []
    for layer in model._flatten_layers(include_self=False, recursive=False):
        if not type(layer).__module__.startswith("keras."):  # a generated class
            names += _leaf_names(layer)
        elif not isinstance(layer, InputLayer):
            names.append(layer.name)
    return names


def test_the_code_builds_the_summarys_model_in_every_style() -> None:
    """One Keras test: each design in each style builds the parameters and layer names of the
    explorer's own summary (tiny inputs, about 10 s)."""
    import keras

    for design in DESIGNS:
        expected = summarize(reference_for(design))
        names = sorted(row.name for row in expected.layers if row.is_leaf)
        for style in STYLES:
            try:
                code = code_for_design(design, style)
            except CodeExportError:
                assert style == "sequential" and design.name in NOT_SEQUENTIAL
                continue
            namespace: dict[str, Any] = {"__name__": "generated"}
            exec(compile(code, f"<{design.name} {style}>", "exec"), namespace)
            model = namespace["build_model"]()
            assert (design.name, style, model.count_params()) == (
                design.name,
                style,
                expected.totals.params,
            )
            assert sorted(_leaf_names(model)) == names
    # Every public attribute of a Keras model is one the subclassing style avoids.
    inputs = keras.Input((3,))
    functional = keras.Model(inputs, keras.layers.Dense(2)(inputs))
    functional.compile("sgd", "mse")
    public = {n for n in {*dir(functional), *vars(functional)} if not n.startswith("_")}
    assert public <= RESERVED
