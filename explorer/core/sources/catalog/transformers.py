"""Transformer encoders built from Keras layers: ViT-Ti/S/B 16 (Dosovitskiy et al. 2020, as
timm has them) and BERT-style encoders (Devlin et al. 2018, as Hugging Face's bert-base-uncased).

Nothing is downloaded and keras-hub is not needed: three small layers of our own (a class
token, a learned position embedding, the first token of a sequence) are registered with Keras
under ``explorer>``, so previews, full builds, weights files and ``.keras`` files all work.
Layer names let ``analysis.stages`` group them: the embedding before ``encoder_block1_*``, the
encoder blocks, then the head.

Positions: a ViT's table has one row per token (1 + patches), so it grows with the input; a
BERT's table has ``max_positions`` rows (512, as trained) whatever ``sequence_length`` is, and a
sequence uses its first ``sequence_length`` rows, so the parameter count does not change with
the sequence length.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, partial
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, cast

from explorer.core.base.errors import ParameterError
from explorer.core.base.shapes import format_shape
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.params.specs import FixedShape, IntParam, ShapeParam, Value
from explorer.core.references.architecture import Architecture

if TYPE_CHECKING:
    import keras

BLOCK_PREFIX = "encoder_block"  # encoder_block3_attention: the names analysis.stages reads
MAX_TOKENS = 65_536  # beyond this even a preview's attention shapes mean nothing to a person
# Help shared by ViT's and BERT's parameters.
_BLOCKS_HELP = QT_TRANSLATE_NOOP("Core", "Encoder blocks")
_HEADS_HELP = QT_TRANSLATE_NOOP("Core", "Attention heads in each block")
_MLP_HELP = QT_TRANSLATE_NOOP("Core", "Units of the first Dense layer of each block's MLP")


@cache
def keras_layers() -> SimpleNamespace:
    """The three layers of our own, registered with Keras (a ``.keras`` file of a model made of
    them opens once this has run)."""
    import keras

    register = partial(keras.saving.register_keras_serializable, package="explorer")

    @register()
    class ClassToken(keras.layers.Layer):
        """Puts one learned token of the sequence's width in front of the sequence."""

        element_wise = True  # no multiplication: 0 MACs (analysis.cost.ELEMENT_WISE)

        def build(self, input_shape: Any) -> None:
            self.token = self.add_weight(
                shape=(1, 1, input_shape[-1]), initializer="zeros", name="token"
            )

        def call(self, inputs: Any) -> Any:
            batch = keras.ops.shape(inputs)[0]
            token = keras.ops.broadcast_to(self.token, (batch, 1, inputs.shape[-1]))
            return keras.ops.concatenate([keras.ops.cast(token, inputs.dtype), inputs], axis=1)

        def compute_output_shape(self, input_shape: Any) -> Any:
            length = None if input_shape[1] is None else input_shape[1] + 1
            return (input_shape[0], length, input_shape[-1])

    @register()
    class PositionEmbedding(keras.layers.Layer):
        """Adds a learned vector per position: the first ``length`` rows of a table of
        ``max_positions``."""

        element_wise = True  # an addition: 0 MACs

        def __init__(self, max_positions: int, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.max_positions = max_positions

        def build(self, input_shape: Any) -> None:
            self.table = self.add_weight(
                shape=(self.max_positions, input_shape[-1]),
                initializer=keras.initializers.TruncatedNormal(stddev=0.02),
                name="table",
            )

        def call(self, inputs: Any) -> Any:
            length = inputs.shape[1]
            return inputs + keras.ops.cast(self.table[:length], inputs.dtype)

        def get_config(self) -> dict[str, Any]:
            return {**super().get_config(), "max_positions": self.max_positions}

    @register()
    class FirstToken(keras.layers.Layer):
        """The sequence's first token (ViT's class token, BERT's [CLS]): what the head reads."""

        element_wise = True  # a slice: 0 MACs

        def call(self, inputs: Any) -> Any:
            return inputs[:, 0, :]

        def compute_output_shape(self, input_shape: Any) -> Any:
            return (input_shape[0], input_shape[-1])

    return SimpleNamespace(
        ClassToken=ClassToken, PositionEmbedding=PositionEmbedding, FirstToken=FirstToken
    )


# --- the shared checks ----------------------------------------------------------------------


def _check_heads(values: Mapping[str, Value], width: str) -> None:
    size, heads = cast(int, values[width]), cast(int, values["heads"])
    if size % heads:
        raise ParameterError(
            "heads",
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{width}={size} cannot be split into {heads} heads of equal width: "
                    "{width} must be a multiple of heads",
                ),
                width=width,
                size=size,
                heads=heads,
            ),
        )


def _check_tokens(param: str, tokens: int) -> None:
    if tokens > MAX_TOKENS:
        raise ParameterError(
            param,
            Text(
                QT_TRANSLATE_NOOP(
                    "Core", "gives {tokens:,} tokens, more than the {most:,} this program builds"
                ),
                tokens=tokens,
                most=MAX_TOKENS,
            ),
        )


def _encoder_block(x: Any, index: int, values: Mapping[str, Value], *, pre_norm: bool) -> Any:
    """One encoder block: attention and a two-layer MLP, each added to its input; LayerNorm
    before each (pre-norm, ViT) or after each addition (post-norm, BERT)."""
    from keras import layers

    width, heads, mlp = (cast(int, values[k]) for k in ("width", "heads", "mlp_dim"))
    epsilon = 1e-6 if pre_norm else 1e-12  # as timm's ViT and BERT have them
    name = f"{BLOCK_PREFIX}{index}_"

    def norm(suffix: str, y: Any) -> Any:
        return layers.LayerNormalization(epsilon=epsilon, name=name + suffix)(y)

    if pre_norm:
        y = norm("norm1", x)
        y = layers.MultiHeadAttention(heads, width // heads, name=name + "attention")(y, y)
        x = layers.Add(name=name + "add1")([x, y])
        y = layers.Dense(mlp, activation="gelu", name=name + "mlp_1")(norm("norm2", x))
        y = layers.Dense(width, name=name + "mlp_2")(y)
        return layers.Add(name=name + "add2")([x, y])
    y = layers.MultiHeadAttention(heads, width // heads, name=name + "attention")(x, x)
    x = norm("norm1", layers.Add(name=name + "add1")([x, y]))
    y = layers.Dense(mlp, activation="gelu", name=name + "mlp_1")(x)
    y = layers.Dense(width, name=name + "mlp_2")(y)
    return norm("norm2", layers.Add(name=name + "add2")([x, y]))


# --- ViT ------------------------------------------------------------------------------------

# id -> title, depth, width, heads, mlp_dim
VIT_SIZES: dict[str, tuple[str, int, int, int, int]] = {
    "vit_ti16": ("ViT-Ti/16", 12, 192, 3, 768),
    "vit_s16": ("ViT-S/16", 12, 384, 6, 1536),
    "vit_b16": ("ViT-B/16", 12, 768, 12, 3072),
}


def _vit_params(
    depth: int, width: int, heads: int, mlp_dim: int
) -> tuple[IntParam | ShapeParam, ...]:
    return (
        ShapeParam(
            "input_shape",
            (224, 224, 3),
            QT_TRANSLATE_NOOP("Core", "Input image: height x width x channels"),
            min_note=QT_TRANSLATE_NOOP("Core", "and a multiple of patch_size"),
        ),
        IntParam(
            "patch_size",
            16,
            1,
            1024,
            QT_TRANSLATE_NOOP(
                "Core", "Side of the square patches that become tokens (a strided convolution)"
            ),
        ),
        IntParam(
            "classes", 1000, 1, 100_000, QT_TRANSLATE_NOOP("Core", "Units of the final Dense layer")
        ),
        IntParam("depth", depth, 1, 256, _BLOCKS_HELP),
        IntParam(
            "width", width, 1, 16_384, QT_TRANSLATE_NOOP("Core", "Width of every token (embedding)")
        ),
        IntParam("heads", heads, 1, 256, _HEADS_HELP),
        IntParam(
            "mlp_dim",
            mlp_dim,
            1,
            65_536,
            _MLP_HELP,
            label=QT_TRANSLATE_NOOP("Core", "MLP dim"),
        ),
    )


def vit_tokens(values: Mapping[str, Value]) -> int:
    """Patches plus the class token."""
    height, width, _ = cast(FixedShape, values["input_shape"])
    patch = cast(int, values["patch_size"])
    return (height // patch) * (width // patch) + 1


def check_vit(values: Mapping[str, Value]) -> None:
    shape = cast(FixedShape, values["input_shape"])
    patch = cast(int, values["patch_size"])
    if any(side % patch for side in shape[:2]):
        raise ParameterError(
            "input_shape",
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{shape} cannot be cut into {patch}x{patch} patches: height and width must "
                    "be multiples of patch_size ({patch})",
                ),
                shape=format_shape(shape),
                patch=patch,
            ),
        )
    _check_heads(values, "width")
    _check_tokens("input_shape", vit_tokens(values))


def build_vit(values: Mapping[str, Value]) -> keras.Model:
    import keras
    from keras import layers

    own = keras_layers()
    shape = cast(FixedShape, values["input_shape"])
    patch, width = cast(int, values["patch_size"]), cast(int, values["width"])
    inputs = keras.Input(shape=shape, name="image")
    x = layers.Conv2D(width, patch, strides=patch, name="patch_embedding")(inputs)
    x = layers.Reshape((vit_tokens(values) - 1, width), name="patch_tokens")(x)
    x = own.ClassToken(name="class_token")(x)
    x = own.PositionEmbedding(vit_tokens(values), name="position_embedding")(x)
    for index in range(1, cast(int, values["depth"]) + 1):
        x = _encoder_block(x, index, values, pre_norm=True)
    x = layers.LayerNormalization(epsilon=1e-6, name="encoder_norm")(x)
    x = own.FirstToken(name="class_token_output")(x)
    x = layers.Dense(values["classes"], activation="softmax", name="predictions")(x)
    return keras.Model(inputs, x, name="vit")


def _vit_entry(arch_id: str) -> Architecture:
    title, depth, width, heads, mlp_dim = VIT_SIZES[arch_id]
    return Architecture(
        id=arch_id,
        title=title,
        family="Transformer",
        description=Text(
            QT_TRANSLATE_NOOP(
                "Core",
                "Vision Transformer: the image is cut into 16x16 patches, each becomes a token "
                "of width {width} (one strided convolution), a learned class token and position "
                "embeddings are added, then {depth} pre-norm encoder blocks (attention with "
                "{heads} heads, an MLP of {mlp}) and a Dense classifier on the class token "
                "(Dosovitskiy et al. 2020). Attention compares every token with every other: "
                "its cost grows with the square of the token count.",
            ),
            width=width,
            depth=depth,
            heads=heads,
            mlp=mlp_dim,
        ),
        params=_vit_params(depth, width, heads, mlp_dim),
        build=build_vit,
        check=check_vit,
    )


# --- BERT -----------------------------------------------------------------------------------

# id -> title, sequence_length, layers, hidden, heads, intermediate
BERT_SIZES: dict[str, tuple[str, int, int, int, int, int]] = {
    "bert_tiny": ("BERT-Tiny", 128, 2, 128, 2, 512),
    "bert_base": ("BERT-Base", 512, 12, 768, 12, 3072),
}
TOKEN_TYPES = 2


def _bert_params(
    sequence_length: int, depth: int, hidden: int, heads: int, intermediate: int
) -> tuple[IntParam, ...]:
    return (
        IntParam(
            "vocab_size",
            30_522,
            1,
            1_000_000,
            QT_TRANSLATE_NOOP("Core", "Rows of the token embedding (WordPiece vocabulary)"),
        ),
        IntParam(
            "sequence_length",
            sequence_length,
            1,
            MAX_TOKENS,
            QT_TRANSLATE_NOOP("Core", "Tokens per sample; at most max_positions"),
        ),
        IntParam(
            "max_positions",
            512,
            1,
            MAX_TOKENS,
            QT_TRANSLATE_NOOP(
                "Core",
                "Rows of the learned position table (512 in BERT); a sequence uses its first "
                "sequence_length rows",
            ),
        ),
        IntParam("layers", depth, 1, 256, _BLOCKS_HELP),
        IntParam("hidden", hidden, 1, 16_384, QT_TRANSLATE_NOOP("Core", "Width of every token")),
        IntParam("heads", heads, 1, 256, _HEADS_HELP),
        IntParam(
            "intermediate",
            intermediate,
            1,
            65_536,
            _MLP_HELP,
        ),
    )


def check_bert(values: Mapping[str, Value]) -> None:
    length, positions = cast(int, values["sequence_length"]), cast(int, values["max_positions"])
    if length > positions:
        raise ParameterError(
            "sequence_length",
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{length} tokens need {length} learned positions, but max_positions is "
                    "{positions}: raise max_positions or shorten the sequence",
                ),
                length=length,
                positions=positions,
            ),
        )
    _check_heads(values, "hidden")


def build_bert(values: Mapping[str, Value]) -> keras.Model:
    import keras
    from keras import layers

    own = keras_layers()
    length, hidden = cast(int, values["sequence_length"]), cast(int, values["hidden"])
    block = {"width": hidden, "heads": values["heads"], "mlp_dim": values["intermediate"]}
    token_ids = keras.Input(shape=(length,), dtype="int32", name="token_ids")
    segment_ids = keras.Input(shape=(length,), dtype="int32", name="segment_ids")
    x = layers.Embedding(values["vocab_size"], hidden, name="token_embedding")(token_ids)
    x = own.PositionEmbedding(values["max_positions"], name="position_embedding")(x)
    segments = layers.Embedding(TOKEN_TYPES, hidden, name="segment_embedding")(segment_ids)
    x = layers.Add(name="embeddings_add")([x, segments])
    x = layers.LayerNormalization(epsilon=1e-12, name="embeddings_norm")(x)
    for index in range(1, cast(int, values["layers"]) + 1):
        x = _encoder_block(x, index, block, pre_norm=False)
    x = own.FirstToken(name="first_token")(x)
    x = layers.Dense(hidden, activation="tanh", name="pooler")(x)
    return keras.Model([token_ids, segment_ids], x, name="bert")


def _bert_entry(arch_id: str) -> Architecture:
    title, length, depth, hidden, heads, intermediate = BERT_SIZES[arch_id]
    return Architecture(
        id=arch_id,
        title=title,
        family="Transformer",
        description=Text(
            QT_TRANSLATE_NOOP(
                "Core",
                "BERT-style text encoder: token, position (a learned table of 512) and segment "
                "embeddings are added and normalised, then {depth} post-norm encoder blocks "
                "(attention with {heads} heads of a {hidden}-wide token, an MLP of "
                "{intermediate}) and a tanh pooler on the first token (Devlin et al. 2018). "
                "Inputs: token ids and segment ids. Attention's cost grows with the square of "
                "sequence_length.",
            ),
            depth=depth,
            heads=heads,
            hidden=hidden,
            intermediate=intermediate,
        ),
        params=_bert_params(length, depth, hidden, heads, intermediate),
        build=build_bert,
        check=check_bert,
    )


ARCHITECTURES = (*(_vit_entry(i) for i in VIT_SIZES), *(_bert_entry(i) for i in BERT_SIZES))
