"""How the numbers of sequence layers come about, written out with their own values:
Embedding, LayerNormalization, recurrent layers and self-attention.

As in ``explain``, a formula is shown only when it gives exactly the summary's number.
"""

from __future__ import annotations

from explorer.core.analysis.summary import LayerRow
from explorer.core.base.shapes import Shape
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text

_GATES = {"LSTM": 4, "GRU": 3, "SimpleRNN": 1}


def sequence_formulas(row: LayerRow, given: Shape, out: Shape) -> list[str] | None:
    """The lines for a sequence layer; None for a layer kind this does not explain."""
    d, width = int(given[-1] or 0), int(out[-1] or 0)
    if row.type == "Embedding" and width and row.params % width == 0:
        return [
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "params = {vocab:,}·{width} = {params:,}: a row of {width} values per token "
                    "id; MACs = 0, a lookup multiplies nothing",
                ),
                vocab=row.params // width,
                width=width,
                params=row.params,
            )
        ]
    if row.type == "PositionEmbedding" and width and row.params % width == 0:
        return [
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "params = {rows:,}·{width} = {params:,}: a learned vector per position, added "
                    "to the token there (the first {tokens} rows are used); MACs = 0",
                ),
                rows=row.params // width,
                width=width,
                params=row.params,
                tokens=out[1],
            )
        ]
    if row.type == "ClassToken" and row.params == width:
        return [
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "params = {width}: one learned token put before the {tokens} others; the "
                    "classifier reads it at the end",
                ),
                width=width,
                tokens=given[1],
            )
        ]
    if row.type == "LayerNormalization" and row.params == 2 * width:
        return [
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "params = 2·{width} = {params:,}: γ and β per feature; each token is "
                    "normalised over its own {width} values",
                ),
                width=width,
                params=row.params,
            )
        ]
    if row.type in _GATES and len(given) == 3:
        return _recurrent(row, int(given[1] or 0), d, width)
    if row.type == "MultiHeadAttention" and len(given) == 3:
        return _self_attention(row, int(given[1] or 0), d)
    return None


def _recurrent(row: LayerRow, steps: int, d: int, units: int) -> list[str]:
    gates = _GATES[row.type]
    lines: list[str] = []
    kernels = d * units + units * units
    if row.params == gates * (kernels + units):
        lines.append(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "params = {gates}·({d}·{u} + {u}·{u} + {u}) = {params:,}: per gate an input "
                    "kernel, a recurrent kernel and a bias",
                ),
                gates=gates,
                d=d,
                u=units,
                params=row.params,
            )
        )
    elif row.params == gates * (kernels + 2 * units):
        lines.append(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "params = {gates}·({d}·{u} + {u}·{u} + 2·{u}) = {params:,}: per gate an "
                    "input kernel, a recurrent kernel and two biases (reset_after)",
                ),
                gates=gates,
                d=d,
                u=units,
                params=row.params,
            )
        )
    if row.macs == steps * gates * kernels:
        lines.append(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "MACs = {steps} steps · {gates}·({d}·{u} + {u}·{u}) = {macs:,}: every step "
                    "multiplies the input and the last state into each gate",
                ),
                steps=steps,
                gates=gates,
                d=d,
                u=units,
                macs=row.macs,
            )
        )
    return lines


def _self_attention(row: LayerRow, tokens: int, d: int) -> list[str]:
    """Self-attention whose output is as wide as its input: heads x key width (hk) follows from
    the parameters, 4·d·hk + 3·hk + d with biases."""
    if 4 * d + 3 == 0 or (row.params - d) % (4 * d + 3):
        return []
    hk = (row.params - d) // (4 * d + 3)
    lines: list[str] = [
        Text(
            QT_TRANSLATE_NOOP(
                "Core",
                "params = 3·({d}·{hk} + {hk}) + {hk}·{d} + {d} = {params:,}: the query, key and "
                "value projections to heads × key width = {hk}, and the output projection",
            ),
            d=d,
            hk=hk,
            params=row.params,
        )
    ]
    if row.macs == 4 * tokens * d * hk + 2 * tokens * tokens * hk:
        lines.append(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "MACs = 4·{t}·{d}·{hk} + 2·{t}·{t}·{hk} = {macs:,}: the four projections, "
                    "then QKᵀ and AV over every pair of the {t} tokens (this part grows with "
                    "the square of the tokens)",
                ),
                t=tokens,
                d=d,
                hk=hk,
                macs=row.macs,
            )
        )
    return lines
