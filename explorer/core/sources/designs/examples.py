"""The example designs shipped with the program, as references by name: ``examples:mini-resnet``.

An installed copy holds them as package data in ``explorer/resources/designs`` (pyproject.toml
maps the repository's ``resources/designs`` there); a source checkout, or an editable install of
one, reads the repository's ``resources/designs``: the same relative path, one folder up.
"""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.core.base.errors import SHOWN_LIMIT, shown
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.sources.designs.files import (
    SUFFIX,
    DesignFileError,
    architecture_of,
    from_json,
    is_design_file,
)

if TYPE_CHECKING:
    from explorer.core.references.architecture import Architecture

    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

PREFIX = "examples:"


def examples_folder() -> Traversable:
    packaged = files("explorer") / "resources" / "designs"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[4] / "resources" / "designs"


def example_designs() -> list[Traversable]:
    """The example files, by name."""
    found = (entry for entry in examples_folder().iterdir() if is_design_file(entry.name))
    return sorted(found, key=lambda entry: entry.name)


def example_names() -> list[str]:
    return [entry.name[: -len(SUFFIX)] for entry in example_designs()]


def is_example(text: str) -> bool:
    return text.strip().lower().startswith(PREFIX)


def architecture_for(name: str) -> Architecture:
    """``mini-resnet`` or ``mini-resnet.design.json`` (what follows ``examples:``); the entry's id
    is ``examples:mini-resnet`` either way, which the worker resolves again."""
    wanted = name.strip().lower()
    wanted = wanted[: -len(SUFFIX)] if is_design_file(wanted) else wanted
    for entry in example_designs():
        if entry.name == wanted + SUFFIX:
            reference = PREFIX + wanted
            design = from_json(entry.read_text(encoding="utf-8"), reference)
            return architecture_of(design, reference)
    known = ", ".join(example_names())
    asked = PREFIX + name.strip()
    raise DesignFileError(
        Text(
            QT_TRANSLATE_NOOP("Core", "{name}: unknown example (known: {known})"),
            name=asked if len(asked) <= SHOWN_LIMIT else shown(asked),  # a long one is cut
            known=known,
        )
    )
