"""A table of text cells (headers, rows, right-aligned columns) as plain text, Markdown, CSV or
tab-separated text: one renderer of each kind for every table the program shows or exports.

A cell comes from a model (a layer's name in a model file may hold any character): control
characters are written as escapes (``errors.one_line``), so that no table moves a terminal's
cursor, recolours it or breaks a row in two. JSON keeps names exactly."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from explorer.core.base.errors import one_line

Cells = Sequence[str]
_GROUPED_NUMBER = re.compile(r"^[+-]?\d{1,3}(,\d{3})+$")


def plain_number(cell: str) -> str:
    """``"1,234,567"`` -> ``"1234567"`` for files and spreadsheets; any other cell unchanged."""
    return cell.replace(",", "") if _GROUPED_NUMBER.match(cell) else cell


def plain_table(headers: Cells, rows: Sequence[Cells], right: set[int]) -> list[str]:
    """Aligned columns between two rules, for a terminal."""
    headers, rows = [one_line(c) for c in headers], [[one_line(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: Cells) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    rule = "-" * len(line(headers))
    return [line(headers), rule, *(line(r) for r in rows), rule]


def markdown_table(headers: Cells, rows: Sequence[Cells], right: set[int]) -> list[str]:
    def esc(cell: str) -> str:
        return _tabs_kept(cell).replace("|", "\\|")

    align = ["---:" if i in right else "---" for i in range(len(headers))]
    return ["| " + " | ".join(esc(c) for c in r) + " |" for r in [headers, align, *rows]]


def csv_text(headers: Cells, rows: Iterable[Sequence[object]]) -> str:
    """The one CSV writer: a header line, then every cell as it is, lines ending in ``\\n``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([_tabs_kept(c) for c in headers])
    writer.writerows([_tabs_kept(c) if isinstance(c, str) else c for c in r] for r in rows)
    return out.getvalue()


def _tabs_kept(cell: str) -> str:
    """A cell of a file keeps its tabs (CSV quotes them, Markdown shows a space); other
    control characters are escaped."""
    return "\t".join(one_line(part) for part in cell.split("\t"))


def csv_table(headers: Cells, rows: Sequence[Cells]) -> str:
    """A table of display cells as CSV, its grouped numbers plain."""
    return csv_text(headers, ([plain_number(c) for c in r] for r in rows))


def tsv_table(headers: Cells, rows: Sequence[Cells]) -> str:
    """Tab-separated lines, as spreadsheets paste them; a tab or newline in a cell is a space."""

    def clean(cell: str) -> str:
        return one_line(plain_number(cell).replace("\t", " ").replace("\n", " "))

    return "".join("\t".join(clean(c) for c in r) + "\n" for r in [headers, *rows])
