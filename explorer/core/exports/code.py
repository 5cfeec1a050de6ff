"""Python source for a design (or simple-cnn, or a ResNet) in one of Keras's three API styles.

The code reads like a tutorial: ``import keras``, ``from keras import layers``, a
``build_model()`` that returns the model, and a ``__main__`` that prints its summary. Only
arguments that differ from Keras's defaults are written, plus every layer's name, so the model
it builds has the same layers, shapes and parameters as the explorer's own build. Residual
blocks become one helper per kind of block: a function (functional) or a Layer class
(subclassing). Layers the shape check rejects are left out, with a comment saying why.
Self-attention (MultiHeadAttention called with the sequence as query and value) has two inputs,
so a design that holds it, like one with a residual block, is refused in the Sequential style.
In the subclassing style each layer is an attribute named after it as Python reads the name:
distinct, valid and none of the model's own, whatever the name (``summary``, ``__class__``);
the layer itself keeps its exact name.
"""

from __future__ import annotations

import keyword
import re
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from explorer.core.base.errors import SHOWN_LIMIT, ExplorerError, shown
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.params.specs import Value
from explorer.core.references.architecture import Reference
from explorer.core.sources.copies import design_from_reference
from explorer.core.sources.designs.blocks import (
    BlockLayer,
    Symbol,
    block_layers,
    merge_layers,
    needs_projection,
    out_channels,
)
from explorer.core.sources.designs.kinds import KINDS
from explorer.core.sources.designs.model import Design, DesignLayer, layer_label
from explorer.core.sources.designs.sequence_kinds import SELF_ATTENTION
from explorer.core.sources.designs.shapes import LayerCheck, check, missing_input, token_ids

STYLES = ("sequential", "functional", "subclassing")
_WIDTH = 100
# Every public attribute of a Keras 3 model (Sequential, Functional, subclassed; compiled and
# fitted): a layer attribute of that name in the subclassing style would shadow it (`summary`
# then calls the layer) or fail to be set (`weights`). tests/core/test_code_names.py checks this
# against the Keras installed.
_MODEL_ATTRIBUTES = """
activity_regularizer add add_loss add_metric add_variable add_weight autocast build
build_from_config built call call_signature_parameters compile compile_from_config compiled
compiled_loss compiled_metrics compute_dtype compute_loss compute_mask compute_metrics
compute_output_shape compute_output_spec count_params distribute_reduction_method
distribute_strategy dtype dtype_policy evaluate export fit from_config get_build_config
get_compile_config get_config get_layer get_metrics_result get_quantization_layer_structure
get_state_tree get_weights history input input_dtype input_shape input_spec inputs jit_compile
layers load_own_variables load_weights loss losses make_predict_function make_test_function
make_train_function metrics metrics_names metrics_variables name non_trainable_variables
non_trainable_weights operations optimizer output output_names output_shape outputs path pop
predict predict_function predict_on_batch predict_step quantization_mode quantize quantized_build
quantized_call rematerialized_call reset_metrics run_eagerly save save_own_variables save_weights
set_state_tree set_weights stateless_call stateless_compute_loss steps_per_execution stop_training
summary supports_jit supports_masking symbolic_call test_function test_on_batch test_step to_json
train_function train_on_batch train_step trainable trainable_variables trainable_weights
unrolled_steps_per_execution variable_dtype variables weights
"""
_RESERVED = frozenset(_MODEL_ATTRIBUTES.split())
# The names TensorFlow accepts for a graph scope at the root: a subclassed model is built by
# tracing its call(), where each layer opens a scope under its own name.
_GRAPH_NAME = re.compile(r"[A-Za-z0-9.][A-Za-z0-9_.\\/>-]*")


class CodeExportError(ExplorerError):
    """A design that cannot be written in the style asked for."""


def _named(name: str) -> str:
    """A design's or layer's name in a message: as it is (both are one printable line), or cut
    around "…" when long."""
    return name if len(name) <= SHOWN_LIMIT else shown(name)


def _literal(value: object) -> str:
    if isinstance(value, Symbol):
        return str(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)


@dataclass(frozen=True)
class _Call:
    head: str  # ``layers.Conv2D``
    args: tuple[str, ...]

    def lines(self, indent: str, before: str = "", after: str = "") -> list[str]:
        """The call as one line, or wrapped like a code formatter would (100 columns)."""
        inner = ", ".join(self.args)
        one = f"{indent}{before}{self.head}({inner}){after}"
        if len(one) <= _WIDTH:
            return [one]
        opened, closed = f"{indent}{before}{self.head}(", f"{indent}){after}"
        if len(indent) + 4 + len(inner) <= _WIDTH:
            return [opened, f"{indent}    {inner}", closed]
        return [opened, *(f"{indent}    {arg}," for arg in self.args), closed]


def _call(kind: str, args: dict[str, Value], name: str) -> _Call:
    """``layers.Conv2D(16, 3, strides=2, padding="same", name="conv2d")``."""
    named = f"name={_literal(name)}"
    if kind not in KINDS:  # Add, inside residual blocks: no arguments
        return _Call(f"layers.{kind}", (named,))
    spec = KINDS[kind]
    positional = [_literal(args[arg]) for arg in spec.required]
    keywords = [
        f"{arg}={_literal(value)}"
        for arg, value in args.items()
        if arg not in spec.required and value != spec.param(arg).default
    ]
    return _Call(f"layers.{kind}", (*positional, *keywords, named))


def _part_call(part: BlockLayer) -> _Call:
    return _call(part.type, dict(part.args), Symbol(f'f"{{name}}_{part.suffix}"'))


_BLOCK_DOCS = {
    ("basic", "paper"): "two 3x3 convolutions, a 1x1 projection when the shape changes, "
    "ReLU after the addition (He et al. 2015)",
    ("bottleneck", "paper"): "1x1, 3x3 and 1x1 convolutions (4x the filters out), a 1x1 "
    "projection when the shape changes, ReLU after the addition (He et al. 2015)",
    ("basic", "tutorial"): "the seed's two 3x3 Conv2D_BN units, a 3x3 projection when the "
    "shape changes, no ReLU after the addition",
    ("bottleneck", "tutorial"): "the seed's 1x1, 3x3 and 1x1 Conv2D_BN units, a 1x1 "
    "projection when the shape changes, no ReLU after the addition",
}


def _helper_name(block: str, style: str, *, cls: bool) -> str:
    words = (["Tutorial"] if style == "tutorial" else []) + [block.capitalize(), "Block"]
    return "".join(words) if cls else "_".join(w.lower() for w in words)


def _docstring(text: str, indent: str) -> list[str]:
    wrapped = textwrap.wrap(f'"""{text}"""', _WIDTH - 1 - len(indent))
    return [indent + line for line in wrapped]


def _block_function(block: str, style: str) -> list[str]:
    parts = block_layers(block, style, Symbol("filters"), Symbol("strides"))
    out = out_channels(block, Symbol("filters"))
    lines = [
        f"def {_helper_name(block, style, cls=False)}(x, filters, strides, name):",
        *_docstring(f"Residual block: {_BLOCK_DOCS[block, style]}.", "    "),
        "    shortcut = x",
    ]
    for part in parts:
        if not part.shortcut:
            lines += _part_call(part).lines("    ", "x = ", "(x)")
    lines.append(f"    if strides != 1 or shortcut.shape[-1] != {out}:")
    for part in parts:
        if part.shortcut:
            lines += _part_call(part).lines("        ", "shortcut = ", "(shortcut)")
    for part in merge_layers(style):
        source = "([x, shortcut])" if part.type == "Add" else "(x)"
        lines += _part_call(part).lines("    ", "x = ", source)
    return [*lines, "    return x"]


def _block_class(block: str, style: str) -> list[str]:
    parts = block_layers(block, style, Symbol("filters"), Symbol("strides"))
    add, *after = merge_layers(style)
    main: list[str] = []
    projection: list[str] = []
    for part in parts:
        indent = " " * (16 if part.shortcut else 12)
        (projection if part.shortcut else main).extend(_part_call(part).lines(indent, after=","))
    lines = [
        f"class {_helper_name(block, style, cls=True)}(layers.Layer):",
        *_docstring(f"Residual block: {_BLOCK_DOCS[block, style]}.", "    "),
        "",
        "    def __init__(self, filters, strides=1, projection=False, **kwargs):",
        "        super().__init__(**kwargs)",
        "        name = self.name",
        "        self.main_path = [",
        *main,
        "        ]",
        "        self.shortcut_path = []",
        "        if projection:",
        "            self.shortcut_path = [",
        *projection,
        "            ]",
        *_part_call(add).lines("        ", "self.merge = "),
        *(line for p in after for line in _part_call(p).lines("        ", "self.merged_relu = ")),
        "",
        "    def call(self, inputs):",
        "        x = inputs",
        "        for layer in self.main_path:",
        "            x = layer(x)",
        "        shortcut = inputs",
        "        for layer in self.shortcut_path:",
        "            shortcut = layer(shortcut)",
        "        x = self.merge([x, shortcut])",
    ]
    return [*lines, "        return self.merged_relu(x)" if after else "        return x"]


def _helpers(
    design: Design, results: tuple[LayerCheck, ...], write: Callable[[str, str], list[str]]
) -> list[str]:
    """One helper per kind of residual block the design uses, in order of first use."""
    kinds = [
        (str(layer.values["block"]), str(layer.values["style"]))
        for layer, result in zip(design.layers, results, strict=True)
        if result.ok and layer.kind == "ResidualBlock"
    ]
    return [line for kind in dict.fromkeys(kinds) for line in [*write(*kind), "", ""]]


def _dtype(results: tuple[LayerCheck, ...]) -> str:
    """The Input's dtype argument: token ids for an Embedding are integers."""
    return ', dtype="int32"' if token_ids(results) else ""


def _input(design: Design, results: tuple[LayerCheck, ...], *, named: bool) -> str:
    first = design.layers[0]
    name = f", name={_literal(first.name)}" if named else ""
    return f"keras.Input(shape={tuple(first.values['shape'])!r}{_dtype(results)}{name})"


def _arguments(layer: DesignLayer, source: str) -> str:
    """What a layer is called with: self-attention takes the sequence as query and value."""
    return f"({source}, {source})" if layer.kind in SELF_ATTENTION else f"({source})"


def _skipped(result: LayerCheck, indent: str) -> str:
    return f"{indent}# left out, it cannot work: {result.problem}"


def _layer_call(layer: DesignLayer, source: str | None, projection: bool = False) -> _Call:
    """A design layer's construction; for a functional block (``source``), the helper's call."""
    values = layer.values
    if layer.kind != "ResidualBlock":
        return _call(layer.kind, values, layer.name)
    block, style = str(values["block"]), str(values["style"])
    args = [f"filters={values['filters']}", f"strides={values['strides']}"]
    named = f"name={_literal(layer.name)}"
    if source is None:
        head = _helper_name(block, style, cls=True)
        return _Call(head, (*args, f"projection={projection}", named))
    return _Call(_helper_name(block, style, cls=False), (source, *args, named))


def _sequential(design: Design, results: tuple[LayerCheck, ...]) -> list[str]:
    blocks = [layer.name for layer in design.layers if layer.kind == "ResidualBlock"]
    attention = [layer for layer in design.layers if layer.kind in SELF_ATTENTION]
    if attention:
        raise CodeExportError(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{design} cannot be written as a Sequential model: its layer {layer} is "
                    "self-attention, called with the sequence twice (as query and value), and a "
                    "Sequential model calls each layer with one input; use the functional or "
                    "subclassing style",
                ),
                design=_named(design.name),
                layer=layer_label(attention[0].kind, _named(attention[0].name)),
            )
        )
    if blocks:
        raise CodeExportError(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{design} cannot be written as a Sequential model: its residual block "
                    "{block} adds a shortcut, and Sequential models are one straight line of "
                    "layers; use the functional or subclassing style",
                ),
                design=_named(design.name),
                block=_named(blocks[0]),
            )
        )
    lines = ["def build_model():", "    return keras.Sequential(", "        ["]
    lines.append(f"            {_input(design, results, named=True)},")
    for layer, result in zip(design.layers[1:], results[1:], strict=True):
        if result.ok:
            lines += _layer_call(layer, None).lines(" " * 12, "", ",")
        else:
            lines.append(_skipped(result, " " * 12))
    return [*lines, "        ],", f"        name={_literal(design.name)},", "    )"]


def _functional(design: Design, results: tuple[LayerCheck, ...]) -> list[str]:
    lines = ["def build_model():", f"    inputs = {_input(design, results, named=True)}"]
    source = "inputs"
    for layer, result in zip(design.layers[1:], results[1:], strict=True):
        if not result.ok:
            lines.append(_skipped(result, "    "))
        elif layer.kind == "ResidualBlock":
            lines += _layer_call(layer, source).lines("    ", "x = ")
            source = "x"
        else:
            lines += _layer_call(layer, source).lines("    ", "x = ", _arguments(layer, source))
            source = "x"
    lines.append(f"    return keras.Model(inputs, {source}, name={_literal(design.name)})")
    return _helpers(design, results, _block_function) + lines


def _class_name(name: str) -> str:
    """``odd net`` -> ``OddNet``: ASCII words of the design's name, never a keyword (``None``)
    nor a block helper's class (``BasicBlock``)."""
    words = "".join(w[:1].upper() + w[1:] for w in re.split(r"[^0-9A-Za-z]+", name))
    helpers = {_helper_name(b, s, cls=True) for b, s in _BLOCK_DOCS}
    if keyword.iskeyword(words) or words in helpers:
        return words + "Model"
    return words if words[:1].isalpha() else "Model" + words


def _identifier(name: str) -> str:
    """The layer's name as Python reads an identifier (NFKC: a black-letter H is ``H``, a long s
    is ``s``), a character no identifier may hold as ``_``, and ``layer`` before a leading
    ``_`` (a private or dunder attribute of the model, or one Python mangles)."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(c if f"_{c}".isidentifier() else "_" for c in text)
    if not text.isidentifier() or unicodedata.normalize("NFKC", text) != text:
        text = "layer"  # not reached for a design's names; kept total for any text
    return f"layer{text}" if text.startswith("_") else text


def _attributes(names: list[str]) -> dict[str, str]:
    """Each layer's attribute on the model, by layer name; distinct as Python reads them.

    A keyword or an attribute Keras's model has gets ``_layer`` (``summary_layer``); one taken
    already (``H`` after a black-letter H, ``summary_layer`` after ``summary``) gets ``_2``,
    ``_3``... in the order of the layers, so the same design always gives the same code."""
    attributes: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        base = _identifier(name)
        if keyword.iskeyword(base) or base in _RESERVED:
            base += "_layer"
        attribute, count = base, 1
        while attribute in taken or attribute in _RESERVED:
            count += 1
            attribute = f"{base}_{count}"
        taken.add(attribute)
        attributes[name] = attribute
    return attributes


def _build_lines(design: Design, results: tuple[LayerCheck, ...], cls: str) -> list[str]:
    """``build_model()``: a symbolic call builds every layer, unless TensorFlow cannot trace the
    model's call() through a layer's name (``été``, ``_x``): then a batch of zeros does."""
    lines = ["def build_model():", f"    model = {cls}()"]
    if all(_GRAPH_NAME.fullmatch(layer.name) for layer in design.layers[1:]):
        lines += [
            "    # Keras 3: model.build() does not build the layers inside; a symbolic call does.",
            f"    model({_input(design, results, named=False)})",
        ]
    else:
        shape = (1, *design.layers[0].values["shape"])
        lines += [
            "    # Keras 3: model.build() does not build the layers inside; a call does. Not a",
            "    # symbolic one: TensorFlow cannot trace layers whose names are not ASCII or",
            "    # begin with _ (they name its graph scopes), so the model gets a batch of zeros.",
            f"    model(keras.ops.zeros({shape!r}{_dtype(results)}))",
        ]
    return [*lines, "    return model"]


def _subclassing(design: Design, results: tuple[LayerCheck, ...]) -> list[str]:
    cls = _class_name(design.name)
    init = [
        f"class {cls}(keras.Model):",
        "    def __init__(self, **kwargs):",
        f"        super().__init__(name={_literal(design.name)}, **kwargs)",
    ]
    call = ["    def call(self, inputs):"]
    source = "inputs"
    attributes = _attributes([layer.name for layer in design.layers[1:]])
    for layer, result in zip(design.layers[1:], results[1:], strict=True):
        if not result.ok:
            init.append(_skipped(result, "        "))
            continue
        values = layer.values
        projection = layer.kind == "ResidualBlock" and needs_projection(
            int(values["strides"]),
            int(result.input_shape[-1]),  # type: ignore[index, arg-type]  # known: result.ok
            str(values["block"]),
            int(values["filters"]),
        )
        attribute = attributes[layer.name]
        init += _layer_call(layer, None, projection).lines("        ", f"self.{attribute} = ")
        call.append(f"        x = self.{attribute}{_arguments(layer, source)}")
        source = "x"
    call.append(f"        return {source}")
    build = _build_lines(design, results, cls)
    return [*_helpers(design, results, _block_class), *init, "", *call, "", "", *build]


def code_for_design(design: Design, style: str = "functional") -> str:
    if style not in STYLES:
        raise CodeExportError(
            Text(
                QT_TRANSLATE_NOOP("Core", "unknown code style {style} (known: {known})"),
                style=shown(style),
                known=", ".join(STYLES),
            )
        )
    if missing_input(design) is not None:
        raise CodeExportError(
            Text(
                QT_TRANSLATE_NOOP("Core", "design {name} has no Input as its first layer"),
                name=shown(design.name),
            )
        )
    results = check(design)
    write = {"sequential": _sequential, "functional": _functional, "subclassing": _subclassing}
    body = write[style](design, results)
    title = design.name.replace("\\", "").replace('"', "'")  # safe inside the docstring
    header = [
        f'"""{title}: written by Keras Architecture Explorer ({style} API)."""',
        "",
        "import keras",
        "from keras import layers",
        "",
        "",
    ]
    footer = ["", "", 'if __name__ == "__main__":', "    build_model().summary()"]
    return "\n".join([*header, *body, *footer]) + "\n"


def code_for(reference: Reference, style: str = "functional") -> str:
    """Code for a design reference, simple-cnn or a ResNet (copied into a design first)."""
    return code_for_design(design_from_reference(reference), style)
