"""The catalog: the architectures the program knows by id (simple-cnn, the ResNets, Keras
applications, ViT and BERT), each with its parameters."""

from __future__ import annotations

from functools import cache

from explorer.core.base.errors import ParameterError, shown
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.references.architecture import Architecture


@cache
def architectures() -> tuple[Architecture, ...]:
    from explorer.core.sources.catalog import applications, resnet, simple_cnn, transformers

    entries = (
        simple_cnn.ARCHITECTURES
        + resnet.ARCHITECTURES
        + applications.ARCHITECTURES
        + transformers.ARCHITECTURES
    )
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
        "architecture",
        Text(
            QT_TRANSLATE_NOOP("Core", "unknown architecture {name} (known: {known})"),
            name=shown(architecture_id),
            known=known,
        ),
    )
