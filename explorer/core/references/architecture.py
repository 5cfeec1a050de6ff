"""An architecture (id, parameters, how to build it) and a reference: an architecture with every
parameter resolved. Plain data; where architectures come from is ``explorer.core.sources``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from explorer.core.params.specs import Param, Value, find_param
from explorer.core.params.values import format_value, resolve

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
        return find_param(self.params, name)

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
