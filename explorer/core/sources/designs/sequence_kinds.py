"""The kinds of layer that work on sequences: token ids, then steps x features.

A sequence design starts with an Input of steps (token ids, an Embedding next) or of steps x
features; the shape check (``shapes``) says which kinds need a sequence and refuses the others.
"""

from __future__ import annotations

from explorer.core.base.texts import QT_TRANSLATE_NOOP
from explorer.core.params.specs import BoolParam, ChoiceParam, IntParam
from explorer.core.sources.designs.layer_kind import (
    EPSILON,
    USE_BIAS,
    LayerKind,
    activation,
    filters,
)

SELF_ATTENTION = ("MultiHeadAttention",)  # kinds called with the sequence as query and value


def _units() -> IntParam:
    return IntParam(
        "units", 32, 1, 4096, QT_TRANSLATE_NOOP("Core", "Size of the state, and of each output")
    )


_RETURN_SEQUENCES = BoolParam(
    "return_sequences",
    False,
    QT_TRANSLATE_NOOP(
        "Core",
        "An output at every step (steps x units), not only after the last (units): needed "
        "before another recurrent, attention or Conv1D layer",
    ),
)


def _recurrent(kind: str, name: str, description: str) -> LayerKind:
    return LayerKind(kind, name, description, (_units(), _RETURN_SEQUENCES), ("units",))


SEQUENCE_KINDS = (
    LayerKind(
        "Embedding",
        "embedding",
        QT_TRANSLATE_NOOP(
            "Core",
            "Looks up a learned vector for each token id: steps become steps x output_dim. "
            "Comes right after an Input of token ids (steps alone).",
        ),
        (
            IntParam(
                "input_dim",
                10_000,
                1,
                1_000_000,
                QT_TRANSLATE_NOOP("Core", "Vocabulary size: token ids go from 0 to this minus 1"),
                label=QT_TRANSLATE_NOOP("Core", "Vocabulary"),
            ),
            IntParam(
                "output_dim",
                64,
                1,
                4096,
                QT_TRANSLATE_NOOP("Core", "Width of each token's vector"),
                label=QT_TRANSLATE_NOOP("Core", "Vector width"),
            ),
        ),
        ("input_dim", "output_dim"),
    ),
    LayerKind(
        "Conv1D",
        "conv1d",
        QT_TRANSLATE_NOOP(
            "Core",
            "Slides learned kernels along the sequence; each filter gives one output feature.",
        ),
        (
            filters(32),
            IntParam(
                "kernel_size",
                3,
                1,
                255,
                QT_TRANSLATE_NOOP("Core", "Steps the kernel covers"),
                label=QT_TRANSLATE_NOOP("Core", "Kernel size"),
            ),
            IntParam(
                "strides",
                1,
                1,
                16,
                QT_TRANSLATE_NOOP("Core", "Step of the window along the sequence"),
            ),
            ChoiceParam(
                "padding",
                "valid",
                ("valid", "same", "causal"),
                QT_TRANSLATE_NOOP(
                    "Core",
                    "valid: no padding, the output shrinks; same: zeros around, output = "
                    "ceil(steps / strides); causal: zeros before, so no step sees a later one",
                ),
            ),
            activation(),
            USE_BIAS,
        ),
        ("filters", "kernel_size"),
    ),
    LayerKind(
        "GlobalAveragePooling1D",
        "global_average_pooling1d",
        QT_TRANSLATE_NOOP(
            "Core", "Averages each feature over all steps: steps x features becomes features."
        ),
        (),
    ),
    _recurrent(
        "LSTM",
        "lstm",
        QT_TRANSLATE_NOOP(
            "Core",
            "Long short-term memory: reads the sequence step by step, keeping a state through "
            "four learned gates.",
        ),
    ),
    _recurrent(
        "GRU",
        "gru",
        QT_TRANSLATE_NOOP(
            "Core",
            "Gated recurrent unit: reads the sequence step by step, keeping a state through "
            "three learned gates.",
        ),
    ),
    LayerKind(
        "MultiHeadAttention",
        "multi_head_attention",
        QT_TRANSLATE_NOOP(
            "Core",
            "Attention: every step of the query looks at every step of the value (which is "
            "also the key). One input is self-attention: the sequence is query and value. The "
            "output has the query's shape.",
        ),
        (
            IntParam("num_heads", 2, 1, 256, QT_TRANSLATE_NOOP("Core", "Attention heads")),
            IntParam(
                "key_dim",
                16,
                1,
                4096,
                QT_TRANSLATE_NOOP("Core", "Width of each head's queries, keys and values"),
            ),
        ),
        ("num_heads", "key_dim"),
        max_inputs=2,
        ports=(QT_TRANSLATE_NOOP("Core", "query"), QT_TRANSLATE_NOOP("Core", "value")),
    ),
    LayerKind(
        "LayerNormalization",
        "layer_normalization",
        QT_TRANSLATE_NOOP(
            "Core",
            "Normalises each position over its last axis (its features), then scales and "
            "shifts it.",
        ),
        (EPSILON,),
    ),
)
