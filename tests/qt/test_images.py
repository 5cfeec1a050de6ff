"""SVG drawings made into PNG pictures by Qt's own renderer (``explorer.qt.widgets.images``)."""

from __future__ import annotations

import pytest

from explorer.qt.widgets.images import ImageError, svg_to_png


def test_a_drawing_too_large_for_a_png_is_refused_in_one_line(qapp) -> None:
    """A 5,000-layer design unfolded is 740,016 pixels tall at 2x: QPainter failed on it, and
    the CLI wrote an empty PNG, said "wrote" and exited 0."""
    tall = '<svg xmlns="http://www.w3.org/2000/svg" width="548" height="370008"></svg>'
    with pytest.raises(ImageError) as caught:
        svg_to_png(tall)
    assert str(caught.value) == (
        "the drawing is 1,096 × 740,016 pixels, more than a PNG is made of here (at most "
        "32,767 a side, 200 M pixels): save it as SVG, or fold it"
    )
    with pytest.raises(ImageError) as caught:
        svg_to_png("<svg")
    assert str(caught.value) == "the drawing could not be read as SVG"
    small = svg_to_png('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"/>')
    assert small[:4] == b"\x89PNG"
