"""Parameter values: resolved against their specs, parsed from NAME=VALUE, written back."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from explorer.core.base.errors import ParameterError
from explorer.core.base.shapes import format_shape
from explorer.core.params.specs import Param, Value


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
    by_name = {spec.name: spec for spec in specs}
    for name in overrides:
        if name not in by_name:
            known = ", ".join(by_name) or "none"
            raise ParameterError(name, f"unknown parameter for {owner} (known: {known})")
    return {
        spec.name: spec.coerce(overrides[spec.name]) if spec.name in overrides else spec.default
        for spec in specs
    }


def parse_assignments(items: list[str] | tuple[str, ...], *, source: str) -> dict[str, str]:
    """``["a=1", "b=2"]`` -> ``{"a": "1", "b": "2"}``; ``source`` names where they came from."""
    result: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise ParameterError(source, f"{item!r} is not NAME=VALUE")
        result[name] = value.strip()
    return result


def as_json_value(value: Any) -> Any:
    """Resolved values as JSON: shapes become lists."""
    return list(value) if isinstance(value, tuple) else value
