"""References as text (``ID:NAME=VALUE,...``, a model file, a design file, an example design
``examples:NAME`` or a design's JSON) turned into a :class:`Reference` from the source that holds
the architecture."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from explorer.core.params.values import parse_assignments
from explorer.core.references.architecture import Architecture, Reference
from explorer.core.sources import model_files
from explorer.core.sources.catalog import get
from explorer.core.sources.designs import examples
from explorer.core.sources.designs import files as design_files


def parse_reference(text: str, overrides: Mapping[str, Any] | None = None) -> Reference:
    """``resnet50:classes=10,input_shape=32x32x3``, a model file ``net.keras[:trust=true]``, a
    design file ``net.design.json``, an example design ``examples:mini-resnet`` (the prefix wins
    over a file of that name) or a design's JSON text; ``overrides`` (``--set``) win over the
    text."""
    head, colon, tail = text.rpartition(":")
    if text.lstrip().startswith("{"):
        arch, rest = design_files.architecture_for_json(text), ""
    elif examples.is_example(text):
        name, _, rest = text.strip()[len(examples.PREFIX) :].partition(":")
        arch = examples.architecture_for(name)
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
    if model_files.is_model_file(path):
        return model_files.architecture_for(path)
    if design_files.is_design_file(path):
        return design_files.architecture_for(path)
    return None
