"""Shapes and how they are written.

``Shape`` is a tensor's shape with the batch axis first and None where a size is not fixed:
``(None, 112, 112, 16)``. ``FixedShape`` has every size known: an input without its batch axis
(``224x224x3``) or a weights array.
"""

from __future__ import annotations

Shape = tuple[int | None, ...]
FixedShape = tuple[int, ...]


def shape_text(shape: Shape) -> str:
    """``(None, 112, 112, 16)``, as Keras prints an output shape."""
    return "(" + ", ".join("None" if d is None else str(d) for d in shape) + ")"


def format_shape(shape: FixedShape) -> str:
    """``224x224x3``: how references and ``--set`` write a shape."""
    return "x".join(str(s) for s in shape)
