"""What a layer of several inputs makes of their shapes, or why it cannot, as Keras decides.

Add, Subtract, Multiply, Average and Maximum work element by element: the shapes must agree
(Keras broadcasts an axis of 1). Where two images differ, the message suggests the 1×1
projection a ResNet puts on its shortcut. Concatenate needs every axis equal except its own;
Dot sums one axis of each input; a MultiHeadAttention of two inputs attends from the query to
the value and gives the query's shape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.core.base.shapes import Shape, shape_text
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.sources.designs.layer_shapes import Unusable, needs_rank

if TYPE_CHECKING:
    from explorer.core.sources.designs.design_layer import DesignLayer

ELEMENTWISE = ("Add", "Subtract", "Multiply", "Average", "Maximum")
MERGES = (*ELEMENTWISE, "Concatenate", "Dot")


def merged_shape(layer: DesignLayer, shapes: tuple[Shape, ...]) -> Shape:
    """The output shape of a merge (or a MultiHeadAttention of query and value)."""
    if layer.kind in ELEMENTWISE:  # the batch apart, as Keras does
        out = shapes[0][1:]
        for slot, shape in enumerate(shapes[1:], start=1):
            out = _broadcast(out, shape[1:], (shapes[0], shape), slot)
        return (shapes[0][0], *out)
    if layer.kind == "Concatenate":
        return _concatenated(int(layer.values["axis"]), shapes)
    if layer.kind == "Dot":
        return _dotted(int(layer.values["axes"]), shapes)
    for slot, shape in enumerate(shapes):  # MultiHeadAttention: query, value
        try:
            needs_rank(layer, shape)
        except Unusable as unusable:
            raise Unusable(unusable.reason, (slot,)) from None
    return shapes[0]


def _broadcast(first: Shape, other: Shape, shown: tuple[Shape, Shape], slot: int) -> Shape:
    """Keras's element-wise output shape of two inputs without their batch axis (an axis of 1
    or None takes the other's); ``shown`` are the two inputs a refusal names."""
    longer, shorter = (first, other) if len(first) >= len(other) else (other, first)
    out = list(longer[: len(longer) - len(shorter)])
    for a, b in zip(longer[len(longer) - len(shorter) :], shorter, strict=True):
        if a is None or b is None:
            out.append(None)
        elif a == 1 or b == 1:
            out.append(b if a == 1 else a)
        elif a != b:
            raise Unusable(_differ(*shown), (0, slot))
        else:
            out.append(a)
    return tuple(out)


def _differ(first: Shape, other: Shape) -> str:
    """Two shapes that do not add up, and where two images differ the projection that fits."""
    text = Text(
        QT_TRANSLATE_NOOP("Core", "inputs {first} and {other} differ"),
        first=shape_text(first),
        other=shape_text(other),
    )
    if len(first) != 4 or len(other) != 4 or None in (*first[1:], *other[1:]):
        return text
    big, small = (first, other) if first[1] >= other[1] else (other, first)  # type: ignore[operator]  # sizes all known
    strides = big[1] // small[1]  # type: ignore[operator]  # sizes all known
    if big[1:3] != small[1:3] and big[1:3] == (small[1] * strides, small[2] * strides):  # type: ignore[operator]  # sizes all known
        return Text(
            QT_TRANSLATE_NOOP("Core", "{text}; use a projection (1×1 Conv2D with strides {n})"),
            text=text,
            n=strides,
        )
    if big[1:3] == small[1:3]:
        return Text(
            QT_TRANSLATE_NOOP("Core", "{text}; use a projection (1×1 Conv2D with {n} filters)"),
            text=text,
            n=max(first[3], other[3]),  # type: ignore[type-var]  # sizes all known
        )
    return text


def _concatenated(axis: int, shapes: tuple[Shape, ...]) -> Shape:
    first = shapes[0]
    for slot, shape in enumerate(shapes[1:], start=1):
        if len(shape) != len(first):
            raise Unusable(
                Text(
                    QT_TRANSLATE_NOOP("Core", "inputs {first} and {other} have different ranks"),
                    first=shape_text(first),
                    other=shape_text(shape),
                ),
                (0, slot),
            )
    at = _axis(axis, len(first), QT_TRANSLATE_NOOP("Core", "cannot concatenate on {what}"))
    for slot, shape in enumerate(shapes[1:], start=1):
        for index, (a, b) in enumerate(zip(first, shape, strict=True)):
            if index != at and a is not None and b is not None and a != b:
                raise Unusable(
                    Text(
                        QT_TRANSLATE_NOOP("Core", "shapes differ on axis {axis} ({a} vs {b})"),
                        axis=index,
                        a=a,
                        b=b,
                    ),
                    (0, slot),
                )
    sizes = [shape[at] for shape in shapes]
    total = None if None in sizes else sum(size for size in sizes if size is not None)
    return (*first[:at], total, *first[at + 1 :])


def _axis(axis: int, rank: int, refusal: str) -> int:
    """``axis`` (negative: from the end) as an index into a shape of ``rank`` axes, never the
    batch's (0)."""
    at = axis + rank if axis < 0 else axis
    if at == 0:
        raise Unusable(
            Text(
                refusal, what=Text(QT_TRANSLATE_NOOP("Core", "the batch axis ({axis})"), axis=axis)
            )
        )
    if not 0 < at < rank:
        raise Unusable(
            Text(
                QT_TRANSLATE_NOOP("Core", "axis {axis} is outside its {rank}-D inputs"),
                axis=axis,
                rank=rank,
            )
        )
    return at


def _dotted(axes: int, shapes: tuple[Shape, ...]) -> Shape:
    """Keras's Dot: one axis of each input summed away, the rest laid side by side."""
    refusal = QT_TRANSLATE_NOOP("Core", "cannot sum over {what}")
    x, y = shapes
    at_x, at_y = _axis(axes, len(x), refusal), _axis(axes, len(y), refusal)
    if x[at_x] is not None and y[at_y] is not None and x[at_x] != y[at_y]:
        raise Unusable(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core", "the axes summed over differ: {a} in x {x}, {b} in y {y}"
                ),
                a=x[at_x],
                b=y[at_y],
                x=shape_text(x),
                y=shape_text(y),
            ),
            (0, 1),
        )
    out = (*x[:at_x], *x[at_x + 1 :], *y[1:at_y], *y[at_y + 1 :])
    return out if len(out) > 1 else (*out, 1)
