"""Design files (``*.design.json``) and in-memory designs as architecture references.

The file is one JSON object, written one layer per line with every argument in spec order::

    {
      "format": "keras-architecture-explorer.design",
      "version": 2,
      "name": "two-branches",
      "layers": [
        {"type": "Input", "name": "image", "args": {"shape": [32, 32, 3]}},
        {"type": "Conv2D", "name": "conv1", "args": {"filters": 32, ...}, "position": [0.0, 90.0]},
        {"type": "Conv2D", "name": "conv2", "args": {...}, "inputs": ["image"]},
        {"type": "Add", "name": "add", "args": {}, "inputs": ["conv1", "conv2"]}
      ],
      "outputs": ["add"]
    }

``type`` is a kind of ``kinds.KINDS``; ``args`` may leave out arguments (they take their
defaults); shapes are lists. Version 2 adds ``inputs`` (layer names, in order; left out: the
previous layer, so a chain reads as in version 1), ``position``, ``group`` (the named block) and
``outputs`` (left out: the last layer). A design that is a chain with none of these is written as
version 1, which has only ``type``, ``name`` and ``args`` and starts with its one Input. Messages
count layers from 1.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.core.base.errors import (
    ExplorerError,
    ParameterError,
    shown,
    shown_path,
    user_message,
)
from explorer.core.base.files import write_text_atomic
from explorer.core.base.reading import parse_json, read_bytes
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.base.units import MIB
from explorer.core.params.specs import Value
from explorer.core.params.values import as_json_value
from explorer.core.references.architecture import Architecture, Reference
from explorer.core.sources.designs.keras_build import build_design
from explorer.core.sources.designs.kinds import kind_of
from explorer.core.sources.designs.model import (
    MAX_LAYERS,
    Design,
    DesignLayer,
    layer_label,
    repeated_name,
)
from explorer.core.sources.designs.shapes import check, missing_input
from explorer.core.sources.designs.shapes import left_out as layers_left_out

if TYPE_CHECKING:
    import keras

FORMAT = "keras-architecture-explorer.design"
VERSION = 2  # the newest this program reads; it writes 1 where that is enough
SUFFIX = ".design.json"
FAMILY = QT_TRANSLATE_NOOP("Core", "Designs")
DESIGN_FILE = QT_TRANSLATE_NOOP("Core", "a design file")
DESIGN_LIMIT = 8 * MIB  # 5,000 layers (the most a design has) with every argument: ~1 MiB


class DesignFileError(ExplorerError):
    """A design file or text that cannot be read; nothing on screen changes."""


def _error(template: str, **values: object) -> DesignFileError:
    return DesignFileError(Text(template, **values))


def is_design_file(text: str) -> bool:
    return text.lower().endswith(SUFFIX)


def to_json(design: Design) -> str:
    version = _version(design)
    layers = [json.dumps(_entry(layer, version), ensure_ascii=False) for layer in design.layers]
    head = {"format": FORMAT, "version": version, "name": design.name}
    lines = [
        f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},"
        for key, value in head.items()
    ]
    body = ",\n".join(f"    {layer}" for layer in layers)
    tail = ""
    if design.outputs is not None and version > 1:
        tail = f',\n  "outputs": {json.dumps(list(design.outputs), ensure_ascii=False)}'
    return "{\n" + "\n".join(lines) + '\n  "layers": [\n' + body + "\n  ]" + tail + "\n}\n"


def _version(design: Design) -> int:
    """1 for a chain with no position, block or marked output beyond the last layer (what
    every version of the program reads); 2 otherwise."""
    plain = all(layer.position is None and layer.group is None for layer in design.layers)
    last = design.layers[-1].name if design.layers else None
    one_output = design.outputs is None or design.outputs == (last,)
    return 1 if plain and one_output and design.is_chain() else 2


def _entry(layer: DesignLayer, version: int) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "type": layer.kind,
        "name": layer.name,
        "args": {name: as_json_value(value) for name, value in layer.args},
    }
    if version > 1 and layer.inputs is not None and layer.kind != "Input":
        entry["inputs"] = list(layer.inputs)
    if layer.position is not None:
        entry["position"] = list(layer.position)
    if layer.group is not None:
        entry["group"] = layer.group
    return entry


_TEXT = QT_TRANSLATE_NOOP("Core", "text")  # what a name must be


def _field(data: Mapping[str, Any], key: str, kind: type, what: str, source: str) -> Any:
    value = data.get(key)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise _error(
            QT_TRANSLATE_NOOP("Core", "{source}: {key} must be {what}"),
            source=source,
            key=json.dumps(key),
            what=what,
        )
    return value


_KEYS = {1: ("type", "name", "args"), 2: ("type", "name", "args", "inputs", "position", "group")}


def _layer(entry: Any, number: int, source: str, version: int) -> DesignLayer:
    where = Text(
        QT_TRANSLATE_NOOP("Core", "{source}: layer {number}"), source=source, number=number
    )
    if not isinstance(entry, dict):
        raise _error(
            QT_TRANSLATE_NOOP("Core", "{where} is not an object with type, name and args"),
            where=where,
        )
    known = _KEYS[min(version, VERSION)]
    extra = sorted(set(entry) - set(known))
    if extra:
        raise _error(
            QT_TRANSLATE_NOOP("Core", "{where}: unknown key {key} (known: {known})"),
            where=where,
            key=shown(extra[0]),
            known=", ".join(known),
        )
    kind = _field(entry, "type", str, QT_TRANSLATE_NOOP("Core", "a layer type"), where)
    name = _field(entry, "name", str, _TEXT, where)
    try:
        kind_of(kind)  # an unknown type is said once, not also in the layer's label
    except ParameterError as error:
        raise _error("{where}: {error}", where=where, error=user_message(error)) from None
    args = entry.get("args", {})
    if not isinstance(args, dict):
        raise _error(
            QT_TRANSLATE_NOOP("Core", '{where} ({layer}): "args" must be an object'),
            where=where,
            layer=layer_label(kind, name),
        )
    group = entry.get("group")
    if group is not None and not isinstance(group, str):
        raise _error(
            QT_TRANSLATE_NOOP("Core", '{where} ({layer}): "group" must be a block name'),
            where=where,
            layer=layer_label(kind, name),
        )
    try:
        return DesignLayer(
            kind, name, tuple(args.items()), entry.get("inputs"), entry.get("position"), group
        )
    except ExplorerError as error:
        raise _error(
            "{where} ({layer}): {error}",
            where=where,
            layer=layer_label(kind, name),
            error=user_message(error),
        ) from None


def from_json(text: str, source: str = "design") -> Design:
    """The design in ``text``; ``source`` (a path) starts every message."""
    try:
        data = parse_json(text, source, DesignFileError)
    except json.JSONDecodeError as error:
        raise _error(
            QT_TRANSLATE_NOOP(
                "Core", "{source} is not JSON: {error} at line {line} column {column}"
            ),
            source=source,
            error=error.msg,
            line=error.lineno,
            column=error.colno,
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _error(
            QT_TRANSLATE_NOOP("Core", '{source} is not a design file: "format" is not "{format}"'),
            source=source,
            format=FORMAT,
        )
    version = _field(data, "version", int, QT_TRANSLATE_NOOP("Core", "a whole number"), source)
    if version < 1:
        raise _error(
            QT_TRANSLATE_NOOP("Core", '{source}: "version" must be a whole number from 1'),
            source=source,
        )
    if version > VERSION:
        raise _error(
            QT_TRANSLATE_NOOP(
                "Core",
                "{source} was written by a newer version ({version}); this program reads "
                "versions 1 to {supported}",
            ),
            source=source,
            version=version,
            supported=VERSION,
        )
    name = _field(data, "name", str, _TEXT, source)
    entries = _field(data, "layers", list, QT_TRANSLATE_NOOP("Core", "a list of layers"), source)
    if len(entries) > MAX_LAYERS:  # before any layer is read
        raise _error(
            QT_TRANSLATE_NOOP(
                "Core", "{source}: a design has at most {limit:,} layers; this one has {count:,}"
            ),
            source=source,
            limit=MAX_LAYERS,
            count=len(entries),
        )
    try:
        Design(name)
    except ExplorerError as error:
        raise _error("{source}: {error}", source=source, error=user_message(error)) from None
    layers = tuple(
        _layer(entry, number, source, version) for number, entry in enumerate(entries, start=1)
    )
    repeated = repeated_name(layers)  # one pass: a long design is read in linear time
    if repeated is not None:
        position, refusal = repeated
        raise _layer_error(source, position + 1, layers[position].label, user_message(refusal))
    design = _design(name, layers, _outputs(data, source) if version > 1 else None, source)
    found = missing_input(design)
    if version == 1 and found is not None:
        raise _error(
            QT_TRANSLATE_NOOP("Core", "{source}: the first layer must be an Input (found {found})"),
            source=source,
            found=found,
        )
    return design


def _layer_error(source: str, number: int, layer: str, error: str) -> DesignFileError:
    return _error(
        QT_TRANSLATE_NOOP("Core", "{source}: layer {number} ({layer}): {error}"),
        source=source,
        number=number,
        layer=layer,
        error=error,
    )


def _outputs(data: Mapping[str, Any], source: str) -> tuple[str, ...] | None:
    outputs = data.get("outputs")
    if outputs is None:
        return None
    if not isinstance(outputs, list) or not all(isinstance(name, str) for name in outputs):
        raise _error(
            QT_TRANSLATE_NOOP("Core", '{source}: "outputs" must be a list of layer names'),
            source=source,
        )
    return tuple(outputs)


def _design(
    name: str, layers: tuple[DesignLayer, ...], outputs: tuple[str, ...] | None, source: str
) -> Design:
    """The design, or what is wrong with its wiring, naming the layer by its number."""
    try:
        return Design(name, layers, outputs)
    except ParameterError as error:
        numbers = {layer.label: number for number, layer in enumerate(layers, start=1)}
        if error.param in numbers:  # an input naming no layer, a cycle
            raise _layer_error(source, numbers[error.param], error.param, error.message) from None
        # Too many layers once blocks count as theirs: the message says it all.
        said = error.message if error.param == "layers" else user_message(error)
        raise _error("{source}: {error}", source=source, error=said) from None


def load(path: str | Path) -> Design:
    """The design in the file at ``path``: a regular file of at most DESIGN_LIMIT bytes."""
    data = read_bytes(path, DESIGN_FILE, DESIGN_LIMIT, DesignFileError)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _error(
            QT_TRANSLATE_NOOP("Core", "{path} cannot be read: {reason}"),
            path=shown_path(path),
            reason=str(error),
        ) from None
    return from_json(text, str(path))


def save(design: Design, path: str | Path) -> Path:
    """Written atomically: a failure leaves the previous file as it was."""
    return write_text_atomic(path, to_json(design))


@dataclass(frozen=True)
class DesignBuilder:
    """An architecture's ``build`` for a design; keeps the design for ``design_from_reference``."""

    design: Design

    def __call__(self, values: Mapping[str, Value]) -> keras.Model:
        return build_design(self.design)


def design_of(reference: Reference) -> Design | None:
    """The design a reference was made from; None for a catalog model or a model file."""
    build = reference.architecture.build
    return build.design if isinstance(build, DesignBuilder) else None


def left_out(reference: Reference) -> list[tuple[str, str]]:
    """The layers of a design reference that do not fit and are left out of its model, each
    with its reason (the window shows them in red; the CLI warns); none for other models."""
    design = design_of(reference)
    return [] if design is None else layers_left_out(design, check(design))


def architecture_of(design: Design, architecture_id: str | None = None) -> Architecture:
    """A catalog-like entry without parameters; its id is the file's path or the design's name."""
    inputs = sum(layer.kind == "Input" for layer in design.layers)
    count = len(design.layers) - inputs  # as the table counts them
    return Architecture(
        id=architecture_id or design.name,
        title=design.name,
        family=FAMILY,
        description=Text(
            QT_TRANSLATE_NOOP("Core", "A design of {count} layers after its {inputs} inputs.")
            if inputs > 1
            else QT_TRANSLATE_NOOP("Core", "A design of {count} layer after its input.")
            if count == 1
            else QT_TRANSLATE_NOOP("Core", "A design of {count} layers after its input."),
            count=count,
            inputs=inputs,
        ),
        params=(),
        build=DesignBuilder(design),
        source=None if architecture_id else to_json(design),
    )


def architecture_for(path: str) -> Architecture:
    return architecture_of(load(path), str(path))


def reference_for(design: Design) -> Reference:
    return architecture_of(design).resolve()


def architecture_for_json(text: str) -> Architecture:
    return architecture_of(from_json(text))


def reference_for_json(text: str) -> Reference:
    """The design's JSON text (what the window sends its worker) -> a reference to build.

    ``catalog.parse_reference`` accepts the same text, so the worker needs no change."""
    return architecture_for_json(text).resolve()


def design_blocks(reference: Reference) -> dict[str, tuple[str, ...]]:
    """A design's named blocks (Group as Block, Expand Block) as the Keras layers of each, for
    the drawing to fold; none for a reference that is not a design."""
    design = design_of(reference)
    if design is None:
        return {}
    return {
        group: tuple(n for name in names for n in design.layer(name).keras_names())
        for group, names in design.groups().items()
    }
