"""The plots' axis: its own module, as it subclasses pyqtgraph's (imported with the first plot)."""

from __future__ import annotations

import pyqtgraph as pg

from explorer.core.base.units import axis_number


class NumberAxis(pg.AxisItem):
    """Ticks as readable SI numbers ("25.6 M", "3.9 G"), never e-notation or "(x1e+09)"."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)

    def tickStrings(  # noqa: N802 - pyqtgraph's name
        self, values: list[float], scale: float, spacing: float
    ) -> list[str]:
        if self.logMode:  # the values are powers of ten
            return [axis_number(10.0**value) for value in values]
        return [axis_number(value * scale) for value in values]
