"""What a kind of design layer is, and the argument specs several kinds share."""

from __future__ import annotations

from dataclasses import dataclass

from explorer.core.base.texts import QT_TRANSLATE_NOOP
from explorer.core.params.specs import (
    BoolParam,
    ChoiceParam,
    FloatParam,
    IntParam,
    Param,
    find_param,
)

ACTIVATIONS = (
    "linear",
    "relu",
    "relu6",
    "leaky_relu",
    "elu",
    "selu",
    "gelu",
    "swish",
    "mish",
    "sigmoid",
    "hard_sigmoid",
    "tanh",
    "softplus",
    "softmax",
)


@dataclass(frozen=True)
class LayerKind:
    """One kind of layer: ``type`` is the Keras class name (ResidualBlock expands to several)."""

    type: str
    default_name: str  # Keras's automatic name: conv2d, conv2d_1, ...
    description: str
    params: tuple[Param, ...]
    required: tuple[str, ...] = ()
    min_inputs: int = 1
    max_inputs: int | None = 1  # None: any number (Add, Concatenate...)
    ports: tuple[str, ...] = ()  # labels of the first input ports (MultiHeadAttention: query...)

    def param(self, name: str) -> Param:
        return find_param(self.params, name)

    def port_names(self, count: int) -> tuple[str, ...]:
        """The labels of ``count`` input ports in order: the kind's own names where it has them
        (query, value), numbers for a merge of any number (1, 2, ...), none for a single input."""
        if not self.ports and self.max_inputs == 1:
            return ("",) * count
        return tuple(
            self.ports[slot] if slot < len(self.ports) else str(slot + 1) for slot in range(count)
        )


def activation(default: str = "linear") -> ChoiceParam:
    return ChoiceParam(
        "activation",
        default,
        ACTIVATIONS,
        QT_TRANSLATE_NOOP("Core", "Function applied to every output value"),
    )


USE_BIAS = BoolParam(
    "use_bias", True, QT_TRANSLATE_NOOP("Core", "Add a learned offset to every output channel")
)
KERNEL = IntParam(
    "kernel_size",
    3,
    1,
    31,
    QT_TRANSLATE_NOOP("Core", "Side of the square kernel"),
    label=QT_TRANSLATE_NOOP("Core", "Kernel size"),
)
EPSILON = FloatParam(
    "epsilon", 0.001, 1e-12, 1.0, QT_TRANSLATE_NOOP("Core", "Added to the variance before dividing")
)


def filters(default: int) -> IntParam:
    return IntParam("filters", default, 1, 4096, QT_TRANSLATE_NOOP("Core", "Output channels"))
