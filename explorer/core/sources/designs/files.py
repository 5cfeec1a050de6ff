"""Design files (``*.design.json``) and in-memory designs as architecture references.

The file is one JSON object, written one layer per line with every argument in spec order::

    {
      "format": "keras-architecture-explorer.design",
      "version": 1,
      "name": "small-vgg",
      "layers": [
        {"type": "Input", "name": "input_layer", "args": {"shape": [32, 32, 3]}},
        {"type": "Conv2D", "name": "conv1", "args": {"filters": 32, "kernel_size": 3, ...}}
      ]
    }

``type`` is a kind of ``kinds.KINDS``; ``args`` may leave out arguments (they take their
defaults); shapes are lists. The first layer must be an Input. Messages count layers from 1.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.core.base.errors import ExplorerError
from explorer.core.base.files import write_text_atomic
from explorer.core.params.specs import Value
from explorer.core.params.values import as_json_value
from explorer.core.references.architecture import Architecture, Reference
from explorer.core.sources.designs.keras_build import build_design
from explorer.core.sources.designs.model import Design, DesignLayer
from explorer.core.sources.designs.shapes import missing_input

if TYPE_CHECKING:
    import keras

FORMAT = "keras-architecture-explorer.design"
VERSION = 1
SUFFIX = ".design.json"
FAMILY = "Designs"


class DesignFileError(ExplorerError):
    """A design file or text that cannot be read; nothing on screen changes."""


def is_design_file(text: str) -> bool:
    return text.lower().endswith(SUFFIX)


def to_json(design: Design) -> str:
    layers = [
        json.dumps(
            {
                "type": layer.kind,
                "name": layer.name,
                "args": {name: as_json_value(value) for name, value in layer.args},
            },
            ensure_ascii=False,
        )
        for layer in design.layers
    ]
    head = {"format": FORMAT, "version": VERSION, "name": design.name}
    lines = [
        f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},"
        for key, value in head.items()
    ]
    body = ",\n".join(f"    {layer}" for layer in layers)
    return "{\n" + "\n".join(lines) + '\n  "layers": [\n' + body + "\n  ]\n}\n"


def _field(data: Mapping[str, Any], key: str, kind: type, what: str, source: str) -> Any:
    value = data.get(key)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise DesignFileError(f"{source}: {json.dumps(key)} must be {what}")
    return value


def _layer(entry: Any, number: int, source: str) -> DesignLayer:
    where = f"{source}: layer {number}"
    if not isinstance(entry, dict):
        raise DesignFileError(f"{where} is not an object with type, name and args")
    extra = sorted(set(entry) - {"type", "name", "args"})
    if extra:
        raise DesignFileError(f"{where}: unknown key {extra[0]!r} (known: type, name, args)")
    kind = _field(entry, "type", str, "a layer type", where)
    name = _field(entry, "name", str, "text", where)
    args = entry.get("args", {})
    if not isinstance(args, dict):
        raise DesignFileError(f'{where} ({kind} {name}): "args" must be an object')
    try:
        return DesignLayer(kind, name, tuple(args.items()))
    except ExplorerError as error:
        raise DesignFileError(f"{where} ({kind} {name}): {error}") from None


def from_json(text: str, source: str = "design") -> Design:
    """The design in ``text``; ``source`` (a path) starts every message."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise DesignFileError(
            f"{source} is not JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DesignFileError(f'{source} is not a design file: "format" is not "{FORMAT}"')
    version = _field(data, "version", int, "a whole number", source)
    if version < 1:
        raise DesignFileError(f'{source}: "version" must be a whole number from 1')
    if version > VERSION:
        raise DesignFileError(
            f"{source} was written by a newer version ({version}); "
            f"this program reads version {VERSION}"
        )
    name = _field(data, "name", str, "text", source)
    entries = _field(data, "layers", list, "a list of layers", source)
    try:
        design = Design(name)
    except ExplorerError as error:
        raise DesignFileError(f"{source}: {error}") from None
    for number, entry in enumerate(entries, start=1):
        layer = _layer(entry, number, source)
        try:
            design = design.append(layer)
        except ExplorerError as error:
            raise DesignFileError(
                f"{source}: layer {number} ({layer.kind} {layer.name}): {error}"
            ) from None
    found = missing_input(design)
    if found is not None:
        raise DesignFileError(f"{source}: the first layer must be an Input (found {found})")
    return design


def load(path: str | Path) -> Design:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DesignFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise DesignFileError(f"{path} cannot be read: {reason}") from None
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


def architecture_of(design: Design, architecture_id: str | None = None) -> Architecture:
    """A catalog-like entry without parameters; its id is the file's path or the design's name."""
    count = sum(layer.kind != "Input" for layer in design.layers)  # as the table counts them
    return Architecture(
        id=architecture_id or design.name,
        title=design.name,
        family=FAMILY,
        description=f"A design of {count} layer{'s' * (count != 1)} after its input.",
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
