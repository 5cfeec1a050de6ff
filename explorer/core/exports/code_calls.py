"""The pieces of exported code: a layer's construction as a call, wrapped at 100 columns, and
one helper per kind of residual block (a function for the functional style, a Layer class for
the subclassing style). Only arguments that differ from Keras's defaults are written, plus the
layer's name, so the layer built has the explorer's name, shapes and parameters."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from explorer.core.params.specs import Value
from explorer.core.sources.designs.blocks import (
    BlockLayer,
    Symbol,
    block_layers,
    merge_layers,
    out_channels,
)
from explorer.core.sources.designs.kinds import KINDS
from explorer.core.sources.designs.model import DesignLayer

WIDTH = 100


def literal(value: object) -> str:
    if isinstance(value, Symbol):
        return str(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)


@dataclass(frozen=True)
class Call:
    head: str  # ``layers.Conv2D``
    args: tuple[str, ...]

    def lines(self, indent: str, before: str = "", after: str = "") -> list[str]:
        """The call as one line, or wrapped like a code formatter would (100 columns)."""
        inner = ", ".join(self.args)
        one = f"{indent}{before}{self.head}({inner}){after}"
        if len(one) <= WIDTH:
            return [one]
        opened, closed = f"{indent}{before}{self.head}(", f"{indent}){after}"
        if len(indent) + 4 + len(inner) <= WIDTH:
            return [opened, f"{indent}    {inner}", closed]
        return [opened, *(f"{indent}    {arg}," for arg in self.args), closed]

    def applied(self, indent: str, before: str, arguments: str) -> list[str]:
        """The layer made and called on ``arguments`` (``"(x)"``, ``"([a, b])"``); a call too
        long for one line gets its arguments on a line of their own."""
        lines = self.lines(indent, before, arguments)
        if len(lines[-1]) <= WIDTH:
            return lines
        return [*self.lines(indent, before, "("), f"{indent}    {arguments[1:-1]}", f"{indent})"]


def items_lines(items: list[str], indent: str, before: str, after: str) -> list[str]:
    """``before[a, b]after`` on one line, or one item a line."""
    one = f"{indent}{before}[{', '.join(items)}]{after}"
    if len(one) <= WIDTH:
        return [one]
    return [f"{indent}{before}[", *(f"{indent}    {item}," for item in items), f"{indent}]{after}"]


def layer_call(kind: str, args: dict[str, Value], name: str) -> Call:
    """``layers.Conv2D(16, 3, strides=2, padding="same", name="conv2d")``."""
    named = f"name={literal(name)}"
    if kind not in KINDS:  # Add, inside residual blocks: no arguments
        return Call(f"layers.{kind}", (named,))
    spec = KINDS[kind]
    positional = [literal(args[arg]) for arg in spec.required]
    keywords = [
        f"{arg}={literal(value)}"
        for arg, value in args.items()
        if arg not in spec.required and value != spec.param(arg).default
    ]
    return Call(f"layers.{kind}", (*positional, *keywords, named))


def _part_call(part: BlockLayer) -> Call:
    return layer_call(part.type, dict(part.args), Symbol(f'f"{{name}}_{part.suffix}"'))


BLOCK_DOCS = {
    ("basic", "paper"): "two 3x3 convolutions, a 1x1 projection when the shape changes, "
    "ReLU after the addition (He et al. 2015)",
    ("bottleneck", "paper"): "1x1, 3x3 and 1x1 convolutions (4x the filters out), a 1x1 "
    "projection when the shape changes, ReLU after the addition (He et al. 2015)",
    ("basic", "tutorial"): "the seed's two 3x3 Conv2D_BN units, a 3x3 projection when the "
    "shape changes, no ReLU after the addition",
    ("bottleneck", "tutorial"): "the seed's 1x1, 3x3 and 1x1 Conv2D_BN units, a 1x1 "
    "projection when the shape changes, no ReLU after the addition",
}


def helper_name(block: str, style: str, *, cls: bool) -> str:
    words = (["Tutorial"] if style == "tutorial" else []) + [block.capitalize(), "Block"]
    return "".join(words) if cls else "_".join(w.lower() for w in words)


HELPER_NAMES = frozenset(
    helper_name(block, style, cls=cls) for block, style in BLOCK_DOCS for cls in (True, False)
)


def _docstring(text: str, indent: str) -> list[str]:
    wrapped = textwrap.wrap(f'"""{text}"""', WIDTH - 1 - len(indent))
    return [indent + line for line in wrapped]


def block_function(block: str, style: str) -> list[str]:
    parts = block_layers(block, style, Symbol("filters"), Symbol("strides"))
    out = out_channels(block, Symbol("filters"))
    lines = [
        f"def {helper_name(block, style, cls=False)}(x, filters, strides, name):",
        *_docstring(f"Residual block: {BLOCK_DOCS[block, style]}.", "    "),
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


def block_class(block: str, style: str) -> list[str]:
    parts = block_layers(block, style, Symbol("filters"), Symbol("strides"))
    add, *after = merge_layers(style)
    main: list[str] = []
    projection: list[str] = []
    for part in parts:
        indent = " " * (16 if part.shortcut else 12)
        (projection if part.shortcut else main).extend(_part_call(part).lines(indent, after=","))
    lines = [
        f"class {helper_name(block, style, cls=True)}(layers.Layer):",
        *_docstring(f"Residual block: {BLOCK_DOCS[block, style]}.", "    "),
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


def design_layer_call(layer: DesignLayer, source: str | None, projection: bool = False) -> Call:
    """A design layer's construction; for a functional block (``source``), the helper's call."""
    values = layer.values
    if layer.kind != "ResidualBlock":
        return layer_call(layer.kind, values, layer.name)
    block, style = str(values["block"]), str(values["style"])
    args = [f"filters={values['filters']}", f"strides={values['strides']}"]
    named = f"name={literal(layer.name)}"
    if source is None:
        head = helper_name(block, style, cls=True)
        return Call(head, (*args, f"projection={projection}", named))
    return Call(helper_name(block, style, cls=False), (source, *args, named))
