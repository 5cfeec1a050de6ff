"""The registry of architectures and the parser of references such as ``ID:NAME=VALUE,...``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from explorer.core.errors import ParameterError
from explorer.core.params import Param, Value, format_value, parse_assignments, resolve

if TYPE_CHECKING:
    import keras

Builder = Callable[[Mapping[str, Value]], "keras.Model"]
Checker = Callable[[Mapping[str, Value]], None]


@dataclass(frozen=True)
class Architecture:
    id: str
    title: str
    family: str
    description: str
    params: tuple[Param, ...]
    build: Builder = field(repr=False)
    # Cross-parameter checks that must pass before any TensorFlow work starts.
    check: Checker | None = field(default=None, repr=False)
    # What parse_reference needs when the id is not enough: an unsaved design's JSON text.
    source: str | None = field(default=None, repr=False)

    def param(self, name: str) -> Param:
        for spec in self.params:
            if spec.name == name:
                return spec
        raise KeyError(name)

    def resolve(self, overrides: Mapping[str, object] | None = None) -> Reference:
        values = resolve(self.params, overrides or {}, owner=self.id)
        if self.check is not None:
            self.check(values)
        return Reference(self, tuple(values.items()))


@dataclass(frozen=True)
class Reference:
    """An architecture with every parameter resolved and validated."""

    architecture: Architecture
    items: tuple[tuple[str, Value], ...]

    @property
    def values(self) -> dict[str, Value]:
        return dict(self.items)

    def text(self) -> str:
        """The reference written back, naming only values that differ from the defaults."""
        changed = [
            f"{name}={format_value(value)}"
            for name, value in self.items
            if value != self.architecture.param(name).default
        ]
        return self.architecture.id + (":" + ",".join(changed) if changed else "")

    def request_text(self) -> str:
        """What ``parse_reference`` turns back into this reference (the worker gets this):
        ``text()``, or the JSON of a design that lives only in the window."""
        return self.architecture.source or self.text()

    def build(self) -> keras.Model:
        return self.architecture.build(self.values)


@cache
def architectures() -> tuple[Architecture, ...]:
    from explorer.core.architectures import applications, resnet, simple_cnn

    entries = simple_cnn.ARCHITECTURES + resnet.ARCHITECTURES + applications.ARCHITECTURES
    ids = [a.id for a in entries]
    assert len(ids) == len(set(ids)), "architecture ids must be unique"
    return entries


def families() -> tuple[str, ...]:
    return tuple(dict.fromkeys(a.family for a in architectures()))


def get(architecture_id: str) -> Architecture:
    key = architecture_id.strip().lower()
    for arch in architectures():
        if arch.id == key:
            return arch
    known = ", ".join(a.id for a in architectures())
    raise ParameterError(
        "architecture", f"unknown architecture {architecture_id!r} (known: {known})"
    )


def parse_reference(text: str, overrides: Mapping[str, Any] | None = None) -> Reference:
    """``resnet50:classes=10,input_shape=32x32x3``, a model file ``net.keras[:trust=true]``, a
    design file ``net.design.json`` or a design's JSON text; ``overrides`` (``--set``) win over
    the text."""
    head, colon, tail = text.rpartition(":")
    if text.lstrip().startswith("{"):
        from explorer.core.design_files import architecture_for_json

        arch, rest = architecture_for_json(text), ""
    elif (file_arch := _file_architecture(text)) is not None:
        arch, rest = file_arch, ""
    elif colon and (file_arch := _file_architecture(head)) is not None:
        arch, rest = file_arch, tail
    else:
        arch_id, _, rest = text.partition(":")
        arch = get(arch_id)
    inline = parse_assignments([p for p in rest.split(",") if p.strip()], source=text)
    return arch.resolve({**inline, **(overrides or {})})


def _file_architecture(path: str) -> Architecture | None:
    """The entry for a model or design file, or None when ``path`` names neither."""
    from explorer.core import design_files, model_files

    if model_files.is_model_file(path):
        return model_files.architecture_for(path)
    if design_files.is_design_file(path):
        return design_files.architecture_for(path)
    return None
