"""Code export of graph designs (issue 16): several Inputs and outputs, merges, attention's
query and value, residual blocks on a branch, layers left out; Sequential only for a chain."""

from __future__ import annotations

from typing import Any

import pytest

from explorer.core.exports.code import CodeExportError, code_for_design
from explorer.core.sources.designs.model import Design, DesignLayer


def _layer(kind: str, name: str, inputs: tuple[str, ...] | None = None, **args: Any) -> DesignLayer:
    return DesignLayer(kind, name, tuple(args.items()), inputs=inputs)


def _input(name: str, *shape: int) -> DesignLayer:
    return _layer("Input", name, shape=shape)


def _dense(name: str, units: int, inputs: tuple[str, ...] | None = None) -> DesignLayer:
    return _layer("Dense", name, inputs, units=units)


CHAIN_START = (_input("input_layer", 8), _dense("a", 4), _dense("b", 4))


@pytest.mark.parametrize(
    ("layers", "outputs", "reason"),
    [
        (
            (*CHAIN_START, _input("extra", 4), _layer("Add", "add", ("b", "extra"))),
            None,
            "it has 2 Inputs (input_layer, extra)",
        ),
        (
            (*CHAIN_START, _layer("Add", "add", ("a", "b"))),
            None,
            "Add add takes 2 inputs",
        ),
        (
            (*CHAIN_START, _dense("c", 4, ("a",))),
            ("b", "c"),
            "Dense a feeds 2 layers (b, c)",
        ),
        (
            (_dense("a", 4, ("input_layer",)), _input("input_layer", 8), _dense("b", 4, ("a",))),
            None,
            "its first layer Dense a is not its Input",
        ),
        ((*CHAIN_START, _dense("c", 4, ())), None, "Dense c has no input"),
        (
            (_input("input_layer", 8), _dense("a", 4, ("b",)), _dense("b", 4, ("input_layer",))),
            ("a",),
            "Dense a does not take the layer before it (input_layer)",
        ),
        (CHAIN_START, ("a", "b"), "its outputs are a, b, not its last layer alone"),
        (CHAIN_START, ("a",), "its outputs are a, not its last layer alone"),
    ],
)
def test_sequential_only_for_a_chain_with_what_breaks_the_chain(
    layers: tuple[DesignLayer, ...], outputs: tuple[str, ...] | None, reason: str
) -> None:
    design = Design("net", layers, outputs)
    with pytest.raises(CodeExportError) as caught:
        code_for_design(design, "sequential")
    assert str(caught.value) == (
        f"net cannot be written as a Sequential model: {reason}; use the functional or "
        "subclassing style"
    )
