"""Parameter values: resolved against their specs, parsed from NAME=VALUE, written back."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from explorer.core.base.errors import ParameterError, shown
from explorer.core.base.shapes import format_shape
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.params.specs import Param, Value, unknown_param


def format_value(value: Value) -> str:
    """The text form a reference or ``--set`` accepts back."""
    if isinstance(value, tuple):
        return format_shape(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def resolve(
    specs: tuple[Param, ...], overrides: Mapping[str, object], *, owner: str
) -> dict[str, Value]:
    """Defaults overlaid with ``overrides`` (strings or typed values), every value checked."""
    names = {spec.name for spec in specs}
    for name in overrides:
        if name not in names:
            raise unknown_param(specs, name, owner)
    return {
        spec.name: spec.coerce(overrides[spec.name]) if spec.name in overrides else spec.default
        for spec in specs
    }


def parse_assignments(items: list[str] | tuple[str, ...], *, source: str) -> dict[str, str]:
    """``["a=1", "b=2"]`` -> ``{"a": "1", "b": "2"}``; ``source`` names where they came from.

    A name given twice is refused rather than one of its values dropped unseen."""
    result: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise ParameterError(
                source,
                Text(QT_TRANSLATE_NOOP("Core", "{item} is not NAME=VALUE"), item=shown(item)),
            )
        if name in result:
            raise ParameterError(
                name,
                Text(
                    QT_TRANSLATE_NOOP("Core", "given twice, as {first} and as {second}"),
                    first=shown(result[name]),
                    second=shown(value.strip()),
                ),
            )
        result[name] = value.strip()
    return result


def as_json_value(value: Any) -> Any:
    """Resolved values as JSON: shapes become lists."""
    return list(value) if isinstance(value, tuple) else value
