"""Explanations of sequence layers (issue 14): each formula written out with the layer's own
values equals the summary's number; a formula that would not is not shown."""

from __future__ import annotations

from explorer.core.analysis.explain import explain
from explorer.core.analysis.summary import ModelSummary, summarize_model


def explained(summary: ModelSummary, name: str) -> list[str]:
    index = next(i for i, row in enumerate(summary.layers) if row.name == name)
    return [str(line) for line in explain(summary, index)]


def test_a_vision_transformer_s_layers(summary_of) -> None:
    vit = summary_of("vit_b16")
    assert explained(vit, "class_token") == [
        "params = 768: one learned token put before the 196 others; the classifier reads it at "
        "the end"
    ]
    assert explained(vit, "position_embedding") == [
        "params = 197·768 = 151,296: a learned vector per position, added to the token there "
        "(the first 197 rows are used); MACs = 0"
    ]
    assert explained(vit, "encoder_block1_norm1") == [
        "params = 2·768 = 1,536: γ and β per feature; each token is normalised over its own 768 "
        "values"
    ]
    # 4 x 197 x 768 x 768 = 464,781,312 projections, 2 x 197 x 197 x 768 = 59,610,624 products.
    assert explained(vit, "encoder_block1_attention") == [
        "params = 3·(768·768 + 768) + 768·768 + 768 = 2,362,368: the query, key and value "
        "projections to heads × key width = 768, and the output projection",
        "MACs = 4·197·768·768 + 2·197·197·768 = 524,391,936: the four projections, then QKᵀ "
        "and AV over every pair of the 197 tokens (this part grows with the square of the "
        "tokens)",
    ]
    assert explained(vit, "encoder_block1_mlp_1") == [
        "params = (768 + 1)·3072 = 2,362,368",
        "MACs = 197 · 768·3072 = 464,781,312: the same weights at every position",
    ]


def test_embeddings_and_recurrent_layers() -> None:
    import keras
    from keras import layers

    tokens = keras.Input((40,), dtype="int32")
    x = layers.Embedding(1000, 64, name="embed")(tokens)
    x = layers.LSTM(32, return_sequences=True, name="lstm")(x)
    x = layers.GRU(16, reset_after=False, name="gru_before")(x)
    summary = summarize_model(keras.Model(tokens, x), "test")
    assert explained(summary, "embed") == [
        "params = 1,000·64 = 64,000: a row of 64 values per token id; MACs = 0, a lookup "
        "multiplies nothing"
    ]
    assert explained(summary, "lstm") == [
        "params = 4·(64·32 + 32·32 + 32) = 12,416: per gate an input kernel, a recurrent kernel "
        "and a bias",
        "MACs = 40 steps · 4·(64·32 + 32·32) = 491,520: every step multiplies the input and the "
        "last state into each gate",
    ]
    assert explained(summary, "gru_before") == [
        "params = 3·(32·16 + 16·16 + 16) = 2,352: per gate an input kernel, a recurrent kernel "
        "and a bias",
        "MACs = 40 steps · 3·(32·16 + 16·16) = 92,160: every step multiplies the input and the "
        "last state into each gate",
    ]
    assert explained(summary, "lstm_cell") == [
        "One step of lstm: this LSTMCell runs at every step, so its shape and MACs are one "
        "step's; the lstm row counts its parameters and every step's MACs."
    ]
